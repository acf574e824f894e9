"""The meeting-request form names only participants of that meeting day (issue 16.3).

Any other account id answers the same 404 as a missing id, GET or POST, and the page shows nothing of it."""

import pytest
from django.urls import reverse

from itkoop.events.models import MeetingRequest, Registration

from ..factories import UserFactory
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return meeting_day()


@pytest.fixture
def viewer(day):
    user = UserFactory(first_name="Vera", last_name="Viewer")
    confirmed(day, user)
    return user


def _secret_account(day, kind: str):
    """An account the viewer must not learn about; named so that a leak would show in the page."""
    user = UserFactory(email="geheim@example.org")
    if kind == "waitlisted":
        Registration.objects.create(event=day, user=user, status=Registration.Status.WAITLISTED, position=1)
    elif kind == "cancelled":
        Registration.objects.create(event=day, user=user, status=Registration.Status.CANCELLED)
    elif kind == "other_event":
        confirmed(meeting_day(), user)
    return user


@pytest.mark.parametrize("kind", ["no_registration", "waitlisted", "cancelled", "other_event"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_request_form_for_a_non_participant_is_404_like_a_missing_id(client, day, viewer, kind, method):
    secret = _secret_account(day, kind)
    client.force_login(viewer)
    url = reverse("events:request_create", args=[day.pk, secret.pk])
    response = getattr(client, method)(url, {"reason": "Hallo zusammen", "priority": "2"})
    missing = getattr(client, method)(
        reverse("events:request_create", args=[day.pk, secret.pk + 1000]),
        {"reason": "Hallo zusammen", "priority": "2"},
    )
    assert response.status_code == missing.status_code == 404
    assert "geheim" not in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_request_form_for_a_participant_names_them(client, day, viewer):
    other = UserFactory(first_name="Paula", last_name="Partner")
    confirmed(day, other)
    client.force_login(viewer)
    response = client.get(reverse("events:request_create", args=[day.pk, other.pk]))
    assert response.status_code == 200 and "Paula Partner" in response.content.decode()
