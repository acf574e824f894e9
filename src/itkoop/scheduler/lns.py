"""Large-neighbourhood search with CP-SAT: re-solve a small part of a schedule exactly, keep what improves.

A neighbourhood is a handful of participants grown from one (someone with idle gaps, or an end of a heavy
request still unmet) along their meetings. Every request with a side in it is freed: its meetings may move to
any slot the rest of the schedule leaves open, unmet requests among its members may join. CP-SAT solves that
piece lexicographically in one objective: ``K * weight - idle gaps`` with ``K`` above any idle-gap change the
piece can make, so weight always comes first. A stable rebuild adds the meetings left in their previous slot
between the two (``K2 * weight + K * staying - idle gaps``, ``K2`` above any change of ``K * staying``). The
schedule outside never changes, so every accepted step keeps the whole schedule valid and never worse in
(value, kept meetings, idle gaps).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

from ortools.sat.python import cp_model

from itkoop.scheduler.heuristic import gap_counter
from itkoop.scheduler.problem import CompiledProblem

Report = Callable[[float, str], None]
_NOTHING, _OPTIMAL, _IMPROVED = 0, 1, 2  # outcomes of one neighbourhood re-solve


class _State:
    """The current schedule as occupancy tables, kept in step with ``slots``."""

    def __init__(self, data: CompiledProblem, slots: list[int], weights: Sequence[int]) -> None:
        self.data = data
        self.stay: list[int] = data.stay_slot.tolist() if data.stay_slot is not None else []
        self.s = data.n_slots
        self.u: list[int] = data.requester.tolist()
        self.v: list[int] = data.recipient.tolist()
        self.w = list(weights)
        self.slots = list(slots)
        self.fixed: list[bool] = (data.locked_slot >= 0).tolist()
        self.available: list[list[bool]] = data.available.tolist()
        self.pool, self.capacity = data.pools()  # per request 0 tables / 1 online rooms; per pool and slot
        n = data.n_participants
        self.requests_of: list[list[int]] = [[] for _ in range(n)]
        for e in range(data.n_requests):
            self.requests_of[self.u[e]].append(e)
            self.requests_of[self.v[e]].append(e)
        self.occ: list[list[int]] = [[-1] * self.s for _ in range(n)]
        self.load = [[0] * self.s, [0] * self.s]
        self.mask = [0] * n
        for e, t in enumerate(self.slots):
            if t >= 0:
                self._set(e, t)
        self.gaps = gap_counter(data.break_mask)

    def _set(self, e: int, t: int) -> None:
        for x in (self.u[e], self.v[e]):
            self.occ[x][t] = e
            self.mask[x] |= 1 << t
        self.load[self.pool[e]][t] += 1
        self.slots[e] = t

    def _clear(self, e: int) -> None:
        t = self.slots[e]
        for x in (self.u[e], self.v[e]):
            self.occ[x][t] = -1
            self.mask[x] &= ~(1 << t)
        self.load[self.pool[e]][t] -= 1
        self.slots[e] = -1

    def neighbourhood(self, seed: int, size: int, rng: random.Random) -> list[int]:
        """Up to ``size`` participants reached from ``seed`` through their meetings (then their requests)."""
        chosen, frontier = {seed}, [seed]
        while frontier and len(chosen) < size:
            x = frontier.pop(rng.randrange(len(frontier)))
            met = [self.u[e] + self.v[e] - x for e in self.occ[x] if e >= 0]
            rng.shuffle(met)
            for y in met:
                if y not in chosen and len(chosen) < size:
                    chosen.add(y)
                    frontier.append(y)
        return sorted(chosen)

    def resolve(self, members: list[int], time_limit_s: float, deterministic_s: float, seed: int) -> int:
        """Re-solve the requests touching ``members``; apply the result when strictly better."""
        inside = set(members)
        free: list[int] = []
        for x in members:
            for e in self.requests_of[x]:
                other = self.u[e] + self.v[e] - x
                if self.fixed[e] or (self.slots[e] < 0 and other not in inside):
                    continue
                if other in inside and other < x:
                    continue  # counted from the other side
                free.append(e)
        if not free:
            return _OPTIMAL
        freed = set(free)
        people = sorted({self.u[e] for e in free} | {self.v[e] for e in free})
        s = self.s
        model = cp_model.CpModel()
        at: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        per_slot: list[list[list[cp_model.IntVar]]] = [[[] for _ in range(s)] for _ in (0, 1)]
        x_vars: dict[tuple[int, int], cp_model.IntVar] = {}
        weight_terms = []
        stay_terms = []
        for e in free:
            u, v = self.u[e], self.v[e]
            options = []
            for t in range(s):
                if not (self.available[u][t] and self.available[v][t]):
                    continue
                if self.occ[u][t] not in (-1, e) and self.occ[u][t] not in freed:
                    continue
                if self.occ[v][t] not in (-1, e) and self.occ[v][t] not in freed:
                    continue
                var = model.new_bool_var("")
                x_vars[e, t] = var
                options.append(var)
                at.setdefault((u, t), []).append(var)
                at.setdefault((v, t), []).append(var)
                per_slot[self.pool[e]][t].append(var)
                weight_terms.append(self.w[e] * var)
                if self.stay and self.stay[e] == t:
                    stay_terms.append(var)
            if len(options) > 1:
                model.add_at_most_one(options)
        for group in at.values():
            if len(group) > 1:
                model.add_at_most_one(group)
        for p in (0, 1):
            for t in range(s):
                kept = self.load[p][t] - sum(1 for e in free if self.slots[e] == t and self.pool[e] == p)
                if per_slot[p][t] and kept + len(per_slot[p][t]) > self.capacity[p][t]:
                    model.add(sum(per_slot[p][t]) <= self.capacity[p][t] - kept)
        idle = []
        for p in people:
            fixed_mask = 0
            for t in range(s):
                e = self.occ[p][t]
                if e >= 0 and e not in freed:
                    fixed_mask |= 1 << t
            busy = [1 if fixed_mask >> t & 1 else (sum(at[p, t]) if (p, t) in at else 0) for t in range(s)]
            idle.extend(_idle_indicators(model, busy, self.data.break_mask))
        k = len(people) * s + 1
        k2 = k * (len(stay_terms) + 1) if stay_terms else k
        model.maximize(k2 * sum(weight_terms) + k * sum(stay_terms) - sum(idle))
        for (e, t), var in x_vars.items():
            model.add_hint(var, 1 if self.slots[e] == t else 0)
        staying_now = sum(1 for e in free if self.stay and 0 <= self.slots[e] == self.stay[e])
        before = (
            k2 * sum(self.w[e] for e in free if self.slots[e] >= 0)
            + (k * staying_now if stay_terms else 0)
            - sum(self.gaps(self.mask[p]) for p in people)
        )
        solver = cp_model.CpSolver()
        # One worker and a deterministic budget: the same seed gives the same schedule (unless the wall-clock
        # limit, a safety net, cuts a step short).
        solver.parameters.max_time_in_seconds = time_limit_s
        solver.parameters.max_deterministic_time = deterministic_s
        solver.parameters.random_seed = seed
        solver.parameters.num_workers = 1
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE) or solver.objective_value <= before + 0.5:
            return _OPTIMAL if status == cp_model.OPTIMAL else _NOTHING
        for e in free:
            if self.slots[e] >= 0:
                self._clear(e)
        for (e, t), var in x_vars.items():
            if solver.value(var):
                self._set(e, t)
        return _IMPROVED


def _idle_indicators(model: cp_model.CpModel, busy: list, break_mask: int) -> list[cp_model.IntVar]:
    """Idle-slot indicators of one participant (see :mod:`exact`); constants where nothing can change."""
    s = len(busy)
    if sum(1 for b in busy if not isinstance(b, int) or b) < 2:
        return []
    before = [model.new_bool_var("") for _ in range(s)]
    after = [model.new_bool_var("") for _ in range(s)]
    model.add(before[0] == 0)
    model.add(after[s - 1] == 0)
    for t in range(1, s):
        model.add(before[t] >= before[t - 1])
        model.add(before[t] >= busy[t - 1])
    for t in range(s - 1):
        model.add(after[t] >= after[t + 1])
        model.add(after[t] >= busy[t + 1])
    idle = []
    for t in range(s):
        if break_mask >> t & 1 or (isinstance(busy[t], int) and busy[t]):
            continue
        gap = model.new_bool_var("")
        model.add(gap >= before[t] + after[t] - 1 - busy[t])
        idle.append(gap)
    return idle


def improve(
    data: CompiledProblem,
    slots: list[int],
    *,
    weights: Sequence[int],
    deadline: float,
    seed: int,
    report: Report,
    size: int = 12,
    step_s: float = 0.1,
    patience: int = 30,
    patience_s: float = 5.0,
) -> tuple[list[int], int]:
    """Improve ``slots`` by neighbourhood re-solves until ``deadline``, or until ``patience`` steps in a row
    or ``patience_s`` seconds bring nothing; returns the slots and the number of steps."""
    rng = random.Random(seed)
    state = _State(data, slots, weights)
    n = data.n_participants
    start = last_gain = time.monotonic()
    steps = improved = since = 0
    unmet: list[int] = []
    while n and since < patience and time.monotonic() + 0.05 < deadline:
        if time.monotonic() - last_gain > patience_s:
            break
        steps += 1
        since += 1
        if steps % 10 == 1:
            unmet = [e for e, t in enumerate(state.slots) if t < 0]
        pick = rng.random()
        with_gaps = [p for p in rng.sample(range(n), min(n, 50)) if state.gaps(state.mask[p])]
        if unmet and (pick < 0.3 or not with_gaps):
            e = rng.choice(unmet)  # grow around a request still unmet, both its sides inside
            members = sorted(set(state.neighbourhood(state.u[e], size - 1, rng)) | {state.v[e]})
        else:
            seed_person = rng.choice(with_gaps) if with_gaps and pick < 0.8 else rng.randrange(n)
            members = state.neighbourhood(seed_person, size, rng)
        remaining = deadline - time.monotonic()
        if remaining > 0.02:
            outcome = state.resolve(members, remaining, step_s, rng.randrange(1 << 30))
            if outcome == _IMPROVED:
                improved += 1
                since = 0
                last_gain = time.monotonic()
            elif outcome == _OPTIMAL and len(members) == n:
                break  # the whole instance was the neighbourhood and nothing beats the schedule
        if steps % 10 == 0:
            frac = (time.monotonic() - start) / max(1e-9, deadline - start)
            total = sum(state.gaps(mk) for mk in state.mask)
            report(frac, f"neighbourhood step {steps}: {improved} improved, idle gaps {total}")
    return state.slots, steps
