"""Writes of the knowledge base and the self-check: one use case each, in a transaction, checked."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

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
    article.search_document = build_search_document(
        article.title_de,
        article.title_en,
        article.summary_de,
        article.summary_en,
        plain_text(article.body_de),
        plain_text(article.body_en),
        [t.label_de + " " + t.label_en for t in tags],
        [c.label_de + " " + c.label_en for c in capabilities],
    )
    Article.objects.filter(pk=article.pk).update(search_document=article.search_document)


def article_save(*, actor, form) -> Article:
    """Create or update an article from a validated ArticleForm (the form holds the field rules)."""
    instance = form.instance if form.instance.pk else None
    if not can_edit_article(actor, instance):
        raise PermissionDenied
    with transaction.atomic():
        article = form.save(commit=False)
        article.author = actor
        article.customized = True
        article.save()
        form.save_m2m()
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
