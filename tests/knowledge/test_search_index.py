"""On PostgreSQL the article search uses its GIN index (the catalog's text filter, the indexed expression)."""

import pytest
from django.db import connection

from itkoop.knowledge.models import Article
from itkoop.knowledge.selectors import search_articles
from itkoop.knowledge.services import refresh_article_search

from ..registry.test_search_index import plan_with_index_preferred

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL run only (DATABASE_URL=postgres://...)")


def test_the_article_search_uses_its_gin_index():
    article = Article.objects.create(
        slug="shop",
        title_de="Onlineshop einrichten",
        summary_de="Der Weg zum Onlineshop.",
        body_de="Ein Onlineshop braucht eine Warenwirtschaft.",
        published=True,
    )
    refresh_article_search(article)
    found = search_articles(text="Onlineshop")
    assert "knowledge_article_search_gin" in plan_with_index_preferred(found)
    assert "shop" in [a.slug for a in found]
