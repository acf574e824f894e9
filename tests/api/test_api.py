"""The REST API serves the registry read-only and the engine through the same services as the pages."""

import pytest

from itkoop.registry.models import Solution

from ..factories import UserFactory

pytestmark = pytest.mark.django_db
NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


def test_match_returns_the_contract_document(client, mini_catalog):
    response = client.post("/api/v1/match/", {"text": NEED}, content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"need", "bundles", "stats", "status"}
    assert sorted(data["bundles"][0]["companies"]) == ["c1", "c2", "c3"]


@pytest.mark.parametrize(
    ("body", "field"), [({"text": ""}, "text"), ({"text": NEED, "top": 0}, "top"), ({}, "text")]
)
def test_match_refuses_bad_requests_with_400(client, mini_catalog, body, field):
    response = client.post("/api/v1/match/", body, content_type="application/json")
    assert response.status_code == 400 and field in response.json()


def test_match_unknown_hub_is_a_clear_400(client, mini_catalog):
    response = client.post(
        "/api/v1/match/", {"text": NEED, "hub": "hamburg"}, content_type="application/json"
    )
    assert response.status_code == 400 and "hamburg" in response.json()["detail"]


def test_partners(client, mini_catalog):
    data = client.get("/api/v1/partners/c3/").json()
    assert data["company"] == "c3" and "c3" not in [p["id"] for p in data["partners"]]
    assert client.get("/api/v1/partners/nobody/").status_code == 404


def test_companies_are_readable_and_not_writable(client, mini_catalog):
    assert client.get("/api/v1/companies/c1/").json()["solutions"] == ["s1"]
    assert client.get("/api/v1/solutions/s2/").json()["provides"] == ["bmecat"]
    client.force_login(UserFactory())
    assert client.delete("/api/v1/companies/c1/").status_code == 405
    assert (
        client.post("/api/v1/companies/", {"name": "x"}, content_type="application/json").status_code == 405
    )
    response = client.post("/api/v1/solutions/", {"name": "x"})  # a form, not JSON
    assert response.status_code == 400 and not Solution.objects.filter(name="x").exists()


def test_match_cut_by_its_budget_answers_with_a_bundle_not_claimed_optimal(client, mini_catalog, settings):
    settings.ITKOOP_MATCH_BUDGET_S = 1e-9
    response = client.post("/api/v1/match/", {"text": NEED}, content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["bundles"] and data["stats"]["optimal"] is False


@pytest.mark.parametrize(
    "path", ["companies", "solutions", "capabilities", "standards", "events", "profiles"]
)
def test_a_missing_object_is_a_404_in_the_apis_words(client, mini_catalog, path):
    missing = "99999" if path in ("events", "profiles") else "gibt-es-nicht"
    response = client.get(f"/api/v1/{path}/{missing}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Nicht gefunden."}  # not "No Company matches the given query."
