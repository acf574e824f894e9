"""The figures of the flow and the center's KPIs, read from the other apps' data.

Funnel per meeting day: participants -> participants who had meetings -> meetings -> meetings that led to a
cooperation -> cooperations -> cooperations with a result. Meetings are the HELD ones (events.selectors
.held_meetings: rated as held, or both people checked in), never the plan of an event; "agreements" are held
meetings whose second rating says a cooperation agreement was reached. A meeting "led to a cooperation" when a
company of each of the two people later (activated on or after the event's start) cooperated: both companies
accepted and the cooperation became active. Nothing here writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from itkoop.accounts import selectors as accounts
from itkoop.cooperation import selectors as cooperation
from itkoop.events import selectors as events_app
from itkoop.knowledge import selectors as knowledge
from itkoop.labels import selectors as labels
from itkoop.registry import selectors as registry


@dataclass
class Funnel:
    label: str
    hub: str = ""
    date: object = None
    participants: int = 0
    participants_with_meetings: int = 0
    meetings: int = 0
    meetings_to_cooperation: int = 0
    agreements: int = 0
    cooperations: int = 0
    cooperations_with_result: int = 0
    cooperation_ids: set[int] = field(default_factory=set, repr=False)

    def add(self, other: Funnel) -> None:
        self.participants += other.participants
        self.participants_with_meetings += other.participants_with_meetings
        self.meetings += other.meetings
        self.meetings_to_cooperation += other.meetings_to_cooperation
        self.agreements += other.agreements
        self.cooperation_ids |= other.cooperation_ids

    @staticmethod
    def percent(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def share_with_meetings(self) -> int | None:
        return self.percent(self.participants_with_meetings, self.participants)

    @property
    def share_to_cooperation(self) -> int | None:
        return self.percent(self.meetings_to_cooperation, self.meetings)

    @property
    def share_with_result(self) -> int | None:
        return self.percent(self.cooperations_with_result, self.cooperations)


FUNNEL_COLUMNS = [
    ("label", _("Veranstaltung")),
    ("hub", _("Stützpunkt")),
    ("date", _("Datum")),
    ("participants", _("Teilnehmende")),
    ("participants_with_meetings", _("Teilnehmende mit Gesprächen")),
    ("meetings", _("Gespräche")),
    ("meetings_to_cooperation", _("Gespräche mit Kooperation")),
    ("agreements", _("Gespräche mit Kooperationsvereinbarung")),
    ("cooperations", _("Kooperationen")),
    ("cooperations_with_result", _("Kooperationen mit Ergebnis")),
]


@dataclass(frozen=True)
class _ActiveCooperation:
    pk: int
    activated_at: object
    companies: frozenset[int]
    with_result: bool


def _activated_cooperations() -> list[_ActiveCooperation]:
    with_result = set(cooperation.cooperations_with_result().values_list("pk", flat=True))
    rows = (
        cooperation.accepted_participations()
        .filter(cooperation__activated_at__isnull=False)
        .values_list("cooperation_id", "company_id", "cooperation__activated_at")
    )
    grouped: dict[int, dict] = {}
    for coop_id, company_id, activated_at in rows:
        entry = grouped.setdefault(coop_id, {"at": activated_at, "companies": set()})
        entry["companies"].add(company_id)
    return [
        _ActiveCooperation(pk, e["at"], frozenset(e["companies"]), pk in with_result)
        for pk, e in grouped.items()
    ]


def _events_in_scope(hub: str | None):
    queryset = events_app.events().select_related("hub").filter(is_meeting_day=True).order_by("-start")
    return list(queryset.filter(hub_id=hub) if hub else queryset)


def event_funnels(*, hub: str | None = None) -> list[Funnel]:
    """One funnel per meeting day (of one hub, or all)."""
    events = _events_in_scope(hub)
    if not events:
        return []
    event_ids = [e.pk for e in events]
    participants: dict[int, set[int]] = defaultdict(set)
    for event_id, user_id in (
        events_app.confirmed_registrations().filter(event_id__in=event_ids).values_list("event_id", "user_id")
    ):
        participants[event_id].add(user_id)
    meetings: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for event_id, sender, recipient in (
        events_app.held_meetings()
        .filter(event_id__in=event_ids)
        .values_list("event_id", "request__sender_id", "request__recipient_id")
    ):
        meetings[event_id].append((sender, recipient))
    agreements: dict[int, int] = defaultdict(int)
    for event_id in (
        events_app.meetings_with_agreement().filter(event_id__in=event_ids).values_list("event_id", flat=True)
    ):
        agreements[event_id] += 1
    users = {u for pairs in meetings.values() for pair in pairs for u in pair}
    companies_of: dict[int, set[int]] = defaultdict(set)
    for user_id, company_id in accounts.memberships_of_users(users).values_list("user_id", "company_id"):
        companies_of[user_id].add(company_id)
    cooperations = _activated_cooperations()
    funnels = []
    for event in events:
        hub_name = event.hub.localized_name if event.hub else ""
        funnel = Funnel(label=event.title, hub=hub_name, date=timezone.localdate(event.start))
        pairs = meetings.get(event.pk, [])
        met = {u for pair in pairs for u in pair}
        funnel.participants = len(participants.get(event.pk, set()) | met)
        funnel.participants_with_meetings = len(met)
        funnel.meetings = len(pairs)
        funnel.agreements = agreements.get(event.pk, 0)
        for sender, recipient in pairs:
            found = [
                c.pk
                for c in cooperations
                if c.activated_at >= event.start
                and _two_sides(c.companies, companies_of[sender], companies_of[recipient])
            ]
            if found:
                funnel.meetings_to_cooperation += 1
                funnel.cooperation_ids.update(found)
        _count_cooperations(funnel, cooperations)
        funnels.append(funnel)
    return funnels


def _two_sides(members: frozenset[int], side_a: set[int], side_b: set[int]) -> bool:
    """Both people are represented by different companies in the cooperation."""
    return any(a in members and b in members and a != b for a in side_a for b in side_b)


def _count_cooperations(funnel: Funnel, cooperations: list[_ActiveCooperation]) -> None:
    with_result = {c.pk for c in cooperations if c.with_result}
    funnel.cooperations = len(funnel.cooperation_ids)
    funnel.cooperations_with_result = len(funnel.cooperation_ids & with_result)


def hub_funnels(funnels: list[Funnel]) -> list[Funnel]:
    """The event funnels summed per hub (a cooperation found at two events of a hub counts once)."""
    cooperations = _activated_cooperations()
    totals: dict[str, Funnel] = {}
    for funnel in funnels:
        key = funnel.hub or "–"
        totals.setdefault(key, Funnel(label=key, hub=key)).add(funnel)
    for total in totals.values():
        _count_cooperations(total, cooperations)
    return sorted(totals.values(), key=lambda f: f.label)


def total_funnel(funnels: list[Funnel]) -> Funnel:
    """All meeting days in scope together: the center's own "firms -> meetings -> cooperations" figure."""
    total = Funnel(label=str(_("Gesamt")))
    for funnel in funnels:
        total.add(funnel)
    _count_cooperations(total, _activated_cooperations())
    return total


def _hub_filter(hub: str | None, path: str) -> Q:
    return Q(**{path: hub}) if hub else Q()


def kpis(*, hub: str | None = None) -> dict[str, int | None]:
    """Companies reached, events, participants, cooperations, results, self-checks."""
    companies = registry.companies().filter(_hub_filter(hub, "hub_id"))
    cooperations = cooperation.cooperations_initiated().filter(_hub_filter(hub, "hub_id"))
    figures: dict[str, int | None] = {
        "companies": companies.count(),
        "companies_verified": companies.filter(verified=True).count(),
        "cooperations_invited": cooperations.count(),
        "cooperations_formed": cooperations.filter(activated_at__isnull=False).count(),
        "cooperations_with_result": cooperation.cooperations_with_result()
        .filter(_hub_filter(hub, "hub_id"))
        .count(),
        "profiles_published": cooperation.released_profiles()
        .filter(_hub_filter(hub, "company__hub_id"))
        .count(),
        "interests": cooperation.interests().filter(_hub_filter(hub, "profile__company__hub_id")).count(),
        "inquiries": cooperation.inquiries().filter(_hub_filter(hub, "hub_id")).count(),
        "events": None,
        "participants": None,
        "meetings": None,
        "meeting_agreements": None,
        "selfchecks": None,
    }
    reached = set(
        companies.filter(
            Q(memberships__isnull=False) | Q(cooperation_participations__isnull=False)
        ).values_list("pk", flat=True)
    )
    figures["events"] = events_app.events().filter(_hub_filter(hub, "hub_id")).count()
    confirmed = events_app.confirmed_registrations().filter(_hub_filter(hub, "event__hub_id"))
    figures["participants"] = confirmed.values("user_id").distinct().count()
    reached |= set(
        companies.filter(memberships__user__in=confirmed.values("user_id")).values_list("pk", flat=True)
    )
    figures["meetings"] = events_app.held_meetings().filter(_hub_filter(hub, "event__hub_id")).count()
    figures["meeting_agreements"] = (
        events_app.meetings_with_agreement().filter(_hub_filter(hub, "event__hub_id")).count()
    )
    checks = knowledge.selfcheck_results().filter(_hub_filter(hub, "company__hub_id"))
    figures["selfchecks"] = checks.count()
    reached |= set(checks.values_list("company_id", flat=True))
    figures["companies_reached"] = len(reached)
    return figures


KPI_LABELS = [
    ("companies_reached", _("erreichte Unternehmen")),
    ("companies", _("Unternehmen im Katalog")),
    ("companies_verified", _("davon geprüft")),
    ("events", _("Veranstaltungen")),
    ("participants", _("Teilnehmende")),
    ("meetings", _("geführte B2B-Gespräche")),
    ("meeting_agreements", _("Gespräche mit Kooperationsvereinbarung")),
    ("cooperations_invited", _("Kooperationsanbahnungen")),
    ("cooperations_formed", _("gebildete Kooperationen")),
    ("cooperations_with_result", _("Kooperationen mit Ergebnis")),
    ("profiles_published", _("veröffentlichte Kooperationsprofile")),
    ("interests", _("Interessensbekundungen")),
    ("inquiries", _("Anfragen an das Netzwerk")),
    ("selfchecks", _("durchgeführte Selbstchecks")),
]


LABEL_COLUMNS = [
    ("quarter", _("Quartal")),
    ("hub", _("Stützpunkt")),
    ("applied", _("Siegel beantragt")),
    ("granted", _("Siegel erteilt")),
    ("renewed", _("Siegel verlängert")),
    ("expired", _("Siegel abgelaufen")),
]


def label_figures(*, hub: str | None = None) -> list:
    """Labels applied for, granted, renewed and expired per quarter and hub (labels.selectors)."""
    return labels.figures_by_quarter(hub=hub)
