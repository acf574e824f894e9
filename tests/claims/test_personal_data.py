"""Claims are personal data: in the person's data download, and gone (or unlinked) when the account is
deleted."""

import pytest
from django.db import transaction

from itkoop.accounts import services as accounts
from itkoop.claims import services
from itkoop.claims.models import Claim, ClaimInvitation

from ..factories import CompanyFactory, hub_staff, member_of
from .conftest import person

pytestmark = pytest.mark.django_db


def test_the_data_download_holds_the_persons_claims_and_invitations(
    company, django_capture_on_commit_callbacks
):
    claimant = person("anna@example.org")
    services.claim_start(actor=claimant, company_id=company.pk, note="Vertrieb")
    data = accounts.personal_data_export(actor=claimant)
    assert data["claims"][0]["company__name"] == "Beispiel IT GmbH"
    assert data["claims"][0]["note"] == "Vertrieb"
    inviter = member_of(CompanyFactory())
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.reach_unclaimed_company(company=company, reason="Werkstatt", actor=inviter)
    sent = accounts.personal_data_export(actor=inviter)["claim_invitations"]
    assert sent[0]["company__name"] == "Beispiel IT GmbH" and sent[0]["reason"] == "Werkstatt"


def test_deleting_the_account_removes_claims_and_unlinks_the_rest(
    company, django_capture_on_commit_callbacks
):
    claimant = person("anna@example.org")
    claimant.set_password("ein-langes-passwort-7")
    claimant.save()
    services.claim_start(actor=claimant, company_id=company.pk)
    staff = hub_staff("kassel")
    other = services.claim_start(actor=person("bert@example.org"), company_id=company.pk)
    services.claim_decide(actor=staff, claim_id=other.pk, approve=False, note="unbekannt")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.reach_unclaimed_company(
            company=CompanyFactory(contact_email="a@b.example"), reason="x", actor=claimant
        )
    accounts.account_delete(actor=claimant, password="ein-langes-passwort-7")
    assert not Claim.objects.filter(user=claimant).exists()
    assert ClaimInvitation.objects.get().invited_by is None
    staff.set_password("ein-langes-passwort-7")
    staff.save()
    accounts.account_delete(actor=staff, password="ein-langes-passwort-7")
    assert Claim.objects.get(pk=other.pk).decided_by is None
