"""Personal API keys: made on the account page, shown once, stored hashed, revocable; a key acts as its person
and has its own rate limit."""

import hashlib
import re

import pytest
from django.urls import reverse

from itkoop.accounts import services
from itkoop.accounts.models import ApiToken
from itkoop.api.throttling import TokenThrottle

from ..factories import CompanyFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return member_of(CompanyFactory())


def test_key_is_shown_once_and_stored_only_as_a_hash(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:api_tokens"), {"name": "Warenwirtschaft"}, follow=True)
    html = response.content.decode()
    key = re.search(r'value="(itk_[A-Za-z0-9_-]+)"', html).group(1)
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=member)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {token.name, token.prefix, token.key_hash} and key.startswith(token.prefix)
    assert key not in client.get(reverse("accounts:api_tokens")).content.decode()
    assert "Warenwirtschaft" in client.get(reverse("dashboard:index")).content.decode()


def test_reloading_the_page_after_making_a_key_makes_no_second_key(client, member):
    """Post/redirect/get: the browser's reload repeats the GET that shows the key, not the POST."""
    client.force_login(member)
    response = client.post(reverse("accounts:api_tokens"), {"name": "Website"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:api_tokens")
    shown = client.get(response["Location"])
    key = re.search(r'value="(itk_[A-Za-z0-9_-]+)"', shown.content.decode()).group(1)
    assert "no-store" in shown["Cache-Control"]
    reloaded = client.get(response["Location"]).content.decode()
    assert key not in reloaded and 'id="new-key"' not in reloaded
    assert ApiToken.objects.filter(user=member).count() == 1


def test_people_without_a_company_get_no_key(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:api_tokens"), {"name": "Test"})
    assert "Legen Sie zuerst Ihr Unternehmen an" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_name_is_required_and_limited(client, member):
    client.force_login(member)
    client.post(reverse("accounts:api_tokens"), {"name": ""})
    client.post(reverse("accounts:api_tokens"), {"name": "x" * 101})
    assert not ApiToken.objects.exists()


def test_at_most_ten_keys_per_person(member):
    for n in range(services.API_TOKENS_MAX):
        services.api_token_create(actor=member, name=f"Programm {n}")
    with pytest.raises(services.ApiTokenError):
        services.api_token_create(actor=member, name="noch einer")


def test_key_authenticates_until_revoked(client, member):
    token, key = services.api_token_create(actor=member, name="CI")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v1/companies/", **auth).status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    client.force_login(member)
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    client.logout()
    response = client.get("/api/v1/companies/", **auth)
    assert response.status_code == 401 and "widerrufen" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_nobody_revokes_someone_elses_key(client, member):
    token, _key = services.api_token_create(actor=member, name="CI")
    client.force_login(member_of(CompanyFactory()))
    assert client.post(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


@pytest.mark.parametrize(
    "header", ["Bearer", "Bearer a b", "Bearer itk_falsch", "Bearer äöü", "bearer " + "x" * 500]
)
def test_malformed_or_unknown_keys_are_401(client, header):
    response = client.get("/api/v1/companies/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_key_of_a_closed_account_no_longer_works(client, member):
    _token, key = services.api_token_create(actor=member, name="CI")
    member.is_active = False
    member.save()
    assert client.get("/api/v1/companies/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_account_deletion_erases_the_keys(member):
    services.api_token_create(actor=member, name="CI")
    services.account_delete(actor=member, password="a-long-test-password")
    assert not ApiToken.objects.filter(user=member).exists()


def test_data_download_names_the_keys_but_not_their_secrets(member):
    token, key = services.api_token_create(actor=member, name="CI")
    data = services.personal_data_export(actor=member)
    assert data["api_tokens"][0]["name"] == "CI" and key not in str(data) and token.key_hash not in str(data)


def test_each_key_has_its_own_rate_limit(client, member, monkeypatch):
    _t1, first = services.api_token_create(actor=member, name="eins")
    _t2, second = services.api_token_create(actor=member, name="zwei")
    rates = {"anon": "1000/minute", "token": "3/minute", "token_write": "60/minute"}
    monkeypatch.setattr(TokenThrottle, "THROTTLE_RATES", rates)
    codes = [
        client.get("/api/v1/standards/", HTTP_AUTHORIZATION=f"Bearer {first}").status_code for _ in range(4)
    ]
    other = client.get("/api/v1/standards/", HTTP_AUTHORIZATION=f"Bearer {second}").status_code
    assert codes == [200, 200, 200, 429] and other == 200
