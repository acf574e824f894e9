"""A mailing of the event's staff on its page: choose the segment, write the text, look at the preview (who
gets it, what they read), send it once; the log shows it. axe-core finds no WCAG 2.1 A/AA violations at 1280
and 390 px, and nothing scrolls sideways."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from itkoop.events.models import Mailing, Meeting, MeetingRequest
from itkoop.notifications.models import Notification
from tests.events.factories import confirmed, meeting_day
from tests.factories import UserFactory, hub_staff

from .axe import assert_accessible_at_both_widths
from .test_events import _login

pytestmark = pytest.mark.browser


def test_staff_preview_and_send_a_mailing(page, live_server, transactional_db):
    day = meeting_day(hub_id="kassel", title="Kooperationsbörse Nordhessen")
    mia = UserFactory(first_name="Mia", last_name="Muster")
    otto = UserFactory(first_name="Otto", last_name="Ostmann")
    for user in (mia, otto):
        confirmed(day, user)
    request = MeetingRequest.objects.create(
        event=day,
        sender=mia,
        recipient=otto,
        reason="Schnittstelle",
        status="accepted",
        expires=timezone.now() + timedelta(days=1),
    )
    Meeting.objects.create(event=day, request=request, slot=0, table=0)

    _login(page, live_server, hub_staff("kassel"))
    page.goto(f"{live_server.url}{day.get_absolute_url()}")
    page.get_by_role("link", name="Rundschreiben an Teilnehmende senden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rundschreiben")
    assert_accessible_at_both_widths(page)

    # an empty segment is refused on the page, nothing sent
    page.get_by_label("Angemeldete ohne Gesprächsanfragen (weder gestellt noch erhalten)").check()
    page.get_by_label("Betreff (Deutsch)").fill("Ihr Plan steht")
    page.get_by_label("Text (Deutsch)").fill("Bitte kommen Sie um 9 Uhr.\nDanke!")
    page.get_by_role("button", name="Vorschau ansehen").click()
    expect(page.get_by_role("alert").first).to_contain_text("niemand")
    assert_accessible_at_both_widths(page)

    page.get_by_label("Angemeldete mit geplanten Gesprächen").check()
    page.get_by_role("button", name="Vorschau ansehen").click()
    expect(page.get_by_role("status")).to_contain_text("Das Rundschreiben geht an 2 Personen.")
    expect(page.get_by_text("itkoop: Ihr Plan steht")).to_be_visible()
    assert not Mailing.objects.exists()
    page.get_by_text("Empfängerinnen und Empfänger").click()
    expect(page.get_by_text("Mia Muster")).to_be_visible()
    assert_accessible_at_both_widths(page)

    page.get_by_role("button", name="Jetzt an 2 Personen senden").click()
    expect(page.get_by_text("Das Rundschreiben geht an 2 Personen.")).to_be_visible()
    expect(page.get_by_role("cell", name="Ihr Plan steht")).to_be_visible()
    assert Mailing.objects.get().recipient_count == 2
    assert Notification.objects.filter(kind="events.mailing").count() == 2
    assert_accessible_at_both_widths(page)
