"""“Ist das Ihr Unternehmen?” on the page of a company without members: a visitor is led to the login and
back, a signed-in person claims (domain confirmation or staff approval), within a rate limit."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from itkoop.accounts.models import Membership
from itkoop.claims import services
from itkoop.claims.models import Claim

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of
from .conftest import person

pytestmark = pytest.mark.django_db


def _company_page(client, company) -> str:
    return client.get(reverse("registry:company", args=[company.external_id])).content.decode()


def test_the_company_page_offers_a_claim_to_a_visitor_through_the_login(client, company):
    start = reverse("claims:start", args=[company.external_id])
    page = _company_page(client, company)
    assert "Ist das Ihr Unternehmen?" in page
    assert f"{reverse('account_login')}?next={quote(start)}" in page
    response = client.get(start)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_the_company_page_offers_a_claim_to_a_signed_in_person(client, company):
    client.force_login(UserFactory())
    assert f'href="{reverse("claims:start", args=[company.external_id])}"' in _company_page(client, company)


def test_no_claim_offer_on_the_page_of_a_company_with_members(client, company):
    member_of(company)
    assert "Ist das Ihr Unternehmen?" not in _company_page(client, company)


@pytest.mark.parametrize("make", [lambda: hub_staff("kassel"), center_admin])
def test_no_claim_offer_for_staff(client, company, make):
    client.force_login(make())
    assert "Ist das Ihr Unternehmen?" not in _company_page(client, company)


@pytest.mark.parametrize("make", [lambda: hub_staff("kassel"), center_admin])
def test_the_claim_page_tells_staff_accounts_that_they_claim_nothing_instead_of_offering_a_form(
    client, company, make
):
    client.force_login(make())
    page = client.get(reverse("claims:start", args=[company.external_id])).content.decode()
    assert "Konten des Stützpunkt-Teams übernehmen keine Unternehmensprofile" in page
    assert 'method="post" class="card"' not in page


def test_a_claim_from_the_page_with_an_address_at_the_domain(client, company):
    user = person("anna@beispiel-it.de")
    client.force_login(user)
    response = client.post(reverse("claims:start", args=[company.external_id]), {"note": "Chefin"})
    assert response.status_code == 302 and response["Location"] == company.get_absolute_url()
    assert Membership.objects.get(company=company).user == user
    claim = Claim.objects.get()
    assert (claim.route, claim.status, claim.note) == ("page", "approved", "Chefin")


def test_a_claim_from_the_page_with_another_address_waits(client, company):
    client.force_login(person("anna@example.org"))
    url = reverse("claims:start", args=[company.external_id])
    client.post(url, {"note": ""})
    assert Claim.objects.get().status == "pending"
    assert not Membership.objects.filter(company=company).exists()
    again = client.post(url, {"note": ""}, follow=True)
    assert "bereits beansprucht" in again.content.decode()
    assert Claim.objects.count() == 1


def test_a_claim_of_a_company_with_members_is_refused(client, company):
    member_of(company)
    client.force_login(person("anna@beispiel-it.de"))
    url = reverse("claims:start", args=[company.external_id])
    page = client.get(url).content.decode()
    assert "bereits von Mitgliedern" in page
    # not a dead end: the person can write to the members
    assert reverse("conversations:company_contact", args=[company.external_id]) in page
    response = client.post(url, {"note": ""}, follow=True)
    assert "bereits von Mitgliedern" in response.content.decode()
    assert not Claim.objects.exists() and Membership.objects.filter(company=company).count() == 1


def test_an_unknown_company_is_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("claims:start", args=["gibt-es-nicht"])).status_code == 404
    assert client.post(reverse("claims:start", args=["gibt-es-nicht"]), {}).status_code == 404


def test_claim_starts_are_rate_limited_per_person(client):
    user = person("anna@example.org")
    client.force_login(user)
    companies = [CompanyFactory() for _ in range(services.CLAIMS_PER_HOUR + 1)]
    for company in companies[:-1]:
        client.post(reverse("claims:start", args=[company.external_id]), {})
    assert Claim.objects.count() == services.CLAIMS_PER_HOUR
    response = client.post(reverse("claims:start", args=[companies[-1].external_id]), {}, follow=True)
    assert "später" in response.content.decode()
    assert Claim.objects.count() == services.CLAIMS_PER_HOUR
    client.force_login(person("bert@example.org"))  # someone else is not held up
    client.post(reverse("claims:start", args=[companies[-1].external_id]), {})
    assert Claim.objects.filter(company=companies[-1]).exists()


def test_two_people_claim_the_same_company_by_domain_only_the_first_becomes_owner(company):
    first = services.claim_start(actor=person("anna@beispiel-it.de"), company_id=company.pk)
    assert first.status == "approved"
    with pytest.raises(services.ClaimError, match="bereits von Mitgliedern"):
        services.claim_start(actor=person("bert@beispiel-it.de"), company_id=company.pk)
    assert Membership.objects.filter(company=company).count() == 1


def test_a_company_without_website_always_waits_for_staff(client):
    company = CompanyFactory(website="")
    claim = services.claim_start(actor=person("anna@beispiel-it.de"), company_id=company.pk)
    assert claim.status == "pending"
