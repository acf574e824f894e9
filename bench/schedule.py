"""Meeting-scheduler benchmark: seeded B2B meeting days, the solver against its proven bound and the greedy
baseline, in one run.

Two instances, both with distinct requests whose recipients are Pareto-popular (alpha 1.2, Zipf-like: a few
participants get thousands of requests, the median one about 15), weights 1-3, each participant away for a
random block of 0-4 slots:

* medium: 2,000 participants, 20,000 requests, 16 slots, 1,000 tables per slot, 30 s (goal: >= 99.9 % of
  the bound);
* large: 10,000 participants, 100,000 requests, 24 slots, 3,000 tables per slot, 120 s (goal: >= 99.5 % of
  the bound, <= 4 GB).

For each: value, bound, ratio, wall and CPU seconds of the solve (the CPU time does not depend on what else
the machine does; the load average is printed next to it), when the final value was first reached, the peak
memory of the process so far (the medium instance runs first), the greedy baseline's ratio. Then 5 % of the
medium instance's participants cancel and its plan is rebuilt twice, stable (the previous plan kept where the
value allows) and from scratch: the meetings each moves or drops of those still possible are reported.
``--small`` scales everything down to a few seconds. Prints figures and ratios; asserts nothing about time.

    PYTHONPATH=src python bench/schedule.py [--small] [--seed 0] [--only medium|large] [--progress]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import time
from dataclasses import dataclass

import numpy as np

from itkoop.scheduler import (
    Participant,
    PreviousMeeting,
    Request,
    ScheduleProblem,
    ScheduleResult,
    greedy,
    moved_meetings,
    solve,
    validate,
)


def meeting_day(
    *, participants: int, requests: int, slots: int, tables: int, seed: int, alpha: float = 1.2
) -> ScheduleProblem:
    """A random meeting day: requesters uniform, recipients Pareto-popular, one away block per person."""
    rng = np.random.default_rng(seed)
    popularity = rng.pareto(alpha, participants) + 1.0
    popularity /= popularity.sum()
    people = []
    for i in range(participants):
        length = int(rng.integers(0, 5))
        first = int(rng.integers(0, slots - length + 1))
        people.append(Participant(id=i, unavailable=frozenset(range(first, first + length))))
    pairs: set[tuple[int, int]] = set()
    wishes: list[Request] = []
    while len(wishes) < requests:
        batch = 2 * (requests - len(wishes))
        senders = rng.integers(0, participants, batch).tolist()
        receivers = rng.choice(participants, batch, p=popularity).tolist()
        weights = rng.integers(1, 4, batch).tolist()
        for a, b, w in zip(senders, receivers, weights, strict=True):
            key = (min(a, b), max(a, b))
            if a == b or key in pairs:
                continue
            pairs.add(key)
            wishes.append(Request(id=len(wishes), requester=a, recipient=b, weight=w))
            if len(wishes) == requests:
                break
    return ScheduleProblem(participants=people, requests=wishes, n_slots=slots, tables=tables)


def after_cancellations(
    problem: ScheduleProblem, result: ScheduleResult, *, share: float, seed: int
) -> tuple[ScheduleProblem, ScheduleProblem]:
    """The day after ``share`` of the participants cancelled: their requests are gone; the stable rebuild
    knows the previous plan of the rest, the other starts from scratch."""
    rng = np.random.default_rng(seed + 1)
    ids = [p.id for p in problem.participants]
    gone = set(rng.choice(ids, max(1, round(share * len(ids))), replace=False).tolist())
    people = [p for p in problem.participants if p.id not in gone]
    wishes = [r for r in problem.requests if r.requester not in gone and r.recipient not in gone]
    left = {r.id for r in wishes}
    previous = [PreviousMeeting(m.request, m.slot, m.table) for m in result.meetings if m.request in left]

    def day(before: list[PreviousMeeting]) -> ScheduleProblem:
        return ScheduleProblem(
            participants=people,
            requests=wishes,
            n_slots=problem.n_slots,
            tables=problem.tables,
            breaks=problem.breaks,
            previous=before,
        )

    return day(previous), day([])


@dataclass(frozen=True)
class Size:
    name: str
    participants: int
    requests: int
    slots: int
    tables: int
    time_limit_s: float
    goal: float  # share of the bound to reach


SIZES = {
    "medium": Size("medium", 2000, 20000, 16, 1000, 30.0, 0.999),
    "large": Size("large", 10000, 100000, 24, 3000, 120.0, 0.995),
}
SMALL = {
    "medium": Size("medium", 200, 2000, 16, 100, 10.0, 0.999),
    "large": Size("large", 1000, 10000, 24, 300, 20.0, 0.995),
}
MEMORY_GOAL_MB = 4096


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def run(
    size: Size, *, seed: int, time_limit: float | None, show_progress: bool, goals: bool
) -> tuple[bool, tuple[ScheduleProblem, ScheduleResult]]:
    """Solve one instance and print its figures; returns (schedules valid, (problem, result))."""
    built = time.perf_counter()
    problem = meeting_day(
        participants=size.participants,
        requests=size.requests,
        slots=size.slots,
        tables=size.tables,
        seed=seed,
    )
    data = problem.compiled
    degree = np.bincount(np.r_[data.requester, data.recipient], minlength=size.participants)
    top = np.sort(degree)[::-1]
    print(
        f"{size.name} instance: {size.participants} participants, {size.requests} requests, {size.slots} "
        f"slots, {size.tables} tables (seed {seed}, built in {time.perf_counter() - built:.1f} s); requests "
        f"per participant: max {top[0]}, median {int(np.median(degree))}, top 1 % hold "
        f"{top[: max(1, size.participants // 100)].sum() / degree.sum():.0%} of the request ends"
    )
    limit = time_limit if time_limit is not None else size.time_limit_s
    wall0, cpu0 = time.perf_counter(), time.process_time()
    seen: list[tuple[int, float, float]] = []  # (value, wall, cpu) at each progress message naming a value

    def progress(fraction: float, message: str) -> None:
        found = re.search(r"value (\d+)", message)
        if found:
            seen.append((int(found[1]), time.perf_counter() - wall0, time.process_time() - cpu0))
        if show_progress:
            print(f"  [{fraction:5.1%}] {message}", file=sys.stderr)

    load_before = load()
    result = solve(problem, time_limit_s=limit, seed=seed, progress=progress)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    reached = next(((w, c) for v, w, c in seen if v >= result.value), (wall, cpu))
    memory = peak_mb()
    base = greedy(problem)
    problems = validate(problem, result) + validate(problem, base)
    bound = result.bound
    ratio = result.value / bound
    print(
        f"  solver:  value {result.value}  bound {bound}  ratio {ratio:.4f}  idle gaps {result.idle_gaps}  "
        f"meetings {len(result.meetings)}  status {result.status}  method {result.statistics.method}"
    )
    print(
        f"  time:    {wall:.1f} s wall, {cpu:.1f} s CPU (limit {limit:.0f} s); final value first reached "
        f"after {reached[0]:.1f} s wall, {reached[1]:.1f} s CPU; load average {load_before} before, "
        f"{load()} after"
    )
    print("  phases:  " + ", ".join(f"{k} {v:.1f} s" for k, v in result.statistics.phases.items()))
    print(f"  memory:  peak RSS of the process so far {memory:.0f} MB")
    print(
        f"  greedy:  value {base.value}  ratio {base.value / bound:.4f}  idle gaps {base.idle_gaps}  "
        f"meetings {len(base.meetings)}  time {base.statistics.time_s:.1f} s; solver "
        f"{result.value - base.value:+d} value, {result.idle_gaps - base.idle_gaps:+d} idle gaps"
    )
    # Judged on CPU time: other work on the machine inflates the wall time, not the work done.
    met = ratio >= size.goal and cpu <= size.time_limit_s and memory <= MEMORY_GOAL_MB
    if goals:
        print(
            f"  goal:    >= {size.goal:.1%} of the bound in <= {size.time_limit_s:.0f} CPU s, "
            f"<= {MEMORY_GOAL_MB} MB: {'met' if met else 'NOT met'} (ratio {ratio:.2%}, CPU {cpu:.1f} s, "
            f"wall {wall:.1f} s, {memory:.0f} MB)"
        )
    if problems:
        print(f"  INVALID schedule: {problems[:5]}")
    return not problems, (problem, result)


def replan(problem: ScheduleProblem, result: ScheduleResult, *, seed: int, time_limit: float) -> bool:
    """5 % cancel; rebuild stable and from scratch; print the meetings each moved. Returns validity."""
    stable_day, scratch_day = after_cancellations(problem, result, share=0.05, seed=seed)
    print(
        f"replanning after 5 % cancel: {len(problem.participants) - len(stable_day.participants)} "
        f"participants gone, {len(stable_day.previous)} meetings of the plan still possible"
    )
    problems = []
    for name, day in (("stable", stable_day), ("scratch", scratch_day)):
        again = solve(day, time_limit_s=time_limit, seed=seed)
        problems += validate(day, again)
        moved = moved_meetings(stable_day, again.meetings)
        print(
            f"  {name + ':':9}value {again.value}  bound {again.bound}  "
            f"ratio {again.value / again.bound:.4f}  moved {moved} of {len(stable_day.previous)}  "
            f"idle gaps {again.idle_gaps}  "
            f"time {again.statistics.time_s:.1f} s"
        )
    if problems:
        print(f"  INVALID schedule: {problems[:5]}")
    return not problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="scaled-down instances (a few seconds each)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--only", choices=sorted(SIZES), help="run one instance (replanning comes with the medium one)"
    )
    parser.add_argument(
        "--time-limit", type=float, help="seconds for every solve (default: 30 medium, 120 large)"
    )
    parser.add_argument("--progress", action="store_true", help="print the solver's progress messages")
    args = parser.parse_args(argv)
    sizes = SMALL if args.small else SIZES
    print(f"{os.cpu_count()} CPUs, load average {load()}")
    ok = True
    for name in ("medium", "large"):
        if args.only and args.only != name:
            continue
        valid, (problem, result) = run(
            sizes[name],
            seed=args.seed,
            time_limit=args.time_limit,
            show_progress=args.progress,
            goals=not args.small,
        )
        ok &= valid
        if name == "medium":
            limit = args.time_limit if args.time_limit is not None else sizes[name].time_limit_s
            ok &= replan(problem, result, seed=args.seed, time_limit=limit)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
