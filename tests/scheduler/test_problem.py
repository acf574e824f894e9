"""Building a ScheduleProblem: each invalid input refused with its own code, beside its valid boundary."""

from __future__ import annotations

import pytest

from itkoop.scheduler import InvalidProblem, LockedMeeting, Participant, Request, ScheduleProblem

PEOPLE = [Participant("a"), Participant("b", unavailable=frozenset({0})), Participant("c"), Participant("d")]


def build(**changes: object) -> ScheduleProblem:
    spec: dict[str, object] = {
        "participants": PEOPLE,
        "requests": [Request("ab", "a", "b", 2), Request("cd", "c", "d", 1), Request("ac", "a", "c", 3)],
        "n_slots": 4,
        "tables": 2,
        "breaks": frozenset({2}),
        "locked": (),
    }
    spec.update(changes)
    return ScheduleProblem(**spec)  # type: ignore[arg-type]


# (invalid changes, the code it raises, the valid boundary next to it)
CASES = [
    pytest.param({"n_slots": 0}, "no_slots", {"n_slots": 3}, id="slot-count-0"),
    pytest.param(
        {"n_slots": -2}, "no_slots", {"n_slots": 1, "breaks": frozenset()}, id="slot-count-negative"
    ),
    pytest.param({"tables": 0}, "no_tables", {"tables": 1}, id="table-count-0"),
    pytest.param({"tables": -1}, "no_tables", {"tables": 1}, id="table-count-negative"),
    pytest.param({"tables": [1, 1, 0, -1]}, "no_tables", {"tables": [1, 1, 0, 1]}, id="per-slot-negative"),
    pytest.param({"tables": [1, 0, 0, 1]}, "no_tables", {"tables": [1, 3, 0, 1]}, id="per-slot-0-not-break"),
    pytest.param({"tables": [1, 1, 1]}, "tables_length", {"tables": [1, 1, 1, 1]}, id="per-slot-length"),
    pytest.param(
        {"breaks": frozenset({4})}, "slot_out_of_range", {"breaks": frozenset({3})}, id="break-range"
    ),
    pytest.param(
        {"breaks": frozenset(range(4))}, "only_breaks", {"breaks": frozenset(range(3))}, id="all-breaks"
    ),
    pytest.param(
        {"participants": [*PEOPLE, Participant("a")]},
        "duplicate_participant",
        {"participants": [*PEOPLE, Participant("e")]},
        id="duplicate-participant",
    ),
    pytest.param(
        {"participants": [*PEOPLE, Participant("e", frozenset({4}))]},
        "slot_out_of_range",
        {"participants": [*PEOPLE, Participant("e", frozenset({3}))]},
        id="unavailable-range",
    ),
    pytest.param(
        {"requests": [Request("aa", "a", "a")]},
        "self_request",
        {"requests": [Request("aa", "a", "b")]},
        id="request-to-oneself",
    ),
    pytest.param(
        {"requests": [Request("ab", "a", "b"), Request("ba", "b", "a")]},
        "duplicate_request",
        {"requests": [Request("ab", "a", "b"), Request("bc", "b", "c")]},
        id="duplicate-pair",
    ),
    pytest.param(
        {"requests": [Request("ab", "a", "b"), Request("ab", "c", "d")]},
        "duplicate_request_id",
        {"requests": [Request("ab", "a", "b"), Request("cd", "c", "d")]},
        id="duplicate-request-id",
    ),
    pytest.param(
        {"requests": [Request("ax", "a", "x")]},
        "unknown_participant",
        {"requests": [Request("ad", "a", "d")]},
        id="unknown-participant",
    ),
    pytest.param(
        {"requests": [Request("ab", "a", "b", 0)]},
        "weight_out_of_range",
        {"requests": [Request("ab", "a", "b", 1)]},
        id="weight-0",
    ),
    pytest.param(
        {"requests": [Request("ab", "a", "b", 4)]},
        "weight_out_of_range",
        {"requests": [Request("ab", "a", "b", 3)]},
        id="weight-4",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 2, 0)]},
        "locked_in_break",
        {"locked": [LockedMeeting("ab", 1, 0)]},
        id="locked-in-break",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 0, 0)]},
        "locked_unavailable",
        {"locked": [LockedMeeting("ab", 3, 0)]},
        id="locked-unavailable",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 1, 0), LockedMeeting("ac", 1, 1)]},
        "locked_collision",
        {"locked": [LockedMeeting("ab", 1, 0), LockedMeeting("ac", 3, 1)]},
        id="locked-same-person",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 1, 0), LockedMeeting("cd", 1, 0)]},
        "locked_collision",
        {"locked": [LockedMeeting("ab", 1, 0), LockedMeeting("cd", 1, 1)]},
        id="locked-same-table",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 1, 2)]},
        "table_out_of_range",
        {"locked": [LockedMeeting("ab", 1, 1)]},
        id="locked-table-range",
    ),
    pytest.param(
        {"locked": [LockedMeeting("zz", 1, 0)]},
        "unknown_request",
        {"locked": [LockedMeeting("cd", 1, 0)]},
        id="locked-unknown-request",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 4, 0)]},
        "slot_out_of_range",
        {"locked": [LockedMeeting("ab", 3, 0)]},
        id="locked-slot-range",
    ),
    pytest.param(
        {"locked": [LockedMeeting("ab", 1, 0), LockedMeeting("ab", 3, 0)]},
        "locked_twice",
        {"locked": [LockedMeeting("ab", 1, 0)]},
        id="locked-twice",
    ),
]


@pytest.mark.parametrize(("invalid", "code", "valid"), CASES)
def test_invalid_input_is_refused_and_its_boundary_accepted(
    invalid: dict[str, object], code: str, valid: dict[str, object]
) -> None:
    with pytest.raises(InvalidProblem) as caught:
        build(**invalid)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    assert str(caught.value)
    build(**valid)


def test_compiled_arrays_mark_breaks_and_unavailable_slots() -> None:
    data = build().compiled
    assert data.available.shape == (4, 4)
    assert not data.available[:, 2].any()
    assert not data.available[1, 0]
    assert data.capacity.tolist() == [2, 2, 0, 2]
    assert data.break_mask == 0b100


def test_per_slot_tables_are_kept() -> None:
    problem = build(tables=[1, 3, 0, 2])
    assert [problem.table_count(t) for t in range(4)] == [1, 3, 0, 2]
