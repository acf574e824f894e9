"""The partners page, its API and its links as a new user meets them: every odd input gets a clear message in
the page's language, never a 500 nor an empty list that reads as "nobody fits"."""

import pytest
from django.urls import reverse

from itkoop.registry.models import Company
from tests.factories import CompanyFactory, member_of

pytestmark = pytest.mark.django_db


def _page(client, company="c3", lang="de", **params):
    url = reverse("matching:partners", args=[company])
    return client.get(f"/en{url}" if lang == "en" else url, params)


def _alert(response) -> str:
    body = response.content.decode()
    start = body.find('role="alert">')
    return body[start + len('role="alert">') : body.find("</p>", start)] if start >= 0 else ""


@pytest.fixture
def located(mini_catalog):
    """Kassel, Aachen and Berlin where the mini catalog's companies are (it has no coordinates)."""
    for external_id, lat, lon in (("c1", 51.31, 9.48), ("c2", 50.78, 6.08), ("c3", 52.52, 13.40)):
        Company.objects.filter(external_id=external_id).update(lat=lat, lon=lon)


@pytest.mark.parametrize("km", ["0", "-1", "99999", "abc", "1e9", "50.5"])
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("de", "Bitte wählen Sie einen Umkreis aus der Liste."),
        ("en", "Please choose a radius from the list."),
    ],
)
def test_a_radius_not_on_the_list_gets_a_message_in_the_pages_language(client, located, km, lang, message):
    response = _page(client, lang=lang, km=km, need="Buchhaltung")
    assert response.status_code == 200
    assert _alert(response) == message


def test_a_radius_for_a_company_without_a_location_is_refused_with_a_message(client, mini_catalog):
    german = _page(client, company="c1", km="100")
    english = _page(client, company="c1", lang="en", km="100", need="Accounting")
    assert german.status_code == english.status_code == 200
    assert _alert(german).startswith("Für dieses Unternehmen ist kein Standort hinterlegt.")
    # the German words until the lead adds the English msgstr
    assert _alert(english).startswith(("No location is recorded for this company.", "Für dieses Unternehmen"))
    api = client.get("/api/v1/partners/c1/", {"max_km": 100})
    assert api.status_code == 400 and "kein Standort" in api.json()["detail"]


def test_a_radius_for_a_located_company_lists_partners_with_their_distance(client, located):
    response = _page(client, company="c1", km="500")
    assert response.status_code == 200 and not _alert(response)
    assert "km entfernt" in response.content.decode()


def test_a_need_of_only_spaces_is_no_need_rather_than_an_error(client, mini_catalog):
    response = _page(client, need="   \n  ")
    assert response.status_code == 200
    assert not _alert(response)
    assert "Nordlicht ERP GmbH" in response.content.decode()


def test_a_need_over_the_limit_by_one_is_refused_in_english_too(client, mini_catalog):
    response = _page(client, lang="en", need="x" * 2001)
    assert response.status_code == 200
    assert _alert(response) == "Please describe the need more briefly (at most 2000 characters)."


def test_a_company_with_nothing_to_go_on_is_told_what_would_help(client, mini_catalog):
    CompanyFactory(external_id="leer", name="Leer GmbH", lat=None, lon=None)
    body = _page(client, company="leer").content.decode()
    assert "Noch keine Vorschläge: Dafür braucht das Profil eine Beschreibung" in body


def test_an_unknown_company_is_not_found_on_the_page_and_in_the_api(client, mini_catalog):
    assert _page(client, company="gibt-es-nicht").status_code == 404
    english = client.get("/api/v1/partners/gibt-es-nicht/", HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 404 and english.json()["detail"] == "Unknown company 'gibt-es-nicht'."


@pytest.mark.parametrize("max_km", ["abc", "0", "-1", "99999", "1e9"])
def test_the_api_refuses_a_bad_radius_in_english(client, mini_catalog, max_km):
    response = client.get("/api/v1/partners/c3/", {"max_km": max_km}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert list(response.json()) == ["max_km"]
    assert response.json()["max_km"][0].isascii()  # English, not "Stellen Sie sicher ..."


def test_the_company_page_links_its_members_to_the_partner_search(client, mini_catalog):
    company = Company.objects.get(external_id="c3")
    client.force_login(member_of(company))
    body = client.get(company.get_absolute_url()).content.decode()
    assert reverse("matching:partners", args=["c3"]) in body
    assert "Passende Partner finden" in body


def test_my_area_links_each_of_my_companies_to_its_partner_search(client, mini_catalog):
    company = Company.objects.get(external_id="c3")
    client.force_login(member_of(company))
    body = client.get(reverse("dashboard:index")).content.decode()
    assert reverse("matching:partners", args=["c3"]) in body


def test_a_visitor_is_told_whom_the_reasons_address_and_a_member_is_not(client, mini_catalog):
    note = "Die Vorschläge sind für Kontor Finanzsoftware KG geschrieben"
    assert note in _page(client).content.decode()
    client.force_login(member_of(Company.objects.get(external_id="c3")))
    assert note not in _page(client).content.decode()


def test_the_radius_hint_of_a_company_without_a_location_says_what_to_do(client, mini_catalog):
    body = _page(client).content.decode()
    assert "Für dieses Unternehmen ist kein Standort hinterlegt: Suchen Sie ohne Umkreis." in body
