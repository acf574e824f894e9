"""The shipped articles: enough of them, in both languages, on the required topics, loaded idempotently."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from itkoop.knowledge.content_sync import parse_front_matter, shipped_articles, sync_articles
from itkoop.knowledge.models import Article
from itkoop.knowledge.rendering import plain_text, render_markdown
from itkoop.registry.models import Capability

CLAUSE_ANCHORS = [
    "geheimhaltung",
    "haftung",
    "laufzeit",
    "kuendigung",
    "verguetung",
    "ip-rechte",
    "wettbewerb",
    "gerichtsstand",
]
REQUIRED_TOPICS = [
    "bietergemeinschaft",
    "generalunternehmer",
    "joint-venture",
    "plattform-oekosystem",
    "white-label-oem",
    "empfehlung-vertrieb",
    "vertrag-nda",
    "vertrag-kooperationsvertrag",
    "preisgestaltung",
    "haftung",
    "gemeinsam-ins-ausland",
]


def _words(markdown_text: str) -> int:
    return len(plain_text(markdown_text).split())


def test_at_least_twelve_articles_ship_in_german_and_english():
    articles = shipped_articles()
    assert len(articles) >= 12
    for article in articles:
        assert article.title_de and article.title_en and article.summary_de and article.summary_en, (
            article.slug
        )
        assert 250 <= _words(article.body_de) <= 700, (article.slug, _words(article.body_de))
        assert 250 <= _words(article.body_en) <= 700, (article.slug, _words(article.body_en))


def test_required_topics_are_covered():
    slugs = {a.slug for a in shipped_articles()}
    assert set(REQUIRED_TOPICS) <= slugs


def test_two_practice_examples_say_they_are_fictional():
    examples = [a for a in shipped_articles() if a.kind == "practice_example"]
    assert len(examples) >= 2
    for example in examples:
        assert "frei erfunden" in example.body_de and "fictional" in example.body_en


@pytest.mark.parametrize("slug", ["vertrag-nda", "vertrag-kooperationsvertrag"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_contract_articles_have_every_clause_anchor(slug, language):
    article = next(a for a in shipped_articles() if a.slug == slug)
    html = render_markdown(getattr(article, f"body_{language}"))
    for anchor in CLAUSE_ANCHORS:
        assert f'id="{anchor}"' in html, anchor


def test_links_between_articles_point_to_shipped_articles_and_anchors():
    articles = {a.slug: a for a in shipped_articles()}
    for article in articles.values():
        for body in (article.body_de, article.body_en):
            for slug, anchor in re.findall(r"\(article:([a-z0-9-]+)(?:#([a-z0-9-]+))?\)", body):
                assert slug in articles, (article.slug, slug)
                if anchor:
                    assert f"{{#{anchor}}}" in articles[slug].body_de, (article.slug, slug, anchor)


@pytest.mark.django_db
def test_articles_are_in_the_database_after_migrate_with_known_capabilities():
    assert Article.objects.count() == len(shipped_articles())
    known = set(Capability.objects.values_list("id", flat=True))
    for shipped in shipped_articles():
        assert set(shipped.capabilities) <= known, shipped.slug
    nda = Article.objects.get(slug="vertrag-nda")
    assert {t.slug for t in nda.tags.all()} >= {"vertrag", "nda"}
    assert nda.search_document.startswith(" ") and " geheimhaltung " in nda.search_document


@pytest.mark.django_db
def test_sync_is_idempotent_by_slug():
    before = list(Article.objects.order_by("slug").values_list("slug", "title_de"))
    sync_articles()
    sync_articles()
    assert list(Article.objects.order_by("slug").values_list("slug", "title_de")) == before


@pytest.mark.django_db
def test_sync_restores_shipped_text_but_keeps_editor_changes():
    Article.objects.filter(slug="haftung").update(title_de="Alt")
    Article.objects.filter(slug="preisgestaltung").update(title_de="Von der Redaktion", customized=True)
    sync_articles()
    assert Article.objects.get(slug="haftung").title_de != "Alt"
    assert Article.objects.get(slug="preisgestaltung").title_de == "Von der Redaktion"


def test_front_matter_parsing_and_errors():
    meta, body = parse_front_matter("---\ntitle: A: B\ntags: x, y\n---\nText\n")
    assert meta == {"title": "A: B", "tags": "x, y"} and body == "Text\n"
    assert parse_front_matter("Nur Text") == ({}, "Nur Text")
    with pytest.raises(ValueError, match="not closed"):
        parse_front_matter("---\ntitle: x\n")
    with pytest.raises(ValueError, match="key: value"):
        parse_front_matter("---\nohne doppelpunkt\n---\n")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_shipped_article_page_renders(client, language):
    for shipped in shipped_articles():
        with translation.override(language):
            url = reverse("knowledge:article", args=[shipped.slug])
        response = client.get(url)
        assert response.status_code == 200, shipped.slug
        title = shipped.title_en if language == "en" else shipped.title_de
        assert escape(title) in response.content.decode()


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_clause_the_contract_drafts_link_to_is_explained(language):
    """The cooperation app's draft NDAs and agreements link to these slugs and anchors."""
    from itkoop.cooperation.contracts import ARTICLE_SLUGS, CLAUSE_ANCHORS

    articles = {a.slug: a for a in shipped_articles()}
    for slug in ARTICLE_SLUGS.values():
        html = render_markdown(getattr(articles[slug], f"body_{language}"))
        for anchor in CLAUSE_ANCHORS:
            assert f'id="{anchor}"' in html, (slug, anchor)
