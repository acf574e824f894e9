"""Text pasted with decomposed umlauts (Unicode NFD, as macOS and PDFs produce it) is understood like the
same text typed (NFC): searched, matched and stored alike (issue 10, 8d)."""

import json
import unicodedata

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from itkoop.core.middleware import NormalizeUnicodeMiddleware
from itkoop.engine import analyse_need, builtin_taxonomy_dict, taxonomy_from_dict
from itkoop.registry.models import Company
from itkoop.registry.selectors import CatalogFilters, search_solutions
from itkoop.registry.services import refresh_solution_search

from ..factories import CompanyFactory, SolutionFactory, member_of


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text  # the example really is decomposed
    return decomposed


def _seen_by_view(request):
    seen = {}

    def view(req):
        seen["GET"], seen["POST"] = req.GET.copy(), req.POST.copy()
        if req.content_type == "application/json":
            seen["body"] = req.body
        return HttpResponse()

    NormalizeUnicodeMiddleware(view)(request)
    return seen


def test_the_middleware_normalizes_query_form_and_json():
    factory = RequestFactory()
    seen = _seen_by_view(factory.get("/", {nfd("Größe"): nfd("Müller")}))
    assert seen["GET"]["Größe"] == "Müller"
    seen = _seen_by_view(factory.post("/", {"name": nfd("Bäckerei Müller")}))
    assert seen["POST"]["name"] == "Bäckerei Müller"
    body = json.dumps({"text": nfd("Lösung"), "labels": [nfd("für")]})  # \u escapes, as most clients send
    seen = _seen_by_view(factory.post("/", body, content_type="application/json"))
    assert json.loads(seen["body"]) == {"text": "Lösung", "labels": ["für"]}


def test_a_file_upload_keeps_its_bytes():
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = nfd("Übersicht").encode()
    request = RequestFactory().post("/", {"name": nfd("Ü"), "file": SimpleUploadedFile("a.txt", content)})

    def view(req):
        assert req.POST["name"] == "Ü"
        assert req.FILES["file"].read() == content
        return HttpResponse()

    NormalizeUnicodeMiddleware(view)(request)


@pytest.mark.django_db
def test_catalog_search_finds_decomposed_text():
    solution = SolutionFactory(
        name="Backstube", description="Warenwirtschaft für Bäckereien und Getränkehändler"
    )
    refresh_solution_search(solution)
    assert list(search_solutions(CatalogFilters(text=nfd("Getränkehändler")))) == [solution]


@pytest.mark.django_db
def test_catalog_search_page_finds_decomposed_text(client):
    solution = SolutionFactory(name="Backstube", description="Warenwirtschaft für Getränkehändler")
    refresh_solution_search(solution)
    response = client.get(reverse("registry:search"), {"q": nfd("Getränkehändler")})
    assert "Backstube" in response.content.decode()


def test_matching_understands_decomposed_text():
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    text = "Wir suchen Software für die Buchführung und die Dienstpläne"
    found = analyse_need(nfd(text), taxonomy).capability_ids
    assert set(found) == {"accounting", "time-tracking"} == set(analyse_need(text, taxonomy).capability_ids)


@pytest.mark.django_db
def test_matching_api_understands_decomposed_text(client, mini_catalog):
    response = client.post(
        "/api/v1/match/", {"text": nfd("Wir brauchen Dienstpläne")}, content_type="application/json"
    )
    need = response.json()["need"]
    assert need["text"] == "Wir brauchen Dienstpläne"
    assert [c["id"] for c in need["capabilities"]] == ["time-tracking"]


@pytest.mark.django_db
def test_deeply_nested_json_with_non_ascii_text_is_a_400_not_a_500(client):
    """The middleware parses non-ASCII JSON bodies before the API does; nesting too deep for Python's parser
    must reach the API's parser (a 400) instead of breaking the middleware."""
    body = "[" * 100_000 + '"\\u00fc"' + "]" * 100_000
    response = client.post("/api/v1/match/", body, content_type="application/json")
    assert response.status_code == 400 and "detail" in response.json()


@pytest.mark.django_db
def test_a_form_stores_pasted_text_composed(client):
    company = CompanyFactory(hub_id="kassel", name="Alt GmbH")
    client.force_login(member_of(company))
    form = {"name": nfd("Bäckerei Müller GmbH"), "kind": "provider", "postal_code": "34119", "hub": "kassel"}
    response = client.post(reverse("registry:company_edit", args=[company.external_id]), form)
    assert response.status_code == 302
    assert Company.objects.get(pk=company.pk).name == "Bäckerei Müller GmbH"


def test_line_breaks_of_a_text_area_count_one_character_each():
    # a browser sends a text area's line breaks as CRLF; its maxlength counted each as one
    factory = RequestFactory()
    seen = _seen_by_view(factory.post("/", {"body": "Zeile 1\r\nZeile 2\rZeile 3"}))
    assert seen["POST"]["body"] == "Zeile 1\nZeile 2\nZeile 3"
    seen = _seen_by_view(factory.get("/", {"text": "a\r\nb"}))
    assert seen["GET"]["text"] == "a\nb"


@pytest.mark.django_db
def test_a_need_at_the_limit_with_line_breaks_is_taken(client):
    # 2,000 characters as the text area counts them, 26 of them line breaks the browser sends as two
    lines = ["Wir brauchen eine neue Warenwirtschaft."] * 27
    text = "\n".join(lines)
    text += "x" * (2000 - len(text))
    assert len(text) == 2000
    response = client.get(reverse("matching:need"), {"text": text.replace("\n", "\r\n")})
    page = response.content.decode()
    assert response.status_code == 200
    assert "höchstens 2000 Zeichen" not in page
    assert "Das haben wir verstanden" in page
