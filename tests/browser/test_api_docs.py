"""The API's documentation page: Swagger UI from npm runs under the site's Content-Security-Policy (the page
fixture fails on any violation) and shows every operation of the generated description."""

import pytest
from playwright.sync_api import expect

from .axe import assert_accessible

pytestmark = pytest.mark.browser


def test_docs_page_renders_the_description(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/api/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programmierschnittstelle (API)")
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/match/")).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/events/{id}/ics/")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_member_makes_a_key_sees_it_once_and_revokes_it(page, live_server, transactional_db):
    import re

    from tests.factories import CompanyFactory, member_of

    user = member_of(CompanyFactory())
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))
    page.get_by_role("link", name="API-Schlüssel verwalten").click()
    page.get_by_label("Bezeichnung des Schlüssels").fill("Warenwirtschaft")
    page.get_by_role("button", name="Schlüssel anlegen").click()
    key = page.get_by_label("Schlüssel", exact=True).input_value()
    assert key.startswith("itk_")
    assert_accessible(page)
    page.reload()  # repeats the GET that showed the key, not the POST that made it
    expect(page.get_by_label("Schlüssel", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("widerrufen"))).to_have_count(1)
    page.get_by_role("button", name="Schlüssel „Warenwirtschaft“ widerrufen").click()
    expect(page.get_by_text("Der API-Schlüssel ist widerrufen")).to_be_visible()
    expect(page.get_by_text("Sie haben noch keinen API-Schlüssel.")).to_be_visible()
    assert key not in page.content()
    assert_accessible(page)
