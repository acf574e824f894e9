"""Recommendations after a self-check: for the weakest dimensions, the advice of the questionnaire and links
into the platform (articles by tag, the catalog search, events, partner matching, the marketplace).

Events, matching and the marketplace are other apps; their pages are linked only when their URLs exist."""

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

# URL names tried in order for the optional destinations (the first that exists wins).
OPTIONAL_PAGES = {
    "events": ["events:list"],
    "matching": ["matching:need"],
    "market": ["cooperation:market"],
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


def optional_page(kind: str, args: list | None = None) -> str | None:
    for name in OPTIONAL_PAGES.get(kind, []):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def _partner_links(company) -> list[Link]:
    """The company's own partner suggestions when it is known; else the page that composes a joint offer."""
    if company is not None:
        try:
            url = reverse("matching:partners", args=[company.external_id])
            return [Link(url, _("Passende Partner für %(name)s") % {"name": company.name})]
        except NoReverseMatch:
            pass
    url = optional_page("matching")
    return [Link(url, _("Ein Gesamtangebot mit ergänzenden Partnern finden"))] if url else []


def _links(dimension: Dimension, company=None) -> list[Link]:
    links = []
    if dimension.catalog_query:
        query = urlencode({"q": dimension.catalog_query})
        links.append(
            Link(
                f"{reverse('registry:search')}?{query}",
                _("Passende Anbieter im Katalog: „%(query)s“") % {"query": dimension.catalog_query},
            )
        )
    if "matching" in dimension.links:
        links.extend(_partner_links(company))
    if "market" in dimension.links and (url := optional_page("market")):
        links.append(Link(url, _("Kooperationsangebote und -gesuche im Marktplatz")))
    if "events" in dimension.links and (url := optional_page("events")):
        links.append(Link(url, _("Veranstaltungen der Stützpunkte")))
    for tag in dimension.tags[:1]:
        links.append(
            Link(f"{reverse('knowledge:list')}?{urlencode({'tag': tag})}", _("Alle Artikel zum Thema"))
        )
    return links


def recommend(questionnaire: Questionnaire, scores: dict[str, int], company=None) -> list[Recommendation]:
    """The weakest dimensions below STRONG_SCORE, weakest first; if all are strong, the weakest one anyway.

    With a company (a saved result), partner suggestions are that company's own."""
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
                links=_links(dimension, company),
            )
        )
    return recommendations
