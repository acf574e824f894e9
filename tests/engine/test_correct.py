"""The customer's corrections: capabilities removed and added, standards made a must (a hard constraint)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itkoop.engine import (
    Capability,
    Catalog,
    CatalogError,
    Company,
    MatchParams,
    Need,
    Solution,
    Standard,
    Taxonomy,
    compose_bundles,
    corrected_need,
    match_to_dict,
    need_from_text,
)
from itkoop.engine.baseline import greedy_bundle
from itkoop.engine.need import MAX_NEED_CAPABILITIES

from .helpers import NEED_KEYS, brute_force, mini_catalog, random_catalog

TOL = 1e-6


def _taxonomy():
    return Taxonomy(
        [
            Capability("erp", "ERP", exchanges_with=("shop", "fibu")),
            Capability("shop", "Shop"),
            Capability("fibu", "Buchhaltung"),
        ],
        [Standard("datev", "DATEV"), Standard("bmecat", "BMEcat"), Standard("gaeb", "GAEB")],
    )


def _catalog(solutions):
    companies = [Company(c, f"Firma {c}") for c in sorted({s.company_id for s in solutions})]
    return Catalog(_taxonomy(), companies, solutions)


# -- corrected_need ----------------------------------------------------------------------------------------


def _text_need():
    catalog = mini_catalog()
    need, analysis = need_from_text(
        "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung", catalog
    )
    return catalog, need, analysis


def test_removing_a_recognised_capability_drops_it_from_the_need():
    catalog, need, analysis = _text_need()
    gone = need.capabilities[0]
    fixed = corrected_need(need, analysis, catalog, remove=[gone])
    assert gone not in fixed.capabilities
    assert fixed.removed == (gone,) and fixed.added == ()
    assert set(fixed.capabilities) == set(need.capabilities) - {gone}


def test_adding_a_capability_composes_it_with_full_weight():
    catalog, need, analysis = _text_need()
    extra = next(c for c in catalog.taxonomy.capabilities if c not in need.capabilities)
    fixed = corrected_need(need, analysis, catalog, add=[extra])
    assert fixed.capabilities[-1] == extra and fixed.added == (extra,)
    assert fixed.weight(extra) == 1.0
    assert set(need.capabilities) < set(fixed.capabilities)


def test_adding_what_the_text_already_names_is_no_addition():
    catalog, need, analysis = _text_need()
    fixed = corrected_need(need, analysis, catalog, add=[need.capabilities[0]])
    assert fixed.added == () and set(fixed.capabilities) == set(need.capabilities)


def test_removing_what_the_text_does_not_name_changes_nothing():
    catalog, need, analysis = _text_need()
    other = next(c for c in catalog.taxonomy.capabilities if c not in need.capabilities)
    fixed = corrected_need(need, analysis, catalog, remove=[other])
    assert fixed.capabilities == need.capabilities and fixed.removed == ()


def test_added_capabilities_keep_their_place_when_the_need_is_full():
    taxonomy = Taxonomy([Capability(f"c{i}", f"Fähigkeit {i}") for i in range(14)])
    need = Need(tuple(f"c{i}" for i in range(MAX_NEED_CAPABILITIES)))
    fixed = corrected_need(need, None, taxonomy, add=["c12", "c13"])
    assert len(fixed.capabilities) == MAX_NEED_CAPABILITIES
    assert fixed.capabilities[-2:] == ("c12", "c13")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"add": ["nope"]}, CatalogError, "nope"),
        ({"remove": ["nope"]}, CatalogError, "nope"),
        ({"must_standards": ["nope"]}, CatalogError, "nope"),
        ({"add": ["shop"], "remove": ["shop"]}, ValueError, "both"),
        ({"must_standards": ["datev", "bmecat", "gaeb", "x1", "x2", "x3"]}, ValueError, "at most"),
    ],
)
def test_invalid_corrections_are_refused(kwargs, error, message):
    taxonomy = Taxonomy(
        _taxonomy().capabilities.values(),
        [*_taxonomy().standards.values(), *(Standard(f"x{i}", f"X{i}") for i in range(1, 4))],
    )
    with pytest.raises(error, match=message):
        corrected_need(Need(("erp",)), None, taxonomy, **kwargs)


def test_five_must_standards_are_the_boundary():
    taxonomy = Taxonomy(_taxonomy().capabilities.values(), [Standard(f"x{i}", f"X{i}") for i in range(5)])
    fixed = corrected_need(Need(("erp",)), None, taxonomy, must_standards=[f"x{i}" for i in range(5)])
    assert len(fixed.required_standards) == 5


def test_more_added_capabilities_than_a_need_holds_are_refused():
    taxonomy = Taxonomy([Capability(f"c{i}", f"Fähigkeit {i}") for i in range(12)])
    with pytest.raises(ValueError, match="at most"):
        corrected_need(Need(()), None, taxonomy, add=[f"c{i}" for i in range(MAX_NEED_CAPABILITIES + 1)])


# -- must standards in composition ---------------------------------------------------------------------------


def _two_way_catalog():
    """The best bundle (one company) speaks no DATEV; a bundle of two companies does."""
    return _catalog(
        [
            Solution("suite", "a", "Suite", capabilities=("erp", "fibu")),
            Solution("erp", "b", "ERP", capabilities=("erp",), provides=("bmecat",), consumes=("datev",)),
            Solution("fibu", "c", "FiBu", capabilities=("fibu",), provides=("datev",)),
        ]
    )


def test_without_a_must_the_single_provider_wins():
    result = compose_bundles(Need(("erp", "fibu")), _two_way_catalog())
    assert result.bundles[0].companies == ("a",)


def test_a_must_standard_excludes_every_bundle_not_speaking_it():
    catalog = _two_way_catalog()
    result = compose_bundles(Need(("erp", "fibu"), required_standards=("datev",)), catalog, top_k=5)
    assert result.status == "optimal" and result.bundles
    for bundle in result.bundles:
        spoken = {
            std
            for use in bundle.solutions
            for std in (*catalog.solutions[use.id].provides, *catalog.solutions[use.id].consumes)
        }
        assert "datev" in spoken
    assert set(result.bundles[0].companies) == {"b", "c"}
    assert all(b.companies != ("a",) for b in result.bundles)


def test_a_must_nobody_speaks_says_so_and_names_the_standard():
    result = compose_bundles(Need(("erp", "fibu"), required_standards=("gaeb",)), _two_way_catalog())
    assert result.bundles == [] and result.status == "standard_unmet"
    assert result.unmet_standards == ("gaeb",) and result.stats.optimal
    data = match_to_dict(result)
    assert data["status"] == "standard_unmet"
    assert data["need"]["must_standards"] == ["gaeb"] and data["need"]["unmet_standards"] == ["gaeb"]


def test_musts_each_spoken_but_not_together_leave_no_bundle():
    catalog = _catalog(
        [
            Solution("e1", "a", "ERP A", capabilities=("erp",), provides=("datev",)),
            Solution("e2", "b", "ERP B", capabilities=("erp",), provides=("gaeb",)),
        ]
    )
    need = Need(("erp",), required_standards=("datev", "gaeb"))
    result = compose_bundles(need, catalog)
    assert result.bundles == [] and result.status == "standard_unmet"
    assert result.unmet_standards == ()  # each is spoken; no bundle speaks both
    assert match_to_dict(result)["status"] == "standard_unmet"


def test_a_must_may_cost_coverage_and_the_bundle_says_what_stays_open():
    catalog = _catalog(
        [
            Solution("suite", "a", "Suite", capabilities=("erp", "shop")),
            Solution("shop", "b", "Shop", capabilities=("shop",), consumes=("datev",)),
        ]
    )
    result = compose_bundles(Need(("erp", "shop"), required_standards=("datev",)), catalog)
    assert [u.id for u in result.bundles[0].solutions] == ["shop"]
    assert result.bundles[0].uncovered == ("erp",)


def test_an_unknown_must_standard_is_refused_by_composition():
    with pytest.raises(CatalogError, match="nope"):
        compose_bundles(Need(("erp",), required_standards=("nope",)), _two_way_catalog())


def test_the_json_without_corrections_keeps_its_keys():
    catalog, need, analysis = _text_need()
    data = match_to_dict(compose_bundles(need, catalog, analysis=analysis))
    assert set(data["need"]) == NEED_KEYS


def test_the_json_lists_the_corrections():
    catalog, need, analysis = _text_need()
    gone = need.capabilities[0]
    extra = next(c for c in catalog.taxonomy.capabilities if c not in need.capabilities)
    fixed = corrected_need(need, analysis, catalog, remove=[gone], add=[extra], must_standards=["datev"])
    data = match_to_dict(compose_bundles(fixed, catalog, analysis=analysis))
    ids = [c["id"] for c in data["need"]["capabilities"]]
    assert gone not in ids and extra in ids
    assert data["need"]["added"] == [extra] and data["need"]["removed"] == [gone]
    assert data["need"]["must_standards"] == ["datev"] and data["need"]["unmet_standards"] == []
    assert gone not in data["need"]["left_out"]


def test_greedy_never_offers_a_bundle_missing_a_must():
    ids, objective = greedy_bundle(Need(("erp", "fibu"), required_standards=("datev",)), _two_way_catalog())
    assert objective is None or "suite" not in ids.values()


# -- brute force on small random catalogs -----------------------------------------------------------


@st.composite
def constrained_scenarios(draw):
    catalog = random_catalog(draw, st)
    caps = draw(
        st.lists(st.sampled_from(list(catalog.taxonomy.capabilities)), min_size=1, max_size=3, unique=True)
    )
    standards = list(catalog.taxonomy.standards)
    must = draw(st.lists(st.sampled_from(standards), min_size=1, max_size=2, unique=True))
    need = Need(
        capabilities=tuple(caps),
        weights={c: draw(st.sampled_from([0.5, 0.8, 1.0])) for c in caps},
        location=draw(st.sampled_from([None, (51.3, 9.5)])),
        max_partners=draw(st.sampled_from([None, None, 1, 2])),
        required_standards=tuple(must),
    )
    params = draw(
        st.sampled_from(
            [MatchParams(), MatchParams(prefilter_from=0), MatchParams(coop_bonus=0.2, prefilter_from=0)]
        )
    )
    return catalog, need, params


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constrained_scenarios())
def test_the_optimum_under_must_standards_matches_brute_force(scenario):
    catalog, need, params = scenario
    result = compose_bundles(need, catalog, top_k=3, params=params)
    reference = sorted(brute_force(need, catalog, params).values(), reverse=True)
    assert result.stats.optimal
    assert [round(b.objective, 6) for b in result.bundles] == [round(v, 6) for v in reference[:3]]
    if not reference:
        assert result.status in ("standard_unmet", "infeasible")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constrained_scenarios())
def test_a_node_limit_never_yields_a_bundle_missing_a_must(scenario):
    catalog, need, params = scenario
    limited = MatchParams(node_limit=1, prefilter_from=params.prefilter_from)
    result = compose_bundles(need, catalog, top_k=3, params=limited)
    reference = brute_force(need, catalog, limited)
    for bundle in result.bundles:
        spoken = {
            std
            for use in bundle.solutions
            for std in (*catalog.solutions[use.id].provides, *catalog.solutions[use.id].consumes)
        }
        assert set(need.required_standards) <= spoken
    if reference:
        assert result.bundles and result.bundles[0].objective <= max(reference.values()) + TOL
