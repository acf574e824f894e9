"""The venue of an event: staff enter the address, coordinates and notes in the event form (bad values are
refused with a message and nothing changes), the event page shows the address, the notes and a map with a
text alternative, and the .ics LOCATION holds the address."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from itkoop.events.models import Event

from ..factories import hub_staff
from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _form_data(event: Event, **changes) -> dict:
    data = {
        "title": event.title,
        "hub": "kassel",
        "format": event.format,
        "start": _local(event.start),
        "end": _local(event.end),
        "capacity": str(event.capacity),
        "language": "de",
        "location": event.location,
        "consent_mode": "opt_in",
        "request_expiry_hours": "72",
        "venue_name": "Science Park, Saal 2",
        "venue_street": "Beispielstraße 12",
        "venue_postcode": "34117",
        "venue_city": "Kassel",
        "latitude": "51.31667",
        "longitude": "9.498",
        "arrival_notes": "Fünf Minuten vom Bahnhof.",
        "accessibility_notes": "Stufenloser Zugang, Aufzug.",
    }
    data.update(changes)
    return data


@pytest.fixture
def event():
    return EventFactory(start=timezone.now() + timedelta(days=10))


def test_staff_enter_the_venue_in_the_event_form(client, event):
    client.force_login(hub_staff("kassel"))
    response = client.post(reverse("events:edit", args=[event.pk]), _form_data(event))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.venue_lines() == ["Science Park, Saal 2", "Beispielstraße 12", "34117 Kassel"]
    assert (event.latitude, event.longitude) == (Decimal("51.31667"), Decimal("9.49800"))
    assert event.accessibility_notes == "Stufenloser Zugang, Aufzug."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"latitude": "91"}, "latitude", id="latitude-above-90"),
        pytest.param({"latitude": "-90.5"}, "latitude", id="latitude-below-minus-90"),
        pytest.param({"longitude": "180.01"}, "longitude", id="longitude-above-180"),
        pytest.param({"latitude": "NaN"}, "latitude", id="latitude-nan"),
        pytest.param({"longitude": "Infinity"}, "longitude", id="longitude-infinite"),
        pytest.param({"latitude": "51.3", "longitude": ""}, "longitude", id="latitude-without-longitude"),
        pytest.param({"arrival_notes": "x" * 2001}, "arrival_notes", id="arrival-notes-too-long"),
        pytest.param({"accessibility_notes": "x" * 2001}, "accessibility_notes", id="accessibility-too-long"),
        pytest.param({"venue_name": "x" * 201}, "venue_name", id="venue-name-too-long"),
        pytest.param({"venue_postcode": "34<117>"}, "venue_postcode", id="postcode-with-markup"),
    ],
)
def test_bad_venue_values_are_refused_and_nothing_changes(client, event, changes, field):
    client.force_login(hub_staff("kassel"))
    response = client.post(reverse("events:edit", args=[event.pk]), _form_data(event, **changes))
    assert response.status_code == 200
    assert response.context["form"].errors.get(field)
    event.refresh_from_db()
    assert event.venue_name == "" and event.latitude is None


def test_swapped_coordinates_of_a_place_in_germany_are_refused(client, event):
    """Kassel typed as longitude, latitude (9.498, 51.31667) lies in the Indian Ocean: a plausible slip the
    form points out instead of putting the map's point there; nothing is saved."""
    client.force_login(hub_staff("kassel"))
    data = _form_data(event, latitude="9.498", longitude="51.31667")
    response = client.post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 200
    assert "vertauscht" in " ".join(response.context["form"].errors.get("latitude", []))
    event.refresh_from_db()
    assert event.latitude is None


@pytest.mark.parametrize(
    ("latitude", "longitude"), [("90", "180"), ("-90", "-180"), ("0", "0")], ids=["max", "min", "zero"]
)
def test_the_boundaries_of_the_coordinates_are_accepted(client, event, latitude, longitude):
    client.force_login(hub_staff("kassel"))
    data = _form_data(event, latitude=latitude, longitude=longitude)
    assert client.post(reverse("events:edit", args=[event.pk]), data).status_code == 302
    event.refresh_from_db()
    assert event.latitude == Decimal(latitude)


def test_the_database_refuses_coordinates_out_of_range(event):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(latitude=Decimal("95"), longitude=Decimal("9"))


def test_the_event_page_shows_address_notes_and_a_map_with_a_text_alternative(client, event):
    Event.objects.filter(pk=event.pk).update(
        venue_name="Science Park",
        venue_street="Beispielstraße 12",
        venue_postcode="34117",
        venue_city="Kassel",
        latitude=Decimal("51.31667"),
        longitude=Decimal("9.498"),
        arrival_notes="Tram 1 bis Holländischer Platz.",
        accessibility_notes="Aufzug vorhanden.",
    )
    response = client.get(event.get_absolute_url())
    body = response.content.decode()
    assert "<address" in body and "Beispielstraße 12" in body and "34117 Kassel" in body
    assert "Tram 1 bis Holländischer Platz." in body and "Aufzug vorhanden." in body
    assert 'id="venue-map"' in body and 'aria-labelledby="venue-map-text"' in body
    assert "Breite 51.3167, Länge 9.4980" in body  # the text alternative names the place and its position
    data = response.context["venue_map"]
    assert (data["lat"], data["lon"]) == (51.31667, 9.498)
    assert data["outline"]["type"] in ("FeatureCollection", "Feature", "Polygon", "MultiPolygon")
    assert json.loads(json.dumps(data)) == data  # plain data for json_script
    assert "leaflet.js" in body and "events/venue-map.js" in body


def test_without_coordinates_there_is_no_map_but_the_address(client, event):
    Event.objects.filter(pk=event.pk).update(venue_street="Beispielstraße 12", venue_city="Kassel")
    body = client.get(event.get_absolute_url()).content.decode()
    assert "Beispielstraße 12" in body and 'id="venue-map"' not in body and "leaflet.js" not in body


def test_the_ics_location_holds_the_address(client, event):
    Event.objects.filter(pk=event.pk).update(
        venue_name="Science Park",
        venue_street="Beispielstraße 12",
        venue_postcode="34117",
        venue_city="Kassel",
        latitude=Decimal("51.31667"),
        longitude=Decimal("9.498"),
    )
    ics = client.get(reverse("events:ics", args=[event.pk])).content.decode().replace("\r\n ", "")
    assert "LOCATION:Science Park\\, Beispielstraße 12\\, 34117 Kassel" in ics
    assert "GEO:51.31667;9.498" in ics


def test_the_page_describes_the_venue_for_search_engines(rf, event):
    from itkoop.events.linked_data import event_linked_data

    Event.objects.filter(pk=event.pk).update(
        venue_name="Science Park",
        venue_street="Beispielstraße 12",
        venue_postcode="34117",
        venue_city="Kassel",
        latitude=Decimal("51.31667"),
        longitude=Decimal("9.498"),
    )
    event.refresh_from_db()
    place = event_linked_data(event, rf.get("/"), free_seats=3)["location"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Beispielstraße 12",
        "postalCode": "34117",
        "addressLocality": "Kassel",
        "addressCountry": "DE",
    }
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 51.31667, "longitude": 9.498}
