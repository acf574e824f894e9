"""Event pages describe themselves as schema.org Events, from the event the page shows; the private online
access link stays out."""

import datetime as dt

import pytest

from itkoop.events.models import Event

from ..factories import UserFactory
from ..linked_data import linked_data_of, page_text
from .factories import EventFactory, confirmed

pytestmark = pytest.mark.django_db


def test_event_page_is_an_event_with_the_pages_facts(client):
    event = EventFactory(title="Kooperationsbörse Kassel", description="Treffen Sie Partner.", capacity=5)
    confirmed(event, UserFactory())
    html = client.get(event.get_absolute_url()).content.decode()
    data = linked_data_of(html)
    title, text = page_text(html)
    assert data["@type"] == "Event" and data["name"] == title == "Kooperationsbörse Kassel"
    assert data["description"] in text
    assert dt.datetime.fromisoformat(data["startDate"]) == event.start
    assert dt.datetime.fromisoformat(data["endDate"]) == event.end
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["name"] == event.location and event.location in text
    assert f"{data['remainingAttendeeCapacity']} von {data['maximumAttendeeCapacity']} frei" in text
    assert event.hub.name in data["organizer"]["name"] and event.hub.name in text


def test_online_event_points_to_its_page_never_to_the_access_link(client):
    event = EventFactory(
        format=Event.Format.ONLINE, meeting_link="https://meet.example.org/geheim", location=""
    )
    html = client.get(event.get_absolute_url()).content.decode()
    data = linked_data_of(html)
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": f"http://testserver{event.get_absolute_url()}",
    }
    assert "geheim" not in str(data)


def test_hybrid_event_has_both_places(client):
    event = EventFactory(format=Event.Format.HYBRID)
    data = linked_data_of(client.get(event.get_absolute_url()).content.decode())
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
