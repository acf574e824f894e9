"""Large-instance search: build a slot assignment, then improve value, then idle gaps.

A schedule is a proper edge colouring of the request graph with lists (a request may take only slots both
sides are free in) and at most ``capacity[t]`` edges of colour ``t`` per pool (tables; online rooms for the
requests with an online side, see ``CompiledProblem.pools``). The search keeps one valid partial
colouring and improves it with three moves, every one reversible through a journal:

* insertion: a request goes into a slot free for both sides, else a Kempe chain (the path of slots a/b
  starting at one side, swapped when every request on it may take both slots) frees a common slot;
* ejection: a request takes a slot whose occupants weigh less (never locked ones), and the evicted
  requests are re-inserted where they fit or evict in turn (two levels); the move is kept when the total
  weight rises (or, at random, stays the same);
* idle gaps: at the found value, Kempe paths are swapped when that shortens the waiting times at their two
  ends (swapping a path changes the busy slots of its end participants only): a short annealing walk
  (rare uphill steps of one gap), then descent with equal moves taken half the time; the best is kept.

A stable rebuild (``stay``: the slot of each request in the plan being rebuilt) starts from that plan: its
meetings go back to their slots first, the value moves run from there, meetings they moved go back where that
is still free, and the idle-gap moves leave the meetings in their old slots alone (value, then fewest moved
meetings, then idle gaps).

The first assignment colours the requests an optimal b-matching picks before all others (heaviest first):
that set already reaches the bound in degree terms, and on the benchmark nearly all of it can be coloured.
Must-have requests carry a weight above all optional ones together, so they come first; missing ones are
chased with ejections that count only must-have meetings.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from itkoop.scheduler.problem import CompiledProblem

FREE = -1
OFF = -2  # the participant is unavailable, or the slot is a break
Report = Callable[[float, str], None]


class PartialSchedule:
    """A valid partial slot assignment with an undo journal."""

    def __init__(self, data: CompiledProblem, weights: Sequence[int], rng: random.Random) -> None:
        self.data = data
        self.n_slots = data.n_slots
        self.u: list[int] = data.requester.tolist()
        self.v: list[int] = data.recipient.tolist()
        self.w: list[int] = list(weights)
        self.fixed: list[bool] = (data.locked_slot >= 0).tolist()
        self.occ: list[list[int]] = np.where(data.available, FREE, OFF).tolist()
        self.slot: list[int] = [-1] * data.n_requests
        # Load and capacity per pool (0 tables, 1 online rooms) and slot; ``pool`` per request.
        self.pool, self.cap = data.pools()
        self.load: list[list[int]] = [[0] * self.n_slots, [0] * self.n_slots]
        self.members: list[set[int]] = [set() for _ in range(self.n_slots)]  # requests meeting in each slot
        self.mask: list[int] = [0] * data.n_participants
        self.value = 0
        self.rng = rng
        self.journal: list[tuple[int, int, int]] | None = None  # (op, request, slot); op 1 place, 0 remove
        self.path_end = -1
        self.gaps = gap_counter(data.break_mask)
        for e in np.flatnonzero(data.locked_slot >= 0).tolist():
            self.place(e, int(data.locked_slot[e]))

    # -- primitive changes ----------------------------------------------------------------------------------
    def place(self, e: int, t: int) -> None:
        u, v = self.u[e], self.v[e]
        self.occ[u][t] = e
        self.occ[v][t] = e
        self.slot[e] = t
        self.load[self.pool[e]][t] += 1
        self.members[t].add(e)
        self.mask[u] |= 1 << t
        self.mask[v] |= 1 << t
        self.value += self.w[e]
        if self.journal is not None:
            self.journal.append((1, e, t))

    def remove(self, e: int) -> None:
        t = self.slot[e]
        u, v = self.u[e], self.v[e]
        self.occ[u][t] = FREE
        self.occ[v][t] = FREE
        self.slot[e] = -1
        self.load[self.pool[e]][t] -= 1
        self.members[t].discard(e)
        self.mask[u] &= ~(1 << t)
        self.mask[v] &= ~(1 << t)
        self.value -= self.w[e]
        if self.journal is not None:
            self.journal.append((0, e, t))

    def begin(self) -> None:
        self.journal = []

    def commit(self) -> None:
        self.journal = None

    def rollback(self) -> None:
        journal, self.journal = self.journal or [], None
        for op, e, t in reversed(journal):
            if op == 1:
                self.remove(e)
            else:
                self.place(e, t)

    # -- Kempe chains ----------------------------------------------------------------------------------------
    def kempe_path(self, start: int, a: int, b: int, limit: int = 80) -> list[int] | None:
        """Requests on the a/b path that starts with ``start``'s request in slot ``a`` (``start`` must be free
        in ``b``), or ``None`` when swapping a and b along it is not allowed. ``self.path_end`` is its far
        end."""
        path: list[int] = []
        x, c = start, a
        occ, fixed = self.occ, self.fixed
        while True:
            e = occ[x][c]
            if e == FREE:
                break
            if e == OFF or fixed[e] or len(path) >= limit:
                return None
            path.append(e)
            x = self.v[e] if self.u[e] == x else self.u[e]
            c = b if c == a else a
        self.path_end = x
        shift = [0, 0]  # per pool: meetings the swap moves from a to b, minus those from b to a
        for e in path:
            shift[self.pool[e]] += 1 if self.slot[e] == a else -1
        for p in (0, 1):
            load, cap = self.load[p], self.cap[p]
            if load[b] + shift[p] > cap[b] or load[a] - shift[p] > cap[a]:
                return None
        return path

    def swap(self, path: list[int], a: int, b: int) -> None:
        new = [b if self.slot[e] == a else a for e in path]
        for e in path:
            self.remove(e)
        for e, t in zip(path, new, strict=True):
            self.place(e, t)

    # -- value moves -----------------------------------------------------------------------------------------
    def best_common_slot(self, e: int) -> int:
        """A slot free for both sides with a free table, preferring the one that adds the fewest idle gaps."""
        u, v = self.u[e], self.v[e]
        ou, ov = self.occ[u], self.occ[v]
        mu, mv, gaps = self.mask[u], self.mask[v], self.gaps
        load, cap = self.load[self.pool[e]], self.cap[self.pool[e]]
        best, best_cost = -1, 1 << 30
        base = gaps(mu) + gaps(mv)
        for t in range(self.n_slots):
            if ou[t] == FREE and ov[t] == FREE and load[t] < cap[t]:
                cost = gaps(mu | 1 << t) + gaps(mv | 1 << t) - base
                if cost < best_cost:
                    best, best_cost = t, cost
        return best

    def try_insert(self, e: int, tries: int = 4) -> bool:
        """Place request ``e`` in a common free slot, swapping one Kempe chain if that is what it takes."""
        t = self.best_common_slot(e)
        if t >= 0:
            self.place(e, t)
            return True
        u, v = self.u[e], self.v[e]
        ou, ov = self.occ[u], self.occ[v]
        free_u = [t for t in range(self.n_slots) if ou[t] == FREE and ov[t] != OFF]
        free_v = [t for t in range(self.n_slots) if ov[t] == FREE and ou[t] != OFF]
        self.rng.shuffle(free_u)
        self.rng.shuffle(free_v)
        for a in free_u[:tries]:
            for b in free_v[:tries]:
                for start, x, y in ((v, a, b), (u, b, a)):
                    path = self.kempe_path(start, x, y)
                    if path is None:
                        continue
                    mark = len(self.journal) if self.journal is not None else -1
                    outer = self.journal is not None
                    if not outer:
                        self.begin()
                    self.swap(path, x, y)
                    if self.fits(e, x):
                        self.place(e, x)
                        if not outer:
                            self.commit()
                        return True
                    self._undo_to(mark if outer else 0)
                    if not outer:
                        self.commit()
        return False

    def _undo_to(self, mark: int) -> None:
        journal = self.journal
        assert journal is not None
        tail = journal[mark:]
        del journal[mark:]
        self.journal = None
        for op, e, t in reversed(tail):
            if op == 1:
                self.remove(e)
            else:
                self.place(e, t)
        self.journal = journal

    def try_eject(
        self, e: int, sideways: float = 0.5, depth: int = 2, tries: int = 3, unit: int = 1
    ) -> int | None:
        """Put ``e`` where lighter requests are and re-insert them elsewhere (evicting in turn, ``depth``
        deep); the gain, or ``None`` if undone. Tries up to ``tries`` slots. Weights count in multiples of
        ``unit``: with the must-have weight as unit only the number of must-have meetings counts."""
        u, v = self.u[e], self.v[e]
        ou, ov = self.occ[u], self.occ[v]
        slots = [t for t in range(self.n_slots) if ou[t] != OFF and ov[t] != OFF]
        self.rng.shuffle(slots)
        w, fixed, pool = self.w, self.fixed, self.pool
        load, cap = self.load[pool[e]], self.cap[pool[e]]
        outer = self.journal is not None
        if not outer:
            self.begin()
        assert self.journal is not None
        for t in slots:
            f, g = ou[t], ov[t]
            evicted = [x for x in {f, g} if x >= 0]
            if load[t] - sum(1 for x in evicted if pool[x] == pool[e]) >= cap[t]:
                # Every table (or room) of e's kind is taken: the lightest movable meeting there makes room.
                lighter = [
                    x
                    for x in self.members[t]
                    if pool[x] == pool[e]
                    and not fixed[x]
                    and x not in evicted
                    and w[x] // unit <= w[e] // unit
                ]
                if not lighter:
                    continue
                evicted.append(min(lighter, key=lambda x: (w[x], x)))
            if any(fixed[x] for x in evicted) or sum(w[x] // unit for x in evicted) > w[e] // unit:
                continue
            before, mark = self.value, len(self.journal)
            for x in evicted:
                self.remove(x)
            self.place(e, t)
            for x in sorted(evicted, key=lambda x: -w[x]):
                if not self.try_insert(x) and depth > 1:
                    self.try_eject(x, sideways=0.0, depth=depth - 1, tries=tries, unit=unit)
            gain = self.value // unit - before // unit
            if gain > 0 or (gain == 0 and self.rng.random() < sideways):
                if not outer:
                    self.commit()
                return gain
            self._undo_to(mark)
            tries -= 1
            if tries <= 0:
                break
        if not outer:
            self.commit()
        return None

    # -- idle-gap moves --------------------------------------------------------------------------------------
    def improve_gaps_at(self, x: int, sideways: float, uphill: float = 0.0) -> int:
        """Swap one Kempe path ending at ``x`` if that lowers idle gaps (or keeps them, with probability
        ``sideways``, or adds one, with probability ``uphill``); returns the change."""
        gaps, occ_x = self.gaps, self.occ[x]
        busy = [t for t in range(self.n_slots) if occ_x[t] >= 0 and not self.fixed[occ_x[t]]]
        free = [t for t in range(self.n_slots) if occ_x[t] == FREE]
        self.rng.shuffle(busy)
        for a in busy:
            for b in free:
                path = self.kempe_path(x, a, b)
                if path is None:
                    continue
                z = self.path_end
                before = gaps(self.mask[x]) + gaps(self.mask[z])
                self.swap(path, a, b)
                change = gaps(self.mask[x]) + gaps(self.mask[z]) - before
                if change < 0 or (change == 0 and self.rng.random() < sideways):
                    return change
                if change == 1 and uphill and self.rng.random() < uphill:
                    return change
                self.swap(path, b, a)
        return 0

    def fits(self, e: int, t: int) -> bool:
        """Slot ``t`` is free for both sides of ``e`` and has a free table."""
        occ, p = self.occ, self.pool[e]
        return occ[self.u[e]][t] == FREE and occ[self.v[e]][t] == FREE and self.load[p][t] < self.cap[p][t]

    def return_to(self, stay: Sequence[int]) -> int:
        """Move meetings back to their slot of the previous plan where it is free (same value, fewer moved
        meetings), repeating while that frees further ones; returns how many went back."""
        back, changed = 0, True
        while changed:
            changed = False
            for e, t in enumerate(stay):
                if t < 0 or self.slot[e] == t or self.fixed[e]:
                    continue
                if self.slot[e] < 0:
                    if self.fits(e, t):
                        self.place(e, t)
                        back += 1
                        changed = True
                    continue
                old = self.slot[e]
                self.remove(e)
                if self.fits(e, t):
                    self.place(e, t)
                    back += 1
                    changed = True
                else:
                    self.place(e, old)
        return back

    def load_slots(self, slots: Sequence[int]) -> None:
        """Replace the schedule by ``slots`` (fixed requests stay where they are); only the requests whose
        slot differs move."""
        changed = [e for e, t in enumerate(self.slot) if t != slots[e] and not self.fixed[e]]
        for e in changed:
            if self.slot[e] >= 0:
                self.remove(e)
        for e in changed:
            if slots[e] >= 0:
                self.place(e, slots[e])

    def total_gaps(self) -> int:
        return sum(self.gaps(mk) for mk in self.mask)


def gap_counter(break_mask: int) -> Callable[[int], int]:
    """A cached ``idle gaps of one participant`` function over bit sets of busy slots."""

    @lru_cache(maxsize=1 << 17)
    def gaps(mask: int) -> int:
        if mask == 0:
            return 0
        lo = (mask & -mask).bit_length() - 1
        span = ((1 << mask.bit_length()) - 1) ^ ((1 << lo) - 1)
        return (span & ~mask & ~break_mask).bit_count()

    return gaps


def schedule_key(data: CompiledProblem, slots: Sequence[int], weights: Sequence[int]) -> tuple[int, int]:
    """(weighted value, minus idle gaps) of a slot assignment: larger is better, lexicographically."""
    masks = [0] * data.n_participants
    value = 0
    for e, t in enumerate(slots):
        if t >= 0:
            value += weights[e]
            masks[int(data.requester[e])] |= 1 << t
            masks[int(data.recipient[e])] |= 1 << t
    gaps = gap_counter(data.break_mask)
    return value, -sum(gaps(mk) for mk in masks)


def effective_weights(data: CompiledProblem) -> list[int]:
    """Weights with every must-have (or locked) request worth more than all optional ones together."""
    base = data.weight.astype(np.int64)
    big = int(base.sum()) + 1
    return (base + big * (data.must_have | (data.locked_slot >= 0))).tolist()


def search(
    data: CompiledProblem,
    *,
    deadline: float,
    seed: int,
    target: int,
    preferred: np.ndarray | None,
    report: Report,
    patience: int = 4,
    gap_patience: int = 5,
    anneal_passes: int = 30,
    chase_forced: bool = True,
    stay: Sequence[int] | None = None,
) -> tuple[list[int], int]:
    """Slot per request (-1 = not scheduled) and the number of improvement passes made.

    Stops improving the value at ``target`` (the proven bound, in effective weight), after ``patience`` passes
    without gain, or at about two thirds of the time left; then reduces idle gaps until ``gap_patience``
    passes bring no new best or the deadline comes.
    """
    rng = random.Random(seed)
    sched = PartialSchedule(data, effective_weights(data), rng)
    w = sched.w
    n_common = data.common.sum(axis=1).tolist()
    pref = preferred.tolist() if preferred is not None else [False] * data.n_requests
    forced = (data.must_have | (data.locked_slot >= 0)).tolist()
    order = sorted(range(data.n_requests), key=lambda e: (not forced[e], not pref[e], -w[e], n_common[e], e))
    if stay is not None:
        # Warm start: the previous plan first, heaviest first (forced ones are placed already or come next).
        for e in sorted((e for e in range(data.n_requests) if stay[e] >= 0), key=lambda e: (-w[e], e)):
            if sched.slot[e] < 0 and sched.fits(e, stay[e]):
                sched.place(e, stay[e])
    for e in order:
        if sched.slot[e] < 0:
            sched.try_insert(e, tries=2)
    start = time.monotonic()
    value_deadline = start + (deadline - start) * 0.67
    report(0.2, f"first schedule: value {sched.value}")
    passes, idle = 0, 0
    forced_list = [e for e in range(data.n_requests) if forced[e]]
    big = int(data.weight.sum()) + 1  # the must-have weight of effective_weights
    while time.monotonic() < value_deadline:
        # Missing must-have requests are chased alone (a random walk of sideways ejections among them) until
        # they all meet or the time is up, unless the caller knows they cannot all meet.
        chase = [e for e in forced_list if sched.slot[e] < 0] if chase_forced else []
        if not chase and (sched.value >= target or idle >= patience):
            break
        passes += 1
        before = sched.value
        keys = {e: (-w[e], rng.random()) for e in chase or range(data.n_requests) if sched.slot[e] < 0}
        for e in sorted(keys, key=keys.__getitem__):
            if sched.slot[e] < 0 and not sched.try_insert(e):
                if chase:
                    sched.try_eject(e, sideways=0.9, tries=data.n_slots, unit=big)
                else:
                    sched.try_eject(e)
            if time.monotonic() > value_deadline:
                break
        idle = idle + 1 if sched.value == before else 0
        frac = 0.2 + 0.5 * min(1.0, (time.monotonic() - start) / max(1e-9, value_deadline - start))
        report(frac, f"pass {passes}: value {sched.value}")
    staying: list[int] = []
    if stay is not None:
        sched.return_to(stay)
        # The idle-gap moves below swap Kempe paths, which skip fixed requests: the meetings in their old
        # slots stay there, so the gaps never cost a moved meeting.
        staying = [e for e in range(data.n_requests) if stay[e] >= 0 and sched.slot[e] == stay[e]]
        for e in staying:
            sched.fixed[e] = True
    gap_start = time.monotonic()
    value_passes = passes
    report(0.7, f"reducing idle gaps ({sched.total_gaps()})")
    order_nodes = list(range(data.n_participants))
    # A short annealing walk first (uphill steps of one idle gap, ever rarer), then descent: sideways moves
    # (equal gaps, taken half the time) cross plateaus; stop after a few passes without a new best. The best
    # schedule seen is what is returned.
    best, best_slots, stale = sched.total_gaps(), list(sched.slot), 0
    while stale < gap_patience and best > 0 and time.monotonic() < deadline:
        passes += 1
        gap_pass = passes - value_passes
        uphill = 0.05 * (1 - gap_pass / anneal_passes) if gap_pass < anneal_passes else 0.0
        rng.shuffle(order_nodes)
        for x in order_nodes:
            if sched.gaps(sched.mask[x]):
                sched.improve_gaps_at(x, sideways=0.5, uphill=uphill)
            if time.monotonic() > deadline:
                break
        total = sched.total_gaps()
        if total < best:
            best, best_slots, stale = total, list(sched.slot), 0
        elif not uphill:
            stale += 1
        frac = 0.7 + 0.3 * min(1.0, (time.monotonic() - gap_start) / max(1e-9, deadline - gap_start))
        report(min(frac, 0.99), f"pass {passes}: idle gaps {total}")
    if sched.total_gaps() > best:
        sched.load_slots(best_slots)
    for e in staying:
        sched.fixed[e] = False
    return sched.slot, passes


def greedy_slots(data: CompiledProblem) -> list[int]:
    """The baseline: heaviest request first (must-have and locked ahead), earliest common free slot."""
    sched = PartialSchedule(data, effective_weights(data), random.Random(0))
    for e in sorted(range(data.n_requests), key=lambda e: (-sched.w[e], e)):
        if sched.slot[e] >= 0:
            continue
        for t in range(data.n_slots):
            if sched.fits(e, t):
                sched.place(e, t)
                break
    return sched.slot
