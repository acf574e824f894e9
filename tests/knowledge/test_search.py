"""Article search and lists: the catalog's token search, filters by kind and tag, drafts hidden."""

import pytest
from django.urls import reverse
from django.utils import translation

from itkoop.knowledge.models import Article, Tag
from itkoop.knowledge.selectors import search_articles
from itkoop.knowledge.services import refresh_article_search

from ..factories import UserFactory, center_admin
from .helpers import ArticleFactory

pytestmark = pytest.mark.django_db


def _slugs(queryset) -> set[str]:
    return {a.slug for a in queryset}


def test_compound_query_finds_the_article_about_its_parts():
    assert "vertrag-nda" in _slugs(search_articles(text="Geheimhaltungsvereinbarung"))


def test_inflected_word_matches_its_lemma():
    assert "bietergemeinschaft" in _slugs(search_articles(text="Bietergemeinschaften"))


def test_english_query_finds_articles_by_their_english_text():
    assert "white-label-oem" in _slugs(search_articles(text="escrow"))


def test_every_query_word_must_match():
    found = _slugs(search_articles(text="Vertragsstrafe Geheimnisverrat"))
    assert found == {"vertrag-nda"}


def test_nonsense_finds_nothing_and_stopwords_alone_find_everything():
    assert not search_articles(text="Quantenflöte").exists()
    assert search_articles(text="und der").count() == Article.objects.filter(published=True).count()


def test_filter_by_kind_and_tag():
    examples = _slugs(search_articles(kind="practice_example"))
    assert examples == {"praxis-bietergemeinschaft-kommune", "praxis-white-label-handwerk"}
    assert "vertrag-nda" in _slugs(search_articles(tag="vertrag"))
    assert "joint-venture" not in _slugs(search_articles(tag="white-label"))
    assert _slugs(search_articles(text="Ausschreibung", kind="practice_example")) == {
        "praxis-bietergemeinschaft-kommune"
    }


def test_unpublished_articles_are_hidden_from_readers_but_not_from_editors():
    draft = ArticleFactory(title_de="Entwurf Zollabwicklung", published=False)
    refresh_article_search(draft)
    assert not search_articles(text="Zollabwicklung", user=UserFactory()).exists()
    assert _slugs(search_articles(text="Zollabwicklung", user=center_admin())) == {draft.slug}


def test_list_page_searches_and_filters(client):
    response = client.get(reverse("knowledge:list"), {"q": "Haftung", "kind": "article"})
    assert response.status_code == 200
    page = response.context["page"]
    assert "haftung" in {a.slug for a in page.object_list}
    assert all(a.kind == "article" for a in page.object_list)


def test_list_page_with_unknown_tag_shows_a_message_not_an_error(client):
    response = client.get(reverse("knowledge:list"), {"tag": "gibt-es-nicht", "kind": "quatsch"})
    assert response.status_code == 200 and response.context["page"] is None
    assert response.context["form"].errors


def test_detail_page_renders_body_tags_capabilities_and_related(client):
    response = client.get(reverse("knowledge:article", args=["vertrag-nda"]))
    html = response.content.decode()
    assert '<h2 id="geheimhaltung">' in html
    assert f"{reverse('knowledge:list')}?tag=vertrag" in html
    assert f"{reverse('registry:search')}?capability=data-protection" in html
    assert response.context["related"]


def test_practice_example_is_marked_as_fictional(client):
    html = client.get(reverse("knowledge:article", args=["praxis-white-label-handwerk"])).content.decode()
    assert "Fiktives Praxisbeispiel" in html


def test_unpublished_article_is_404_for_readers_and_visible_to_editors(client):
    draft = ArticleFactory(published=False)
    url = reverse("knowledge:article", args=[draft.slug])
    assert client.get(url).status_code == 404
    client.force_login(center_admin())
    assert client.get(url).status_code == 200


def test_unknown_article_is_404(client):
    assert client.get(reverse("knowledge:article", args=["gibt-es-nicht"])).status_code == 404


def test_english_page_shows_english_text(client):
    with translation.override("en"):
        url = reverse("knowledge:article", args=["haftung"])
    response = client.get(url)
    assert url.startswith("/en/")
    assert "Liability in cooperations" in response.content.decode()


def test_tag_labels_are_bilingual():
    tag = Tag.objects.get(slug="vertrag")
    assert tag.label_de == "Verträge" and tag.label_en == "Contracts"


def test_article_page_lists_its_upcoming_events_only(client):
    from datetime import timedelta

    from django.utils import timezone

    from itkoop.events.models import Event

    now = timezone.now()
    soon = Event.objects.create(
        title="Kooperationsfrühstück",
        start=now + timedelta(days=3),
        end=now + timedelta(days=3, hours=2),
        capacity=20,
        hub_id="kassel",
    )
    past = Event.objects.create(
        title="Vergangener Workshop",
        start=now - timedelta(days=3),
        end=now - timedelta(days=3) + timedelta(hours=2),
        capacity=20,
    )
    article = Article.objects.get(slug="bietergemeinschaft")
    article.events.set([soon, past])
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Kooperationsfrühstück" in html and soon.get_absolute_url() in html
    assert "Vergangener Workshop" not in html


def test_articles_are_listed_by_title_in_the_page_language():
    german = [a.title_de for a in search_articles()]
    assert german == sorted(german)
    with translation.override("en"):
        english = [a.title_en for a in search_articles()]
    assert english == sorted(english) and english[0] != german[0]
