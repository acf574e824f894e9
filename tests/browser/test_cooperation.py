"""Marketplace post -> moderation -> interest -> accept, a cooperation with the code of conduct, the network
directory with its map and inquiry form, and the figures page; axe-core finds nothing on any page."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CompanyFactory, hub_staff, member_of

from .axe import assert_accessible, assert_accessible_at_both_widths
from .login import log_in as _login

pytestmark = pytest.mark.browser


def test_marketplace_post_interest_accept(page, live_server, transactional_db):
    author_company = CompanyFactory(name="Verborgen Software GmbH", hub_id="kassel")
    interested_company = CompanyFactory(name="Neugier IT UG", hub_id="berlin")
    author, interested, staff = member_of(author_company), member_of(interested_company), hub_staff("kassel")

    _login(page, live_server, author)
    page.goto(f"{live_server.url}/kooperation/marktplatz/")
    assert_accessible(page)
    page.get_by_role("link", name="Profil veröffentlichen").click()
    assert_accessible(page)
    page.get_by_label("Art").select_option("technology_request")
    page.get_by_role("textbox", name="Titel").fill("Texterkennung für Lieferscheine gesucht")
    page.get_by_role("textbox", name="Beschreibung").fill(
        "Wir suchen einen Partner mit OCR für unsere Logistik-Software."
    )
    page.get_by_label(re.compile("anonym veröffentlichen")).check()
    page.get_by_role("button", name="Speichern und zur Prüfung geben").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Texterkennung für Lieferscheine gesucht")
    expect(page.get_by_role("status")).to_contain_text("geprüft")
    profile_url = page.url
    assert_accessible(page)

    _login(page, live_server, staff)
    page.goto(profile_url)
    assert_accessible(page)
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_role("status")).to_contain_text("veröffentlicht")

    _login(page, live_server, interested)
    page.goto(f"{live_server.url}/kooperation/marktplatz/")
    page.get_by_role("link", name="Texterkennung für Lieferscheine gesucht").click()
    expect(page.locator("main")).not_to_contain_text("Verborgen Software GmbH")
    assert_accessible(page)
    page.get_by_label("Welche Zusammenarbeit suchen Sie?").fill("Wir liefern die Texterkennung als Dienst.")
    page.get_by_label("Was müssen Sie noch wissen?").fill("Wie viele Belege pro Tag?")
    page.get_by_label("Wer sind Sie?").fill("OCR-Spezialist aus Berlin.")
    page.get_by_role("button", name="Interesse senden").click()
    expect(page.get_by_role("status")).to_contain_text("Interesse ist übermittelt")
    assert_accessible(page)

    _login(page, live_server, author)
    page.goto(f"{live_server.url}/mein/posteingang/")
    assert_accessible(page)
    page.locator("main li", has_text="interessiert sich").get_by_role(
        "button", name=re.compile("^Öffnen")
    ).click()
    expect(page.get_by_role("heading", name=re.compile("Neugier IT UG"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Annehmen\W+Neugier IT UG")).click()
    expect(page.get_by_role("status")).to_contain_text("Interesse angenommen")
    assert_accessible(page)

    _login(page, live_server, interested)
    page.goto(profile_url)
    expect(page.locator("main")).to_contain_text("Verborgen Software GmbH")


def test_cooperation_invite_review_accept_with_code_of_conduct(page, live_server, transactional_db):
    first, second = CompanyFactory(name="Erste Software GmbH"), CompanyFactory(name="Zweite Daten AG")
    inviter, partner = member_of(first), member_of(second)
    _login(page, live_server, inviter)
    page.goto(f"{live_server.url}/kooperation/neu/")
    assert_accessible_at_both_widths(page)
    page.get_by_label("Unternehmen").select_option([first.external_id, second.external_id])
    page.get_by_label("Gegenstand der Kooperation").fill(
        "Ein Onlineshop mit Warenwirtschaft für einen Kunden"
    )
    page.get_by_role("button", name="Weiter zur Prüfung").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Einladung prüfen")
    expect(page.get_by_role("link", name="Zweite Daten AG")).to_be_visible()
    expect(page.get_by_label("Titel der Kooperation")).to_have_value(
        "Ein Onlineshop mit Warenwirtschaft für einen Kunden"
    )
    assert_accessible_at_both_widths(page)
    page.get_by_label("Titel der Kooperation").fill("Shop")
    page.get_by_label("Persönliche Nachricht an die Eingeladenen").fill(
        "Hallo <b>Zweite</b>,\nmachen Sie mit?"
    )
    page.get_by_role("button", name="Einladungen senden").click()
    expect(page.locator("main")).to_contain_text("Verhaltenskodex")  # not accepted: nothing sent
    assert_accessible_at_both_widths(page)
    page.get_by_role("checkbox", name=re.compile("Verhaltenskodex")).check()
    page.get_by_role("button", name="Einladungen senden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Shop")
    expect(page.get_by_role("status")).to_contain_text("Einladungen sind verschickt")
    expect(page.locator(".message-body")).to_contain_text("Hallo <b>Zweite</b>,")
    expect(page.get_by_role("row", name=re.compile("Erste Software GmbH"))).to_contain_text("zugesagt")
    expect(page.get_by_role("button", name="Einladung zurückziehen")).to_be_visible()
    assert_accessible_at_both_widths(page)

    _login(page, live_server, partner)
    page.goto(f"{live_server.url}/kooperation/")
    assert_accessible(page)
    page.locator("main").get_by_role("link", name="Shop").first.click()
    expect(page.get_by_role("button", name="Einladung zurückziehen")).to_have_count(0)
    page.get_by_role("button", name="Zusagen").click()
    expect(page.get_by_role("alert").or_(page.get_by_role("status"))).to_contain_text("Verhaltenskodex")
    page.get_by_role("checkbox", name=re.compile("Verhaltenskodex")).check()
    page.get_by_role("button", name="Zusagen").click()
    expect(page.locator("main dl")).to_contain_text("aktiv")
    assert_accessible(page)
    page.get_by_text("Vorschau im Browser").click()  # opens the <details> with the preview form
    page.get_by_role("button", name="Vorschau", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vertraulichkeitsvereinbarung")
    assert_accessible(page)
    page.goto(f"{live_server.url}/kooperation/verhaltenskodex/")
    assert_accessible(page)


def test_an_invitation_withdrawn_cannot_be_answered(page, live_server, transactional_db):
    from itkoop.cooperation import services

    first, second, third = (CompanyFactory(name=n) for n in ("Erste GmbH", "Zweite AG", "Dritte KG"))
    inviter, partner = member_of(first), member_of(second)
    cooperation = services.cooperation_invite(
        actor=inviter, companies=[first, second, third], title="Shop", accept_code_of_conduct=True
    )
    _login(page, live_server, inviter)
    page.goto(f"{live_server.url}{cooperation.get_absolute_url()}")
    page.get_by_role("button", name="Einladung zurückziehen").click()
    expect(page.get_by_role("status")).to_contain_text("zurückgezogen")
    expect(page.locator("main dl")).to_contain_text("zurückgezogen")
    assert_accessible_at_both_widths(page)

    _login(page, live_server, partner)
    page.goto(f"{live_server.url}/mein/posteingang/")
    expect(page.locator("main")).to_contain_text("hat die Einladung zur Kooperation „Shop“ zurückgezogen")
    page.goto(f"{live_server.url}{cooperation.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Eine Antwort ist nicht mehr nötig")
    expect(page.get_by_role("button", name="Zusagen")).to_have_count(0)
    assert_accessible(page)


def test_network_directory_map_and_inquiry(page, live_server, transactional_db):
    hub_staff("kassel")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/netzwerk/")
    expect(page.locator("#network-map .leaflet-marker-icon").first).to_be_visible()
    assert page.locator("#network-map path.leaflet-interactive").count() == 22
    assert all(url.startswith(live_server.url) for url in requests), "nothing is fetched from the internet"
    assert_accessible(page)
    page.get_by_label("Ihr Name").fill("Erika Muster")
    page.get_by_label("E-Mail-Adresse").fill("erika@example.org")
    page.get_by_label("PLZ").fill("34117")
    page.get_by_label("Ihre Frage").fill("Wer hilft bei einem Konsortialangebot?")
    page.get_by_role("button", name="Frage senden").click()
    expect(page.get_by_role("status")).to_contain_text("Stützpunkt Kassel")
    assert_accessible(page)


def test_figures_page(page, live_server, transactional_db):
    from tests.reporting.test_figures import _cooperate, _event, _meet, _register

    event = _event()
    companies = [CompanyFactory(hub_id="kassel") for _ in range(3)]
    people = [member_of(c) for c in companies]
    for person in people:
        _register(event, person)
    _meet(event, people[0], people[1], slot=0)
    _cooperate(companies[:2], result="offer_won")
    _login(page, live_server, hub_staff("kassel"))
    page.get_by_role("link", name="Kennzahlen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kennzahlen")
    expect(page.get_by_role("row", name=re.compile("Kooperationsbörse Kassel"))).to_be_visible()
    assert_accessible(page)
