"""Logging out keeps the page's language (the every-page check found /en/konto/logout/ landing on the German
home page)."""

import pytest

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "home"), [("/en/konto/logout/", "/en/"), ("/konto/logout/", "/")])
def test_logout_lands_on_the_home_page_of_its_language(client, path, home):
    client.force_login(UserFactory())
    for _answer in range(2):  # logged in (POST logs out) and logged out (GET leads home)
        response = client.post(path) if _answer == 0 else client.get(path)
        assert response.status_code == 302 and response["Location"] == home
