"""Logging in through the site's own login form, as a person would (the browser tests' one way in)."""

import re

from playwright.sync_api import expect

PASSWORD = "a-long-test-password"  # the factories' password (tests/factories.py)


def log_in(page, live_server, email: str, password: str = PASSWORD, *, prefix: str = "") -> None:
    page.goto(f"{live_server.url}{prefix}/konto/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form:has(input[name=login]) button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))
