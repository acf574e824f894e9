"""Brute force over every slot assignment of a tiny instance: the lexicographic optimum to test against."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from itkoop.scheduler import ScheduleProblem
from itkoop.scheduler.result import gaps_of_mask


@dataclass(frozen=True)
class Optimum:
    feasible: bool  # some schedule meets every must-have and locked request
    value: int  # best weighted value among those schedules
    idle_gaps: int  # fewest idle gaps at that value


def brute_force(problem: ScheduleProblem) -> Optimum:
    data = problem.compiled
    m, n = data.n_requests, data.n_participants
    choices = []
    for e in range(m):
        if data.locked_slot[e] >= 0:
            choices.append([int(data.locked_slot[e])])
            continue
        slots = [int(t) for t in data.common[e].nonzero()[0]]
        choices.append(slots if data.must_have[e] else [-1, *slots])
    pool, capacity = data.pools()
    best: tuple[int, int] | None = None
    for assignment in itertools.product(*choices):
        masks = [0] * n
        load = [[0] * data.n_slots, [0] * data.n_slots]  # tables, online rooms
        ok = True
        value = 0
        for e, t in enumerate(assignment):
            if t < 0:
                continue
            u, v = int(data.requester[e]), int(data.recipient[e])
            bit = 1 << t
            if masks[u] & bit or masks[v] & bit or load[pool[e]][t] >= capacity[pool[e]][t]:
                ok = False
                break
            masks[u] |= bit
            masks[v] |= bit
            load[pool[e]][t] += 1
            value += int(data.weight[e])
        if not ok:
            continue
        gaps = sum(gaps_of_mask(mk, data.break_mask) for mk in masks)
        if best is None or (value, -gaps) > (best[0], -best[1]):
            best = (value, gaps)
    if best is None:
        return Optimum(False, 0, 0)
    return Optimum(True, best[0], best[1])
