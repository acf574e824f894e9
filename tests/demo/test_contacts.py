"""Demo contact data: most companies without members publish a contact at their own example domain, some keep
it to the platform, some give only a phone number, some nothing; one demo person has claims waiting."""

import pytest

from itkoop.accounts.models import User
from itkoop.claims.models import Claim
from itkoop.claims.selectors import claims_to_review
from itkoop.demo.contacts import build_demo_contacts
from itkoop.registry.models import Company

from ..factories import CompanyFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies():
    made = []
    for i in range(60):
        made.append(
            CompanyFactory(
                external_id=f"demo{i}",
                kind="provider",
                hub_id="kassel" if i % 2 else "berlin",
                website=f"https://www.firma{i}.example",
            )
        )
    member_of(made[0])
    return made


def test_every_way_of_reaching_a_company_occurs(companies):
    result = build_demo_contacts(seed=2026)
    assert min(result.published, result.unpublished, result.phone_only, result.none) > 0
    unclaimed = Company.objects.exclude(pk=companies[0].pk)
    with_mail = unclaimed.exclude(contact_email="")
    assert with_mail.count() > unclaimed.count() / 2  # most, but not all
    for company in with_mail:
        assert company.contact_email.endswith("@" + company.website.removeprefix("https://www."))
    assert unclaimed.filter(contact_email="", contact_phone="").exists()
    assert with_mail.filter(publish_contact=False).exists()
    assert all(
        p.startswith("+49 ")
        for p in unclaimed.exclude(contact_phone="").values_list("contact_phone", flat=True)
    )


def test_the_same_seed_gives_the_same_contacts(companies):
    build_demo_contacts(seed=2026)
    first = list(
        Company.objects.order_by("pk").values_list("contact_email", "contact_phone", "publish_contact")
    )
    Company.objects.update(contact_email="", contact_phone="", contact_name="", publish_contact=False)
    Claim.objects.all().delete()
    User.objects.filter(email__startswith="neu@").delete()
    build_demo_contacts(seed=2026)
    assert (
        list(Company.objects.order_by("pk").values_list("contact_email", "contact_phone", "publish_contact"))
        == first
    )


def test_the_hub_staff_have_claims_to_decide(companies):
    build_demo_contacts(seed=2026)
    assert claims_to_review(hub_staff("kassel")).count() == 1
    assert claims_to_review(hub_staff("berlin")).count() == 1
    assert not Claim.objects.filter(company=companies[0]).exists()  # never a company with members
