"""Meeting ratings: after a meeting day each participant rates each of their meetings (took place or not,
usefulness 1-5, next step); ITKOOP_MEETING_OUTCOME_AFTER_DAYS later they say what came of it (no further
contact ... negotiation started ... cooperation agreement reached). The periodic job asks each person once
per stage and reminds once; the figures count held meetings and agreements from these ratings.

A rating is given once: a second one is refused with a clear message and changes nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from itkoop.notifications.services import notify

from . import notifications as kinds
from .models import Event, Meeting, MeetingRating, RatingInvitation
from .selectors import people_of
from .services import EventError

logger = logging.getLogger(__name__)
Stage = RatingInvitation.Stage

#: People are asked within this many days after the day (or after the outcome is due), never for old events.
ASK_WITHIN_DAYS = 14
#: One reminder, this many days after the request, to whoever still has meetings to rate.
REMIND_AFTER_DAYS = 7
USEFULNESS = range(1, 6)


def outcome_due(event: Event):
    """When the second stage (the outcome) opens for this event."""
    return event.end + timedelta(days=settings.ITKOOP_MEETING_OUTCOME_AFTER_DAYS)


def _meetings_of(event: Event, user):
    return (
        Meeting.objects.filter(event=event)
        .filter(Q(request__sender=user) | Q(request__recipient=user))
        .select_related("request__sender", "request__recipient", "event")
        .order_by("slot", "table")
    )


@dataclass
class RatingRow:
    """One of a person's meetings on the rating page, with their rating so far."""

    meeting: Meeting
    other: str  # "Name, company" of the other person
    rating: MeetingRating | None

    @property
    def needs_rating(self) -> bool:
        return self.rating is None

    @property
    def needs_outcome(self) -> bool:
        return self.rating is not None and self.rating.took_place and not self.rating.outcome


def rating_rows(event: Event, user) -> list[RatingRow]:
    """The person's meetings at the event, each with their own rating (if given)."""
    meetings = list(_meetings_of(event, user))
    ratings = {
        r.request_id: r
        for r in MeetingRating.objects.filter(user=user, request_id__in=[m.request_id for m in meetings])
    }
    others = [m.request.counterpart(user) for m in meetings]
    people = people_of(event, others)
    return [
        RatingRow(m, people[other.pk].label, ratings.get(m.request_id))
        for m, other in zip(meetings, others, strict=True)
    ]


def _meeting_of_actor(actor, event: Event, request_id: int) -> Meeting:
    """The actor's meeting of this request at this event; PermissionDenied for anyone not in it (the view
    answers 404 before that)."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied
    meeting = (
        Meeting.objects.select_related("request")
        .filter(event=event, request_id=request_id)
        .filter(Q(request__sender=actor) | Q(request__recipient=actor))
        .first()
    )
    if meeting is None:
        raise PermissionDenied
    return meeting


@transaction.atomic
def meeting_rate(
    *, actor, event: Event, request_id: int, took_place: bool, usefulness: int | None, next_step: str
) -> MeetingRating:
    """The first stage: the actor's rating of one of their meetings, after the day, once."""
    meeting = _meeting_of_actor(actor, event, request_id)
    if not event.has_ended:
        raise EventError(
            _("Gespräche können Sie nach der Veranstaltung bewerten, ab %(date)s.")
            % {"date": date_format(timezone.localtime(event.end), "DATETIME_FORMAT")}
        )
    if took_place:
        if usefulness not in USEFULNESS:
            raise EventError(_("Bitte geben Sie den Nutzen mit einer Zahl von 1 bis 5 an."))
        if next_step not in MeetingRating.NextStep.values:
            raise EventError(_("Bitte wählen Sie einen nächsten Schritt aus der Liste."))
    else:
        usefulness, next_step = None, ""
    if MeetingRating.objects.filter(request=meeting.request, user=actor).exists():
        raise EventError(_("Sie haben dieses Gespräch bereits bewertet; die Bewertung bleibt, wie sie ist."))
    try:
        with transaction.atomic():
            return MeetingRating.objects.create(
                event=event,
                request=meeting.request,
                user=actor,
                took_place=took_place,
                usefulness=usefulness,
                next_step=next_step,
            )
    except IntegrityError:  # the same rating, committed by a parallel submit in the meantime
        raise EventError(
            _("Sie haben dieses Gespräch bereits bewertet; die Bewertung bleibt, wie sie ist.")
        ) from None


@transaction.atomic
def meeting_outcome_save(*, actor, event: Event, request_id: int, outcome: str) -> MeetingRating:
    """The second stage: what came of a meeting the actor rated as held, once, when it is due."""
    meeting = _meeting_of_actor(actor, event, request_id)
    now = timezone.now()
    if now < outcome_due(event):
        raise EventError(
            _("Das Ergebnis eines Gesprächs können Sie ab %(date)s angeben.")
            % {"date": date_format(timezone.localtime(outcome_due(event)), "DATE_FORMAT")}
        )
    if outcome not in MeetingRating.Outcome.values:
        raise EventError(_("Bitte wählen Sie ein Ergebnis aus der Liste."))
    rating = MeetingRating.objects.select_for_update().filter(request=meeting.request, user=actor).first()
    if rating is None or not rating.took_place:
        raise EventError(
            _("Ein Ergebnis gibt es nur für Gespräche, die Sie als stattgefunden bewertet haben.")
        )
    if rating.outcome:
        raise EventError(
            _("Sie haben das Ergebnis dieses Gesprächs bereits angegeben; es bleibt, wie es ist.")
        )
    rating.outcome = outcome
    rating.outcome_given = now
    rating.save(update_fields=["outcome", "outcome_given"])
    return rating


# --- requests and reminders (the periodic job) ---


def _open_for(event: Event, stage: str) -> set[int]:
    """People who still have something to say at this stage: a meeting without their rating (first stage),
    a meeting they rated as held without an outcome (second stage)."""
    rated = MeetingRating.objects.filter(event=event)
    if stage == Stage.RATING:
        done = set(rated.values_list("request_id", "user_id"))
        open_people = set()
        for request_id, sender, recipient in Meeting.objects.filter(event=event).values_list(
            "request_id", "request__sender_id", "request__recipient_id"
        ):
            open_people.update(p for p in (sender, recipient) if (request_id, p) not in done)
        return open_people
    # The outcome: meetings rated as held without one, and meetings not rated yet (the page asks both).
    held = set(rated.filter(took_place=True, outcome="").values_list("user_id", flat=True))
    return held | _open_for(event, Stage.RATING)


def _ask(event: Event, stage: str, people: set[int], now) -> int:
    from django.contrib.auth import get_user_model

    asked = set(RatingInvitation.objects.filter(event=event, stage=stage).values_list("user_id", flat=True))
    new = sorted(people - asked)
    if not new:
        return 0
    RatingInvitation.objects.bulk_create(
        [RatingInvitation(event=event, user_id=p, stage=stage, sent=now) for p in new]
    )
    users = get_user_model().objects.filter(pk__in=new)
    return len(_notify(event, stage, users, reminder=False))


def _notify(event: Event, stage: str, users, *, reminder: bool):
    return notify(
        recipients=users,
        kind=kinds.MEETING_RATING if stage == Stage.RATING else kinds.MEETING_OUTCOME,
        params={"event_id": event.pk, "title": event.title, "reminder": reminder},
        url=("events:ratings", [event.pk]),
    )


def _remind(event: Event, stage: str, now) -> int:
    from django.contrib.auth import get_user_model

    due = RatingInvitation.objects.filter(
        event=event, stage=stage, reminded__isnull=True, sent__lte=now - timedelta(days=REMIND_AFTER_DAYS)
    )
    people = set(due.values_list("user_id", flat=True)) & _open_for(event, stage)
    due.update(reminded=now)  # also those with nothing left: they are not reminded later either
    if not people:
        return 0
    return len(_notify(event, stage, get_user_model().objects.filter(pk__in=people), reminder=True))


def send_rating_requests(*, now=None) -> int:
    """Ask for ratings of meeting days that ended in the last ASK_WITHIN_DAYS days and for outcomes that
    came due in that window; remind once REMIND_AFTER_DAYS after. Each person is asked once per stage.
    Returns the number of notifications."""
    now = now or timezone.now()
    window = timedelta(days=ASK_WITHIN_DAYS + REMIND_AFTER_DAYS)
    outcome_after = timedelta(days=settings.ITKOOP_MEETING_OUTCOME_AFTER_DAYS)
    sent = 0
    days = Event.objects.filter(is_meeting_day=True, end__lte=now, end__gt=now - outcome_after - window)
    for event in days:
        # One transaction per event: the invitations and the notifications are stored together.
        with transaction.atomic():
            ended_since = now - event.end
            if ended_since <= timedelta(days=ASK_WITHIN_DAYS):
                sent += _ask(event, Stage.RATING, _open_for(event, Stage.RATING), now)
            if ended_since <= window:
                sent += _remind(event, Stage.RATING, now)
            since_due = now - outcome_due(event)
            if timedelta(0) <= since_due <= timedelta(days=ASK_WITHIN_DAYS):
                sent += _ask(event, Stage.OUTCOME, _open_for(event, Stage.OUTCOME), now)
            if timedelta(0) <= since_due <= timedelta(days=ASK_WITHIN_DAYS + REMIND_AFTER_DAYS):
                sent += _remind(event, Stage.OUTCOME, now)
    if sent:
        logger.info("meeting ratings: %s requests and reminders sent", sent)
    return sent
