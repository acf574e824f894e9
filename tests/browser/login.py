"""Logging in through the site's own login form, as a person would: the browser tests' one way in."""

import re

from playwright.sync_api import expect

PASSWORD = "a-long-test-password"  # the factories' password (tests/factories.py)


def log_in(page, server, who, password: str = PASSWORD) -> None:
    """Log ``who`` (a user or an e-mail address) in on ``server`` (pytest-django's live server or its URL),
    after logging out whoever was logged in; lands on "Mein Bereich"."""
    base_url = getattr(server, "url", server)
    email = getattr(who, "email", who)
    page.context.clear_cookies()
    page.goto(f"{base_url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill(password)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))
