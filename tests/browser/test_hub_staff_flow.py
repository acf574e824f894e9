"""Hub staff log in and verify a company of their hub; the badge shows on the public profile."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import hub_staff

from .axe import assert_accessible

pytestmark = pytest.mark.browser


def test_hub_staff_verifies_a_company_of_their_hub(page, live_server, catalog):
    staff = hub_staff("kassel")

    page.goto(f"{live_server.url}/konto/login/")
    assert_accessible(page)
    page.get_by_label("E-Mail-Adresse").fill(staff.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()

    expect(page).to_have_url(re.compile(r"/mein/$"))
    to_verify = page.get_by_role("heading", name="Zu prüfende Profile")
    expect(to_verify).to_be_visible()
    assert_accessible(page)

    page.locator("main").get_by_role("link", name="Nordlicht ERP GmbH").click()
    expect(page).to_have_url(re.compile(r"/katalog/unternehmen/c1/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("noch nicht geprüft")
    assert_accessible(page)

    page.get_by_role("button", name="Profil als geprüft markieren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("geprüftes Profil")
    expect(page.get_by_role("button", name="Prüfung zurücknehmen")).to_be_visible()
    assert_accessible(page)


def test_login_with_a_wrong_password_shows_an_accessible_error(page, live_server, catalog):
    staff = hub_staff("kassel")
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(staff.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("falsch-falsch-falsch")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_hub_staff_see_the_figures_and_the_company_admin_under_the_security_policy(
    page, live_server, catalog
):
    """The funnel bars (SVG, no style attribute) and the admin's company form work under the strict CSP; the
    page fixture fails the test on any violation."""
    staff = hub_staff("kassel")
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(staff.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))

    page.goto(f"{live_server.url}/kennzahlen/")
    expect(page.locator("svg.funnel-bar").first).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/admin/registry/company/")
    page.get_by_role("link", name="Nordlicht ERP GmbH").click()
    expect(page.get_by_role("button", name="Sichern", exact=True)).to_be_visible()
