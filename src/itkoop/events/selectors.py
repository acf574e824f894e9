"""Reads of the events app that pages (and later the API) share."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from itkoop.engine.text import index_tokens

from .models import Event, Meeting, MeetingRequest, ParticipantProfile, Registration

RS = Registration.Status


def events_list(*, hub: str = "", include_past: bool = False) -> QuerySet[Event]:
    queryset = Event.objects.select_related("hub").annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=RS.CONFIRMED)),
        waitlisted=Count("registrations", filter=Q(registrations__status=RS.WAITLISTED)),
    )
    if hub:
        queryset = queryset.filter(hub_id=hub)
    if not include_past:
        queryset = queryset.filter(end__gte=timezone.now())
    return queryset.order_by("start", "pk")


def event_counts(event: Event) -> dict[str, int]:
    counts = dict(
        event.registrations.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    confirmed = counts.get(RS.CONFIRMED, 0)
    return {
        "confirmed": confirmed,
        "waitlisted": counts.get(RS.WAITLISTED, 0),
        "free": max(0, event.capacity - confirmed),
    }


def registration_of(user, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user).exclude(status=RS.CANCELLED).first()


def registrations_of(user) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user)
        .exclude(status=RS.CANCELLED)
        .select_related("event", "event__hub")
        .order_by("event__start")
    )


def checkin_list(event: Event) -> QuerySet[Registration]:
    return (
        event.registrations.filter(status=RS.CONFIRMED)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def waiting_list(event: Event) -> QuerySet[Registration]:
    return event.registrations.filter(status=RS.WAITLISTED).select_related("user").order_by("position")


@dataclass
class ParticipantCard:
    user: object
    profile: ParticipantProfile | None
    score: int = 0
    request: MeetingRequest | None = None


def _tokens(text: str) -> set[str]:
    return set(index_tokens(text or ""))


def participants(event: Event, viewer) -> tuple[list[ParticipantCard], list[ParticipantCard]]:
    """All confirmed participants but the viewer, and the suggestions among them: people whose offer matches
    what the viewer seeks or who seek what the viewer offers (shared normalised words, German lemmas)."""
    profiles = {p.user_id: p for p in ParticipantProfile.objects.filter(event=event)}
    mine = profiles.get(viewer.pk)
    my_seeks, my_offers = (_tokens(mine.seeks), _tokens(mine.offers)) if mine else (set(), set())
    requests = {}
    for r in MeetingRequest.objects.filter(event=event).filter(Q(sender=viewer) | Q(recipient=viewer)):
        requests[r.recipient_id if r.sender_id == viewer.pk else r.sender_id] = r
    cards = []
    for registration in checkin_list(event).exclude(user=viewer):
        profile = profiles.get(registration.user_id)
        score = 0
        if profile:
            score = len(my_seeks & _tokens(profile.offers)) + len(my_offers & _tokens(profile.seeks))
        cards.append(
            ParticipantCard(
                user=registration.user,
                profile=profile,
                score=score,
                request=requests.get(registration.user_id),
            )
        )
    cards.sort(key=lambda c: ((c.profile.company_name if c.profile else "") or str(c.user)).lower())
    suggestions = sorted((c for c in cards if c.score > 0 and c.request is None), key=lambda c: -c.score)[:5]
    return cards, suggestions


def requests_of(event: Event, user) -> tuple[QuerySet[MeetingRequest], QuerySet[MeetingRequest]]:
    base = MeetingRequest.objects.filter(event=event).select_related("sender", "recipient")
    return base.filter(recipient=user).order_by("-created"), base.filter(sender=user).order_by("-created")


def schedule_overview(event: Event) -> list[Meeting]:
    return list(
        Meeting.objects.filter(event=event)
        .select_related("request__sender", "request__recipient")
        .order_by("slot", "table")
    )
