"""The funnel and the KPIs count HELD meetings – rated as held, or both people checked in – and agreements
from the second rating; the plan of a future event never counts as meetings held."""

import datetime as dt

import pytest
from django.utils import timezone

from itkoop.events import selectors as events_selectors
from itkoop.reporting import selectors

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

events = pytest.importorskip("itkoop.events.models")


def _day(*, days_from_now: int, title="Börse"):
    start = timezone.now() + dt.timedelta(days=days_from_now)
    return events.Event.objects.create(
        title=title,
        hub_id="kassel",
        start=start,
        end=start + dt.timedelta(hours=6),
        capacity=200,
        is_meeting_day=True,
    )


def _meeting(event, *, slot=0, table=0, checked_in=(False, False)):
    a, b = UserFactory(), UserFactory()
    for user, came in zip((a, b), checked_in, strict=True):
        events.Registration.objects.create(
            event=event, user=user, status="confirmed", checked_in=timezone.now() if came else None
        )
    request = events.MeetingRequest.objects.create(
        event=event,
        sender=a,
        recipient=b,
        reason="x",
        status="accepted",
        expires=timezone.now() + dt.timedelta(days=1),
    )
    return events.Meeting.objects.create(event=event, request=request, slot=slot, table=table)


def _rate(meeting, user, *, took_place=True, outcome=""):
    return events.MeetingRating.objects.create(
        event=meeting.event,
        request=meeting.request,
        user=user,
        took_place=took_place,
        usefulness=4 if took_place else None,
        next_step="follow_up" if took_place else "",
        outcome=outcome,
    )


def test_the_planned_meetings_of_a_future_event_are_not_counted_as_held():
    day = _day(days_from_now=30)
    for i in range(43):
        _meeting(day, slot=i // 8, table=i % 8, checked_in=(True, True))
    [funnel] = selectors.event_funnels()
    assert funnel.meetings == 0 and funnel.participants_with_meetings == 0
    assert selectors.kpis()["meetings"] == 0


def test_a_past_plan_nobody_confirmed_does_not_count():
    day = _day(days_from_now=-3)
    _meeting(day)
    [funnel] = selectors.event_funnels()
    assert funnel.meetings == 0


def test_a_meeting_rated_as_held_by_one_side_counts():
    day = _day(days_from_now=-3)
    meeting = _meeting(day)
    _rate(meeting, meeting.request.sender)
    [funnel] = selectors.event_funnels()
    assert funnel.meetings == 1 and funnel.participants_with_meetings == 2


def test_both_checked_in_counts_as_held_unless_rated_as_missed():
    day = _day(days_from_now=-3)
    came = _meeting(day, slot=0, checked_in=(True, True))
    _meeting(day, slot=1, checked_in=(True, False))
    missed = _meeting(day, slot=2, checked_in=(True, True))
    _rate(missed, missed.request.recipient, took_place=False)
    [funnel] = selectors.event_funnels()
    assert funnel.meetings == 1
    assert set(events_selectors.held_meetings().values_list("pk", flat=True)) == {came.pk}


def test_agreements_come_from_the_second_rating():
    day = _day(days_from_now=-200)
    agreed = _meeting(day, slot=0)
    _rate(agreed, agreed.request.sender, outcome="agreement")
    _rate(agreed, agreed.request.recipient, outcome="agreement")  # both say so: still one meeting
    negotiating = _meeting(day, slot=1)
    _rate(negotiating, negotiating.request.sender, outcome="negotiation")
    [funnel] = selectors.event_funnels()
    assert (funnel.meetings, funnel.agreements) == (2, 1)
    figures = selectors.kpis()
    assert (figures["meetings"], figures["meeting_agreements"]) == (2, 1)
    assert selectors.total_funnel([funnel]).agreements == 1
