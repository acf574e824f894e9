"""An invitation to a cooperation reaches the invited companies without members: a claim link to a contact
address, a phone task for the hub staff without one; whoever claims through the link then finds the
invitation and answers it."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from itkoop.claims.models import ClaimInvitation
from itkoop.cooperation import services as cooperation
from itkoop.cooperation.models import CooperationParticipant
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, hub_staff, member_of
from .conftest import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer():
    return CompanyFactory(name="Kunde Tischlerei GmbH", hub_id="kassel")


def test_invited_companies_without_members_are_reached(customer, company, django_capture_on_commit_callbacks):
    inviter = member_of(customer)
    with_members = CompanyFactory(name="Aktiv GmbH", contact_email="info@aktiv.example")
    member_of(with_members)
    unreachable = CompanyFactory(name="Nur Telefon KG", hub_id="kassel", contact_phone="0561 55555")
    staff = hub_staff("kassel")
    with django_capture_on_commit_callbacks(execute=True):
        made = cooperation.cooperation_invite(
            actor=inviter,
            companies=[customer, company, with_members, unreachable],
            title="Digitale Werkstatt",
            accept_code_of_conduct=True,
        )
    claim_mails = [m for m in mail.outbox if m.to == ["info@beispiel-it.de"]]
    assert len(claim_mails) == 1 and "Digitale Werkstatt" in claim_mails[0].subject
    assert not [m for m in mail.outbox if m.to == ["info@aktiv.example"]]  # it has members: they are told
    assert ClaimInvitation.objects.get().cooperation_id == made.pk
    task = Notification.objects.get(kind="claims.contact_by_phone")
    assert task.recipient == staff and task.params["company"] == "Nur Telefon KG"


def test_the_claimant_finds_and_answers_the_invitation(
    client, customer, company, django_capture_on_commit_callbacks
):
    inviter = member_of(customer)
    with django_capture_on_commit_callbacks(execute=True):
        made = cooperation.cooperation_invite(
            actor=inviter,
            companies=[customer, company],
            title="Digitale Werkstatt",
            accept_code_of_conduct=True,
        )
    link = re.search(r"http://testserver(/unternehmen-uebernehmen/link/\S+/)", mail.outbox[-1].body).group(1)
    client.force_login(person("anna@beispiel-it.de"))
    response = client.post(link, {})
    assert response["Location"] == reverse("dashboard:index")
    area = client.get(response["Location"]).content.decode()
    assert "Digitale Werkstatt" in area
    participant = CooperationParticipant.objects.get(cooperation=made, company=company)
    client.post(
        reverse("cooperation:respond", args=[participant.pk]), {"accept": "1", "accept_code_of_conduct": "on"}
    )
    participant.refresh_from_db()
    assert participant.state == CooperationParticipant.State.ACCEPTED


def test_after_a_withdrawal_the_claim_link_no_longer_speaks_of_the_invitation(
    client, customer, company, django_capture_on_commit_callbacks
):
    inviter = member_of(customer)
    with django_capture_on_commit_callbacks(execute=True):
        made = cooperation.cooperation_invite(
            actor=inviter,
            companies=[customer, company],
            title="Digitale Werkstatt",
            accept_code_of_conduct=True,
        )
    link = re.search(r"http://testserver(/unternehmen-uebernehmen/link/\S+/)", mail.outbox[-1].body).group(1)
    cooperation.cooperation_withdraw(actor=inviter, cooperation=made)
    client.force_login(person("anna@beispiel-it.de"))
    page = client.get(link).content.decode()
    assert "Profil von Beispiel IT GmbH übernehmen" in page  # the profile can still be taken over
    assert "Digitale Werkstatt" not in page and "eingeladen" not in page
    response = client.post(link, {})
    assert response.status_code == 302
    assert "Einladung zur Kooperation" not in " ".join(m.message for m in response.wsgi_request._messages)
