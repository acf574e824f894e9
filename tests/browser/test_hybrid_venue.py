"""A hybrid meeting day with a venue: the event page shows the address, the notes and the map (Leaflet without
tiles: the outline and one marker) with its text alternative; registering asks on site or online and the
choice can be changed; the agenda names the online room with its link. axe-core at 1280 and 390 px on each."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from itkoop.events import meetings, services
from itkoop.events.models import Event, Meeting, Registration
from tests.events.factories import meeting_day
from tests.factories import UserFactory, hub_staff

from .axe import assert_accessible_at_both_widths
from .login import log_in as _login

pytestmark = pytest.mark.browser


@pytest.fixture
def day(transactional_db):
    event = meeting_day(
        hub_id="kassel",
        title="Hybride Kooperationsbörse",
        format=Event.Format.HYBRID,
        meeting_link="https://meet.example.org/plenum",
        capacity=10,
    )
    Event.objects.filter(pk=event.pk).update(
        online_rooms=2,
        room_link_pattern="https://meet.example.org/boerse-{event}-runde-{slot}-raum-{room}",
        venue_name="Science Park, Saal Nordhessen",
        venue_street="Beispielstraße 12",
        venue_postcode="34117",
        venue_city="Kassel",
        latitude=Decimal("51.31667"),
        longitude=Decimal("9.498"),
        arrival_notes="Fünf Gehminuten vom Hauptbahnhof.",
        accessibility_notes="Stufenloser Zugang über den Hof, Aufzug.",
    )
    event.refresh_from_db()
    return event


def test_venue_map_and_a_hybrid_registration(page, live_server, day):
    me = UserFactory(first_name="Mia", last_name="Muster")
    partner = UserFactory(first_name="Pia", last_name="Partner")
    services.register(actor=partner, event=day, attendance=Registration.Attendance.ON_SITE)

    _login(page, live_server, me)
    page.goto(f"{live_server.url}{day.get_absolute_url()}")
    venue = page.get_by_role("region", name="Veranstaltungsort")
    expect(venue).to_contain_text("Beispielstraße 12")
    expect(venue).to_contain_text("34117 Kassel")
    expect(venue).to_contain_text("Stufenloser Zugang")
    # The map is drawn (outline and marker as SVG paths) and named by its text alternative.
    the_map = page.get_by_role("img", name=re.compile("Karte: der Veranstaltungsort"))
    expect(the_map).to_be_visible()
    expect(the_map.locator("path")).to_have_count(2)  # one outline feature, one marker
    assert_accessible_at_both_widths(page)

    # The choice is required (the browser asks before sending; the server refuses too, see
    # tests/events/test_hybrid.py); then online.
    expect(page.get_by_role("radio", name="online")).to_have_attribute("required", "")
    page.get_by_role("button", name="Jetzt anmelden").click()
    expect(page.get_by_role("radio", name="online")).to_be_visible()
    assert not Registration.objects.filter(event=day, user=me).exists()
    page.get_by_role("radio", name="online").check()
    page.get_by_role("button", name="Jetzt anmelden").click()
    expect(page.get_by_text("Sie nehmen online teil.")).to_be_visible()
    assert Registration.objects.get(event=day, user=me).attendance == "online"
    assert_accessible_at_both_widths(page)

    # Changed to on site and back before the plan is published.
    page.get_by_role("radio", name="vor Ort").check()
    page.get_by_role("button", name="Art der Teilnahme ändern").click()
    expect(page.get_by_text("Sie nehmen vor Ort teil.")).to_be_visible()
    page.get_by_role("radio", name="online").check()
    page.get_by_role("button", name="Art der Teilnahme ändern").click()
    expect(page.get_by_text("Sie nehmen online teil.")).to_be_visible()

    # A meeting with the partner on site: Mia takes part online, so it is in an online room with its link.
    request = meetings.request_send(
        actor=me, event=day, recipient_id=partner.pk, reason="Gemeinsames Cloud-Angebot", priority=3
    )
    meetings.request_answer(actor=partner, request=request, accept=True)
    meetings.schedule_build(actor=hub_staff("kassel"), event=day)
    meeting = Meeting.objects.get(request=request)
    assert meeting.online
    page.goto(f"{live_server.url}/veranstaltungen/{day.pk}/agenda/")
    agenda = page.get_by_role("table")
    expect(agenda).to_contain_text("Online-Raum 1")
    expect(agenda.get_by_role("link", name=meeting.room_link)).to_be_visible()
    assert_accessible_at_both_widths(page)

    # Once the plan is published the choice is fixed; the page says whom to ask.
    page.goto(f"{live_server.url}{day.get_absolute_url()}")
    expect(page.get_by_text("Der Gesprächsplan ist veröffentlicht")).to_be_visible()
    expect(page.get_by_role("button", name="Art der Teilnahme ändern")).to_have_count(0)
    assert_accessible_at_both_widths(page)


def test_the_staff_form_edits_the_venue(page, live_server, day):
    _login(page, live_server, hub_staff("kassel"))
    page.goto(f"{live_server.url}/veranstaltungen/{day.pk}/bearbeiten/")
    page.get_by_label("Breitengrad").fill("91")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("kleiner oder gleich 90")).to_be_visible()
    assert_accessible_at_both_widths(page)
    page.get_by_label("Breitengrad").fill("51.3")
    page.get_by_label("Hinweise zur Anreise").fill("Tram 1 bis Holländischer Platz.")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("region", name="Veranstaltungsort")).to_contain_text("Tram 1")
    day.refresh_from_db()
    assert day.latitude == Decimal("51.3") and day.arrival_notes == "Tram 1 bis Holländischer Platz."
