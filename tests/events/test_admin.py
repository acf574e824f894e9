"""The admin as a write path for events: it goes through the events service and stays in the staff's hub."""

import pytest
from django.urls import reverse

from itkoop.events.models import Registration

from ..factories import UserFactory, center_admin, hub_staff
from .factories import EventFactory, confirmed

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _waitlisted(event, position):
    return Registration.objects.create(
        event=event, user=UserFactory(), status=Status.WAITLISTED, position=position
    )


def _change_data(event, **changes) -> dict:
    """What the admin change form of `event` posts, with `changes` applied (hub only for center admins)."""
    data = {
        "title": event.title,
        "description": event.description,
        "hub": event.hub_id or "",
        "format": event.format,
        "start_0": event.start.strftime("%Y-%m-%d"),
        "start_1": event.start.strftime("%H:%M:%S"),
        "end_0": event.end.strftime("%Y-%m-%d"),
        "end_1": event.end.strftime("%H:%M:%S"),
        "capacity": event.capacity,
        "language": event.language,
        "location": event.location,
        "meeting_link": event.meeting_link,
        "consent_mode": event.consent_mode,
        "request_expiry_hours": event.request_expiry_hours,
        "slots_start_0": "",
        "slots_start_1": "",
        "slot_minutes": event.slot_minutes,
        "slot_count": event.slot_count,
        "breaks": "[]",
        "tables": event.tables,
        "online_rooms": event.online_rooms,
    }
    data.update(changes)
    return data


@pytest.fixture
def full_event():
    event = EventFactory(capacity=1)
    confirmed(event, UserFactory())
    first, second = _waitlisted(event, 1), _waitlisted(event, 2)
    return event, first, second


@pytest.mark.parametrize("who", ["hub_staff", "center_admin"])
def test_raising_capacity_in_the_admin_promotes_from_the_waiting_list(client, full_event, who):
    event, first, second = full_event
    client.force_login(hub_staff("kassel") if who == "hub_staff" else center_admin())
    url = reverse("admin:events_event_change", args=[event.pk])
    response = client.post(url, _change_data(event, capacity=2))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert event.capacity == 2
    assert (first.status, first.position) == (Status.CONFIRMED, None)
    assert (second.status, second.position) == (Status.WAITLISTED, 1)


def test_the_admin_refuses_fewer_seats_than_confirmed_registrations(client):
    event = EventFactory(capacity=2)
    confirmed(event, UserFactory())
    confirmed(event, UserFactory())
    client.force_login(hub_staff("kassel"))
    response = client.post(
        reverse("admin:events_event_change", args=[event.pk]), _change_data(event, capacity=1)
    )
    event.refresh_from_db()
    assert response.status_code == 200 and "bereits 2 Plätze vergeben" in response.content.decode()
    assert event.capacity == 2


def test_hub_staff_cannot_save_an_event_of_another_hub_in_the_admin(client):
    event = EventFactory(hub_id="berlin", capacity=1, title="Berliner Workshop")
    client.force_login(hub_staff("kassel"))
    response = client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        _change_data(event, title="Gekapert", capacity=5),
    )
    event.refresh_from_db()
    assert response.status_code in (302, 403, 404)
    assert (event.title, event.capacity) == ("Berliner Workshop", 1)


def test_hub_staff_cannot_move_their_event_to_another_hub_in_the_admin(client):
    event = EventFactory(hub_id="kassel")
    client.force_login(hub_staff("kassel"))
    client.post(reverse("admin:events_event_change", args=[event.pk]), _change_data(event, hub="berlin"))
    event.refresh_from_db()
    assert event.hub_id == "kassel"


def test_registrations_are_read_only_in_the_admin(client, full_event):
    _event, first, _second = full_event
    client.force_login(center_admin())
    response = client.post(
        reverse("admin:events_registration_change", args=[first.pk]), {"checked_in_0": "2030-01-01"}
    )
    first.refresh_from_db()
    assert response.status_code == 403 and first.checked_in is None
