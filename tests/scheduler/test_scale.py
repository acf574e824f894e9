"""A mid-size generated meeting day (1,000 people, 10,000 skewed requests, 24 slots): a valid schedule near
its proven bound. The bound and the first schedule alone reach the ratio (they are built whatever the time
limit), so the check does not depend on how busy the machine is: later steps only add value."""

from __future__ import annotations

import numpy as np

from itkoop.scheduler import Participant, Request, ScheduleProblem, greedy, solve, validate


def skewed_day(participants: int, requests: int, slots: int, tables: int, seed: int) -> ScheduleProblem:
    """Requesters uniform, recipients Pareto-popular (a few get hundreds of requests), one away block each."""
    rng = np.random.default_rng(seed)
    popularity = rng.pareto(1.2, participants) + 1.0
    popularity /= popularity.sum()
    people = []
    for i in range(participants):
        length = int(rng.integers(0, 5))
        first = int(rng.integers(0, slots - length + 1))
        people.append(Participant(i, frozenset(range(first, first + length))))
    pairs: set[tuple[int, int]] = set()
    wishes: list[Request] = []
    while len(wishes) < requests:
        senders = rng.integers(0, participants, requests).tolist()
        receivers = rng.choice(participants, requests, p=popularity).tolist()
        weights = rng.integers(1, 4, requests).tolist()
        for a, b, w in zip(senders, receivers, weights, strict=True):
            if a != b and (min(a, b), max(a, b)) not in pairs and len(wishes) < requests:
                pairs.add((min(a, b), max(a, b)))
                wishes.append(Request(len(wishes), a, b, w))
    return ScheduleProblem(people, wishes, n_slots=slots, tables=tables)


def test_mid_size_skewed_day_is_valid_and_within_half_a_percent_of_its_bound() -> None:
    problem = skewed_day(participants=1000, requests=10_000, slots=24, tables=300, seed=0)
    degree = np.bincount(np.r_[problem.compiled.requester, problem.compiled.recipient], minlength=1000)
    assert degree.max() > 20 * np.median(degree)  # skewed: popular participants get far more requests

    result = solve(problem, time_limit_s=2, seed=0)

    assert validate(problem, result) == []
    assert result.is_feasible
    assert result.value >= 0.995 * result.bound
    assert result.value > greedy(problem).value
