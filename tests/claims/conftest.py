"""Shared data of the claims tests: a company without members, with a website and a contact address."""

import pytest
from allauth.account.models import EmailAddress
from django.utils import translation

from ..factories import CompanyFactory, UserFactory


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


@pytest.fixture
def company(db):
    return CompanyFactory(
        name="Beispiel IT GmbH",
        hub_id="kassel",
        website="https://www.beispiel-it.de",
        contact_email="info@beispiel-it.de",
        contact_phone="0561 123456",
        publish_contact=True,
    )


def person(email: str, *, confirmed: bool = True, **extra):
    """A user whose address is confirmed (allauth's EmailAddress) or not."""
    user = UserFactory(email=email, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=confirmed, primary=True)
    return user
