"""Recommendations after a self-check: for the weakest dimensions, the advice of the questionnaire and links
into the platform (articles by tag, the catalog search, events, partner matching).

Events and matching are other apps; their pages are linked only when their URLs exist."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from . import selectors
from .models import Article
from .selfcheck import Dimension, Questionnaire

STRONG_SCORE = 75
MAX_RECOMMENDATIONS = 3

# URL names tried in order for the two optional destinations (the first that exists wins).
OPTIONAL_PAGES = {
    "events": ["events:list", "events:index", "events:event_list"],
    "matching": ["matching:need", "matching:index", "matching:need_create", "matching:partners"],
}


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass
class Recommendation:
    dimension: Dimension
    score: int
    advice: str
    articles: list[Article] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def optional_page(kind: str) -> str | None:
    for name in OPTIONAL_PAGES.get(kind, []):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def _links(dimension: Dimension) -> list[Link]:
    links = []
    if dimension.catalog_query:
        query = urlencode({"q": dimension.catalog_query})
        links.append(
            Link(
                f"{reverse('registry:search')}?{query}",
                _("Passende Anbieter im Katalog: „%(query)s“") % {"query": dimension.catalog_query},
            )
        )
    if "matching" in dimension.links and (url := optional_page("matching")):
        links.append(Link(url, _("Ergänzende Partner finden")))
    if "events" in dimension.links and (url := optional_page("events")):
        links.append(Link(url, _("Veranstaltungen der Stützpunkte")))
    for tag in dimension.tags[:1]:
        links.append(
            Link(f"{reverse('knowledge:list')}?{urlencode({'tag': tag})}", _("Alle Artikel zum Thema"))
        )
    return links


def recommend(questionnaire: Questionnaire, scores: dict[str, int]) -> list[Recommendation]:
    """The weakest dimensions below STRONG_SCORE, weakest first; if all are strong, the weakest one anyway."""
    ranked = sorted(questionnaire.dimensions, key=lambda d: (scores.get(d.id, 0), d.id))
    chosen = [d for d in ranked if scores.get(d.id, 0) < STRONG_SCORE][:MAX_RECOMMENDATIONS] or ranked[:1]
    shown: list[int] = []
    recommendations = []
    for dimension in chosen:
        articles = selectors.articles_for_tags(dimension.tags, limit=3, exclude=shown)
        shown.extend(a.pk for a in articles)
        recommendations.append(
            Recommendation(
                dimension=dimension,
                score=scores.get(dimension.id, 0),
                advice=dimension.advice,
                articles=articles,
                links=_links(dimension),
            )
        )
    return recommendations
