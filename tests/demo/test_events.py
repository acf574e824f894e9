"""The demo events build on any demo-like catalog and leave a valid schedule behind."""

import pytest
from django.utils import timezone

from itkoop import scheduler
from itkoop.demo.events import build_demo_events
from itkoop.events import scheduling
from itkoop.events.models import Event, Registration

pytestmark = pytest.mark.django_db


def test_demo_events_with_a_valid_schedule(mini_catalog):
    summary = build_demo_events(seed=7)
    assert summary.events == 7
    day = Event.objects.get(is_meeting_day=True, start__gt=timezone.now())
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


def test_demo_has_a_past_meeting_day_with_meetings_left_to_rate(mini_catalog):
    from itkoop.events import ratings

    build_demo_events(seed=7)
    past = Event.objects.get(is_meeting_day=True, end__lt=timezone.now())
    first = past.registrations.order_by("user__email").first().user
    rows = ratings.rating_rows(past, first)
    assert rows and any(row.needs_rating for row in rows)


def test_the_demo_meeting_day_is_hybrid_with_a_venue_and_online_rooms(mini_catalog):
    build_demo_events(seed=7)
    day = Event.objects.get(is_meeting_day=True, start__gt=timezone.now())
    assert day.format == Event.Format.HYBRID and day.has_venue and day.has_coordinates
    assert day.online_rooms > 0 and "{room}" in day.room_link_pattern
    assert day.registrations.filter(attendance=Registration.Attendance.ONLINE).exists()
    online_meetings = day.meetings.filter(online=True)
    assert online_meetings.exists() and all(m.room_link.startswith("https://") for m in online_meetings)
    assert day.meetings.filter(online=False).exists()
