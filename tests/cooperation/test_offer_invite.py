"""Inviting a joint offer's providers from the need page: the cooperation service owns the rule."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from itkoop.cooperation import services as cooperation_services
from itkoop.cooperation.models import Cooperation
from itkoop.cooperation.services import CooperationError
from itkoop.registry.models import Company

from ..factories import CompanyFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db
SHOP = "Wir brauchen einen Onlineshop"


def test_invite_offer_invites_all_providers_and_the_customer_with_a_title_from_the_need(mini_catalog):
    own = CompanyFactory(kind=Company.Kind.CUSTOMER, name="Tischlerei Holzwurm")
    cooperation = cooperation_services.offer_invite(
        actor=member_of(own),
        company_ids=["c1", "c2"],
        need_text="  Shop mit ERP ",
        bundle={"rank": 1},
        accept_code_of_conduct=True,
    )
    assert cooperation.title == "Shop mit ERP"
    assert cooperation.need_text == "Shop mit ERP"
    assert cooperation.bundle == {"rank": 1}
    assert {p.company.external_id for p in cooperation.participants.all()} == {"c1", "c2", own.external_id}


def test_invite_offer_of_one_provider_adds_the_customers_own_company(mini_catalog):
    own = CompanyFactory(kind=Company.Kind.CUSTOMER, name="Tischlerei Holzwurm")
    cooperation = cooperation_services.offer_invite(
        actor=member_of(own), company_ids=["c2"], need_text=SHOP, accept_code_of_conduct=True
    )
    assert {p.company.external_id for p in cooperation.participants.all()} == {"c2", own.external_id}
    assert cooperation.participants.get(company=own).state == "accepted"
    assert cooperation.participants.get(company__external_id="c2").state == "invited"


def test_invite_offer_of_one_provider_without_an_own_company_asks_for_one(mini_catalog):
    with pytest.raises(
        cooperation_services.OwnCompanyRequired, match="legen Sie bitte zuerst Ihr Unternehmen an"
    ):
        cooperation_services.offer_invite(actor=UserFactory(), company_ids=["c2"], need_text=SHOP)
    assert Cooperation.objects.count() == 0


def test_invite_offer_of_a_provider_who_is_the_customers_own_company_is_refused(mini_catalog):
    provider = Company.objects.get(external_id="c2")
    with pytest.raises(CooperationError):
        cooperation_services.offer_invite(
            actor=member_of(provider), company_ids=["c2"], need_text=SHOP, accept_code_of_conduct=True
        )
    assert Cooperation.objects.count() == 0


def test_invite_offer_needs_a_logged_in_user(mini_catalog):
    with pytest.raises((PermissionDenied, cooperation_services.OwnCompanyRequired)):
        cooperation_services.offer_invite(actor=AnonymousUser(), company_ids=["c1", "c2"], need_text=SHOP)
    assert Cooperation.objects.count() == 0


def test_the_offer_stored_with_a_cooperation_explains_itself_in_each_readers_language(client, mini_catalog):
    """Sent from a German page, read on an English one: the explanation was stored in both languages."""
    from django.utils import translation

    from itkoop.matching import services as matching

    own = CompanyFactory(kind=Company.Kind.CUSTOMER, name="Tischlerei Holzwurm")
    customer = member_of(own)
    with translation.override("de"):
        result = matching.match_need(text="Wir brauchen einen Onlineshop und eine Warenwirtschaft")
        bundle = result.bundles[0]
        cooperation = cooperation_services.offer_invite(
            actor=customer,
            company_ids=list(bundle.companies),
            need_text=result.need.text,
            bundle=matching.bundle_snapshot(result, bundle),
            accept_code_of_conduct=True,
        )
    assert bundle.explanation.startswith("Deckt")
    client.force_login(customer)
    german = client.get(cooperation.get_absolute_url()).content.decode()
    english = client.get("/en" + cooperation.get_absolute_url()).content.decode()
    assert "Deckt" in german and "Covers" not in german
    assert "Covers" in english and "Deckt" not in english
