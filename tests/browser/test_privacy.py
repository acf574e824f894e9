"""Footer links to the Impressum and the privacy notice, the data download in "Mein Bereich", accessibility at
desktop and phone widths."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

from .axe import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_footer_leads_to_the_legal_pages(page, live_server, transactional_db, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/")
    page.get_by_role("contentinfo").get_by_role("link", name="Impressum").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Impressum")
    expect(page.get_by_text("[Name der verantwortlichen Stelle]")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("contentinfo").get_by_role("link", name="Datenschutz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datenschutzerklärung")
    expect(page.get_by_role("heading", name=re.compile("Ihre Rechte"))).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 390])
def test_data_download_from_my_area(page, live_server, transactional_db, width):
    user = UserFactory()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Meine Daten herunterladen").click()
    with open(download_info.value.path(), encoding="utf-8") as file:
        data = json.load(file)
    assert data["account"]["email"] == user.email
    page.get_by_role("link", name="Konto löschen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Konto löschen")
    assert_accessible(page)
