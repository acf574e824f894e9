"""Meeting requests, answers, the published plan and every later change to a person's meetings reach that
person (in-app and by e-mail, in their language), with an .ics that updates the calendar in place (same UID,
higher SEQUENCE, times in the platform's time zone) or cancels the meeting (METHOD:CANCEL)."""

from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from itkoop import scheduler
from itkoop.events import meetings, notifications, scheduling, services
from itkoop.events.models import Meeting, MeetingNotice, MeetingRequest, ParticipantProfile
from itkoop.notifications.models import Notification
from itkoop.notifications.rendering import email_for

from ..factories import CompanyFactory, UserFactory, hub_staff, member_of
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def day():
    # Summer time: 08:00 UTC is 10:00 in Berlin.
    start = timezone.now().replace(month=6, day=15, hour=7, minute=0, second=0, microsecond=0)
    return meeting_day(hub_id="kassel", start=start.replace(year=start.year + 1))


@pytest.fixture
def company():
    return CompanyFactory(name="Alpha IT GmbH")


@pytest.fixture
def people(day, company):
    """Four participants; the first a member of a catalog company with a profile, the second reads English."""
    first = member_of(company)
    users = [first] + [UserFactory() for _ in range(3)]
    for i, user in enumerate(users):
        user.first_name, user.last_name = f"Person{i}", "Test"
        user.language = "en" if i == 1 else "de"
        user.save()
        confirmed(day, user)
    ParticipantProfile.objects.create(
        event=day, user=first, company_name="Alpha", offers="ERP-Einführung", seeks="Cloud-Hosting"
    )
    return users


def _mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def _kinds_of(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def _accepted(day, sender, recipient):
    request = meetings.request_send(
        actor=sender, event=day, recipient_id=recipient.pk, reason="Kooperation ERP", priority=2
    )
    return meetings.request_answer(actor=recipient, request=request, accept=True)


def _events(message, method="PUBLISH"):
    """The VEVENTs of the message's .ics attachment with this METHOD, by UID."""
    for _name, content, mimetype in message.attachments:
        if not mimetype.startswith("text/calendar"):
            continue
        calendar = icalendar.Calendar.from_ical(content)
        if str(calendar["method"]) == method:
            return {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    return {}


@pytest.fixture
def published(day, people, django_capture_on_commit_callbacks):
    """Accepted requests 0-1, 0-2, 2-3 and a plan built from them, its notices sent."""
    with django_capture_on_commit_callbacks(execute=True):
        requests = [_accepted(day, people[a], people[b]) for a, b in ((0, 1), (0, 2), (2, 3))]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.schedule_build(actor=hub_staff("kassel"), event=day)
    day.refresh_from_db()
    return requests


# --- requests and answers ---


def test_request_reaches_the_recipient_with_company_link_and_profile(
    day, people, company, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_send(
            actor=people[0], event=day, recipient_id=people[2].pk, reason="Kooperation ERP", priority=2
        )
    assert _kinds_of(people[2]) == [notifications.MEETING_REQUEST]
    assert notifications.MEETING_REQUEST not in _kinds_of(people[0])
    (message,) = _mails_to(people[2])
    assert message.subject == "itkoop: Gesprächsanfrage von Person0 Test, Alpha IT GmbH: " + day.title
    company_url = "http://testserver" + reverse("registry:company", args=[company.external_id])
    assert company_url in message.body
    assert "ERP-Einführung" in message.body and "Cloud-Hosting" in message.body
    html = message.alternatives[0][0]
    assert f'<a href="{company_url}">Alpha IT GmbH</a>' in html
    assert _mails_to(people[0]) == []


def test_request_mail_is_in_the_recipients_language(day, people, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_send(
            actor=people[0], event=day, recipient_id=people[1].pk, reason="Kooperation ERP", priority=2
        )
    (message,) = _mails_to(people[1])
    assert message.subject.startswith("itkoop: Meeting request from Person0 Test, Alpha IT GmbH")
    assert "Offers: ERP-Einführung" in message.body


def test_request_list_shows_the_requesters_company_and_profile(client, day, people, company):
    meetings.request_send(
        actor=people[0], event=day, recipient_id=people[2].pk, reason="Kooperation ERP", priority=2
    )
    client.force_login(people[2])
    page = client.get(reverse("events:requests", args=[day.pk])).content.decode()
    company_url = reverse("registry:company", args=[company.external_id])
    assert f'<a href="{company_url}">Alpha IT GmbH</a>' in page
    assert "ERP-Einführung" in page and "Cloud-Hosting" in page


def test_dashboard_names_the_requesters_company(client, day, people):
    meetings.request_send(
        actor=people[0], event=day, recipient_id=people[2].pk, reason="Kooperation ERP", priority=2
    )
    client.force_login(people[2])
    page = client.get(reverse("dashboard:index")).content.decode()
    assert "von Person0 Test (Alpha)" in page


def test_acceptance_reaches_the_requester_only(day, people, django_capture_on_commit_callbacks):
    request = meetings.request_send(
        actor=people[2], event=day, recipient_id=people[0].pk, reason="Kooperation ERP", priority=2
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_answer(actor=people[0], request=request, accept=True)
    assert notifications.MEETING_REQUEST_ACCEPTED in _kinds_of(people[2])
    assert notifications.MEETING_REQUEST_ACCEPTED not in _kinds_of(people[0])
    (message,) = _mails_to(people[2])
    assert "Person0 Test, Alpha IT GmbH hat Ihre Gesprächsanfrage" in message.subject
    assert "ERP-Einführung" in message.body and not message.attachments


def test_decline_reaches_the_requester_in_their_language(day, people, django_capture_on_commit_callbacks):
    request = meetings.request_send(
        actor=people[1], event=day, recipient_id=people[3].pk, reason="Kooperation ERP", priority=2
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_answer(actor=people[3], request=request, accept=False)
    (message,) = _mails_to(people[1])
    assert "declined your meeting request" in message.subject
    assert _mails_to(people[3]) == [] and not message.attachments


# --- the published plan ---


def test_publication_sends_one_notice_per_person_listing_their_meetings(day, people, published):
    for person in people:
        assert _kinds_of(person).count(notifications.MEETINGS_PUBLISHED) == 1
        (message,) = _mails_to(person)
        mine = Meeting.objects.filter(event=day).filter(request__sender=person) | Meeting.objects.filter(
            event=day, request__recipient=person
        )
        assert set(_events(message)) == {f"meeting-request-{m.request_id}@itkoop" for m in mine}
    assert day.schedule_published is not None
    # The plan in the mail names each partner with their company.
    assert "Person0 Test, Alpha IT GmbH" in _mails_to(people[2])[0].body


def test_published_ics_times_are_in_the_platforms_time_zone(day, people, published):
    meeting = Meeting.objects.get(request=published[2])
    (message,) = _mails_to(people[3])
    (vevent,) = _events(message).values()
    start = vevent.decoded("dtstart")
    assert start == day.slot_start(meeting.slot) and start.tzinfo.key == "Europe/Berlin"
    local = day.slot_start(meeting.slot).astimezone(BERLIN)
    assert local.utcoffset().total_seconds() == 2 * 3600  # summer time
    assert f"DTSTART;TZID=Europe/Berlin:{local:%Y%m%dT%H%M%S}" in vevent.to_ical().decode()
    assert "BEGIN:VTIMEZONE" in str(message.attachments[0][1])


def test_participant_outside_the_plan_hears_nothing(day, people, django_capture_on_commit_callbacks):
    outsider = UserFactory()
    confirmed(day, outsider)
    with django_capture_on_commit_callbacks(execute=True):
        _accepted(day, people[0], people[1])
        meetings.schedule_build(actor=hub_staff("kassel"), event=day)
    assert notifications.MEETINGS_PUBLISHED not in _kinds_of(outsider)
    assert notifications.MEETINGS_PUBLISHED not in _kinds_of(people[3])


# --- rebuilds ---


def _rebuild_with(day, change=None):
    """Store a rebuilt plan: the current one, with ``change(meetings)`` applied (the solver's job, made
    deterministic here)."""
    adapted = scheduling.build_problem(day)
    result = scheduling.current_result(day, adapted)
    placed = list(result.meetings)
    if change is not None:
        placed = change(placed)
    scheduling._store(
        day,
        adapted,
        scheduler.ScheduleResult(
            meetings=tuple(placed), value=0, bound=0, idle_gaps=0, status=scheduler.Status.FEASIBLE
        ),
    )


def _free_place(day, placed, request):
    busy = {(m.slot, m.table) for m in placed}
    people = {request.sender_id, request.recipient_id}
    requests = {r.pk: r for r in MeetingRequest.objects.filter(event=day)}
    taken_slots = {
        m.slot for m in placed if {requests[m.request].sender_id, requests[m.request].recipient_id} & people
    }
    for slot, _start, _end, is_break in day.slot_times():
        for table in range(day.tables):
            if not is_break and slot not in taken_slots and (slot, table) not in busy:
                return slot, table
    raise AssertionError("no free place")


def test_rebuild_without_changes_tells_nobody(day, people, published, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _rebuild_with(day)
    assert mail.outbox == []
    assert not Notification.objects.filter(kind=notifications.MEETINGS_CHANGED).exists()


def test_rebuild_tells_only_the_people_whose_meeting_moved(
    day, people, published, django_capture_on_commit_callbacks
):
    request = published[2]  # people 2 and 3
    old = Meeting.objects.get(request=request)
    uid = f"meeting-request-{request.pk}@itkoop"
    sequence_before = int(_events(_mails_to(people[3])[0])[uid]["sequence"])
    mail.outbox.clear()

    def move(placed):
        slot, table = _free_place(day, placed, request)
        return [
            scheduler.Meeting(request=m.request, slot=slot, table=table) if m.request == request.pk else m
            for m in placed
        ]

    with django_capture_on_commit_callbacks(execute=True):
        _rebuild_with(day, move)
    new = Meeting.objects.get(request=request)
    assert (new.slot, new.table) != (old.slot, old.table)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people[2].email, people[3].email])
    assert _kinds_of(people[0]).count(notifications.MEETINGS_CHANGED) == 0
    vevent = _events(_mails_to(people[3])[0])[uid]
    assert int(vevent["sequence"]) == sequence_before + 1
    assert vevent.decoded("dtstart") == day.slot_start(new.slot)
    assert "Verlegt" in _mails_to(people[2])[0].body


# --- changes by staff and by participants ---


def test_staff_move_tells_both_with_an_updated_ics(
    day, people, published, django_capture_on_commit_callbacks
):
    request = published[0]  # people 0 and 1
    uid = f"meeting-request-{request.pk}@itkoop"
    sequence_before = int(_events(_mails_to(people[1])[0])[uid]["sequence"])
    placed = [
        scheduler.Meeting(request=m.request_id, slot=m.slot, table=m.table)
        for m in Meeting.objects.filter(event=day)
    ]
    slot, table = _free_place(day, placed, request)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.meeting_move(
            actor=hub_staff("kassel"), event=day, request=request, slot=slot + 1, table=table + 1
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people[0].email, people[1].email])
    english = _mails_to(people[1])[0]
    assert english.subject == f"itkoop: Your meeting plan has changed: {day.title}"
    vevent = _events(english)[uid]
    assert int(vevent["sequence"]) == sequence_before + 1
    assert vevent.decoded("dtstart") == day.slot_start(slot)


def test_withdrawn_meeting_is_cancelled_for_the_other_person(
    day, people, published, django_capture_on_commit_callbacks
):
    request = published[1]  # 0 asked 2
    uid = f"meeting-request-{request.pk}@itkoop"
    old = Meeting.objects.get(request=request)
    sequence_before = int(_events(_mails_to(people[2])[0])[uid]["sequence"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_withdraw(actor=people[0], request=request)
    assert _mails_to(people[0]) == []
    (message,) = _mails_to(people[2])
    cancelled = _events(message, method="CANCEL")[uid]
    assert str(cancelled["status"]) == "CANCELLED"
    assert int(cancelled["sequence"]) == sequence_before + 1
    assert cancelled.decoded("dtstart") == day.slot_start(old.slot)
    assert uid not in _events(message)  # not in the plan any more


def test_declined_planned_meeting_gives_the_requester_one_notice_with_the_cancellation(
    day, people, published, django_capture_on_commit_callbacks
):
    request = published[2]  # 2 asked 3
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_answer(actor=people[3], request=request, accept=False)
    assert _mails_to(people[3]) == []
    (message,) = _mails_to(people[2])
    assert "abgelehnt" in message.subject
    assert str(_events(message, method="CANCEL")[f"meeting-request-{request.pk}@itkoop"]["status"]) == (
        "CANCELLED"
    )


def test_cancelled_seat_tells_each_partner(day, people, published, django_capture_on_commit_callbacks):
    registration = people[0].registrations.get(event=day)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(actor=people[0], registration=registration)
    for partner in (people[1], people[2]):
        assert _kinds_of(partner).count(notifications.MEETINGS_CHANGED) == 1
    assert notifications.MEETINGS_CHANGED not in _kinds_of(people[3])
    assert notifications.MEETINGS_CHANGED not in _kinds_of(people[0])


def test_changes_before_the_plan_is_published_tell_nobody(day, people, django_capture_on_commit_callbacks):
    request = _accepted(day, people[0], people[1])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.meeting_move(actor=hub_staff("kassel"), event=day, request=request, slot=1, table=1)
    assert mail.outbox == [] and not MeetingNotice.objects.exists()


# --- object level ---


def test_a_notice_renders_only_for_its_own_recipient(day, people, published):
    notice = MeetingNotice.objects.filter(user=people[0]).first()
    stolen = Notification.objects.create(
        recipient=people[3],
        kind=notifications.MEETINGS_CHANGED,
        params={"event_id": day.pk, "title": day.title, "notice_id": notice.pk, "reason": "moved"},
    )
    assert notifications.notice_context(stolen)["notice"] is None
    assert notifications.notice_attachments(stolen) == []
    assert "Person1" not in email_for([stolen]).body


def test_cancellation_is_sent_as_an_itip_cancel(day, people, published, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_withdraw(actor=people[0], request=published[1])
    raw = _mails_to(people[2])[0].message().as_string()
    assert 'Content-Type: text/calendar; method="CANCEL"' in raw and "METHOD:CANCEL" in raw
