"""A customer corrects what the need page understood: removes a capability, adds one through the search
field, and sees the offers change; the page passes axe-core at desktop and phone width, and the back button
returns to the offers before the correction."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .axe import assert_accessible

pytestmark = pytest.mark.browser
NEED = "Wir brauchen einen Onlineshop und eine Warenwirtschaft"


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_remove_and_add_a_capability_recompute_the_offers(page, live_server, catalog, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(live_server.url + reverse("matching:need"))
    page.get_by_label("Was brauchen Sie?").fill(NEED)
    page.get_by_role("button", name="Angebote zusammenstellen").click()
    offers = page.locator("section[aria-labelledby=bundles-heading]")
    expect(offers.get_by_role("article").first).to_contain_text("Shopwerk")
    assert_accessible(page)

    page.get_by_role("link", name="Onlineshop entfernen").click()
    expect(page.get_by_text("Von Ihnen entfernt, daher nicht gesucht:")).to_be_visible()
    expect(offers.get_by_role("article").first).to_contain_text("Nordlicht Warenwirtschaft")
    expect(offers).not_to_contain_text("Shopwerk")
    assert "remove=online-shop" in page.url

    page.get_by_label("Baustein hinzufügen").fill("Buchhaltung")
    page.get_by_role("button", name="Angebote neu berechnen").click()
    expect(page.locator("#need-capabilities")).to_contain_text("von Ihnen hinzugefügt")
    expect(offers.get_by_role("article").first).to_contain_text("Kontor FiBu")
    expect(offers).not_to_contain_text("Shopwerk")
    assert re.search(r"[?&]add=Buchhaltung", page.url)
    assert_accessible(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")

    page.go_back()  # the state is the query: back shows the page before the addition
    expect(page.locator("#need-capabilities")).not_to_contain_text("von Ihnen hinzugefügt")
    expect(offers).not_to_contain_text("Kontor FiBu")
