"""Framework-free B2B meeting scheduler: who meets whom, when and at which table.

Build a :class:`ScheduleProblem` (validated at construction; bad input raises :class:`InvalidProblem`, a
``ValueError`` with a ``code``), call :func:`solve`, check schedules with :func:`validate` and a manual move
with :func:`check_move` (both return :class:`Violation` strings with ``code``/``params`` for translation).
No Django here; the events app adapts its models and runs ``solve`` in a background worker::

    problem = ScheduleProblem(
        participants=[Participant("anna"), Participant("ben", unavailable=frozenset({0}))],
        requests=[Request("r1", "anna", "ben", weight=3, must_have=True)],
        n_slots=8, tables=20, breaks=frozenset({4}),
        locked=[LockedMeeting("r1", slot=2, table=0)],  # staff's fixed meetings; the rest is rebuilt
    )
    result = solve(problem, time_limit_s=60, progress=lambda fraction, message: ...)
    result.meetings  # (Meeting(request="r1", slot=2, table=0),)
    result.value, result.bound, result.gap, result.idle_gaps, result.status

Slots and tables are 0-based indices; the events app maps them to times and table names.
"""

from itkoop.scheduler.problem import InvalidProblem, LockedMeeting, Participant, Request, ScheduleProblem
from itkoop.scheduler.result import Meeting, ScheduleResult, Statistics, Status, idle_gaps, weighted_value
from itkoop.scheduler.solve import greedy, solve
from itkoop.scheduler.validate import Violation, check_move, validate

__all__ = [
    "InvalidProblem",
    "LockedMeeting",
    "Meeting",
    "Participant",
    "Request",
    "ScheduleProblem",
    "ScheduleResult",
    "Statistics",
    "Status",
    "Violation",
    "check_move",
    "greedy",
    "idle_gaps",
    "solve",
    "validate",
    "weighted_value",
]
