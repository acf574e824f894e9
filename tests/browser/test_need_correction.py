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


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_no_cloud_is_shown_and_the_customer_sets_it_aside(page, live_server, catalog, width, height):
    # The test catalog's solutions do not say how they run: under "keine Cloud" none can promise to.
    page.set_viewport_size({"width": width, "height": height})
    for prefix, text, told, choice, button, offer, set_aside in (
        ("", "Wir brauchen einen Onlineshop, aber keine Cloud", "aus „keine Cloud“", "egal",
         "Angebote neu berechnen", "Angebot 1", "Sie haben „egal“ gewählt"),
        ("/en", "We need an online shop, but no cloud", "from ‘no cloud’", "no preference",
         "Recompute the offers", "Offer 1", "you chose “no preference”"),
    ):  # fmt: skip
        page.goto(live_server.url + prefix + reverse("matching:need") + "?text=" + text)
        expect(page.locator("#deployment")).to_contain_text(told)
        offers = page.locator("section[aria-labelledby=bundles-heading]")
        expect(offers.get_by_role("article")).to_have_count(0)
        assert_accessible(page)
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        page.locator("#id_deploy").select_option(label=choice)
        page.get_by_role("button", name=button).click()
        expect(offers.get_by_role("article").first).to_contain_text(offer)
        expect(page.locator("#deployment")).to_contain_text(set_aside)  # set aside, still said
        assert "deploy=any" in page.url
        assert_accessible(page)
