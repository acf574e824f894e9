"""The demo events build on any demo-like catalog and leave a valid schedule behind."""

import pytest

from itkoop import scheduler
from itkoop.demo.events import build_demo_events
from itkoop.events import scheduling
from itkoop.events.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_demo_events_with_a_valid_schedule(mini_catalog):
    summary = build_demo_events(seed=7)
    assert summary.events == 6
    day = Event.objects.get(is_meeting_day=True)
    adapted = scheduling.build_problem(day)
    stored = scheduling.current_result(day, adapted)
    result = scheduler.ScheduleResult(
        meetings=stored.meetings,
        value=scheduler.weighted_value(adapted.problem, stored.meetings),
        bound=10**6,
        idle_gaps=scheduler.idle_gaps(adapted.problem, stored.meetings),
        status=scheduler.Status.FEASIBLE,
    )
    assert scheduler.validate(adapted.problem, result) == []
    online = Event.objects.get(format=Event.Format.ONLINE)
    waiting = list(
        online.registrations.filter(status=Registration.Status.WAITLISTED).values_list("position", flat=True)
    )
    assert sorted(waiting) == list(range(1, len(waiting) + 1))
