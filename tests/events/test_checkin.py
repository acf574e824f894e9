"""Check-in: the QR code on confirmations and agendas (web, PDF, mail), the staff's phone page that finds a
person by name or company and checks in by code, no-shows whose meetings are freed for their partners.
Bad codes (forged, of another event, used twice) are refused clearly and change nothing; only the event's
staff reach any of it."""

from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from itkoop.events import checkin, meetings, notifications, selectors, services
from itkoop.events.models import Meeting, MeetingRequest, ParticipantProfile, Registration, ScheduleRun
from itkoop.events.services import EventError
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of
from .factories import EventFactory, confirmed, meeting_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return meeting_day(hub_id="kassel")


@pytest.fixture
def people(day):
    users = [member_of(CompanyFactory(name="Kranich Systeme GmbH"))] + [UserFactory() for _ in range(2)]
    for i, user in enumerate(users):
        user.first_name, user.last_name = f"Person{i}", "Test"
        # the factory's e-mail "person12@..." would hold "Person1" and make the name search ambiguous
        user.email = f"gast-{user.pk}@example.org"
        user.save()
        confirmed(day, user)
    ParticipantProfile.objects.create(event=day, user=users[2], company_name="Eulenwerk AG")
    return users


def _registration(day, user):
    return Registration.objects.get(event=day, user=user)


# --- codes ---


def test_a_code_checks_its_person_in_once(day, people):
    registration = _registration(day, people[1])
    staff = hub_staff("kassel")
    checkin.check_in_by_code(actor=staff, event=day, token=checkin.token_for(registration))
    registration.refresh_from_db()
    assert registration.checked_in is not None
    with pytest.raises(EventError, match="bereits eingecheckt"):
        checkin.check_in_by_code(actor=staff, event=day, token=checkin.token_for(registration))


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "ungültig"),
        (lambda token: "1." + token, "ungültig"),
        (lambda token: "", "Check-in-Code"),
    ],
)
def test_forged_codes_are_refused_and_change_nothing(day, people, tamper, message):
    registration = _registration(day, people[1])
    with pytest.raises(EventError, match=message):
        checkin.check_in_by_code(
            actor=hub_staff("kassel"), event=day, token=tamper(checkin.token_for(registration))
        )
    registration.refresh_from_db()
    assert registration.checked_in is None


def test_a_code_of_another_event_is_refused(day, people):
    other = EventFactory(hub_id="kassel")
    foreign = confirmed(other, people[1])
    with pytest.raises(EventError, match="anderen Veranstaltung"):
        checkin.check_in_by_code(actor=hub_staff("kassel"), event=day, token=checkin.token_for(foreign))
    foreign.refresh_from_db()
    assert foreign.checked_in is None and _registration(day, people[1]).checked_in is None


def test_a_code_of_a_cancelled_seat_is_refused(day, people):
    registration = _registration(day, people[1])
    services.cancel(actor=people[1], registration=registration)
    with pytest.raises(EventError, match="keine bestätigte Anmeldung"):
        checkin.check_in_by_code(actor=hub_staff("kassel"), event=day, token=checkin.token_for(registration))


def test_scanned_code_page_shows_the_person_writes_nothing_and_post_checks_in(client, day, people):
    registration = _registration(day, people[0])
    client.force_login(hub_staff("kassel"))
    url = reverse("events:checkin_code", args=[day.pk])
    page = client.get(checkin.checkin_url(registration).removeprefix("http://testserver"))
    assert page.status_code == 200
    assert "Person0 Test, Kranich Systeme GmbH" in page.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in is None
    response = client.post(url, {"code": checkin.token_for(registration)})
    registration.refresh_from_db()
    assert response.status_code == 302 and registration.checked_in is not None


def test_forged_code_on_the_page_is_a_clear_400(client, day, people):
    client.force_login(hub_staff("kassel"))
    response = client.post(reverse("events:checkin_code", args=[day.pk]), {"code": "9.9:gefälscht"})
    assert response.status_code == 400 and "Dieser Code ist ungültig." in response.content.decode()
    assert not Registration.objects.filter(checked_in__isnull=False).exists()


def test_the_scanned_link_typed_into_the_code_field_checks_in(client, day, people):
    """A hand scanner at the entrance types what the QR code holds, the whole check-in link, into the code
    field; the field takes the link as well as the bare code. A link with a forged code stays refused."""
    registration = _registration(day, people[1])
    client.force_login(hub_staff("kassel"))
    url = reverse("events:checkin_code", args=[day.pk])
    forged = client.post(url, {"code": checkin.checkin_url(registration)[:-2] + "xx"})
    registration.refresh_from_db()
    assert forged.status_code == 400 and registration.checked_in is None
    response = client.post(url, {"code": f" {checkin.checkin_url(registration)} "})
    registration.refresh_from_db()
    assert response.status_code == 302 and registration.checked_in is not None


# --- who may ---


@pytest.mark.parametrize(
    "who", ["participant", "other_hub_staff", "staff", "center_admin"], ids=lambda who: who
)
def test_only_the_events_staff_reach_the_check_in(client, day, people, who):
    user = {
        "participant": lambda: people[0],
        "other_hub_staff": lambda: hub_staff("berlin"),
        "staff": lambda: hub_staff("kassel"),
        "center_admin": center_admin,
    }[who]()
    client.force_login(user)
    registration = _registration(day, people[1])
    allowed = who in ("staff", "center_admin")
    pages = [
        client.get(reverse("events:checkin", args=[day.pk])),
        client.get(reverse("events:checkin_code", args=[day.pk]), {"code": checkin.token_for(registration)}),
    ]
    assert all(p.status_code == (200 if allowed else 404) for p in pages)
    client.post(reverse("events:checkin_code", args=[day.pk]), {"code": checkin.token_for(registration)})
    client.post(reverse("events:no_show", args=[day.pk, _registration(day, people[2]).pk]))
    registration.refresh_from_db()
    assert (registration.checked_in is not None) == allowed
    assert (_registration(day, people[2]).no_show is not None) == allowed


def test_a_participant_scanning_their_own_code_is_told_it_is_their_ticket(client, day, people):
    """The camera app of the participant's own phone opens the link in their QR code: a page that says what
    the code is for and leads to their agenda, not a 404; nothing is checked in."""
    registration = _registration(day, people[1])
    client.force_login(people[1])
    page = client.get(checkin.checkin_url(registration).removeprefix("http://testserver"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Dieser Code ist Ihr Eintritt: Zeigen Sie ihn am Empfang vor." in text
    assert reverse("events:agenda", args=[day.pk]) in text
    assert 'class="qr-code"' in text  # the code again, to show at the desk
    registration.refresh_from_db()
    assert registration.checked_in is None


def test_someone_elses_code_and_a_participants_post_stay_404(client, day, people):
    own, other = _registration(day, people[1]), _registration(day, people[2])
    client.force_login(people[1])
    url = reverse("events:checkin_code", args=[day.pk])
    assert client.get(url, {"code": checkin.token_for(other)}).status_code == 404
    assert client.get(url, {"code": "9.9:gefälscht"}).status_code == 404
    assert client.get(url).status_code == 404
    assert client.post(url, {"code": checkin.token_for(own)}).status_code == 404
    own.refresh_from_db()
    assert own.checked_in is None


# --- search ---


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Person1", ["Person1"]), ("kranich", ["Person0"]), ("Eulenwerk", ["Person2"]), ("Test", None)],
)
def test_search_finds_people_by_name_or_company(day, people, query, expected):
    found = [r.user.first_name for r, _person in selectors.checkin_search(day, query)]
    assert sorted(found) == (expected or ["Person0", "Person1", "Person2"])


def test_checkin_page_searches_on_a_phone_sized_list(client, day, people):
    client.force_login(hub_staff("kassel"))
    page = client.get(reverse("events:checkin", args=[day.pk]), {"q": "Kranich"}).content.decode()
    assert "Person0 Test, Kranich Systeme GmbH" in page and "Person1 Test" not in page
    too_long = client.get(reverse("events:checkin", args=[day.pk]), {"q": "x" * 101})
    assert too_long.status_code == 200 and "höchstens 100 Zeichen" in too_long.content.decode()


# --- no-shows ---


@pytest.fixture
def planned(day, people):
    """Person0 meets Person1 and Person2; the plan is published."""
    requests = []
    for other in people[1:]:
        request = meetings.request_send(
            actor=people[0], event=day, recipient_id=other.pk, reason="Gespräch", priority=2
        )
        requests.append(meetings.request_answer(actor=other, request=request, accept=True))
    for slot, request in enumerate(requests):
        Meeting.objects.create(event=day, request=request, slot=slot, table=0)
    day.schedule_published = day.start
    day.save()
    return requests


def test_a_no_show_frees_their_meetings_and_each_partner_is_told(
    day, people, planned, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        freed = checkin.mark_no_show(
            actor=hub_staff("kassel"), event=day, registration=_registration(day, people[0])
        )
    assert freed == 2 and not Meeting.objects.filter(event=day).exists()
    assert _registration(day, people[0]).no_show is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people[1].email, people[2].email])
    message = next(m for m in mail.outbox if m.to == [people[1].email])
    assert "nicht erschienen" in message.body
    calendar = icalendar.Calendar.from_ical(next(a[1] for a in message.attachments if "CANCEL" in a[2]))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"meeting-request-{planned[0].pk}@itkoop"
    assert not Notification.objects.filter(recipient=people[0], kind=notifications.MEETINGS_CHANGED).exists()
    assert MeetingRequest.objects.filter(pk=planned[0].pk).exists()  # the request stays, the time is freed


def test_the_no_show_button_waits_for_the_start_of_the_event(client, day, people):
    """Before the event has begun nobody can have failed to come: the check-in list (open ahead of the day,
    to look people up) offers no button that would free a person's meetings and tell their partners."""
    client.force_login(hub_staff("kassel"))
    url = reverse("events:checkin", args=[day.pk])
    no_show = reverse("events:no_show", args=[day.pk, _registration(day, people[1]).pk])
    assert no_show not in client.get(url).content.decode()
    day.start = timezone.now() - timedelta(minutes=5)
    day.save(update_fields=["start"])
    assert no_show in client.get(url).content.decode()


def test_a_second_no_show_of_the_same_person_is_refused_and_changes_nothing(client, day, people, planned):
    """The button pressed twice (or in two tabs): the first marks and frees, the second says so and leaves
    the time and the log as they are."""
    from itkoop.core.models import AuditEntry

    registration = _registration(day, people[0])
    client.force_login(hub_staff("kassel"))
    url = reverse("events:no_show", args=[day.pk, registration.pk])
    client.post(url)
    marked = _registration(day, people[0]).no_show
    entries = AuditEntry.objects.filter(action="registration_no_show").count()
    response = client.post(url, follow=True)
    assert "bereits als nicht erschienen vermerkt" in response.content.decode()
    assert _registration(day, people[0]).no_show == marked and marked is not None
    assert AuditEntry.objects.filter(action="registration_no_show").count() == entries == 1


def test_a_rebuilt_plan_leaves_the_no_show_out(
    client, day, people, planned, django_capture_on_commit_callbacks
):
    """Staff freed a no-show's meetings and their partners were told; rebuilding the plan afterwards must not
    put the person who is not there back into those partners' plans."""
    staff = hub_staff("kassel")
    checkin.mark_no_show(actor=staff, event=day, registration=_registration(day, people[0]))
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:schedule_build", args=[day.pk]))
    assert ScheduleRun.objects.filter(event=day, status=ScheduleRun.Status.DONE).exists()
    assert not Meeting.objects.filter(event=day).exists()
    page = client.get(reverse("events:schedule", args=[day.pk])).content.decode()
    assert "Person0 Test" not in page  # not listed as waiting for a meeting either


def test_a_checked_in_person_is_no_no_show(day, people, planned):
    registration = _registration(day, people[0])
    services.set_checked_in(actor=hub_staff("kassel"), registration=registration, checked_in=True)
    with pytest.raises(EventError, match="eingecheckt"):
        checkin.mark_no_show(actor=hub_staff("kassel"), event=day, registration=registration)
    assert Meeting.objects.filter(event=day).count() == 2


# --- the code on confirmations and agendas ---


def test_confirmed_seat_shows_the_qr_code_on_the_event_and_agenda(client, day, people):
    client.force_login(people[0])
    token = checkin.token_for(_registration(day, people[0]))
    for name in ("detail", "agenda"):
        page = client.get(reverse(f"events:{name}", args=[day.pk])).content.decode()
        assert '<svg role="img" class="qr-code"' in page and token in page


def test_waiting_list_shows_no_qr_code(client, people):
    event = EventFactory(hub_id="kassel", capacity=1)
    confirmed(event, people[0])
    services.register(actor=people[1], event=event)
    client.force_login(people[1])
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "qr-code" not in page


def test_agenda_pdf_holds_the_qr_code(day, people):
    context = {**selectors.agenda_context(day, people[0]), **checkin.code_context(day, people[0])}
    html = render_to_string("events/agenda_pdf.html", context)
    assert (
        '<svg role="img" class="qr-code"' in html and checkin.token_for(_registration(day, people[0])) in html
    )


def test_confirmation_mail_carries_the_qr_code(django_capture_on_commit_callbacks):
    event = EventFactory(hub_id="kassel")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(actor=UserFactory(), event=event)
    (message,) = mail.outbox
    assert [a[2] for a in message.attachments] == ["text/calendar", "image/png"]
    assert message.attachments[1][1].startswith(b"\x89PNG")
    assert "QR-Code" in message.body
