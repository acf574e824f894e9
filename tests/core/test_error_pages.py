"""The site's error pages in German and English, with DEBUG off, each with a way on."""

import pytest
from django.test import Client, RequestFactory, override_settings
from django.utils import translation
from django.utils.translation import gettext

from itkoop.core import errors

from ..factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore::UserWarning")]

TEXTS = {
    400: ("Ungültige Anfrage", "Bad request"),
    403: ("Kein Zugriff", "Access denied"),
    404: ("Seite nicht gefunden", "Page not found"),
}


def _get(client, prefix, status):
    path = {400: "/katalog/a%00b/", 403: "/protokoll/", 404: "/gibt-es-nicht/"}[status]
    return client.get(f"{prefix}{path}")


@override_settings(DEBUG=False)
@pytest.mark.parametrize("status", [400, 403, 404])
@pytest.mark.parametrize(("prefix", "language"), [("", 0), ("/en", 1)])
def test_error_page_in_the_pages_language(client, status, prefix, language):
    response = _get(client, prefix, status)
    assert response.status_code == status
    html = response.content.decode()
    expected = TEXTS[status][0]
    if language:
        with translation.override("en"):
            expected = gettext(expected)
        assert expected != TEXTS[status][0], "the English catalog has the error page's heading"
    assert expected in html
    assert f'<html lang="{"en" if language else "de"}">' in html
    assert 'href="' + prefix + '/impressum/"' in html  # the site's layout, footer and all
    assert 'role="search"' in html


@override_settings(DEBUG=False)
def test_403_for_an_anonymous_person_links_to_login(client):
    html = client.get("/protokoll/").content.decode()
    assert "/konto/login/?next=/protokoll/" in html


@override_settings(DEBUG=False)
def test_403_names_the_role_the_page_needs(client):
    client.force_login(UserFactory())
    html = client.get("/en/protokoll/").content.decode()
    with translation.override("en"):
        role = gettext("Zentrumsleitung")
    assert role != "Zentrumsleitung" and role in html
    assert "/konto/login/" not in html


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("language", "text"), [("de", "Fehler auf dem Server"), ("en", 'href="/en/katalog/"')]
)
def test_500_page_renders_without_database_or_context_processors(language, text, django_assert_num_queries):
    request = RequestFactory().get("/")
    with translation.override(language), django_assert_num_queries(0):
        response = errors.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert text in html
    assert f'lang="{language}"' in html


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("prefix", "text"), [("", "Formular abgelaufen"), ("/en", 'href="/en/datenschutz/"')]
)
def test_csrf_failure_page(prefix, text):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{prefix}/konto/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert text in html
    assert f'href="{prefix}/konto/login/' in html
