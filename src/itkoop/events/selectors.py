"""Reads of the events app that pages (and later the API) share."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from itkoop.accounts import selectors as accounts
from itkoop.engine.text import index_tokens
from itkoop.registry import selectors as registry

from .models import (
    CalendarToken,
    Event,
    Meeting,
    MeetingRating,
    MeetingRequest,
    ParticipantProfile,
    Registration,
)

RS = Registration.Status
logger = logging.getLogger(__name__)


def events() -> QuerySet[Event]:
    """Every event: the base query other apps narrow (the knowledge app links articles to events)."""
    return Event.objects.all()


def confirmed_registrations() -> QuerySet[Registration]:
    return Registration.objects.filter(status=RS.CONFIRMED)


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.all()


def _checked_in(side: str) -> Exists:
    return Exists(
        Registration.objects.filter(event=OuterRef("event"), user=OuterRef(side), checked_in__isnull=False)
    )


def _rated(**lookup) -> Exists:
    return Exists(MeetingRating.objects.filter(request=OuterRef("request"), **lookup))


def held_meetings(*, now=None) -> QuerySet[Meeting]:
    """Meetings that took place: at an event that has begun, rated as held by one of its two people, or –
    while neither rated it as not held – both people checked in. A plan alone (of a future event, or of a
    past one nobody confirmed) never counts."""
    now = now or timezone.now()
    both_came = _checked_in("request__sender") & _checked_in("request__recipient")
    return Meeting.objects.filter(event__start__lte=now).filter(
        _rated(took_place=True) | (~_rated(took_place=False) & both_came)
    )


def meetings_with_agreement(*, now=None) -> QuerySet[Meeting]:
    """Held meetings that led to a cooperation agreement, by the second rating of one of their people."""
    return held_meetings(now=now).filter(_rated(outcome=MeetingRating.Outcome.AGREEMENT))


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


def public_calendar_file(event: Event) -> bytes:
    """The event's .ics file as the public page offers it: without the online access link."""
    from . import calendars  # icalendar is imported where a calendar is written (as in notifications.py)

    return calendars.event_calendar(event, include_link=False)


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


def online_participant_count(event: Event) -> int:
    """Confirmed participants of a hybrid event who take part online."""
    return Registration.objects.filter(
        event=event, status=RS.CONFIRMED, attendance=Registration.Attendance.ONLINE
    ).count()


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


def calendar_token_of(user) -> CalendarToken | None:
    """The user's feed token, if they made one (the page's button does; looking at the page does not)."""
    return CalendarToken.objects.filter(user=user).first()


def checkin_list(event: Event) -> QuerySet[Registration]:
    return (
        event.registrations.filter(status=RS.CONFIRMED)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def checkin_search(event: Event, query: str = "") -> list[tuple[Registration, Person]]:
    """Confirmed registrations whose name, e-mail or company (of the profile or the catalog) contain every
    word of ``query``, each with the person's company: the check-in page's list."""
    registrations = checkin_list(event)
    for word in query.split()[:5]:
        registrations = registrations.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(user__meeting_profiles__event=event, user__meeting_profiles__company_name__icontains=word)
            | Q(user__memberships__company__name__icontains=word)
        )
    registrations = list(registrations.distinct())
    people = people_of(event, [r.user for r in registrations])
    return [(r, people[r.user_id]) for r in registrations]


def waiting_list(event: Event) -> QuerySet[Registration]:
    return event.registrations.filter(status=RS.WAITLISTED).select_related("user").order_by("position")


@dataclass
class ParticipantCard:
    user: object
    profile: ParticipantProfile | None
    score: float = 0
    request: MeetingRequest | None = None
    reasons: list[str] = field(default_factory=list)
    capabilities: list = field(default_factory=list)  # of the person's catalog company, see Person


def _tokens(text: str) -> set[str]:
    return set(index_tokens(text or ""))


def _companies(user_ids) -> dict[int, str]:
    """user pk -> external id of (one of) their companies."""
    out: dict[int, str] = {}
    rows = accounts.memberships_of_users(user_ids)
    for user_id, external_id in rows.values_list("user_id", "company__external_id"):
        out.setdefault(user_id, external_id)
    return out


def _catalog_capabilities(user_ids) -> dict[int, list]:
    """user pk -> the capabilities the solutions of their (first) catalog company offer. Pages show them by
    label in the page's language, which the free text of a profile cannot follow."""
    first: dict[int, int] = {}
    for user_id, company_id in accounts.memberships_of_users(user_ids).values_list("user_id", "company_id"):
        first.setdefault(user_id, company_id)
    offered = registry.capabilities_of_companies(set(first.values()))
    return {user_id: offered.get(company_id, []) for user_id, company_id in first.items()}


def _engine_partners(company_id: str) -> dict[str, tuple[float, list[str]]]:
    """The matching engine's complementary partners of a company (score, reasons), or nothing when the
    engine cannot say (no catalog yet, company without solutions)."""
    try:
        from itkoop.matching.services import MatchRequestError, rank_partners_for
    except ImportError:  # the matching app is optional for events
        return {}
    try:
        result = rank_partners_for(company_id=company_id, top_k=50)
    except (MatchRequestError, ValueError, LookupError):
        return {}
    return {p.id: (float(p.score), list(p.reasons)) for p in result.partners}


def participants(event: Event, viewer) -> tuple[list[ParticipantCard], list[ParticipantCard]]:
    """All confirmed participants but the viewer, and up to five suggestions among them: the matching engine's
    complementary partners of the viewer's company, and people whose offer shares words (German lemmas) with
    what the viewer seeks or who seek what the viewer offers."""
    profiles = {p.user_id: p for p in ParticipantProfile.objects.filter(event=event)}
    mine = profiles.get(viewer.pk)
    my_seeks, my_offers = (_tokens(mine.seeks), _tokens(mine.offers)) if mine else (set(), set())
    requests = {}
    for r in MeetingRequest.objects.filter(event=event).filter(Q(sender=viewer) | Q(recipient=viewer)):
        requests[r.recipient_id if r.sender_id == viewer.pk else r.sender_id] = r
    registrations = list(checkin_list(event).exclude(user=viewer))
    companies = _companies([viewer.pk] + [r.user_id for r in registrations])
    engine = _engine_partners(companies[viewer.pk]) if viewer.pk in companies else {}
    offered = _catalog_capabilities([r.user_id for r in registrations])
    cards = []
    for registration in registrations:
        profile = profiles.get(registration.user_id)
        card = ParticipantCard(
            user=registration.user,
            profile=profile,
            request=requests.get(registration.user_id),
            capabilities=offered.get(registration.user_id, []),
        )
        if profile:
            card.score = len(my_seeks & _tokens(profile.offers)) + len(my_offers & _tokens(profile.seeks))
        partner = engine.get(companies.get(registration.user_id, ""))
        if partner:
            card.score += 10 * partner[0]
            card.reasons = partner[1][:3]
        cards.append(card)
    cards.sort(key=lambda c: ((c.profile.company_name if c.profile else "") or str(c.user)).lower())
    suggestions = sorted((c for c in cards if c.score > 0 and c.request is None), key=lambda c: -c.score)[:5]
    return cards, suggestions


@dataclass(frozen=True)
class Person:
    """A participant as others see them at a meeting day: name, company (linked to its page when the person
    is a member of a company in the catalog) and what their profile for the day says they offer and seek."""

    user: object
    company: str = ""
    company_id: str = ""  # external id of the catalog company, for its page
    offers: str = ""
    seeks: str = ""
    # The catalog company's capabilities (records: shown by label in the reader's language); only where
    # people_of was asked for them.
    capabilities: tuple = ()

    @property
    def label(self) -> str:
        """ "Name, company" – how mails and calendars name the person."""
        return f"{self.user}, {self.company}" if self.company else str(self.user)


def people_of(event: Event, users, *, with_capabilities: bool = False) -> dict[int, Person]:
    """user pk -> Person for these users at this meeting day. The company is the catalog company of the
    person's (first) membership, else the company name of their profile; ``with_capabilities`` adds what
    that catalog company offers (for pages, not for mails)."""
    users = list(users)
    ids = [u.pk for u in users]
    profiles = {p.user_id: p for p in ParticipantProfile.objects.filter(event=event, user_id__in=ids)}
    companies: dict[int, tuple[str, str]] = {}
    for user_id, external_id, name in accounts.memberships_of_users(ids).values_list(
        "user_id", "company__external_id", "company__name"
    ):
        companies.setdefault(user_id, (external_id, name))
    offered = _catalog_capabilities(ids) if with_capabilities else {}
    out = {}
    for user in users:
        profile = profiles.get(user.pk)
        external_id, name = companies.get(user.pk, ("", ""))
        out[user.pk] = Person(
            user=user,
            company=name or (profile.company_name if profile else ""),
            company_id=external_id,
            offers=profile.offers if profile else "",
            seeks=profile.seeks if profile else "",
            capabilities=tuple(offered.get(user.pk, ())),
        )
    return out


@dataclass(frozen=True)
class RequestRow:
    request: MeetingRequest
    other: Person


def requests_of(event: Event, user) -> tuple[list[RequestRow], list[RequestRow]]:
    """The requests to and from ``user``, each with the other person's company and profile."""
    base = MeetingRequest.objects.filter(event=event).select_related("sender", "recipient")
    incoming = list(base.filter(recipient=user).order_by("-created"))
    outgoing = list(base.filter(sender=user).order_by("-created"))
    people = people_of(
        event, [r.sender for r in incoming] + [r.recipient for r in outgoing], with_capabilities=True
    )
    return (
        [RequestRow(r, people[r.sender_id]) for r in incoming],
        [RequestRow(r, people[r.recipient_id]) for r in outgoing],
    )


def meeting_requests() -> QuerySet[MeetingRequest]:
    return MeetingRequest.objects.select_related("event", "sender", "recipient")


def _profile_company(side: str) -> Subquery:
    return Subquery(
        ParticipantProfile.objects.filter(event=OuterRef("event"), user=OuterRef(side)).values(
            "company_name"
        )[:1]
    )


def meeting_requests_of_user(user) -> QuerySet[MeetingRequest]:
    """The user's meeting requests across events: incoming pending ones first, then the newest."""
    if not getattr(user, "is_authenticated", False):
        return MeetingRequest.objects.none()
    incoming_pending = Q(recipient=user, status=MeetingRequest.Status.PENDING)
    return (
        meeting_requests()
        .filter(Q(sender=user) | Q(recipient=user))
        .annotate(
            waiting=Count("pk", filter=incoming_pending),
            sender_company=_profile_company("sender"),
            recipient_company=_profile_company("recipient"),
        )
        .order_by("-waiting", "-created")
    )


def schedule_overview(event: Event) -> list[Meeting]:
    return list(
        Meeting.objects.filter(event=event)
        .select_related("request__sender", "request__recipient")
        .order_by("slot", "table")
    )


def agenda_context(event: Event, person) -> dict:
    """A person's meetings on a meeting day, with counterparts and profiles: the agenda page and its PDF."""
    from .scheduling import meetings_of

    rows = [(m, m.request.counterpart(person)) for m in meetings_of(event, person)]
    people = people_of(event, [other for _m, other in rows])
    return {
        "event": event,
        "rows": [(m, other, people[other.pk]) for m, other in rows],
        "person": person,
    }
