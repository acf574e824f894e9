"""Editing articles: a preview of exactly the content first, then saving; sanitised preview; fixed slugs."""

import pytest
from django.urls import reverse

from itkoop.knowledge.models import Article
from itkoop.knowledge.selectors import search_articles

from ..factories import center_admin
from .helpers import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(center_admin())
    return client


def _data(**overrides):
    data = {
        "slug": "zoll",
        "kind": "article",
        "title_de": "Zollabwicklung gemeinsam",
        "title_en": "Customs",
        "summary_de": "Kurz",
        "summary_en": "Short",
        "body_de": "## Ablauf {#ablauf}\n\nText",
        "body_en": "",
        "tags": ["internationalisierung"],
        "capabilities": ["it-consulting"],
        "published": "on",
    }
    data.update(overrides)
    return data


def test_preview_renders_sanitised_markdown_without_saving(editor):
    response = editor.post(
        reverse("knowledge:article_create"),
        {**_data(body_de="**fett** <script>alert(1)</script> [x](javascript:alert(1))"), "action": "preview"},
    )
    assert response.status_code == 200 and not Article.objects.filter(slug="zoll").exists()
    preview = str(response.context["preview"]["body_de"])
    assert "<strong>fett</strong>" in preview and "<script" not in preview and "javascript" not in preview
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_saving_without_a_preview_shows_the_preview_instead(editor):
    response = editor.post(reverse("knowledge:article_create"), {**_data(), "action": "save"})
    assert response.status_code == 200 and response.context["preview"] is not None
    assert not Article.objects.filter(slug="zoll").exists()


def test_content_changed_after_the_preview_needs_a_new_preview(editor):
    url = reverse("knowledge:article_create")
    token = editor.post(url, {**_data(), "action": "preview"}).context["form"].data["preview_token"]
    response = editor.post(url, {**_data(title_de="Anders"), "action": "save", "preview_token": token})
    assert response.status_code == 200 and not Article.objects.filter(slug="zoll").exists()


def test_saved_article_is_searchable_and_records_its_editor(editor):
    url = reverse("knowledge:article_create")
    token = editor.post(url, {**_data(), "action": "preview"}).context["form"].data["preview_token"]
    response = editor.post(url, {**_data(), "action": "save", "preview_token": token})
    article = Article.objects.get(slug="zoll")
    assert response["Location"] == article.get_absolute_url()
    assert article.author is not None and article.customized
    assert [t.slug for t in article.tags.all()] == ["internationalisierung"]
    assert list(search_articles(text="Zollabwicklung")) == [article]


def test_editor_links_events_to_an_article(editor):
    from datetime import timedelta

    from django.utils import timezone

    from itkoop.events.models import Event

    start = timezone.now() + timedelta(days=10)
    event = Event.objects.create(title="Exporttag", start=start, end=start + timedelta(hours=3), capacity=30)
    url = reverse("knowledge:article_create")
    data = _data(events=[event.pk])
    token = editor.post(url, {**data, "action": "preview"}).context["form"].data["preview_token"]
    editor.post(url, {**data, "action": "save", "preview_token": token})
    assert list(Article.objects.get(slug="zoll").events.all()) == [event]


def test_slug_cannot_change_on_edit(editor):
    article = ArticleFactory(slug="fest")
    url = reverse("knowledge:article_edit", args=["fest"])
    data = _data(slug="anders", title_de="Neu")
    token = editor.post(url, {**data, "action": "preview"}).context["form"].data["preview_token"]
    editor.post(url, {**data, "action": "save", "preview_token": token})
    article.refresh_from_db()
    assert article.slug == "fest" and article.title_de == "Neu"


@pytest.mark.parametrize(
    "field, value",
    [
        ("slug", "Mit Leerzeichen"),
        ("slug", "haftung"),
        ("title_de", ""),
        ("body_de", ""),
        ("kind", "roman"),
        ("tags", ["gibt-es-nicht"]),
    ],
)
def test_invalid_input_gets_a_message_and_changes_nothing(editor, field, value):
    count = Article.objects.count()
    response = editor.post(reverse("knowledge:article_create"), {**_data(**{field: value}), "action": "save"})
    assert response.status_code == 200 and field in response.context["form"].errors
    assert Article.objects.count() == count


def test_unknown_article_edit_is_404(editor):
    assert editor.get(reverse("knowledge:article_edit", args=["gibt-es-nicht"])).status_code == 404
