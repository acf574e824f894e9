"""What a solve returns: the meetings, their value, the proven bound, idle gaps, a status and statistics.

Idle gaps follow the brief literally: a participant's empty slots between their first and last meeting,
breaks not counted; a slot the participant marked unavailable in between does count (they are at the event
before and after it, and the schedule could have kept their meetings on one side of it).
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from itkoop.scheduler.problem import ScheduleProblem


class Status(enum.StrEnum):
    """``optimal``: value and idle gaps both proven optimal; ``feasible``: a valid schedule with every
    must-have meeting; ``infeasible``: not every must-have meeting could be placed
    (``Statistics.proven_infeasible`` says whether that is proven) and the meetings are the best effort."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"


@dataclass(frozen=True)
class Meeting:
    """Request ``request`` meets in ``slot`` at ``table`` (0-based indices); with ``online`` the ``table``
    is an online room's index (the request has an online side)."""

    request: Hashable
    slot: int
    table: int
    online: bool = False


@dataclass(frozen=True)
class Statistics:
    """How the solve went: seconds, improvement passes and neighbourhood steps, ``method`` (``exact`` when
    CP-SAT ran on the whole instance, ``search`` otherwise, ``greedy`` for the baseline), whether an
    infeasible status is proven, whether the value is proven optimal, and seconds per phase."""

    time_s: float = 0.0
    iterations: int = 0
    method: str = ""
    proven_infeasible: bool = False
    value_proven_optimal: bool = False
    phases: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ScheduleResult:
    """A schedule and what is known about it. ``bound`` is a proven upper bound on the weighted value of any
    schedule (with every must-have meeting when that is possible); ``gap`` = (bound - value) / bound.
    ``moved``: meetings of the previous plan (``ScheduleProblem.previous``) not in their slot and table any
    more, dropped ones included."""

    meetings: tuple[Meeting, ...]
    value: int
    bound: int
    idle_gaps: int
    status: Status
    statistics: Statistics = field(default_factory=Statistics)
    moved: int = 0

    @property
    def gap(self) -> float:
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.value) / self.bound)

    @property
    def is_feasible(self) -> bool:
        return self.status is not Status.INFEASIBLE

    def meeting_of(self, request_id: Hashable) -> Meeting | None:
        """The meeting scheduled for a request, if any."""
        for meeting in self.meetings:
            if meeting.request == request_id:
                return meeting
        return None


def gaps_of_mask(mask: int, break_mask: int) -> int:
    """Empty non-break slots between the first and the last busy slot of a bit set of busy slots."""
    if mask == 0:
        return 0
    lo = (mask & -mask).bit_length() - 1
    hi = mask.bit_length() - 1
    span = ((1 << (hi + 1)) - 1) ^ ((1 << lo) - 1)
    return (span & ~mask & ~break_mask).bit_count()


def idle_gaps(problem: ScheduleProblem, meetings: Iterable[Meeting]) -> int:
    """Sum over participants of the empty slots between their first and last meeting; breaks do not count."""
    masks: dict[Hashable, int] = {}
    for meeting in meetings:
        req = problem.request(meeting.request)
        for who in (req.requester, req.recipient):
            masks[who] = masks.get(who, 0) | (1 << meeting.slot)
    break_mask = problem.compiled.break_mask
    return sum(gaps_of_mask(mask, break_mask) for mask in masks.values())


def weighted_value(problem: ScheduleProblem, meetings: Iterable[Meeting]) -> int:
    """Sum of the weights of the scheduled requests."""
    return sum(int(problem.request(m.request).weight) for m in meetings)


def moved_meetings(problem: ScheduleProblem, meetings: Iterable[Meeting]) -> int:
    """Meetings of the problem's previous plan that are not in the same slot at the same table in
    ``meetings`` (moved or dropped)."""
    where = {m.request: (m.slot, m.table) for m in meetings}  # a request's place kind never changes
    return sum(1 for before in problem.previous if where.get(before.request) != (before.slot, before.table))
