"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety check would refuse the
ORM calls the tests make to set up data; the live server itself runs in its own thread and is unaffected.
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("ITKOOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Runs in every page before its own scripts (through the DevTools protocol, which the page's CSP does not
# govern): each violation of the Content-Security-Policy becomes a console error the fixture collects.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
                " at " + e.sourceFile + ":" + e.lineNumber);
});
"""


def _is_csp_violation(text: str) -> bool:
    return text.startswith("CSP violation:") or "Content Security Policy" in text


@pytest.fixture
def page(browser, live_server):
    """A fresh page; the test fails if anything on it broke the Content-Security-Policy (issue 16.14)."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if message.type == "error" and _is_csp_violation(message.text)
            else None
        ),
    )
    yield page
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(dict.fromkeys(violations))


@pytest.fixture
def catalog(transactional_db, mini_catalog_path):
    """The small test catalog, committed so the live server's thread sees it."""
    from itkoop.registry.catalog_io import import_catalog, read_catalog_file

    import_catalog(read_catalog_file(mini_catalog_path), attested_from_file=True)
