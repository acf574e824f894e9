"""The certificate's MILP solver (HiGHS's own bindings) against enumeration of small binary programs."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from itkoop.engine.search import _solve_binary

# row bounds as the certificate writes them: a lower bound or -inf, an upper bound or inf
LOWER = st.sampled_from([-np.inf, -1.0, 0.0, 1.0, 2.0])
UPPER = st.sampled_from([-1.0, 0.0, 1.0, 2.0, np.inf])


@st.composite
def programs(draw):
    n = draw(st.integers(1, 6))
    m = draw(st.integers(1, 4))
    c = np.array(draw(st.lists(st.integers(-5, 5), min_size=n, max_size=n)), dtype=float)
    a = np.array(draw(st.lists(st.integers(-2, 2), min_size=n * m, max_size=n * m)), dtype=float)
    lower = np.array(draw(st.lists(LOWER, min_size=m, max_size=m)))
    upper = np.array([max(lo, draw(UPPER)) for lo in lower])
    return c, a.reshape(m, n), lower, upper


@settings(max_examples=200, deadline=None)
@given(programs())
def test_the_optimum_or_no_solution_as_enumeration_finds(program):
    c, a, lower, upper = program
    points = np.array(list(itertools.product((0.0, 1.0), repeat=len(c))))
    rows = points @ a.T
    feasible = points[((rows >= lower) & (rows <= upper)).all(axis=1)]
    result = _solve_binary(c, sparse.csc_matrix(a), lower, upper, time_limit=10.0)
    if len(feasible) == 0:
        assert result.x is None and result.dual is None and not result.optimal
        return
    best = float((feasible @ c).min())
    assert result.optimal
    assert abs(result.fun - best) < 1e-9 and abs(result.dual - best) < 1e-6
    x = np.round(result.x)
    assert set(x.tolist()) <= {0.0, 1.0}
    assert float(x @ c) == best
    assert np.all(a @ x >= lower) and np.all(a @ x <= upper)
