"""``solve``: the one entry point that turns a :class:`ScheduleProblem` into a :class:`ScheduleResult`.

1. Bound: the weighted b-matching relaxation (:mod:`bound`), proven; its LP takes about half a CPU second at
   100,000 requests.
2. Schedule: the Kempe-chain / ejection search (:mod:`heuristic`), guided by the b-matching's choice of
   requests; then, on instances small enough to prove the lexicographic optimum, CP-SAT on the
   time-indexed model warm-started from it (:mod:`exact`), else CP-SAT re-solves of small neighbourhoods
   (:mod:`lns`) while they keep paying off.
3. Tables: every meeting gets a table of its slot; locked meetings keep theirs, and so does a meeting that
   stays in its slot of the previous plan.

A stable rebuild (``ScheduleProblem.previous``) optimises value, then fewest moved meetings, then idle gaps:
the search starts from the previous plan and keeps its meetings in place where the value allows, CP-SAT gets a
middle stage for the meetings kept, and the neighbourhood re-solves count them between value and gaps.

Progress goes to ``progress(fraction, message)``, always on the calling thread, with a non-decreasing
fraction ending at 1.0; the web side runs ``solve`` in a background worker and can cancel it by raising
from ``progress`` (the exception propagates once CP-SAT has stopped). The
call returns within ``time_limit_s``, and earlier when the search stalls, provided the limit leaves room for
the bound and the first complete schedule, which are always built: about 2 CPU seconds at 10,000
participants and 100,000 requests, where that first schedule is already within 0.1 % of the bound.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

import numpy as np

from itkoop.scheduler import lns
from itkoop.scheduler.bound import b_matching_bound
from itkoop.scheduler.exact import solve_exact
from itkoop.scheduler.heuristic import effective_weights, greedy_slots, schedule_key, search
from itkoop.scheduler.problem import CompiledProblem, ScheduleProblem
from itkoop.scheduler.result import Meeting, ScheduleResult, Statistics, Status, moved_meetings

Progress = Callable[[float, str], None]

#: Largest time-indexed model (request-slot pairs) handed to CP-SAT for an exact answer.
EXACT_LIMIT = 3000


def _reporter(progress: Progress | None) -> Progress:
    """Progress that never goes backwards and never exceeds 1."""
    last = [0.0]

    def report(fraction: float, message: str) -> None:
        last[0] = max(last[0], min(1.0, fraction))
        if progress is not None:
            progress(last[0], message)

    return report


def _assign_tables(problem: ScheduleProblem, slots: list[int]) -> tuple[Meeting, ...]:
    """Give every scheduled request a table of its slot (an online room when it has an online side): locked
    meetings keep theirs, then meetings still in their slot of the previous plan keep their table, the rest
    take the free tables (or rooms) of their slot in request order. Vectorised per slot and kind: a few
    hundredths of a second at 100,000 requests."""
    data = problem.compiled
    pool_list, capacity = data.pools()
    pool = np.asarray(pool_list, dtype=np.int64)
    slot = np.asarray(slots, dtype=np.int64)
    table = np.full(data.n_requests, -1, dtype=np.int64)
    taken: dict[tuple[int, int], set[int]] = {}
    for e in np.flatnonzero(data.locked_table >= 0).tolist():
        taken.setdefault((pool_list[e], int(data.locked_slot[e])), set()).add(int(data.locked_table[e]))
        if slot[e] == data.locked_slot[e]:
            table[e] = data.locked_table[e]
    for before in problem.previous:
        e = problem.request_index(before.request)
        t = int(slot[e])
        if (
            t == before.slot
            and data.locked_slot[e] < 0
            and before.table < capacity[pool_list[e]][t]
            and before.table not in taken.setdefault((pool_list[e], t), set())
        ):
            taken[pool_list[e], t].add(before.table)
            table[e] = before.table
    rest = np.flatnonzero((slot >= 0) & (table < 0))
    for p in np.unique(pool[rest]).tolist():
        of_kind = rest[pool[rest] == p]
        for t in np.unique(slot[of_kind]).tolist():
            here = of_kind[slot[of_kind] == t]  # in request order
            blocked = taken.get((p, t), set())
            # The free tables of the slot in order (past its capacity only for an over-full slot, which the
            # validator then reports).
            free = np.setdiff1d(
                np.arange(len(here) + len(blocked)), np.fromiter(blocked, dtype=np.int64), assume_unique=True
            )
            table[here] = free[: len(here)]
    ids = [r.id for r in problem.requests]
    placed = np.flatnonzero(slot >= 0).tolist()
    return tuple(
        Meeting(request=ids[e], slot=t, table=k, online=bool(pool_list[e]))
        for e, t, k in zip(placed, slot[placed].tolist(), table[placed].tolist(), strict=True)
    )


def _idle_gaps(data: CompiledProblem, slots: list[int]) -> int:
    """Idle gaps of a slot assignment (as :func:`result.idle_gaps` counts them), from the arrays."""
    slot = np.asarray(slots, dtype=np.int64)
    met = np.flatnonzero(slot >= 0)
    busy = np.zeros((data.n_participants, data.n_slots), dtype=bool)
    busy[data.requester[met], slot[met]] = True
    busy[data.recipient[met], slot[met]] = True
    columns = np.arange(data.n_slots)
    first = np.argmax(busy, axis=1)
    last = data.n_slots - 1 - np.argmax(busy[:, ::-1], axis=1)
    span = (columns >= first[:, None]) & (columns <= last[:, None]) & busy.any(axis=1)[:, None]
    breaks = np.array([bool(data.break_mask >> t & 1) for t in range(data.n_slots)])
    return int((span & ~busy & ~breaks).sum())


def _with_fixed(data: CompiledProblem, slots: list[int], requests: np.ndarray) -> CompiledProblem:
    """The same instance with ``requests`` pinned to their ``slots`` (as if locked, table left open)."""
    locked = data.locked_slot.copy()
    locked[requests] = np.asarray(slots)[requests]
    return dataclasses.replace(data, locked_slot=locked)


def solve(
    problem: ScheduleProblem,
    *,
    time_limit_s: float = 60.0,
    seed: int = 0,
    progress: Progress | None = None,
    exact_limit: int = EXACT_LIMIT,
    use_lns: bool = True,
) -> ScheduleResult:
    """Maximise the weighted number of meetings, then (given ``problem.previous``) keep the most meetings of
    the previous plan in their slot and table, then minimise idle gaps, within ``time_limit_s``.

    Infeasible (not every must-have meeting can be placed) is a status, not an exception; the meetings are
    then the best effort with as many must-have meetings as the search found.
    """
    start = time.monotonic()
    # Leave time for tables and figures after the last step, so the call returns within the limit: they take
    # about 0.3 CPU seconds at 100,000 requests, a few wall seconds on a busy machine.
    deadline = start + time_limit_s - _reserve_s(time_limit_s, problem.compiled.n_requests)
    report = _reporter(progress)
    data = problem.compiled
    stay = data.stay_slot.tolist() if data.stay_slot is not None else None
    phases: dict[str, float] = {}
    report(0.0, "computing the upper bound")
    forced = data.must_have | (data.locked_slot >= 0)
    relax = b_matching_bound(data, time_limit_s=min(10.0, 0.2 * time_limit_s))
    proven_infeasible = not relax.feasible
    if proven_infeasible:
        relax = b_matching_bound(data, force_must_have=False, time_limit_s=min(10.0, 0.2 * time_limit_s))
    bound = relax.bound
    phases["bound"] = time.monotonic() - start
    report(0.05, f"upper bound {bound}")
    eff = effective_weights(data)
    big = eff[int(np.argmax(forced))] - int(data.weight[int(np.argmax(forced))]) if forced.any() else 0
    target = bound + big * int(forced.sum())
    size = int(data.common[~(data.locked_slot >= 0)].sum()) + int((data.locked_slot >= 0).sum())
    method = "exact" if exact_limit > 0 and size <= exact_limit else "search"
    # The search stops on its own once it stalls; on small instances that leaves time for CP-SAT (exact) or
    # for neighbourhood re-solves, on big ones the Kempe moves are the better use of the time.
    search_deadline = start + 0.1 * time_limit_s if method == "exact" else deadline
    slots, iterations = search(
        data,
        deadline=search_deadline,
        seed=seed,
        target=target,
        preferred=relax.selection,
        chase_forced=not proven_infeasible,
        report=(lambda f, msg: report(0.05 + 0.65 * f, msg)) if method == "search" else (lambda f, msg: None),
        stay=stay,
    )
    phases["search"] = time.monotonic() - start - phases["bound"]
    missing = forced & (np.asarray(slots) < 0)
    value_optimal = gaps_optimal = False
    if method == "exact":
        outcome = None
        if not proven_infeasible:
            outcome = solve_exact(
                data,
                weights=data.weight.tolist(),
                hard=data.must_have.tolist(),
                time_limit_s=max(0.1, deadline - time.monotonic()),
                seed=seed,
                hint=None if missing.any() else slots,
                report=report,
                lo=0.15,
                hi=0.99,
                stay=stay,
            )
            proven_infeasible = outcome.infeasible
            if not outcome.infeasible:
                bound = min(bound, outcome.bound)
        if proven_infeasible:
            outcome = solve_exact(
                data,
                weights=eff,
                hard=[False] * data.n_requests,
                time_limit_s=max(0.1, deadline - time.monotonic()),
                seed=seed,
                hint=slots,
                report=report,
                lo=0.5,
                hi=0.99,
                stay=stay,
            )
        if outcome is not None and outcome.slots is not None:
            # Keep the search's schedule when CP-SAT ran out of time before matching it (value, then kept
            # meetings, then gaps).
            if _key(data, outcome.slots, eff, stay) >= _key(data, slots, eff, stay):
                slots = outcome.slots
                value_optimal, gaps_optimal = outcome.value_optimal, outcome.gaps_optimal
            else:
                value_optimal = outcome.value_optimal
        phases["exact"] = time.monotonic() - start - phases["bound"] - phases["search"]
    elif missing.any() and not proven_infeasible:
        slots, iterations, proven_infeasible = _place_must_haves_first(
            data, slots, deadline, seed, report, iterations
        )
    # The neighbourhood search needs its own tables first (a tenth of a second at 100,000 requests).
    if (
        method == "search"
        and use_lns
        and deadline - time.monotonic() > 0.2
        and not (forced & (np.asarray(slots) < 0)).any()
    ):
        lns_start = time.monotonic()
        slots, steps = lns.improve(
            data,
            slots,
            weights=eff,
            deadline=deadline,
            seed=seed,
            report=lambda f, msg: report(0.7 + 0.29 * f, msg),
            patience_s=max(2.0, 0.1 * time_limit_s),
        )
        iterations += steps
        phases["neighbourhoods"] = time.monotonic() - lns_start
    missing = forced & (np.asarray(slots) < 0)
    if missing.any() and relax.feasible:
        bound = b_matching_bound(data, force_must_have=False, time_limit_s=5.0).bound
    meetings = _assign_tables(problem, slots)
    value = int(data.weight[np.asarray(slots) >= 0].sum())
    if missing.any():
        status = Status.INFEASIBLE
    elif value_optimal and gaps_optimal and not proven_infeasible:
        status = Status.OPTIMAL
    else:
        status = Status.FEASIBLE
    if value >= bound and status is not Status.INFEASIBLE:
        value_optimal = True
    report(1.0, f"done: value {value}, bound {bound}")
    return ScheduleResult(
        meetings=meetings,
        value=value,
        bound=bound,
        idle_gaps=_idle_gaps(data, slots),
        status=status,
        statistics=Statistics(
            time_s=time.monotonic() - start,
            iterations=iterations,
            method=method,
            proven_infeasible=proven_infeasible and bool(missing.any()),
            value_proven_optimal=value_optimal,
            phases=phases,
        ),
        moved=moved_meetings(problem, meetings),
    )


def _reserve_s(time_limit_s: float, n_requests: int) -> float:
    """Seconds kept back at the end of a solve for tables and figures: up to 1 s plus 1 s per 50,000
    requests, never more than 5 % of the limit."""
    return min(0.05 * time_limit_s, min(1.0, 0.02 * time_limit_s) + n_requests / 50_000)


def _key(
    data: CompiledProblem, slots: list[int], weights: list[int], stay: list[int] | None
) -> tuple[int, int, int]:
    """(value, meetings kept in their previous slot, minus idle gaps): larger is better, lexicographically."""
    value, minus_gaps = schedule_key(data, slots, weights)
    kept = sum(1 for e, t in enumerate(stay or ()) if t >= 0 and slots[e] == t)
    return value, kept, minus_gaps


def _place_must_haves_first(
    data: CompiledProblem, slots: list[int], deadline: float, seed: int, report: Progress, iterations: int
) -> tuple[list[int], int, bool]:
    """When the search misses must-have meetings: find slots for the must-have and locked requests alone with
    CP-SAT, pin them, and search again around them; proves infeasibility when CP-SAT does."""
    forced = data.must_have | (data.locked_slot >= 0)
    report(0.9, "placing the must-have meetings first")
    keep = np.flatnonzero(forced)
    if int(data.common[keep].sum()) > 4 * EXACT_LIMIT or deadline - time.monotonic() < 1.0:
        return slots, iterations, False  # too big to build a CP-SAT model within the time left
    outcome = solve_exact(
        _restrict(data, keep),
        weights=[1] * len(keep),
        hard=[True] * len(keep),
        time_limit_s=max(0.1, 0.5 * (deadline - time.monotonic())),
        seed=seed,
        hint=None,
        report=lambda f, m: None,
    )
    if outcome.infeasible:
        return slots, iterations, True
    if outcome.slots is None:
        return slots, iterations, False
    full = [-1] * data.n_requests
    for i, e in enumerate(keep.tolist()):
        full[e] = outcome.slots[i]
    pinned = _with_fixed(data, full, keep)
    again, more = search(
        pinned, deadline=deadline, seed=seed + 1, target=1 << 62, preferred=None, report=lambda f, m: None
    )
    return again, iterations + more, False


def _restrict(data: CompiledProblem, keep: np.ndarray) -> CompiledProblem:
    """The sub-instance of the requests ``keep`` (same participants, slots and tables)."""
    return dataclasses.replace(
        data,
        requester=data.requester[keep],
        recipient=data.recipient[keep],
        weight=data.weight[keep],
        must_have=data.must_have[keep],
        locked_slot=data.locked_slot[keep],
        locked_table=data.locked_table[keep],
        online=data.online[keep] if data.online is not None else None,
    )


def greedy(problem: ScheduleProblem) -> ScheduleResult:
    """The baseline schedule: heaviest request first, earliest common free slot with a free table."""
    start = time.monotonic()
    data = problem.compiled
    slots = greedy_slots(data)
    meetings = _assign_tables(problem, slots)
    value = int(data.weight[np.asarray(slots) >= 0].sum())
    forced = data.must_have | (data.locked_slot >= 0)
    missing = bool((forced & (np.asarray(slots) < 0)).any())
    bound = max(value, b_matching_bound(data, force_must_have=False, time_limit_s=5.0).bound)
    return ScheduleResult(
        meetings=meetings,
        value=value,
        bound=bound,
        idle_gaps=_idle_gaps(data, slots),
        status=Status.INFEASIBLE if missing else Status.FEASIBLE,
        statistics=Statistics(time_s=time.monotonic() - start, iterations=1, method="greedy"),
        moved=moved_meetings(problem, meetings),
    )
