"""Stable rebuilds: given the previous plan, solve keeps every meeting that is still feasible in its slot and
table unless the value needs otherwise (value, then fewest moved meetings, then idle gaps); bad previous
plans raise InvalidProblem at construction."""

from __future__ import annotations

import random

import pytest

from itkoop.scheduler import (
    InvalidProblem,
    LockedMeeting,
    Meeting,
    Participant,
    PreviousMeeting,
    Request,
    ScheduleProblem,
    moved_meetings,
    solve,
    validate,
)

from .test_solve import METHODS, random_day


def _with(problem: ScheduleProblem, previous, **changes) -> ScheduleProblem:
    fields = {
        "participants": problem.participants,
        "requests": problem.requests,
        "n_slots": problem.n_slots,
        "tables": problem.tables,
        "breaks": problem.breaks,
        "locked": problem.locked,
        **changes,
    }
    return ScheduleProblem(previous=previous, **fields)


def _previous(meetings) -> list[PreviousMeeting]:
    return [PreviousMeeting(m.request, m.slot, m.table) for m in meetings]


# --- validation ---


def _two() -> tuple[list[Participant], list[Request]]:
    return [Participant("a"), Participant("b", unavailable=frozenset({1}))], [Request("ab", "a", "b")]


@pytest.mark.parametrize(
    ("previous", "code"),
    [
        ([PreviousMeeting("zz", 0, 0)], "unknown_request"),
        ([PreviousMeeting("ab", 0, 0), PreviousMeeting("ab", 2, 0)], "previous_twice"),
        ([PreviousMeeting("ab", 3, 0)], "slot_out_of_range"),
        ([PreviousMeeting("ab", -1, 0)], "slot_out_of_range"),
        ([PreviousMeeting("ab", 0, -1)], "table_out_of_range"),
        ([PreviousMeeting("ab", 0, "1")], "table_out_of_range"),
    ],
)
def test_a_bad_previous_plan_is_refused(previous, code) -> None:
    people, requests = _two()
    with pytest.raises(InvalidProblem) as error:
        ScheduleProblem(people, requests, n_slots=3, tables=1, previous=previous)
    assert error.value.code == code


@pytest.mark.parametrize(
    "previous", [[PreviousMeeting("ab", 1, 0)], [PreviousMeeting("ab", 2, 5)], [PreviousMeeting("ab", 2, 0)]]
)
def test_a_previous_meeting_that_can_no_longer_stay_is_not_an_error(previous) -> None:
    # Slot 1: b is unavailable now; table 5 no longer exists; the valid boundary beside them.
    people, requests = _two()
    problem = ScheduleProblem(people, requests, n_slots=3, tables=1, previous=previous)
    result = solve(problem, time_limit_s=5)
    assert validate(problem, result) == [] and result.value == 1


# --- keeping meetings ---


@pytest.mark.parametrize("options", METHODS)
def test_a_rebuild_without_changes_moves_nothing(options) -> None:
    problem = random_day(3, n=20, m=60, slots=6, tables=4)
    first = solve(problem, time_limit_s=5, **options)
    again = solve(_with(problem, _previous(first.meetings)), time_limit_s=5, **options)
    assert again.value == first.value
    assert again.moved == 0
    assert set(again.meetings) == set(first.meetings)


def _cancel(problem: ScheduleProblem, result, share: float, seed: int):
    rng = random.Random(seed)
    gone = set(
        rng.sample([p.id for p in problem.participants], max(1, int(share * len(problem.participants))))
    )
    people = [p for p in problem.participants if p.id not in gone]
    requests = [r for r in problem.requests if r.requester not in gone and r.recipient not in gone]
    left = {r.id for r in requests}
    previous = _previous(m for m in result.meetings if m.request in left)
    return _with(problem, previous, participants=people, requests=requests), _with(
        problem, (), participants=people, requests=requests
    )


@pytest.mark.parametrize("options", METHODS)
def test_after_cancellations_a_stable_rebuild_moves_far_fewer_meetings(options) -> None:
    problem = random_day(4, n=40, m=160, slots=8, tables=6)
    first = solve(problem, time_limit_s=5, **options)
    stable, scratch = _cancel(problem, first, 0.1, seed=1)
    kept = solve(stable, time_limit_s=5, **options)
    fresh = solve(scratch, time_limit_s=5, **options)
    assert validate(stable, kept) == [] and validate(scratch, fresh) == []
    moved_fresh = moved_meetings(stable, fresh.meetings)
    assert kept.moved <= moved_fresh // 4
    if options == {}:  # CP-SAT proves the value: stability never costs any
        assert kept.value == fresh.value


@pytest.mark.parametrize("options", METHODS)
def test_value_comes_before_stability(options) -> None:
    # One table per slot; c and d can only meet in slot 0, where a and b met before: a-b has to move.
    people = [
        Participant("a"),
        Participant("b"),
        Participant("c", unavailable=frozenset({1})),
        Participant("d", unavailable=frozenset({1})),
    ]
    requests = [Request("ab", "a", "b", 1), Request("cd", "c", "d", 1)]
    problem = ScheduleProblem(people, requests, n_slots=2, tables=1, previous=[PreviousMeeting("ab", 0, 0)])
    result = solve(problem, time_limit_s=5, **options)
    assert result.value == 2
    assert {m.request: m.slot for m in result.meetings} == {"cd": 0, "ab": 1}
    assert result.moved == 1


@pytest.mark.parametrize("options", METHODS)
def test_a_meeting_that_stays_keeps_its_table(options) -> None:
    people = [Participant(x) for x in "abcd"]
    requests = [Request("ab", "a", "b"), Request("cd", "c", "d")]
    previous = [PreviousMeeting("ab", 1, 2), PreviousMeeting("cd", 1, 0)]
    problem = ScheduleProblem(people, requests, n_slots=3, tables=3, previous=previous)
    result = solve(problem, time_limit_s=5, **options)
    assert set(result.meetings) == {Meeting("ab", 1, 2), Meeting("cd", 1, 0)}
    assert result.moved == 0


@pytest.mark.parametrize("options", METHODS)
def test_only_the_meeting_that_lost_its_slot_moves(options) -> None:
    people = [
        Participant("a"),
        Participant("b", unavailable=frozenset({0})),
        Participant("c"),
        Participant("d"),
    ]
    requests = [Request("ab", "a", "b"), Request("cd", "c", "d")]
    previous = [PreviousMeeting("ab", 0, 0), PreviousMeeting("cd", 2, 1)]
    problem = ScheduleProblem(people, requests, n_slots=3, tables=2, previous=previous)
    result = solve(problem, time_limit_s=5, **options)
    assert Meeting("cd", 2, 1) in result.meetings
    assert result.moved == 1 and result.value == 2


def test_locked_meetings_win_over_a_previous_place() -> None:
    people = [Participant(x) for x in "abcd"]
    requests = [Request("ab", "a", "b"), Request("cd", "c", "d")]
    problem = ScheduleProblem(
        people,
        requests,
        n_slots=2,
        tables=1,
        locked=[LockedMeeting("cd", 0, 0)],
        previous=[PreviousMeeting("ab", 0, 0)],
    )
    result = solve(problem, time_limit_s=5)
    assert validate(problem, result) == []
    assert set(result.meetings) == {Meeting("cd", 0, 0), Meeting("ab", 1, 0)}
    assert result.moved == 1


def test_moved_meetings_counts_moves_and_drops() -> None:
    people, requests = [Participant(x) for x in "abc"], [Request("ab", "a", "b"), Request("ac", "a", "c")]
    problem = ScheduleProblem(
        people,
        requests,
        n_slots=3,
        tables=2,
        previous=[PreviousMeeting("ab", 0, 0), PreviousMeeting("ac", 1, 0)],
    )
    assert moved_meetings(problem, [Meeting("ab", 0, 0), Meeting("ac", 1, 0)]) == 0
    assert moved_meetings(problem, [Meeting("ab", 0, 1), Meeting("ac", 1, 0)]) == 1
    assert moved_meetings(problem, [Meeting("ab", 0, 0)]) == 1
