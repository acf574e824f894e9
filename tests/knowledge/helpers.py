"""Test data for the knowledge base and the self-check."""

from __future__ import annotations

import factory

from itkoop.knowledge.models import Article, SelfCheckResult
from itkoop.knowledge.selfcheck import load_questionnaire


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"testartikel-{n}")
    title_de = factory.Sequence(lambda n: f"Testartikel {n}")
    title_en = factory.Sequence(lambda n: f"Test article {n}")
    summary_de = "Kurzfassung"
    summary_en = "Summary"
    body_de = "## Abschnitt\n\nText."
    body_en = "## Section\n\nText."


def answers(value: int = 2, **overrides: int) -> dict[str, int]:
    """A complete answer set: every question `value`, except the ones named (question id with _ for -)."""
    result = {q.id: value for q in load_questionnaire().questions}
    result.update({key.replace("_", "-"): v for key, v in overrides.items()})
    return result


def answers_for_dimension_scores(**levels: int) -> dict[str, int]:
    """Every question of a dimension gets the given answer (0-4); dimensions not named get 2."""
    result = {}
    for dimension in load_questionnaire().dimensions:
        for question in dimension.questions:
            result[question.id] = levels.get(dimension.id, 2)
    return result


def post_data(values: dict[str, int], **extra) -> dict[str, str]:
    return {**{k: str(v) for k, v in values.items()}, **{k: str(v) for k, v in extra.items()}}


def saved_result(company, value: int = 2, **levels: int) -> SelfCheckResult:
    questionnaire = load_questionnaire()
    values = answers_for_dimension_scores(**levels) if levels else answers(value)
    scores = questionnaire.score(values)
    return SelfCheckResult.objects.create(
        company=company, answers=values, scores=scores.by_dimension, overall=scores.overall
    )
