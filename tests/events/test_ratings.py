"""Meeting ratings: after the day each participant rates each of their meetings once (took place, usefulness
1-5, next step); ITKOOP_MEETING_OUTCOME_AFTER_DAYS later they give the outcome once. Requests and one reminder
go out through the periodic job and the notification service. Bad input changes nothing."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from itkoop.events import notifications as kinds
from itkoop.events import ratings, tasks
from itkoop.events.models import Meeting, MeetingRating, MeetingRequest, RatingInvitation
from itkoop.events.services import EventError
from itkoop.notifications.models import Notification

from ..factories import UserFactory
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db


def _past_day(days_ago: int = 2):
    start = timezone.now() - timedelta(days=days_ago)
    return meeting_day(hub_id="kassel", start=start)


def _meeting(day, a, b, *, slot=0, table=0):
    request = MeetingRequest.objects.create(
        event=day,
        sender=a,
        recipient=b,
        reason="ERP-Kooperation",
        status="accepted",
        expires=day.start,
    )
    return Meeting.objects.create(event=day, request=request, slot=slot, table=table)


@pytest.fixture
def day():
    return _past_day()


@pytest.fixture
def people(day):
    users = [UserFactory() for _ in range(3)]
    for user in users:
        confirmed(day, user)
    return users


@pytest.fixture
def meeting(day, people):
    return _meeting(day, people[0], people[1])


def _rate(actor, meeting, **kwargs):
    values = {"took_place": True, "usefulness": 4, "next_step": "follow_up", **kwargs}
    return ratings.meeting_rate(actor=actor, event=meeting.event, request_id=meeting.request_id, **values)


# --- the first rating ---


def test_each_side_rates_their_meeting_once(meeting, people):
    first = _rate(people[0], meeting)
    second = _rate(people[1], meeting, took_place=False, usefulness=5, next_step="offer")
    assert (first.took_place, first.usefulness, first.next_step) == (True, 4, "follow_up")
    # Not held: usefulness and next step are dropped, not stored.
    assert (second.took_place, second.usefulness, second.next_step) == (False, None, "")


def test_a_second_rating_is_refused_and_changes_nothing(meeting, people):
    _rate(people[0], meeting, usefulness=2)
    with pytest.raises(EventError, match="bereits bewertet"):
        _rate(people[0], meeting, usefulness=5)
    assert MeetingRating.objects.get().usefulness == 2


def test_someone_not_in_the_meeting_cannot_rate_it(meeting, people):
    with pytest.raises(PermissionDenied):
        _rate(people[2], meeting)
    assert not MeetingRating.objects.exists()


def test_rating_waits_until_the_day_is_over(people):
    today = meeting_day(hub_id="kassel", start=timezone.now() - timedelta(hours=1))
    for user in people[:2]:
        confirmed(today, user)
    meeting = _meeting(today, people[0], people[1])
    with pytest.raises(EventError, match="nach der Veranstaltung"):
        _rate(people[0], meeting)
    assert not MeetingRating.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"usefulness": 0}, "1 bis 5"),
        ({"usefulness": 6}, "1 bis 5"),
        ({"usefulness": None}, "1 bis 5"),
        ({"next_step": "heirat"}, "nächsten Schritt"),
        ({"next_step": ""}, "nächsten Schritt"),
    ],
)
def test_out_of_range_values_are_refused(meeting, people, values, message):
    with pytest.raises(EventError, match=message):
        _rate(people[0], meeting, **values)
    assert not MeetingRating.objects.exists()


@pytest.mark.parametrize("usefulness", [1, 5])
def test_the_ends_of_the_scale_are_accepted(meeting, people, usefulness):
    assert _rate(people[0], meeting, usefulness=usefulness).usefulness == usefulness


# --- the outcome ---


def _outcome(actor, meeting, outcome="agreement"):
    return ratings.meeting_outcome_save(
        actor=actor, event=meeting.event, request_id=meeting.request_id, outcome=outcome
    )


def test_the_outcome_opens_after_the_configured_time(meeting, people):
    _rate(people[0], meeting)
    with pytest.raises(EventError, match="Ergebnis"):
        _outcome(people[0], meeting)
    with override_settings(ITKOOP_MEETING_OUTCOME_AFTER_DAYS=1):
        rating = _outcome(people[0], meeting, "negotiation")
    assert rating.outcome == "negotiation" and rating.outcome_given is not None


def test_the_default_outcome_time_is_about_six_months():
    assert 180 <= settings.ITKOOP_MEETING_OUTCOME_AFTER_DAYS <= 184


@override_settings(ITKOOP_MEETING_OUTCOME_AFTER_DAYS=1)
def test_a_second_outcome_is_refused_and_changes_nothing(meeting, people):
    _rate(people[0], meeting)
    _outcome(people[0], meeting, "negotiation")
    with pytest.raises(EventError, match="bereits angegeben"):
        _outcome(people[0], meeting, "agreement")
    assert MeetingRating.objects.get().outcome == "negotiation"


@override_settings(ITKOOP_MEETING_OUTCOME_AFTER_DAYS=1)
@pytest.mark.parametrize("took_place", [None, False])
def test_an_outcome_needs_a_meeting_rated_as_held(meeting, people, took_place):
    if took_place is not None:
        _rate(people[0], meeting, took_place=took_place)
    with pytest.raises(EventError, match="stattgefunden"):
        _outcome(people[0], meeting)


@override_settings(ITKOOP_MEETING_OUTCOME_AFTER_DAYS=1)
def test_an_unknown_outcome_is_refused(meeting, people):
    _rate(people[0], meeting)
    with pytest.raises(EventError, match="Ergebnis aus der Liste"):
        _outcome(people[0], meeting, "reich")
    assert MeetingRating.objects.get().outcome == ""


# --- requests and reminders ---


def _sent(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_after_the_day_everyone_with_meetings_is_asked_once(meeting, people):
    assert ratings.send_rating_requests() == 2
    assert _sent(kinds.MEETING_RATING) == sorted([people[0].pk, people[1].pk])
    assert ratings.send_rating_requests() == 0  # asked once
    assert RatingInvitation.objects.filter(stage="rating").count() == 2


def test_nobody_is_asked_before_the_day_is_over(people):
    future = meeting_day(hub_id="kassel")
    for user in people[:2]:
        confirmed(future, user)
    _meeting(future, people[0], people[1])
    assert ratings.send_rating_requests() == 0


def test_one_reminder_a_week_later_only_to_those_with_meetings_left(meeting, people):
    ratings.send_rating_requests()
    _rate(people[0], meeting)
    later = timezone.now() + timedelta(days=ratings.REMIND_AFTER_DAYS, minutes=1)
    assert ratings.send_rating_requests(now=later) == 1
    reminder = Notification.objects.filter(kind=kinds.MEETING_RATING, params__reminder=True).get()
    assert reminder.recipient_id == people[1].pk
    assert ratings.send_rating_requests(now=later + timedelta(days=1)) == 0


@override_settings(ITKOOP_MEETING_OUTCOME_AFTER_DAYS=30)
def test_the_outcome_is_asked_when_due(meeting, people):
    _rate(people[0], meeting)
    _rate(people[1], meeting, took_place=False)
    ratings.send_rating_requests()
    assert _sent(kinds.MEETING_OUTCOME) == []  # not yet due
    due = meeting.event.end + timedelta(days=30, hours=1)
    ratings.send_rating_requests(now=due)
    # Only who rated it as held (or has not rated it yet) is asked what came of it.
    assert _sent(kinds.MEETING_OUTCOME) == [people[0].pk]


def test_the_periodic_job_is_in_the_one_beat_schedule(meeting):
    entries = [e["task"] for e in settings.ITKOOP_PERIODIC_JOBS.values()]
    assert "itkoop.events.tasks.request_meeting_ratings" in entries
    assert tasks.request_meeting_ratings() == 2


# --- the page ---


def test_the_page_lists_my_meetings_with_a_form(client, meeting, people):
    client.force_login(people[0])
    response = client.get(reverse("events:ratings", args=[meeting.event_id]))
    body = response.content.decode()
    assert response.status_code == 200
    assert str(people[1]) in body
    assert reverse("events:rate", args=[meeting.event_id, meeting.request_id]) in body


def test_rating_through_the_page(client, meeting, people):
    client.force_login(people[0])
    prefix = f"m{meeting.request_id}"
    response = client.post(
        reverse("events:rate", args=[meeting.event_id, meeting.request_id]),
        {f"{prefix}-took_place": "yes", f"{prefix}-usefulness": "5", f"{prefix}-next_step": "documents"},
    )
    assert response.status_code == 302
    rating = MeetingRating.objects.get(user=people[0])
    assert (rating.usefulness, rating.next_step) == (5, "documents")


@pytest.mark.parametrize(
    "posted",
    [
        {"took_place": "yes", "usefulness": "7", "next_step": "documents"},
        {"took_place": "yes", "next_step": "documents"},
        {"took_place": "vielleicht"},
        {"took_place": "yes", "usefulness": "3", "next_step": "x" * 600},
    ],
)
def test_bad_input_on_the_page_is_shown_and_changes_nothing(client, meeting, people, posted):
    client.force_login(people[0])
    prefix = f"m{meeting.request_id}"
    response = client.post(
        reverse("events:rate", args=[meeting.event_id, meeting.request_id]),
        {f"{prefix}-{k}": v for k, v in posted.items()},
    )
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not MeetingRating.objects.exists()


def test_a_meeting_of_others_answers_404(client, day, meeting, people):
    other = _meeting(day, people[1], people[2], slot=1)
    client.force_login(people[0])
    prefix = f"m{other.request_id}"
    response = client.post(
        reverse("events:rate", args=[day.pk, other.request_id]),
        {f"{prefix}-took_place": "yes", f"{prefix}-usefulness": "5", f"{prefix}-next_step": "none"},
    )
    assert response.status_code == 404 and not MeetingRating.objects.exists()


def test_a_second_rating_through_the_page_says_so(client, meeting, people):
    _rate(people[0], meeting, usefulness=2)
    client.force_login(people[0])
    prefix = f"m{meeting.request_id}"
    response = client.post(
        reverse("events:rate", args=[meeting.event_id, meeting.request_id]),
        {f"{prefix}-took_place": "yes", f"{prefix}-usefulness": "5", f"{prefix}-next_step": "none"},
        follow=True,
    )
    assert "bereits bewertet" in response.content.decode()
    assert MeetingRating.objects.get().usefulness == 2


def test_the_page_is_for_participants_only(client, meeting):
    client.force_login(UserFactory())
    assert client.get(reverse("events:ratings", args=[meeting.event_id])).status_code == 403


@override_settings(ITKOOP_MEETING_OUTCOME_AFTER_DAYS=1)
def test_the_outcome_through_the_page(client, meeting, people):
    _rate(people[0], meeting)
    client.force_login(people[0])
    page = client.get(reverse("events:ratings", args=[meeting.event_id])).content.decode()
    assert reverse("events:outcome", args=[meeting.event_id, meeting.request_id]) in page
    response = client.post(
        reverse("events:outcome", args=[meeting.event_id, meeting.request_id]),
        {f"m{meeting.request_id}-outcome": "agreement"},
    )
    assert response.status_code == 302 and MeetingRating.objects.get().outcome == "agreement"
