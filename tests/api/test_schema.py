"""The OpenAPI description is generated from the code, valid, and covers every endpoint; the docs page
shows it with assets the site serves itself."""

import json

import pytest
from django.urls import reverse
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("/api/v1/companies/", "get"),
    ("/api/v1/companies/{external_id}/", "get"),
    ("/api/v1/solutions/", "get"),
    ("/api/v1/solutions/{external_id}/", "get"),
    ("/api/v1/capabilities/", "get"),
    ("/api/v1/capabilities/{id}/", "get"),
    ("/api/v1/standards/", "get"),
    ("/api/v1/standards/{id}/", "get"),
    ("/api/v1/match/", "post"),
    ("/api/v1/partners/{external_id}/", "get"),
    ("/api/v1/events/", "get"),
    ("/api/v1/events/{id}/", "get"),
    ("/api/v1/events/{id}/ics/", "get"),
    ("/api/v1/profiles/", "get"),
    ("/api/v1/profiles/{id}/", "get"),
}


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_schema_is_valid_openapi_3(spec):
    assert spec["openapi"].startswith("3.")
    validate_schema(spec)


def test_schema_covers_every_endpoint(spec):
    operations = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert operations >= OPERATIONS


def test_match_and_partners_name_their_documents(spec):
    match = spec["paths"]["/api/v1/match/"]["post"]
    body = match["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    answer = match["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    schemas = spec["components"]["schemas"]
    assert set(schemas[body.rsplit("/", 1)[1]]["properties"]) == {
        "text",
        "top",
        "hub",
        "max_partners",
        "labels",
        "add_capabilities",
        "remove_capabilities",
        "must_standards",
        "deployment",
    }
    assert set(schemas[answer.rsplit("/", 1)[1]]["properties"]) == {"need", "bundles", "stats", "status"}
    partners = spec["paths"]["/api/v1/partners/{external_id}/"]["get"]
    assert {p["name"] for p in partners["parameters"]} == {"external_id", "need", "top", "max_km"}


def test_ics_is_described_as_a_calendar(spec):
    ok = spec["paths"]["/api/v1/events/{id}/ics/"]["get"]["responses"]["200"]
    assert list(ok["content"]) == ["text/calendar"]


def test_unknown_api_paths_answer_in_json(client):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_nul_byte_in_an_api_query_is_a_json_400(client):
    response = client.get("/api/v1/companies/", {"page": "1\x00"})
    assert response.status_code == 400 and response.json() == {"detail": "Ungültige Anfrage."}


def test_docs_page_loads_swagger_ui_from_the_site_itself(client):
    html = client.get(reverse("api_pages:docs")).content.decode()
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "/static/api/docs.js" in html
    assert 'data-schema-url="/api/v1/schema/?format=json"' in html
    assert "<script>" not in html  # no inline script: the CSP allows only files of the site


def test_writes_name_both_ways_to_sign_in(spec):
    """A personal API key, or the session of a signed-in page (with its CSRF token)."""
    assert set(spec["components"]["securitySchemes"]) == {"apiToken", "cookieAuth"}
    assert spec["paths"]["/api/v1/solutions/"]["post"]["security"] == [{"apiToken": []}, {"cookieAuth": []}]
