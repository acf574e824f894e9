"""A customer describes a need, sees joint offers with their integration diagram, reviews and sends the
invitation of the providers; a provider accepts under the code of conduct. Every page passes axe-core."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from itkoop.accounts.models import Membership
from itkoop.documents.models import Document
from itkoop.registry.models import Company

from ..factories import CompanyFactory, UserFactory
from .axe import assert_accessible
from .login import log_in as _log_in

pytestmark = pytest.mark.browser
NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


def test_need_to_offer_to_invitation_to_acceptance(page, live_server, catalog):
    customer = UserFactory(email="kundin@handwerk.example")
    # The customer's own company takes part in the cooperation she starts.
    Membership.objects.create(user=customer, company=CompanyFactory(name="Tischlerei Holzwurm"), role="owner")
    provider = UserFactory(email="erp@nordlicht.example")
    Membership.objects.create(user=provider, company=Company.objects.get(external_id="c1"), role="owner")

    _log_in(page, live_server.url, customer.email)
    page.get_by_role("link", name="Gesamtangebot finden").first.click()
    assert_accessible(page)
    page.get_by_label("Was brauchen Sie?").fill(NEED)
    page.get_by_role("button", name="Angebote zusammenstellen").click()

    offer = page.get_by_role("article").first
    expect(offer.get_by_role("heading", level=3)).to_contain_text("Shopwerk Aachen UG")
    expect(offer.get_by_role("img")).to_be_visible()  # the integration diagram
    expect(offer).to_contain_text("BMEcat")
    expect(offer).to_contain_text("deckt alles ab")
    assert_accessible(page)

    # Without a broker the PDF is made while the request commits, and the answer is the download itself.
    with page.expect_download() as download:
        offer.get_by_role("button", name=re.compile("als PDF erstellen")).click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename == "gesamtangebot-1.pdf"
    page.goto(live_server.url + reverse("documents:status", args=[Document.objects.get().pk]))
    expect(page.get_by_role("link", name="PDF herunterladen")).to_be_visible()
    assert_accessible(page)
    page.go_back()

    offer.get_by_role("button", name="Diese Anbieter einladen").click()
    # The review: nothing is sent yet; the title is the need, the providers are listed with what they bring.
    expect(page.get_by_role("heading", level=1)).to_have_text("Einladung prüfen")
    expect(page.get_by_role("link", name="Nordlicht ERP GmbH")).to_be_visible()
    expect(page.get_by_label("Titel der Kooperation")).to_have_value(NEED)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Persönliche Nachricht an die Eingeladenen").fill("Wir freuen uns auf Ihr Angebot.")
    page.get_by_role("checkbox", name=re.compile("Verhaltenskodex")).check()
    page.get_by_role("button", name="Einladungen senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEED)
    expect(page.get_by_role("row", name=re.compile("Tischlerei Holzwurm"))).to_contain_text("zugesagt")
    expect(page.get_by_text("Wir freuen uns auf Ihr Angebot.")).to_be_visible()
    assert_accessible(page)
    cooperation_url = page.url

    page.get_by_role("button", name="Abmelden").click()
    _log_in(page, live_server.url, provider.email)
    page.goto(cooperation_url)
    page.get_by_label(re.compile("Verhaltenskodex")).check()
    page.get_by_role("button", name="Zusagen").click()
    expect(page.get_by_text(re.compile("zugesagt", re.IGNORECASE)).first).to_be_visible()
    assert_accessible(page)
