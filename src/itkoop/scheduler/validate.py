"""Checks on schedules: every violation of a whole schedule, and why one manual move would be infeasible.

Each finding is a :class:`Violation`, a ``str`` (an English sentence) that also carries a stable ``code`` and
its ``params``, so the web side can show it in the user's language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from typing import Any

from itkoop.scheduler.problem import ScheduleProblem
from itkoop.scheduler.result import Meeting, ScheduleResult, Status, idle_gaps, weighted_value


class Violation(str):
    """A rule a schedule breaks, readable as text, with a ``code`` and ``params`` for translation."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, message: str, **params: Any) -> Violation:
        obj = super().__new__(cls, message)
        obj.code = code
        obj.params = params
        return obj


def _place(online: bool) -> str:
    return "room" if online else "table"


def _meeting_violations(problem: ScheduleProblem, meeting: Meeting) -> list[Violation]:
    """Rules one meeting breaks on its own (unknown request, slot, table, break, availability, lock)."""
    out: list[Violation] = []
    rid, slot, table = meeting.request, meeting.slot, meeting.table
    if not problem.has_request(rid):
        return [Violation("unknown_request", f"request {rid!r} does not exist", request=rid)]
    if not isinstance(slot, int) or not 0 <= slot < problem.n_slots:
        return [
            Violation(
                "slot_out_of_range", f"request {rid!r}: slot {slot!r} does not exist", request=rid, slot=slot
            )
        ]
    if slot in problem.breaks:
        out.append(
            Violation(
                "break_used", f"request {rid!r} is scheduled in break slot {slot}", request=rid, slot=slot
            )
        )
    elif not isinstance(table, int) or not 0 <= table < problem.place_count(slot, online=meeting.online):
        out.append(
            Violation(
                "table_out_of_range",
                f"request {rid!r}: {_place(meeting.online)} {table!r} does not exist in slot {slot}",
                request=rid,
                slot=slot,
                table=table,
            )
        )
    if meeting.online != problem.meets_online(rid):
        out.append(
            Violation(
                "wrong_place",
                f"request {rid!r} meets {'in an online room' if meeting.online else 'at a table'}, but "
                f"{'has an online side' if not meeting.online else 'has no online side'}",
                request=rid,
                online=problem.meets_online(rid),
            )
        )
    req = problem.request(rid)
    for who in (req.requester, req.recipient):
        if slot in problem.participant(who).unavailable:
            out.append(
                Violation(
                    "unavailable",
                    f"request {rid!r}: {who!r} is unavailable in slot {slot}",
                    request=rid,
                    participant=who,
                    slot=slot,
                )
            )
    lock = problem.lock_of(rid)
    if lock is not None and (lock.slot, lock.table) != (slot, table):
        out.append(
            Violation(
                "locked_moved",
                f"request {rid!r} is locked to slot {lock.slot}, table {lock.table}",
                request=rid,
                slot=lock.slot,
                table=lock.table,
            )
        )
    return out


def validate(problem: ScheduleProblem, result: ScheduleResult) -> list[str]:
    """Every rule ``result`` breaks; empty when the schedule is valid and its figures are right."""
    out: list[Violation] = []
    count = Counter(m.request for m in result.meetings)
    for rid, times in count.items():
        if times > 1:
            out.append(
                Violation("scheduled_twice", f"request {rid!r} is scheduled {times} times", request=rid)
            )
    valid: list[Meeting] = []
    for meeting in result.meetings:
        found = _meeting_violations(problem, meeting)
        out.extend(found)
        if not any(v.code in ("unknown_request", "slot_out_of_range") for v in found):
            valid.append(meeting)
    busy: dict[tuple[Hashable, int], Hashable] = {}
    tables: dict[tuple[bool, int, int], Hashable] = {}
    per_slot: Counter[tuple[bool, int]] = Counter()
    for meeting in valid:
        req = problem.request(meeting.request)
        per_slot[meeting.online, meeting.slot] += 1
        for who in (req.requester, req.recipient):
            other = busy.setdefault((who, meeting.slot), meeting.request)
            if other != meeting.request:
                out.append(
                    Violation(
                        "double_booked",
                        f"{who!r} has two meetings in slot {meeting.slot}: {other!r} and {meeting.request!r}",
                        participant=who,
                        slot=meeting.slot,
                    )
                )
        other = tables.setdefault((meeting.online, meeting.slot, meeting.table), meeting.request)
        if other != meeting.request:
            out.append(
                Violation(
                    "table_double_booked",
                    f"{_place(meeting.online)} {meeting.table} in slot {meeting.slot} holds {other!r} and "
                    f"{meeting.request!r}",
                    slot=meeting.slot,
                    table=meeting.table,
                )
            )
    for (online, slot), used in sorted(per_slot.items()):
        places = problem.place_count(slot, online=online)
        if slot not in problem.breaks and used > places:
            out.append(
                Violation(
                    "over_capacity",
                    f"slot {slot} has {used} meetings but {places} {_place(online)}s",
                    slot=slot,
                )
            )
    for lock in problem.locked:
        if lock.request not in count:
            out.append(
                Violation(
                    "locked_missing", f"locked meeting {lock.request!r} is missing", request=lock.request
                )
            )
    if result.status is not Status.INFEASIBLE:
        for req in problem.requests:
            if req.must_have and req.id not in count:
                out.append(
                    Violation(
                        "must_have_missing", f"must-have request {req.id!r} is not scheduled", request=req.id
                    )
                )
    if not out:
        value = weighted_value(problem, result.meetings)
        if value != result.value:
            out.append(
                Violation("wrong_value", f"the value is {result.value} but the meetings weigh {value}")
            )
        if value > result.bound:
            out.append(Violation("bound_exceeded", f"the value {value} exceeds the bound {result.bound}"))
        gaps = idle_gaps(problem, result.meetings)
        if gaps != result.idle_gaps:
            out.append(Violation("wrong_idle_gaps", f"idle gaps are {result.idle_gaps} but count {gaps}"))
    return list(out)


def check_move(
    problem: ScheduleProblem, result: ScheduleResult, request_id: Hashable, new_slot: int, new_table: int
) -> list[str]:
    """Why moving ``request_id``'s meeting (or adding it, when unscheduled) to ``new_slot``/``new_table``
    would break the schedule; empty when the move is fine. The rest of the schedule stays as it is."""
    if not problem.has_request(request_id):
        return [Violation("unknown_request", f"request {request_id!r} does not exist", request=request_id)]
    if not isinstance(new_slot, int) or not 0 <= new_slot < problem.n_slots:
        return [Violation("slot_out_of_range", f"slot {new_slot!r} does not exist", slot=new_slot)]
    out: list[Violation] = []
    lock = problem.lock_of(request_id)
    if lock is not None and (lock.slot, lock.table) != (new_slot, new_table):
        out.append(
            Violation(
                "locked",
                f"request {request_id!r} is locked; unlock it before moving it",
                request=request_id,
            )
        )
    online = problem.meets_online(request_id)
    if new_slot in problem.breaks:
        out.append(Violation("break_used", f"slot {new_slot} is a break", slot=new_slot))
    elif not isinstance(new_table, int) or not 0 <= new_table < problem.place_count(new_slot, online=online):
        out.append(
            Violation(
                "table_out_of_range",
                f"{_place(online)} {new_table!r} does not exist in slot {new_slot}",
                slot=new_slot,
                table=new_table,
            )
        )
    req = problem.request(request_id)
    others = [m for m in result.meetings if m.request != request_id and problem.has_request(m.request)]
    for who in (req.requester, req.recipient):
        if new_slot in problem.participant(who).unavailable:
            out.append(
                Violation(
                    "unavailable",
                    f"{who!r} is unavailable in slot {new_slot}",
                    participant=who,
                    slot=new_slot,
                )
            )
        for m in others:
            other = problem.request(m.request)
            if m.slot == new_slot and who in (other.requester, other.recipient):
                out.append(
                    Violation(
                        "double_booked",
                        f"{who!r} already meets in slot {new_slot} (request {m.request!r})",
                        participant=who,
                        slot=new_slot,
                        request=m.request,
                    )
                )
    for m in others:
        if m.slot == new_slot and m.table == new_table and m.online == online:
            out.append(
                Violation(
                    "table_double_booked",
                    f"{_place(online)} {new_table} in slot {new_slot} is taken by request {m.request!r}",
                    slot=new_slot,
                    table=new_table,
                    request=m.request,
                )
            )
    return list(out)
