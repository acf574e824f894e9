"""A provider finds the partner search from its company page, asks for partners for a need within a radius
and reads why each is proposed, in German and, after the header's language switch, in English."""

import re

import pytest
from playwright.sync_api import expect

from itkoop.accounts.models import Membership
from itkoop.registry.models import Company

from ..factories import UserFactory
from .axe import assert_accessible_at_both_widths
from .login import log_in

pytestmark = pytest.mark.browser
NEED = "Buchhaltung und Onlineshop für den Handel"


@pytest.fixture
def provider(catalog):
    """The owner of Nordlicht ERP (Kassel); the mini catalog's companies get their cities' coordinates."""
    for external_id, lat, lon in (("c1", 51.31, 9.48), ("c2", 50.78, 6.08), ("c3", 52.52, 13.40)):
        Company.objects.filter(external_id=external_id).update(lat=lat, lon=lon)
    user = UserFactory(email="erp@nordlicht.example")
    Membership.objects.create(user=user, company=Company.objects.get(external_id="c1"), role="owner")
    return user


def test_a_provider_finds_partners_for_a_need_within_a_radius_in_both_languages(page, live_server, provider):
    log_in(page, live_server, provider)
    page.get_by_role("link", name="Nordlicht ERP GmbH").first.click()
    page.get_by_role("link", name="Passende Partner finden").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Mit wem sollte Nordlicht ERP GmbH kooperieren?")
    assert_accessible_at_both_widths(page)

    page.get_by_label("Für einen bestimmten Bedarf (optional)").fill(NEED)
    page.get_by_label("Umkreis").select_option(label="bis 500 km")
    page.get_by_role("button", name="Partner suchen").click()
    expect(page).to_have_url(re.compile(r"km=500"))
    results = page.locator("ol.results > li")
    expect(results.first.get_by_role("heading", level=2)).to_be_visible()
    expect(results.first.get_by_role("listitem").first).to_be_visible()
    expect(page.locator("ol.results")).to_contain_text("km entfernt")
    expect(page.locator("ol.results")).to_contain_text("Ergänzt Ihr Angebot")
    expect(page.get_by_label("Umkreis")).to_have_value("500")
    assert_accessible_at_both_widths(page)

    switch = page.locator("form.lang-switch")
    switch.get_by_role("combobox").select_option("en")
    switch.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/en/.*km=500"))
    expect(heading).to_have_text("Who should Nordlicht ERP GmbH cooperate with?")
    expect(page.locator("ol.results")).to_contain_text("km away")
    expect(page.locator("ol.results")).to_contain_text("to your")
    assert_accessible_at_both_widths(page)


def test_a_radius_for_a_company_without_a_location_says_so_in_the_pages_language(page, live_server, catalog):
    page.goto(f"{live_server.url}/en/bedarf/partner/c3/?km=100")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("ol.results > li")).to_have_count(0)
    assert_accessible_at_both_widths(page)
