"""Composition against brute force on small random catalogs (hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itkoop.engine import MatchParams, Need, compose_bundles, search
from itkoop.engine.baseline import greedy_bundle
from itkoop.engine.objective import linking_standard

from .helpers import brute_force, random_catalog

TOL = 1e-6


@st.composite
def scenarios(draw):
    catalog = random_catalog(draw, st)
    caps = draw(
        st.lists(st.sampled_from(list(catalog.taxonomy.capabilities)), min_size=1, max_size=3, unique=True)
    )
    need = Need(
        capabilities=tuple(caps),
        weights={c: draw(st.sampled_from([0.5, 0.8, 1.0])) for c in caps},
        hub=draw(st.sampled_from([None, None, "kassel"])),
        location=draw(st.sampled_from([None, (51.3, 9.5)])),
        max_partners=draw(st.sampled_from([None, None, 1, 2])),
        labels=tuple(draw(st.lists(st.sampled_from(["smig", "iso"]), max_size=1))),
    )
    params = draw(
        st.sampled_from(
            [
                MatchParams(),
                MatchParams(prefilter_from=0),  # exercise the slice search and company pruning
                MatchParams(coop_bonus=0.2, customer_bonus=0.0, prefilter_from=0),
            ]
        )
    )
    return catalog, need, params


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_top_bundles_match_brute_force(scenario):
    catalog, need, params = scenario
    result = compose_bundles(need, catalog, top_k=3, params=params)
    reference = sorted(brute_force(need, catalog, params).values(), reverse=True)
    assert result.stats.optimal
    assert [round(b.objective, 6) for b in result.bundles] == [round(v, 6) for v in reference[:3]]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_every_bundle_is_valid(scenario):
    catalog, need, params = scenario
    tax = catalog.taxonomy
    for bundle in compose_bundles(need, catalog, top_k=3, params=params).bundles:
        covered = [c for use in bundle.solutions for c in use.covers]
        assert len(covered) == len(set(covered))
        assert set(covered) | set(bundle.uncovered) == set(need.capabilities)
        owner = {}
        for use in bundle.solutions:
            solution = catalog.solutions[use.id]
            assert solution.company_id == use.company
            assert set(use.covers) <= set(solution.capabilities)
            # a label is the product's own or its company's
            assert set(need.labels) <= set(catalog.companies[use.company].labels) | set(solution.labels)
            for cap in use.covers:
                owner[cap] = use.id
        assert set(bundle.companies) == {use.company for use in bundle.solutions}
        if need.max_partners:
            assert len(bundle.companies) <= need.max_partners
        for company in bundle.companies:
            assert not need.hub or catalog.companies[company].hub == need.hub
        linked = {frozenset((link.source, link.target)) for link in bundle.links}
        for link in bundle.links:
            assert link.standard in catalog.solutions[link.source].provides
            assert link.standard in catalog.solutions[link.target].consumes
        for a in owner:
            for b in owner:
                if a < b and tax.must_exchange(a, b) and owner[a] != owner[b]:
                    assert frozenset((owner[a], owner[b])) in linked
                    assert linking_standard(catalog, owner[a], owner[b]) is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_greedy_baseline_never_beats_the_exact_bundle(scenario):
    catalog, need, params = scenario
    _, greedy = greedy_bundle(need, catalog, params)
    result = compose_bundles(need, catalog, top_k=1, params=params)
    if greedy is not None:
        assert result.bundles and result.bundles[0].objective >= greedy - TOL


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_a_node_limit_still_returns_the_certified_best(scenario):
    catalog, need, params = scenario
    limited = MatchParams(
        coop_bonus=params.coop_bonus, customer_bonus=params.customer_bonus, node_limit=2, prefilter_from=10**9
    )
    result = compose_bundles(need, catalog, top_k=2, params=limited)
    reference = sorted(brute_force(need, catalog, params).values(), reverse=True)
    if reference:
        assert round(result.bundles[0].objective, 6) == round(reference[0], 6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_both_link_formulations_of_the_certificate_find_the_optimum_alone(scenario):
    catalog, need, _ = scenario
    limited = MatchParams(node_limit=1, prefilter_from=10**9)
    reference = sorted(brute_force(need, catalog, limited).values(), reverse=True)
    for formulation in ("standards", "conflicts"):
        search.LINK_FORMULATION, before = formulation, search.LINK_FORMULATION
        try:
            result = compose_bundles(need, catalog, top_k=1, params=limited)
        finally:
            search.LINK_FORMULATION = before
        assert [round(b.objective, 6) for b in result.bundles] == [round(v, 6) for v in reference[:1]]
