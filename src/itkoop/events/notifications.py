"""The notification kinds of the events app: what happened to a registration (with the event as .ics for a
seat), meeting requests and reminders of a meeting day. Registered by EventsConfig.ready().

The parameters hold ids and the event's title; the body templates load the registration or request by id
when the mail is sent, so the date, place and online access are current, and the online access is only ever
shown to someone whose registration is confirmed at that moment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from itkoop.notifications.models import Notification

from itkoop.notifications.services import Attachment, Kind, register

REGISTRATION_CONFIRMED = "events.registration_confirmed"
REGISTRATION_WAITLISTED = "events.registration_waitlisted"
REGISTRATION_PROMOTED = "events.registration_promoted"
REGISTRATION_CANCELLED = "events.registration_cancelled"
MEETING_REQUEST = "events.meeting_request"
MEETING_REMINDER = "events.meeting_reminder"

#: The kinds that tell someone they have a seat: only these carry the online access and the .ics.
SEAT_KINDS = (REGISTRATION_CONFIRMED, REGISTRATION_PROMOTED)


def _registration(notification: Notification):
    from .models import Registration

    return (
        Registration.objects.select_related("event", "event__hub")
        .filter(pk=notification.params.get("registration_id"), user_id=notification.recipient_id)
        .first()
    )


def _has_seat(notification: Notification, registration) -> bool:
    from .models import Registration

    return (
        notification.kind in SEAT_KINDS
        and registration is not None
        and registration.status == Registration.Status.CONFIRMED
    )


def registration_context(notification: Notification) -> dict[str, Any]:
    registration = _registration(notification)
    seat = _has_seat(notification, registration)
    event = registration.event if registration is not None else None
    return {
        "registration": registration,
        "event": event,
        "seat": seat,
        "online_link": event.meeting_link if seat else "",
    }


def registration_attachments(notification: Notification) -> list[Attachment]:
    """The event for the calendar, with its online access: only for a confirmed seat."""
    from . import calendars

    registration = _registration(notification)
    if not _has_seat(notification, registration):
        return []
    event = registration.event
    return [(f"event-{event.pk}.ics", calendars.event_calendar(event), "text/calendar")]


def meeting_request_context(notification: Notification) -> dict[str, Any]:
    from .models import MeetingRequest

    request = (
        MeetingRequest.objects.select_related("event")
        .filter(pk=notification.params.get("request_id"), recipient_id=notification.recipient_id)
        .first()
    )
    return {"request": request, "event": request.event if request is not None else None}


register(
    Kind(
        key=REGISTRATION_CONFIRMED,
        label=_("Bestätigte Anmeldungen zu Veranstaltungen"),
        title=_("Anmeldung bestätigt: %(title)s"),
        body="events/notifications/registration_confirmed.txt",
        context=registration_context,
        attachments=registration_attachments,
    ),
    Kind(
        key=REGISTRATION_WAITLISTED,
        label=_("Plätze auf der Warteliste"),
        title=_("Warteliste: %(title)s"),
        body="events/notifications/registration_waitlisted.txt",
        context=registration_context,
    ),
    Kind(
        key=REGISTRATION_PROMOTED,
        label=_("Nachrücken von der Warteliste"),
        title=_("Ein Platz ist frei geworden: %(title)s"),
        body="events/notifications/registration_promoted.txt",
        context=registration_context,
        attachments=registration_attachments,
    ),
    Kind(
        key=REGISTRATION_CANCELLED,
        label=_("Stornierte Anmeldungen"),
        title=_("Stornierung: %(title)s"),
        body="events/notifications/registration_cancelled.txt",
        context=registration_context,
    ),
    Kind(
        key=MEETING_REQUEST,
        label=_("Gesprächsanfragen bei Kooperationsbörsen"),
        title=_("Gesprächsanfrage von %(name)s (%(title)s)"),
        body="events/notifications/meeting_request.txt",
        context=meeting_request_context,
    ),
    Kind(
        key=MEETING_REMINDER,
        label=_("Erinnerungen an Kooperationsbörsen ohne Gespräche"),
        title=_("Noch keine Gespräche: %(title)s"),
        body="events/notifications/meeting_reminder.txt",
    ),
)
