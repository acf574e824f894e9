"""Demo self-check results: seeded, plausible, and enough for the hub comparison to show."""

import itertools

import pytest

from itkoop.core.models import Hub
from itkoop.demo.knowledge import create_demo_selfcheck_results
from itkoop.knowledge.models import SelfCheckResult
from itkoop.knowledge.selectors import hub_average

from ..factories import CompanyFactory

pytestmark = pytest.mark.django_db


def _fingerprint():
    return [
        (r.company.external_id, r.overall, r.created.date())
        for r in SelfCheckResult.objects.select_related("company").order_by("company__external_id", "created")
    ]


def test_same_seed_same_results_and_hub_averages_appear():
    for _ in range(12):
        CompanyFactory(hub_id="kassel")
    written = create_demo_selfcheck_results(seed=7, share=1.0)
    assert written == SelfCheckResult.objects.count() >= 12
    first = _fingerprint()
    SelfCheckResult.objects.all().delete()
    create_demo_selfcheck_results(seed=7, share=1.0)
    assert [(c, o) for c, o, _ in _fingerprint()] == [(c, o) for c, o, _ in first]
    assert hub_average(Hub.objects.get(slug="kassel")).companies == 12


def test_repeated_checks_lie_months_apart_and_scores_stay_in_range():
    companies = [CompanyFactory(hub_id="berlin") for _ in range(6)]
    create_demo_selfcheck_results(seed=3, share=1.0, max_repeats=3)
    repeated = 0
    for company in companies:
        results = list(SelfCheckResult.objects.filter(company=company).order_by("created"))
        repeated += len(results) > 1
        for earlier, later in itertools.pairwise(results):
            assert (later.created - earlier.created).days >= 90
    assert repeated
    for result in SelfCheckResult.objects.all():
        assert all(0 <= value <= 100 for value in result.scores.values())
