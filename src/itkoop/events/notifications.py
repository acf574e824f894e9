"""The notification kinds of the events app: what happened to a registration (with the event as .ics for a
seat), meeting requests and their answers, the published plan of a meeting day and every later change to a
person's meetings (with an .ics that updates or cancels them in the calendar), and reminders.
Registered by EventsConfig.ready().

The parameters hold ids and the event's title; the body templates load the registration, request or
meeting notice by id (and only the recipient's own) when the mail is sent, so the date, place and online
access are current, and the online access is only ever shown to someone whose registration is confirmed at
that moment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.urls import reverse
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
MEETING_REQUEST_ACCEPTED = "events.meeting_request_accepted"
MEETING_REQUEST_DECLINED = "events.meeting_request_declined"
MEETINGS_PUBLISHED = "events.meetings_published"
MEETINGS_CHANGED = "events.meetings_changed"
MEETING_RATING = "events.meeting_rating"
MEETING_OUTCOME = "events.meeting_outcome"

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
    """The event for the calendar, with its online access, and the QR code for the check-in: only for a
    confirmed seat."""
    from . import calendars

    registration = _registration(notification)
    if not _has_seat(notification, registration):
        return []
    from . import checkin

    event = registration.event
    return [
        (f"event-{event.pk}.ics", calendars.event_calendar(event), "text/calendar"),
        (f"check-in-{event.pk}.png", checkin.qr_png(registration), "image/png"),
    ]


def _absolute(path: str) -> str:
    return settings.ITKOOP_SITE_URL.rstrip("/") + path


def _person(event, user) -> dict[str, Any]:
    """The other person as the mail shows them: name, company with an absolute link, offers and seeks."""
    from .selectors import people_of

    person = people_of(event, [user])[user.pk]
    url = reverse("registry:company", args=[person.company_id]) if person.company_id else ""
    return {"person": person, "company_url": _absolute(url) if url else ""}


def meeting_request_context(notification: Notification) -> dict[str, Any]:
    """The request to the recipient, with the requester's company and profile."""
    from .models import MeetingRequest

    request = (
        MeetingRequest.objects.select_related("event", "sender")
        .filter(pk=notification.params.get("request_id"), recipient_id=notification.recipient_id)
        .first()
    )
    if request is None:
        return {"request": None, "event": None}
    return {"request": request, "event": request.event, **_person(request.event, request.sender)}


def _notice(notification: Notification):
    from .models import MeetingNotice

    if not notification.params.get("notice_id"):
        return None
    return (
        MeetingNotice.objects.select_related("event")
        .filter(pk=notification.params["notice_id"], user_id=notification.recipient_id)
        .first()
    )


def _place(table: int, online: bool) -> str:
    """ "Tisch 3" or "Online-Raum 2" (a notice's changes keep 0-based numbers; older ones have no kind)."""
    return str(_("Online-Raum %(n)s") if online else _("Tisch %(n)s")) % {"n": table + 1}


def _notice_rows(notice) -> list[dict[str, Any]]:
    from django.contrib.auth import get_user_model

    from .selectors import people_of

    event = notice.event
    others = get_user_model().objects.in_bulk([c["other"] for c in notice.changes])
    people = people_of(event, others.values())
    rows = []
    for change in notice.changes:
        person = people.get(change["other"])
        rows.append(
            {
                "change": change["change"],
                "start": event.slot_start(change["slot"]) if event.slots_start else None,
                "end": event.slot_end(change["slot"]) if event.slots_start else None,
                "table": change["table"] + 1,
                "place": _place(change["table"], change.get("online", False)),
                "old_start": (
                    event.slot_start(change["old_slot"])
                    if event.slots_start and change["old_slot"] is not None
                    else None
                ),
                "old_table": change["old_table"] + 1 if change["old_table"] is not None else None,
                "old_place": (
                    _place(change["old_table"], change.get("old_online") or False)
                    if change["old_table"] is not None
                    else None
                ),
                "other": person.label if person else "–",
            }
        )
    return rows


def notice_context(notification: Notification) -> dict[str, Any]:
    """What changed in the recipient's meetings, and their whole plan as it is now."""
    from django.contrib.auth import get_user_model

    from .selectors import agenda_context

    notice = _notice(notification)
    if notice is None:
        return {"notice": None, "event": None}
    recipient = get_user_model().objects.get(pk=notification.recipient_id)
    agenda = agenda_context(notice.event, recipient)
    return {
        "notice": notice,
        "event": notice.event,
        "changes": _notice_rows(notice),
        "cancelled": [c for c in notice.changes if c["change"] == "cancelled"],
        "plan": agenda["rows"],
    }


def notice_attachments(notification: Notification) -> list[Attachment]:
    """The person's plan as it is now (same UIDs, higher SEQUENCE for what changed), and the cancelled
    meetings as METHOD:CANCEL."""
    from django.contrib.auth import get_user_model

    from . import calendars
    from .scheduling import meetings_of
    from .selectors import people_of

    notice = _notice(notification)
    if notice is None or notice.event.slots_start is None:
        return []
    event = notice.event
    recipient = get_user_model().objects.get(pk=notification.recipient_id)
    out: list[Attachment] = []
    meetings = list(meetings_of(event, recipient)) if notification.kind != MEETING_REQUEST_DECLINED else []
    cancelled = [c for c in notice.changes if c["change"] == "cancelled"]
    others = get_user_model().objects.in_bulk(
        [m.request.counterpart(recipient).pk for m in meetings] + [c["other"] for c in cancelled]
    )
    labels = {pk: person.label for pk, person in people_of(event, others.values()).items()}
    if meetings:
        content = calendars.agenda_calendar(event, recipient, meetings, labels)
        out.append((f"gespraeche-{event.pk}.ics", content, "text/calendar"))
    if cancelled:
        content = calendars.cancellation_calendar(
            event,
            recipient,
            [
                {
                    "request_id": c["request"],
                    "sequence": c["sequence"],
                    "slot": c["slot"],
                    "table": c["table"],
                    "partner": labels.get(c["other"], "–"),
                    "online": c.get("online", False),
                }
                for c in cancelled
            ],
        )
        out.append((f"abgesagt-{event.pk}.ics", content, "text/calendar; method=CANCEL"))
    return out


def answer_context(notification: Notification) -> dict[str, Any]:
    """The answer to the recipient's own request, with the answering person's company and profile, and
    the meeting it cancelled (a declined request that was already planned)."""
    from .models import MeetingRequest

    request = (
        MeetingRequest.objects.select_related("event", "recipient")
        .filter(pk=notification.params.get("request_id"), sender_id=notification.recipient_id)
        .first()
    )
    notice = _notice(notification)
    context: dict[str, Any] = {
        "request": request,
        "event": request.event if request is not None else None,
        "changes": _notice_rows(notice) if notice is not None else [],
    }
    if request is not None:
        context.update(_person(request.event, request.recipient))
    return context


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
        title=_("Gesprächsanfrage von %(name)s: %(title)s"),
        body="events/notifications/meeting_request.txt",
        context=meeting_request_context,
    ),
    Kind(
        key=MEETING_REMINDER,
        label=_("Erinnerungen an Kooperationsbörsen ohne Gespräche"),
        title=_("Noch keine Gespräche: %(title)s"),
        body="events/notifications/meeting_reminder.txt",
    ),
    Kind(
        key=MEETING_REQUEST_ACCEPTED,
        label=_("Angenommene Gesprächsanfragen"),
        title=_("%(name)s hat Ihre Gesprächsanfrage angenommen: %(title)s"),
        body="events/notifications/meeting_request_accepted.txt",
        context=answer_context,
    ),
    Kind(
        key=MEETING_REQUEST_DECLINED,
        label=_("Abgelehnte Gesprächsanfragen"),
        title=_("%(name)s hat Ihre Gesprächsanfrage abgelehnt: %(title)s"),
        body="events/notifications/meeting_request_declined.txt",
        context=answer_context,
        attachments=notice_attachments,
    ),
    Kind(
        key=MEETINGS_PUBLISHED,
        label=_("Veröffentlichte Gesprächspläne"),
        title=_("Ihr Gesprächsplan: %(title)s"),
        body="events/notifications/meetings_published.txt",
        context=notice_context,
        attachments=notice_attachments,
    ),
    Kind(
        key=MEETINGS_CHANGED,
        label=_("Änderungen an Ihren Gesprächen"),
        title=_("Ihr Gesprächsplan hat sich geändert: %(title)s"),
        body="events/notifications/meetings_changed.txt",
        context=notice_context,
        attachments=notice_attachments,
    ),
    Kind(
        key=MEETING_RATING,
        label=_("Bitten, Gespräche einer Kooperationsbörse zu bewerten"),
        title=_("Wie waren Ihre Gespräche? %(title)s"),
        body="events/notifications/meeting_rating.txt",
    ),
    Kind(
        key=MEETING_OUTCOME,
        label=_("Fragen nach dem Ergebnis von Gesprächen"),
        title=_("Was ist aus Ihren Gesprächen geworden? %(title)s"),
        body="events/notifications/meeting_outcome.txt",
    ),
)
