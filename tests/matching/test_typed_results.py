"""The matching services return the engine's typed results; the API and the CLI turn them into the contract's
JSON with engine.serialize, and the presenter turns their ids into names."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from itkoop.engine.results import Bundle, MatchResult, PartnerResult
from itkoop.engine.serialize import bundle_to_dict, match_to_dict, partners_to_dict
from itkoop.matching import presenters, services
from itkoop.matching.selectors import names_for, present_bundle_snapshot

from ..factories import UserFactory

pytestmark = pytest.mark.django_db
NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


def _without_timing(document: dict) -> dict:
    return {**document, "stats": {k: v for k, v in document["stats"].items() if k != "elapsed_ms"}}


def test_match_need_returns_the_engines_typed_result(mini_catalog):
    result = services.match_need(text=NEED)
    assert isinstance(result, MatchResult)
    assert result.bundles and all(isinstance(b, Bundle) for b in result.bundles)
    assert sorted(result.bundles[0].companies) == ["c1", "c2", "c3"]


def test_rank_partners_for_returns_the_engines_typed_result(mini_catalog):
    result = services.rank_partners_for(company_id="c3")
    assert isinstance(result, PartnerResult)
    assert result.company == "c3" and result.partners[0].id == "c1"


def test_api_match_is_the_engine_serialization_of_the_service_result(client, mini_catalog):
    response = client.post("/api/v1/match/", {"text": NEED}, content_type="application/json")
    expected = match_to_dict(services.match_need(text=NEED))
    assert _without_timing(response.json()) == _without_timing(expected)


def test_api_partners_is_the_engine_serialization_of_the_service_result(client, mini_catalog):
    response = client.get("/api/v1/partners/c3/")
    assert response.json() == partners_to_dict(services.rank_partners_for(company_id="c3"))


def test_cli_match_json_is_the_engine_serialization_of_the_service_result(mini_catalog, capsys):
    from itkoop.cli import main

    assert main(["match", NEED, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert _without_timing(printed) == _without_timing(match_to_dict(services.match_need(text=NEED)))


def test_cli_partners_json_is_the_engine_serialization_of_the_service_result(mini_catalog, capsys):
    from itkoop.cli import main

    assert main(["partners", "c3", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == partners_to_dict(services.rank_partners_for(company_id="c3"))


@pytest.mark.parametrize(
    ("lang", "erp", "datev"),
    [("de", "Warenwirtschaft / ERP", "DATEV-Format"), ("en", "ERP", "DATEV format (posting batch)")],
)
def test_the_presenter_resolves_names_and_labels_in_the_active_language(mini_catalog, lang, erp, datev):
    with translation.override(lang):
        names = names_for(companies=["c1"], solutions=["s1"], capabilities=["erp"], standards=["datev"])
    assert names.company("c1") == "Nordlicht ERP GmbH"
    assert names.solution("s1") == "Nordlicht Warenwirtschaft"
    assert names.solution_with_company("s1") == "Nordlicht Warenwirtschaft (Nordlicht ERP GmbH)"
    assert names.capability("erp") == erp
    assert names.standard("datev") == datev  # the English name from the taxonomy, the German from the file
    assert names.company("gone") == "gone" and names.capability("nope") == "nope"


@pytest.mark.parametrize(
    ("lang", "accounting", "datev"),
    [("de", "Buchhaltung", "DATEV-Format"), ("en", "Accounting", "DATEV format (posting batch)")],
)
def test_a_stored_bundle_snapshot_is_presented_with_names(mini_catalog, lang, accounting, datev):
    snapshot = bundle_to_dict(services.match_need(text=NEED).bundles[0])
    with translation.override(lang):
        summary = present_bundle_snapshot(json.loads(json.dumps(snapshot)))
    assert "Kontor FiBu (Kontor Finanzsoftware KG)" in [s["name"] for s in summary["solutions"]]
    assert [accounting] in [s["covers"] for s in summary["solutions"]]
    assert {link["standard"] for link in summary["links"]} == {datev, "BMEcat"}
    assert summary["explanation"] == snapshot["explanation"]
    assert present_bundle_snapshot(None) is None


def test_the_page_presenter_keeps_the_typed_bundle_and_resolves_records(mini_catalog):
    result = services.match_need(text=NEED)
    presented = presenters.present_bundles(result)[0]
    assert presented["bundle"] is result.bundles[0]
    assert {row["company"].name for row in presented["rows"]} == {
        "Nordlicht ERP GmbH",
        "Shopwerk Aachen UG",
        "Kontor Finanzsoftware KG",
    }


def test_the_invite_token_signs_the_bundle_in_the_contract_shape(client, mini_catalog):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("matching:need"), {"text": NEED})
    first = page.context["bundles"][0]
    payload = services.bundle_invite_payload(first["invite_token"], user_id=user.pk)
    # The contract's shape, plus the explanation in each language for the cooperation it may start.
    explanations = payload["bundle"].pop("explanations")
    assert payload["bundle"] == bundle_to_dict(first["bundle"])
    assert explanations["de"] == first["bundle"].explanation and explanations["en"].startswith("Covers")
    assert payload["text"] == NEED


def test_the_cli_text_names_providers_solutions_and_labels(mini_catalog):
    text = presenters.match_text(services.match_need(text=NEED, top_k=1))
    assert "Shopwerk Aachen UG" in text and "Kontor FiBu" in text and "DATEV-Format" in text
    assert "Buchhaltung" in text
    assert "Nordlicht ERP GmbH" in presenters.partners_text(services.rank_partners_for(company_id="c3"))
