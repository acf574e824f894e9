"""Rebuilding a published plan keeps every meeting that is still feasible in its round and table (unless staff
choose to start from scratch); only the people whose meetings moved are told."""

import pytest
from django.urls import reverse

from itkoop.events import meetings, notifications, scheduling, services
from itkoop.events.models import Meeting, MeetingRequest, Registration, ScheduleRun
from itkoop.notifications.models import Notification

from ..factories import UserFactory, hub_staff
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return meeting_day(hub_id="kassel", capacity=20)


@pytest.fixture
def people(day):
    users = [UserFactory() for _ in range(8)]
    for user in users:
        confirmed(day, user)
    return users


def _accept_all(day, people, pairs):
    for a, b in pairs:
        request = meetings.request_send(
            actor=people[a], event=day, recipient_id=people[b].pk, reason="Kooperation", priority=2
        )
        meetings.request_answer(actor=people[b], request=request, accept=True)


PAIRS = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (0, 7), (1, 5), (3, 6)]


def _build(day, capture, **kwargs):
    with capture(execute=True):
        run = meetings.schedule_build(actor=hub_staff("kassel"), event=day, **kwargs)
    run.refresh_from_db()
    assert run.status == ScheduleRun.Status.DONE, run.message
    return run


def _plan(day):
    return dict(Meeting.objects.filter(event=day).values_list("request_id", "slot"))


def _places(day):
    return {m.request_id: (m.slot, m.table) for m in Meeting.objects.filter(event=day)}


@pytest.fixture
def published(day, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _accept_all(day, people, PAIRS)
    _build(day, django_capture_on_commit_callbacks)
    day.refresh_from_db()
    assert day.schedule_published is not None
    return _places(day)


def test_after_a_cancellation_the_rebuild_keeps_the_other_meetings_in_place(
    day, people, published, django_capture_on_commit_callbacks
):
    leaving = Registration.objects.get(event=day, user=people[7])
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(actor=people[7], registration=leaving)
    still = _places(day)
    Notification.objects.all().delete()
    run = _build(day, django_capture_on_commit_callbacks)
    after = _places(day)
    assert run.moved == 0 and not run.from_scratch
    assert all(after[request_id] == place for request_id, place in still.items())
    # Nobody's meetings changed, so nobody hears of the rebuild.
    assert not Notification.objects.filter(kind=notifications.MEETINGS_CHANGED).exists()


def test_starting_from_scratch_is_the_staffs_choice(day, people, published, client):
    staff = hub_staff("kassel")
    client.force_login(staff)
    page = client.get(reverse("events:schedule", args=[day.pk])).content.decode()
    assert 'name="from_scratch"' in page
    client.post(reverse("events:schedule_build", args=[day.pk]), {"from_scratch": "1"})
    run = ScheduleRun.objects.filter(event=day).latest()
    assert run.from_scratch and run.moved is None
    adapted = scheduling.build_problem(day, stable=True)
    assert {p.request for p in adapted.problem.previous} == set(_plan(day))


def test_a_stable_rebuild_hands_the_solver_only_unlocked_current_meetings(day, people, published):
    first = Meeting.objects.filter(event=day).order_by("pk").first()
    Meeting.objects.filter(pk=first.pk).update(locked=True)
    adapted = scheduling.build_problem(day, stable=True)
    previous = {p.request: (p.slot, p.table) for p in adapted.problem.previous}
    assert first.request_id not in previous
    assert previous == {r: place for r, place in _places(day).items() if r != first.request_id}
    assert scheduling.build_problem(day).problem.previous == ()


def test_a_declined_request_is_not_part_of_the_previous_plan(
    day, people, published, django_capture_on_commit_callbacks
):
    request = MeetingRequest.objects.filter(event=day).first()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.request_answer(actor=request.recipient, request=request, accept=False)
    previous = {p.request for p in scheduling.build_problem(day, stable=True).problem.previous}
    assert request.pk not in previous
