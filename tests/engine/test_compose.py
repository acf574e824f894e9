"""Bundle composition: the mini catalog of the spec, edge cases, constraints and top-K."""

import pytest

from itkoop.engine import (
    Capability,
    Catalog,
    CatalogError,
    Company,
    Cooperation,
    MatchParams,
    Need,
    Solution,
    Standard,
    Taxonomy,
    compose_bundles,
    match_to_dict,
    need_from_text,
)

from .helpers import NEED_KEYS, mini_catalog

MINI_NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


def _taxonomy():
    return Taxonomy(
        [
            Capability("erp", "ERP", exchanges_with=("shop", "fibu")),
            Capability("shop", "Shop"),
            Capability("fibu", "Buchhaltung"),
        ],
        [Standard("datev", "DATEV"), Standard("bmecat", "BMEcat"), Standard("csv", "CSV")],
    )


def _catalog(solutions, companies=None, cooperations=()):
    companies = companies or [Company(c, f"Firma {c}") for c in sorted({s.company_id for s in solutions})]
    return Catalog(_taxonomy(), companies, solutions, cooperations)


def test_mini_catalog_yields_the_one_bundle_with_both_links_proven_optimal():
    catalog = mini_catalog()
    need, analysis = need_from_text(MINI_NEED, catalog)
    result = compose_bundles(need, catalog, analysis=analysis)
    assert result.status == "optimal" and result.stats.optimal
    assert len(result.bundles) == 1
    bundle = result.bundles[0]
    assert {s.id for s in bundle.solutions} == {"s1", "s2", "s3"}
    assert bundle.uncovered == ()
    assert {(link.source, link.target, link.standard) for link in bundle.links} == {
        ("s2", "s1", "bmecat"),
        ("s1", "s3", "datev"),
    }


def test_mini_catalog_json_has_exactly_the_contract_keys():
    catalog = mini_catalog()
    need, analysis = need_from_text(MINI_NEED, catalog)
    data = match_to_dict(compose_bundles(need, catalog, analysis=analysis))
    # the contract's keys, plus the outcome in one word and what the text refused, has and left out
    assert set(data) == {"need", "bundles", "stats", "status"}
    assert data["status"] == "found"
    assert set(data["need"]) == NEED_KEYS
    assert set(data["need"]["capabilities"][0]) == {"id", "score", "evidence"}
    assert set(data["bundles"][0]) == {
        "rank", "score", "companies", "solutions", "links", "uncovered", "explanation",
    }  # fmt: skip
    assert set(data["bundles"][0]["links"][0]) == {"from", "to", "standard"}
    assert set(data["stats"]) == {"candidates", "elapsed_ms", "optimal"}
    assert data["stats"]["optimal"] is True


def test_empty_catalog_is_infeasible_not_an_error():
    result = compose_bundles(Need(("erp",)), Catalog(_taxonomy()))
    assert result.status == "infeasible" and result.bundles == []


def test_need_without_capabilities_is_a_status():
    result = compose_bundles(Need(()), Catalog(_taxonomy()))
    assert result.status == "no_capabilities"
    assert match_to_dict(result)["status"] == "not_understood"


def test_understood_but_no_provider_is_told_apart_from_not_understood():
    result = compose_bundles(Need(("erp",)), Catalog(_taxonomy()))
    data = match_to_dict(result)
    assert data["status"] == "no_provider" and data["bundles"] == []


def test_one_provider_covering_everything_wins_with_one_company():
    catalog = _catalog(
        [
            Solution("all", "a", "Suite", capabilities=("erp", "shop", "fibu")),
            Solution("e", "b", "ERP", capabilities=("erp",), provides=("datev", "bmecat")),
            Solution("s", "c", "Shop", capabilities=("shop",), consumes=("bmecat",)),
            Solution("f", "d", "FiBu", capabilities=("fibu",), consumes=("datev",)),
        ]
    )
    result = compose_bundles(Need(("erp", "shop", "fibu")), catalog, top_k=2)
    assert result.bundles[0].companies == ("a",)
    assert result.bundles[0].links == ()
    assert set(result.bundles[1].companies) == {"b", "c", "d"}


def test_no_standard_in_common_leaves_the_partner_out():
    catalog = _catalog(
        [
            Solution("e", "a", "ERP", capabilities=("erp",), provides=("datev",)),
            Solution("s", "b", "Shop", capabilities=("shop",), consumes=("bmecat",)),
        ]
    )
    result = compose_bundles(Need(("erp", "shop")), catalog)
    assert result.status == "optimal"
    assert all(len(b.solutions) == 1 for b in result.bundles)
    assert {b.uncovered for b in result.bundles} == {("shop",), ("erp",)}


def test_capability_nobody_offers_is_listed_as_uncovered():
    catalog = _catalog([Solution("e", "a", "ERP", capabilities=("erp",), provides=("datev",))])
    bundle = compose_bundles(Need(("erp", "fibu")), catalog).bundles[0]
    assert bundle.uncovered == ("fibu",)
    assert "Buchhaltung" in bundle.explanation


def test_max_partners_and_labels_and_hub_constrain():
    companies = [
        Company("a", "A", hub="kassel", labels=("smig",)),
        Company("b", "B", hub="berlin"),
        Company("c", "C", hub="kassel", labels=("smig",)),
    ]
    solutions = [
        Solution("e", "a", "ERP", capabilities=("erp",), provides=("bmecat",)),
        Solution("s1", "b", "Shop B", capabilities=("shop",), consumes=("bmecat",)),
        Solution("s2", "c", "Shop C", capabilities=("shop",), consumes=("bmecat",)),
    ]
    catalog = _catalog(solutions, companies)
    assert compose_bundles(Need(("erp", "shop"), max_partners=1), catalog).bundles[0].uncovered
    for need in (Need(("erp", "shop"), hub="kassel"), Need(("erp", "shop"), labels=("smig",))):
        bundles = compose_bundles(need, catalog).bundles
        assert [set(b.companies) for b in bundles] == [{"a", "c"}]


def test_a_label_of_one_product_does_not_cover_the_companys_other_products():
    """Labels are awarded per product: a company whose shop is labelled does not bring its unlabelled ERP."""
    companies = [Company("a", "A"), Company("b", "B")]
    solutions = [
        Solution("erp-a", "a", "ERP A", capabilities=("erp",), provides=("bmecat",)),
        Solution("shop-a", "a", "Shop A", capabilities=("shop",), consumes=("bmecat",), labels=("smig",)),
        Solution("erp-b", "b", "ERP B", capabilities=("erp",), provides=("bmecat",), labels=("smig",)),
    ]
    catalog = _catalog(solutions, companies)
    bundles = compose_bundles(Need(("erp", "shop"), labels=("smig",)), catalog).bundles
    assert bundles
    for bundle in bundles:
        assert {use.id for use in bundle.solutions} <= {"shop-a", "erp-b"}
    assert {use.id for use in bundles[0].solutions} == {"shop-a", "erp-b"}


def test_top_k_bundles_are_distinct_and_ranked():
    solutions = [Solution("e", "a", "ERP", capabilities=("erp",), provides=("bmecat",))]
    solutions += [
        Solution(f"s{i}", f"shop{i}", f"Shop {i}", capabilities=("shop",), consumes=("bmecat",))
        for i in range(6)
    ]
    result = compose_bundles(Need(("erp", "shop")), _catalog(solutions), top_k=4)
    assert [b.rank for b in result.bundles] == [1, 2, 3, 4]
    assert len({b.companies for b in result.bundles}) == 4
    assert [b.objective for b in result.bundles] == sorted(
        (b.objective for b in result.bundles), reverse=True
    )


def test_proximity_and_verification_decide_between_equal_providers():
    companies = [
        Company("near", "Nah", lat=51.3, lon=9.5),
        Company("far", "Fern", lat=48.1, lon=11.6),
        Company("far-verified", "Fern geprüft", lat=48.1, lon=11.6, verified=True),
    ]
    solutions = [Solution(f"s-{c.id}", c.id, c.name, capabilities=("erp",)) for c in companies]
    result = compose_bundles(
        Need(("erp",), location=(51.3, 9.5)),
        _catalog(solutions, companies),
        top_k=3,
    )
    assert [b.companies[0] for b in result.bundles] == ["near", "far-verified", "far"]


def test_unknown_capability_and_customer_are_refused():
    with pytest.raises(CatalogError, match="nope"):
        compose_bundles(Need(("nope",)), Catalog(_taxonomy()))
    with pytest.raises(CatalogError, match="ghost"):
        compose_bundles(Need(("erp",), customer_company_id="ghost"), Catalog(_taxonomy()))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_partners": 0}, "max_partners"),
        ({"hub": "hamburg"}, "hub"),
        ({"location": (91.0, 0.0)}, "location"),
        ({"weights": {"erp": 1.5}}, "weight"),
    ],
)
def test_invalid_need_is_refused_at_construction(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Need(("erp",), **kwargs)


@pytest.mark.parametrize("kwargs", [{"max_partners": 1}, {"hub": "kassel"}, {"location": (90.0, 180.0)}])
def test_valid_need_boundaries_are_accepted(kwargs):
    assert Need(("erp",), **kwargs).capabilities == ("erp",)


def test_english_explanation():
    catalog = mini_catalog()
    need, _ = need_from_text("We need an online shop, an ERP and accounting", catalog)
    bundle = compose_bundles(need, catalog, lang="en").bundles[0]
    assert bundle.explanation.startswith("Covers all 3 required capabilities with 3 providers")
    assert "BMEcat" in bundle.explanation


def test_params_are_validated():
    with pytest.raises(ValueError, match="must be 1"):
        MatchParams(w_fit=0.9)


def test_past_cooperation_with_the_customer_breaks_a_tie():
    companies = [Company("kunde", "Kunde"), Company("a", "A"), Company("b", "B")]
    solutions = [Solution(f"s-{c}", c, c, capabilities=("erp",)) for c in ("a", "b")]
    catalog = _catalog(solutions, companies, [Cooperation("kunde", "b", 2023)])
    result = compose_bundles(Need(("erp",), customer_company_id="kunde"), catalog, top_k=2)
    assert [b.companies for b in result.bundles] == [("b",), ("a",)]
    assert "Hat schon mit Ihnen gearbeitet" in result.bundles[0].explanation
