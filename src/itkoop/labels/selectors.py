"""Reads of labels that pages, the registry (through its label authority port), matching and the figures
share.

"Certified" always means: a certificate whose period holds today. An expired label is nowhere public: not in
the register, the catalog filter, matching or on the solution page (its verification page says it ended)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from itkoop.registry import selectors as registry

from .models import Application, Certificate, CriteriaVersion, Evidence, LabelScheme
from .permissions import is_reviewer


def schemes() -> QuerySet[LabelScheme]:
    """The labels open to applications."""
    return LabelScheme.objects.filter(active=True)


def all_schemes() -> QuerySet[LabelScheme]:
    return LabelScheme.objects.all()


def current_version(scheme: LabelScheme) -> CriteriaVersion | None:
    """The newest published version of the scheme's criteria."""
    return (
        CriteriaVersion.objects.filter(scheme=scheme, published__lte=timezone.localdate())
        .order_by("-number")
        .first()
    )


def open_application(solution, scheme) -> Application | None:
    return Application.objects.filter(solution=solution, scheme=scheme, status__in=Application.OPEN).first()


def last_certificate(solution, scheme) -> Certificate | None:
    """The latest certificate of this solution and label, valid or not."""
    return (
        Certificate.objects.filter(solution=solution, scheme=scheme).order_by("-valid_until", "-pk").first()
    )


def last_application(solution, scheme, *, before: Application | None = None) -> Application | None:
    queryset = Application.objects.filter(solution=solution, scheme=scheme)
    if before is not None:
        queryset = queryset.exclude(pk=before.pk).filter(created__lte=before.created)
    return queryset.order_by("-created", "-pk").first()


def prefill(solution, scheme, version: CriteriaVersion) -> dict[int, str]:
    """A renewal starts from the last application: its explanations, by criterion key (the criteria may have
    a new version since), for the criteria of `version`."""
    last = last_application(solution, scheme)
    if last is None:
        return {}
    by_key = {d.criterion.key: d.explanation for d in last.declarations.select_related("criterion")}
    return {c.pk: by_key[c.key] for c in version.criteria.all() if c.key in by_key}


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def current_certificates(today: dt.date | None = None) -> QuerySet[Certificate]:
    """The labels that hold today."""
    day = _today(today)
    return Certificate.objects.filter(valid_from__lte=day, valid_until__gte=day)


def _later_in_chain() -> Exists:
    """A certificate that continues this one without a gap (a renewal granted in time)."""
    return Exists(Certificate.objects.filter(continues=OuterRef("pk")))


def chain_ends() -> QuerySet[Certificate]:
    """Certificates no granted renewal continues: where a label really ends."""
    return Certificate.objects.annotate(continued=_later_in_chain()).filter(continued=False)


def _with_end(queryset: QuerySet[Certificate]) -> QuerySet[Certificate]:
    """Annotate `holds_until`: the last day the label holds without a gap, through the renewal that continues
    it (a renewal can be granted only once per period, so one step ahead is all there is)."""
    continuation = Certificate.objects.filter(continues=OuterRef("pk")).values("valid_until")[:1]
    return queryset.annotate(holds_until=Coalesce(Subquery(continuation), "valid_until"))


def public_register(
    *, text: str = "", scheme: str = "", today: dt.date | None = None
) -> QuerySet[Certificate]:
    """The labelled products of the public register: labels that hold today, searchable by product, company,
    city and label."""
    queryset = current_certificates(today).select_related("scheme", "solution", "solution__company")
    if scheme:
        queryset = queryset.filter(scheme__slug=scheme)
    for word in text.split()[:10]:
        queryset = queryset.filter(
            Q(solution__name__icontains=word)
            | Q(solution__company__name__icontains=word)
            | Q(solution__company__city__icontains=word)
            | Q(scheme__name__icontains=word)
        )
    return _with_end(queryset).order_by("solution__name", "scheme__name")


def certificate_by_code(code: str) -> Certificate | None:
    if not code or len(code) > 20:
        return None
    return (
        _with_end(Certificate.objects.filter(code=code.upper()))
        .select_related("scheme", "solution", "solution__company")
        .first()
    )


@dataclass(frozen=True)
class LabelFact:
    """A label as a solution or company page shows it."""

    name: str
    slug: str
    solution: str
    until: dt.date
    code: str


def solution_labels(solution_id: int, today: dt.date | None = None) -> list[LabelFact]:
    return [
        LabelFact(c.scheme.name, c.scheme.slug, c.solution.name, c.holds_until, c.code)
        for c in _with_end(current_certificates(today).filter(solution_id=solution_id))
        .select_related("scheme", "solution")
        .order_by("scheme__name")
    ]


def company_labels(company_id: int, today: dt.date | None = None) -> list[LabelFact]:
    return [
        LabelFact(c.scheme.name, c.scheme.slug, c.solution.name, c.holds_until, c.code)
        for c in _with_end(current_certificates(today).filter(solution__company_id=company_id))
        .select_related("scheme", "solution")
        .order_by("scheme__name", "solution__name")
    ]


# -- applications: the company's own, and the center's review list ---------------------------------------


def applications_of_user(user) -> QuerySet[Application]:
    """The applications of the person's companies (also for admins: only their own companies')."""
    return (
        Application.objects.select_related("scheme", "solution", "solution__company")
        .filter(solution__company__in=registry.companies_of_user(user))
        .order_by("-created", "-pk")
    )


def applications_to_review() -> QuerySet[Application]:
    return (
        Application.objects.select_related(
            "scheme", "solution", "solution__company", "solution__company__hub"
        )
        .filter(status=Application.Status.SUBMITTED)
        .order_by("submitted_at", "pk")
    )


def recently_decided(limit: int = 20) -> list[Application]:
    return list(
        Application.objects.select_related("scheme", "solution", "solution__company")
        .filter(decided_at__isnull=False)
        .order_by("-decided_at")[:limit]
    )


def visible_evidence(user) -> QuerySet[Evidence]:
    """Evidence files the person may download: the applying company's members and the center admins."""
    queryset = Evidence.objects.select_related("application__solution")
    if is_reviewer(user):
        return queryset
    return queryset.filter(application__solution__company__in=registry.companies_of_user(user))


def solutions_to_apply_for(user) -> list:
    """The solutions of the person's companies, each with its current labels and open applications."""
    return list(
        registry.solutions()
        .filter(company__in=registry.companies_of_user(user))
        .select_related("company")
        .order_by("company__name", "name")
    )


# -- the registry's label authority (registered by LabelsConfig.ready) ------------------------------------


class LabelAuthority:
    """Tells the registry which of its labels the center certifies, and who holds them today. For those
    labels a company's own tag is a self-declaration: the catalog filter and matching count only
    certificates."""

    def governed(self) -> frozenset[str]:
        return frozenset(LabelScheme.objects.values_list("slug", flat=True))

    def certified_solutions(self, slug: str) -> QuerySet:
        """Ids of the solutions that hold the label today (a subquery)."""
        return current_certificates().filter(scheme__slug=slug).values("solution_id")

    def certified_solution_links(self) -> list[tuple[int, str]]:
        return list(current_certificates().values_list("solution_id", "scheme__slug").distinct().order_by())

    def signature(self) -> tuple:
        """Changes when a label is granted, ends or begins (the day is part of it)."""
        return (timezone.localdate(), tuple(sorted(current_certificates().values_list("pk", flat=True))))

    def solution_labels(self, solution_id: int) -> list[LabelFact]:
        return solution_labels(solution_id)

    def company_labels(self, company_id: int) -> list[LabelFact]:
        return company_labels(company_id)


# -- figures ------------------------------------------------------------------------------------------------


@dataclass
class LabelFigures:
    quarter: str
    hub: str
    applied: int = 0
    granted: int = 0
    renewed: int = 0
    expired: int = 0


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def figures_by_quarter(*, hub: str | None = None, today: dt.date | None = None) -> list[LabelFigures]:
    """Per quarter and hub (of the solution's company): applications made, labels granted for the first time,
    renewals granted, and labels that ended without a renewal continuing them. Newest quarter first."""
    day = _today(today)
    tz = timezone.get_current_timezone()
    rows: dict[tuple[str, str], LabelFigures] = {}

    def row(when: dt.date, hub_id: str | None) -> LabelFigures:
        key = (quarter_of(when), hub_id or "")
        return rows.setdefault(key, LabelFigures(quarter=key[0], hub=key[1]))

    applications = Application.objects.all()
    certificates = Certificate.objects.all()
    if hub:
        applications = applications.filter(solution__company__hub_id=hub)
        certificates = certificates.filter(solution__company__hub_id=hub)
    for created, hub_id in applications.values_list("created", "solution__company__hub_id"):
        row(created.astimezone(tz).date(), hub_id).applied += 1
    for granted, renewal, hub_id in certificates.values_list(
        "granted_at", "renewal", "solution__company__hub_id"
    ):
        figures = row(granted.astimezone(tz).date(), hub_id)
        if renewal:
            figures.renewed += 1
        else:
            figures.granted += 1
    ended = certificates.annotate(continued=_later_in_chain()).filter(continued=False, valid_until__lt=day)
    for until, hub_id in ended.values_list("valid_until", "solution__company__hub_id"):
        row(until + dt.timedelta(days=1), hub_id).expired += 1
    names = defaultdict(str, {h.slug: h.localized_name for h in _hubs()})
    result = sorted(rows.values(), key=lambda f: (f.quarter, names[f.hub] or "~"), reverse=False)
    result.sort(key=lambda f: f.quarter, reverse=True)
    for figures in result:
        figures.hub = names[figures.hub] or "–"
    return result


def _hubs():
    from itkoop.core import selectors as core_selectors

    return core_selectors.hubs()
