"""Writes for events: creating and editing events, registering, cancelling, the waiting list and check-in.

Every function is one use case in a transaction and checks who may do it. Registrations lock the event row
(``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite every transaction starts with ``BEGIN IMMEDIATE``, see
settings), so parallel registrations never overbook and the waiting list stays numbered 1..n in arrival order.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from itkoop.core.services import audit_record
from itkoop.notifications.services import notify

from . import meeting_changes
from . import notifications as kinds
from .models import CalendarToken, Event, Meeting, MeetingNotice, Registration
from .permissions import can_hold_event_at, can_manage_event

logger = logging.getLogger(__name__)
Status = Registration.Status


class EventError(Exception):
    """Something the user asked for cannot be done; the message says why, in the user's language."""


def _require_login(actor) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied


def _locked_event(event: Event) -> Event:
    """The event row, locked until the end of the transaction, so seat counts cannot change under us."""
    return Event.objects.select_for_update().get(pk=event.pk)


# --- events ---


# Fields an event editor sets; who created it and when is the service's business.
EVENT_FIELDS = frozenset(
    f.attname
    for f in Event._meta.concrete_fields
    if f.editable and not f.primary_key and f.name not in {"created_by", "created", "updated"}
)


def check_capacity(*, event_id: int | None, capacity: int) -> None:
    """An event has at least one seat, and never fewer seats than it has confirmed registrations."""
    if capacity is None or capacity < 1:
        raise EventError(_("Eine Veranstaltung braucht mindestens einen Platz."))
    if event_id is not None:
        confirmed = Registration.objects.filter(event_id=event_id, status=Status.CONFIRMED).count()
        if capacity < confirmed:
            raise EventError(
                _("Es sind bereits %(n)s Plätze vergeben; bitte nicht weniger Plätze angeben.")
                % {"n": confirmed}
            )


@transaction.atomic
def event_save(*, actor, fields: dict[str, Any], event_id: int | None = None) -> Event:
    """Create (no `event_id`) or update an event from plain field values keyed by attribute name (`hub_id`,
    `title`, `capacity`, ...). Hub staff only for their own hub, before and after. More seats promote from
    the head of the waiting list; fewer seats than confirmed registrations are refused."""
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise ValueError(f"not event fields: {', '.join(sorted(unknown))}")
    if event_id is None:
        event = Event(created_by=actor)
    else:
        event = Event.objects.select_for_update().get(pk=event_id)
        if not can_manage_event(actor, event):
            raise PermissionDenied
    if not can_hold_event_at(actor, fields.get("hub_id", event.hub_id)):
        raise PermissionDenied
    check_capacity(event_id=event_id, capacity=fields.get("capacity", event.capacity))
    for name, value in fields.items():
        setattr(event, name, value)
    event.save()
    _fill_seats(event)
    logger.info("event %s saved by %s", event.pk, actor.pk)
    audit_record(
        actor=actor,
        action="event_create" if event_id is None else "event_edit",
        obj=event,
        details={"title": event.title, "fields": sorted(fields)},
    )
    return event


def event_fields_from(cleaned_data: dict[str, Any]) -> dict[str, Any]:
    """Plain field values for `event_save` from a form's cleaned data: related objects become their ids."""
    fields = {}
    for name, value in cleaned_data.items():
        field = Event._meta.get_field(name) if name in _EVENT_FIELD_NAMES else None
        if field is None:
            continue
        if field.is_relation:
            fields[field.attname] = value.pk if value is not None else None
        else:
            fields[name] = value
    return {k: v for k, v in fields.items() if k in EVENT_FIELDS}


_EVENT_FIELD_NAMES = frozenset(f.name for f in Event._meta.concrete_fields)


# --- registration ---


def _attendance_for(event: Event, attendance: str | None) -> str:
    """How the person takes part: their choice at a hybrid event (which they must make), else the event's."""
    if event.format == Event.Format.ONLINE:
        return Registration.Attendance.ONLINE
    if event.format != Event.Format.HYBRID:
        return Registration.Attendance.ON_SITE
    if attendance not in Registration.Attendance.values:
        raise EventError(_("Bitte wählen Sie, ob Sie vor Ort oder online teilnehmen."))
    return attendance


@transaction.atomic
def register(*, actor, event: Event, attendance: str | None = None) -> Registration:
    """A seat if one is free, else the next place on the waiting list. At a hybrid event ``attendance``
    ("on_site" or "online") is required."""
    _require_login(actor)
    event = _locked_event(event)
    attendance = _attendance_for(event, attendance)
    if event.end < timezone.now():
        raise EventError(_("Die Veranstaltung ist bereits vorbei."))
    registration = Registration.objects.filter(event=event, user=actor).first()
    if registration is not None and registration.status != Status.CANCELLED:
        raise EventError(_("Sie sind für diese Veranstaltung bereits angemeldet."))
    confirmed = event.registrations.filter(status=Status.CONFIRMED).count()
    if confirmed < event.capacity:
        status, position = Status.CONFIRMED, None
    else:
        status, position = Status.WAITLISTED, _waitlist_length(event) + 1
    if registration is None:
        registration = Registration(event=event, user=actor)
    registration.status = status
    registration.position = position
    registration.attendance = attendance
    registration.checked_in = None
    # The page's language at registration, kept as a record; mails follow the person's own language setting.
    registration.language = (translation.get_language() or "de")[:2]
    registration.created = timezone.now()
    registration.save()
    _tell(
        registration,
        kinds.REGISTRATION_CONFIRMED if status == Status.CONFIRMED else kinds.REGISTRATION_WAITLISTED,
    )
    return registration


@transaction.atomic
def cancel(*, actor, registration: Registration) -> Registration:
    """Cancel a seat or a place on the waiting list; a freed seat goes to the first on the waiting list."""
    _require_login(actor)
    if registration.user_id != actor.pk and not can_manage_event(actor, registration.event):
        raise PermissionDenied
    event = _locked_event(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        raise EventError(_("Diese Anmeldung ist bereits storniert."))
    was_waitlisted = registration.status == Status.WAITLISTED
    registration.status = Status.CANCELLED
    registration.position = None
    registration.checked_in = None
    registration.save(update_fields=["status", "position", "checked_in", "updated"])
    if was_waitlisted:
        _renumber_waitlist(event)
    else:
        _fill_seats(event)
        # Their meetings at a meeting day go too; the counterparts' slots free up for a rebuild, and the
        # counterparts are told.
        free_meetings(
            event=event, user_id=registration.user_id, reason=MeetingNotice.Reason.PARTNER_CANCELLED
        )
    _tell(registration, kinds.REGISTRATION_CANCELLED)
    return registration


@transaction.atomic
def attendance_change(*, actor, registration: Registration, attendance: str) -> Registration:
    """The person switches between on site and online at a hybrid event, until the meeting plan is
    published (the plan puts them at tables or in online rooms)."""
    _require_login(actor)
    if registration.user_id != actor.pk:
        raise PermissionDenied
    event = _locked_event(registration.event)
    registration = Registration.objects.get(pk=registration.pk)
    if event.format != Event.Format.HYBRID:
        raise EventError(_("Nur bei einer hybriden Veranstaltung können Sie wählen, wie Sie teilnehmen."))
    if registration.status == Status.CANCELLED:
        raise EventError(_("Diese Anmeldung ist storniert."))
    if event.schedule_published is not None:
        raise EventError(
            _(
                "Der Gesprächsplan ist veröffentlicht; bitte wenden Sie sich an das Team, "
                "um die Teilnahme zu ändern."
            )
        )
    if attendance not in Registration.Attendance.values:
        raise EventError(_("Bitte wählen Sie, ob Sie vor Ort oder online teilnehmen."))
    registration.attendance = attendance
    registration.save(update_fields=["attendance", "updated"])
    return registration


@transaction.atomic
def set_checked_in(*, actor, registration: Registration, checked_in: bool) -> Registration:
    if not can_manage_event(actor, registration.event):
        raise PermissionDenied
    if registration.status != Status.CONFIRMED:
        raise EventError(_("Nur bestätigte Anmeldungen können eingecheckt werden."))
    registration.checked_in = timezone.now() if checked_in else None
    if checked_in:
        registration.no_show = None  # came late after all; freed meetings stay freed
    registration.save(update_fields=["checked_in", "no_show", "updated"])
    return registration


def free_meetings(*, event: Event, user_id: int, reason: str) -> int:
    """Delete a person's meetings at a meeting day (their seat is gone, or they did not come) and tell each
    partner. Called inside the caller's transaction; returns how many meetings were freed."""
    before = meeting_changes.placements(event, people=[user_id])
    Meeting.objects.filter(request_id__in=before).delete()
    meeting_changes.tell_changes(event=event, before=before, after={}, reason=reason, exclude=[user_id])
    return len(before)


def _waitlist_length(event: Event) -> int:
    return event.registrations.filter(status=Status.WAITLISTED).count()


def _renumber_waitlist(event: Event) -> None:
    """Close the gaps: positions 1..n in the order people joined. One row at a time, lowest first, so the
    unique (event, position) constraint never sees two rows with the same position."""
    for number, registration in enumerate(
        event.registrations.filter(status=Status.WAITLISTED).order_by("position", "created", "pk"), start=1
    ):
        if registration.position != number:
            Registration.objects.filter(pk=registration.pk).update(position=number)


def _fill_seats(event: Event) -> list[Registration]:
    """Promote from the head of the waiting list while seats are free. The caller holds the event lock."""
    free = event.capacity - event.registrations.filter(status=Status.CONFIRMED).count()
    if free <= 0:
        return []
    promoted = list(
        event.registrations.filter(status=Status.WAITLISTED).order_by("position", "created", "pk")[:free]
    )
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.position = None
        registration.save(update_fields=["status", "position", "updated"])
        _tell(registration, kinds.REGISTRATION_PROMOTED)
        logger.info("registration %s promoted from the waiting list of event %s", registration.pk, event.pk)
    if promoted:
        _renumber_waitlist(event)
    return promoted


def _tell(registration: Registration, kind: str) -> None:
    """The person learns what happened to their registration; mailed after the transaction commits."""
    event = registration.event
    notify(
        recipients=[registration.user],
        kind=kind,
        params={
            "registration_id": registration.pk,
            "event_id": event.pk,
            "title": event.title,
            "position": registration.position,
        },
        url=("events:detail", [event.pk]),
    )


# --- calendar feed ---


def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_renew(*, actor) -> CalendarToken:
    """A new secret for the personal feed; the old URL stops working."""
    _require_login(actor)
    CalendarToken.objects.filter(user=actor).delete()
    return CalendarToken.objects.create(user=actor)
