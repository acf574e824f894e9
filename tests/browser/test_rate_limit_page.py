"""A customer whose need is refused for too many requests keeps the typed text: the 429 page shows it in a
form, passes axe-core at desktop and phone width, and after the wait the button brings the offers."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from itkoop.matching.views import MATCHES_PER_MINUTE

from .axe import assert_accessible_at_both_widths

pytestmark = pytest.mark.browser
NEED = "Wir brauchen einen Onlineshop und eine Warenwirtschaft für unseren Laden in Kassel"
COUNTER = "itkoop:rl:matching:127.0.0.1"  # the live server's client address, as core.ratelimit counts it


def test_the_text_of_a_refused_need_is_kept_and_sent_again(page, live_server, catalog):
    page.goto(live_server.url + reverse("matching:need"))
    cache.set(COUNTER, MATCHES_PER_MINUTE, 60)  # the limit reached: the next need is refused
    page.get_by_label("Was brauchen Sie?").fill(NEED)
    page.get_by_role("button", name="Angebote zusammenstellen").click()
    expect(page.get_by_role("heading", name="Zu viele Anfragen")).to_be_visible()
    expect(page.get_by_label("Ihre Eingabe")).to_have_value(NEED)
    assert_accessible_at_both_widths(page)

    cache.delete(COUNTER)  # the minute has passed
    page.get_by_role("button", name="Nach der Wartezeit erneut senden").click()
    expect(page.get_by_label("Was brauchen Sie?")).to_have_value(NEED)
    offers = page.locator("section[aria-labelledby=bundles-heading]")
    expect(offers.get_by_role("article").first).to_contain_text("Shopwerk")
