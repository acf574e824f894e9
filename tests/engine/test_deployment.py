"""How the customer wants the solutions run ("keine Cloud"): read from the text, a hard constraint of the
composition, its greedy baseline and the objective, and in the JSON."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itkoop.engine import (
    Capability,
    Catalog,
    Company,
    MatchParams,
    Need,
    Solution,
    Taxonomy,
    compose_bundles,
    match_to_dict,
    need_from_text,
)
from itkoop.engine.baseline import greedy_bundle
from itkoop.engine.deployment import fits, read_deployment
from itkoop.engine.objective import bundle_objective

from .helpers import brute_force, mini_catalog, random_catalog

TOL = 1e-6


@pytest.mark.parametrize(
    ("text", "wish", "words"),
    [
        ("Wir wollen keine Cloud, nur eine Warenwirtschaft.", "on-premise", "keine Cloud"),
        ("Bitte keine Cloud-Lösung!", "on-premise", "keine Cloud-Lösung"),
        ("Die Patientendaten dürfen nicht in die Cloud.", "on-premise", "nicht in die Cloud"),
        ("Cloud-Lösungen kommen für uns nicht in Frage", "on-premise", "Cloud-Lösungen kommen für uns nicht"),
        ("Die Software soll on-premise laufen", "on-premise", "on-premise"),
        ("Alles muss auf unserem eigenen Server laufen", "on-premise", "auf unserem eigenen Server"),
        ("No cloud please, we need an ERP", "on-premise", "No cloud"),
        ("a self-hosted CRM", "on-premise", "self-hosted"),
        ("Eine cloudbasierte Zeiterfassung", "cloud", "cloudbasierte"),
        ("Warenwirtschaft gern als SaaS", "cloud", "als SaaS"),
        ("We want a cloud-based CRM", "cloud", "cloud-based"),
        # found by a new-user probe
        ("Ein DMS. Die Daten dürfen unser Haus nicht verlassen.", "on-premise", "Haus nicht verlassen"),
        ("Das soll bei uns im Keller auf dem Server laufen.", "on-premise", "im Keller"),
        ("Betrieb im eigenen Rechenzentrum", "on-premise", "im eigenen Rechenzentrum"),
        ("Aus Sicherheitsgründen soll das CRM lokal laufen.", "on-premise", "lokal laufen"),
        ("Ein CRM, aber kein SaaS", "on-premise", "kein SaaS"),
        ("We do not want anything in the cloud", "on-premise", "do not want anything in the cloud"),
        ("bitte kiene Cloud, alles auf eigenem Sever.", "on-premise", "kiene Cloud"),
        ("No cloud please, self-hosted only", "on-premise", "No cloud"),
        ("aber keine Cloud: alles soll auf unserem eigenen Server laufen", "on-premise", "keine Cloud"),
        ("keine Cloud und auf unserem Server", "on-premise", "keine Cloud"),
        # a way to run refused is a wish for the other
        ("Wir wollen nicht mehr on-premise arbeiten", "cloud", "nicht mehr on-premise"),
        ("we don't want on-premise hardware any more", "cloud", "don't want on-premise"),
        ("Bitte nicht als SaaS", "on-premise", "nicht als SaaS"),
        # a colon ends what a negation refuses
        ("Kein Thema für uns: on-premise", "on-premise", "on-premise"),
    ],
)
def test_the_wish_is_read_with_the_words_as_written(text, wish, words):
    assert read_deployment(text) == (wish, words)


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind ein SaaS-Anbieter und brauchen eine Buchhaltung",  # the writer, not the wish
        "Wir wollen unsere Server in die Cloud migrieren",  # a capability, not how to run
        "Our data is in the cloud already; we need a CRM",
        "Eine Cloud-Lösung wäre schön, aber keine Cloud für die Patientendaten",  # both: no wish
        "Wir brauchen einen Onlineshop",
        "Hosting im Rechenzentrum des Anbieters",
        "Wir brauchen keine Buchhaltung, aber ein Cloud-CRM und eine Zeiterfassung.",
    ],
)
def test_no_wish_is_read_where_the_text_states_none(text):
    assert read_deployment(text) is None


def test_reading_a_long_text_stays_linear():
    # no user input triggers super-linear work: 2000 characters of near-misses are read at once
    text = "keine " * 300 + "nicht in " * 100
    assert read_deployment(text) is None


@pytest.mark.parametrize(
    ("runs", "wish", "fit"),
    [
        (("on-premise",), "on-premise", True),
        (("hybrid",), "on-premise", True),
        (("hybrid",), "cloud", True),
        (("saas",), "on-premise", False),
        (("on-premise",), "cloud", False),
        (("service",), "on-premise", True),  # work done for the customer runs nowhere
        (("service",), "cloud", True),
        (("saas", "service"), "on-premise", False),  # software tagged as a service too (a new-user probe)
        (("on-premise", "service"), "on-premise", True),
        ((), "on-premise", False),  # nobody can promise it runs there
        ((), None, True),
    ],
)
def test_which_solutions_fit_a_wish(runs, wish, fit):
    assert fits(runs, wish) is fit


def test_an_unknown_wish_is_refused():
    with pytest.raises(ValueError, match="deployment"):
        Need(("erp",), deployment="mainframe")


def _catalog() -> Catalog:
    """The best bundle (one company, SaaS) does not run on the premises; two companies' solutions do."""
    taxonomy = Taxonomy([Capability("erp", "ERP"), Capability("fibu", "Buchhaltung")], [])
    solutions = [
        Solution("suite", "a", "Suite", capabilities=("erp", "fibu"), deployment=("saas",)),
        Solution("erp", "b", "ERP", capabilities=("erp",), deployment=("on-premise",)),
        Solution("fibu", "c", "FiBu", capabilities=("fibu",), deployment=("hybrid",)),
        Solution("unsaid", "d", "FiBu 2", capabilities=("fibu",)),
    ]
    return Catalog(taxonomy, [Company(c, f"Firma {c}") for c in "abcd"], solutions)


def test_without_a_wish_the_single_provider_wins():
    assert compose_bundles(Need(("erp", "fibu")), _catalog()).bundles[0].companies == ("a",)


def test_on_the_premises_every_offer_runs_there():
    catalog = _catalog()
    result = compose_bundles(Need(("erp", "fibu"), deployment="on-premise"), catalog, top_k=5)
    assert result.status == "optimal"
    assert [b.companies for b in result.bundles] == [("b", "c")]
    assert greedy_bundle(Need(("erp", "fibu"), deployment="on-premise"), catalog)[0] == {
        "erp": "erp",
        "fibu": "fibu",
    }


def test_the_objective_refuses_a_bundle_that_does_not_run_as_wished():
    catalog = _catalog()
    need = Need(("erp", "fibu"), deployment="on-premise")
    assert bundle_objective(need, catalog, {"erp": "suite", "fibu": "suite"}) is None
    assert bundle_objective(need, catalog, {"erp": "erp", "fibu": "fibu"}) is not None


def test_a_wish_nothing_fits_leaves_no_offer():
    # the ERPs run as SaaS or on the premises only: nothing of it runs in the cloud and on the premises
    assert compose_bundles(Need(("erp",), deployment="cloud"), _catalog()).bundles[0].companies == ("a",)
    catalog = _catalog()
    on_premise_only = Catalog(
        catalog.taxonomy,
        list(catalog.companies.values()),
        [s for s in catalog.solutions.values() if s.id != "erp"],
    )
    assert compose_bundles(Need(("erp",), deployment="on-premise"), on_premise_only).bundles == []


def test_the_text_sets_the_wish_and_the_json_says_it():
    catalog = mini_catalog()
    need, analysis = need_from_text("Wir brauchen eine Warenwirtschaft, aber keine Cloud", catalog)
    assert need.deployment == "on-premise" and analysis.deployment_evidence == "keine Cloud"
    data = match_to_dict(compose_bundles(need, catalog, analysis=analysis))
    assert data["need"]["deployment"] == data["need"]["deployment_read"] == "on-premise"
    assert data["need"]["deployment_evidence"] == "keine Cloud"
    plain, plain_analysis = need_from_text("Wir brauchen eine Warenwirtschaft", catalog)
    data = match_to_dict(compose_bundles(plain, catalog, analysis=plain_analysis))
    assert data["need"]["deployment"] is None and data["need"]["deployment_evidence"] is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_composition_is_the_exhaustive_optimum_under_a_wish(data):
    catalog = random_catalog(data.draw, st)
    wish = data.draw(st.sampled_from(["on-premise", "cloud"]))
    runs = data.draw(
        st.lists(
            st.sampled_from([(), ("saas",), ("on-premise",), ("hybrid",)]), min_size=len(catalog.solutions)
        )
    )
    solutions = [replace(s, deployment=run) for s, run in zip(catalog.solutions.values(), runs, strict=False)]
    catalog = Catalog(
        catalog.taxonomy, list(catalog.companies.values()), solutions, list(catalog.cooperations)
    )
    need = Need(tuple(catalog.taxonomy.capabilities)[:3], deployment=wish)
    params = MatchParams()
    exact = brute_force(need, catalog, params)
    result = compose_bundles(need, catalog, top_k=1, params=params)
    if not exact:
        assert result.bundles == []
        return
    best = max(exact.values())
    assert result.bundles and abs(result.bundles[0].objective - best) <= TOL
    for use in result.bundles[0].solutions:
        assert fits(catalog.solutions[use.id].deployment, wish)
