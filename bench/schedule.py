"""Meeting-scheduler benchmark: a seeded B2B meeting day, the solver against the greedy baseline.

Default: 2,000 participants, 20,000 distinct requests with Pareto-skewed recipient popularity, weights 1-3,
each participant away for a random block of 0-4 of 16 slots, 1,000 tables per slot. ``--small`` runs a
scaled-down instance in a few seconds for CI. Then 5 % of the participants cancel and the plan is rebuilt
twice, stable (the previous plan kept where the value allows) and from scratch: the meetings each moves or
drops of those still possible are reported. Prints figures and ratios; asserts nothing about time.

    PYTHONPATH=src python bench/schedule.py [--small] [--seed 0] [--time-limit 60]
"""

from __future__ import annotations

import argparse
import sys
import time

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--small", action="store_true", help="a CI-sized instance (200 people, 2,000 requests)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--time-limit", type=float, help="seconds for the solver (default 60, 10 with --small)"
    )
    parser.add_argument("--progress", action="store_true", help="print the solver's progress messages")
    args = parser.parse_args(argv)
    size = (200, 2000, 16, 100) if args.small else (2000, 20000, 16, 1000)
    time_limit = args.time_limit if args.time_limit is not None else 10.0 if args.small else 60.0
    built = time.perf_counter()
    problem = meeting_day(
        participants=size[0], requests=size[1], slots=size[2], tables=size[3], seed=args.seed
    )
    print(
        f"instance: {size[0]} participants, {size[1]} requests, {size[2]} slots, {size[3]} tables "
        f"(seed {args.seed}, built in {time.perf_counter() - built:.1f} s)"
    )

    def progress(fraction: float, message: str) -> None:
        if args.progress:
            print(f"  [{fraction:5.1%}] {message}", file=sys.stderr)

    result = solve(problem, time_limit_s=time_limit, seed=args.seed, progress=progress)
    base = greedy(problem)
    problems = validate(problem, result) + validate(problem, base)
    bound = result.bound
    print(
        f"solver:  value {result.value}  bound {bound}  ratio {result.value / bound:.4f}  "
        f"idle gaps {result.idle_gaps}  meetings {len(result.meetings)}  "
        f"time {result.statistics.time_s:.1f} s  "
        f"status {result.status}  method {result.statistics.method}"
    )
    print(
        f"greedy:  value {base.value}  ratio {base.value / bound:.4f}  idle gaps {base.idle_gaps}  "
        f"meetings {len(base.meetings)}  time {base.statistics.time_s:.1f} s"
    )
    print(
        f"versus greedy: {result.value - base.value:+d} value, "
        f"{result.idle_gaps - base.idle_gaps:+d} idle gaps"
    )
    print("phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in result.statistics.phases.items()))
    stable_day, scratch_day = after_cancellations(problem, result, share=0.05, seed=args.seed)
    print(
        f"replanning after 5 % cancel: {len(problem.participants) - len(stable_day.participants)} "
        f"participants gone, {len(stable_day.previous)} meetings of the plan still possible"
    )
    for name, day in (("stable", stable_day), ("scratch", scratch_day)):
        again = solve(day, time_limit_s=time_limit, seed=args.seed)
        problems += validate(day, again)
        moved = moved_meetings(stable_day, again.meetings)
        print(
            f"{name + ':':9}value {again.value}  bound {again.bound}  ratio {again.value / again.bound:.4f}  "
            f"moved {moved} of {len(stable_day.previous)}  idle gaps {again.idle_gaps}  "
            f"time {again.statistics.time_s:.1f} s"
        )
    if problems:
        print(f"INVALID schedule: {problems[:5]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
