"""Wide tables scroll inside their own box: the need results, the network directory and a cooperation fit a
phone (no sideways scrolling of the page), and the scrollable boxes pass axe-core."""

import re

import pytest
from playwright.sync_api import expect

from itkoop.cooperation import services as cooperation_services
from tests.factories import CompanyFactory, member_of

from .axe import assert_accessible

pytestmark = pytest.mark.browser


def _fits_both_widths(page):
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), (
            f"horizontal scroll at {width}px on {page.url}"
        )


def test_need_results_and_network_fit_a_phone(page, live_server, catalog):
    for prefix in ("", "/en"):
        page.goto(f"{live_server.url}{prefix}/bedarf/?text=Onlineshop+mit+Warenwirtschaft+und+Buchhaltung")
        expect(page.locator(".table-scroll").first).to_be_visible()
        _fits_both_widths(page)
        # on a phone an offer's table is read row by row: what each solution covers is in view, not off to
        # the side of a box that scrolls
        offer = page.locator("table.stacks").first
        assert offer.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
        covers = offer.locator("td[data-label]").nth(2)
        box, frame = covers.bounding_box(), offer.locator("xpath=..").bounding_box()
        assert box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        # the integration sketch, wider than a phone, says in view that it scrolls; at desktop width it fits
        expect(page.locator(".diagram-hint").first).to_be_visible()
        page.set_viewport_size({"width": 1280, "height": 900})
        expect(page.locator(".diagram-hint").first).to_be_hidden()
        page.goto(f"{live_server.url}{prefix}/netzwerk/")
        _fits_both_widths(page)


def test_a_cooperation_fits_a_phone(page, live_server, transactional_db):
    shop = CompanyFactory(name="Shop GmbH mit einem recht langen Firmennamen", hub_id="kassel")
    erp = CompanyFactory(name="ERP Aktiengesellschaft", hub_id="kassel")
    anna = member_of(shop)
    cooperation = cooperation_services.cooperation_invite(
        actor=anna, companies=[shop, erp], title="Shop mit ERP", accept_code_of_conduct=True
    )
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(anna.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))
    page.goto(f"{live_server.url}{cooperation.get_absolute_url()}")
    _fits_both_widths(page)


def test_a_marketplace_profile_with_interests_fits_a_phone(page, live_server, transactional_db):
    # The interest's facts have long questions as terms ("Welche Zusammenarbeit suchen Sie?"): the term column
    # must wrap on a phone instead of pushing the answers off the screen.
    from datetime import timedelta

    from django.utils import timezone

    from itkoop.cooperation.models import CooperationProfile, ExpressionOfInterest

    author_company, interested_company = CompanyFactory(hub_id="kassel"), CompanyFactory(hub_id="kassel")
    author = member_of(author_company)
    profile = CooperationProfile.objects.create(
        kind=CooperationProfile.Kind.TECHNOLOGY_REQUEST,
        title="OCR gesucht",
        body="Belege erkennen",
        company=author_company,
        expires_at=timezone.now() + timedelta(days=30),
        moderation=CooperationProfile.Moderation.PUBLISHED,
    )
    ExpressionOfInterest.objects.create(
        profile=profile, company=interested_company, cooperation_sought="Partner", about="OCR aus Kassel"
    )
    page.goto(f"{live_server.url}/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(author.email)
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("a-long-test-password")
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/mein/$"))
    page.goto(f"{live_server.url}/kooperation/marktplatz/{profile.pk}/")
    expect(page.get_by_text("Welche Zusammenarbeit suchen Sie?")).to_be_visible()
    _fits_both_widths(page)
