"""An IT provider signs up, creates its company and edits the profile; the change is public at once."""

import re

import pytest
from playwright.sync_api import expect

from .axe import assert_accessible

pytestmark = pytest.mark.browser


def test_sign_up_create_and_edit_own_company(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/konto/signup/")
    assert_accessible(page)
    page.get_by_label("E-Mail-Adresse").fill("neu@beispiel-software.example")
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("ein-langes-Passwort-42")
    page.get_by_label("Passwort (Wiederholung)").fill("ein-langes-Passwort-42")
    page.get_by_label("Ich habe die Datenschutzerklärung zur Kenntnis genommen.").check()
    page.get_by_role("button", name="Konto anlegen").click()

    expect(page).to_have_url(re.compile(r"/mein/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Bereich")
    assert_accessible(page)

    page.get_by_role("link", name="Unternehmen anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unternehmen anlegen")
    assert_accessible(page)
    page.get_by_role("textbox", name="Name", exact=True).fill("Fuldatal Datensysteme GmbH")
    page.get_by_label(re.compile(r"^Beschreibung\W*$")).fill("Warenwirtschaft für Handwerksbetriebe.")
    page.get_by_role("textbox", name="PLZ", exact=True).fill("34117")
    page.get_by_role("textbox", name="Ort", exact=True).fill("Kassel")
    page.get_by_role("button", name="Speichern").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Fuldatal Datensysteme GmbH")
    expect(page.get_by_text("noch nicht geprüft")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Profil bearbeiten").click()
    assert_accessible(page)
    description = "Warenwirtschaft und E-Rechnung für Handwerksbetriebe."
    page.get_by_label(re.compile(r"^Beschreibung\W*$")).fill(description)
    page.get_by_role("button", name="Speichern").click()

    expect(page.locator("main .lead")).to_have_text(description)
    expect(page.get_by_role("status")).to_contain_text("Das Profil wurde gespeichert.")
    assert_accessible(page)

    page.get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("link", name="Anmelden")).to_be_visible()


def test_sign_up_errors_are_announced_and_accessible(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/konto/signup/")
    page.get_by_label("E-Mail-Adresse").fill("keine-adresse")
    page.get_by_label(re.compile(r"^Passwort\W*$")).fill("1234")
    page.get_by_role("button", name="Konto anlegen").click()

    email = page.get_by_label("E-Mail-Adresse")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("alert").first).to_be_visible()
    assert_accessible(page)
