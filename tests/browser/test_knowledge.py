"""Self-check -> recommendations -> article, anonymously and as a company member who saves and repeats the
check; the knowledge base search and the editor's preview. axe-core finds nothing on any page."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CompanyFactory, center_admin, member_of
from tests.knowledge.helpers import saved_result

from .axe import assert_accessible
from .login import log_in as _login

pytestmark = pytest.mark.browser


def _answer_all(page, value: int, weak_dimension: str | None = None):
    """Answer every question with `value`, and the questions of `weak_dimension` with 0."""
    for radio in page.locator(f"input[type=radio][value='{value}']").all():
        radio.check()
    if weak_dimension:
        for radio in page.locator(f"section[aria-labelledby='dim-{weak_dimension}'] input[value='0']").all():
            radio.check()


def test_anonymous_selfcheck_recommendations_article(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/wissen/")
    assert_accessible(page)
    page.get_by_role("link", name="Selbstcheck starten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selbstcheck")
    assert_accessible(page)

    # Submitting an incomplete form shows accessible errors and keeps the answers given.
    page.get_by_role("button", name="Auswerten").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert_accessible(page)

    _answer_all(page, 3, weak_dimension="cooperation")
    page.get_by_role("button", name="Auswerten").click()
    expect(page).to_have_url(re.compile(r"/wissen/selbstcheck/ergebnis/$"))
    expect(page.get_by_role("img", name="Netzdiagramm der Werte je Themenfeld")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"Kooperationsfähigkeit\s+0"))).to_be_visible()
    assert_accessible(page)

    recommendations = page.locator("section[aria-labelledby='recommendations-heading']")
    expect(recommendations.get_by_role("heading", level=3).first).to_contain_text("Kooperationsfähigkeit")
    first_article = recommendations.locator("a[href*='/wissen/artikel/']").first
    title = first_article.inner_text()
    first_article.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_accessible(page)


def test_member_saves_repeats_and_compares_with_hub(page, live_server, transactional_db):
    company = CompanyFactory(name="Selbstcheck Software GmbH", hub_id="kassel")
    for value in (1, 2, 3):
        saved_result(CompanyFactory(hub_id="kassel"), value=value)
    _login(page, live_server, member_of(company))

    for value in (1, 3):
        page.goto(f"{live_server.url}/wissen/selbstcheck/")
        _answer_all(page, value)
        page.get_by_label("Ergebnis speichern für").select_option(label="Selbstcheck Software GmbH")
        page.get_by_role("button", name="Auswerten").click()
        expect(page).to_have_url(re.compile(r"/wissen/selbstcheck/ergebnis/\d+/$"))

    expect(page.get_by_text("Durchschnitt Stützpunkt Kassel").first).to_be_visible()
    expect(page.get_by_role("img", name="Gesamtwert der bisherigen Selbstchecks")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Selbstcheck wiederholen").click()
    expect(page.locator("input[name='strategy-1'][value='3']")).to_be_checked()
    assert_accessible(page)


def test_search_and_editor_preview(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/wissen/")
    page.get_by_label("Suchbegriff").fill("Geheimhaltungsvereinbarung")
    page.get_by_role("button", name="Suchen").click()
    results = page.locator("ul.results")
    results.get_by_role("link", name=re.compile("Geheimhaltungsvereinbarung")).click()
    expect(page.locator("#geheimhaltung")).to_be_visible()
    assert_accessible(page)

    _login(page, live_server, center_admin())
    page.goto(f"{live_server.url}/wissen/artikel/haftung/bearbeiten/")
    assert_accessible(page)
    page.get_by_label("Titel (deutsch)").fill("Haftung in Kooperationen – überarbeitet")
    page.get_by_role("button", name="Vorschau anzeigen").click()
    expect(page.get_by_role("heading", name="Vorschau")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Haftung in Kooperationen – überarbeitet")
