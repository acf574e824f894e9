"""Sign-up refuses addresses and passwords no one can use, with a message and without a server error."""

import pytest
from django.urls import reverse

from itkoop.accounts.models import User

pytestmark = pytest.mark.django_db


PASSWORD = "ein-langes-passwort-1"


def _signup(client, email, password=PASSWORD):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password, "privacy_acknowledged": "on"},
    )


def test_an_overlong_address_is_a_form_error_twice(client):
    email = "a" * 300 + "@beispiel.de"
    for _ in range(2):  # the second try used to end in a server error
        response = _signup(client, email)
        assert response.status_code == 200
        assert "zu lang" in response.content.decode()
    assert not User.objects.exists()


def test_an_overlong_password_is_refused(client):
    response = _signup(client, "lang@beispiel.de", password="x1" * 50_000)
    assert response.status_code == 200 and "höchstens 128 Zeichen" in response.content.decode()
    assert not User.objects.exists()
