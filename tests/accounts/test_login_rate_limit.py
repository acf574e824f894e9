"""Login is rate-limited (settings.ACCOUNT_RATE_LIMITS["login_failed"] = "10/m/ip,5/5m/key").

After five wrong passwords for one account even the right password is refused for a while, with a clear
message, and ten failures from one address block that address for every account.
A normal login is not affected.
"""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # the factories' password
BLOCKED_DE = "Zu viele fehlgeschlagene Anmeldeversuche"


@pytest.fixture(autouse=True)
def empty_rate_limit_cache():
    """allauth counts attempts in the cache; each test starts and ends with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def login_url():
    with translation.override("de"):
        return reverse("account_login")


def attempt(client, url, email, password):
    return client.post(url, {"login": email, "password": password})


def test_right_password_logs_in(client, login_url):
    user = UserFactory()
    response = attempt(client, login_url, user.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:index")
    assert client.session[SESSION_KEY] == str(user.pk)


def test_wrong_password_is_refused_with_a_form_error(client, login_url):
    user = UserFactory()
    response = attempt(client, login_url, user.email, "not-the-password")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert SESSION_KEY not in client.session


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, login_url):
    user = UserFactory()
    for _ in range(5):
        response = attempt(client, login_url, user.email, "not-the-password")
        assert response.status_code == 200
        assert BLOCKED_DE not in response.content.decode()

    response = attempt(client, login_url, user.email, PASSWORD)

    assert SESSION_KEY not in client.session
    assert response.status_code in (200, 429)
    assert BLOCKED_DE in response.content.decode()


def test_a_blocked_account_does_not_block_others_from_the_same_address(client, login_url):
    blocked, other = UserFactory(), UserFactory()
    for _ in range(5):
        attempt(client, login_url, blocked.email, "not-the-password")
    assert BLOCKED_DE in attempt(client, login_url, blocked.email, PASSWORD).content.decode()

    response = attempt(client, login_url, other.email, PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(other.pk)


def test_ten_failures_from_one_address_block_every_account(client, login_url):
    users = [UserFactory() for _ in range(10)]
    for user in users:  # one failure each: no single account reaches its own limit
        attempt(client, login_url, user.email, "not-the-password")
    fresh = UserFactory()

    response = attempt(client, login_url, fresh.email, PASSWORD)

    assert SESSION_KEY not in client.session
    assert BLOCKED_DE in response.content.decode()


def test_the_block_message_is_english_on_the_english_page(client):
    user = UserFactory()
    with translation.override("en"):
        url = reverse("account_login")
    assert url.startswith("/en/")
    for _ in range(5):
        attempt(client, url, user.email, "not-the-password")
    response = attempt(client, url, user.email, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
