"""Migration 0008: an online event's "tables" were its online rooms before rooms had their own count; the
migration carries them over, with its meetings and registrations marked online."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from ..factories import UserFactory

BEFORE = [("events", "0007_event_mailings")]
AFTER = [("events", "0008_hybrid_rooms_and_venue")]


@pytest.mark.django_db(transaction=True)
def test_online_events_keep_their_rooms():
    a, b = UserFactory(), UserFactory()  # accounts is not rolled back: today's model fits
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Event = old.get_model("events", "Event")
    start = timezone.now() + timedelta(days=3)
    online = Event.objects.create(
        title="Online", format="online", start=start, end=start, capacity=5, tables=4, is_meeting_day=True
    )
    on_site = Event.objects.create(
        title="Vor Ort", format="at_hub", start=start, end=start, capacity=5, tables=3
    )
    for event in (online, on_site):
        old.get_model("events", "Registration").objects.create(event=event, user_id=a.pk, status="confirmed")
    request = old.get_model("events", "MeetingRequest").objects.create(
        event=online, sender_id=a.pk, recipient_id=b.pk, reason="x", expires=start
    )
    old.get_model("events", "Meeting").objects.create(event=online, request=request, slot=0, table=2)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Event = new.get_model("events", "Event")
    assert Event.objects.get(title="Online").online_rooms == 4
    assert Event.objects.get(title="Vor Ort").online_rooms == 0
    assert new.get_model("events", "Meeting").objects.get().online
    registrations = new.get_model("events", "Registration").objects
    assert registrations.get(event__title="Online").attendance == "online"
    assert registrations.get(event__title="Vor Ort").attendance == "on_site"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
