"""Composition under a time budget: the best bundles found, never claimed optimal unless proven, with a
sound bound (no bundle is better than it), against brute force."""

import random

import pytest
from hypothesis import HealthCheck, given, settings

from itkoop.engine import (
    Capability,
    Catalog,
    Company,
    MatchParams,
    Need,
    Solution,
    Standard,
    Taxonomy,
    bundle_objective,
    compose_bundles,
)

from .helpers import brute_force
from .test_compose_properties import scenarios

TOL = 1e-6
TINY = 1e-9  # over before the search starts: it stops at its first bundle


def hard_catalog(n_caps: int = 4, per_cap: int = 12, seed: int = 3) -> Catalog:
    """Every capability must exchange data with every other; many single-capability providers each, with
    random standards and places: thousands of valid bundles of nearly equal value."""
    rng = random.Random(seed)
    caps = [f"c{i}" for i in range(n_caps)]
    stds = [f"t{i}" for i in range(4)]
    taxonomy = Taxonomy(
        [Capability(c, f"Fähigkeit {c}", exchanges_with=tuple(caps[i + 1 :])) for i, c in enumerate(caps)],
        [Standard(t, f"Standard {t}") for t in stds],
    )
    companies, solutions = [], []
    for k, cap in enumerate(caps):
        for j in range(per_cap):
            cid = f"k{k}_{j}"
            lat, lon = rng.uniform(48, 54), rng.uniform(7, 14)
            companies.append(Company(cid, f"Firma {cid}", lat=lat, lon=lon, verified=rng.random() < 0.5))
            provides, consumes = tuple(rng.sample(stds, 2)), tuple(rng.sample(stds, 2))
            solutions.append(
                Solution(
                    f"s{k}_{j}",
                    cid,
                    f"Lösung {k}/{j}",
                    capabilities=(cap,),
                    provides=provides,
                    consumes=consumes,
                )
            )
    return Catalog(taxonomy, companies, solutions, [])


@pytest.fixture(scope="module")
def hard():
    catalog = hard_catalog()
    need = Need(("c0", "c1", "c2", "c3"), location=(51.3, 9.5))
    reference = sorted(brute_force(need, catalog, MatchParams()).values(), reverse=True)
    return catalog, need, reference


def test_a_tiny_budget_returns_a_valid_bundle_not_claimed_optimal_with_a_sound_bound(hard):
    catalog, need, reference = hard
    result = compose_bundles(need, catalog, top_k=5, budget_s=TINY)
    assert result.status == "feasible" and not result.stats.optimal
    assert result.bundles  # the first may be proven by the certificate; the top 5 are not
    best = result.bundles[0]
    ids = {cap: use.id for use in best.solutions for cap in use.covers}
    assert bundle_objective(need, catalog, ids) == pytest.approx(best.objective)
    assert result.stats.bound >= best.objective - TOL
    assert result.stats.bound >= reference[0] - TOL  # nothing there is is better than the bound
    assert result.stats.bound_score >= best.score and result.gap >= 0


def test_a_generous_budget_proves_the_brute_force_optimum(hard):
    catalog, need, reference = hard
    result = compose_bundles(need, catalog, top_k=5, budget_s=600)
    assert result.status == "optimal" and result.stats.optimal
    assert all(b.proven for b in result.bundles)
    assert [round(b.objective, 6) for b in result.bundles] == [round(v, 6) for v in reference[:5]]
    assert result.stats.bound == pytest.approx(result.bundles[0].objective) and result.gap == 0


def test_a_budget_must_be_positive(hard):
    catalog, need, _ = hard
    with pytest.raises(ValueError, match="budget_s"):
        compose_bundles(need, catalog, budget_s=0)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_whatever_the_budget_bundles_are_valid_and_the_bound_is_sound(scenario):
    catalog, need, params = scenario
    reference = sorted(brute_force(need, catalog, params).values(), reverse=True)
    result = compose_bundles(need, catalog, top_k=3, params=params, budget_s=TINY)
    assert bool(result.bundles) == bool(reference)
    for bundle in result.bundles:
        ids = {cap: use.id for use in bundle.solutions for cap in use.covers}
        assert bundle_objective(need, catalog, ids, params) == pytest.approx(bundle.objective)
        assert bundle.objective <= reference[0] + TOL
    if result.bundles:
        assert result.stats.bound >= reference[0] - TOL
    if result.stats.optimal:
        assert [round(b.objective, 6) for b in result.bundles] == [round(v, 6) for v in reference[:3]]
