"""schema.org description (JSON-LD) of an event page, built from the event the page shows. The online access
link is private (registered people only), so an online event's virtual location is its public page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .models import Event

SCHEMA = "https://schema.org"
ATTENDANCE = {
    Event.Format.AT_HUB: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
LANGUAGES = {Event.Language.DE: "de", Event.Language.EN: "en", Event.Language.BOTH: ["de", "en"]}


def event_linked_data(event: Event, request, *, free_seats: int) -> dict[str, Any]:
    page = request.build_absolute_uri(event.get_absolute_url())
    places: list[dict[str, Any]] = []
    if event.format != Event.Format.ONLINE and event.has_venue:
        place = {
            "@type": "Place",
            "name": event.venue_name or event.venue_city,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.venue_street,
                "postalCode": event.venue_postcode,
                "addressLocality": event.venue_city,
                "addressCountry": "DE",
            },
        }
        place["address"] = {k: v for k, v in place["address"].items() if v}
        if event.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.latitude),
                "longitude": float(event.longitude),
            }
        places.append(place)
    elif event.format != Event.Format.ONLINE and (event.location or event.hub_id):
        place = {"@type": "Place", "name": event.location or event.hub.city}
        if event.location:
            place["address"] = event.location
        elif event.hub_id:
            place["address"] = {
                "@type": "PostalAddress",
                "addressLocality": event.hub.city,
                "addressCountry": "DE",
            }
        places.append(place)
    if event.format != Event.Format.AT_HUB:
        places.append({"@type": "VirtualLocation", "url": page})
    organizer = _("Mittelstand 4.0-Kompetenzzentrum IT-Wirtschaft")
    if event.hub_id:
        organizer = _("%(center)s, %(hub)s") % {"center": organizer, "hub": event.hub.localized_name}
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": page,
        "name": event.title,
        "description": event.description,
        "url": page,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[event.format],
        "location": places[0] if len(places) == 1 else places,
        "organizer": {"@type": "Organization", "name": organizer},
        "inLanguage": LANGUAGES.get(event.language, event.language),
        "maximumAttendeeCapacity": event.capacity,
        "remainingAttendeeCapacity": free_seats,
    }
    return {key: value for key, value in data.items() if value not in ("", None, [])}
