"""Looking at an events page writes nothing: no feed token, no expired requests."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from itkoop.events import meetings
from itkoop.events.models import CalendarToken, MeetingRequest

from ..factories import UserFactory, hub_staff
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db


def test_my_registrations_page_makes_no_feed_token(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("events:mine"))
    assert response.status_code == 200 and not CalendarToken.objects.exists()
    assert reverse("events:renew_feed") in response.content.decode()
    client.post(reverse("events:renew_feed"))
    assert (
        reverse("events:feed", args=[CalendarToken.objects.get(user=user).token])
        in client.get(reverse("events:mine")).content.decode()
    )


@pytest.fixture
def overdue_request():
    day = meeting_day(hub_id="kassel")
    sender, recipient = UserFactory(), UserFactory()
    confirmed(day, sender)
    confirmed(day, recipient)
    request = meetings.request_send(
        actor=sender, event=day, recipient_id=recipient.pk, reason="Kooperation ERP", priority=2
    )
    MeetingRequest.objects.filter(pk=request.pk).update(expires=timezone.now() - timedelta(minutes=1))
    return request


def test_requests_page_does_not_expire_requests(client, overdue_request):
    client.force_login(overdue_request.recipient)
    assert client.get(reverse("events:requests", args=[overdue_request.event_id])).status_code == 200
    overdue_request.refresh_from_db()
    assert overdue_request.status == MeetingRequest.Status.PENDING


def test_schedule_page_does_not_expire_requests(client, overdue_request):
    client.force_login(hub_staff("kassel"))
    assert client.get(reverse("events:schedule", args=[overdue_request.event_id])).status_code == 200
    overdue_request.refresh_from_db()
    assert overdue_request.status == MeetingRequest.Status.PENDING
