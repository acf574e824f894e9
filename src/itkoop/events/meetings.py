"""Writes for B2B meeting days: profiles, meeting requests and answers, rounds and tables, building the
schedule, locking and moving meetings. One use case per function, in a transaction, permission-checked."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from itkoop.core.services import audit_record
from itkoop.notifications.services import notify

from . import meeting_changes, scheduling, selectors
from . import notifications as kinds
from . import solver as scheduler  # the scheduler package, imported at its first use
from .models import (
    Event,
    Meeting,
    MeetingNotice,
    MeetingRequest,
    ParticipantProfile,
    Registration,
    ScheduleRun,
)
from .permissions import can_manage_event
from .services import EventError, _locked_event

logger = logging.getLogger(__name__)
RS = MeetingRequest.Status


def is_participant(user, event: Event) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and Registration.objects.filter(event=event, user=user, status=Registration.Status.CONFIRMED).exists()
    )


def _require_meeting_day(event: Event) -> None:
    if not event.is_meeting_day:
        raise EventError(_("Diese Veranstaltung ist keine Kooperationsbörse."))


def _require_participant(actor, event: Event) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied
    if not is_participant(actor, event):
        raise PermissionDenied


# --- participants ---


@transaction.atomic
def profile_save(*, actor, event: Event, data: dict) -> ParticipantProfile:
    _require_meeting_day(event)
    _require_participant(actor, event)
    profile, _created = ParticipantProfile.objects.get_or_create(event=event, user=actor)
    profile.company_name = data.get("company_name", "")
    profile.offers = data.get("offers", "")
    profile.seeks = data.get("seeks", "")
    if "unavailable" in data:
        profile.unavailable = sorted({int(s) for s in data["unavailable"] if 1 <= int(s) <= event.slot_count})
    profile.save()
    return profile


# --- requests ---


@transaction.atomic
def request_send(*, actor, event: Event, recipient_id: int, reason: str, priority: int) -> MeetingRequest:
    """Ask another participant for a meeting; refused clearly for oneself, a non-participant or a second
    request between the same two people."""
    _require_meeting_day(event)
    _require_participant(actor, event)
    if recipient_id == actor.pk:
        raise EventError(_("Sie können kein Gespräch mit sich selbst anfragen."))
    if not Registration.objects.filter(
        event=event, user_id=recipient_id, status=Registration.Status.CONFIRMED
    ).exists():
        raise EventError(_("Diese Person nimmt nicht an der Kooperationsbörse teil."))
    if priority not in MeetingRequest.Priority.values:
        raise EventError(_("Die Priorität muss 1, 2 oder 3 sein."))
    # One request per pair, in either direction: the two registrations are locked (in a fixed order), so a
    # request sent twice at once, or by both to each other, is decided one after the other.
    list(
        Registration.objects.select_for_update()
        .filter(event=event, user_id__in=[actor.pk, recipient_id])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    expire_requests(event=event)
    pair = MeetingRequest.objects.filter(event=event).filter(
        Q(sender=actor, recipient_id=recipient_id) | Q(sender_id=recipient_id, recipient=actor)
    )
    existing = pair.exclude(status=RS.EXPIRED).first()
    if existing is not None:
        if existing.sender_id == actor.pk:
            raise EventError(_("Sie haben diese Person bereits angefragt."))
        raise EventError(_("Diese Person hat Sie bereits angefragt; bitte beantworten Sie deren Anfrage."))
    pair.delete()  # an expired request between the two may be asked again
    try:
        with transaction.atomic():
            request = MeetingRequest.objects.create(
                event=event,
                sender=actor,
                recipient_id=recipient_id,
                reason=reason.strip()[:500],
                priority=priority,
                expires=timezone.now() + timedelta(hours=event.request_expiry_hours),
            )
    except IntegrityError:  # the same request, committed by a parallel submit in the meantime
        raise EventError(_("Sie haben diese Person bereits angefragt.")) from None
    notify(
        recipients=[request.recipient],
        kind=kinds.MEETING_REQUEST,
        params={
            "request_id": request.pk,
            "event_id": event.pk,
            "name": _label(event, actor),
            "title": event.title,
        },
        url=("events:requests", [event.pk]),
    )
    return request


def _label(event: Event, user) -> str:
    """ "Name, company" of a participant, as titles of notifications name them."""
    return selectors.people_of(event, [user])[user.pk].label


@transaction.atomic
def request_answer(*, actor, request: MeetingRequest, accept: bool) -> MeetingRequest:
    """The recipient accepts or declines. An accepted (or in opt-out mode unanswered) request can still be
    declined; its meeting, if scheduled, is removed."""
    if not getattr(actor, "is_authenticated", False) or actor.pk != request.recipient_id:
        raise PermissionDenied
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    expire_requests(event=request.event)
    request.refresh_from_db()
    if request.status == RS.EXPIRED:
        raise EventError(_("Die Anfrage ist verfallen."))
    if accept and request.status == RS.DECLINED:
        raise EventError(_("Die Anfrage wurde bereits abgelehnt."))
    was = request.status
    request.status = RS.ACCEPTED if accept else RS.DECLINED
    request.answered = timezone.now()
    request.save(update_fields=["status", "answered"])
    event = request.event
    params = {
        "request_id": request.pk,
        "event_id": event.pk,
        "name": _label(event, actor),
        "title": event.title,
    }
    if accept:
        if was != RS.ACCEPTED:
            notify(
                recipients=[request.sender],
                kind=kinds.MEETING_REQUEST_ACCEPTED,
                params=params,
                url=("events:requests", [event.pk]),
            )
        return request
    before = meeting_changes.placements(event, people=[request.sender_id])
    Meeting.objects.filter(request=request).delete()
    # One notice to the requester: the answer, and with it the cancellation of a meeting already planned.
    told = meeting_changes.tell_changes(
        event=event,
        before={request.pk: before[request.pk]} if request.pk in before else {},
        after={},
        reason=MeetingNotice.Reason.DECLINED,
        exclude=[actor.pk],
        kind=kinds.MEETING_REQUEST_DECLINED,
        params=params,
        url=("events:requests", [event.pk]),
    )
    if not told:
        notify(
            recipients=[request.sender],
            kind=kinds.MEETING_REQUEST_DECLINED,
            params=params,
            url=("events:requests", [event.pk]),
        )
    return request


@transaction.atomic
def request_withdraw(*, actor, request: MeetingRequest) -> None:
    """The sender takes a request back (and with it the meeting)."""
    if not getattr(actor, "is_authenticated", False) or actor.pk != request.sender_id:
        raise PermissionDenied
    event = request.event
    before = meeting_changes.placements(event, people=[actor.pk])
    request_id = request.pk
    request.delete()
    if request_id in before:  # a planned meeting: the other person is told it is cancelled
        meeting_changes.tell_changes(
            event=event,
            before={request_id: before[request_id]},
            after={},
            reason=MeetingNotice.Reason.WITHDRAWN,
            exclude=[actor.pk],
        )


def expire_requests(*, event: Event | None = None, now=None) -> int:
    """Unanswered requests past their time: expired under opt-in, accepted under opt-out."""
    now = now or timezone.now()
    due = MeetingRequest.objects.filter(status=RS.PENDING, expires__lt=now)
    if event is not None:
        due = due.filter(event=event)
    n = due.filter(event__consent_mode=Event.Consent.OPT_IN).update(status=RS.EXPIRED)
    n += due.filter(event__consent_mode=Event.Consent.OPT_OUT).update(status=RS.ACCEPTED, answered=now)
    return n


# --- staff: rounds, schedule, lock, move ---


def _require_manager(actor, event: Event) -> None:
    if not can_manage_event(actor, event):
        raise PermissionDenied


@transaction.atomic
def meeting_settings_save(
    *,
    actor,
    event: Event,
    slots_start,
    slot_minutes: int,
    slot_count: int,
    tables: int,
    breaks: list[int],
    online_rooms: int | None = None,
    room_link_pattern: str | None = None,
) -> Event:
    """Set the rounds, breaks, tables and online rooms of a meeting day (plain values; the form checked
    their ranges). ``None`` leaves the rooms or the link pattern as they are."""
    _require_manager(actor, event)
    _require_meeting_day(event)
    event = _locked_event(event)
    event.slots_start, event.slot_minutes, event.slot_count = slots_start, slot_minutes, slot_count
    event.tables, event.breaks = tables, sorted(set(breaks))
    if online_rooms is not None:
        event.online_rooms = online_rooms
    if room_link_pattern is not None:
        event.room_link_pattern = room_link_pattern
    event.save(
        update_fields=[
            "slots_start",
            "slot_minutes",
            "slot_count",
            "tables",
            "online_rooms",
            "room_link_pattern",
            "breaks",
            "updated",
        ]
    )
    # Meetings in rounds or at tables that no longer exist (or are now breaks) are dropped, and their people
    # told.
    before = meeting_changes.placements(event)
    breaks = {b - 1 for b in event.breaks}
    Meeting.objects.filter(event=event).filter(
        Q(slot__gte=event.slot_count)
        | Q(online=False, table__gte=event.tables)
        | Q(online=True, table__gte=event.online_rooms)
        | Q(slot__in=breaks)
    ).delete()
    meeting_changes.tell_changes(
        event=event,
        before=before,
        after=meeting_changes.placements(event),
        reason=MeetingNotice.Reason.ROUNDS_CHANGED,
    )
    return event


@transaction.atomic
def schedule_build(*, actor, event: Event, from_scratch: bool = False) -> ScheduleRun:
    """Queue a build: a worker of the task queue runs it after commit and the caller returns at once (without
    a broker it runs eagerly, right after commit, in the caller's process). A published plan is rebuilt
    stably (each meeting stays in its round and table where the value allows) unless ``from_scratch``.

    At most one run per event is queued or running: checked here under the event's row lock, and held by a
    database constraint. A run whose worker dies is not given up on: the broker hands it to the next
    worker."""
    from .tasks import build_schedule

    _require_manager(actor, event)
    _require_meeting_day(event)
    event = _locked_event(event)
    if not event.has_slots:
        raise EventError(_("Bitte legen Sie zuerst Runden und Tische fest."))
    if ScheduleRun.objects.filter(
        event=event, status__in=[ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING]
    ).exists():
        raise EventError(_("Der Plan wird bereits berechnet."))
    expire_requests(event=event)
    run = ScheduleRun.objects.create(
        event=event,
        started_by=actor,
        from_scratch=from_scratch,
        message=gettext_noop("Wartet auf den Start …"),
    )
    transaction.on_commit(lambda: build_schedule.delay(run.pk))
    logger.info("schedule run %s for event %s queued by %s", run.pk, event.pk, actor.pk)
    return run


@transaction.atomic
def meeting_lock(*, actor, meeting: Meeting, locked: bool) -> Meeting:
    _require_manager(actor, meeting.event)
    meeting.locked = locked
    meeting.save(update_fields=["locked"])
    return meeting


def move_check(*, event: Event, request: MeetingRequest, slot: int, table: int) -> list[str]:
    """Why moving (or placing) ``request``'s meeting to round ``slot``, table ``table`` (both 1-based)
    would not work, in the user's language; empty when it is feasible. Reads only."""
    try:
        adapted = scheduling.build_problem(event, unlock=request.pk)
    except scheduler.InvalidProblem as error:
        return [scheduling.problem_message(error)]
    if request.pk not in adapted.requests:
        return [str(scheduling.MOVE_MESSAGES["unknown_request"])]
    result = scheduling.current_result(event, adapted)
    violations = scheduler.check_move(adapted.problem, result, request.pk, slot - 1, table - 1)
    return scheduling.move_messages(adapted, violations, online=adapted.problem.meets_online(request.pk))


@transaction.atomic
def meeting_move(*, actor, event: Event, request: MeetingRequest, slot: int, table: int) -> Meeting:
    """Put a meeting where staff want it (1-based round and table) and lock it there, if that is feasible."""
    _require_manager(actor, event)
    if request.event_id != event.pk:
        raise PermissionDenied
    event = _locked_event(event)
    problems = move_check(event=event, request=request, slot=slot, table=table)
    if problems:
        raise EventError(" ".join(problems))
    people = [request.sender_id, request.recipient_id]
    before = meeting_changes.placements(event, people=people)
    online = scheduling.meets_online(event, request)
    meeting, _created = Meeting.objects.update_or_create(
        request=request,
        defaults={"event": event, "slot": slot - 1, "table": table - 1, "locked": True, "online": online},
    )
    meeting_changes.tell_changes(
        event=event,
        before=before,
        after=meeting_changes.placements(event, people=people),
        reason=MeetingNotice.Reason.MOVED,
    )
    audit_record(
        actor=actor,
        action="meeting_move",
        obj=meeting,
        details={"event_id": event.pk, "request_id": request.pk, "round": slot, "table": table},
    )
    return meeting


@transaction.atomic
def meeting_link_save(*, actor, meeting: Meeting, link: str) -> Meeting:
    """Staff set (or, with '', clear) the link of an online meeting's room; it goes before the event's
    pattern. Only an online meeting has a room."""
    _require_manager(actor, meeting.event)
    if not meeting.online:
        raise EventError(_("Dieses Gespräch findet an einem Tisch statt; es hat keinen Online-Raum."))
    meeting.link = link
    meeting.save(update_fields=["link"])
    audit_record(
        actor=actor,
        action="meeting_link",
        obj=meeting,
        details={"event_id": meeting.event_id, "request_id": meeting.request_id},
    )
    return meeting


# --- reminders ---


def send_reminders(*, now=None, within_days: int = 14) -> int:
    """Mail confirmed participants of upcoming meeting days who have no meeting request accepted or scheduled
    yet (at most once a day each)."""
    now = now or timezone.now()
    sent = 0
    events = Event.objects.filter(
        is_meeting_day=True, start__gt=now, start__lte=now + timedelta(days=within_days)
    )
    for event in events:
        # One transaction per event: the notifications and the "reminded" marks are stored together, and
        # the mails go out when it commits.
        with transaction.atomic():
            sent += _remind_idle_participants(event, now)
    return sent


def _remind_idle_participants(event: Event, now) -> int:
    expire_requests(event=event, now=now)
    busy = set()
    for r in scheduling.schedulable_requests(event):
        busy.update((r.sender_id, r.recipient_id))
    idle = []
    for registration in event.registrations.filter(status=Registration.Status.CONFIRMED).select_related(
        "user"
    ):
        if registration.user_id in busy:
            continue
        profile, _created = ParticipantProfile.objects.get_or_create(event=event, user=registration.user)
        if profile.reminded and profile.reminded > now - timedelta(days=1):
            continue
        idle.append(registration.user)
        ParticipantProfile.objects.filter(pk=profile.pk).update(reminded=now)
    reminded = notify(
        recipients=idle,
        kind=kinds.MEETING_REMINDER,
        params={"event_id": event.pk, "title": event.title},
        url=("events:participants", [event.pk]),
    )
    return len(reminded)
