"""A visitor searches the catalog and follows a hit to the company and on to its solution."""

import re

import pytest
from playwright.sync_api import expect

from .axe import assert_accessible

pytestmark = pytest.mark.browser


def test_search_leads_to_company_and_solution(page, live_server, catalog):
    page.goto(f"{live_server.url}/katalog/")
    assert_accessible(page)

    page.get_by_label("Suchbegriff").fill("Buchhaltungssoftware")
    page.get_by_role("button", name="Suchen").click()
    results = page.locator("ul.results")
    expect(results.get_by_role("link", name="Kontor FiBu")).to_be_visible()
    assert_accessible(page)

    results.get_by_role("link", name="Kontor Finanzsoftware KG").click()
    expect(page).to_have_url(re.compile(r"/katalog/unternehmen/c3/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kontor Finanzsoftware KG")
    assert_accessible(page)

    page.locator("main").get_by_role("link", name="Kontor FiBu").click()
    expect(page).to_have_url(re.compile(r"/katalog/loesung/s3/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontor FiBu")
    assert_accessible(page)


def test_home_page_search_form_reaches_the_catalog(page, live_server, catalog):
    page.goto(f"{live_server.url}/")
    assert_accessible(page)
    submit = page.get_by_role("button", name="Im Katalog suchen")
    catalog_search = page.get_by_role("search").filter(has=submit)
    catalog_search.get_by_role("searchbox").fill("Buchhaltung")
    submit.click()
    expect(page.locator("ul.results").get_by_role("link", name="Kontor FiBu")).to_be_visible()
