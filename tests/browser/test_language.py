"""The English pages pass the same accessibility checks, and the header's language switch works both ways."""

import re

import pytest
from playwright.sync_api import expect

from .axe import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/en/katalog/", "/en/katalog/unternehmen/c3/", "/en/konto/login/"])
def test_english_pages_are_accessible(page, live_server, catalog, path):
    page.goto(f"{live_server.url}{path}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)


def test_language_switch_in_the_header(page, live_server, catalog):
    page.goto(f"{live_server.url}/katalog/?q=Buchhaltung")
    expect(page.locator("html")).to_have_attribute("lang", "de")

    switch = page.locator("form.lang-switch")  # its label and button are translated; the form is the same
    switch.get_by_role("combobox").select_option("en")
    switch.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/en/katalog/\?q=Buchhaltung$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(switch.get_by_role("combobox")).to_have_value("en")
    assert_accessible(page)

    switch.get_by_role("combobox").select_option("de")
    switch.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"//[^/]+/katalog/\?q=Buchhaltung$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(switch.get_by_role("combobox")).to_have_value("de")
