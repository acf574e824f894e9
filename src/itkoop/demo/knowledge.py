"""Demo self-check results, so a fresh demo shows hub averages and progress over time.

The demo builder calls `create_demo_selfcheck_results(seed=...)` after the companies exist. Everything is
drawn from one `random.Random(seed)` in a fixed order, so the same seed gives the same results."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from itkoop.knowledge.models import SelfCheckResult
from itkoop.knowledge.selfcheck import MAX_ANSWER, load_questionnaire
from itkoop.registry.models import Company

DAYS_BETWEEN_CHECKS = 120


def _level(rng: random.Random, base: float) -> int:
    return max(0, min(MAX_ANSWER, round(rng.gauss(base, 0.9))))


def _bases(company: Company, rng: random.Random) -> dict[str, float]:
    """A company's tendency per dimension: exporters score higher abroad, verified firms a little higher."""
    general = rng.uniform(1.2, 2.8) + (0.3 if company.verified else 0.0)
    bases = {dimension.id: general + rng.uniform(-0.6, 0.6) for dimension in load_questionnaire().dimensions}
    if "international" in bases:
        bases["international"] += 0.8 if company.export_markets else -0.6
    return bases


@transaction.atomic
def create_demo_selfcheck_results(*, seed: int, share: float = 0.5, max_repeats: int = 3) -> int:
    """Saved self-checks for a seeded share of the companies, each 1..max_repeats checks months apart and
    slowly improving. Returns how many results were written."""
    rng = random.Random(seed)
    questionnaire = load_questionnaire()
    now = timezone.now()
    written = 0
    for company in Company.objects.order_by("external_id"):
        if rng.random() >= share:
            continue
        bases = _bases(company, rng)
        repeats = rng.randint(1, max_repeats)
        for index in range(repeats):
            improvement = 0.35 * index
            answers = {
                q.id: _level(rng, bases[dimension.id] + improvement)
                for dimension in questionnaire.dimensions
                for q in dimension.questions
            }
            scores = questionnaire.score(answers)
            result = SelfCheckResult.objects.create(
                company=company,
                questionnaire_version=questionnaire.version,
                answers=answers,
                scores=scores.by_dimension,
                overall=scores.overall,
            )
            taken = now - timedelta(days=DAYS_BETWEEN_CHECKS * (repeats - 1 - index) + rng.randint(1, 20))
            SelfCheckResult.objects.filter(pk=result.pk).update(created=taken)
            written += 1
    return written
