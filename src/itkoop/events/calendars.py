"""iCalendar files (RFC 5545) of events and meetings: per event, per person (secret feed URL), per agenda."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import icalendar
from django.utils.translation import gettext as _

from .models import Event, Meeting, Registration

PRODID = "-//itkoop//Kooperationsplattform IT-Wirtschaft//DE"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _where(event: Event, include_link: bool) -> str:
    parts = [event.location, event.meeting_link if include_link else ""]
    if not event.location and event.hub_id:
        parts[0] = event.hub.city
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
    return component


def meeting_component(meeting: Meeting, user) -> icalendar.Event:
    event = meeting.event
    request = meeting.request
    other = request.counterpart(user)
    component = icalendar.Event()
    component.add("uid", f"meeting-{meeting.pk}@itkoop")
    component.add("dtstamp", datetime.now(UTC))
    component.add("dtstart", event.slot_start(meeting.slot))
    component.add("dtend", event.slot_end(meeting.slot))
    component.add("summary", _("Gespräch mit %(name)s") % {"name": str(other)})
    where = (_("Online-Raum %(n)s") if event.is_online else _("Tisch %(n)s")) % {"n": meeting.table_label}
    component.add("location", " · ".join(p for p in (where, event.location, event.meeting_link) if p))
    component.add("description", f"{event.title}\n{request.reason}")
    return component


def to_bytes(calendar: icalendar.Calendar) -> bytes:
    return calendar.to_ical()


def event_calendar(event: Event, *, include_link: bool = True) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(event_component(event, include_link=include_link))
    return to_bytes(calendar)


def agenda_calendar(event: Event, user, meetings: Iterable[Meeting]) -> bytes:
    calendar = _calendar(_("Gesprächsplan: %(title)s") % {"title": event.title})
    for meeting in meetings:
        calendar.add_component(meeting_component(meeting, user))
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
