"""Looking at cooperation pages writes nothing: contract templates are seeded by a migration, not by a GET."""

import pytest
from django.urls import reverse

from itkoop.cooperation import services
from itkoop.cooperation.models import ContractTemplate

from ..factories import CompanyFactory, center_admin, member_of

pytestmark = pytest.mark.django_db


def test_contract_templates_page_does_not_seed_templates(client):
    ContractTemplate.objects.filter(kind="nda").delete()
    client.force_login(center_admin())
    assert client.get(reverse("cooperation:contract_templates")).status_code == 200
    assert not ContractTemplate.objects.filter(kind="nda").exists()


def test_contract_draft_uses_the_shipped_template_without_saving_it(client):
    ContractTemplate.objects.all().delete()
    companies = [CompanyFactory(), CompanyFactory()]
    cooperation = services.cooperation_invite(
        actor=member_of(companies[0]), companies=companies, title="Shop", accept_code_of_conduct=True
    )
    client.force_login(member_of(companies[0]))
    response = client.get(
        reverse("cooperation:contract", args=[cooperation.pk]),
        {"kind": "nda", "language": "de", "format": "html"},
    )
    assert response.status_code == 200 and companies[1].name in response.content.decode()
    assert not ContractTemplate.objects.exists()
