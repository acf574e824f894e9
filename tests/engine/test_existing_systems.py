"""Systems the customer already runs as integration constraints (issue 12, criterion 2): offers that connect
to them rank above offers that do not; when none can, the result says so (engine/existing.py)."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itkoop.engine import (
    Capability,
    CapabilityHit,
    Catalog,
    Company,
    Need,
    NeedAnalysis,
    Solution,
    Standard,
    Taxonomy,
    compose_bundles,
    need_from_text,
)
from itkoop.engine.existing import existing_systems
from itkoop.engine.objective import bundle_objective
from itkoop.engine.serialize import match_to_dict

from .helpers import brute_force, mini_catalog
from .test_compose_properties import scenarios


def _catalog(shops, *, verified=()):
    """Shops of one provider each; the customer runs accounting (fibu), which a shop exchanges data with
    (through DATEV, which accounting consumes)."""
    taxonomy = Taxonomy(
        [
            Capability("shop", "Onlineshop", "Online shop", exchanges_with=("fibu",)),
            Capability("fibu", "Buchhaltung", "Accounting"),
        ],
        [Standard("datev", "DATEV", used_by=("fibu",)), Standard("csv", "CSV")],
    )
    companies = [Company(cid, name, verified=cid in verified) for cid, name, _ in shops]
    solutions = [
        Solution(f"shop-{cid}", cid, f"Shop {name}", capabilities=("shop",), provides=provides)
        for cid, name, provides in shops
    ]
    return Catalog(taxonomy, companies, solutions, [])


_TWO_SHOPS = [("a", "Ohne", ("csv",)), ("b", "Mit", ("datev",))]


def test_an_offer_that_connects_to_the_existing_system_ranks_above_one_that_does_not():
    catalog = _catalog(_TWO_SHOPS)
    result = compose_bundles(Need(("shop",), existing=("fibu",)), catalog, top_k=2)
    assert [b.companies for b in result.bundles] == [("b",), ("a",)]
    assert result.bundles[0].objective > result.bundles[1].objective  # the objective, not the tie rule
    assert result.unreachable_existing == ()
    # all else equal: without the existing system the two are a true tie
    plain = compose_bundles(Need(("shop",)), catalog, top_k=2)
    assert plain.bundles[0].objective == plain.bundles[1].objective


def test_the_connection_weighs_more_than_a_verified_profile():
    """The stated weights: 0.5 of the fit (0.25 of quality) against 0.2 for a verified company."""
    catalog = _catalog(_TWO_SHOPS, verified=("a",))
    result = compose_bundles(Need(("shop",), existing=("fibu",)), catalog, top_k=2)
    assert [b.companies for b in result.bundles] == [("b",), ("a",)]


def test_a_connection_never_buys_a_missing_capability_or_another_company():
    """Coverage and fewer companies come first: the connection is a term of quality."""
    taxonomy = Taxonomy(
        [
            Capability("shop", "Onlineshop", exchanges_with=("fibu",)),
            Capability("pay", "Zahlung", exchanges_with=("shop",)),
            Capability("fibu", "Buchhaltung"),
        ],
        [Standard("datev", "DATEV", used_by=("fibu",)), Standard("csv", "CSV")],
    )
    solutions = [
        Solution("all", "one", "Alles", capabilities=("shop", "pay")),
        Solution("shop", "two", "Shop", capabilities=("shop",), provides=("datev", "csv")),
        Solution("pay", "three", "Zahlung", capabilities=("pay",), consumes=("csv",)),
    ]
    companies = [Company(c, c) for c in ("one", "two", "three")]
    catalog = Catalog(taxonomy, companies, solutions, [])
    result = compose_bundles(Need(("shop", "pay"), existing=("fibu",)), catalog, top_k=2)
    assert result.bundles[0].companies == ("one",)


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("de", "Warum nach Angebot 1: verbindet sich schlechter mit Ihren vorhandenen Systemen."),
        ("en", "Why after offer 1: connects less well to the systems you already run."),
    ],
)
def test_the_offer_below_says_it_connects_less_well(lang, reason):
    catalog = _catalog(_TWO_SHOPS)
    result = compose_bundles(Need(("shop",), existing=("fibu",)), catalog, top_k=2, lang=lang)
    assert reason in result.bundles[1].explanation


def test_a_perfect_single_provider_that_connects_scores_100_percent_and_one_that_does_not_less():
    catalog = _catalog(_TWO_SHOPS, verified=("a", "b"))
    result = compose_bundles(Need(("shop",), existing=("fibu",)), catalog, top_k=2)
    assert result.bundles[0].score == 1.0
    assert 0 < result.bundles[1].score < 1.0


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "Verbindet sich nicht mit Ihrem vorhandenen System „Buchhaltung“: Shop Ohne hat keine"),
        ("en", "Does not connect to your existing system “Accounting”: Shop Ohne has no matching interface."),
    ],
)
def test_when_no_offer_can_connect_the_result_says_so(lang, expected):
    catalog = _catalog([("a", "Ohne", ("csv",))], verified=("a",))
    result = compose_bundles(Need(("shop",), existing=("fibu",)), catalog, lang=lang)
    assert result.unreachable_existing == ("fibu",)
    assert expected in result.bundles[0].explanation
    # what nobody can do costs nobody anything: the shop is still a perfect answer
    assert result.bundles[0].score == 1.0


def test_the_json_names_the_existing_systems_no_solution_can_connect_to():
    catalog = _catalog([("a", "Ohne", ("csv",))])
    analysis = NeedAnalysis(
        "", [CapabilityHit("shop", 0.9, ["Shop"])], existing=[CapabilityHit("fibu", 0.9, [])]
    )
    result = compose_bundles(Need(("shop",), existing=("fibu",)), catalog, analysis=analysis)
    need = match_to_dict(result)["need"]
    assert need["existing"] == ["fibu"] and need["unreachable_existing"] == ["fibu"]
    connected = compose_bundles(Need(("shop",), existing=("fibu",)), _catalog(_TWO_SHOPS), analysis=analysis)
    assert "unreachable_existing" not in match_to_dict(connected)["need"]  # the key only when it says so


def test_existing_systems_name_the_standards_that_could_connect_them():
    catalog = _catalog([*_TWO_SHOPS, ("c", "Auch", ("datev", "csv"))])
    (system,) = existing_systems(("shop",), ("fibu",), catalog)
    assert (system.id, system.capabilities, system.standards, system.reachable) == (
        "fibu",
        ("shop",),
        ("datev",),
        True,
    )
    # a system that is itself asked for is no constraint
    assert existing_systems(("shop", "fibu"), ("fibu",), catalog) == []


def test_need_from_text_keeps_the_systems_the_customer_runs():
    catalog = mini_catalog()
    need, analysis = need_from_text(
        "Wir haben schon eine Warenwirtschaft und brauchen einen Onlineshop", catalog
    )
    assert need.existing == ("erp",) == tuple(h.id for h in analysis.existing)
    result = compose_bundles(need, catalog)
    assert result.bundles and result.unreachable_existing == ()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_practice_with_practice_software_gets_the_booking_that_connects_to_it_first(lang):
    """The issue's case: a practice already runs practice software; the booking offer that talks to it
    (HL7 FHIR, GDT) comes first and says so, the one that cannot comes after and says why."""
    taxonomy = mini_catalog().taxonomy
    companies = [
        Company("nah", "Nahtermin GmbH", verified=True),
        Company("fern", "Fernbuch AG", verified=True),
    ]
    solutions = [
        Solution(
            "plain", "nah", "Termin Easy", capabilities=("appointment-booking",), provides=("webhooks",)
        ),
        Solution(
            "fhir", "fern", "Termin FHIR", capabilities=("appointment-booking",), provides=("hl7-fhir",)
        ),
    ]
    catalog = Catalog(taxonomy, companies, solutions, [])
    text = {
        "de": "Wir haben schon eine Praxissoftware und brauchen eine Online-Terminbuchung",
        "en": "We already run medical practice software and need online appointment booking",
    }[lang]
    need, analysis = need_from_text(text, catalog)
    assert need.capabilities == ("appointment-booking",) and need.existing == ("medical-practice",)
    (system,) = existing_systems(need.capabilities, need.existing, catalog)
    assert "hl7-fhir" in system.standards
    result = compose_bundles(need, catalog, top_k=2, analysis=analysis, lang=lang)
    first, second = result.bundles
    assert first.companies == ("fern",) and first.score == 1.0 and second.score < 1.0
    connects = {"de": "Termin FHIR über HL7 FHIR", "en": "Termin FHIR through HL7 FHIR"}[lang]
    assert connects in first.explanation
    cannot = {"de": "Termin Easy hat keine passende Schnittstelle", "en": "Termin Easy has no matching"}[lang]
    assert cannot in second.explanation


@st.composite
def _with_existing(draw):
    catalog, need, params = draw(scenarios())
    others = [c for c in catalog.taxonomy.capabilities if c not in need.capabilities]
    existing = draw(st.lists(st.sampled_from(others), max_size=2, unique=True)) if others else []
    return catalog, replace(need, existing=tuple(existing)), params


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_with_existing())
def test_top_bundles_with_existing_systems_match_brute_force(scenario):
    catalog, need, params = scenario
    result = compose_bundles(need, catalog, top_k=3, params=params)
    reference = sorted(brute_force(need, catalog, params).values(), reverse=True)
    assert result.stats.optimal
    assert [round(b.objective, 6) for b in result.bundles] == [round(v, 6) for v in reference[:3]]
    for bundle in result.bundles:
        assignment = {c: use.id for use in bundle.solutions for c in use.covers}
        assert bundle_objective(need, catalog, assignment, params) == pytest.approx(bundle.objective)
        assert 0 < bundle.score <= 1.0
