"""validate() finds every rule a schedule breaks; check_move() says why one manual move is infeasible."""

from __future__ import annotations

import dataclasses

import pytest

from itkoop.scheduler import (
    LockedMeeting,
    Meeting,
    Participant,
    Request,
    ScheduleProblem,
    ScheduleResult,
    Status,
    check_move,
    idle_gaps,
    validate,
    weighted_value,
)


@pytest.fixture
def problem() -> ScheduleProblem:
    people = [Participant("a"), Participant("b", frozenset({0})), Participant("c"), Participant("d")]
    requests = [
        Request("ab", "a", "b", 2),
        Request("cd", "c", "d", 1),
        Request("ac", "a", "c", 3, must_have=True),
        Request("bd", "b", "d", 1),
    ]
    return ScheduleProblem(
        people,
        requests,
        n_slots=4,
        tables=[2, 2, 0, 1],
        breaks=frozenset({2}),
        locked=[LockedMeeting("cd", 1, 1)],
    )


def result_of(
    problem: ScheduleProblem, meetings: list[Meeting], status: Status = Status.FEASIBLE
) -> ScheduleResult:
    value = weighted_value(problem, meetings) if all(problem.has_request(m.request) for m in meetings) else 0
    gaps = idle_gaps(problem, meetings) if all(problem.has_request(m.request) for m in meetings) else 0
    return ScheduleResult(tuple(meetings), value=value, bound=99, idle_gaps=gaps, status=status)


GOOD = [Meeting("ac", 0, 0), Meeting("ab", 1, 0), Meeting("cd", 1, 1), Meeting("bd", 3, 0)]


def codes(found: list[str]) -> set[str]:
    return {v.code for v in found}  # type: ignore[attr-defined]


def test_a_valid_schedule_has_no_violations(problem: ScheduleProblem) -> None:
    assert validate(problem, result_of(problem, GOOD)) == []


@pytest.mark.parametrize(
    ("meetings", "code"),
    [
        pytest.param([*GOOD[:3], Meeting("bd", 2, 0)], "break_used", id="break"),
        pytest.param([Meeting("ab", 0, 0), *GOOD[1:3]], "unavailable", id="unavailable"),
        pytest.param([*GOOD[:3], Meeting("bd", 1, 1)], "double_booked", id="person-twice-in-slot"),
        pytest.param(
            [Meeting("ac", 3, 0), *GOOD[1:3], Meeting("bd", 3, 0)], "table_double_booked", id="table"
        ),
        pytest.param([Meeting("ac", 3, 1), *GOOD[1:3]], "table_out_of_range", id="table-capacity"),
        pytest.param([GOOD[0], GOOD[1], Meeting("cd", 0, 1)], "locked_moved", id="locked-moved"),
        pytest.param(GOOD[:2], "locked_missing", id="locked-missing"),
        pytest.param(GOOD[1:], "must_have_missing", id="must-have-missing"),
        pytest.param([*GOOD, Meeting("ab", 3, 1)], "scheduled_twice", id="scheduled-twice"),
        pytest.param([*GOOD, Meeting("zz", 3, 1)], "unknown_request", id="unknown-request"),
        pytest.param([*GOOD[:3], Meeting("bd", 7, 0)], "slot_out_of_range", id="slot-range"),
    ],
)
def test_each_violation_is_reported(problem: ScheduleProblem, meetings: list[Meeting], code: str) -> None:
    assert code in codes(validate(problem, result_of(problem, meetings)))


def test_missing_must_have_is_no_violation_when_infeasible_is_declared(problem: ScheduleProblem) -> None:
    assert validate(problem, result_of(problem, GOOD[1:], Status.INFEASIBLE)) == []


def test_wrong_figures_are_reported(problem: ScheduleProblem) -> None:
    good = result_of(problem, GOOD)
    assert "wrong_value" in codes(validate(problem, dataclasses.replace(good, value=good.value + 1)))
    assert "wrong_idle_gaps" in codes(
        validate(problem, dataclasses.replace(good, idle_gaps=good.idle_gaps + 1))
    )
    assert "bound_exceeded" in codes(validate(problem, dataclasses.replace(good, bound=good.value - 1)))


@pytest.mark.parametrize(
    ("request_id", "slot", "table", "expected"),
    [
        pytest.param("bd", 0, 1, {"unavailable"}, id="unavailable"),
        pytest.param("bd", 2, 0, {"break_used"}, id="break"),
        pytest.param("bd", 1, 0, {"double_booked", "table_double_booked"}, id="both-busy-and-table-taken"),
        pytest.param("ab", 3, 0, {"double_booked", "table_double_booked"}, id="clash-with-bd"),
        pytest.param("ab", 3, 1, {"double_booked", "table_out_of_range"}, id="table-range"),
        pytest.param("cd", 3, 0, {"locked", "double_booked", "table_double_booked"}, id="locked"),
        pytest.param("ab", 9, 0, {"slot_out_of_range"}, id="slot-range"),
        pytest.param("zz", 0, 0, {"unknown_request"}, id="unknown-request"),
    ],
)
def test_check_move_explains_infeasible_moves(
    problem: ScheduleProblem, request_id: str, slot: int, table: int, expected: set[str]
) -> None:
    assert codes(check_move(problem, result_of(problem, GOOD), request_id, slot, table)) == expected


@pytest.mark.parametrize(
    ("request_id", "slot", "table"),
    [
        pytest.param("bd", 3, 0, id="same-place"),
        pytest.param("ac", 0, 1, id="other-table-same-slot"),
        pytest.param("cd", 1, 1, id="locked-meeting-stays"),
    ],
)
def test_check_move_accepts_feasible_moves(
    problem: ScheduleProblem, request_id: str, slot: int, table: int
) -> None:
    assert check_move(problem, result_of(problem, GOOD), request_id, slot, table) == []


def test_check_move_of_an_unscheduled_request_checks_adding_it(problem: ScheduleProblem) -> None:
    partial = result_of(problem, GOOD[:3])
    assert check_move(problem, partial, "bd", 3, 0) == []
    assert codes(check_move(problem, partial, "bd", 1, 0)) == {"double_booked", "table_double_booked"}


def test_violations_are_readable_text(problem: ScheduleProblem) -> None:
    found = check_move(problem, result_of(problem, GOOD), "bd", 0, 1)
    assert found == ["'b' is unavailable in slot 0"]
    assert found[0].params == {"participant": "b", "slot": 0}  # type: ignore[attr-defined]
