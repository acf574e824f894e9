"""A customer who already runs an ERP sees it listed with the standard offers connect through, makes that
connection a must with one click and takes it back; the page passes axe-core at desktop and phone width."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .axe import assert_accessible

pytestmark = pytest.mark.browser
NEED = "Wir haben schon eine Warenwirtschaft und brauchen einen Onlineshop"


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_make_the_connection_to_the_existing_system_a_must_and_back(
    page, live_server, catalog, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(live_server.url + reverse("matching:need"))
    page.get_by_label("Was brauchen Sie?").fill(NEED)
    page.get_by_role("button", name="Angebote zusammenstellen").click()
    systems = page.locator("#existing-systems")
    expect(systems).to_contain_text("Ihre vorhandenen Systeme: Warenwirtschaft / ERP (anbindbar über BMEcat)")
    assert_accessible(page)

    systems.get_by_role(
        "link", name="Verbindung mit Warenwirtschaft / ERP über BMEcat zur Pflicht machen"
    ).click()
    expect(systems).to_contain_text("Die Verbindung mit Warenwirtschaft / ERP über BMEcat ist Pflicht.")
    expect(page.locator("#must-bmecat")).to_be_checked()
    offers = page.locator("section[aria-labelledby=bundles-heading]")
    expect(offers.get_by_role("article").first).to_contain_text("Verbindung über BMEcat:")
    assert "must=bmecat" in page.url
    assert_accessible(page)

    systems.get_by_role(
        "link", name="Pflicht der Verbindung mit Warenwirtschaft / ERP über BMEcat aufheben"
    ).click()
    expect(systems).to_contain_text("zur Pflicht machen")
    assert "must=bmecat" not in page.url
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
