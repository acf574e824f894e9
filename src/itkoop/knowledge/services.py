"""Writes of the knowledge base and the self-check: one use case each, in a transaction, checked."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from itkoop.registry.services import build_search_document

from . import selfcheck
from .models import Article, SelfCheckResult
from .permissions import can_edit_article, can_save_selfcheck
from .rendering import plain_text

if TYPE_CHECKING:  # type hints only: other apps' models are reached through their selectors
    from itkoop.registry.models import Company

logger = logging.getLogger(__name__)


def refresh_article_search(article: Article) -> None:
    """Index both languages, so a German query finds an article and an English one too.

    Tokenises first, then writes one UPDATE; use cases call it after their transaction has committed."""
    tags = list(article.tags.all())
    capabilities = list(article.capabilities.all())
    article.search_document = _search_document(
        article.title_de,
        article.title_en,
        article.summary_de,
        article.summary_en,
        plain_text(article.body_de),
        plain_text(article.body_en),
        tuple(t.label_de + " " + t.label_en for t in tags),
        tuple(c.label_de + " " + c.label_en for c in capabilities),
    )
    Article.objects.filter(pk=article.pk).update(search_document=article.search_document)


# The same texts give the same document. Every migrate and every flush writes the shipped articles anew
# (content_sync), and tokenising them all took seconds each time: a process tokenises each text once.
@lru_cache(maxsize=128)
def _search_document(*parts: str | tuple[str, ...]) -> str:
    return build_search_document(*parts)


ARTICLE_FIELDS = frozenset(
    {"slug", "kind", "title_de", "title_en", "summary_de", "summary_en", "body_de", "body_en", "published"}
)
ARTICLE_RELATIONS = frozenset({"tags", "capabilities", "events"})


def article_save(
    *, actor, fields: dict[str, Any], relations: dict[str, list] | None = None, article_id: int | None = None
) -> Article:
    """Create (no ``article_id``) or update an article from plain values (field names; tags, capabilities
    and events as lists of ids). The slug stays fixed once an article exists: other pages link to it."""
    unknown = (set(fields) - ARTICLE_FIELDS) | (set(relations or {}) - ARTICLE_RELATIONS)
    if unknown:
        raise ValueError(f"not article fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        instance = Article.objects.select_for_update().get(pk=article_id) if article_id else None
        if not can_edit_article(actor, instance):
            raise PermissionDenied
        article = instance or Article()
        for name, value in fields.items():
            if name == "slug" and instance is not None:
                continue
            setattr(article, name, value)
        article.author = actor
        article.customized = True
        article.save()
        for name, ids in (relations or {}).items():
            getattr(article, name).set(ids)
    refresh_article_search(article)  # after the commit: tokenising holds no write lock
    logger.info("article %s saved by %s", article.slug, actor.pk)
    return article


@transaction.atomic
def selfcheck_save(*, actor, company: Company, answers: dict[str, int]) -> SelfCheckResult:
    """Record a company's self-check; incomplete or invalid answers raise selfcheck.InvalidAnswers."""
    if not can_save_selfcheck(actor, company):
        raise PermissionDenied
    questionnaire = selfcheck.load_questionnaire()
    clean = questionnaire.validate_answers(answers)
    scores = questionnaire.score(clean)
    return SelfCheckResult.objects.create(
        company=company,
        created_by=actor,
        questionnaire_version=questionnaire.version,
        answers=clean,
        scores=scores.by_dimension,
        overall=scores.overall,
    )
