"""The need page, its offers and the offer PDF name interface standards in the page's language: the English
page says "DATEV format (posting batch)" where the German one says "DATEV-Format" (the mini catalog's German
name; the English one comes from the taxonomy)."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from itkoop.engine.catalog import builtin_taxonomy_dict, taxonomy_from_dict
from itkoop.matching import services
from itkoop.matching.offer_pdf import offer_html

pytestmark = pytest.mark.django_db

DATEV_DE, DATEV_EN = "DATEV-Format", "DATEV format (posting batch)"
# an ERP already there, a shop and accounting added, the DATEV connection made a must
PARAMS = {"cap": "accounting", "must": "datev"}
TEXT = {"de": "Wir haben schon eine Warenwirtschaft und brauchen einen Onlineshop", "en": ""}
TEXT["en"] = "We already run an ERP and need an online shop"


def _page(client, lang):
    with override("de"):
        path = reverse("matching:need")
    response = client.get(("/en" if lang == "en" else "") + path, {"text": TEXT[lang], **PARAMS})
    assert response.status_code == 200
    return response.content.decode()


def test_the_english_need_page_names_the_standard_in_english_everywhere(client, mini_catalog):
    page = _page(client, "en")
    assert DATEV_DE not in page
    # the must-standard control, the existing system's connections, the offers' links and must lines
    assert f'for="must-datev" class="inline-label">{DATEV_EN}</label>' in page
    assert f"ERP (can be connected through BMEcat, {DATEV_EN})" in page
    offers = page.split('id="bundles-heading"', 1)[1]
    assert f": {DATEV_EN}" in offers


def test_the_german_need_page_keeps_the_german_name(client, mini_catalog):
    page = _page(client, "de")
    assert DATEV_EN not in page
    assert f'for="must-datev" class="inline-label">{DATEV_DE}</label>' in page
    assert f"Warenwirtschaft / ERP (anbindbar über BMEcat, {DATEV_DE})" in page


@pytest.mark.parametrize(("lang", "name", "other"), [("de", DATEV_DE, DATEV_EN), ("en", DATEV_EN, DATEV_DE)])
def test_the_offer_pdf_names_the_standard_in_its_language(mini_catalog, lang, name, other):
    with override(lang):
        html = offer_html({"text": TEXT[lang], "rank": 1, "add": ["accounting"], "must": ["datev"]})
    assert name in html and other not in html


@pytest.mark.parametrize(("lang", "name"), [("de", DATEV_DE), ("en", DATEV_EN)])
def test_the_must_standard_options_are_labelled_in_the_active_language(mini_catalog, lang, name):
    with override(lang):
        result = services.match_need(text=TEXT[lang], add_capabilities=("accounting",))
        options = dict(services.must_standard_options(result, ("datev",)))
    assert options["datev"] == name


def test_the_engine_explains_in_english_with_the_english_name():
    from itkoop.engine.catalog import Standard

    tax = taxonomy_from_dict(builtin_taxonomy_dict())
    datev = tax.standards["datev"]
    assert datev.label_in("de") == "DATEV-Format (Buchungsstapel)" and datev.label_in("en") == DATEV_EN
    assert Standard("x", "X-Format").label_in("en") == "X-Format"  # no English name: the German one
    # a file may name only label_en: that is the German one too
    assert taxonomy_from_dict({"standards": [{"id": "y", "label_en": "Y"}]}).standards["y"].label == "Y"


def test_the_english_explanation_of_an_offer_uses_the_english_name(mini_catalog):
    with override("en"):
        result = services.match_need(
            text=TEXT["en"], add_capabilities=("accounting",), must_standards=("datev",)
        )
    explanation = result.bundles[0].explanation
    assert DATEV_EN in explanation and DATEV_DE not in explanation
