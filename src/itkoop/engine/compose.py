"""Exact composition of joint offers: which solutions of which companies cover a need, linked by standards.

Model (maximised, see objective.py): binary y[r, s] "solution s covers capability r", z[c] "company c takes
part", p[c, d] "cooperating companies c and d both take part". Each capability is covered at most once; a
company takes part iff one of its solutions covers something; for every pair of capabilities r1, r2 that
must exchange data, the solutions covering them are the same or share a standard (one provides what the
other consumes) — written as one conflict row per (pair, solution): y[r1, s] + Σ_{t not linkable with s}
y[r2, t] <= 1. Solved with HiGHS (scipy.optimize.milp); K distinct bundles by no-good cuts on company sets.

Why it is fast and still exact (a decomposition over coverage patterns): candidates are grouped by the
set of required capabilities their company can cover. Each group keeps only its best few companies (and,
for every standard that can link two required capabilities, its best provider and consumer); the rest of
a group is replaced by one *virtual* company whose solutions carry the union of their standards, the best
quality among them and free links to each other. Every bundle that uses a left-out company maps onto a
bundle with the virtual one that is at least as good, so the restricted model with virtual companies is a
relaxation: if its optimum uses no virtual company, that optimum is optimal for the whole catalog. If it
does use one, the group is refined (more companies, chosen by what the virtual one linked to) and the
model is solved again. ``optimal`` is reported only when HiGHS proved the final model optimal.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .catalog import Catalog, CatalogError
from .explain import explain_bundle
from .need import Need, NeedAnalysis
from .objective import MatchParams, Weights, bundle_objective, linking_standard, solution_quality
from .results import Bundle, Link, MatchResult, MatchStats, SolutionUse

__all__ = ["compose_bundles"]

_TOL = 1e-6


def compose_bundles(
    need: Need,
    catalog: Catalog,
    *,
    top_k: int = 5,
    params: MatchParams | None = None,
    lang: str = "de",
    analysis: NeedAnalysis | None = None,
) -> MatchResult:
    """The ``top_k`` best distinct bundles (distinct company sets) for ``need``, best first.

    Raises CatalogError for a capability or customer company the catalog does not know; an unsatisfiable
    need is a status ("infeasible"), not an exception. When some capability cannot be covered at all, the
    bundles are the best partial ones with ``uncovered`` listed.
    """
    started = time.perf_counter()
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, not {top_k}")
    params = params or MatchParams()
    for cap in need.capabilities:
        if cap not in catalog.taxonomy.capabilities:
            raise CatalogError(f"unknown capability {cap!r}")
    if need.customer_company_id is not None:
        catalog.company(need.customer_company_id)

    def result(bundles: list[Bundle], status: str, candidates: int, search: _Search | None) -> MatchResult:
        stats = MatchStats(
            candidates=candidates,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
            optimal=status in ("optimal", "infeasible", "no_capabilities"),
            solves=search.solves if search else 0,
            model_solutions=search.model_size if search else 0,
            rounds=search.rounds if search else 0,
        )
        return MatchResult(need, bundles, stats, status, analysis)

    if not need.capabilities:
        return result([], "no_capabilities", 0, None)
    problem = _Problem.build(need, catalog, params)
    if problem is None:
        return result([], "infeasible", 0, None)
    search = _Search(problem)
    weights = problem.weights
    bundles: list[Bundle] = []
    all_proven = True
    min_covered: int | None = None
    for rank in range(1, top_k + 1):
        found = search.best(min_covered)
        if found is None:
            break
        assignment, proven = found
        if not assignment:
            break
        all_proven &= proven
        covered = len(assignment)
        min_covered = covered if min_covered is None else min_covered
        ids = {problem.caps[k]: problem.solution_id(i) for k, i in assignment.items()}
        objective = bundle_objective(need, catalog, ids, params)
        if objective is None:  # the model and the checker disagree: a bug, never silently report it
            raise RuntimeError(f"composed an invalid bundle {ids!r}")
        bundles.append(_bundle(problem, ids, rank, objective, weights, proven, lang))
        search.cut(frozenset(problem.company_of(i) for i in assignment.values()))
    status = "optimal" if all_proven else "feasible"
    if not bundles:
        status = "infeasible"
    return result(bundles, status, len(problem.rows), search)


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
    pattern: np.ndarray  # local company -> bit mask of required capabilities it can cover
    kappa: np.ndarray  # local company -> upper bound of its contribution to quality
    coop_bound: np.ndarray  # local company -> upper bound of its cooperation bonuses
    customer: np.ndarray  # local company -> worked with the customer before
    coop_pairs: list[tuple[int, int]]

    @classmethod
    def build(cls, need: Need, catalog: Catalog, params: MatchParams) -> _Problem | None:
        idx = catalog.index
        caps = list(need.capabilities)
        lists = [idx.by_capability[c] for c in caps if c in idx.by_capability]
        if not lists:
            return None
        rows = np.unique(np.concatenate(lists))
        crow = idx.company_row[rows]
        keep = np.ones(len(rows), dtype=bool)
        if need.hub:
            hubs = np.array([h == need.hub for h in idx.company_hub], dtype=bool)
            keep &= hubs[crow]
        if need.labels:
            wanted = frozenset(need.labels)
            ok = {c: wanted <= idx.company_labels[c] for c in np.unique(crow).tolist()}
            keep &= np.array([ok[c] for c in crow.tolist()], dtype=bool)
        if need.customer_company_id is not None:
            keep &= crow != idx.company_index[need.customer_company_id]
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
        cols = np.flatnonzero(relevant)
        P = p_full[:, cols].toarray().astype(bool)
        Q = q_full[:, cols].toarray().astype(bool)
        alive = _undominated(comp, tmask, g, P, Q)
        n_comp = len(company_rows)
        pattern = np.zeros(n_comp, dtype=np.int64)
        np.bitwise_or.at(pattern, comp[alive], tmask[alive])
        weights = Weights.for_need(need, params)
        best = np.full((n_comp, len(caps)), -np.inf)
        for k in range(len(caps)):
            m = alive & ((tmask >> k) & 1 == 1)
            np.maximum.at(best[:, k], comp[m], g[m])
        w = np.array([weights.capability[c] for c in caps])
        kappa = (np.where(np.isfinite(best), best, 0.0) * w).sum(axis=1)
        local = {int(r): i for i, r in enumerate(company_rows.tolist())}
        coop_pairs: set[tuple[int, int]] = set()
        for i, r in enumerate(company_rows.tolist()):
            for partner in catalog.partners_of.get(idx.company_ids[r], ()):
                j = local.get(idx.company_index[partner])
                if j is not None:
                    coop_pairs.add((min(i, j), max(i, j)))
        customer = np.zeros(n_comp, dtype=bool)
        if need.customer_company_id is not None:
            for partner in catalog.partners_of.get(need.customer_company_id, ()):
                j = local.get(idx.company_index[partner])
                if j is not None:
                    customer[j] = True
        degree = np.zeros(n_comp)
        for a, b in coop_pairs:
            degree[a] += 1
            degree[b] += 1
        m_max = min(len(caps), need.max_partners or len(caps))
        coop_bound = params.coop_bonus * np.minimum(degree, m_max - 1) + params.customer_bonus * customer
        kappa = kappa + coop_bound
        return cls(
            need, catalog, params, weights, caps, pairs, rows, tmask, g, comp, alive, P, Q, company_rows,
            pattern, kappa, coop_bound, customer, sorted(coop_pairs),
        )  # fmt: skip

    def solution_id(self, cand: int) -> str:
        return self.catalog.index.solution_ids[int(self.rows[cand])]

    def company_of(self, cand: int) -> str:
        return self.catalog.index.company_ids[int(self.company_rows[self.comp[cand]])]


def _undominated(
    comp: np.ndarray, tmask: np.ndarray, g: np.ndarray, P: np.ndarray, Q: np.ndarray
) -> np.ndarray:
    """Drop a solution when another of the same company covers, provides and consumes at least as much and is
    at least as good (exact: swapping it in keeps every bundle valid and no worse)."""
    alive = np.ones(len(comp), dtype=bool)
    order = np.argsort(comp, kind="stable")
    bounds = np.flatnonzero(np.diff(comp[order])) + 1
    for group in np.split(order, bounds):
        if len(group) < 2:
            continue
        for a in group:
            for b in group:
                if a == b or not alive[a] or not alive[b]:
                    continue
                if (
                    tmask[a] & tmask[b] == tmask[b]
                    and g[a] >= g[b]
                    and np.all(P[a] >= P[b])
                    and np.all(Q[a] >= Q[b])
                    and (
                        tmask[a] != tmask[b]
                        or g[a] > g[b]
                        or a < b
                        or np.any(P[a] > P[b])
                        or np.any(Q[a] > Q[b])
                    )
                ):
                    alive[b] = False
    return alive


# -- the search ---------------------------------------------------------------------------------------------


class _Search:
    """Restricted models with virtual companies, refined until the optimum is real (see module docstring)."""

    def __init__(self, problem: _Problem) -> None:
        self.pb = problem
        self.cuts: list[frozenset[int]] = []  # local company sets already ranked
        self.solves = 0
        self.rounds = 0
        self.model_size = 0
        pb = problem
        n_comp = len(pb.company_rows)
        has = np.zeros(n_comp, dtype=bool)
        has[pb.comp[pb.alive]] = True
        # companies sorted by pattern, then best first; rank within the pattern
        self.order = np.lexsort((pb.company_rows, -pb.kappa, pb.pattern))
        self.order = self.order[has[self.order]]
        pat_sorted = pb.pattern[self.order]
        starts = np.r_[0, np.flatnonzero(np.diff(pat_sorted)) + 1]
        rank = np.arange(len(self.order)) - np.repeat(starts, np.diff(np.r_[starts, len(self.order)]))
        self.kept = np.zeros(n_comp, dtype=bool)
        self.kept[self.order[rank < pb.params.keep_per_pattern]] = True
        self._seed_standards()

    def _seed_standards(self) -> None:
        pb, seeds = self.pb, self.pb.params.seeds_per_standard
        if seeds == 0 or pb.P.shape[1] == 0:
            return
        for k in range(len(pb.caps)):
            sub = np.flatnonzero(pb.alive & ((pb.tmask >> k) & 1 == 1))
            if len(sub) == 0:
                continue
            for matrix in (pb.P, pb.Q):
                scores = np.where(matrix[sub], pb.g[sub][:, None], -np.inf)
                top = np.argsort(-scores, axis=0, kind="stable")[:seeds]
                for col in range(matrix.shape[1]):
                    for i in top[:, col]:
                        if np.isfinite(scores[i, col]):
                            self.kept[pb.comp[sub[i]]] = True

    def cut(self, companies: frozenset[str]) -> None:
        idx = self.pb.catalog.index
        local = {int(r): i for i, r in enumerate(self.pb.company_rows.tolist())}
        self.cuts.append(frozenset(local[idx.company_index[c]] for c in companies))

    def best(self, min_covered: int | None) -> tuple[dict[int, int], bool] | None:
        """Best bundle not cut yet: capability index -> candidate, and whether it is proven optimal."""
        while True:
            self.rounds += 1
            full = self.rounds > self.pb.params.max_rounds
            if full:
                self.kept[:] = True
            model = _Model(self.pb, self.kept, self.cuts, min_covered)
            self.model_size = max(self.model_size, len(model.members))
            solved = model.solve()
            self.solves += 1
            if solved is None:
                return None
            assignment, value, proven = solved
            virtual = [k for k, j in assignment.items() if model.virtual[j]]
            if not virtual:
                return {k: int(model.cand[j]) for k, j in assignment.items()}, proven
            real = model.solve(forbid_virtual=True)
            self.solves += 1
            if real is not None and real[1] >= value - _TOL:
                return {k: int(model.cand[j]) for k, j in real[0].items()}, proven and real[2]
            self._refine(model, assignment, virtual)

    def _refine(self, model: _Model, assignment: dict[int, int], virtual: list[int]) -> None:
        pb = self.pb
        cand_pattern = pb.pattern[pb.comp]
        for k in virtual:
            j = assignment[k]
            pat = model.member_pattern[j]
            in_pattern = self.order[pb.pattern[self.order] == pat]
            excluded = in_pattern[~self.kept[in_pattern]]
            grow = max(pb.params.keep_per_pattern, int(self.kept[in_pattern].sum()))
            self.kept[excluded[:grow]] = True
            rows = np.flatnonzero(
                pb.alive & ~self.kept[pb.comp] & (cand_pattern == pat) & ((pb.tmask >> k) & 1 == 1)
            )
            for k1, k2 in pb.pairs:
                if k not in (k1, k2):
                    continue
                other = assignment.get(k2 if k == k1 else k1)
                if other is None or len(rows) == 0:
                    continue
                linkable = (pb.P[rows] & model.Q[other]).any(axis=1) | (pb.Q[rows] & model.P[other]).any(
                    axis=1
                )
                good = rows[linkable]
                for i in good[np.argsort(-pb.g[good], kind="stable")][:3]:
                    self.kept[pb.comp[i]] = True


class _Model:
    """One restricted MILP: the kept companies' solutions plus one virtual company per pattern."""

    def __init__(self, pb: _Problem, kept: np.ndarray, cuts: list[frozenset[int]], min_covered: int | None):
        self.pb = pb
        n_comp = len(pb.company_rows)
        real = np.flatnonzero(pb.alive & kept[pb.comp])
        cand = list(real.tolist())
        T = list(pb.tmask[real].tolist())
        g_rows: list[np.ndarray] = [pb.g[real]]
        P_rows, Q_rows = [pb.P[real]], [pb.Q[real]]
        company = list(pb.comp[real].tolist())
        virtual = [False] * len(real)
        member_pattern = list(pb.pattern[pb.comp[real]].tolist())
        self.company_bonus: dict[int, float] = {}
        excluded = pb.alive & ~kept[pb.comp]
        cand_pattern = pb.pattern[pb.comp]
        v_g: list[float] = []
        v_p, v_q = [], []
        for pat in np.unique(cand_pattern[excluded]).tolist():
            rows_u = excluded & (cand_pattern == pat)
            key = n_comp + len(self.company_bonus)
            self.company_bonus[key] = float(pb.coop_bound[np.unique(pb.comp[rows_u])].max())
            for k in range(len(pb.caps)):
                if not (pat >> k) & 1:
                    continue
                rk = np.flatnonzero(rows_u & ((pb.tmask >> k) & 1 == 1))
                if len(rk) == 0:
                    continue
                cand.append(-1)
                T.append(1 << k)
                v_g.append(float(pb.g[rk].max()))
                v_p.append(pb.P[rk].any(axis=0))
                v_q.append(pb.Q[rk].any(axis=0))
                company.append(key)
                virtual.append(True)
                member_pattern.append(pat)
        width = pb.P.shape[1]
        self.cand = np.array(cand, dtype=np.int64)
        self.T = np.array(T, dtype=np.int64)
        self.g = np.concatenate([*g_rows, np.array(v_g)])
        self.P = np.vstack([*P_rows, *(v_p or [np.zeros((0, width), dtype=bool)])])
        self.Q = np.vstack([*Q_rows, *(v_q or [np.zeros((0, width), dtype=bool)])])
        self.company = np.array(company, dtype=np.int64)
        self.virtual = np.array(virtual, dtype=bool)
        self.member_pattern = member_pattern
        self.members = cand
        self.cuts = cuts
        self.min_covered = min_covered

    def solve(self, forbid_virtual: bool = False) -> tuple[dict[int, int], float, bool] | None:
        pb, w = self.pb, self.pb.weights
        K = len(pb.caps)
        # variables: y (member, capability), then z (company), then p (cooperation pair)
        y_j, y_k = [], []
        for j, t in enumerate(self.T.tolist()):
            for k in range(K):
                if (t >> k) & 1:
                    y_j.append(j)
                    y_k.append(k)
        y_j_arr, y_k_arr = np.array(y_j, dtype=np.int64), np.array(y_k, dtype=np.int64)
        n_y = len(y_j)
        companies = sorted(set(self.company.tolist()))
        z_of = {c: n_y + i for i, c in enumerate(companies)}
        pairs = [(a, b) for a, b in pb.coop_pairs if a in z_of and b in z_of]
        n = n_y + len(companies) + len(pairs)
        cap_w = np.array([w.capability[c] for c in pb.caps])
        c = np.zeros(n)
        c[:n_y] = -(w.big_a + cap_w[y_k_arr] * self.g[y_j_arr])
        for comp_key, var in z_of.items():
            if comp_key in self.company_bonus:
                c[var] = w.big_b - self.company_bonus[comp_key]
            else:
                c[var] = w.big_b - pb.params.customer_bonus * float(pb.customer[comp_key])
        c[n_y + len(companies) :] = -pb.params.coop_bonus
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        vals: list[np.ndarray] = []
        lo: list[float] = []
        hi: list[float] = []
        r = 0

        def add(row_ids, col_ids, values, lower, upper):
            nonlocal r
            rows.append(np.asarray(row_ids, dtype=np.int64) + r)
            cols.append(np.asarray(col_ids, dtype=np.int64))
            vals.append(np.asarray(values, dtype=float))
            count = int(np.max(row_ids)) + 1 if len(row_ids) else 0
            lo.extend(lower if isinstance(lower, list) else [lower] * count)
            hi.extend(upper if isinstance(upper, list) else [upper] * count)
            r += count

        yvar = np.arange(n_y)
        add(y_k_arr, yvar, np.ones(n_y), -np.inf, 1.0)  # each capability covered at most once
        zcol = np.array([z_of[x] for x in self.company[y_j_arr].tolist()], dtype=np.int64)
        add(np.r_[yvar, yvar], np.r_[yvar, zcol], np.r_[np.ones(n_y), -np.ones(n_y)], -np.inf, 0.0)
        zrow = {var: i for i, var in enumerate(z_of.values())}
        zr = np.array([zrow[v] for v in zcol.tolist()], dtype=np.int64)
        add(np.r_[np.arange(len(companies)), zr], np.r_[list(z_of.values()), yvar],
            np.r_[np.ones(len(companies)), -np.ones(n_y)], -np.inf, 0.0)  # fmt: skip
        var_of = {(j, k): i for i, (j, k) in enumerate(zip(y_j, y_k, strict=True))}
        for k1, k2 in pb.pairs:
            l1 = np.array([j for j in range(len(self.T)) if (j, k1) in var_of], dtype=np.int64)
            l2 = np.array([j for j in range(len(self.T)) if (j, k2) in var_of], dtype=np.int64)
            if len(l1) == 0 or len(l2) == 0:
                continue
            p1, q1 = self.P[l1].astype(np.int32), self.Q[l1].astype(np.int32)
            p2, q2 = self.P[l2].astype(np.int32), self.Q[l2].astype(np.int32)
            link = ((p1 @ q2.T) > 0) | ((q1 @ p2.T) > 0)
            link |= l1[:, None] == l2[None, :]
            same_virtual = (self.company[l1][:, None] == self.company[l2][None, :]) & self.virtual[l1][
                :, None
            ]
            conflict = ~(link | same_virtual)
            ii, jj = np.nonzero(conflict)
            if len(ii) == 0:
                continue
            v1 = np.array([var_of[(j, k1)] for j in l1.tolist()], dtype=np.int64)
            v2 = np.array([var_of[(j, k2)] for j in l2.tolist()], dtype=np.int64)
            for a, b, va, vb in ((ii, jj, v1, v2), (jj, ii, v2, v1)):
                heads, local_row = np.unique(a, return_inverse=True)
                add(np.r_[np.arange(len(heads)), local_row], np.r_[va[heads], vb[b]],
                    np.ones(len(heads) + len(b)), -np.inf, 1.0)  # fmt: skip
        base = n_y + len(companies)
        for i, (a, b) in enumerate(pairs):
            add([0, 0, 1, 1], [base + i, z_of[a], base + i, z_of[b]], [1, -1, 1, -1], -np.inf, 0.0)
        zvars = np.array(list(z_of.values()), dtype=np.int64)
        if pb.need.max_partners is not None:
            add(np.zeros(len(zvars)), zvars, np.ones(len(zvars)), -np.inf, float(pb.need.max_partners))
        if self.min_covered is not None:
            add(np.zeros(n_y), yvar, np.ones(n_y), float(self.min_covered), np.inf)
        for cut in self.cuts:
            coef = np.array([1.0 if key in cut else -1.0 for key in z_of], dtype=float)
            if not all(key in z_of for key in cut):
                continue  # a company of that bundle is not in this model, so the bundle cannot recur
            add(np.zeros(len(zvars)), zvars, coef, -np.inf, float(len(cut) - 1))
        upper = np.ones(n)
        if forbid_virtual:
            upper[:n_y][self.virtual[y_j_arr]] = 0.0
            for comp_key, var in z_of.items():
                if comp_key in self.company_bonus:
                    upper[var] = 0.0
        matrix = sparse.csr_matrix(
            (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(r, n)
        )
        res = milp(
            c,
            integrality=np.ones(n),
            bounds=Bounds(np.zeros(n), upper),
            constraints=LinearConstraint(matrix, np.array(lo), np.array(hi)),
            options={"time_limit": pb.params.time_limit, "mip_rel_gap": 0.0, "presolve": True},
        )
        if res.x is None:
            return None
        x = res.x > 0.5
        assignment = {int(y_k[i]): int(y_j[i]) for i in range(n_y) if x[i]}
        return assignment, -float(res.fun), res.status == 0


def _bundle(
    pb: _Problem, ids: dict[str, str], rank: int, objective: float, weights: Weights, proven: bool, lang: str
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
    score = round(max(objective, 0.0) / weights.ideal(), 4)
    bundle = Bundle(
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
    return replace(bundle, explanation=explain_bundle(bundle, catalog, need, lang))
