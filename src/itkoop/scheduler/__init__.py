"""Framework-free B2B meeting scheduler: who meets whom, when and at which table.

Build a :class:`ScheduleProblem` (validated at construction), call :func:`solve`, check schedules with
:func:`validate` and manual moves with :func:`check_move`. No Django here; the events app adapts its models.
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
