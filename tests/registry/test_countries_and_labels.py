"""Countries are taken as names or codes and shown as names; stored codes never reach a page (issue 10, 8g):
hosting country "Deutschland" was stored and shown as "De", and "saas", "de" appeared on pages."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from itkoop.registry.catalog_io import import_catalog
from itkoop.registry.models import Company, Solution
from itkoop.registry.services import CatalogError

from ..factories import CompanyFactory, SolutionFactory, center_admin, member_of
from .test_admin import _posted

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return CompanyFactory(hub_id="kassel", name="Nordlicht GmbH")


def _create_solution(client, company, **fields):
    client.force_login(member_of(company))
    data = {"name": "Cloudkasse", "capabilities": ["accounting"], **fields}
    return client.post(reverse("registry:solution_create", args=[company.external_id]), data)


@pytest.mark.parametrize("typed", ["Deutschland", "deutschland", "Germany", "DE", "de"])
def test_a_hosting_country_by_name_or_code_is_stored_as_its_code(client, company, typed):
    response = _create_solution(client, company, hosting_country=typed)
    assert response.status_code == 302, response.context["form"].errors
    assert Solution.objects.get(name="Cloudkasse").hosting_country == "DE"


def test_an_unknown_country_is_a_clear_form_error(client, company):
    response = _create_solution(client, company, hosting_country="Atlantis")
    assert response.status_code == 200
    assert "Dieses Land ist uns nicht bekannt" in response.content.decode()
    assert not Solution.objects.exists()


def _visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_the_solution_page_shows_words_not_codes(client, company):
    solution = SolutionFactory(
        company=company, hosting_country="DE", deployment=["saas", "on-premise"], languages=["de", "en"]
    )
    text = _visible_text(client.get(solution.get_absolute_url()).content.decode())
    assert "Deutschland" in text and "SaaS, On-Premise" in text and "Deutsch, Englisch" in text
    assert not re.search(r"\b(saas|on-premise|de, en)\b", text)
    english = _visible_text(client.get("/en" + solution.get_absolute_url()).content.decode())
    assert "Germany" in english and "German, English" in english


def test_the_company_page_shows_country_and_markets_by_name(client):
    company = CompanyFactory(country="AT", city="Wien", export_markets=["CH", "LU"], languages=["de", "fr"])
    text = _visible_text(client.get(reverse("registry:company", args=[company.external_id])).content.decode())
    assert "Wien, Österreich" in text and "Schweiz, Luxemburg" in text and "Deutsch, Französisch" in text
    assert not re.search(r"\b(CH, LU|de, fr)\b", text)


def test_the_admin_takes_a_country_by_name(client, company):
    client.force_login(center_admin())
    url = reverse("admin:registry_company_change", args=[company.pk])
    assert client.post(url, _posted(client.get(url), country="Österreich")).status_code == 302
    company.refresh_from_db()
    assert company.country == "AT"


def _catalog(**fields):
    solution = {"id": "neu1-s", "name": "Kasse", "hosting_country": fields.pop("hosting_country", "")}
    return {
        "format": "itkoop-catalog/1",
        "companies": [{"id": "neu1", "name": "Neu GmbH", **fields, "solutions": [solution]}],
    }


def test_an_import_takes_country_names():
    import_catalog(
        _catalog(country="Deutschland", export_markets=["Österreich", "CH"], hosting_country="Germany"),
        attested_from_file=True,
    )
    company = Company.objects.get(external_id="neu1")
    assert (company.country, company.export_markets) == ("DE", ["AT", "CH"])
    assert company.solutions.get().hosting_country == "DE"


def test_an_import_refuses_an_unknown_country_naming_its_place():
    with pytest.raises(CatalogError, match=r"companies\[0\]\.export_markets\[1\].*'Atlantis'"):
        import_catalog(_catalog(export_markets=["AT", "Atlantis"]), attested_from_file=True)
    assert not Company.objects.exists()


def test_a_label_with_an_english_name_shows_it_on_english_pages(client):
    from itkoop.registry.models import Label

    label = Label.objects.create(
        slug="idw-ps-880",
        name="IDW PS 880 (Softwarebescheinigung)",
        name_en="IDW PS 880 (software certification)",
    )
    plain = Label.objects.create(slug="iso-9001", name="ISO 9001")
    company = CompanyFactory(name="Nordlicht GmbH")
    company.labels.add(label, plain)
    german = _visible_text(client.get(company.get_absolute_url()).content.decode())
    assert "IDW PS 880 (Softwarebescheinigung)" in german and "ISO 9001" in german
    english = _visible_text(client.get("/en" + company.get_absolute_url()).content.decode())
    assert "IDW PS 880 (software certification)" in english and "ISO 9001" in english
    assert "Softwarebescheinigung" not in english
    assert "Quality labels" in english  # more than one (a new-user probe read "Quality label" above three)
    with override("de"):
        need_path = reverse("matching:need")
    need_form = client.get("/en" + need_path).content.decode()
    assert "IDW PS 880 (software certification)" in need_form and "Softwarebescheinigung" not in need_form
