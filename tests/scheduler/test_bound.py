"""The b-matching bound: the LP when its optimum is integral, the integer program for a fractional one."""

from __future__ import annotations

import numpy as np

from itkoop.scheduler import Participant, Request, ScheduleProblem
from itkoop.scheduler.bound import b_matching_bound


def triangle(weight: int) -> ScheduleProblem:
    """Three people, one slot, everyone wants to meet everyone: the LP meets each pair half (1.5 meetings),
    only one pair can meet."""
    people = [Participant(x) for x in "abc"]
    requests = [Request(a + b, a, b, weight) for a, b in ("ab", "bc", "ac")]
    return ScheduleProblem(people, requests, n_slots=1, tables=3)


def test_integral_lp_optimum_is_the_bound_without_an_integer_program() -> None:
    people = [Participant(x) for x in "abcd"]
    requests = [Request("ab", "a", "b", 3), Request("cd", "c", "d", 2), Request("ac", "a", "c", 1)]
    problem = ScheduleProblem(people, requests, n_slots=1, tables=5)

    relax = b_matching_bound(problem.compiled, milp_limit=0)

    assert (relax.bound, relax.exact) == (5, True)
    assert relax.selection.tolist() == [True, True, False]


def test_fractional_lp_optimum_goes_on_to_the_integer_program() -> None:
    relax = b_matching_bound(triangle(3).compiled)

    assert (relax.bound, relax.exact) == (3, True)  # the LP says 4.5
    assert int(relax.selection.sum()) == 1


def test_above_the_milp_limit_the_lp_bound_holds() -> None:
    relax = b_matching_bound(triangle(3).compiled, milp_limit=2)

    assert (relax.bound, relax.exact) == (4, False)  # floor(4.5): valid, not tight
    assert isinstance(relax.selection, np.ndarray)
