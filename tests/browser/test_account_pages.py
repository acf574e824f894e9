"""allauth's pages in the site's layout: password reset from the e-mailed link, logout confirmation."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

from .axe import assert_accessible

pytestmark = pytest.mark.browser


def test_password_reset_by_e_mail_link(page, live_server, transactional_db, mailoutbox):
    user = UserFactory(email="vergesslich@example.org")

    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_role("link", name="Passwort vergessen?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Passwort zurücksetzen")
    assert_accessible(page)
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_role("button", name="Link anfordern").click()
    expect(page.get_by_text("Wir haben Ihnen eine E-Mail geschickt.")).to_be_visible()
    assert_accessible(page)

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/konto/password/reset/key/\S+", mailoutbox[0].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Neues Passwort festlegen")
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Neues Passwort\W*$")).fill("ein-neues-langes-Passwort-7")
    page.get_by_label(re.compile(r"^Neues Passwort \(Wiederholung\)")).fill("ein-neues-langes-Passwort-7")
    page.get_by_role("button", name="Passwort speichern").click()
    expect(page.get_by_text("Ihr Passwort wurde geändert.")).to_be_visible()
    assert_accessible(page)

    page.locator("main").get_by_role("link", name="Anmelden").click()
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("ein-neues-langes-Passwort-7")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))


def test_logout_confirmation_page(page, live_server, transactional_db):
    user = UserFactory()
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))

    page.goto(f"{live_server.url}/konto/logout/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Abmelden")
    assert_accessible(page)
    page.locator("main").get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Anmelden")).to_be_visible()


def test_account_settings_pages(page, live_server, transactional_db):
    user = UserFactory()
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))

    page.goto(f"{live_server.url}/konto/email/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/konto/password/change/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Aktuelles Passwort\W*$")).fill("a-long-test-password")
    page.get_by_label(re.compile(r"^Neues Passwort\W*$")).fill("ein-anderes-langes-Passwort-9")
    page.get_by_label(re.compile(r"^Neues Passwort \(Wiederholung\)")).fill("ein-anderes-langes-Passwort-9")
    page.locator("main form").get_by_role("button").click()
    expect(page.get_by_role("status")).to_be_visible()
    assert_accessible(page)
