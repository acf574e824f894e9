"""One meeting request per pair holds under double submits (issue 16.10); real threads and connections."""

import pytest

from itkoop.accounts.models import User
from itkoop.events import meetings
from itkoop.events.models import Event, MeetingRequest
from itkoop.events.services import EventError

from ..factories import UserFactory
from ..threads import in_threads
from .factories import confirmed, meeting_day

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("threads_share_database")]


def _send(sender_pk: int, recipient_pk: int, event_pk: int):
    return meetings.request_send(
        actor=User.objects.get(pk=sender_pk),
        event=Event.objects.get(pk=event_pk),
        recipient_id=recipient_pk,
        reason="Kooperation ERP",
        priority=2,
    )


@pytest.fixture
def pair():
    day = meeting_day(hub_id="kassel")
    a, b = UserFactory(), UserFactory()
    confirmed(day, a)
    confirmed(day, b)
    return day, a, b


def test_a_request_sent_four_times_at_once_is_stored_once(pair):
    day, a, b = pair
    results, errors = in_threads(_send, [(a.pk, b.pk, day.pk)] * 4)
    assert len(results) == 1
    assert len(errors) == 3 and all(isinstance(e, EventError) for e in errors), errors
    assert all("bereits angefragt" in str(e) for e in errors)
    assert MeetingRequest.objects.count() == 1


def test_two_people_asking_each_other_at_once_make_one_request(pair):
    day, a, b = pair
    results, errors = in_threads(_send, [(a.pk, b.pk, day.pk), (b.pk, a.pk, day.pk)])
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], EventError), errors
    assert MeetingRequest.objects.count() == 1
