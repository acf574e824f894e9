"""Property tests against brute force on tiny instances: optimum, bound, validity of every schedule."""

from __future__ import annotations

import dataclasses
import itertools
import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from itkoop.scheduler import (
    InvalidProblem,
    LockedMeeting,
    Meeting,
    Participant,
    Request,
    ScheduleProblem,
    Status,
    check_move,
    idle_gaps,
    solve,
    validate,
    weighted_value,
)
from tests.scheduler.brute import brute_force

# SCHEDULER_EXAMPLES=2000 for a longer hunt
SETTINGS = settings(
    max_examples=int(os.environ.get("SCHEDULER_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def tiny_problems(draw: st.DrawFn, with_must_have: bool = True) -> ScheduleProblem:
    n = draw(st.integers(2, 5))
    slots = draw(st.integers(1, 4))
    breaks = draw(st.frozensets(st.integers(0, slots - 1), max_size=slots - 1))
    hybrid = draw(st.booleans())  # some take part online: their meetings need online rooms
    people = [
        Participant(
            i,
            draw(st.frozensets(st.integers(0, slots - 1), max_size=2)),
            online=hybrid and draw(st.booleans()),
        )
        for i in range(n)
    ]
    pairs = draw(
        st.lists(
            st.sampled_from(list(itertools.combinations(range(n), 2))), unique=True, min_size=1, max_size=6
        )
    )
    requests = [
        Request(
            f"r{k}",
            *(pair if draw(st.booleans()) else pair[::-1]),
            weight=draw(st.integers(1, 3)),
            must_have=with_must_have and draw(st.integers(0, 4)) == 0,
        )
        for k, pair in enumerate(pairs)
    ]
    if draw(st.booleans()):
        tables: int | list[int] = draw(st.integers(1, 3))
    else:
        tables = [0 if t in breaks else draw(st.integers(1, 2)) for t in range(slots)]
    rooms = draw(st.integers(0, 2)) if hybrid else 0
    locked = []
    if draw(st.booleans()):
        k = draw(st.integers(0, len(requests) - 1))
        locked.append(LockedMeeting(f"r{k}", draw(st.integers(0, slots - 1)), draw(st.integers(0, 1))))
    try:
        return ScheduleProblem(
            people, requests, n_slots=slots, tables=tables, breaks=breaks, locked=locked, rooms=rooms
        )
    except InvalidProblem:
        assume(False)
        raise


@SETTINGS
@given(tiny_problems())
def test_exact_solve_matches_brute_force(problem: ScheduleProblem) -> None:
    truth = brute_force(problem)
    result = solve(problem, time_limit_s=20, seed=1)
    assert validate(problem, result) == []
    if not truth.feasible:
        assert result.status is Status.INFEASIBLE
        assert result.statistics.proven_infeasible
        return
    assert result.status is Status.OPTIMAL
    assert result.value == truth.value
    assert result.bound >= truth.value
    assert result.idle_gaps <= truth.idle_gaps


@SETTINGS
@given(tiny_problems())
def test_search_schedules_are_valid_and_bounded(problem: ScheduleProblem) -> None:
    truth = brute_force(problem)
    result = solve(problem, time_limit_s=5, seed=2, exact_limit=0)
    assert validate(problem, result) == []
    assert result.status is not Status.OPTIMAL
    if truth.feasible:
        assert result.value <= truth.value <= result.bound
    else:
        assert result.status is Status.INFEASIBLE


@SETTINGS
@given(tiny_problems(with_must_have=False))
def test_without_must_haves_the_search_is_never_infeasible(problem: ScheduleProblem) -> None:
    result = solve(problem, time_limit_s=5, seed=3, exact_limit=0)
    assert result.status is Status.FEASIBLE
    assert result.value <= brute_force(problem).value <= result.bound


@SETTINGS
@given(tiny_problems(), st.data())
def test_check_move_agrees_with_validating_the_moved_schedule(
    problem: ScheduleProblem, data: st.DataObject
) -> None:
    result = solve(problem, time_limit_s=5, seed=4, exact_limit=0, use_lns=False)
    assert validate(problem, result) == []
    request = data.draw(st.sampled_from(problem.requests)).id
    slot = data.draw(st.integers(0, problem.n_slots - 1))
    table = data.draw(st.integers(0, 2))
    online = problem.meets_online(request)
    moved = (*(m for m in result.meetings if m.request != request), Meeting(request, slot, table, online))
    after = dataclasses.replace(
        result,
        meetings=moved,
        value=weighted_value(problem, moved),
        bound=result.bound + 3,
        idle_gaps=idle_gaps(problem, moved),
    )
    assert (check_move(problem, result, request, slot, table) == []) == (validate(problem, after) == [])
