"""The need page says what it read: refused capabilities, systems the customer has, capabilities beyond one
need's limit, and "nothing understood" apart from "no provider"."""

import html

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _page(client, text, prefix=""):
    response = client.get(prefix + reverse("matching:need"), {"text": text})
    assert response.status_code == 200
    return response.content.decode()


def test_a_refused_capability_is_named_and_not_offered(client, mini_catalog):
    page = _page(client, "Wir brauchen keinen Onlineshop, nur eine Warenwirtschaft")
    assert "Nicht gewünscht, daher nicht gesucht:" in page and "Onlineshop" in page


def test_a_system_already_there_is_named(client, mini_catalog):
    page = _page(client, "Wir haben schon eine Warenwirtschaft und brauchen einen Onlineshop")
    assert "Ihre vorhandenen Systeme:" in page and "Warenwirtschaft / ERP (anbindbar über BMEcat)" in page


def test_capabilities_beyond_the_limit_are_listed_not_dropped(client, mini_catalog):
    text = (
        "Wir brauchen ERP, Buchhaltung, Lohnabrechnung, Zeiterfassung, CRM, Onlineshop, Newsletter, "
        "Website, Ticketsystem, Backup, Firewall und Videokonferenzen."
    )
    page = _page(client, text)
    assert "Ihr Text nennt mehr als 10 Bausteine" in page
    assert "nicht berücksichtigt:" in page


def test_nothing_understood_shows_no_offer_section(client, mini_catalog):
    page = _page(client, "Guten Tag, wie geht es Ihnen heute?")
    assert "keine bekannte Leistung erkannt" in page
    assert 'id="bundles-heading"' not in page


def test_understood_without_provider_says_so(client, mini_catalog):
    page = _page(client, "Wir brauchen eine Praxissoftware")
    assert 'id="bundles-heading"' in page
    assert "noch kein passendes Angebot" in page


def test_the_messages_in_english(client, mini_catalog):
    page = _page(client, "We do not need an online shop, only an ERP", prefix="/en")
    assert "Not wanted, so not searched for:" in page


def test_the_words_a_capability_came_from_are_not_repeated(client, mini_catalog):
    # It read: Handwerkersoftware aus „Angebote und Rechnungen, angebote“ (one word, read twice).
    page = html.unescape(
        client.get(
            reverse("matching:need"),
            {"text": "Schreinerei, wir brauchen eine Software für die Angebote und Rechnungen"},
        ).content.decode()
    )
    assert "aus „Angebote und Rechnungen“" in page
