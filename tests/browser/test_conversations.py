"""Two people of a cooperation exchange a message in its conversation; "Mein Bereich" and every conversation
page pass axe-core at 1280 and 390 px and do not scroll sideways on the phone."""

import pytest
from playwright.sync_api import expect

from itkoop.cooperation import services as cooperation_services
from tests.factories import CompanyFactory, hub_staff, member_of

from .axe import assert_accessible_at_both_widths
from .login import log_in as _login

pytestmark = pytest.mark.browser


def test_two_parties_exchange_a_message(page, live_server, transactional_db):
    shop, erp = (
        CompanyFactory(name="Shop GmbH", hub_id="kassel"),
        CompanyFactory(name="ERP AG", hub_id="kassel"),
    )
    anna, ben = member_of(shop), member_of(erp)
    # Brokered by the hub staff, so Anna's company still has to answer ("Wartet auf Sie").
    cooperation = cooperation_services.cooperation_invite(
        actor=hub_staff("kassel"), companies=[shop, erp], title="Shop mit ERP"
    )

    _login(page, live_server, anna)
    expect(page.get_by_role("heading", name="Wartet auf Sie")).to_be_visible()
    assert_accessible_at_both_widths(page)
    page.goto(f"{live_server.url}{cooperation.get_absolute_url()}")
    page.get_by_role("link", name="Nachrichten an die Partner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unterhaltung beginnen")
    assert_accessible_at_both_widths(page)
    page.get_by_role("button", name="Unterhaltung beginnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shop mit ERP")
    page.get_by_label("Ihre Nachricht").fill("Hallo <b>ERP</b>,\nwann passt ein Termin?")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("status")).to_contain_text("Nachricht ist gesendet")
    expect(page.locator(".message-body")).to_contain_text("Hallo <b>ERP</b>,")
    assert_accessible_at_both_widths(page)

    _login(page, live_server, ben)
    page.goto(f"{live_server.url}/mein/posteingang/")
    expect(page.locator("main")).to_contain_text("Neue Nachricht von")
    page.goto(f"{live_server.url}/mein/nachrichten/")
    assert_accessible_at_both_widths(page)
    page.get_by_role("link", name="Shop mit ERP").click()
    expect(page.locator(".message-body").first).to_contain_text("wann passt ein Termin?")
    page.get_by_label("Ihre Nachricht").fill("Morgen um 10 Uhr.")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.locator(".message-body")).to_have_count(2)
    expect(page.locator(".message-body").nth(1)).to_have_text("Morgen um 10 Uhr.")
    assert_accessible_at_both_widths(page)
