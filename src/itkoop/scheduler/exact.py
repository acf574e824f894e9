"""Exact lexicographic solve with OR-Tools CP-SAT for instances of modest size.

The time-indexed model: one Boolean per (request, common free slot); a participant meets at most once per
slot, a slot holds at most its tables (and, for requests with an online side, its online rooms), must-have
and locked requests meet exactly once (locked ones in their slot). Stage one maximises the weighted number
of meetings; for a stable rebuild, a middle stage keeps that value and maximises the meetings left in their
previous slot (``stay``); the last stage keeps both and minimises idle gaps, counted with monotone "met
before" / "meets after" indicators per participant and slot (idle = before + after - 1 - busy). CP-SAT
proves optimality or returns its best bound, which is a valid upper bound on the value.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from itkoop.scheduler.problem import CompiledProblem

Report = Callable[[float, str], None]


@dataclass(frozen=True)
class ExactOutcome:
    """``slots``: slot per request (-1 unscheduled), or ``None`` when no schedule was found; ``infeasible``:
    proven that the hard requests cannot all meet; ``bound``: proven upper bound on stage one's objective."""

    slots: list[int] | None
    value_optimal: bool
    gaps_optimal: bool
    infeasible: bool
    bound: int


class _Latest(cp_model.CpSolverSolutionCallback):
    """Remembers the latest objective and bound; runs on CP-SAT's own threads, so it only stores them."""

    def __init__(self) -> None:
        super().__init__()
        self.message = "searching"

    def on_solution_callback(self) -> None:
        self.message = f"objective {self.objective_value:g}, bound {self.best_objective_bound:g}"


def _solve_reporting(
    solver: cp_model.CpSolver, model: cp_model.CpModel, report: Report, stage: str, lo: float, hi: float
) -> int:
    """Run CP-SAT in a helper thread while this thread reports progress about twice a second, so the
    caller's ``progress`` always runs on the caller's thread (a Django worker's database connection is
    per thread)."""
    latest = _Latest()
    outcome: list[int] = []
    worker = threading.Thread(target=lambda: outcome.append(solver.solve(model, latest)), daemon=True)
    limit = max(solver.parameters.max_time_in_seconds, 1e-9)
    start = time.monotonic()
    worker.start()
    while worker.is_alive():
        worker.join(0.5)
        frac = min(1.0, (time.monotonic() - start) / limit)
        try:
            report(lo + (hi - lo) * frac, f"{stage}: {latest.message}")
        except BaseException:
            solver.stop_search()  # the caller cancels by raising from progress: stop CP-SAT first
            worker.join()
            raise
    return outcome[0] if outcome else cp_model.UNKNOWN


def solve_exact(
    data: CompiledProblem,
    *,
    weights: Sequence[int],
    hard: Sequence[bool],
    time_limit_s: float,
    seed: int,
    hint: Sequence[int] | None,
    report: Report,
    lo: float = 0.0,
    hi: float = 1.0,
    stay: Sequence[int] | None = None,
) -> ExactOutcome:
    """Lexicographic optimum: max weight (``hard`` requests must meet), then (given ``stay``, the slot per
    request of the plan being rebuilt, -1 for none) most meetings left in their slot, then min idle gaps."""
    start = time.monotonic()
    model = cp_model.CpModel()
    n, s = data.n_participants, data.n_slots
    common = data.common
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    at: list[list[list[cp_model.IntVar]]] = [[[] for _ in range(s)] for _ in range(n)]
    pool, capacity = data.pools()
    per_slot: list[list[list[cp_model.IntVar]]] = [[[] for _ in range(s)] for _ in (0, 1)]
    terms = []
    for e in range(data.n_requests):
        locked = int(data.locked_slot[e])
        slots = [locked] if locked >= 0 else [int(t) for t in common[e].nonzero()[0]]
        mine = []
        for t in slots:
            var = model.new_bool_var(f"x{e}_{t}")
            x[e, t] = var
            mine.append(var)
            at[int(data.requester[e])][t].append(var)
            at[int(data.recipient[e])][t].append(var)
            per_slot[pool[e]][t].append(var)
            terms.append(weights[e] * var)
        if hard[e] or locked >= 0:
            model.add(sum(mine) == 1)
        elif len(mine) > 1:
            model.add_at_most_one(mine)
    for v in range(n):
        for t in range(s):
            if len(at[v][t]) > 1:
                model.add_at_most_one(at[v][t])
    for p in (0, 1):
        for t in range(s):
            if len(per_slot[p][t]) > capacity[p][t]:
                model.add(sum(per_slot[p][t]) <= capacity[p][t])
    objective = sum(terms)
    model.maximize(objective)
    if hint is not None:
        for (e, t), var in x.items():
            model.add_hint(var, 1 if hint[e] == t else 0)
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = max(1, min(8, os.cpu_count() or 1))
    solver.parameters.max_time_in_seconds = max(0.05, 0.6 * time_limit_s)
    status = _solve_reporting(solver, model, report, "exact value", lo, lo + 0.6 * (hi - lo))
    if status == cp_model.INFEASIBLE:
        return ExactOutcome(None, False, False, True, 0)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ExactOutcome(None, False, False, False, math.floor(solver.best_objective_bound + 1e-6))
    value_optimal = status == cp_model.OPTIMAL
    value = round(solver.objective_value)
    bound = value if value_optimal else math.floor(solver.best_objective_bound + 1e-6)
    first = _read(x, solver, data.n_requests)
    model.add(objective >= value)
    # The caller's hint usually comes from the search, whose idle gaps are already low: start the later
    # stages from it when it reaches stage one's value.
    hint_value = sum(weights[e] for e, t in enumerate(hint) if t >= 0) if hint is not None else -1
    start_from = hint if hint is not None and hint_value >= value else first
    staying = [x[e, t] for e, t in enumerate(stay or ()) if t >= 0 and (e, t) in x]
    mid = lo + 0.6 * (hi - lo)
    if staying:
        kept = sum(staying)
        model.maximize(kept)
        model.clear_hints()
        for (e, t), var in x.items():
            model.add_hint(var, 1 if start_from[e] == t else 0)
        remaining = time_limit_s - (time.monotonic() - start)
        solver.parameters.max_time_in_seconds = max(0.05, 0.5 * remaining)
        status = _solve_reporting(solver, model, report, "exact stability", mid, mid + 0.2 * (hi - lo))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return ExactOutcome(first, value_optimal, False, False, bound)
        first = start_from = _read(x, solver, data.n_requests)
        model.add(kept >= round(solver.objective_value))
        mid += 0.2 * (hi - lo)
    idle = _idle_terms(model, at, data)
    model.minimize(sum(idle))
    model.clear_hints()
    for (e, t), var in x.items():
        model.add_hint(var, 1 if start_from[e] == t else 0)
    remaining = time_limit_s - (time.monotonic() - start)
    solver.parameters.max_time_in_seconds = max(0.05, remaining)
    status = _solve_reporting(solver, model, report, "exact idle gaps", mid, hi)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return ExactOutcome(first, value_optimal, False, False, bound)
    return ExactOutcome(
        _read(x, solver, data.n_requests), value_optimal, status == cp_model.OPTIMAL, False, bound
    )


def _read(x: dict[tuple[int, int], cp_model.IntVar], solver: cp_model.CpSolver, m: int) -> list[int]:
    slots = [-1] * m
    for (e, t), var in x.items():
        if solver.value(var):
            slots[e] = t
    return slots


def _idle_terms(
    model: cp_model.CpModel, at: list[list[list[cp_model.IntVar]]], data: CompiledProblem
) -> list[cp_model.IntVar]:
    """Idle indicators; minimisation drives each to 1 exactly when its slot is an idle gap."""
    s = data.n_slots
    breaks = {t for t in range(s) if data.break_mask >> t & 1}
    idle = []
    for v, rows in enumerate(at):
        if sum(1 for t in range(s) if rows[t]) < 2:
            continue
        busy = [sum(rows[t]) if rows[t] else 0 for t in range(s)]
        before = [model.new_bool_var(f"b{v}_{t}") for t in range(s)]
        after = [model.new_bool_var(f"a{v}_{t}") for t in range(s)]
        model.add(before[0] == 0)
        model.add(after[s - 1] == 0)
        for t in range(1, s):
            model.add(before[t] >= before[t - 1])
            model.add(before[t] >= busy[t - 1])
        for t in range(s - 1):
            model.add(after[t] >= after[t + 1])
            model.add(after[t] >= busy[t + 1])
        for t in range(s):
            if t in breaks:
                continue
            gap = model.new_bool_var(f"g{v}_{t}")
            model.add(gap >= before[t] + after[t] - 1 - busy[t])
            idle.append(gap)
    return idle
