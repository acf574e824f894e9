"""The whole way from a need to partners talking (issue 9.7): a customer reviews and sends the invitation of a
joint offer's providers, one with an account (who reads English) and one without; the second gets a claim
link at its published address, signs up through it, confirms an address at its own domain and so becomes a
member; both accept; messages go both ways; the customer is told of both answers. Each e-mail is read from
the outbox: subject, language, an absolute link whose path opens on the site. Every page on the way passes
axe-core at 1280 and 390 px without sideways scroll."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from itkoop.accounts.models import Membership
from itkoop.cooperation.models import Cooperation, CooperationParticipant
from itkoop.registry.models import Company

from ..factories import CompanyFactory, UserFactory
from .axe import assert_accessible_at_both_widths
from .login import PASSWORD
from .login import log_in as _log_in

pytestmark = pytest.mark.browser

NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"
URL = re.compile(r"https?://[^\s<>\"]+")


def _mails_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def _link_path(message, contains: str) -> str:
    """The path of the mail's absolute link that contains `contains` (the mail must hold an absolute one)."""
    links = [u for u in URL.findall(message.body) if contains in u]
    assert links, f"no absolute link with {contains!r} in: {message.body}"
    return urlsplit(links[0]).path


def test_need_review_invite_claim_accept_talk(page, live_server, catalog):
    customer = UserFactory(email="kundin@holzwurm.example", first_name="Karla", last_name="Kunde")
    Membership.objects.create(user=customer, company=CompanyFactory(name="Tischlerei Holzwurm"), role="owner")
    nordlicht = Company.objects.get(external_id="c1")
    erp = UserFactory(email="erp@nordlicht.example", language="en")
    Membership.objects.create(user=erp, company=nordlicht, role="owner")
    shopwerk = Company.objects.get(external_id="c2")  # no account: reached at its published address
    Company.objects.filter(pk=shopwerk.pk).update(
        website="www.shopwerk.example", contact_email="info@shopwerk.example", publish_contact=True
    )

    # The customer: need -> offers -> review -> send, with a personal message.
    _log_in(page, live_server.url, customer.email)
    page.goto(f"{live_server.url}/bedarf/")
    page.get_by_label("Was brauchen Sie?").fill(NEED)
    page.get_by_role("button", name="Angebote zusammenstellen").click()
    offer = page.get_by_role("article").first
    expect(offer).to_contain_text("Shopwerk Aachen UG")
    expect(offer).to_contain_text("Nordlicht ERP GmbH")
    offer.get_by_role("button", name="Diese Anbieter einladen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Einladung prüfen")
    assert Cooperation.objects.count() == 0  # the review writes nothing
    assert_accessible_at_both_widths(page)
    page.get_by_label("Persönliche Nachricht an die Eingeladenen").fill("Wir freuen uns auf Ihr Angebot.")
    page.get_by_role("checkbox", name=re.compile("Verhaltenskodex")).check()
    page.get_by_role("button", name="Einladungen senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEED)
    assert_accessible_at_both_widths(page)
    cooperation = Cooperation.objects.get()
    assert cooperation.created_by == customer

    # The provider with an account reads English: its mail is English, names the inviter and holds the link.
    [invitation] = _mails_to(erp.email)
    assert "Karla Kunde" in invitation.subject and "invites" in invitation.subject
    assert "Wir freuen uns auf Ihr Angebot." in invitation.body
    cooperation_path = _link_path(invitation, f"/{cooperation.pk}/")
    # The company without an account: one claim link to its published address, German first.
    [claim_mail] = _mails_to("info@shopwerk.example")
    assert "Karla Kunde" in claim_mail.body and "Tischlerei Holzwurm" in claim_mail.body
    claim_path = _link_path(claim_mail, "/unternehmen-uebernehmen/link/")

    _log_in(page, live_server.url, erp.email)
    page.goto(f"{live_server.url}{cooperation_path}")
    expect(page.get_by_text("Wir freuen uns auf Ihr Angebot.")).to_be_visible()
    assert_accessible_at_both_widths(page)
    page.get_by_label(re.compile("code of conduct", re.IGNORECASE)).check()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("status")).to_be_visible()

    # The recipient of the claim link signs up through it and confirms an address at the shop's own domain.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{claim_path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Profil von Shopwerk Aachen UG übernehmen")
    assert_accessible_at_both_widths(page)
    page.get_by_role("link", name="Konto anlegen").click()
    page.get_by_label("E-Mail-Adresse").fill("anna@shopwerk.example")
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill(PASSWORD)
    page.get_by_label(re.compile(r"^Passwort \(Wiederholung\)\W*$")).fill(PASSWORD)
    page.get_by_label("Ich habe die Datenschutzerklärung zur Kenntnis genommen.").check()
    page.locator("form.account-form").get_by_role("button", name="Konto anlegen").click()
    expect(page).to_have_url(re.compile(re.escape(claim_path) + "$"))
    page.get_by_role("button", name="Profil übernehmen").click()
    assert not Membership.objects.filter(company=shopwerk).exists()  # not before the address is confirmed
    [confirmation] = _mails_to("anna@shopwerk.example")
    page.goto(f"{live_server.url}{_link_path(confirmation, '/konto/')}")
    page.get_by_role("button", name="Bestätigen").click()
    anna = Membership.objects.get(company=shopwerk).user
    assert anna.email == "anna@shopwerk.example"
    page.goto(f"{live_server.url}/mein/")
    expect(page.get_by_role("heading", name="Wartet auf Sie")).to_be_visible()
    assert_accessible_at_both_widths(page)
    page.goto(f"{live_server.url}{cooperation.get_absolute_url()}")
    page.get_by_label(re.compile("Verhaltenskodex")).check()
    page.get_by_role("button", name="Zusagen").click()
    expect(page.get_by_role("status")).to_contain_text("Zusage")
    states = CooperationParticipant.objects.filter(cooperation=cooperation).values_list(
        "company__name", "state"
    )
    assert dict(states) == {
        "Tischlerei Holzwurm": "accepted",
        "Nordlicht ERP GmbH": "accepted",
        "Shopwerk Aachen UG": "accepted",
        "Kontor Finanzsoftware KG": "invited",  # the offer's third provider: no account, no address
    }

    # Messages both ways: the shop writes to the partners, the customer answers.
    page.get_by_role("link", name="Nachrichten an die Partner").click()
    page.get_by_role("button", name="Unterhaltung beginnen").click()
    page.get_by_label("Ihre Nachricht").fill("Guten Tag, wann sprechen wir über den Shop?")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("status")).to_contain_text("Nachricht ist gesendet")
    assert_accessible_at_both_widths(page)

    _log_in(page, live_server.url, customer.email)
    # The customer was told of each answer, in German, with a link to the cooperation.
    answers = [m for m in _mails_to(customer.email) if "angenommen" in m.subject]
    assert {("Nordlicht ERP GmbH" in m.subject, "Shopwerk Aachen UG" in m.subject) for m in answers} == {
        (True, False),
        (False, True),
    }
    assert all(_link_path(m, f"/{cooperation.pk}/") for m in answers)
    page.goto(f"{live_server.url}/mein/posteingang/")
    expect(page.locator("main")).to_contain_text("Nordlicht ERP GmbH hat die Einladung")
    expect(page.locator("main")).to_contain_text("Shopwerk Aachen UG hat die Einladung")
    assert_accessible_at_both_widths(page)
    page.goto(f"{live_server.url}/mein/nachrichten/")
    page.get_by_role("link", name=NEED).click()
    expect(page.locator(".message-body").first).to_contain_text("wann sprechen wir über den Shop?")
    page.get_by_label("Ihre Nachricht").fill("Gern morgen um 10 Uhr.")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.locator(".message-body")).to_have_count(2)

    [shop_notice] = [m for m in _mails_to(anna.email) if "Nachricht" in m.subject]
    _log_in(page, live_server.url, anna.email)
    page.goto(f"{live_server.url}{_link_path(shop_notice, '/mein/nachrichten/')}")
    expect(page.locator(".message-body").nth(1)).to_have_text("Gern morgen um 10 Uhr.")
    assert_accessible_at_both_widths(page)
