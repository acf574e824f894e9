"""Criterion 6: register, land on the waiting list, move up when someone cancels, request a meeting and see
the agenda - with axe-core finding no WCAG 2.1 A/AA violations on any page on the way."""

from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from itkoop.events import meetings, services
from itkoop.events.models import Meeting, Registration
from tests.events.factories import confirmed, meeting_day
from tests.factories import UserFactory, hub_staff

from .axe import assert_accessible
from .login import log_in as _login

pytestmark = pytest.mark.browser


@pytest.fixture
def day(transactional_db):
    # "Build schedule" runs eagerly here (no broker), right after its commit; the worker has its own test.
    event = meeting_day(hub_id="kassel", title="Kooperationsbörse Nordhessen", capacity=2)
    return event


def test_register_waitlist_promotion_request_and_agenda(page, live_server, day):
    alice = UserFactory(first_name="Alice", last_name="Adler")
    bob = UserFactory(first_name="Bob", last_name="Berg")
    me = UserFactory(first_name="Mia", last_name="Muster")
    seat_of_alice = confirmed(day, alice)
    confirmed(day, bob)

    _login(page, live_server, me)
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Veranstaltungen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltungen")
    assert_accessible(page)

    page.get_by_role("link", name="Kooperationsbörse Nordhessen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kooperationsbörse Nordhessen")
    assert_accessible(page)

    page.get_by_role("button", name="Auf die Warteliste setzen").click()
    expect(page.locator(".messages")).to_contain_text("Platz 1 der Warteliste")
    assert_accessible(page)

    services.cancel(actor=alice, registration=seat_of_alice)
    assert Registration.objects.get(event=day, user=me).status == Registration.Status.CONFIRMED
    assert any(me.email in m.to and "frei geworden" in m.subject for m in mail.outbox)
    page.reload()
    expect(page.get_by_text("Ihr Platz ist bestätigt.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Mein Profil: was ich biete und suche").click()
    page.get_by_label("Unternehmen").fill("Muster IT GmbH")
    page.get_by_label("Wir bieten").fill("DATEV-Schnittstellen und Rechnungsstellung")
    page.get_by_label("Wir suchen").fill("Partner für ERP im Handwerk")
    assert_accessible(page)
    page.get_by_role("button", name="Speichern").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Teilnehmende")
    assert_accessible(page)
    page.get_by_role("link", name="Gespräch mit Bob Berg anfragen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gespräch mit Bob Berg anfragen")
    page.get_by_label("Anlass des Gesprächs").fill("Gemeinsames Angebot für Handwerksbetriebe")
    page.get_by_label("Priorität").select_option("3")
    assert_accessible(page)
    page.get_by_role("button", name="Anfrage senden").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Gesprächsanfragen")
    expect(page.locator("main")).to_contain_text("Gemeinsames Angebot für Handwerksbetriebe")
    assert_accessible(page)

    request = me.sent_requests.get()
    meetings.request_answer(actor=bob, request=request, accept=True)
    meetings.schedule_build(actor=hub_staff("kassel"), event=day)
    assert Meeting.objects.filter(request=request).exists()

    page.get_by_role("link", name="Mein Gesprächsplan").click()
    agenda = page.get_by_role("table")
    expect(agenda).to_contain_text("Bob Berg")
    expect(agenda).to_contain_text("Runde")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF erstellen").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")


def test_staff_schedule_and_move_pages_are_accessible(page, live_server, day):
    a, b, c = (UserFactory(first_name=n, last_name="Test") for n in ("Anna", "Ben", "Cem"))
    for user in (a, b, c):
        confirmed(day, user)
    for sender, recipient in ((a, b), (b, c)):
        request = meetings.request_send(
            actor=sender, event=day, recipient_id=recipient.pk, reason="Projekt", priority=2
        )
        meetings.request_answer(actor=recipient, request=request, accept=True)
    staff = hub_staff("kassel")
    meetings.schedule_build(actor=staff, event=day)

    _login(page, live_server, staff)
    page.goto(f"{live_server.url}/veranstaltungen/{day.pk}/plan/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gesprächsplan")
    expect(page.locator("#run-progress")).to_have_attribute("value", "100")
    assert_accessible(page)

    page.get_by_role("link", name="Gespräch Anna Test – Ben Test verschieben").click()
    page.get_by_label("Runde").select_option("4")
    page.get_by_role("button", name="Prüfen").click()
    expect(page.get_by_role("status")).to_contain_text("Pause")
    assert_accessible(page)

    page.goto(f"{live_server.url}/veranstaltungen/{day.pk}/checkin/")
    assert_accessible(page)


def test_check_in_on_a_phone_by_search_and_by_scanned_code(page, live_server, day):
    from itkoop.events import checkin

    anna, ben = (UserFactory(first_name=n, last_name="Test") for n in ("Anna", "Ben"))
    for user in (anna, ben):
        confirmed(day, user)
    _login(page, live_server, hub_staff("kassel"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/veranstaltungen/{day.pk}/checkin/")
    page.get_by_label("Name oder Unternehmen").fill("Ben")
    page.get_by_role("button", name="Suchen").click()
    expect(page.get_by_role("heading", level=2, name="Teilnehmende mit „Ben“")).to_be_visible()
    expect(page.get_by_role("button", name="Anna Test einchecken")).to_have_count(0)
    page.get_by_role("button", name="Ben Test einchecken").click()
    expect(page.locator(".messages")).to_contain_text("Ben Test ist eingecheckt.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    # What a phone camera opens from Anna's QR code: her name, then one tap checks her in.
    registration = Registration.objects.get(event=day, user=anna)
    page.goto(checkin.checkin_url(registration).replace("http://testserver", live_server.url))
    expect(page.get_by_role("heading", level=2)).to_have_text("Anna Test")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    page.get_by_role("button", name="Anna Test einchecken").click()
    expect(page.locator(".messages")).to_contain_text("Anna Test ist eingecheckt.")
    registration.refresh_from_db()
    assert registration.checked_in is not None
