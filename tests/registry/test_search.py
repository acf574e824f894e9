"""Catalog search: German compounds and stems, filters, pagination; alike on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from itkoop.registry.selectors import CatalogFilters, search_companies, search_solutions
from itkoop.registry.services import refresh_company_search, refresh_solution_search

from ..factories import CompanyFactory, SolutionFactory

pytestmark = pytest.mark.django_db


def _solution(name, description, capabilities=(), hub="kassel", postal_code="34117", provides=()):
    company = CompanyFactory(hub_id=hub, postal_code=postal_code)
    solution = SolutionFactory(company=company, name=name, description=description)
    solution.capabilities.set(capabilities)
    solution.provides.set(provides)
    refresh_solution_search(solution)
    refresh_company_search(company)
    return solution


def test_compound_query_finds_its_parts():
    fibu = _solution("Kontor", "Buchhaltung für kleine Betriebe")
    _solution("Lagerprofi", "Lagerverwaltung")
    found = list(search_solutions(CatalogFilters(text="Buchhaltungssoftware")))
    assert found == [fibu]


def test_inflected_words_match_their_lemma():
    shop = _solution("Shopwerk", "Wir bauen Onlineshops für Händler")
    assert list(search_solutions(CatalogFilters(text="Onlineshop"))) == [shop]


def test_every_query_word_must_match():
    _solution("A", "Zeiterfassung")
    both = _solution("B", "Zeiterfassung und Lohnabrechnung")
    assert list(search_solutions(CatalogFilters(text="Zeiterfassung Lohnabrechnung"))) == [both]


def test_filters_by_capability_standard_hub_postcode():
    erp = _solution(
        "ERP Nord", "Warenwirtschaft", ["erp"], hub="kassel", postal_code="34117", provides=["datev"]
    )
    _solution("ERP Süd", "Warenwirtschaft", ["erp"], hub="karlsruhe", postal_code="76131")
    _solution("Shop", "Shop", ["online-shop"], hub="kassel", postal_code="34121")
    assert list(search_solutions(CatalogFilters(capabilities=["erp"], hub="kassel"))) == [erp]
    assert list(search_solutions(CatalogFilters(standards=["datev"]))) == [erp]
    assert {s.name for s in search_solutions(CatalogFilters(postal_code="34"))} == {"ERP Nord", "Shop"}
    assert search_companies(CatalogFilters(capabilities=["erp"], postal_code="76")).count() == 1


def test_search_page_paginates_and_shows_counts(client):
    for n in range(25):
        _solution(f"Zeitwerk {n:02d}", "Zeiterfassung in der Cloud")
    first = client.get(reverse("registry:search"), {"q": "Zeiterfassung"})
    assert "25 Treffer" in first.content.decode()
    assert "Seite 1 von 2" in first.content.decode()
    second = client.get(reverse("registry:search"), {"q": "Zeiterfassung", "page": 2})
    assert second.content.decode().count("Zeitwerk") >= 5


def test_search_page_refuses_bad_postcode_clearly(client):
    response = client.get(reverse("registry:search"), {"plz": "abc"})
    assert response.status_code == 200
    assert "Bitte geben Sie nur Ziffern ein" in response.content.decode()


def test_company_and_solution_pages_show_the_profile(client, mini_catalog):
    response = client.get(reverse("registry:company", args=["c1"]))
    body = response.content.decode()
    assert (
        "Nordlicht ERP GmbH" in body
        and "Nordlicht Warenwirtschaft" in body
        # the seeded label's own spelling; a company's tag of it is its own word until a solution is certified
        and "Software Made in Germany (selbst erklärt)" in body
    )
    body = client.get(reverse("registry:solution", args=["s1"])).content.decode()
    assert "DATEV-Format" in body and "BMEcat" in body
    assert client.get(reverse("registry:company", args=["nope"])).status_code == 404


HOME_EXAMPLE = "Buchhaltungssoftware mit DATEV-Schnittstelle"


@pytest.fixture
def accounting_catalog():
    """Demo-like solutions: the texts say "Buchhaltung" and name DATEV as a standard or a word, never
    "Buchhaltungssoftware" nor "DATEV-Schnittstelle"."""
    return {
        "fibu": _solution(
            "Kontor FiBu", "Finanzbuchhaltung für kleine Betriebe", ["accounting"], provides=["datev"]
        ),
        "export": _solution("Belegfix", "Buchhaltung mit DATEV Export für Steuerberater"),
        "no_datev": _solution("Kassenbuch", "Buchhaltung für Vereine"),
        "no_accounting": _solution("Stempeluhr", "Zeiterfassung mit DATEV-Anbindung"),
    }


def test_the_home_page_example_finds_accounting_with_datev(accounting_catalog):
    found = set(search_solutions(CatalogFilters(text=HOME_EXAMPLE)))
    assert found == {accounting_catalog["fibu"], accounting_catalog["export"]}
    assert found == set(search_solutions(CatalogFilters(text="Buchhaltung DATEV")))


def test_the_home_page_example_on_the_search_page(client, accounting_catalog):
    body = client.get(reverse("registry:search"), {"q": HOME_EXAMPLE}).content.decode()
    assert "Kontor FiBu" in body and "Belegfix" in body and "Kassenbuch" not in body


def test_a_hyphenated_query_word_finds_its_parts_apart_and_hyphenated(accounting_catalog):
    found = set(search_solutions(CatalogFilters(text="DATEV-Anbindung Zeiterfassung")))
    assert found == {accounting_catalog["no_accounting"]}
    assert set(search_solutions(CatalogFilters(text="Zeiterfassung DATEV"))) == found


def test_a_generic_word_alone_still_searches():
    interface = _solution("Brücke", "Schnittstelle zwischen Shop und Warenwirtschaft")
    _solution("Lager", "Lagerverwaltung")
    assert list(search_solutions(CatalogFilters(text="Schnittstelle"))) == [interface]


def _text(response) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_search_without_hits_says_what_to_try_not_to_check_the_input(client):
    _solution("Kontor", "Buchhaltung für kleine Betriebe")
    text = _text(client.get(reverse("registry:search"), {"q": "Buchhaltung Raumfahrt"}))
    assert "Bitte prüfen Sie Ihre Eingaben" not in text and "0 Treffer" in text
    assert "ein allgemeineres Wort" in text
    assert "Das findet etwas: Buchhaltung (1 Treffer)" in text


def test_a_search_without_hits_because_of_filters_names_them_and_offers_the_words_alone(client):
    _solution("Kontor", "Buchhaltung für kleine Betriebe", hub="kassel")
    response = client.get(reverse("registry:search"), {"q": "Buchhaltung", "hub": "berlin"})
    text = _text(response)
    assert "Nehmen Sie Filter heraus" in text and "Buchhaltung (1 Treffer, ohne Filter)" in text
    assert "?q=Buchhaltung&amp;show=solutions" in response.content.decode()


def test_an_invalid_search_names_the_field(client):
    text = _text(client.get(reverse("registry:search"), {"plz": "abc"}))
    assert "Bitte korrigieren Sie die markierten Angaben" in text
    assert "Bitte geben Sie nur Ziffern ein" in text
