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
