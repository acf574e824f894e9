"""Framework-free B2B meeting scheduler: who meets whom, when and at which table.

Build a :class:`ScheduleProblem` (validated at construction; bad input raises :class:`InvalidProblem`, a
``ValueError`` with a ``code``), call :func:`solve`, check schedules with :func:`validate` and a manual move
with :func:`check_move` (both return :class:`Violation` strings with ``code``/``params`` for translation).
No Django here; the events app adapts its models and runs ``solve`` in a background worker::

    problem = ScheduleProblem(
        participants=[
            Participant("anna"), Participant("ben", unavailable=frozenset({0})), Participant("cem")
        ],
        requests=[Request("r1", "anna", "ben", weight=3, must_have=True), Request("r2", "anna", "cem")],
        n_slots=8, tables=20, breaks=frozenset({4}),
        locked=[LockedMeeting("r1", slot=2, table=0)],  # staff's fixed meetings; the rest is rebuilt
        previous=[PreviousMeeting("r2", slot=3, table=1)],  # a stable rebuild keeps these where it can
    )
    result = solve(problem, time_limit_s=60, progress=lambda fraction, message: ...)
    result.meetings  # (Meeting(request="r1", slot=2, table=0), Meeting(request="r2", slot=3, table=1))
    result.value, result.bound, result.gap, result.idle_gaps, result.moved, result.status

On a hybrid day, a participant with ``online=True`` takes part online: every request with an online side
meets in an online room (``rooms=`` per slot, like ``tables=``), the others at a table; each result
``Meeting`` says which (``online``; its ``table`` is then the room's index).

The objective is lexicographic: the weighted value first, then (given ``previous``, the plan being rebuilt)
the fewest moved meetings, then the fewest idle gaps.

Slots and tables are 0-based indices; the events app maps them to times and table names.
"""

from itkoop.scheduler.problem import (
    InvalidProblem,
    LockedMeeting,
    Participant,
    PreviousMeeting,
    Request,
    ScheduleProblem,
)
from itkoop.scheduler.result import (
    Meeting,
    ScheduleResult,
    Statistics,
    Status,
    idle_gaps,
    moved_meetings,
    weighted_value,
)
from itkoop.scheduler.solve import greedy, solve
from itkoop.scheduler.validate import Violation, check_move, validate

__all__ = [
    "InvalidProblem",
    "LockedMeeting",
    "Meeting",
    "Participant",
    "PreviousMeeting",
    "Request",
    "ScheduleProblem",
    "ScheduleResult",
    "Statistics",
    "Status",
    "Violation",
    "check_move",
    "greedy",
    "idle_gaps",
    "moved_meetings",
    "solve",
    "validate",
    "weighted_value",
]
