"""Rate limits key on the client behind the trusted proxies (issue 16.9).

Behind the production proxy every request has the proxy's REMOTE_ADDR; the client is the X-Forwarded-For entry
the proxy added (the right-most with one proxy). Entries further left are whatever the client sent."""

import itertools

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.urls import reverse

from itkoop.cooperation.models import Inquiry
from itkoop.core.ratelimit import client_ip
from itkoop.matching import views as matching_views

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # the address of the reverse proxy: REMOTE_ADDR of every request behind it
PASSWORD = "a-long-test-password"  # the factories' password
BLOCKED_DE = "Zu viele fehlgeschlagene Anmeldeversuche"
_spoof = (f"203.0.113.{i % 250}" for i in itertools.count())


def behind_proxy(client_address: str, spoofed: str = "") -> dict:
    """Request headers as the proxy passes them: whatever the client sent, then the address the proxy saw."""
    xff = f"{spoofed}, {client_address}" if spoofed else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": xff}


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}, "192.0.2.1"),
        (1, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.7"}, "198.51.100.7"),
        (
            2,
            {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.7, 10.0.0.3"},
            "198.51.100.7",
        ),
        (1, {"REMOTE_ADDR": PROXY}, PROXY),  # no header: the address we see
        (1, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "not-an-address"}, PROXY),
    ],
)
def test_client_ip_takes_the_entry_of_the_outermost_trusted_proxy(proxies, meta, expected):
    request = RequestFactory().get("/", **meta)
    with override_settings(ITKOOP_TRUSTED_PROXIES=proxies):
        assert client_ip(request) == expected


# -- the inquiry form --------------------------------------------------------------------------------------

INQUIRY = {
    "name": "A",
    "email": "a@example.org",
    "postal_code": "34117",
    "topic": "allgemein",
    "question": "?",
}


@override_settings(ITKOOP_TRUSTED_PROXIES=1)
def test_inquiries_behind_the_proxy_are_limited_per_client_not_for_the_whole_site(client):
    url = reverse("cooperation:network")
    for _ in range(5):
        assert client.post(url, INQUIRY, **behind_proxy("198.51.100.1")).status_code == 302
    assert client.post(url, INQUIRY, **behind_proxy("198.51.100.1")).status_code == 200  # limited
    assert client.post(url, INQUIRY, **behind_proxy("198.51.100.2")).status_code == 302  # someone else
    assert Inquiry.objects.count() == 6


@override_settings(ITKOOP_TRUSTED_PROXIES=1)
def test_a_spoofed_forwarded_for_entry_does_not_bypass_the_inquiry_limit(client):
    url = reverse("cooperation:network")
    for _ in range(5):
        client.post(url, INQUIRY, **behind_proxy("198.51.100.1", spoofed=next(_spoof)))
    response = client.post(url, INQUIRY, **behind_proxy("198.51.100.1", spoofed=next(_spoof)))
    assert "Zu viele Anfragen" in response.content.decode()
    assert Inquiry.objects.count() == 5


# -- the API throttle --------------------------------------------------------------------------------------


def _api_match(client, **meta):
    return client.post("/api/v1/match/", {}, content_type="application/json", **meta)  # 400, but counted


@override_settings(ITKOOP_TRUSTED_PROXIES=1)
def test_a_spoofed_forwarded_for_entry_does_not_bypass_the_api_throttle(client):
    statuses = [
        _api_match(client, **behind_proxy("198.51.100.1", spoofed=next(_spoof))).status_code
        for _ in range(31)
    ]
    assert statuses[:30] == [400] * 30
    assert statuses[30] == 429
    assert _api_match(client, **behind_proxy("198.51.100.2")).status_code == 400  # another client


# -- login lockout -----------------------------------------------------------------------------------------


def _login(client, email, password, **meta):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **meta)


@override_settings(ITKOOP_TRUSTED_PROXIES=1)
def test_an_attacker_cannot_lock_the_owner_out_of_their_account(client):
    victim = UserFactory()
    attacker = behind_proxy("198.51.100.66")
    for _ in range(5):
        _login(client, victim.email, "wrong-password", **attacker)
    # The attacker's address is blocked for this account, even with spoofed entries and the right password...
    blocked = _login(client, victim.email, PASSWORD, **behind_proxy("198.51.100.66", spoofed=next(_spoof)))
    assert BLOCKED_DE in blocked.content.decode()
    assert SESSION_KEY not in client.session
    # ... the owner, from their own address, logs in.
    response = _login(client, victim.email, PASSWORD, **behind_proxy("198.51.100.7"))
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(victim.pk)


@override_settings(ITKOOP_TRUSTED_PROXIES=1)
def test_failures_from_one_client_do_not_block_logins_of_everyone_behind_the_proxy(client):
    users = [UserFactory() for _ in range(10)]
    for user in users:
        _login(client, user.email, "wrong-password", **behind_proxy("198.51.100.66"))
    fresh = UserFactory()
    response = _login(client, fresh.email, PASSWORD, **behind_proxy("198.51.100.7"))
    assert response.status_code == 302


# -- the matching pages ------------------------------------------------------------------------------------


@override_settings(ITKOOP_TRUSTED_PROXIES=1)
def test_the_need_page_is_throttled_per_client_with_a_friendly_page(client):
    cache.set("itkoop:rl:matching:198.51.100.1", matching_views.MATCHES_PER_MINUTE, 60)
    url = reverse("matching:need")
    response = client.get(url, {"text": "Buchhaltung"}, **behind_proxy("198.51.100.1", spoofed=next(_spoof)))
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert "Bitte warten Sie eine Minute" in response.content.decode()
    # What was typed is kept, in a form that sends it again after the wait (before: only a link home).
    assert response.context["retry_method"] == "get"
    assert response.context["shown"] == [] and response.context["carried"] == [("text", "Buchhaltung")]
    long_text = "Wir brauchen eine Buchhaltung & <eine> Website mit Terminbuchung für unsere Praxis"
    response = client.get(url, {"text": long_text, "lang": "de"}, **behind_proxy("198.51.100.1"))
    page = response.content.decode()
    assert response.context["shown"] == [("text", long_text)]
    assert response.context["carried"] == [("lang", "de")]
    assert f'action="{url}"' in page and 'name="text"' in page
    assert "Buchhaltung &amp; &lt;eine&gt; Website" in page  # escaped, never markup
    # The empty form is not counted, and another client is not affected.
    assert client.get(url, **behind_proxy("198.51.100.1")).status_code == 200
    assert client.get(url, {"text": "Buchhaltung"}, **behind_proxy("198.51.100.2")).status_code == 200


def test_the_partners_page_with_a_need_is_throttled(client, mini_catalog):
    cache.set("itkoop:rl:matching:127.0.0.1", matching_views.MATCHES_PER_MINUTE, 60)
    url = reverse("matching:partners", args=["c3"])
    assert client.get(url).status_code == 200
    assert client.get(url, {"need": "Buchhaltung"}).status_code == 429


def test_the_offer_pdf_is_throttled(client):
    from itkoop.documents import views as document_views

    client.force_login(UserFactory())
    cache.set("itkoop:rl:documents:127.0.0.1", document_views.DOCUMENTS_PER_MINUTE, 60)
    response = client.post(
        reverse("documents:create", args=["matching.offer"]),
        {"text": "Buchhaltung und Website", "rank": "1", "password": "secret-value"},
    )
    assert response.status_code == 429
    # The retry form posts the same fields again, with a new CSRF token; a secret is never written back.
    assert response.context["retry_method"] == "post"
    assert response.context["shown"] == [("text", "Buchhaltung und Website")]
    assert response.context["carried"] == [("rank", "1")]
    page = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in page and "secret-value" not in page
