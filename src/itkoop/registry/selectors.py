"""Reads of the registry that pages and the API share: the catalog search above all.

Both databases search the same normalised tokens (German lemmas and compound parts, see engine.text):
PostgreSQL through its full-text search over those tokens, SQLite through whole-token matching."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from django.db import connection
from django.db.models import (
    Count,
    Expression,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import Col

from itkoop.core.selectors import label_sort_key
from itkoop.engine.text import query_terms

from .models import Capability, Company, Label, PastCooperation, Solution, Standard
from .permissions import can_edit_company


def companies() -> QuerySet[Company]:
    """Every company of the catalog: the base query other apps narrow (by id, hub, membership ...)."""
    return Company.objects.all()


def solutions() -> QuerySet[Solution]:
    return Solution.objects.all()


def capabilities() -> QuerySet[Capability]:
    return Capability.objects.all()


def capabilities_of_companies(company_ids) -> dict[int, list[Capability]]:
    """company pk -> the capabilities its solutions offer, in the order of their label in the active
    language (two queries, whatever the number of companies)."""
    links = list(
        Solution.capabilities.through.objects.filter(solution__company_id__in=company_ids)
        .values_list("solution__company_id", "capability_id")
        .distinct()
    )
    found = Capability.objects.in_bulk({capability_id for _, capability_id in links})
    out: dict[int, list[Capability]] = {}
    for company_id, capability_id in links:
        out.setdefault(company_id, []).append(found[capability_id])
    return {company: sorted(caps, key=lambda c: label_sort_key(c.label)) for company, caps in out.items()}


def standards() -> QuerySet[Standard]:
    return Standard.objects.all()


def labels() -> QuerySet[Label]:
    return Label.objects.all()


def past_cooperations() -> QuerySet[PastCooperation]:
    return PastCooperation.objects.all()


@dataclass
class CatalogFilters:
    text: str = ""
    capabilities: list[str] = field(default_factory=list)
    standards: list[str] = field(default_factory=list)
    hub: str = ""
    postal_code: str = ""
    labels: list[str] = field(default_factory=list)
    verified_only: bool = False


class IndexedSearchDocument(Func):
    """``to_tsvector('simple', search_document)``: exactly the expression of the GIN index of the knowledge
    base's articles (knowledge/0002). Django's SearchVector wraps the column in ``COALESCE(search_document,
    '')``, which the planner does not match to it: a sequential scan (7 s per page at 100,000 solutions
    instead of 34 ms). The column is NOT NULL, so nothing needs the COALESCE."""

    function = "to_tsvector"
    template = "%(function)s('simple'::regconfig, %(expressions)s)"

    def __init__(self, field: str = "search_document") -> None:
        from django.contrib.postgres.search import SearchVectorField  # see text_filter

        super().__init__(F(field), output_field=SearchVectorField())


class StoredSearchVector(Expression):
    """The column ``search_vector`` of companies and solutions on PostgreSQL (migration 0005): the stored
    ``to_tsvector('simple', search_document)`` that their GIN indexes cover. Ranking reads it for every hit;
    the expression would tokenise each hit's text again (about 90 microseconds a row). The column is no model
    field, so that Django never selects it: this resolves to a column of the query's own table."""

    @cached_property
    def output_field(self):
        from django.contrib.postgres.search import SearchVectorField  # see text_filter

        return SearchVectorField()

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return Col(query.get_initial_alias(), _stored_vector_field(query.model))


STORED_VECTOR_MODELS = (Company, Solution)
_stored_vector_fields: dict[type, Any] = {}


def _stored_vector_field(model):
    from django.contrib.postgres.search import SearchVectorField  # see text_filter

    if model not in _stored_vector_fields:
        column = SearchVectorField()
        column.set_attributes_from_name("search_vector")
        column.model = model
        _stored_vector_fields[model] = column
    return _stored_vector_fields[model]


def search_vector(model) -> Expression:
    """The indexed search vector of `model` on PostgreSQL: stored for the catalog, else the expression."""
    if model in STORED_VECTOR_MODELS:
        return StoredSearchVector()
    return IndexedSearchDocument()


# Up to this many hits a search is exact: counted and, on PostgreSQL, ordered by rank. Beyond, the count stops
# here ("more than") and the hits come in name order. Counting or ranking every hit reads the vector of each
# (a word that a third of 60,000 solutions hold: 20,000 rows, 60-260 ms on every page); among a thousand
# hits that all hold every word of the query the rank tells little, and nobody pages through fifty pages:
# one narrows the search.
HIT_LIMIT = 1000


def count_hits(queryset: QuerySet) -> int:
    """The number of rows of `queryset`, counted up to HIT_LIMIT + 1 (more means: more than HIT_LIMIT)."""
    return queryset.order_by()[: HIT_LIMIT + 1].count()


def _tsquery(terms: list[frozenset[str]]):
    """Every term (AND), each as any of its forms (OR)."""
    from django.contrib.postgres.search import SearchQuery  # see text_filter

    query = None
    for forms in terms:
        alternatives = None
        for form in sorted(forms):
            q = SearchQuery(form, config="simple", search_type="plain")
            alternatives = q if alternatives is None else alternatives | q
        query = alternatives if query is None else query & alternatives
    return query


def text_filter(queryset: QuerySet, text: str, *, rank: bool | None = None) -> QuerySet:
    """Rows of `queryset` (with `search_document` and `name`) matching every word of `text`.

    On PostgreSQL ordered best first (ts_rank, then name) when `rank`, else by name; with `rank=None` ranked
    when there are at most HIT_LIMIT hits (one capped count). SQLite leaves the order to the caller."""
    terms = query_terms(text)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        # imported here: django.contrib.postgres loads the PostgreSQL driver, which an SQLite process
        # (every `itkoop` command on a hub laptop) need not pay for at its start
        from django.contrib.postgres.search import SearchRank

        query = _tsquery(terms)
        vector = search_vector(queryset.model)
        # `alias`, not `annotate`: the vector decides the match and is never sent to the client.
        matches = queryset.alias(search=vector).filter(search=query)
        if rank is None:
            rank = count_hits(matches) <= HIT_LIMIT
        if not rank:
            return matches.order_by("name", "pk")
        # `@@` decides the match (every term); ts_rank only orders: it is positive on partial matches too.
        return matches.annotate(rank=SearchRank(vector, query)).order_by("-rank", "name", "pk")
    for forms in terms:
        condition = Q()
        for form in forms:
            condition |= Q(search_document__contains=f" {form} ")
        queryset = queryset.filter(condition)
    return queryset


def _company_filters(queryset: QuerySet, filters: CatalogFilters, company_key: str = "pk") -> QuerySet:
    """Filters on the company; `company_key` is the field holding the company's id (`company_id` for
    solutions). Every filter is a condition on that id, never a join: a hit is never repeated, so no
    DISTINCT has to sort the whole result."""
    prefix = "" if company_key == "pk" else "company__"
    if filters.hub:
        queryset = queryset.filter(**{f"{prefix}hub_id": filters.hub})
    if filters.postal_code:
        queryset = queryset.filter(**{f"{prefix}postal_code__startswith": filters.postal_code})
    governed = label_authority().governed() if filters.labels else frozenset()
    for label in filters.labels:
        if label in governed:
            # A certified label: only solutions that hold it today (a company's own tag is self-declared).
            certified = label_authority().certified_solutions(label)
            if prefix:
                queryset = queryset.filter(pk__in=certified)
            else:
                queryset = queryset.filter(
                    pk__in=Solution.objects.filter(pk__in=certified).values("company_id")
                )
            continue
        tagged = Company.labels.through.objects.filter(label_id=label).values("company_id")
        queryset = queryset.filter(**{f"{company_key}__in": tagged})
    if filters.verified_only:
        queryset = queryset.filter(**{f"{prefix}verified": True})
    return queryset


def _solutions_with_standard(standard: str) -> Q:
    return Q(pk__in=Solution.provides.through.objects.filter(standard_id=standard).values("solution_id")) | Q(
        pk__in=Solution.consumes.through.objects.filter(standard_id=standard).values("solution_id")
    )


def search_solutions(filters: CatalogFilters, *, rank: bool | None = None) -> QuerySet[Solution]:
    """Solutions of the catalog for the search page with what a result shows (company, hub, capabilities);
    `rank` as in text_filter."""
    queryset = (
        Solution.objects.select_related("company", "company__hub")
        .defer("search_document", "company__search_document")
        .prefetch_related(
            Prefetch("capabilities", queryset=Capability.objects.only("id", "label_de", "label_en"))
        )
    )
    queryset = _company_filters(queryset, filters, company_key="company_id")
    for capability in filters.capabilities:
        offering = Solution.capabilities.through.objects.filter(capability_id=capability)
        queryset = queryset.filter(pk__in=offering.values("solution_id"))
    for standard in filters.standards:
        queryset = queryset.filter(_solutions_with_standard(standard))
    queryset = text_filter(queryset, filters.text, rank=rank)
    if not queryset.query.order_by:
        queryset = queryset.order_by("name", "pk")
    return queryset


def search_companies(filters: CatalogFilters, *, rank: bool | None = None) -> QuerySet[Company]:
    """Companies of the catalog for the search page, each with its number of solutions (`solution_count`,
    counted for the rows of a page only, not by grouping every hit); `rank` as in text_filter."""
    # COUNT as a plain function: one row per company without a GROUP BY, evaluated for the page's rows.
    solutions_of_company = (
        Solution.objects.filter(company_id=OuterRef("pk"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
        .values("n")
    )
    queryset = (
        Company.objects.select_related("hub")
        .defer("search_document")
        .annotate(solution_count=Subquery(solutions_of_company))
    )
    queryset = _company_filters(queryset, filters)
    for capability in filters.capabilities:
        offering = Solution.objects.filter(capabilities__id=capability)
        queryset = queryset.filter(pk__in=offering.values("company_id"))
    for standard in filters.standards:
        speaking = Solution.objects.filter(_solutions_with_standard(standard))
        queryset = queryset.filter(pk__in=speaking.values("company_id"))
    queryset = text_filter(queryset, filters.text, rank=rank)
    if not queryset.query.order_by:
        queryset = queryset.order_by("name", "pk")
    return queryset


def company_detail(external_id: str) -> Company:
    return (
        Company.objects.select_related("hub")
        .prefetch_related(
            "labels",
            "solutions__capabilities",
            "solutions__provides",
            "solutions__consumes",
            "past_cooperations__partner",
        )
        .get(external_id=external_id)
    )


def solution_detail(external_id: str) -> Solution:
    return (
        Solution.objects.select_related("company", "company__hub")
        .prefetch_related("capabilities", "provides", "consumes")
        .get(external_id=external_id)
    )


def companies_of_user(user) -> QuerySet[Company]:
    if not user.is_authenticated:
        return Company.objects.none()
    return Company.objects.filter(memberships__user=user).order_by("name")


def company_has_members(company: Company) -> bool:
    """Whether anyone active looks after the company: a company without is open to a claim."""
    return company.memberships.filter(user__is_active=True).exists()


def can_edit(user, company: Company) -> bool:
    """Whether the user may change the company and its solutions (permissions.can_edit_company), for apps
    that reach the registry through its selectors (the API)."""
    return can_edit_company(user, company)


def companies_to_verify(user) -> QuerySet[Company]:
    """Unverified companies that this user may verify (hub staff: their hub; center admins: all)."""
    if not user.is_authenticated:
        return Company.objects.none()
    queryset = Company.objects.filter(verified=False).select_related("hub").order_by("name")
    if user.is_center_admin:
        return queryset
    if user.is_hub_staff:
        return queryset.filter(hub_id=user.hub_id)
    return Company.objects.none()


# -- the whole catalog, for the matching adapter that builds the engine's catalog ----------------------------


def catalog_signature() -> tuple:
    """A cheap fingerprint of everything the engine's catalog is built from: it changes when that does."""
    companies = Company.objects.aggregate(n=Count("id"), last=Max("updated"))
    solutions = Solution.objects.aggregate(n=Count("id"), last=Max("updated"))
    return (
        companies["n"],
        companies["last"],
        solutions["n"],
        solutions["last"],
        Capability.objects.count(),
        Capability.exchanges_with.through.objects.count(),
        Standard.objects.count(),
        Solution.provides.through.objects.count(),
        Solution.consumes.through.objects.count(),
        Solution.capabilities.through.objects.count(),
        label_authority().signature(),
    )


def capability_exchanges() -> QuerySet:
    """(capability id, id of a capability it exchanges data with) pairs."""
    return Capability.exchanges_with.through.objects.values_list("from_capability_id", "to_capability_id")


def standard_users() -> QuerySet:
    """(standard id, id of a capability that uses it) pairs."""
    return Standard.used_by.through.objects.values_list("standard_id", "capability_id")


def company_own_label_links() -> list[tuple[int, str]]:
    """(company pk, label slug) of the company's own tags of labels nobody certifies (ISO 27001 and the
    like): they hold for every product of the company."""
    governed = label_authority().governed()
    return list(
        Company.labels.through.objects.exclude(label_id__in=governed).values_list("company_id", "label_id")
    )


def solution_label_links() -> list[tuple[int, str]]:
    """(solution pk, label slug) of the certified labels each product holds today: matching asks them of
    the product, not of its company (a label is awarded per product)."""
    return label_authority().certified_solution_links()


def solution_capability_links() -> QuerySet:
    """(solution pk, capability id) pairs."""
    return Solution.capabilities.through.objects.values_list("solution_id", "capability_id")


def solution_provides_links() -> QuerySet:
    """(solution pk, id of a standard it provides) pairs."""
    return Solution.provides.through.objects.values_list("solution_id", "standard_id")


def solution_consumes_links() -> QuerySet:
    """(solution pk, id of a standard it consumes) pairs."""
    return Solution.consumes.through.objects.values_list("solution_id", "standard_id")


# -- labels the center certifies ----------------------------------------------------------------------------
# The labels app sits above the registry: it registers its authority here (LabelsConfig.ready), so that the
# catalog filter, matching (through solution_label_links) and the solution page use granted, unexpired labels
# while the registry imports nothing from it. Without one, every label is a company's own tag.


class LabelAuthority(Protocol):
    def governed(self) -> frozenset[str]:
        """Slugs of the labels the center certifies: a company's own tag of one is only self-declared."""

    def certified_solutions(self, slug: str) -> Any:
        """Ids of the solutions that hold the label today (a queryset usable in ``pk__in``)."""

    def certified_solution_links(self) -> list[tuple[int, str]]:
        """(solution pk, slug) for every solution that holds a certified label today."""

    def signature(self) -> tuple:
        """Changes whenever the certified pairs do (part of the catalog signature)."""

    def solution_labels(self, solution_id: int) -> list:
        """The labels a solution holds today, for its page."""

    def company_labels(self, company_id: int) -> list:
        """The labels the company's solutions hold today, for its page."""


class _NoAuthority:
    def governed(self) -> frozenset[str]:
        return frozenset()

    def certified_solutions(self, slug: str) -> Any:
        return Solution.objects.none().values("pk")

    def certified_solution_links(self) -> list[tuple[int, str]]:
        return []

    def signature(self) -> tuple:
        return ()

    def solution_labels(self, solution_id: int) -> list:
        return []

    def company_labels(self, company_id: int) -> list:
        return []


_label_authority: list[LabelAuthority] = [_NoAuthority()]


def register_label_authority(authority: LabelAuthority) -> None:
    """The one authority on certified labels (registering again replaces it)."""
    _label_authority[0] = authority


def label_authority() -> LabelAuthority:
    return _label_authority[0]
