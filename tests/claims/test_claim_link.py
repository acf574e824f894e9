"""The claim link from the e-mail: sign up or log in and come back (`next`), then become a member at once with
a confirmed address at the company's web domain, or wait for the hub staff. A link used twice, expired,
tampered with, or for a company claimed meanwhile is refused with a clear message and changes nothing."""

import datetime as dt
import re
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.core import mail, signing
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from itkoop.accounts.models import Membership, User
from itkoop.claims import services
from itkoop.claims.models import Claim, ClaimInvitation
from itkoop.notifications.models import Notification

from ..factories import UserFactory, center_admin, hub_staff, member_of
from .conftest import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(company, django_capture_on_commit_callbacks) -> str:
    """The path of a fresh claim link, as the e-mail carries it."""
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.reach_unclaimed_company(
            company=company, reason="Digitale Werkstatt", cooperation=type("Cooperation", (), {"pk": 7})()
        )
    url = re.search(r"http://testserver(/unternehmen-uebernehmen/link/\S+/)", mail.outbox[-1].body).group(1)
    mail.outbox.clear()
    return url


def _token(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[1]


def _nothing_changed(company) -> bool:
    return not Claim.objects.exists() and not Membership.objects.filter(company=company).exists()


def test_a_visitor_sees_the_offer_and_is_led_to_signup_and_back(client, company, link):
    page = client.get(link).content.decode()
    assert "Profil von Beispiel IT GmbH übernehmen" in page
    assert "Digitale Werkstatt" in page
    next_param = "?next=" + quote(link)
    assert reverse("account_signup") + next_param in page
    assert reverse("account_login") + next_param in page
    signup = client.post(
        reverse("account_signup") + "?next=" + link,
        {
            "email": "neu@beispiel-it.de",
            "password1": "ein-langes-passwort-7",
            "password2": "ein-langes-passwort-7",
            "privacy_acknowledged": "on",
            "next": link,
        },
    )
    assert signup.status_code == 302 and signup["Location"] == link
    assert User.objects.filter(email="neu@beispiel-it.de").exists()
    assert _nothing_changed(company)  # signing up alone claims nothing


def test_a_visitor_posting_the_claim_is_sent_to_login(client, company, link):
    response = client.post(link, {"note": "Chef"})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert _nothing_changed(company)


def test_a_confirmed_address_at_the_domain_makes_a_member_at_once(client, company, link):
    user = person("anna@vertrieb.beispiel-it.de")
    client.force_login(user)
    assert "passt zu beispiel-it.de" in client.get(link).content.decode()
    response = client.post(link, {"note": "Geschäftsführerin"})
    assert response.status_code == 302
    assert Membership.objects.get(company=company).user == user
    assert Membership.objects.get(company=company).role == "owner"
    claim = Claim.objects.get()
    assert (claim.status, claim.by_domain, claim.route) == ("approved", True, "link")
    assert not Notification.objects.filter(kind="claims.pending").exists()
    assert ClaimInvitation.objects.get().used_by == user


def test_another_address_waits_for_the_hub_staff(client, company, link):
    staff, other_hub = hub_staff("kassel"), hub_staff("berlin")
    user = person("anna@gmail.com")
    client.force_login(user)
    response = client.post(link, {"note": "Vertrieb"})
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:start", args=[company.external_id])
    claim = Claim.objects.get()
    assert claim.status == "pending" and not claim.by_domain
    assert not Membership.objects.filter(company=company).exists()
    told = Notification.objects.get(kind="claims.pending")
    assert told.recipient == staff and told.recipient != other_hub
    page = client.get(response["Location"]).content.decode()
    assert "wartet auf das Stützpunkt-Team" in page


def test_an_unconfirmed_address_at_the_domain_waits_until_it_is_confirmed(client, company, link):
    user = person("anna@beispiel-it.de", confirmed=False)
    client.force_login(user)
    assert "noch nicht bestätigt" in client.get(link).content.decode()
    client.post(link, {})
    assert Claim.objects.get().status == "pending"
    address = EmailAddress.objects.get(user=user)
    address.verified = True
    address.save()
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    claim = Claim.objects.get()
    assert claim.status == "approved" and claim.by_domain
    assert Membership.objects.filter(company=company, user=user).exists()
    assert Notification.objects.filter(recipient=user, kind="claims.approved").exists()


def test_an_unconfirmed_address_is_told_to_send_the_claim_before_confirming(client, company, link):
    # Confirming alone claims nothing (no claim waits yet): the page must say that both steps are needed.
    client.force_login(person("anna@beispiel-it.de", confirmed=False))
    page = client.get(link).content.decode()
    assert "Klicken Sie unten auf „Profil übernehmen“ und bestätigen Sie die Adresse" in page


def test_confirming_an_address_elsewhere_settles_nothing(client, company, link):
    user = person("anna@gmail.com", confirmed=False)
    client.force_login(user)
    client.post(link, {})
    address = EmailAddress.objects.get(user=user)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert Claim.objects.get().status == "pending"


def test_a_link_works_once(client, company, link):
    client.force_login(person("anna@gmail.com"))
    client.post(link, {})
    client.force_login(person("bert@gmail.com"))
    for response in (client.get(link), client.post(link, {})):
        assert response.status_code == 410
        assert "bereits verwendet" in response.content.decode()
    assert Claim.objects.count() == 1


def test_an_expired_link_is_refused(client, company, link):
    later = timezone.now() + dt.timedelta(days=15)
    with pytest.raises(services.ClaimError, match="abgelaufen") as error:
        services.claim_by_link(actor=person("anna@beispiel-it.de"), token=_token(link), now=later)
    assert error.value.status == 410
    assert _nothing_changed(company) and ClaimInvitation.objects.get().used_at is None


def test_a_link_still_valid_on_its_last_day(company, link):
    almost = timezone.now() + dt.timedelta(days=13, hours=23)
    claim = services.claim_by_link(actor=person("anna@beispiel-it.de"), token=_token(link), now=almost)
    assert claim.status == "approved"


def test_a_link_whose_signature_is_too_old_is_refused(client, company, monkeypatch):
    """The signed timestamp expires as well (max_age), whatever the row says."""
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 15 * 24 * 3600)
    token = signing.dumps({"c": company.pk, "n": "x"}, salt=services.TOKEN_SALT)
    monkeypatch.undo()
    ClaimInvitation.objects.create(
        company=company,
        email="info@beispiel-it.de",
        token_digest=services._digest(token),
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    client.force_login(person("anna@beispiel-it.de"))
    response = client.post(reverse("claims:link", args=[token]), {})
    assert response.status_code == 410 and "abgelaufen" in response.content.decode()
    assert _nothing_changed(company)


@override_settings(ITKOOP_CLAIM_LINK_DAYS=2)
def test_the_validity_follows_the_setting(company, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.reach_unclaimed_company(company=company, reason="x")
    invitation = ClaimInvitation.objects.get()
    assert invitation.expires_at - invitation.created == dt.timedelta(days=2)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # the signature
        lambda t: signing.dumps({"c": 1, "n": "x"}, salt="other"),  # another salt
        lambda t: "kein-token",
        lambda t: "x" * 400,
    ],
)
def test_a_tampered_link_is_refused(client, company, link, tamper):
    client.force_login(person("anna@beispiel-it.de"))
    bad = reverse("claims:link", args=[tamper(_token(link))])
    for response in (client.get(bad), client.post(bad, {})):
        assert response.status_code == 400
        assert "ungültig" in response.content.decode()
    assert _nothing_changed(company)


def test_a_genuine_signature_for_another_company_is_refused(client, company, link):
    """A token signed with our key but never sent (no stored digest) opens nothing."""
    forged = signing.dumps({"c": company.pk, "n": "selbst-gemacht"}, salt=services.TOKEN_SALT)
    client.force_login(person("anna@beispiel-it.de"))
    response = client.post(reverse("claims:link", args=[forged]), {})
    assert response.status_code == 400
    assert _nothing_changed(company)


def test_a_company_claimed_meanwhile_is_refused(client, company, link):
    member_of(company)
    client.force_login(person("anna@beispiel-it.de"))
    response = client.post(link, {})
    assert response.status_code == 409
    assert "bereits von Mitgliedern" in response.content.decode()
    assert not Claim.objects.exists() and ClaimInvitation.objects.get().used_at is None


@pytest.mark.parametrize("make", [lambda: hub_staff("kassel"), center_admin])
def test_staff_accounts_do_not_claim(client, company, link, make):
    client.force_login(make())
    response = client.post(link, {})
    assert response.status_code == 400
    assert _nothing_changed(company) and ClaimInvitation.objects.get().used_at is None


@pytest.mark.parametrize("make", [lambda: hub_staff("kassel"), center_admin])
def test_the_link_tells_staff_accounts_that_they_claim_nothing_instead_of_offering_a_form(
    client, company, link, make
):
    client.force_login(make())
    page = client.get(link).content.decode()
    assert "Konten des Stützpunkt-Teams übernehmen keine Unternehmensprofile" in page
    assert 'method="post" class="card"' not in page and "werden Sie sofort Mitglied" not in page


def test_an_over_long_note_is_a_form_error(client, company, link):
    client.force_login(UserFactory())
    response = client.post(link, {"note": "x" * 1001})
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    assert _nothing_changed(company) and ClaimInvitation.objects.get().used_at is None


def test_after_claiming_through_an_invitation_the_person_is_sent_to_their_area(client, company, link):
    client.force_login(person("anna@beispiel-it.de"))
    response = client.post(link, {})
    assert response["Location"] == reverse("dashboard:index")
