"""The article service takes plain data: fields by name and relations as ids; the slug stays fixed."""

import pytest
from django.core.exceptions import PermissionDenied

from itkoop.knowledge import services
from itkoop.knowledge.models import Article, Tag

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "slug": "neuer-artikel",
    "kind": Article.Kind.ARTICLE,
    "title_de": "Neuer Artikel",
    "title_en": "New article",
    "summary_de": "Kurz",
    "summary_en": "Short",
    "body_de": "Text",
    "body_en": "Text",
    "published": True,
}


def _admin():
    return UserFactory(role="center_admin")


def test_creates_and_updates_from_plain_values_and_keeps_the_slug():
    tag = Tag.objects.first()
    article = services.article_save(
        actor=_admin(), fields=FIELDS, relations={"tags": [tag.pk] if tag else []}
    )
    assert Article.objects.get(pk=article.pk).title_de == "Neuer Artikel"
    changed = services.article_save(
        actor=_admin(), fields={**FIELDS, "slug": "anders", "title_de": "Geändert"}, article_id=article.pk
    )
    assert changed.slug == "neuer-artikel" and changed.title_de == "Geändert"


def test_refuses_unknown_fields_and_members():
    with pytest.raises(ValueError):
        services.article_save(actor=_admin(), fields={**FIELDS, "author_id": 1})
    with pytest.raises(PermissionDenied):
        services.article_save(actor=UserFactory(), fields=FIELDS)
    assert not Article.objects.filter(slug="neuer-artikel").exists()
