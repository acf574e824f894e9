"""Rating one's meetings after a meeting day on a phone (390 px): a missing usefulness is named, a complete
rating is saved and shown – with axe-core finding no WCAG 2.1 A/AA violations, and no sideways scroll."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from itkoop.events.models import Meeting, MeetingRating, MeetingRequest
from tests.events.factories import confirmed, meeting_day
from tests.factories import UserFactory

from .axe import assert_accessible
from .test_events import _login

pytestmark = pytest.mark.browser


def test_rating_a_meeting_on_a_phone(page, live_server, transactional_db):
    day = meeting_day(
        hub_id="kassel", title="Kooperationsbörse Nordhessen", start=timezone.now() - timedelta(days=2)
    )
    me = UserFactory(first_name="Mia", last_name="Muster")
    other = UserFactory(first_name="Otto", last_name="Ostmann")
    for user in (me, other):
        confirmed(day, user)
    request = MeetingRequest.objects.create(
        event=day,
        sender=me,
        recipient=other,
        reason="Schnittstelle abstimmen",
        status="accepted",
        expires=day.start,
    )
    Meeting.objects.create(event=day, request=request, slot=0, table=0)

    _login(page, live_server, me)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/veranstaltungen/{day.pk}/bewertung/")
    expect(page.get_by_role("heading", level=2, name="Gespräch mit Otto Ostmann")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    page.get_by_role("group", name="Hat das Gespräch stattgefunden?").get_by_label("Ja").check()
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(page.get_by_role("alert").first).to_contain_text("wie nützlich")
    assert not MeetingRating.objects.exists()
    assert_accessible(page)

    page.get_by_role("group", name="Hat das Gespräch stattgefunden?").get_by_label("Ja").check()
    page.get_by_role("group", name="Wie nützlich war das Gespräch für Sie?").get_by_label("4").check()
    page.get_by_label("Wie geht es weiter?").select_option("follow_up")
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(page.get_by_role("status")).to_contain_text("Bewertung ist gespeichert")
    expect(page.get_by_text("4 von 5")).to_be_visible()
    rating = MeetingRating.objects.get()
    assert (rating.user_id, rating.usefulness, rating.next_step) == (me.pk, 4, "follow_up")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
