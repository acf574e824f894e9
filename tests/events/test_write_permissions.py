"""Every write view of the events app with every role: who may, who may not, and that refusals change
nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from itkoop.events import meetings
from itkoop.events.models import (
    CalendarToken,
    Event,
    Meeting,
    MeetingRequest,
    ParticipantProfile,
    Registration,
)

from ..factories import UserFactory, center_admin, hub_staff
from .factories import EventFactory, confirmed, meeting_day

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "participant", "staff_same_hub", "staff_other_hub", "center_admin"]
MANAGERS = {"staff_same_hub", "center_admin"}


def _user(role):
    return {
        "anonymous": lambda: None,
        "member": UserFactory,
        "participant": UserFactory,
        "staff_same_hub": lambda: hub_staff("kassel"),
        "staff_other_hub": lambda: hub_staff("berlin"),
        "center_admin": center_admin,
    }[role]()


def _login(client, role, event=None):
    user = _user(role)
    if user is not None:
        client.force_login(user)
        if role == "participant" and event is not None:
            confirmed(event, user)
    return user


def _refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and "/konto/login/" in response["Location"]
    )


def _hidden(response) -> bool:
    """An object the viewer may not see answers 404 like a missing id (anonymous: the login page)."""
    return response.status_code == 404 or (
        response.status_code == 302 and "/konto/login/" in response["Location"]
    )


def _local(dt) -> str:
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def event():
    return EventFactory(hub_id="kassel", title="Alt", capacity=5)


@pytest.fixture
def day():
    return meeting_day(hub_id="kassel")


# --- events ---


@pytest.mark.parametrize("role", ROLES)
def test_register(client, event, role):
    user = _login(client, role)
    response = client.post(reverse("events:register", args=[event.pk]))
    if role == "anonymous":
        assert _refused(response) and not Registration.objects.exists()
    else:
        assert response.status_code == 302 and Registration.objects.get().user == user


@pytest.mark.parametrize("role", ROLES)
def test_cancel_someone_elses_registration(client, event, role):
    other = confirmed(event, UserFactory())
    _login(client, role, event)
    response = client.post(reverse("events:cancel", args=[event.pk]), {"registration": other.pk})
    other.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and other.status == Registration.Status.CANCELLED
    else:
        assert _hidden(response) and other.status == Registration.Status.CONFIRMED


def test_cancel_own_registration(client, event):
    user = UserFactory()
    registration = confirmed(event, user)
    client.force_login(user)
    assert client.post(reverse("events:cancel", args=[event.pk])).status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


@pytest.mark.parametrize("role", ROLES)
def test_create_event(client, role):
    _login(client, role)
    start = timezone.now() + timedelta(days=5)
    data = {
        "title": "Neu",
        "hub": "kassel",
        "format": "at_hub",
        "start": _local(start),
        "end": _local(start + timedelta(hours=3)),
        "capacity": "20",
        "language": "de",
        "consent_mode": "opt_in",
        "request_expiry_hours": "72",
    }
    response = client.post(reverse("events:create"), data)
    created = Event.objects.filter(title="Neu")
    if role in MANAGERS:
        assert response.status_code == 302 and created.get().hub_id == "kassel"
    else:
        assert _refused(response) or response.status_code == 200
        assert not created.exists()


def test_hub_staff_cannot_create_an_event_at_another_hub(client):
    client.force_login(hub_staff("berlin"))
    start = timezone.now() + timedelta(days=5)
    response = client.post(
        reverse("events:create"),
        {
            "title": "Fremd",
            "hub": "kassel",
            "format": "at_hub",
            "start": _local(start),
            "end": _local(start + timedelta(hours=3)),
            "capacity": "20",
            "language": "de",
            "consent_mode": "opt_in",
            "request_expiry_hours": "72",
        },
    )
    assert response.status_code == 200 and not Event.objects.filter(title="Fremd").exists()


@pytest.mark.parametrize("role", ROLES)
def test_edit_event(client, event, role):
    _login(client, role, event)
    data = {
        "title": "Neu",
        "hub": "kassel",
        "format": "at_hub",
        "start": _local(event.start),
        "end": _local(event.end),
        "capacity": "8",
        "language": "de",
        "location": "Kassel",
        "consent_mode": "opt_in",
        "request_expiry_hours": "72",
    }
    response = client.post(reverse("events:edit", args=[event.pk]), data)
    event.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and (event.title, event.capacity) == ("Neu", 8)
    else:
        assert _refused(response) and event.title == "Alt"


@pytest.mark.parametrize("role", ROLES)
def test_check_in(client, event, role):
    registration = confirmed(event, UserFactory())
    _login(client, role, event)
    response = client.post(
        reverse("events:checkin_toggle", args=[event.pk, registration.pk]), {"present": "1"}
    )
    registration.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and registration.checked_in is not None
    else:
        assert _hidden(response) and registration.checked_in is None


@pytest.mark.parametrize("role", ROLES)
def test_checkin_list_is_for_managers_only(client, event, role):
    _login(client, role, event)
    response = client.get(reverse("events:checkin", args=[event.pk]))
    assert (response.status_code == 200) == (role in MANAGERS)


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_renew_calendar_feed(client, role):
    user = _login(client, role)
    response = client.post(reverse("events:renew_feed"))
    if user is None:
        assert _refused(response) and not CalendarToken.objects.exists()
    else:
        assert response.status_code == 302 and CalendarToken.objects.filter(user=user).exists()


def test_personal_feed_needs_the_secret(client, event):
    user = UserFactory()
    confirmed(event, user)
    token = CalendarToken.objects.create(user=user)
    assert client.get(reverse("events:feed", args=[token.token])).status_code == 200
    assert client.get(reverse("events:feed", args=["wrong-token"])).status_code == 404
    old = token.token
    client.force_login(user)
    client.post(reverse("events:renew_feed"))
    assert client.get(reverse("events:feed", args=[old])).status_code == 404


# --- meeting day ---


@pytest.mark.parametrize("role", ROLES)
def test_profile(client, day, role):
    user = _login(client, role, day)
    response = client.post(reverse("events:profile", args=[day.pk]), {"offers": "ERP", "seeks": "Partner"})
    saved = ParticipantProfile.objects.filter(event=day, offers="ERP")
    if role == "participant":
        assert response.status_code == 302 and saved.get().user == user
    else:
        assert _refused(response) and not saved.exists()


@pytest.mark.parametrize("role", ROLES)
def test_send_request(client, day, role):
    other = UserFactory()
    confirmed(day, other)
    _login(client, role, day)
    response = client.post(
        reverse("events:request_create", args=[day.pk, other.pk]),
        {"reason": "Gemeinsames Angebot", "priority": "2"},
    )
    if role == "participant":
        assert response.status_code == 302 and MeetingRequest.objects.count() == 1
    else:
        assert _refused(response) and not MeetingRequest.objects.exists()


@pytest.fixture
def pending(day):
    a, b = UserFactory(), UserFactory()
    confirmed(day, a)
    confirmed(day, b)
    return meetings.request_send(actor=a, event=day, recipient_id=b.pk, reason="Hallo zusammen", priority=2)


@pytest.mark.parametrize("who", ["anonymous", "sender", "recipient", "other_participant", "staff_same_hub"])
def test_answer_request(client, day, pending, who):
    user = {
        "anonymous": None,
        "sender": pending.sender,
        "recipient": pending.recipient,
        "other_participant": confirmed(day, UserFactory()).user,
        "staff_same_hub": hub_staff("kassel"),
    }[who]
    if user:
        client.force_login(user)
    response = client.post(reverse("events:request_answer", args=[day.pk, pending.pk]), {"accept": "1"})
    pending.refresh_from_db()
    if who == "recipient":
        assert response.status_code == 302 and pending.status == MeetingRequest.Status.ACCEPTED
    elif who == "other_participant":
        # Someone else's request is answered like a missing one.
        assert _hidden(response) and pending.status == MeetingRequest.Status.PENDING
    else:
        assert _refused(response) and pending.status == MeetingRequest.Status.PENDING


@pytest.mark.parametrize("who", ["anonymous", "sender", "recipient", "staff_same_hub"])
def test_withdraw_request(client, day, pending, who):
    user = {
        "anonymous": None,
        "sender": pending.sender,
        "recipient": pending.recipient,
        "staff_same_hub": hub_staff("kassel"),
    }[who]
    if user:
        client.force_login(user)
    response = client.post(reverse("events:request_withdraw", args=[day.pk, pending.pk]))
    exists = MeetingRequest.objects.filter(pk=pending.pk).exists()
    if who == "sender":
        assert response.status_code == 302 and not exists
    else:
        assert _refused(response) and exists


@pytest.mark.parametrize("role", ROLES)
def test_meeting_settings(client, day, role):
    _login(client, role, day)
    response = client.post(
        reverse("events:meeting_settings", args=[day.pk]),
        {
            "slots_start": _local(day.slots_start),
            "slot_minutes": "15",
            "slot_count": "6",
            "tables": "9",
            "breaks_text": "",
        },
    )
    day.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and day.tables == 9
    else:
        assert _refused(response) and day.tables == 3


@pytest.mark.parametrize("role", ROLES)
def test_build_schedule(client, day, role, django_capture_on_commit_callbacks):
    _login(client, role, day)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:schedule_build", args=[day.pk]))
    if role in MANAGERS:
        assert response.status_code == 302 and day.schedule_runs.count() == 1
    else:
        assert _refused(response) and not day.schedule_runs.exists()


@pytest.fixture
def scheduled(day, pending):
    meetings.request_answer(actor=pending.recipient, request=pending, accept=True)
    return Meeting.objects.create(event=day, request=pending, slot=0, table=0)


@pytest.mark.parametrize("role", ROLES)
def test_lock_meeting(client, day, scheduled, role):
    _login(client, role, day)
    response = client.post(
        reverse("events:meeting_lock", args=[day.pk, scheduled.request_id]), {"locked": "1"}
    )
    scheduled.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and scheduled.locked
    else:
        assert _refused(response) and not scheduled.locked


@pytest.mark.parametrize("role", ROLES)
def test_move_meeting(client, day, scheduled, role):
    _login(client, role, day)
    response = client.post(
        reverse("events:meeting_move", args=[day.pk, scheduled.request_id]),
        {"slot": "2", "table": "2", "do": "move"},
    )
    scheduled.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302 and (scheduled.slot, scheduled.table) == (1, 1)
    else:
        assert _refused(response) and (scheduled.slot, scheduled.table) == (0, 0)


@pytest.mark.parametrize("role", ROLES)
def test_agenda_is_for_participants(client, day, role):
    _login(client, role, day)
    response = client.get(reverse("events:agenda", args=[day.pk]))
    assert (response.status_code == 200) == (role == "participant")
