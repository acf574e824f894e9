"""A German text on an English page (no English version written) is marked lang="de" (WCAG 2.1, 3.1.2): screen
readers read a German company description on the English company page with English pronunciation otherwise."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from itkoop.core.i18n import in_page_language, lang_attribute, written_language
from itkoop.knowledge.models import Article

from ..factories import CompanyFactory, SolutionFactory

pytestmark = pytest.mark.django_db


def _url(name: str, *args, lang: str = "en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def _lead(body: str) -> str:
    return re.search(r'<p class="lead"[^>]*>', body).group(0)


def test_the_text_knows_the_language_it_is_written_in():
    with translation.override("en"):
        english, fallback = in_page_language("Hallo", "Hello"), in_page_language("Hallo", "")
        assert (english, english.lang) == ("Hello", "en")
        assert (fallback, fallback.lang) == ("Hallo", "de")
        assert lang_attribute(in_page_language("Hallo", "")) == ' lang="de"'
        assert lang_attribute(in_page_language("Hallo", "Hello")) == ""
    with translation.override("de"):
        assert in_page_language("Hallo", "Hello").lang == "de"
        assert lang_attribute(in_page_language("Hallo", "Hello")) == ""
    assert lang_attribute("plain text") == "" and lang_attribute(None) == ""


def test_a_german_company_description_on_the_english_page_is_marked_german(client):
    german_only = CompanyFactory(description="Wir entwickeln Software in Kassel.")
    both = CompanyFactory(description="Wir entwickeln Software.", description_en="We develop software.")
    page = _url("registry:company", german_only.external_id)
    assert _lead(client.get(page).content.decode()) == '<p class="lead" lang="de">'
    page = _url("registry:company", both.external_id)
    assert _lead(client.get(page).content.decode()) == '<p class="lead">'
    page = _url("registry:company", german_only.external_id, lang="de")
    assert _lead(client.get(page).content.decode()) == '<p class="lead">'


def test_an_article_without_english_text_is_marked_german_in_title_summary_and_body(client):
    Article.objects.create(
        slug="kasse", title_de="Kassensysteme", summary_de="Was eine Kasse kann.", body_de="Text."
    )
    body = client.get(_url("knowledge:article", "kasse")).content.decode()
    assert '<h1 id="article-title" lang="de">' in body
    assert '<p class="lead" lang="de">' in body
    assert '<div class="article-body" lang="de">' in body
    listing = client.get(_url("knowledge:list")).content.decode()
    assert re.search(r'<a href="[^"]*kasse[^"]*" lang="de">Kassensysteme</a>', listing)


@pytest.mark.parametrize(
    "text, language",
    [
        ("Wir entwickeln Software für das Handwerk und die Pflege.", "de"),
        ("We build software for the trades and for care services.", "en"),
        ("CRM Cloud Pro", None),
        ("", None),
    ],
)
def test_the_written_language_is_told_by_its_function_words(text, language):
    assert written_language(text) == language


def test_a_text_written_in_one_field_is_marked_in_the_language_it_is_written_in():
    german, english = "Wir entwickeln Software für das Handwerk.", "We build software for the trades."
    with translation.override("en"):
        assert lang_attribute(german) == ' lang="de"' and lang_attribute(english) == ""
        # an English text kept in the German field (no English version) is not marked German
        assert lang_attribute(in_page_language(english, "")) == ""
    with translation.override("de"):
        assert lang_attribute(english) == ' lang="en"' and lang_attribute(german) == ""


def test_a_solution_description_on_the_other_languages_page_is_marked(client):
    solution = SolutionFactory(description="Wir digitalisieren die Auftragsabwicklung für das Handwerk.")
    body = client.get(_url("registry:solution", solution.external_id)).content.decode()
    assert _lead(body) == '<p class="lead" lang="de">'
    body = client.get(_url("registry:solution", solution.external_id, lang="de")).content.decode()
    assert _lead(body) == '<p class="lead">'
