"""Reads of the knowledge base and the self-check that pages share.

The article search uses the catalog's text filter, so both databases search the same normalised tokens:
PostgreSQL through full-text search over `search_document`, SQLite through whole-token matching."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.safestring import SafeString

from itkoop.core.i18n import page_language
from itkoop.registry import selectors as registry

from . import rendering
from .models import Article, SelfCheckResult, Tag

if TYPE_CHECKING:  # type hints only: other apps' models are reached through their selectors
    from itkoop.registry.models import Company

# An average over fewer companies would let a member read off a neighbour's self-assessment.
MIN_COMPANIES_FOR_AVERAGE = 3


def published_articles(user=None) -> QuerySet[Article]:
    from .permissions import can_edit_article

    queryset = Article.objects.prefetch_related("tags")
    return queryset if can_edit_article(user) else queryset.filter(published=True)


def search_articles(*, text: str = "", kind: str = "", tag: str = "", user=None) -> QuerySet[Article]:
    queryset = published_articles(user)
    if kind:
        queryset = queryset.filter(kind=kind)
    if tag:
        queryset = queryset.filter(tags__slug=tag)
    # Titles in the page language; the catalog's text filter orders PostgreSQL hits by rank, then by `name`.
    english = page_language() == "en"
    title = Coalesce(NullIf(F("title_en"), Value("")), F("title_de")) if english else F("title_de")
    queryset = queryset.annotate(name=title)
    if text:
        queryset = registry.text_filter(queryset, text)
    if not queryset.query.order_by:
        queryset = queryset.order_by("name", "pk")
    return queryset.distinct()


def upcoming_events(article: Article, limit: int = 5) -> list:
    """The article's linked events that have not ended yet, soonest first."""
    return list(
        article.events.filter(end__gte=timezone.now()).select_related("hub").order_by("start")[:limit]
    )


def article_detail(slug: str) -> Article:
    return Article.objects.prefetch_related("tags", "capabilities").select_related("author").get(slug=slug)


def articles_for_tags(tags: list[str], *, limit: int = 3, exclude: list[int] | None = None) -> list[Article]:
    """Published articles sharing most of the given tags, best overlap first."""
    if not tags:
        return []
    candidates = Article.objects.filter(published=True, tags__slug__in=tags).exclude(pk__in=exclude or [])
    scored: dict[int, list] = {}
    for article in candidates.prefetch_related("tags"):
        overlap = len({t.slug for t in article.tags.all()} & set(tags))
        scored[article.pk] = [overlap, article]
    ranked = sorted(
        scored.values(), key=lambda pair: (-pair[0], pair[1].kind != Article.Kind.ARTICLE, pair[1].title_de)
    )
    return [article for _, article in ranked[:limit]]


def related_articles(article: Article, limit: int = 3) -> list[Article]:
    return articles_for_tags([t.slug for t in article.tags.all()], limit=limit, exclude=[article.pk])


def tags_in_use() -> QuerySet[Tag]:
    return Tag.objects.filter(articles__published=True).distinct()


# --- self-check --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HubAverage:
    hub_name: str
    companies: int
    scores: dict[str, int]
    overall: int


def latest_results_per_company(queryset: QuerySet[SelfCheckResult]) -> list[SelfCheckResult]:
    latest: dict[int, SelfCheckResult] = {}
    for result in queryset.order_by("company_id", "-created", "-pk"):
        latest.setdefault(result.company_id, result)
    return list(latest.values())


def hub_average(hub) -> HubAverage | None:
    """Mean of the latest saved result of each company of the hub; None below the privacy minimum."""
    if hub is None:
        return None
    results = latest_results_per_company(SelfCheckResult.objects.filter(company__hub=hub))
    if len(results) < MIN_COMPANIES_FOR_AVERAGE:
        return None
    dimension_ids = {key for r in results for key in r.scores}
    scores = {}
    for dimension_id in dimension_ids:
        values = [r.scores[dimension_id] for r in results if dimension_id in r.scores]
        scores[dimension_id] = round(sum(values) / len(values))
    overall = round(sum(r.overall for r in results) / len(results))
    return HubAverage(hub_name=hub.city or hub.name, companies=len(results), scores=scores, overall=overall)


def company_results(company: Company) -> QuerySet[SelfCheckResult]:
    return SelfCheckResult.objects.filter(company=company).order_by("created", "pk")


def companies_for_selfcheck(user) -> QuerySet[Company]:
    if not getattr(user, "is_authenticated", False):
        return registry.companies().none()
    return registry.companies().filter(memberships__user=user).select_related("hub").order_by("name")


def selfcheck_results() -> QuerySet[SelfCheckResult]:
    """Every saved self-check: the base query of the center's figures."""
    return SelfCheckResult.objects.all()


def render_markdown(text: str) -> SafeString:
    """Markdown as sanitised HTML, with the articles' allow-list; for other apps' texts (the legal pages)."""
    return rendering.render_markdown(text)
