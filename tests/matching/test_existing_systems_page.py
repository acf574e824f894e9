"""The need page lists the systems the customer already runs, with the standards offers could connect to
them through, and one click makes such a connection a must (the corrections' ``must``) or takes it back."""

import html
import re

import pytest
from django.urls import reverse
from django.utils.translation import override

pytestmark = pytest.mark.django_db

HAS_ERP = "Wir haben schon eine Warenwirtschaft und brauchen einen Onlineshop"
HAS_ERP_EN = "We already run an ERP and need an online shop"


def _get(client, params, prefix=""):
    with override("de"):
        path = reverse("matching:need")
    response = client.get(prefix + path, params)
    assert response.status_code == 200
    return response.content.decode()


def _must_links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)" class="existing-must"', page)]


def _offers(page: str) -> str:
    return page.split('id="bundles-heading"', 1)[1] if 'id="bundles-heading"' in page else ""


def test_the_existing_system_is_listed_with_the_standard_offers_connect_through(client, mini_catalog):
    page = _get(client, {"text": HAS_ERP})
    assert "Ihre vorhandenen Systeme: Warenwirtschaft / ERP (anbindbar über BMEcat)." in page
    assert "Verbindung mit Warenwirtschaft / ERP über BMEcat zur Pflicht machen" in page
    (link,) = _must_links(page)
    assert "must=bmecat" in link and "text=" in link


def test_one_click_makes_the_connection_a_must_and_another_takes_it_back(client, mini_catalog):
    link = _must_links(_get(client, {"text": HAS_ERP}))[0]
    with override("de"):
        response = client.get(reverse("matching:need") + link)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Die Verbindung mit Warenwirtschaft / ERP über BMEcat ist Pflicht." in page
    assert 'value="bmecat" id="must-bmecat" checked' in page  # the corrections form agrees
    assert "Verbindung über BMEcat:" in _offers(page) and "Shopwerk" in _offers(page)
    (back,) = _must_links(page)
    assert "must=bmecat" not in back
    again = _get(client, {"text": HAS_ERP, **dict(_params(back))})
    assert "zur Pflicht machen" in again and "ist Pflicht." not in again


def _params(link: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl, urlsplit

    # a correction link reloads the page at what was understood
    assert urlsplit(link).fragment == "need-heading"
    return parse_qsl(urlsplit(link).query)


def test_the_offer_says_it_connects_to_the_existing_system(client, mini_catalog):
    offers = _offers(_get(client, {"text": HAS_ERP}))
    assert (
        "Verbindet sich mit Ihrem vorhandenen System „Warenwirtschaft / ERP“: Shopwerk über BMEcat." in offers
    )


def test_an_existing_system_no_offer_can_connect_to_is_said(client, mini_catalog):
    page = _get(client, {"text": "Wir haben schon ein Kassensystem und brauchen einen Onlineshop"})
    assert "Keine passende Lösung kann sich mit Ihrem vorhandenen System Kassensystem verbinden." in page
    assert _must_links(page) == []  # nothing to make a must, and no promise that connecting ranks higher
    assert "Die suchen wir nicht neu." in page and "stehen weiter oben" not in page
    assert "Verbindet sich nicht mit Ihrem vorhandenen System „Kassensystem“" in _offers(page)


def test_the_english_page_lists_the_system_in_english_and_the_offer_explains_in_english(client, mini_catalog):
    page = _get(client, {"text": HAS_ERP_EN}, prefix="/en")
    assert 'data-system="erp"' in page and "ERP" in page and "BMEcat" in page
    (link,) = _must_links(page)
    assert "must=bmecat" in link
    assert "Connects to your existing system “ERP”: Shopwerk through BMEcat." in _offers(page)


def test_the_english_page_applies_the_must_from_its_link(client, mini_catalog):
    link = _must_links(_get(client, {"text": HAS_ERP_EN}, prefix="/en"))[0]
    with override("en"):
        response = client.get(reverse("matching:need") + link)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="bmecat" id="must-bmecat" checked' in page
    assert "must=bmecat" not in _must_links(page)[0]


def test_a_must_link_beyond_the_limit_is_told_not_a_server_error(client, mini_catalog):
    musts = ["datev", "xrechnung", "zugferd", "peppol", "opentrans"]  # five: as many as can be a must
    page = _get(client, {"text": HAS_ERP, "must": musts})
    link = _must_links(page)
    assert link  # still offered; following it is refused with the form's message
    with override("de"):
        response = client.get(reverse("matching:need") + link[0])
    assert response.status_code == 200
    assert "Höchstens 5 Schnittstellen können Pflicht sein." in response.content.decode()


def test_the_must_link_keeps_the_other_corrections(client, mini_catalog):
    page = _get(client, {"text": HAS_ERP, "cap": "accounting", "must": "datev"})
    # the ERP connects to the shop through BMEcat and to the added accounting through DATEV (already a must)
    assert "Warenwirtschaft / ERP (anbindbar über BMEcat, DATEV-Format)" in page
    add_bmecat, drop_datev = (_params(link) for link in _must_links(page))
    assert ("cap", "accounting") in add_bmecat and {("must", "datev"), ("must", "bmecat")} <= set(add_bmecat)
    assert ("cap", "accounting") in drop_datev and not any(k == "must" for k, _v in drop_datev)


def test_the_standards_of_an_existing_system_are_listed_with_commas(client, mini_catalog):
    # Labels have slashes of their own ("CalDAV / iCalendar", "OpenAPI / REST"): joined with "/" they ran
    # together ("CalDAV / iCalendar/CSV / Excel-Import/OpenAPI / REST").
    page = _get(client, {"text": HAS_ERP, "cap": "accounting", "must": "datev"})
    assert "(anbindbar über BMEcat, DATEV-Format)" in page
    assert "BMEcat/DATEV" not in page
