"""A company's people maintain its solutions through the API with a personal key: the registry's services
write, the web page's form checks, and a key of company A cannot touch B's solutions (404)."""

import pytest

from itkoop.accounts import services as accounts
from itkoop.registry.models import Solution

from ..factories import CompanyFactory, SolutionFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db


def _auth(user) -> dict:
    _token, key = accounts.api_token_create(actor=user, name="Test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def company_a(mini_catalog):
    return CompanyFactory(external_id="firma-a", name="Firma A")


@pytest.fixture
def key_a(company_a):
    return _auth(member_of(company_a))


BODY = {
    "name": "Shop-Anbindung",
    "capabilities": ["online-shop"],
    "provides": ["bmecat"],
    "price_eur_month": 49.5,
}


def _post(client, body, auth):
    return client.post("/api/v1/solutions/", body, content_type="application/json", **auth)


def test_member_creates_a_solution_of_their_company(client, company_a, key_a):
    response = _post(client, {**BODY, "company": "firma-a"}, key_a)
    assert response.status_code == 201, response.content
    data = response.json()
    assert (
        data["company"] == "firma-a"
        and data["capabilities"] == ["online-shop"]
        and data["price_eur_month"] == 49.5
    )
    solution = Solution.objects.get(external_id=data["id"])
    assert solution.company == company_a and "shop" in solution.search_document
    assert client.get(f"/api/v1/solutions/{data['id']}/").json()["name"] == "Shop-Anbindung"


def test_writes_need_a_key(client, company_a):
    response = _post(client, {**BODY, "company": "firma-a"}, {})
    assert response.status_code == 401
    assert not Solution.objects.filter(company=company_a).exists()


def test_no_solutions_for_someone_elses_company(client, company_a, mini_catalog):
    response = _post(client, {**BODY, "company": "c1"}, _auth(member_of(CompanyFactory())))
    assert response.status_code == 403
    assert _post(client, {**BODY, "company": "gibt-es-nicht"}, _auth(member_of(company_a))).status_code == 400


def test_key_of_company_a_cannot_touch_b_solutions(client, key_a, mini_catalog):
    before = Solution.objects.get(external_id="s1")
    path = "/api/v1/solutions/s1/"
    assert (
        client.patch(path, {"name": "gekapert"}, content_type="application/json", **key_a).status_code == 404
    )
    assert client.put(path, {**BODY}, content_type="application/json", **key_a).status_code == 404
    assert client.delete(path, **key_a).status_code == 404
    after = Solution.objects.get(external_id="s1")
    assert after.name == before.name


def test_member_changes_and_deletes_own_solution(client, company_a, key_a):
    solution = SolutionFactory(company=company_a, name="Alt")
    path = f"/api/v1/solutions/{solution.external_id}/"
    response = client.patch(
        path, {"description": "Neu beschrieben"}, content_type="application/json", **key_a
    )
    assert response.status_code == 400 and "capabilities" in response.json()  # the page's rule: one at least
    response = client.patch(path, {"capabilities": ["online-shop"]}, content_type="application/json", **key_a)
    assert response.status_code == 200 and response.json()["name"] == "Alt"
    response = client.put(
        path, {"name": "Neu", "capabilities": ["erp"]}, content_type="application/json", **key_a
    )
    assert response.json()["name"] == "Neu" and response.json()["capabilities"] == ["erp"]
    assert client.delete(path, **key_a).status_code == 204
    assert not Solution.objects.filter(pk=solution.pk).exists()


def test_hub_staff_maintain_solutions_of_their_hub(client, company_a):
    staff = hub_staff(company_a.hub_id)
    response = _post(client, {**BODY, "company": "firma-a"}, _auth(staff))
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"capabilities": ["gibt-es-nicht"]}, "capabilities"),
        ({"capabilities": []}, "capabilities"),
        ({"price_eur_month": -1}, "price_eur_month"),
        ({"price_eur_month": 10**400}, "price_eur_month"),
        ({"name": "x" * 201}, "name"),
        ({"name": "a\x00b"}, "name"),
        ({"deployment": ["cloud"]}, "deployment"),
        ({"provides": ["x"] * 101}, "provides"),
        ({"hosting_country": "DEU"}, "hosting_country"),
        ({"price_eur_month": True}, "price_eur_month"),
    ],
)
def test_bad_values_are_refused_field_by_field(client, key_a, body, field):
    response = _post(client, {**BODY, "company": "firma-a", **body}, key_a)
    assert response.status_code == 400 and field in response.json()
    assert not Solution.objects.filter(company__external_id="firma-a").exists()


@pytest.mark.parametrize(
    "raw",
    [
        '{"name": NaN}',
        '{"name": Infinity}',
        "[" * 100_000 + "]" * 100_000,
        '{"name": 1' + "0" * 5000 + "}",
        "{",
    ],
)
def test_malformed_json_is_a_400(client, key_a, raw):
    response = client.post("/api/v1/solutions/", raw, content_type="application/json", **key_a)
    assert response.status_code == 400 and "detail" in response.json()


def test_writes_with_a_key_have_their_own_rate_limit(client, company_a, key_a, monkeypatch):
    from itkoop.api.throttling import TokenThrottle

    monkeypatch.setattr(
        TokenThrottle, "THROTTLE_RATES", {"anon": "1000/min", "token": "1000/min", "token_write": "2/min"}
    )
    codes = [_post(client, {**BODY, "company": "firma-a"}, key_a).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    assert client.get("/api/v1/solutions/", **key_a).status_code == 200


def test_a_kind_of_deployment_or_a_language_named_twice_is_kept_once(client, company_a, key_a):
    body = {**BODY, "company": "firma-a", "deployment": ["saas", "saas", "hybrid"], "languages": ["de", "de"]}
    response = _post(client, body, key_a)
    assert response.status_code == 201, response.content
    assert response.json()["deployment"] == ["saas", "hybrid"] and response.json()["languages"] == ["de"]
    solution = Solution.objects.get(external_id=response.json()["id"])
    assert solution.deployment == ["saas", "hybrid"] and solution.languages == ["de"]


def test_a_session_write_without_csrf_token_is_refused_in_the_apis_words(company_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member_of(company_a))
    response = _post(client, {**BODY, "company": "firma-a"}, {})
    assert response.status_code == 403
    assert "CSRF-Token" in response.json()["detail"] and "Failed" not in response.json()["detail"]
    assert not Solution.objects.filter(company=company_a).exists()
