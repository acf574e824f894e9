"""The admin as a write path: only center admins change articles; saved self-checks are read-only."""

import pytest
from django.urls import reverse

from itkoop.knowledge.models import Article

from ..factories import CompanyFactory, center_admin, hub_staff
from .helpers import saved_result

pytestmark = pytest.mark.django_db


def test_hub_staff_cannot_open_or_change_articles_in_the_admin(client):
    client.force_login(hub_staff("kassel"))
    article = Article.objects.get(slug="haftung")
    assert client.get(reverse("admin:knowledge_article_changelist")).status_code == 403
    response = client.post(reverse("admin:knowledge_article_change", args=[article.pk]), {"title_de": "x"})
    article.refresh_from_db()
    assert response.status_code == 403 and article.title_de != "x"


def test_center_admin_edit_in_the_admin_marks_the_article_and_refreshes_its_search(client):
    client.force_login(center_admin())
    article = Article.objects.get(slug="haftung")
    data = {
        "slug": article.slug,
        "kind": article.kind,
        "title_de": "Haftung und Zollabwicklung",
        "title_en": article.title_en,
        "summary_de": article.summary_de,
        "summary_en": article.summary_en,
        "body_de": article.body_de,
        "body_en": article.body_en,
        "tags": [t.slug for t in article.tags.all()],
        "capabilities": [c.id for c in article.capabilities.all()],
        "published": "on",
    }
    response = client.post(reverse("admin:knowledge_article_change", args=[article.pk]), data)
    article.refresh_from_db()
    assert response.status_code == 302 and article.customized
    assert " zollabwicklung " in article.search_document


def test_hub_staff_see_only_their_hubs_results_and_change_none(client):
    own = saved_result(CompanyFactory(hub_id="kassel"))
    other = saved_result(CompanyFactory(hub_id="berlin"))
    client.force_login(hub_staff("kassel"))
    listing = client.get(reverse("admin:knowledge_selfcheckresult_changelist"))
    assert listing.status_code == 200
    assert list(listing.context["cl"].queryset) == [own]
    assert client.get(reverse("admin:knowledge_selfcheckresult_change", args=[other.pk])).status_code in (
        302,
        403,
    )
    response = client.post(reverse("admin:knowledge_selfcheckresult_delete", args=[own.pk]), {"post": "yes"})
    assert response.status_code == 403
    own.refresh_from_db()
