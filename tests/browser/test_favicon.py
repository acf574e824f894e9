"""The browser finds the site's icon: no failed request (the 404 of /favicon.ico each browser asks for) and
no error in the console on a page."""

import pytest

pytestmark = pytest.mark.browser


def test_a_page_and_its_icon_load_without_errors(page, live_server, catalog):
    errors: list[str] = []
    failed: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(f"{live_server.url}/katalog/")
    page.wait_for_load_state("networkidle")
    icon = page.locator('link[rel="icon"]')
    assert icon.get_attribute("type") == "image/svg+xml"
    fetched = page.request.get(f"{live_server.url}{icon.get_attribute('href')}")
    assert fetched.ok and fetched.headers["content-type"].startswith("image/svg+xml")
    response = page.goto(f"{live_server.url}/favicon.ico")
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")
    assert failed == [] and errors == []
