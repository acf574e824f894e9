"""iCalendar files (RFC 5545) of events and meetings: per event, per person (secret feed URL), per agenda,
and the updates and cancellations that go with the notices about changed meetings.

A meeting's UID is its request's, not the Meeting row's (a rebuild replaces the rows), and its SEQUENCE is
the request's ``calendar_sequence``: an updated meeting keeps its UID with a higher SEQUENCE, so calendars
change the entry in place; a cancelled one goes out as METHOD:CANCEL with STATUS:CANCELLED. Meeting times
are written in the platform's time zone (with its VTIMEZONE), as the agenda shows them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from .models import Event, Meeting, Registration

PRODID = "-//itkoop//Kooperationsplattform IT-Wirtschaft//DE"


def _calendar(name: str, *, method: str = "PUBLISH") -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    return calendar


def meeting_uid(request_id: int) -> str:
    return f"meeting-request-{request_id}@itkoop"


def _local(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


def _people(component: icalendar.Event, user) -> None:
    """The platform as organiser and the person as attendee: calendars match updates and cancellations by
    UID and organiser."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "itkoop@example.org"
    organizer = icalendar.vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = icalendar.vText("itkoop")
    component.add("organizer", organizer)
    if getattr(user, "email", ""):
        attendee = icalendar.vCalAddress(f"mailto:{user.email}")
        attendee.params["cn"] = icalendar.vText(str(user))
        component.add("attendee", attendee)


def venue_address(event: Event) -> str:
    """The venue as one line (name, street, postcode and city), else the free-text place or the hub's city."""
    return event.place_line or (event.hub.city if event.hub_id else "")


def _where(event: Event, include_link: bool) -> str:
    parts = [venue_address(event) if event.format != Event.Format.ONLINE else event.location]
    parts.append(event.meeting_link if include_link else "")
    return " · ".join(p for p in parts if p)


def event_component(event: Event, *, include_link: bool = True) -> icalendar.Event:
    """The event as a VEVENT; the online access link only for people with a seat (``include_link``)."""
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@itkoop")
    component.add("dtstamp", datetime.now(UTC))
    component.add("dtstart", event.start)
    component.add("dtend", event.end)
    component.add("summary", event.title)
    if event.description:
        component.add("description", event.description)
    where = _where(event, include_link)
    if where:
        component.add("location", where)
    if event.meeting_link and include_link:
        component.add("url", event.meeting_link)
    if event.has_coordinates and event.format != Event.Format.ONLINE:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    return component


def _table_place(event: Event, table: int, *, online: bool = False, link: str = "") -> str:
    """Where a meeting is: "Tisch 3 · address", or "online · Online-Raum 2 · link" (the link only goes to
    the two people of the meeting: their agenda, feed and notices)."""
    if online:
        return " · ".join(p for p in (_("online"), _("Online-Raum %(n)s") % {"n": table + 1}, link) if p)
    return " · ".join(p for p in (_("Tisch %(n)s") % {"n": table + 1}, venue_address(event)) if p)


def meeting_component(meeting: Meeting, user, *, partner: str = "") -> icalendar.Event:
    """``partner`` names the other person (with their company); by default their name."""
    event = meeting.event
    request = meeting.request
    component = icalendar.Event()
    component.add("uid", meeting_uid(request.pk))
    component.add("sequence", request.calendar_sequence)
    component.add("status", "CONFIRMED")
    component.add("dtstamp", datetime.now(UTC))
    component.add("dtstart", _local(event.slot_start(meeting.slot)))
    component.add("dtend", _local(event.slot_end(meeting.slot)))
    name = partner or str(request.counterpart(user))
    component.add("summary", _("Gespräch mit %(name)s") % {"name": name})
    link = meeting.room_link
    component.add("location", _table_place(event, meeting.table, online=meeting.online, link=link))
    if link:
        component.add("url", link)
    component.add("description", "\n".join(p for p in (event.title, request.reason, link) if p))
    _people(component, user)
    return component


def cancelled_component(
    event: Event,
    user,
    *,
    request_id: int,
    sequence: int,
    slot: int,
    table: int,
    partner: str,
    online: bool = False,
) -> icalendar.Event:
    """A meeting that no longer takes place, at the time it had: its UID with a higher SEQUENCE."""
    component = icalendar.Event()
    component.add("uid", meeting_uid(request_id))
    component.add("sequence", sequence)
    component.add("status", "CANCELLED")
    component.add("dtstamp", datetime.now(UTC))
    component.add("dtstart", _local(event.slot_start(slot)))
    component.add("dtend", _local(event.slot_end(slot)))
    component.add("summary", _("Abgesagt: Gespräch mit %(name)s") % {"name": partner})
    component.add("location", _table_place(event, table, online=online))
    _people(component, user)
    return component


def to_bytes(calendar: icalendar.Calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_calendar(event: Event, *, include_link: bool = True) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(event_component(event, include_link=include_link))
    return to_bytes(calendar)


def agenda_calendar(
    event: Event, user, meetings: Iterable[Meeting], partners: dict[int, str] | None = None
) -> bytes:
    """The person's meetings; ``partners`` maps a user id to how the other person is named."""
    calendar = _calendar(_("Gesprächsplan: %(title)s") % {"title": event.title})
    for meeting in meetings:
        other = meeting.request.counterpart(user)
        calendar.add_component(meeting_component(meeting, user, partner=(partners or {}).get(other.pk, "")))
    return to_bytes(calendar)


def cancellation_calendar(event: Event, user, cancelled: Iterable[dict]) -> bytes:
    """METHOD:CANCEL for the meetings in ``cancelled`` (dicts with request_id, sequence, slot, table,
    partner)."""
    calendar = _calendar(_("Gesprächsplan: %(title)s") % {"title": event.title}, method="CANCEL")
    for item in cancelled:
        calendar.add_component(cancelled_component(event, user, **item))
    return to_bytes(calendar)


def person_calendar(user) -> bytes:
    """Every event the person holds a confirmed seat at, and every meeting scheduled for them."""
    calendar = _calendar(_("Meine Veranstaltungen – itkoop"))
    registrations = Registration.objects.filter(
        user=user, status=Registration.Status.CONFIRMED
    ).select_related("event", "event__hub")
    for registration in registrations:
        calendar.add_component(event_component(registration.event))
    meetings = Meeting.objects.filter(
        request__sender=user,
        event__registrations__user=user,
        event__registrations__status=Registration.Status.CONFIRMED,
    ) | Meeting.objects.filter(
        request__recipient=user,
        event__registrations__user=user,
        event__registrations__status=Registration.Status.CONFIRMED,
    )
    for meeting in meetings.select_related("event", "request__sender", "request__recipient").distinct():
        if meeting.event.slots_start:
            calendar.add_component(meeting_component(meeting, user))
    return to_bytes(calendar)
