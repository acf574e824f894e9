"""Mailings of an event's staff to a segment of its participants: who is in each segment, the preview that
writes nothing, the sending (one notification per person, mailed after commit in their language, one log
row), a double submit that sends once, an empty segment refused with nothing written, and only the event's
staff reach any of it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from itkoop.core.models import AuditEntry
from itkoop.events import mailings
from itkoop.events.mailings import MailingError
from itkoop.events.models import Mailing, Meeting, MeetingRequest, ParticipantProfile, Registration
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of
from ..threads import in_threads
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db
SEGMENT = Mailing.Segment
GERMAN = {"subject_de": "Hinweis zum Einlass", "body_de": "Bitte kommen Sie\npünktlich."}
BOTH = {**GERMAN, "subject_en": "Note on admission", "body_en": "Please be on time."}


def _request(event, sender, recipient, status=MeetingRequest.Status.PENDING, hours=24):
    return MeetingRequest.objects.create(
        event=event,
        sender=sender,
        recipient=recipient,
        reason="Shop",
        status=status,
        expires=timezone.now() + timedelta(hours=hours),
    )


@pytest.fixture
def day():
    return meeting_day(hub_id="kassel", title="Börse Kassel")


@pytest.fixture
def people(day):
    """anna and bert (English) have profiles and a planned meeting; clara has a profile and a request from
    dora waiting for her answer; dora and emil have no profile (emil's request from anna has expired: nothing
    waits for him); fritz is on the waiting list, gina cancelled."""
    names = ("anna", "bert", "clara", "dora", "emil", "fritz", "gina")
    users = {name: UserFactory(first_name=name.title(), last_name="Test") for name in names}
    users["bert"].language = "en"
    users["bert"].save()
    for name in ("anna", "bert", "clara", "dora", "emil"):
        confirmed(day, users[name])
    Registration.objects.create(
        event=day, user=users["fritz"], status=Registration.Status.WAITLISTED, position=1
    )
    Registration.objects.create(event=day, user=users["gina"], status=Registration.Status.CANCELLED)
    for name in ("anna", "bert", "clara", "fritz"):
        ParticipantProfile.objects.create(event=day, user=users[name], company_name=name)
    planned = _request(day, users["anna"], users["bert"], status=MeetingRequest.Status.ACCEPTED)
    Meeting.objects.create(event=day, request=planned, slot=0, table=0)
    _request(day, users["dora"], users["clara"])
    _request(day, users["anna"], users["emil"], hours=-1)  # expired: nothing to answer any more
    return users


def _names(event, segment) -> list[str]:
    return sorted(r.user.first_name.lower() for r in mailings.segment_recipients(event, segment))


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        (SEGMENT.NO_PROFILE, ["dora", "emil"]),
        (SEGMENT.NO_REQUESTS, []),
        (SEGMENT.UNANSWERED, ["clara"]),
        (SEGMENT.WITH_MEETINGS, ["anna", "bert"]),
    ],
)
def test_segments_hold_the_confirmed_participants_they_name(day, people, segment, expected):
    assert _names(day, segment) == expected


def test_without_requests_means_neither_sent_nor_received(day, people):
    newcomer = UserFactory(first_name="Hans")
    confirmed(day, newcomer)
    assert _names(day, SEGMENT.NO_REQUESTS) == ["hans"]


def test_segments_leave_out_other_events_and_inactive_accounts(day, people):
    other = meeting_day(hub_id="kassel")
    confirmed(other, people["dora"])
    ParticipantProfile.objects.create(event=other, user=people["emil"])  # another event's profile
    people["dora"].is_active = False
    people["dora"].save()
    assert _names(day, SEGMENT.NO_PROFILE) == ["emil"]


def test_preview_counts_and_renders_and_writes_nothing(day, people):
    staff = hub_staff("kassel")
    before = (Mailing.objects.count(), Notification.objects.count(), AuditEntry.objects.count())
    preview = mailings.mailing_preview(actor=staff, event=day, segment=SEGMENT.WITH_MEETINGS, texts=BOTH)
    assert preview.count == 2
    assert [p.user.first_name for p in preview.people] == ["Anna", "Bert"]
    german, english = preview.versions
    assert (german.language, german.recipients, english.language, english.recipients) == ("de", 1, "en", 1)
    assert german.subject == "itkoop: Hinweis zum Einlass"
    assert "Bitte kommen Sie\npünktlich." in german.text and "Börse Kassel" in german.text
    assert "Please be on time." in english.text
    assert (Mailing.objects.count(), Notification.objects.count(), AuditEntry.objects.count()) == before


def test_send_makes_one_notification_per_recipient_and_one_log_row(
    day, people, django_capture_on_commit_callbacks
):
    staff = hub_staff("kassel")
    with django_capture_on_commit_callbacks(execute=True):
        mailing, new = mailings.mailing_send(
            actor=staff, event=day, segment=SEGMENT.WITH_MEETINGS, texts=BOTH, nonce_digest="a" * 64
        )
    assert new and Mailing.objects.count() == 1
    assert (mailing.recipient_count, mailing.sent_by, mailing.segment) == (2, staff, SEGMENT.WITH_MEETINGS)
    notes = Notification.objects.filter(kind=mailings.MAILING)
    assert sorted(n.recipient.first_name for n in notes) == ["Anna", "Bert"]
    assert "Bitte" not in str(notes[0].params)  # the text is loaded at send time, not copied per row
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {people["anna"].email, people["bert"].email}
    german, english = by_person[people["anna"].email], by_person[people["bert"].email]
    assert german.subject == "itkoop: Hinweis zum Einlass" and "pünktlich" in german.body
    assert english.subject == "itkoop: Note on admission" and "Please be on time." in english.body
    assert "pünktlich" not in english.body


def test_a_mailing_in_one_language_reaches_everyone_in_it(day, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mailings.mailing_send(
            actor=center_admin(),
            event=day,
            segment=SEGMENT.WITH_MEETINGS,
            texts=GERMAN,
            nonce_digest="b" * 64,
        )
    assert {m.subject for m in mail.outbox} == {"itkoop: Hinweis zum Einlass"}


def test_the_same_nonce_sends_once(day, people):
    staff = hub_staff("kassel")
    first, new = mailings.mailing_send(
        actor=staff, event=day, segment=SEGMENT.UNANSWERED, texts=GERMAN, nonce_digest="c" * 64
    )
    again, again_new = mailings.mailing_send(
        actor=staff, event=day, segment=SEGMENT.UNANSWERED, texts=GERMAN, nonce_digest="c" * 64
    )
    assert new and not again_new and again == first
    assert Mailing.objects.count() == 1 and Notification.objects.filter(kind=mailings.MAILING).count() == 1


def test_an_empty_segment_is_refused_and_nothing_is_written(day, people):
    before = (Mailing.objects.count(), Notification.objects.count(), AuditEntry.objects.count())
    for call in (mailings.mailing_preview, mailings.mailing_send):
        extra = {"nonce_digest": "d" * 64} if call is mailings.mailing_send else {}
        with pytest.raises(MailingError, match="niemand"):
            call(actor=hub_staff("kassel"), event=day, segment=SEGMENT.NO_REQUESTS, texts=GERMAN, **extra)
    assert (Mailing.objects.count(), Notification.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize(
    "texts",
    [
        {},
        {"subject_de": "Nur ein Betreff"},
        {**GERMAN, "subject_en": "Subject without a text"},
        {"subject_de": "x" * 151, "body_de": "y"},
        {"subject_de": "x", "body_de": "y" * 5001},
    ],
)
def test_incomplete_or_overlong_texts_are_refused(day, people, texts):
    with pytest.raises(MailingError):
        mailings.mailing_preview(
            actor=hub_staff("kassel"), event=day, segment=SEGMENT.WITH_MEETINGS, texts=texts
        )


def test_staff_of_another_hub_may_not_send(day, people):
    with pytest.raises(PermissionDenied):
        mailings.mailing_send(
            actor=hub_staff("aachen"),
            event=day,
            segment=SEGMENT.WITH_MEETINGS,
            texts=GERMAN,
            nonce_digest="e" * 64,
        )
    assert not Mailing.objects.exists()


def test_a_nonce_is_good_only_for_its_person_and_event(day):
    staff, other = hub_staff("kassel"), center_admin()
    nonce = mailings.form_nonce(actor=staff, event=day)
    assert mailings.nonce_digest(nonce, actor=staff, event=day) is not None
    assert mailings.nonce_digest(nonce, actor=other, event=day) is None
    assert mailings.nonce_digest(nonce, actor=staff, event=meeting_day(hub_id="kassel")) is None
    assert mailings.nonce_digest(nonce[:-2] + "xx", actor=staff, event=day) is None


# --- the pages ---


def _form(segment=SEGMENT.WITH_MEETINGS, **texts):
    return {"segment": segment, **(texts or GERMAN)}


def test_the_page_previews_then_sends_once(client, day, people, django_capture_on_commit_callbacks):
    client.force_login(hub_staff("kassel"))
    page = reverse("events:mailing", args=[day.pk])
    preview = client.post(page, _form())
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Das Rundschreiben geht an 2 Personen." in body and "Hinweis zum Einlass" in body
    assert not Mailing.objects.exists() and not Notification.objects.exists()
    send = preview.context["send_form"]
    data = {name: send[name].value() for name in send.fields}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("events:mailing_send", args=[day.pk]), data)
        second = client.post(reverse("events:mailing_send", args=[day.pk]), data)
    assert first.status_code == second.status_code == 302
    assert Mailing.objects.count() == 1 and len(mail.outbox) == 2
    log = client.get(page).content.decode()
    assert "Hinweis zum Einlass" in log and "Angemeldete mit geplanten Gesprächen" in log


def test_the_page_refuses_an_empty_segment_clearly(client, day, people):
    client.force_login(hub_staff("kassel"))
    response = client.post(reverse("events:mailing", args=[day.pk]), _form(SEGMENT.NO_REQUESTS))
    assert response.status_code == 400
    assert "In diesem Empfängerkreis ist zurzeit niemand" in response.content.decode()
    assert not Mailing.objects.exists()


def test_a_forged_nonce_sends_nothing(client, day, people):
    client.force_login(hub_staff("kassel"))
    response = client.post(reverse("events:mailing_send", args=[day.pk]), {**_form(), "nonce": "forged"})
    assert response.status_code == 400 and "abgelaufen" in response.content.decode()
    assert not Mailing.objects.exists() and not Notification.objects.exists()


def test_an_overlong_text_on_the_page_is_refused(client, day, people):
    client.force_login(hub_staff("kassel"))
    response = client.post(
        reverse("events:mailing", args=[day.pk]), _form(subject_de="Betreff", body_de="x" * 5001)
    )
    assert response.status_code == 400 and not Mailing.objects.exists()


@pytest.mark.parametrize("who", ["member", "other_hub", "participant"])
def test_others_do_not_find_the_mailing_pages(client, day, people, who):
    users = {
        "member": lambda: member_of(CompanyFactory()),
        "other_hub": lambda: hub_staff("aachen"),
        "participant": lambda: people["anna"],
    }
    client.force_login(users[who]())
    assert client.get(reverse("events:mailing", args=[day.pk])).status_code == 404
    response = client.post(reverse("events:mailing_send", args=[day.pk]), {**_form(), "nonce": "x"})
    assert response.status_code == 404 and not Mailing.objects.exists()


def test_anonymous_people_are_asked_to_log_in(client, day):
    response = client.get(reverse("events:mailing", args=[day.pk]))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_event_page_links_the_tools_for_its_staff_only(client, day, people):
    url = day.get_absolute_url()
    client.force_login(hub_staff("kassel"))
    assert reverse("events:mailing", args=[day.pk]) in client.get(url).content.decode()
    client.force_login(people["anna"])
    assert reverse("events:mailing", args=[day.pk]) not in client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("threads_share_database")
def test_the_same_form_sent_at_the_same_moment_sends_once():
    """Two submits of one form racing each other (a double click): the unique nonce digest lets one through;
    the other answers the mailing the first sent."""
    day = meeting_day(hub_id="kassel")
    for _ in range(3):
        confirmed(day, UserFactory())
    staff = hub_staff("kassel")

    def send():
        return mailings.mailing_send(
            actor=staff, event=day, segment=SEGMENT.NO_PROFILE, texts=GERMAN, nonce_digest="f" * 64
        )

    results, errors = in_threads(send, [(), (), ()])
    assert not errors
    assert sorted(new for _mailing, new in results) == [False, False, True]
    assert len({mailing.pk for mailing, _new in results}) == 1
    assert Mailing.objects.count() == 1
    assert Notification.objects.filter(kind=mailings.MAILING).count() == 3
