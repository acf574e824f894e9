"""The need page explains each offer in the page's language: how it connects to the systems the customer
already runs, the tie rule, and 100 % for a perfect answer from one provider."""

import pytest
from django.urls import reverse

from itkoop.matching.adapter import forget_catalog
from itkoop.matching.presenters import score_percent
from itkoop.registry.models import Company

pytestmark = pytest.mark.django_db

_HAS_ERP_DE = "Wir haben schon eine Warenwirtschaft und brauchen einen Onlineshop"
_HAS_ERP_EN = "We already run an ERP and need an online shop"


def _page(client, text, prefix=""):
    response = client.get(prefix + reverse("matching:need"), {"text": text})
    assert response.status_code == 200
    return response.content.decode()


def test_the_german_page_says_how_the_offer_connects_to_the_existing_system(client, mini_catalog):
    page = _page(client, _HAS_ERP_DE)
    assert (
        "Verbindet sich mit Ihrem vorhandenen System „Warenwirtschaft / ERP“: Shopwerk über BMEcat." in page
    )
    assert "Gleichstand: Bei gleicher Bewertung entscheidet zuerst die Anbindung" in page
    assert "Connects to" not in page


@pytest.mark.parametrize("text", [_HAS_ERP_EN, _HAS_ERP_DE])
def test_the_english_page_explains_in_english_whatever_the_texts_language(client, mini_catalog, text):
    page = _page(client, text, prefix="/en")
    assert "Connects to your existing system “ERP”: Shopwerk through BMEcat." in page
    assert "Ties: with an equal rating, first the connection to your existing systems decides" in page
    assert "Verbindet sich" not in page and "Deckt " not in page


def test_a_perfect_single_provider_answer_shows_100_percent(client, mini_catalog):
    Company.objects.filter(external_id="c2").update(verified=True)
    forget_catalog()
    assert "Passt zu 100 % zu Ihrem Bedarf" in _page(client, "Wir brauchen einen Onlineshop")
    assert "100 % match with your need" in _page(client, "We need an online shop", prefix="/en")


def test_an_unverified_provider_reads_below_100_percent(client, mini_catalog):
    page = _page(client, "Wir brauchen einen Onlineshop")
    assert "Passt zu 100 %" not in page and "Passt zu 93 % zu Ihrem Bedarf" in page
    # and says why (a new-user probe asked what the missing percent were)
    assert "(Abzüge: 1 Profil nicht geprüft)" in page
    english = _page(client, "We need an online shop", prefix="/en")
    assert "(deducted: 1 profile not verified)" in english


def test_a_perfect_answer_names_no_deduction(client, mini_catalog):
    Company.objects.filter(external_id="c2").update(verified=True)
    forget_catalog()
    assert "Abzüge" not in _page(client, "Wir brauchen einen Onlineshop")


@pytest.mark.parametrize(("score", "percent"), [(1.0, 100), (0.9996, 99), (0.994, 99), (0.925, 93), (0.0, 0)])
def test_only_a_perfect_score_reads_100_percent(score, percent):
    assert score_percent(score) == percent


def test_the_diagram_shows_the_existing_system_the_offer_connects_to(client, mini_catalog):
    page = _page(client, _HAS_ERP_DE)
    assert "Shopwerk ↔ Warenwirtschaft / ERP (vorhanden): BMEcat" in page
    assert "Shopwerk ist über BMEcat mit Ihrem vorhandenen System Warenwirtschaft / ERP verbunden" in page
    assert "Ihr vorhandenes System" in page and 'stroke-dasharray="6 4"' in page
    assert "Die Lösungen müssen keine Daten austauschen." not in page
    plain = _page(client, "Wir brauchen einen Onlineshop")
    assert "Ihr vorhandenes System" not in plain
    # one solution is no "solutions" (found by a new-user probe)
    assert "Eine einzige Lösung: Es ist keine Schnittstelle nötig." in plain
    assert "Die Lösungen müssen keine Daten austauschen." not in plain
    english = _page(client, "We need an online shop", prefix="/en")
    assert "A single solution: no interface is needed." in english


def test_the_home_need_field_takes_no_more_than_the_need_page(client, mini_catalog):
    from itkoop.matching.services import MAX_TEXT

    home = client.get("/").content.decode()
    assert f'id="home-need" name="text" rows="3" maxlength="{MAX_TEXT}"' in home


def test_an_offer_that_cannot_reach_an_existing_system_says_so_beside_covers_everything(client, mini_catalog):
    # found by a new-user probe: "deckt alles ab" stood alone above "Verbindet sich nicht mit ..."
    from itkoop.registry.models import Capability

    from ..factories import SolutionFactory

    blank = SolutionFactory(
        external_id="blank-erp", name="Blank ERP", company=Company.objects.get(external_id="c3")
    )
    blank.capabilities.add(Capability.objects.get(pk="erp"))
    forget_catalog()
    page = _page(client, "Wir haben schon einen Onlineshop und brauchen eine Warenwirtschaft")
    offers = page.split('class="card bundle"')[1:]
    blank_offer = next(o for o in offers if "Blank ERP" in o)
    assert "ohne Verbindung zu Ihrem System:</strong> Onlineshop" in blank_offer
    linked = next(o for o in offers if "Nordlicht Warenwirtschaft" in o)
    assert "ohne Verbindung zu Ihrem System" not in linked
    english = _page(client, "We already run an online shop and need an ERP", prefix="/en")
    assert "no connection to your system:</strong> Online shop" in english


def test_a_text_in_another_language_is_told_which_languages_are_read(client, mini_catalog):
    # a new-user probe's French need read "d'un" as dunning and showed offers
    page = _page(client, "Nous avons besoin d'un logiciel de comptabilité et d'une boutique en ligne")
    assert "keine bekannte Leistung erkannt" in page
    assert "Wir verstehen Texte auf Deutsch und Englisch." in page
    english = _page(client, "Nous avons besoin d'un logiciel de comptabilité et d'une boutique", prefix="/en")
    assert "We understand texts in German and English." in english
    assert "Wir verstehen Texte" not in _page(client, "Wir brauchen eine Lösung für unser Problem")
