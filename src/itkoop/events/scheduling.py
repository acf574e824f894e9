"""The Django side of the meeting scheduler: builds a ScheduleProblem from the database, runs ``solve`` for a
ScheduleRun, reports progress into its row, and writes the schedule back.

The web request only creates the ScheduleRun and queues ``events.tasks.build_schedule`` after commit; a worker
of the task queue runs ``execute_run`` and the page polls the row. Without a broker the task runs eagerly, in
the request that queued it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from . import meeting_changes
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

logger = logging.getLogger(__name__)

PROBLEM_MESSAGES = {
    "no_slots": _("Es sind keine Gesprächsrunden festgelegt."),
    "only_breaks": _("Jede Runde ist eine Pause; es können keine Gespräche stattfinden."),
    "no_tables": _("Es braucht mindestens einen Tisch oder Online-Raum."),
    "locked_collision": _("Zwei fixierte Gespräche belegen dieselbe Person oder denselben Tisch."),
    "locked_unavailable": _(
        "Ein fixiertes Gespräch liegt in einer Runde, in der jemand nicht verfügbar ist."
    ),
    "locked_in_break": _("Ein fixiertes Gespräch liegt in einer Pause."),
    "table_out_of_range": _(
        "Ein fixiertes Gespräch liegt an einem Tisch oder in einem Online-Raum, den es nicht mehr gibt."
    ),
    "no_rooms": _("Die Zahl der Online-Räume ist ungültig."),
    "slot_out_of_range": _("Ein Gespräch liegt in einer Runde, die es nicht mehr gibt."),
}

MOVE_MESSAGES = {
    "locked": _("Das Gespräch ist fixiert."),
    "break_used": _("Runde %(slot)s ist eine Pause."),
    "table_out_of_range": _("Tisch %(table)s gibt es in Runde %(slot)s nicht."),
    "slot_out_of_range": _("Diese Runde gibt es nicht."),
    "unavailable": _("%(participant)s ist in Runde %(slot)s nicht verfügbar."),
    "double_booked": _("%(participant)s hat in Runde %(slot)s schon ein Gespräch."),
    "table_double_booked": _("Tisch %(table)s ist in Runde %(slot)s schon belegt."),
    "room_out_of_range": _("Online-Raum %(table)s gibt es in Runde %(slot)s nicht."),
    "room_double_booked": _("Online-Raum %(table)s ist in Runde %(slot)s schon belegt."),
    "unknown_request": _("Diese Anfrage wird nicht eingeplant (abgelehnt, verfallen oder storniert)."),
}


def schedulable_requests(event: Event):
    """Requests that take part in the schedule: accepted ones, and in opt-out mode also the unanswered ones,
    both sides holding a confirmed seat and neither marked as a no-show (their meetings were freed and the
    partners told: a rebuilt plan does not bring them back)."""
    statuses = [MeetingRequest.Status.ACCEPTED]
    if event.consent_mode == Event.Consent.OPT_OUT:
        statuses.append(MeetingRequest.Status.PENDING)
    confirmed = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED, no_show__isnull=True
    ).values("user_id")
    return (
        MeetingRequest.objects.filter(event=event, status__in=statuses)
        .filter(sender_id__in=confirmed, recipient_id__in=confirmed)
        .select_related("sender", "recipient")
        .order_by("pk")
    )


@dataclass
class Adapted:
    problem: scheduler.ScheduleProblem
    requests: dict[int, MeetingRequest]


def build_problem(event: Event, *, unlock: int | None = None, stable: bool = False) -> Adapted:
    """The event as a scheduler instance: participant ids are user pks, request ids MeetingRequest pks, slots
    and tables 0-based. ``unlock`` leaves one request's lock out (for checking a manual move of it);
    ``stable`` hands the stored meetings to the solver as the previous plan to keep where it can.

    Raises scheduler.InvalidProblem when the settings or the locked meetings make no valid instance."""
    requests = {r.pk: r for r in schedulable_requests(event)}
    people = sorted({r.sender_id for r in requests.values()} | {r.recipient_id for r in requests.values()})
    # Who takes part online (a hybrid event's choice, everyone at an online event): their meetings take
    # online rooms.
    online = {
        registration.user_id
        for registration in Registration.objects.filter(
            event=event, status=Registration.Status.CONFIRMED, user_id__in=people
        ).select_related("event")
        if registration.attends_online
    }

    def meets_online(request: MeetingRequest) -> bool:
        return request.sender_id in online or request.recipient_id in online

    unavailable = {
        p.user_id: frozenset(int(s) - 1 for s in p.unavailable if 1 <= int(s) <= event.slot_count)
        for p in ParticipantProfile.objects.filter(event=event, user_id__in=people)
    }
    breaks = frozenset(int(b) - 1 for b in event.breaks if 1 <= int(b) <= event.slot_count)
    # A lock or a previous place of the other kind (someone changed how they take part) does not hold.
    locked = [
        scheduler.LockedMeeting(request=m.request_id, slot=m.slot, table=m.table)
        for m in Meeting.objects.filter(event=event, locked=True, request_id__in=requests).order_by("pk")
        if m.request_id != unlock and m.online == meets_online(requests[m.request_id])
    ]
    previous = []
    if stable:
        previous = [
            scheduler.PreviousMeeting(request=request_id, slot=slot, table=table)
            for request_id, slot, table, was_online in Meeting.objects.filter(
                event=event, locked=False, request_id__in=requests, slot__lt=event.slot_count
            )
            .order_by("pk")
            .values_list("request_id", "slot", "table", "online")
            if was_online == meets_online(requests[request_id])
        ]
    tables, rooms = event.place_counts()
    problem = scheduler.ScheduleProblem(
        participants=[
            scheduler.Participant(id=u, unavailable=unavailable.get(u, frozenset()), online=u in online)
            for u in people
        ],
        requests=[
            scheduler.Request(id=r.pk, requester=r.sender_id, recipient=r.recipient_id, weight=r.priority)
            for r in requests.values()
        ],
        n_slots=event.slot_count,
        tables=tables,
        rooms=rooms,
        breaks=breaks,
        locked=locked,
        previous=previous,
    )
    return Adapted(problem=problem, requests=requests)


def meets_online(event: Event, request: MeetingRequest) -> bool:
    """The request has a side that takes part online (a confirmed seat marked online), so it meets in an
    online room."""
    return any(
        registration.attends_online
        for registration in Registration.objects.filter(
            event=event,
            status=Registration.Status.CONFIRMED,
            user_id__in=[request.sender_id, request.recipient_id],
        ).select_related("event")
    )


def current_result(event: Event, adapted: Adapted) -> scheduler.ScheduleResult:
    """The stored schedule as a ScheduleResult (figures left at zero: only the meetings matter for checks)."""
    meetings = tuple(
        scheduler.Meeting(request=m.request_id, slot=m.slot, table=m.table, online=m.online)
        for m in Meeting.objects.filter(event=event, request_id__in=adapted.requests)
    )
    return scheduler.ScheduleResult(
        meetings=meetings, value=0, bound=0, idle_gaps=0, status=scheduler.Status.FEASIBLE
    )


def problem_message(error: scheduler.InvalidProblem) -> str:
    return str(PROBLEM_MESSAGES.get(error.code, _("Der Plan kann so nicht erstellt werden.")))


def move_messages(adapted: Adapted, violations: list[str], *, online: bool = False) -> list[str]:
    """The scheduler's reasons, in the user's language, with names instead of ids and 1-based numbers;
    ``online``: the moved meeting takes an online room, so its "table" is a room."""
    names = {}
    for r in adapted.requests.values():
        names[r.sender_id] = str(r.sender)
        names[r.recipient_id] = str(r.recipient)
    out = []
    for v in violations:
        params = dict(getattr(v, "params", {}))
        code = getattr(v, "code", "")
        if "participant" in params:
            params["participant"] = names.get(params["participant"], params["participant"])
        for key in ("slot", "table"):
            if isinstance(params.get(key), int):
                params[key] += 1
        if online and code in ("table_out_of_range", "table_double_booked"):
            code = code.replace("table", "room", 1)
        template = MOVE_MESSAGES.get(code)
        try:
            out.append(str(template) % params if template else str(v))
        except (KeyError, TypeError):
            out.append(str(template))
    return list(dict.fromkeys(out))


# --- the background run ---

_UNFINISHED = (ScheduleRun.Status.QUEUED, ScheduleRun.Status.RUNNING)


def execute_run(run_pk: int) -> None:
    """Body of the task ``events.tasks.build_schedule``: solve, store, report.

    A run is RUNNING while a worker holds it. A run already finished (a message delivered twice) is left
    alone; a RUNNING one is started again (its worker died and the broker handed the task on).
    Messages are stored as their German msgids and translated when shown (the page, the JSON endpoint)."""
    try:
        with translation.override(settings.LANGUAGE_CODE):
            _execute(run_pk)
    except Exception:
        logger.exception("schedule run %s failed", run_pk)
        ScheduleRun.objects.filter(pk=run_pk, status__in=_UNFINISHED).update(
            status=ScheduleRun.Status.FAILED,
            message=str(_("Unerwarteter Fehler; bitte erneut versuchen.")),
            finished=timezone.now(),
        )


def _execute(run_pk: int) -> None:
    claimed = ScheduleRun.objects.filter(pk=run_pk, status__in=_UNFINISHED).update(
        status=ScheduleRun.Status.RUNNING, progress=0.0, message=str(_("Anfragen werden gelesen …"))
    )
    if not claimed:
        logger.info("schedule run %s is gone or finished already; nothing to do", run_pk)
        return
    run = ScheduleRun.objects.select_related("event").get(pk=run_pk)
    event = run.event
    try:
        # A published plan is rebuilt stably (people were told their meetings), unless staff chose otherwise.
        adapted = build_problem(event, stable=event.schedule_published is not None and not run.from_scratch)
    except scheduler.InvalidProblem as error:
        ScheduleRun.objects.filter(pk=run_pk).update(
            status=ScheduleRun.Status.FAILED, message=problem_message(error), finished=timezone.now()
        )
        return
    last = [0.0]

    def progress(fraction: float, message: str) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.5:
            last[0] = now
            ScheduleRun.objects.filter(pk=run_pk).update(
                progress=round(0.95 * fraction, 3), message=str(_("Berechnung läuft …"))
            )

    limit = float(getattr(settings, "ITKOOP_SCHEDULE_TIME_LIMIT_S", 30))
    result = scheduler.solve(adapted.problem, time_limit_s=limit, seed=event.pk, progress=progress)
    problems = scheduler.validate(adapted.problem, result)
    if problems:
        logger.error("schedule run %s produced an invalid schedule: %s", run_pk, problems[:5])
        ScheduleRun.objects.filter(pk=run_pk).update(
            status=ScheduleRun.Status.FAILED,
            message=str(_("Der berechnete Plan ist ungültig; bitte melden.")),
            finished=timezone.now(),
        )
        return
    try:
        _store(event, adapted, result)
    except IntegrityError:
        ScheduleRun.objects.filter(pk=run_pk).update(
            status=ScheduleRun.Status.FAILED,
            message=str(_("Der Plan wurde während der Berechnung geändert; bitte erneut erstellen.")),
            finished=timezone.now(),
        )
        return
    ScheduleRun.objects.filter(pk=run_pk).update(
        status=ScheduleRun.Status.DONE,
        progress=1.0,
        value=result.value,
        bound=result.bound,
        idle_gaps=result.idle_gaps,
        result_status=str(result.status),
        meetings=len(result.meetings),
        requests=len(adapted.requests),
        moved=result.moved if adapted.problem.previous else None,
        message=str(_("Fertig.")),
        finished=timezone.now(),
    )


@transaction.atomic
def _store(event: Event, adapted: Adapted, result: scheduler.ScheduleResult) -> None:
    """Replace the unlocked meetings by the new schedule; locked ones stay as they are. The first plan is
    published to everyone in it; after a rebuild only the people whose meetings changed are told."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = meeting_changes.placements(event)
    # Links staff entered for a meeting's online room stay with the request while it meets online.
    links = dict(
        Meeting.objects.filter(event=event, locked=False, online=True)
        .exclude(link="")
        .values_list("request_id", "link")
    )
    Meeting.objects.filter(event=event, locked=False).delete()
    Meeting.objects.filter(event=event).exclude(request_id__in=adapted.requests).delete()
    kept = set(Meeting.objects.filter(event=event).values_list("request_id", flat=True))
    Meeting.objects.bulk_create(
        [
            Meeting(
                event=event,
                request_id=m.request,
                slot=m.slot,
                table=m.table,
                online=m.online,
                link=links.get(m.request, "") if m.online else "",
            )
            for m in result.meetings
            if m.request not in kept
        ]
    )
    if event.schedule_published is None:
        people = {r.sender_id for r in adapted.requests.values()}
        people |= {r.recipient_id for r in adapted.requests.values()}
        meeting_changes.publish(event=event, people=people)
    else:
        meeting_changes.tell_changes(
            event=event,
            before=before,
            after=meeting_changes.placements(event),
            reason=MeetingNotice.Reason.REBUILT,
        )


def meetings_of(event: Event, user):
    return (
        Meeting.objects.filter(event=event)
        .filter(Q(request__sender=user) | Q(request__recipient=user))
        .select_related("request__sender", "request__recipient", "event")
        .order_by("slot")
    )
