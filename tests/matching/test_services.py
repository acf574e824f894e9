"""Matching services own their rules: the postcode decides the hub; inviting an offer's providers."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from itkoop.cooperation.models import Cooperation
from itkoop.cooperation.services import CooperationError
from itkoop.matching import services
from itkoop.registry.models import Company

from ..factories import CompanyFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db
SHOP = "Wir brauchen einen Onlineshop"


def _companies(result) -> set[str]:
    return {c for bundle in result.bundles for c in bundle.companies}


@pytest.mark.parametrize(
    ("postal_code", "hub"), [("52062", "aachen"), ("34117", "kassel"), ("1", None), ("", None)]
)
def test_hub_for_postal_code_uses_the_two_digit_prefix(postal_code, hub):
    assert services.hub_for_postal_code(postal_code) == hub


def test_the_postcode_decides_the_hub_of_the_match(mini_catalog):
    result = services.match_need(text=SHOP, postal_code="52062")
    assert _companies(result) == {"c2"}


def test_an_explicit_hub_wins_over_the_postcode(mini_catalog):
    result = services.match_need(text="Wir brauchen eine Warenwirtschaft", hub="kassel", postal_code="52062")
    assert _companies(result) == {"c1"}


def test_a_postcode_without_a_hub_does_not_restrict_the_match(mini_catalog):
    assert _companies(services.match_need(text=SHOP, postal_code="1")) == {"c2"}
    assert "c1" in _companies(services.match_need(text="Wir brauchen eine Warenwirtschaft", postal_code=""))


def test_invite_offer_invites_all_providers_with_a_title_from_the_need(mini_catalog):
    cooperation = services.invite_offer(
        actor=UserFactory(), company_ids=["c1", "c2"], need_text="  Shop mit ERP ", bundle={"rank": 1}
    )
    assert cooperation.title == "Gesamtangebot: Shop mit ERP"
    assert cooperation.need_text == "Shop mit ERP"
    assert cooperation.bundle == {"rank": 1}
    assert {p.company.external_id for p in cooperation.participants.all()} == {"c1", "c2"}


def test_invite_offer_of_one_provider_adds_the_customers_own_company(mini_catalog):
    own = CompanyFactory(kind=Company.Kind.CUSTOMER, name="Tischlerei Holzwurm")
    cooperation = services.invite_offer(actor=member_of(own), company_ids=["c2"], need_text=SHOP)
    assert {p.company.external_id for p in cooperation.participants.all()} == {"c2", own.external_id}


def test_invite_offer_of_one_provider_without_an_own_company_asks_for_one(mini_catalog):
    with pytest.raises(services.OwnCompanyRequired, match="legen Sie bitte zuerst Ihr Unternehmen an"):
        services.invite_offer(actor=UserFactory(), company_ids=["c2"], need_text=SHOP)
    assert Cooperation.objects.count() == 0


def test_invite_offer_of_a_provider_who_is_the_customers_own_company_is_refused(mini_catalog):
    provider = Company.objects.get(external_id="c2")
    with pytest.raises(CooperationError):
        services.invite_offer(actor=member_of(provider), company_ids=["c2"], need_text=SHOP)
    assert Cooperation.objects.count() == 0


def test_invite_offer_needs_a_logged_in_user(mini_catalog):
    with pytest.raises((PermissionDenied, services.OwnCompanyRequired)):
        services.invite_offer(actor=AnonymousUser(), company_ids=["c1", "c2"], need_text=SHOP)
    assert Cooperation.objects.count() == 0
