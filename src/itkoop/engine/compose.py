"""Exact composition of joint offers: which solutions of which companies cover a need, linked by standards.

The pipeline for one need (each step exact; see search.py for the search and the certificate):

1. Candidates: solutions offering a required capability, of companies passing the hub/label filters, with
   their quality g(s) (objective.py) and the standards that can link two required capabilities at all.
2. Reductions that keep every top-K value: a small slice (best solutions per capability, best companies per
   coverage pattern) is searched first, and every company whose upper bound cannot beat the slice's K-th
   bundle is dropped; a solution dominated by another of its company is dropped; a solution beyond the K
   best that are interchangeable with it (alone in their company, same capability, superset of standards)
   is dropped.
3. Columns (ways a company can take part) and a K-best branch and bound over them (distinct company sets).
4. A MILP certificate (HiGHS) over every column that could be part of a strictly
   better bundle checks the best one. ``optimal`` is true only when the search ran to completion (the
   branch and bound is exact) or, for a search that was stopped, HiGHS proved it and the search stopped
   with nothing left that could enter the top K. A need of a few capabilities is solved in tens of
   milliseconds at 100,000 solutions.

With a time budget the answer is anytime: a broad need (eight or ten capabilities at 100,000 solutions can
take minutes to prove) returns within about the budget with the best bundles found, ``optimal`` false and
``stats.bound``, an upper bound of the best bundle's objective (the unexplored part of the search tree, or
HiGHS's dual bound, whichever is lower).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from scipy import sparse

from .baseline import greedy_bundle
from .catalog import Catalog, CatalogError
from .correct import MAX_REQUIRED_STANDARDS
from .existing import existing_systems
from .explain import explain_bundle
from .need import MAX_NEED_CAPABILITIES as MAX_CAPABILITIES
from .need import Need, NeedAnalysis
from .objective import MatchParams, Weights, allowed, bundle_objective, linking_standard, solution_quality
from .ranking import order_bundles
from .results import Bundle, Link, MatchResult, MatchStats, SolutionUse
from .search import _min_covers, build_columns, certify, k_best

__all__ = ["compose_bundles"]

# Shares of a time budget: the exact reductions' own small search may use the first part; the main search
# stops at the second once it has a bundle, at the third in any case; the certificate may run until the
# fourth, on at most _BUDGET_CERTIFY_COLUMNS columns; the rest is for writing the answer.
_SLICE_SHARE = 0.2
_SEARCH_SHARE = 0.75
_SEARCH_HARD_SHARE = 0.85
_CERTIFY_SHARE = 0.9
_BUDGET_CERTIFY_COLUMNS = 1000


def compose_bundles(
    need: Need,
    catalog: Catalog,
    *,
    top_k: int = 5,
    params: MatchParams | None = None,
    lang: str = "de",
    analysis: NeedAnalysis | None = None,
    budget_s: float | None = None,
) -> MatchResult:
    """The ``top_k`` best distinct bundles (distinct company sets) for ``need``, best first.

    Raises CatalogError for a capability, must standard or customer company the catalog does not know; an
    unsatisfiable need is a status ("infeasible"; "standard_unmet" when solutions cover the need but no
    bundle speaks every one of ``need.required_standards``), not an exception. When some capability cannot
    be covered at all, the bundles are the best partial ones with ``uncovered`` listed. Must standards are a
    hard constraint (correct.py): a bundle speaking them that covers less ranks above none.

    ``budget_s`` (seconds, None for no limit) stops the search in time: the result then holds the best
    bundles found, status "feasible", ``stats.optimal`` false unless they were proven anyway, and
    ``stats.bound``/``stats.bound_score``, how good the best bundle could at most be.
    """
    started = time.perf_counter()
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, not {top_k}")
    if budget_s is not None and not budget_s > 0:
        raise ValueError(f"budget_s must be positive, not {budget_s}")

    def until(share: float) -> float | None:
        return None if budget_s is None else started + share * budget_s

    def time_left(share: float, cap: float) -> float:
        end = until(share)
        return cap if end is None else max(min(cap, end - time.perf_counter()), 0.01)

    params = params or MatchParams()
    for cap in need.capabilities:
        if cap not in catalog.taxonomy.capabilities:
            raise CatalogError(f"unknown capability {cap!r}")
    for std in need.required_standards:
        if std not in catalog.taxonomy.standards:
            raise CatalogError(f"unknown standard {std!r}")
    if len(need.required_standards) > MAX_REQUIRED_STANDARDS:
        raise ValueError(
            f"at most {MAX_REQUIRED_STANDARDS} standards can be a must, not {len(need.required_standards)}"
        )
    if need.customer_company_id is not None:
        catalog.company(need.customer_company_id)

    def result(
        bundles: list[Bundle],
        status: str,
        candidates: int,
        nodes: int,
        columns: int,
        unmet: tuple[str, ...] = (),
        **bound: Any,
    ) -> MatchResult:
        stats = MatchStats(
            candidates=candidates,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
            optimal=status in ("optimal", "infeasible", "no_capabilities", "standard_unmet"),
            nodes=nodes,
            columns=columns,
            **bound,
        )
        return MatchResult(
            need, bundles, stats, status, analysis, unmet_standards=unmet, unreachable_existing=unreachable
        )

    systems = existing_systems(need.capabilities, _existing(need, analysis), catalog)
    unreachable = tuple(s.id for s in systems if s.unreachable)

    if not need.capabilities:
        return result([], "no_capabilities", 0, 0, 0)
    if len(need.capabilities) > MAX_CAPABILITIES:
        raise ValueError(
            f"a need may name at most {MAX_CAPABILITIES} capabilities, not {len(need.capabilities)}"
        )
    problem = _Problem.build(need, catalog, params, top_k, deadline=until(_SLICE_SHARE))
    if problem is None:
        return result([], "infeasible", 0, 0, 0, unmet=need.required_standards)
    unspoken = problem.unspoken()
    if unspoken:  # a must standard no candidate speaks: no bundle can, nothing to search
        return result([], "standard_unmet", len(problem.rows), 0, 0, unmet=unspoken)
    cols = build_columns(problem)
    outcome = k_best(
        problem,
        cols,
        top_k,
        params.node_limit,
        deadline=until(_SEARCH_SHARE),
        # however long the preparation took, the search may dive for a first bundle for a tenth of the budget
        hard_deadline=None if budget_s is None else max(until(_SEARCH_HARD_SHARE), _dive_until(budget_s)),
    )
    found, bound = outcome.bundles, outcome.bound
    first_proven = outcome.complete
    max_columns = None if budget_s is None else _BUDGET_CERTIFY_COLUMNS
    if not found and not outcome.complete:
        # stopped before any bundle: the MILP may find the best one in the time left, else take greedy's
        cert = certify(
            problem, cols, (-np.inf, []), time_left(_CERTIFY_SHARE, params.time_limit), max_columns
        )
        bound = min(bound, cert.bound)
        if cert.columns:
            found, first_proven = [(cert.value, cert.columns)], cert.proven
        else:
            nodes = outcome.nodes
            return _greedy_result(
                need, catalog, params, problem, lang, analysis, bound, result, nodes, len(cols)
            )
    if not found:  # the search was complete: with candidates, only the must standards leave no bundle
        status = "standard_unmet" if need.required_standards else "infeasible"
        return result([], status, len(problem.rows), outcome.nodes, len(cols))
    best_cover = _popcount_cols(cols, found[0][1])
    found = [f for f in found if _popcount_cols(cols, f[1]) == best_cover]
    # with a complete search the certificate is a cross-check (within the budget); otherwise it may prove
    # the best bundle, find a better one or lower the bound
    check_columns = max_columns
    if outcome.complete and (need.required_standards or need.existing) and check_columns is None:
        # a must standard makes the best bundle worse than many unconstrained ones, so the cross-check's
        # MILP would hold thousands of columns (seconds) to confirm what the complete search proved; the
        # connection to existing systems loosens the columns' bounds likewise (their best parts of quality
        # rarely come together), hundreds of milliseconds at 100,000 solutions
        check_columns = _BUDGET_CERTIFY_COLUMNS
    cert = certify(problem, cols, found[0], time_left(_CERTIFY_SHARE, params.time_limit), check_columns)
    if cert.value > found[0][0] + 1e-6:
        if outcome.complete:  # cannot happen when the search is exact; never hide it
            raise RuntimeError(f"search missed a better bundle ({cert.value} > {found[0][0]})")
        # the search stopped early: the certificate's bundle is better than any it found
        companies = set(cols.company[cert.columns].tolist())
        found = [
            (cert.value, cert.columns),
            *[f for f in found if set(cols.company[f[1]].tolist()) != companies],
        ][:top_k]
        best_cover = _popcount_cols(cols, cert.columns)
        found = [f for f in found if _popcount_cols(cols, f[1]) == best_cover]
        first_proven = cert.proven
    else:
        first_proven = first_proven or cert.proven
    if not outcome.complete:
        bound = min(bound, cert.bound)
    bound = max(bound, found[0][0])  # bounds are never below a bundle found (guards rounding)
    bundles = []
    for rank, (_, columns) in enumerate(found, start=1):
        ids = {
            problem.caps[k]: problem.solution_id(int(cols.member[c, k]))
            for c in columns
            for k in range(len(problem.caps))
            if cols.member[c, k] >= 0
        }
        objective = bundle_objective(need, catalog, ids, params)
        if objective is None:  # the search and the checker disagree: a bug, never silently report it
            raise RuntimeError(f"composed an invalid bundle {ids!r}")
        bundles.append(_bundle(problem, ids, rank, objective, problem.weights, False))
    # equal objectives in the order of the stated tie rule; a bundle tied with a proven first one is proven
    # too (nothing is better than either)
    bundles = _explained(
        order_bundles(bundles, catalog, need, _existing(need, analysis)),
        problem,
        analysis,
        lang,
        proven=lambda b: outcome.complete or (b.rank == 1 and first_proven),
    )
    # all top K are exact only after a complete search (a proven first bundle says nothing of the others)
    status = "optimal" if outcome.complete else "feasible"
    if status == "optimal":
        bound = bundles[0].objective
    return result(
        bundles, status, len(problem.rows), outcome.nodes, len(cols), **_bound_stats(bound, problem.weights)
    )


def _dive_until(budget_s: float) -> float:
    return time.perf_counter() + 0.1 * budget_s


def _bound_stats(bound: float, weights: Weights) -> dict[str, float | None]:
    if not np.isfinite(bound):
        return {"bound": None, "bound_score": None}
    # no bundle exceeds the ideal (objective.Weights.ideal), so neither does a bound worth reporting
    return {"bound": float(bound), "bound_score": round(min(max(bound, 0.0) / weights.ideal(), 1.0), 4)}


def _greedy_result(
    need, catalog, params, problem, lang, analysis, bound, result, nodes, columns
) -> MatchResult:
    """The search and the certificate found no bundle in the time they had: greedy's bundle, not proven."""
    ids, objective = greedy_bundle(need, catalog, params)
    if objective is None:
        stats = _bound_stats(bound, problem.weights)
        return result([], "feasible", len(problem.rows), nodes, columns, **stats)
    bundle = _explained(
        [_bundle(problem, ids, 1, objective, problem.weights, False)],
        problem,
        analysis,
        lang,
        lambda b: False,
    )[0]
    stats = _bound_stats(max(bound, objective), problem.weights)
    return result([bundle], "feasible", len(problem.rows), nodes, columns, **stats)


def _popcount_cols(cols, columns: list[int]) -> int:
    return sum(bin(int(cols.mask[c])).count("1") for c in columns)


# -- problem data ------------------------------------------------------------------------------------------


@dataclass
class _Problem:
    need: Need
    catalog: Catalog
    params: MatchParams
    weights: Weights
    caps: list[str]
    pairs: list[tuple[int, int]]
    rows: np.ndarray  # candidate -> catalog solution row
    tmask: np.ndarray  # candidate -> bit mask of the required capabilities it offers
    g: np.ndarray  # candidate -> quality
    comp: np.ndarray  # candidate -> local company
    alive: np.ndarray  # candidate not dominated by another solution of its company
    P: np.ndarray  # candidate x relevant standard: provides
    Q: np.ndarray  # candidate x relevant standard: consumes
    company_rows: np.ndarray  # local company -> catalog company row
    coop_bound: np.ndarray  # local company -> upper bound of its cooperation bonuses
    customer: np.ndarray  # local company -> worked with the customer before
    coop_pairs: list[tuple[int, int]]
    # candidate -> bit mask of the need's required standards it provides or consumes; all bits together
    smask: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    required: int = 0

    @classmethod
    def build(
        cls, need: Need, catalog: Catalog, params: MatchParams, top_k: int = 5, deadline: float | None = None
    ) -> _Problem | None:
        idx = catalog.index
        caps = list(need.capabilities)
        lists = [idx.by_capability[c] for c in caps if c in idx.by_capability]
        if not lists:
            return None
        rows = np.unique(np.concatenate(lists))
        crow = idx.company_row[rows]
        keep = allowed(need, catalog, rows)
        rows, crow = rows[keep], crow[keep]
        if len(rows) == 0:
            return None
        tmask = np.zeros(len(rows), dtype=np.int64)
        for k, cap in enumerate(caps):
            if cap in idx.by_capability:
                tmask |= np.isin(rows, idx.by_capability[cap]).astype(np.int64) << k
        g = solution_quality(need, catalog, rows, params)
        company_rows, comp = np.unique(crow, return_inverse=True)
        tax = catalog.taxonomy
        pairs = [
            (a, b)
            for a in range(len(caps))
            for b in range(a + 1, len(caps))
            if tax.must_exchange(caps[a], caps[b])
        ]
        p_full = idx.provides_matrix[rows]
        q_full = idx.consumes_matrix[rows]
        any_p, any_q = {}, {}
        for k in {k for pair in pairs for k in pair}:
            m = (tmask >> k) & 1 == 1
            any_p[k] = np.asarray(p_full[m].sum(axis=0)).ravel() > 0
            any_q[k] = np.asarray(q_full[m].sum(axis=0)).ravel() > 0
        relevant = np.zeros(p_full.shape[1], dtype=bool)
        for a, b in pairs:
            relevant |= (any_p[a] & any_q[b]) | (any_p[b] & any_q[a])
        # must standards count in dominance too: a solution speaking one is not interchangeable with one
        # that does not
        smask = np.zeros(len(rows), dtype=np.int64)
        for j, std in enumerate(need.required_standards):
            col = idx.standard_col.get(std)
            if col is not None:
                relevant[col] = True
                speaks = np.asarray(p_full[:, col].sum(axis=1) + q_full[:, col].sum(axis=1)).ravel() > 0
                smask |= speaks.astype(np.int64) << j
        cols = np.flatnonzero(relevant)
        P = p_full[:, cols].toarray().astype(bool)
        Q = q_full[:, cols].toarray().astype(bool)
        alive = np.ones(len(rows), dtype=bool)
        n_comp = len(company_rows)
        weights = Weights.for_need(need, params, catalog)
        sub = sparse.triu(idx.cooperation_matrix[company_rows][:, company_rows], k=1).tocoo()
        coop_pairs = set(zip(sub.row.tolist(), sub.col.tolist(), strict=True))
        customer = np.zeros(n_comp, dtype=bool)
        if need.customer_company_id is not None:
            partners = catalog.partners_of.get(need.customer_company_id, frozenset())
            prow = np.array(sorted(idx.company_index[p] for p in partners), dtype=np.int64)
            at = np.searchsorted(company_rows, prow)
            inside = (at < n_comp) & (company_rows[np.minimum(at, n_comp - 1)] == prow)
            customer[at[inside]] = True
        degree = np.zeros(n_comp)
        for a, b in coop_pairs:
            degree[a] += 1
            degree[b] += 1
        m_max = min(len(caps), need.max_partners or len(caps))
        coop_bound = params.coop_bonus * np.minimum(degree, m_max - 1) + params.customer_bonus * customer
        pb = cls(
            need, catalog, params, weights, caps, pairs, rows, tmask, g, comp, alive, P, Q, company_rows,
            coop_bound, customer, sorted(coop_pairs), smask, (1 << len(need.required_standards)) - 1,
        )  # fmt: skip
        pb.reduce(top_k, degree, deadline)
        return pb

    def reduce(self, top_k: int, degree: np.ndarray, deadline: float | None = None) -> None:
        """Exact reductions before the search: companies that cannot reach the top K, solutions dominated
        within their company, interchangeable solutions beyond the K best (each keeps every top-K value).
        The first needs a small search of its own; past ``deadline`` it is skipped (still exact)."""
        _drop_hopeless_companies(self, top_k, degree, deadline)
        alive = self.alive
        idx = np.flatnonzero(alive)
        sub = _undominated(self.comp[idx], self.tmask[idx], self.g[idx], self.P[idx], self.Q[idx])
        alive[idx[~sub]] = False
        cap_w = np.array([self.weights.capability[c] for c in self.caps])
        customer = self.customer * self.params.customer_bonus
        alive &= _interchangeable_kept(
            self.comp, self.tmask, self.g, self.P, self.Q, alive, degree, customer, cap_w, top_k
        )

    def unspoken(self) -> tuple[str, ...]:
        """The required standards no candidate provides or consumes."""
        spoken = int(np.bitwise_or.reduce(self.smask)) if len(self.smask) else 0
        return tuple(s for j, s in enumerate(self.need.required_standards) if not (spoken >> j) & 1)

    def solution_id(self, cand: int) -> str:
        return self.catalog.index.solution_ids[int(self.rows[cand])]

    def company_of(self, cand: int) -> str:
        return self.catalog.index.company_ids[int(self.company_rows[self.comp[cand]])]


def _drop_hopeless_companies(
    pb: _Problem,
    top_k: int,
    degree: np.ndarray,
    deadline: float | None = None,
    per_cap: int = 24,
    per_pattern: int = 6,
):
    """Drop every company whose best possible bundle cannot beat the K-th best bundle of a small slice.

    The slice (the best candidates per capability and the best companies per coverage pattern) is searched
    first; its K-th best bundle is a real one, so a company whose upper bound is not above it can never be
    part of the top K. The bound: the company's best column, the best contributions of the capabilities it
    leaves open, the fewest further companies to cover them, and every cooperation pair that could pay.
    """
    if len(pb.rows) < pb.params.prefilter_from:
        return
    K, w = len(pb.caps), pb.weights
    n_comp = len(pb.company_rows)
    cap_w = np.array([w.capability[c] for c in pb.caps])
    alive = pb.alive
    pattern = np.zeros(n_comp, dtype=np.int64)
    np.bitwise_or.at(pattern, pb.comp[alive], pb.tmask[alive])
    gbest = np.full((n_comp, K), -np.inf)
    for k in range(K):
        m = alive & ((pb.tmask >> k) & 1 == 1)
        np.maximum.at(gbest[:, k], pb.comp[m], pb.g[m])
    kappa = (np.where(np.isfinite(gbest), gbest, 0.0) * cap_w).sum(axis=1)
    in_slice = np.zeros(n_comp, dtype=bool)
    for k in range(K):
        m = np.flatnonzero(alive & ((pb.tmask >> k) & 1 == 1))
        in_slice[pb.comp[m[np.argsort(-pb.g[m], kind="stable")[:per_cap]]]] = True
    multi = np.flatnonzero((pattern & (pattern - 1)) != 0)
    for pat in np.unique(pattern[multi]).tolist():
        group = multi[pattern[multi] == pat]
        in_slice[group[np.argsort(-kappa[group], kind="stable")[:per_pattern]]] = True
    sub = replace(pb, alive=alive & in_slice[pb.comp])
    sub_cols = build_columns(sub)
    found = k_best(sub, sub_cols, top_k, pb.params.node_limit, deadline=deadline, hard_deadline=deadline)
    if len(found.bundles) < top_k or not found.complete:
        return
    theta = found.bundles[-1][0]
    customer = pb.params.customer_bonus * pb.customer
    contribution = w.big_a + cap_w[None, :] * gbest + customer[:, None]
    best = np.where(np.isfinite(gbest), contribution, -np.inf).max(axis=0)
    coverable = int(np.bitwise_or.reduce(pattern))
    fmin = _min_covers(sorted(set(pattern[pattern > 0].tolist())), K)
    ub = np.full(n_comp, -np.inf)
    for m in range(1, 1 << K):
        has = (pattern & m) == m
        if not has.any():
            continue
        rest = coverable & ~m
        f = fmin[rest] if np.isfinite(fmin[rest]) else 0
        rest_value = sum(best[k] for k in range(K) if (rest >> k) & 1) - w.big_b * f
        bits = [k for k in range(K) if (m >> k) & 1]
        own = w.big_a * len(bits) - w.big_b + (gbest[has][:, bits] * cap_w[bits]).sum(axis=1) + customer[has]
        coop = pb.params.coop_bonus * (f * (f - 1) / 2 + np.minimum(degree[has], f)) if pb.coop_pairs else 0.0
        ub[has] = np.maximum(ub[has], own + rest_value + coop)
    keep = ub > theta + 1e-7
    for _, columns in found.bundles:  # the slice's own top K stay, so ties at the K-th value survive
        for c in columns:
            keep[int(sub_cols.company[c])] = True
    pb.alive &= keep[pb.comp]


def _undominated(
    comp: np.ndarray, tmask: np.ndarray, g: np.ndarray, P: np.ndarray, Q: np.ndarray
) -> np.ndarray:
    """Drop a solution when another of the same company covers, provides and consumes at least as much and
    is at least as good (exact: swapping it in keeps every bundle valid and no worse)."""
    alive = np.ones(len(comp), dtype=bool)
    counts = np.bincount(comp)
    several = np.flatnonzero(counts[comp] > 1)
    groups: dict[int, list[int]] = {}
    for i in several.tolist():
        groups.setdefault(int(comp[i]), []).append(i)
    for group in groups.values():
        for a in group:
            for b in group:
                if a == b or not alive[a] or not alive[b] or tmask[a] & tmask[b] != tmask[b] or g[a] < g[b]:
                    continue
                if np.all(P[a] >= P[b]) and np.all(Q[a] >= Q[b]):
                    strict = tmask[a] != tmask[b] or g[a] > g[b] or np.any(P[a] > P[b]) or np.any(Q[a] > Q[b])
                    if strict or a < b:
                        alive[b] = False
    return alive


def _pack(bits: np.ndarray) -> np.ndarray | None:
    if bits.shape[1] > 63:
        return None
    return (bits.astype(np.int64) << np.arange(bits.shape[1], dtype=np.int64)).sum(axis=1)


def _interchangeable_kept(
    comp, tmask, g, P, Q, alive, degree, customer_bonus, cap_w, top_k, n_dominators=256
):
    """Which solutions can still be part of a top-K bundle (exact pruning of interchangeable ones).

    A solution that is its company's only candidate, offers a single required capability and has no
    cooperation partner among the candidates can be dropped when K other such "simple" solutions for the
    same capability are at least as good and provide and consume at least its standards: in any bundle it
    can be swapped for each of them, which gives K distinct bundles that are at least as good.
    """
    keep = np.ones(len(comp), dtype=bool)
    p_sig, q_sig = _pack(P), _pack(Q)
    if p_sig is None or q_sig is None:
        return keep
    counts = np.bincount(comp[alive], minlength=len(degree))
    simple = alive & (counts[comp] == 1) & ((tmask & (tmask - 1)) == 0)
    for k in range(len(cap_w)):
        idx = np.flatnonzero(simple & ((tmask >> k) & 1 == 1))
        if len(idx) <= top_k:
            continue
        key = cap_w[k] * g[idx] + customer_bonus[comp[idx]]
        order = idx[np.lexsort((idx, -key))]
        dominators = order[:n_dominators]
        dp, dq = p_sig[dominators], q_sig[dominators]
        rank = np.arange(len(dominators))
        droppable = np.flatnonzero(degree[comp[order]] == 0)
        for start in range(0, len(droppable), 2048):
            pos = droppable[start : start + 2048]
            cand = order[pos]
            covers = ((p_sig[cand][:, None] & ~dp[None, :]) == 0) & (
                (q_sig[cand][:, None] & ~dq[None, :]) == 0
            )
            count = (covers & (rank[None, :] < pos[:, None])).sum(axis=1)
            keep[cand[count >= top_k]] = False
    return keep


def _existing(need: Need, analysis: NeedAnalysis | None) -> tuple[str, ...]:
    """The systems the customer already runs (capability ids): the need's (they count in the objective,
    objective.py) and the analysis' (need_from_text makes them the need's); the explanation reports on
    them and they are the first key of the tie rule."""
    from_text = tuple(h.id for h in analysis.existing) if analysis is not None else ()
    return tuple(dict.fromkeys((*need.existing, *from_text)))


def _explained(bundles: list[Bundle], pb: _Problem, analysis, lang: str, proven) -> list[Bundle]:
    """The bundles, in their final order, with ``proven`` set and explained (each after the one above it)."""
    out: list[Bundle] = []
    for bundle in bundles:
        bundle = replace(bundle, proven=bool(proven(bundle)))
        text = explain_bundle(
            bundle,
            pb.catalog,
            pb.need,
            lang,
            existing=_existing(pb.need, analysis),
            above=out[-1] if out else None,
            params=pb.params,
            left_out=analysis.beyond_limit if analysis is not None else (),
        )
        out.append(replace(bundle, explanation=text))
    return out


def _bundle(
    pb: _Problem, ids: dict[str, str], rank: int, objective: float, weights: Weights, proven: bool
) -> Bundle:
    catalog, need = pb.catalog, pb.need
    per_solution: dict[str, list[str]] = {}
    for cap in pb.caps:
        if cap in ids:
            per_solution.setdefault(ids[cap], []).append(cap)
    uses = tuple(SolutionUse(s, catalog.solutions[s].company_id, tuple(cs)) for s, cs in per_solution.items())
    companies = tuple(dict.fromkeys(u.company for u in uses))
    links: dict[frozenset[str], Link] = {}
    for k1, k2 in pb.pairs:
        c1, c2 = pb.caps[k1], pb.caps[k2]
        if c1 not in ids or c2 not in ids or ids[c1] == ids[c2]:
            continue
        key = frozenset((ids[c1], ids[c2]))
        if key not in links:
            found = linking_standard(catalog, ids[c1], ids[c2], need.standards)
            if found is None:
                raise RuntimeError(f"no standard links {ids[c1]!r} and {ids[c2]!r}")
            links[key] = Link(*found)
    uncovered = tuple(c for c in pb.caps if c not in ids)
    quality = objective - weights.big_a * len(ids) + weights.big_b * len(companies)
    score = round(min(max(objective, 0.0) / weights.ideal(), 1.0), 4)
    return Bundle(
        rank=rank,
        score=score,
        objective=objective,
        quality=round(quality, 6),
        companies=companies,
        solutions=uses,
        links=tuple(links.values()),
        uncovered=uncovered,
        explanation="",
        proven=proven,
    )
