"""The hub staff's claims list: staff of the company's hub (or center admins) approve or reject a waiting
claim; everyone else finds no such claim (404); the claimant is told the decision."""

import pytest
from django.urls import reverse

from itkoop.accounts.models import Membership
from itkoop.claims import services
from itkoop.claims.models import Claim
from itkoop.core.models import AuditEntry
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of
from .conftest import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def claimant():
    return person("anna@example.org", first_name="Anna", last_name="Antrag")


@pytest.fixture
def claim(company, claimant):
    return services.claim_start(actor=claimant, company_id=company.pk, note="Vertriebsleiterin")


def _decide(client, claim, approve: bool, note: str = ""):
    return client.post(
        reverse("claims:decide", args=[claim.pk]), {"approve": "1" if approve else "0", "note": note}
    )


def test_the_list_shows_the_hubs_waiting_claims(client, claim):
    berlin_company = CompanyFactory(name="Berliner Bytes GmbH", hub_id="berlin")
    services.claim_start(actor=person("bert@example.org"), company_id=berlin_company.pk)
    client.force_login(hub_staff("kassel"))
    page = client.get(reverse("claims:review")).content.decode()
    assert "Beispiel IT GmbH" in page and "anna@example.org" in page and "Vertriebsleiterin" in page
    assert "Domain beispiel-it.de" in page
    assert "Berliner Bytes GmbH" not in page


def test_center_admins_see_every_hubs_claims(client, claim):
    berlin_company = CompanyFactory(name="Berliner Bytes GmbH", hub_id="berlin")
    services.claim_start(actor=person("bert@example.org"), company_id=berlin_company.pk)
    client.force_login(center_admin())
    page = client.get(reverse("claims:review")).content.decode()
    assert "Beispiel IT GmbH" in page and "Berliner Bytes GmbH" in page


@pytest.mark.parametrize("make", [lambda: None, UserFactory, lambda: member_of(CompanyFactory())])
def test_the_list_is_for_staff_only(client, claim, make):
    user = make()
    if user:
        client.force_login(user)
    response = client.get(reverse("claims:review"))
    assert response.status_code in (302, 403)
    assert "anna@example.org" not in response.content.decode()


@pytest.mark.parametrize("make", [lambda: hub_staff("kassel"), center_admin])
def test_staff_of_the_hub_approve(client, claim, claimant, make):
    client.force_login(make())
    response = _decide(client, claim, approve=True)
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "approved" and not claim.by_domain
    assert Membership.objects.get(company=claim.company).user == claimant
    told = Notification.objects.get(recipient=claimant, kind="claims.approved")
    assert told.params["company"] == "Beispiel IT GmbH"
    assert AuditEntry.objects.filter(action="claim_approve").exists()


def test_staff_reject_with_a_reason_and_the_claimant_is_told(client, claim, claimant):
    client.force_login(hub_staff("kassel"))
    _decide(client, claim, approve=False, note="Nicht im Handelsregister genannt")
    claim.refresh_from_db()
    assert claim.status == "rejected" and claim.decision_note == "Nicht im Handelsregister genannt"
    assert not Membership.objects.filter(company=claim.company).exists()
    told = Notification.objects.get(recipient=claimant, kind="claims.rejected")
    assert told.params["note"] == "Nicht im Handelsregister genannt"


def test_a_rejection_needs_a_reason(client, claim):
    client.force_login(hub_staff("kassel"))
    response = _decide(client, claim, approve=False)
    assert "begründen" in client.get(response["Location"]).content.decode()
    claim.refresh_from_db()
    assert claim.status == "pending"


def test_an_over_long_reason_is_refused(client, claim):
    client.force_login(hub_staff("kassel"))
    _decide(client, claim, approve=False, note="x" * 501)
    claim.refresh_from_db()
    assert claim.status == "pending"


@pytest.mark.parametrize(
    "make",
    [lambda: hub_staff("berlin"), UserFactory, lambda: member_of(CompanyFactory(hub_id="kassel"))],
)
def test_nobody_else_decides_a_claim(client, claim, claimant, make):
    client.force_login(make())
    for approve in (True, False):
        response = _decide(client, claim, approve=approve, note="nein")
        assert response.status_code == 404
    claim.refresh_from_db()
    assert claim.status == "pending" and not Membership.objects.filter(company=claim.company).exists()
    assert not Notification.objects.filter(recipient=claimant).exists()


def test_the_claimant_cannot_decide_their_own_claim(client, claim, claimant):
    client.force_login(claimant)
    assert _decide(client, claim, approve=True).status_code == 404
    assert Claim.objects.get().status == "pending"


def test_a_visitor_is_sent_to_the_login(client, claim):
    response = _decide(client, claim, approve=True)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert Claim.objects.get().status == "pending"


def test_a_claim_is_decided_once(client, claim):
    client.force_login(hub_staff("kassel"))
    _decide(client, claim, approve=True)
    response = _decide(client, claim, approve=False, note="doch nicht")
    assert "bereits entschieden" in client.get(response["Location"]).content.decode()
    claim.refresh_from_db()
    assert claim.status == "approved"


def test_approval_is_refused_once_someone_else_took_the_company_over(client, claim, company):
    other = services.claim_start(actor=person("bert@beispiel-it.de"), company_id=company.pk)
    assert other.status == "approved"
    client.force_login(hub_staff("kassel"))
    response = _decide(client, claim, approve=True)
    assert "inzwischen Mitglieder" in client.get(response["Location"]).content.decode()
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert list(Membership.objects.values_list("user__email", flat=True)) == ["bert@beispiel-it.de"]


def test_a_company_without_hub_is_decided_by_center_admins_only(client, claimant):
    company = CompanyFactory(hub_id=None)
    claim = services.claim_start(actor=claimant, company_id=company.pk)
    client.force_login(hub_staff("kassel"))
    assert _decide(client, claim, approve=True).status_code == 404
    client.force_login(center_admin())
    _decide(client, claim, approve=True)
    assert Claim.objects.get(pk=claim.pk).status == "approved"


def test_the_dashboard_links_the_list_for_staff(client, claim):
    client.force_login(hub_staff("kassel"))
    page = client.get(reverse("dashboard:index")).content.decode()
    assert reverse("claims:review") in page


def test_the_waiting_claim_reaches_the_staff_inbox(client, company):
    staff = hub_staff("kassel")
    services.claim_start(
        actor=person("anna@example.org", first_name="Anna", last_name="A"), company_id=company.pk
    )
    client.force_login(staff)
    page = client.get("/mein/posteingang/").content.decode()
    assert "Anna A möchte das Profil von Beispiel IT GmbH übernehmen" in page
