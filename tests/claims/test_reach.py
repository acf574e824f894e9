"""Reaching a company without members: a claim e-mail to its contact address (after commit, German and
English, naming who invites and why, with an absolute single-use link), or a phone task for its hub staff."""

import re

import pytest
from django.core import mail
from django.db import transaction

from itkoop.claims.models import ClaimInvitation
from itkoop.claims.services import MAILS_PER_COMPANY_DAY, Reached, reach_unclaimed_company
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db


class _Cooperation:
    pk = 4711
    title = "Digitale Werkstatt"


@pytest.fixture
def inviter():
    user = member_of(CompanyFactory(name="Kunde Tischlerei GmbH"))
    user.first_name, user.last_name = "Karl", "Kunde"
    user.save()
    return user


def _reach(company, inviter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        return reach_unclaimed_company(
            company=company, reason="Digitale Werkstatt", cooperation=_Cooperation(), actor=inviter
        )


def test_a_company_with_members_is_not_reached(company, inviter, django_capture_on_commit_callbacks):
    member_of(company)
    assert _reach(company, inviter, django_capture_on_commit_callbacks) is Reached.HAS_MEMBERS
    assert mail.outbox == [] and not ClaimInvitation.objects.exists()


def test_the_claim_mail_goes_to_the_contact_address(company, inviter, django_capture_on_commit_callbacks):
    assert _reach(company, inviter, django_capture_on_commit_callbacks) is Reached.MAILED
    [message] = mail.outbox
    assert message.to == ["info@beispiel-it.de"]
    assert "Digitale Werkstatt" in message.subject and "Beispiel IT GmbH" in message.subject
    body = message.body
    assert "Karl Kunde (Kunde Tischlerei GmbH) hat Beispiel IT GmbH" in body  # who invites, and why
    assert "invited Beispiel IT GmbH" in body  # the English part below the German
    assert "@beispiel-it.de" in body
    assert inviter.email not in body  # the inviter's own address is not handed out
    links = re.findall(r"http://testserver/\S+", body)
    assert links[0].startswith("http://testserver/unternehmen-uebernehmen/link/")
    assert links[1].startswith("http://testserver/en/unternehmen-uebernehmen/link/")
    html = message.alternatives[0][0]
    assert f'href="{links[0]}"' in html and 'lang="en"' in html
    invitation = ClaimInvitation.objects.get()
    token = links[0].rstrip("/").rsplit("/", 1)[1]
    assert token not in repr(ClaimInvitation.objects.values())  # only the digest is stored
    assert invitation.sent_at is not None and invitation.cooperation_id == 4711


def test_the_unpublished_contact_address_is_used_too(company, inviter, django_capture_on_commit_callbacks):
    company.publish_contact = False
    company.save()
    assert _reach(company, inviter, django_capture_on_commit_callbacks) is Reached.MAILED
    assert mail.outbox[0].to == ["info@beispiel-it.de"]


def test_nothing_is_sent_when_the_invitation_rolls_back(company, inviter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                reach_unclaimed_company(company=company, reason="x", actor=inviter)
                raise RuntimeError
        except RuntimeError:
            pass
    assert mail.outbox == [] and not ClaimInvitation.objects.exists()


def test_a_company_gets_a_few_claim_mails_a_day_at_most(company, inviter, django_capture_on_commit_callbacks):
    results = [
        _reach(company, inviter, django_capture_on_commit_callbacks) for _ in range(MAILS_PER_COMPANY_DAY + 1)
    ]
    assert results[-1] is Reached.THROTTLED
    assert len(mail.outbox) == MAILS_PER_COMPANY_DAY


def test_without_an_address_the_hub_staff_are_asked_to_phone(inviter, django_capture_on_commit_callbacks):
    company = CompanyFactory(name="Ohne Mail KG", hub_id="kassel", contact_phone="0561 987654")
    kassel, berlin = hub_staff("kassel"), hub_staff("berlin")
    assert _reach(company, inviter, django_capture_on_commit_callbacks) is Reached.STAFF_ASKED
    [task] = Notification.objects.filter(kind="claims.contact_by_phone")
    assert task.recipient == kassel and task.recipient != berlin
    assert task.params["phone"] == "0561 987654" and task.params["company"] == "Ohne Mail KG"
    assert task.params["reason"] == "Digitale Werkstatt" and "Karl Kunde" in task.params["inviter"]
    assert task.url_args == [company.external_id]
    assert not ClaimInvitation.objects.exists()
    assert [m for m in mail.outbox if m.to == [kassel.email]]  # staff are told by e-mail too
    assert not [m for m in mail.outbox if m.to == [berlin.email]]


def test_a_company_without_hub_or_address_goes_to_the_center_admins(
    inviter, django_capture_on_commit_callbacks
):
    company = CompanyFactory(hub_id=None, contact_phone="")
    admin = center_admin()
    assert _reach(company, inviter, django_capture_on_commit_callbacks) is Reached.STAFF_ASKED
    task = Notification.objects.get(kind="claims.contact_by_phone")
    assert task.recipient == admin and task.params["phone"] == "–"


def test_the_staff_task_reads_in_the_inbox(client, inviter, django_capture_on_commit_callbacks):
    company = CompanyFactory(name="Ohne Mail KG", hub_id="kassel", contact_phone="0561 987654")
    staff = hub_staff("kassel")
    _reach(company, inviter, django_capture_on_commit_callbacks)
    client.force_login(staff)
    page = client.get("/mein/posteingang/").content.decode()
    assert "Bitte rufen Sie Ohne Mail KG an (Telefon: 0561 987654)" in page


def test_a_long_reason_leaves_both_languages_whole_in_the_subject(
    company, inviter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        reach_unclaimed_company(
            company=company,
            reason="Warenwirtschaft mit Onlineshop " * 10,
            cooperation=_Cooperation(),
            actor=inviter,
        )
    [message] = mail.outbox
    german, english = message.subject.split(" / ")
    assert german.startswith("Einladung zur Kooperation") and german.endswith("Beispiel IT GmbH")
    assert english.startswith("Invitation") and english.endswith("Beispiel IT GmbH")
