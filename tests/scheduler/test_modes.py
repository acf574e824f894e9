"""Hybrid days: meetings with an online side go to online rooms, the others to tables, each with its own
capacity; the solver, the validator and the move check keep the two apart."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from itkoop.scheduler import (
    InvalidProblem,
    LockedMeeting,
    Meeting,
    Participant,
    PreviousMeeting,
    Request,
    ScheduleProblem,
    ScheduleResult,
    Status,
    check_move,
    greedy,
    idle_gaps,
    solve,
    validate,
    weighted_value,
)

EXACT, SEARCH = {}, {"exact_limit": 0}
METHODS = [pytest.param(EXACT, id="exact"), pytest.param(SEARCH, id="search")]


def hybrid_day(
    seed: int, n: int = 30, m: int = 120, slots: int = 6, tables: int = 4, rooms: int | list[int] = 2
) -> ScheduleProblem:
    rng = random.Random(seed)
    people = [Participant(i, online=rng.random() < 0.4) for i in range(n)]
    pairs: set[frozenset[int]] = set()
    requests = []
    while len(requests) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b and frozenset((a, b)) not in pairs:
            pairs.add(frozenset((a, b)))
            requests.append(Request(len(requests), a, b, rng.randint(1, 3)))
    return ScheduleProblem(people, requests, n_slots=slots, tables=tables, rooms=rooms)


def assert_modes_kept_apart(problem: ScheduleProblem, result: ScheduleResult) -> None:
    per_place: Counter[tuple[bool, int]] = Counter()
    for meeting in result.meetings:
        # No pair with an online side at a table, no on-site pair in a room.
        assert meeting.online == problem.meets_online(meeting.request)
        per_place[meeting.online, meeting.slot] += 1
    for (online, slot), used in per_place.items():
        assert used <= problem.place_count(slot, online=online)


@pytest.mark.parametrize("options", METHODS)
def test_online_pairs_meet_in_rooms_and_rooms_are_not_overbooked(options: dict[str, int]) -> None:
    problem = hybrid_day(1, n=14, m=40, slots=4, tables=3, rooms=1)
    result = solve(problem, time_limit_s=10, **options)
    assert validate(problem, result) == []
    assert_modes_kept_apart(problem, result)
    online_meetings = [m for m in result.meetings if m.online]
    # One room per slot limits the online meetings to the slot count although more online pairs want to meet.
    assert sum(1 for r in problem.requests if problem.meets_online(r.id)) > 4
    assert len(online_meetings) == 4
    assert {m.table for m in online_meetings} == {0}


def test_room_capacity_binds_although_tables_are_free() -> None:
    people = [Participant(i, online=i < 2) for i in range(8)]
    # Four disjoint pairs in one slot: two with an online side, two on-site; one room, many tables.
    requests = [Request("o1", 0, 4), Request("o2", 1, 5), Request("s1", 2, 6), Request("s2", 3, 7)]
    problem = ScheduleProblem(people, requests, n_slots=1, tables=10, rooms=1)
    result = solve(problem, time_limit_s=5)
    assert validate(problem, result) == []
    assert result.status is Status.OPTIMAL
    assert result.value == 3 == result.bound
    assert sorted(m.request for m in result.meetings if m.online) in (["o1"], ["o2"])


def test_without_rooms_online_pairs_stay_unscheduled_and_the_bound_knows() -> None:
    people = [Participant("a", online=True), Participant("b"), Participant("c")]
    requests = [Request("ab", "a", "b", 3), Request("bc", "b", "c", 1)]
    problem = ScheduleProblem(people, requests, n_slots=2, tables=2)
    result = solve(problem, time_limit_s=5)
    assert validate(problem, result) == []
    assert [m.request for m in result.meetings] == ["bc"]
    assert result.bound == 1


def test_a_stable_rebuild_keeps_online_meetings_in_their_room() -> None:
    problem = hybrid_day(3, n=12, m=30, slots=4, tables=3, rooms=2)
    first = solve(problem, time_limit_s=10)

    again = ScheduleProblem(
        problem.participants,
        problem.requests,
        n_slots=4,
        tables=3,
        rooms=2,
        previous=[PreviousMeeting(m.request, m.slot, m.table) for m in first.meetings],
    )
    result = solve(again, time_limit_s=10)
    assert validate(again, result) == []
    assert result.moved == 0
    assert set(result.meetings) == set(first.meetings)


def test_greedy_keeps_modes_apart() -> None:
    problem = hybrid_day(4, rooms=[1, 2, 0, 1, 2, 1], tables=3)
    result = greedy(problem)
    assert validate(problem, result) == []
    assert_modes_kept_apart(problem, result)
    assert not any(m.online and m.slot == 2 for m in result.meetings)


@pytest.fixture
def small() -> ScheduleProblem:
    people = [Participant("a", online=True), Participant("b"), Participant("c"), Participant("d")]
    requests = [Request("ab", "a", "b"), Request("cd", "c", "d"), Request("ac", "a", "c")]
    return ScheduleProblem(people, requests, n_slots=2, tables=1, rooms=1)


def result_of(problem: ScheduleProblem, meetings: list[Meeting]) -> ScheduleResult:
    return ScheduleResult(
        tuple(meetings),
        value=weighted_value(problem, meetings),
        bound=99,
        idle_gaps=idle_gaps(problem, meetings),
        status=Status.FEASIBLE,
    )


def codes(found: list[str]) -> set[str]:
    return {v.code for v in found}  # type: ignore[attr-defined]


def test_validate_accepts_a_room_and_a_table_with_the_same_number(small: ScheduleProblem) -> None:
    meetings = [Meeting("ab", 0, 0, online=True), Meeting("cd", 0, 0), Meeting("ac", 1, 0, online=True)]
    assert validate(small, result_of(small, meetings)) == []


def test_validate_refuses_an_online_pair_at_a_table(small: ScheduleProblem) -> None:
    meetings = [Meeting("ab", 0, 0), Meeting("cd", 1, 0)]
    assert codes(validate(small, result_of(small, meetings))) == {"wrong_place"}


def test_validate_refuses_an_on_site_pair_in_a_room(small: ScheduleProblem) -> None:
    meetings = [Meeting("cd", 0, 0, online=True)]
    assert codes(validate(small, result_of(small, meetings))) == {"wrong_place"}


def test_validate_counts_rooms_apart_from_tables(small: ScheduleProblem) -> None:
    meetings = [Meeting("ab", 0, 0, online=True), Meeting("cd", 0, 1, online=False)]
    assert codes(validate(small, result_of(small, meetings))) == {"table_out_of_range"}
    meetings = [Meeting("ab", 1, 1, online=True)]
    assert codes(validate(small, result_of(small, meetings))) == {"table_out_of_range"}


def test_check_move_looks_at_the_rooms_of_an_online_pair(small: ScheduleProblem) -> None:
    current = result_of(small, [Meeting("ab", 0, 0, online=True), Meeting("cd", 1, 0)])
    # Room 0 of slot 1 is free although table 0 of slot 1 is taken.
    assert check_move(small, current, "ab", 1, 0) == []
    # There is one room: room 1 does not exist.
    assert codes(check_move(small, current, "ab", 1, 1)) == {"table_out_of_range"}
    # a is busy in slot 0 with ab; ac would need room 0 there, which ab holds.
    assert codes(check_move(small, current, "ac", 0, 0)) == {"double_booked", "table_double_booked"}


CASES = [
    pytest.param({"rooms": -1}, "no_rooms", {"rooms": 0}, id="rooms-negative"),
    pytest.param({"rooms": [1, 1, 1]}, "rooms_length", {"rooms": [1, 0]}, id="rooms-length"),
    pytest.param(
        {"tables": 0, "rooms": 0}, "no_tables", {"tables": 0, "rooms": 1}, id="rooms-instead-of-tables"
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 0, 1)]},
        "table_out_of_range",
        {"locked": [LockedMeeting("ab", 0, 0)]},
        id="locked-room-range",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 0, 0), LockedMeeting("ac", 1, 0)], "rooms": [1, 0]},
        "table_out_of_range",
        {"locked": [LockedMeeting("ab", 0, 0), LockedMeeting("ac", 1, 0)], "rooms": [1, 1]},
        id="locked-room-in-slot-without-rooms",
    ),
]


@pytest.mark.parametrize(("invalid", "code", "valid"), CASES)
def test_invalid_rooms_are_refused_and_their_boundary_accepted(
    invalid: dict[str, object], code: str, valid: dict[str, object]
) -> None:
    people = [Participant("a", online=True), Participant("b"), Participant("c"), Participant("d")]
    requests = [Request("ab", "a", "b"), Request("cd", "c", "d"), Request("ac", "a", "c")]
    base = {"tables": 1, "rooms": 1}
    with pytest.raises(InvalidProblem) as caught:
        ScheduleProblem(people, requests, n_slots=2, **{**base, **invalid})
    assert caught.value.code == code
    ScheduleProblem(people, requests, n_slots=2, **{**base, **valid})
