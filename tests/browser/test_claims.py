"""A company without members is invited: its contact address gets a claim link; the recipient signs up through
it, comes back, claims with another address, and the hub staff approve from their list. The company page
(with contact data and claim offer), the claim page and the staff list pass axe-core at 1280 and 390 px and
do not scroll sideways."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from itkoop.accounts.models import Membership
from itkoop.cooperation import services as cooperation_services
from tests.factories import CompanyFactory, hub_staff, member_of

from .axe import assert_accessible_at_both_widths
from .login import log_in as _login

pytestmark = pytest.mark.browser


def test_an_invited_company_is_claimed_through_its_link(page, live_server, transactional_db):
    customer = CompanyFactory(name="Tischlerei Holzwurm GmbH", hub_id="kassel")
    provider = CompanyFactory(
        name="Beispiel IT GmbH",
        hub_id="kassel",
        website="www.beispiel-it.de",
        contact_name="Vertrieb",
        contact_email="vertrieb-mit-einer-recht-langen-adresse@beispiel-it.de",
        contact_phone="+49 561 123456",
        publish_contact=True,
    )
    staff = hub_staff("kassel")
    cooperation_services.cooperation_invite(
        actor=member_of(customer),
        companies=[customer, provider],
        title="Digitale Werkstatt",
        accept_code_of_conduct=True,
    )
    [claim_mail] = [m for m in mail.outbox if m.to == [provider.contact_email]]
    link = re.search(r"http://testserver(/unternehmen-uebernehmen/link/\S+/)", claim_mail.body).group(1)

    page.goto(f"{live_server.url}{provider.get_absolute_url()}")
    expect(page.get_by_role("heading", name="Ist das Ihr Unternehmen?")).to_be_visible()
    expect(page.get_by_role("link", name="www.beispiel-it.de")).to_have_attribute(
        "href", "https://www.beispiel-it.de"
    )
    assert_accessible_at_both_widths(page)

    page.goto(f"{live_server.url}{link}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Profil von Beispiel IT GmbH übernehmen")
    assert_accessible_at_both_widths(page)
    page.get_by_role("link", name="Konto anlegen").click()
    page.get_by_label("E-Mail-Adresse").fill("anna@example.org")
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("ein-langes-passwort-7")
    page.get_by_label(re.compile(r"^Passwort \(Wiederholung\)\W*$")).fill("ein-langes-passwort-7")
    page.get_by_label("Ich habe die Datenschutzerklärung zur Kenntnis genommen.").check()
    page.locator("form.account-form").get_by_role("button", name="Konto anlegen").click()
    expect(page).to_have_url(re.compile(re.escape(link) + "$"))  # back on the claim page through `next`
    assert_accessible_at_both_widths(page)
    page.get_by_label("Ihre Rolle im Unternehmen (freiwillig)").fill("Vertriebsleitung")
    page.get_by_role("button", name="Profil übernehmen").click()
    expect(page.locator(".message").first).to_contain_text("wartet auf das Stützpunkt-Team")
    assert_accessible_at_both_widths(page)

    _login(page, live_server, staff.email)
    page.goto(f"{live_server.url}/unternehmen-uebernehmen/pruefen/")
    expect(page.get_by_text("Vertriebsleitung")).to_be_visible()
    assert_accessible_at_both_widths(page)
    page.locator("article.claim").get_by_role("button", name="Annehmen").click()
    expect(page.get_by_role("status")).to_contain_text("ist jetzt Mitglied von Beispiel IT GmbH")
    assert Membership.objects.filter(company=provider, user__email="anna@example.org").exists()
