"""The exact core of composition: columns, a K-best branch and bound, and a MILP certificate.

A *column* is one way a company can take part in a bundle: the set U of required capabilities it covers and,
for each, which of its solutions covers it, such that its own solutions that must exchange data are linked.
A bundle is a set of columns of distinct companies covering each capability at most once, where columns of
capabilities that must exchange data are linked by a standard. Its objective (objective.py) is the sum of
its columns' values plus cooperation bonuses between its companies.

1. :func:`k_best` enumerates bundles depth first, capability by capability, best options first, and prunes
   every node whose upper bound cannot beat the K-th best distinct bundle found so far. The bound of the
   still open capabilities is the sum of their best possible contributions minus the cost of the fewest
   companies that could cover them (a set cover over the columns' capability sets, computed once per
   need). Pruning only discards what cannot enter the top K, so the K bundles are exact. The search is
   anytime: stopped by a deadline or a node limit, it returns the best bundles found so far and an upper
   bound of the best bundle there is (the bounds of every part of the tree it left unexplored).
2. :func:`certify` proves the best one with an integer program (HiGHS, through highspy): every
   bundle strictly better than it could only use columns whose own upper bound exceeds its value, so the
   MILP over those columns (usually a handful) has the found bundle as optimum iff no better one exists.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

__all__ = ["Certificate", "Columns", "SearchOutcome", "build_columns", "certify", "k_best"]

_TOL = 1e-7


@dataclass
class Columns:
    mask: np.ndarray  # column -> bit mask of covered capabilities
    value: np.ndarray  # column -> A·|U| − B + Σ ŵ_r g(s_r) + customer bonus
    company: np.ndarray  # column -> local company
    member: np.ndarray  # column x capability -> candidate index, −1 where not covered
    # capability -> columns covering it, best first
    by_cap: list[np.ndarray] = field(default_factory=list)
    # open capabilities (mask) -> upper bound of their contribution without cooperation bonuses
    base_rest: np.ndarray = field(default_factory=lambda: np.zeros(0))
    # open capabilities (mask) -> fewest columns that could cover them
    fmin: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    coverable: int = 0
    # column x capability -> A + ŵ g + customer bonus (−inf where not covered); capability -> its best
    contrib: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    best: np.ndarray = field(default_factory=lambda: np.zeros(0))
    coop: float = 0.0  # bonus per cooperating pair (0 when no candidates ever cooperated)
    # column -> bit mask of the need's required standards its solutions provide or consume
    smask: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def rest(self, open_mask, degrees):
        """Upper bound of what covering the ``open_mask`` capabilities can add to a bundle whose companies
        have ``degrees`` (numbers of cooperation partners among the candidates): the capabilities' best
        contributions, minus the fewest companies needed, plus every pair with a new company that a past
        cooperation could reward."""
        f = self.fmin[open_mask]
        pairs = _pairs(f)
        for d in degrees:
            pairs = pairs + np.minimum(d, f)
        return self.base_rest[open_mask] + self.coop * pairs

    def __len__(self) -> int:
        return len(self.mask)


def _linked(P: np.ndarray, Q: np.ndarray, a: np.ndarray, b: int) -> np.ndarray:
    """For candidates ``a`` (array) and ``b``: does one provide a standard the other consumes?"""
    return (P[a] & Q[b]).any(axis=1) | (Q[a] & P[b]).any(axis=1)


def build_columns(pb) -> Columns:
    """All columns of the problem's candidates (see module docstring); ``pb`` is compose._Problem."""
    K, w = len(pb.caps), pb.weights
    cap_w = np.array([w.capability[c] for c in pb.caps])
    pair_set = set(pb.pairs) | {(b, a) for a, b in pb.pairs}
    alive = np.flatnonzero(pb.alive)
    n_comp = len(pb.company_rows)
    per_company = np.bincount(pb.comp[alive], minlength=n_comp)
    single_bit = (pb.tmask[alive] & (pb.tmask[alive] - 1)) == 0
    simple = alive[(per_company[pb.comp[alive]] == 1) & single_bit]
    masks: list[np.ndarray] = [pb.tmask[simple]]
    companies: list[np.ndarray] = [pb.comp[simple]]
    members = np.full((len(simple), K), -1, dtype=np.int64)
    for k in range(K):
        members[(pb.tmask[simple] >> k) & 1 == 1, k] = simple[(pb.tmask[simple] >> k) & 1 == 1]
    member_blocks = [members]
    # companies with two candidates for one capability each: each alone, and both together if linked
    duo = alive[(per_company[pb.comp[alive]] == 2) & single_bit]
    duo = duo[np.bincount(pb.comp[duo], minlength=n_comp)[pb.comp[duo]] == 2]
    duo = duo[np.argsort(pb.comp[duo], kind="stable")]
    first, second = duo[0::2], duo[1::2]
    bit_a = np.log2(pb.tmask[first]).astype(np.int64)
    bit_b = np.log2(pb.tmask[second]).astype(np.int64)
    exchange = np.zeros((K, K), dtype=bool)
    for a, b in pair_set:
        exchange[a, b] = True
    linked = (pb.P[first] & pb.Q[second]).any(axis=1) | (pb.Q[first] & pb.P[second]).any(axis=1)
    together = (bit_a != bit_b) & (linked | ~exchange[bit_a, bit_b])
    for group in (first, second):
        masks.append(pb.tmask[group])
        companies.append(pb.comp[group])
        block = np.full((len(group), K), -1, dtype=np.int64)
        block[np.arange(len(group)), np.log2(pb.tmask[group]).astype(np.int64)] = group
        member_blocks.append(block)
    pa, pb_ = first[together], second[together]
    block = np.full((len(pa), K), -1, dtype=np.int64)
    block[np.arange(len(pa)), bit_a[together]] = pa
    block[np.arange(len(pa)), bit_b[together]] = pb_
    masks.append(pb.tmask[pa] | pb.tmask[pb_])
    companies.append(pb.comp[pa])
    member_blocks.append(block)
    extra_rows: list[list[int]] = []
    rest = alive[~np.isin(alive, simple) & ~np.isin(alive, duo)]
    by_company: dict[int, list[int]] = {}
    for i in rest.tolist():
        by_company.setdefault(int(pb.comp[i]), []).append(i)
    for comp, cands in by_company.items():
        options = [[None, *[i for i in cands if (pb.tmask[i] >> k) & 1]] for k in range(K)]
        p, q = pb.P[cands].astype(np.int32), pb.Q[cands].astype(np.int32)
        linked = ((p @ q.T) > 0) | ((q @ p.T) > 0)
        at = {i: n for n, i in enumerate(cands)}
        for choice in itertools.product(*options):
            used = [(k, i) for k, i in enumerate(choice) if i is not None]
            if not used:
                continue
            if not all(
                i == j or linked[at[i], at[j]]
                for (k1, i), (k2, j) in itertools.combinations(used, 2)
                if (k1, k2) in pair_set
            ):
                continue
            row = [-1] * K
            for k, i in used:
                row[k] = i
            extra_rows.append([comp, *row])
    if extra_rows:
        block = np.array(extra_rows, dtype=np.int64)
        companies.append(block[:, 0])
        member_blocks.append(block[:, 1:])
        masks.append(((block[:, 1:] >= 0) * (1 << np.arange(K))).sum(axis=1))
    mask = np.concatenate(masks).astype(np.int64)
    company = np.concatenate(companies).astype(np.int64)
    member = np.vstack(member_blocks)
    covered = member >= 0
    g = np.where(covered, pb.g[np.maximum(member, 0)], 0.0)
    value = w.big_a * covered.sum(axis=1) - w.big_b + (g * cap_w).sum(axis=1)
    value += pb.params.customer_bonus * pb.customer[company]
    cols = Columns(mask, value, company, member)
    spoken = np.where(covered, pb.smask[np.maximum(member, 0)], 0).astype(np.int64)
    cols.smask = np.bitwise_or.reduce(spoken, axis=1)
    cols.coverable = int(np.bitwise_or.reduce(mask)) if len(mask) else 0
    cols.coop = pb.params.coop_bonus if pb.coop_pairs else 0.0
    best = np.full(K, -np.inf)
    customer = pb.params.customer_bonus * pb.customer[company]
    cols.contrib = np.where(covered, w.big_a + cap_w[None, :] * g + customer[:, None], -np.inf)
    for k in range(K):
        on = np.flatnonzero(covered[:, k])
        if len(on):
            best[k] = cols.contrib[on, k].max()
        cols.by_cap.append(on[np.argsort(-value[on], kind="stable")])
    cols.best = best
    fmin = _min_covers(sorted(set(mask.tolist())), K)
    base = np.full(1 << K, -np.inf)
    for m in range(1 << K):
        if m & ~cols.coverable == 0 and fmin[m] < np.inf:
            base[m] = sum(best[k] for k in range(K) if (m >> k) & 1) - w.big_b * fmin[m]
    cols.base_rest = base
    cols.fmin = np.where(np.isfinite(fmin), fmin, 0).astype(np.int64)
    return cols


def company_degrees(pb) -> np.ndarray:
    """Local company -> number of its cooperation partners among the candidate companies."""
    degree = np.zeros(len(pb.company_rows), dtype=np.int64)
    for a, b in pb.coop_pairs:
        degree[a] += 1
        degree[b] += 1
    return degree


def _pairs(n):
    return n * (n - 1) / 2


def _min_covers(masks: list[int], K: int) -> np.ndarray:
    """For every subset of capabilities: the fewest columns (any companies) whose union contains it."""
    full = 1 << K
    dist = np.full(full, np.inf)
    dist[0] = 0
    frontier = [0]
    steps = 0
    reach = np.zeros(full, dtype=bool)
    reach[0] = True
    while frontier:
        steps += 1
        nxt = []
        for m in frontier:
            for c in masks:
                u = m | c
                if not reach[u]:
                    reach[u] = True
                    dist[u] = steps
                    nxt.append(u)
        frontier = nxt
    # a subset needs no more columns than any reachable superset of it
    for m in sorted(range(full), key=lambda x: -bin(x).count("1")):
        if dist[m] < np.inf:
            sub = m
            while sub:
                sub = (sub - 1) & m
                if dist[m] < dist[sub]:
                    dist[sub] = dist[m]
    return dist


@dataclass
class SearchOutcome:
    bundles: list[tuple[float, list[int]]]  # (objective, columns), best first, distinct company sets
    nodes: int
    complete: bool  # the top K are exact: nothing left unexplored could enter them
    # upper bound of the best bundle's objective: the best found when complete, else the largest bound of
    # what the search left unexplored (never below the best found; -inf when there is no bundle at all)
    bound: float = -np.inf


def k_best(
    pb,
    cols: Columns,
    top_k: int,
    node_limit: int = 200_000,
    deadline: float | None = None,
    hard_deadline: float | None = None,
) -> SearchOutcome:
    """The ``top_k`` best bundles with distinct company sets: exact unless the node limit or a deadline
    stops the search first; then the best found so far and a bound. Deadlines are ``time.perf_counter()``
    values: past ``deadline`` the search stops once it has a bundle, past ``hard_deadline`` in any case."""
    K = len(pb.caps)
    partners: dict[int, set[int]] = {}
    for a, b in pb.coop_pairs:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    coop_bonus = pb.params.coop_bonus
    partner_arr = {x: np.array(sorted(v), dtype=np.int64) for x, v in partners.items()}
    degree = company_degrees(pb)
    max_partners = pb.need.max_partners
    pairs_of: dict[int, list[int]] = {k: [] for k in range(K)}
    for a, b in pb.pairs:
        pairs_of[a].append(b)
        pairs_of[b].append(a)
    required = pb.required  # bits of the must standards: a bundle is valid only when it speaks them all
    excluded = np.zeros(len(cols), dtype=bool)  # columns an earlier sibling of a must branch took
    found: dict[frozenset[int], tuple[float, list[int]]] = {}
    # theta: the K-th best value found; left: the largest bound of a part left unexplored after the stop
    state = {"theta": -np.inf, "nodes": 0, "stopped": False, "left": -np.inf}

    # columns worth considering at all: their bound from the root beats the K-th best so far
    root_ub = cols.value + cols.rest(cols.coverable & ~cols.mask, [degree[cols.company]])
    live = list(cols.by_cap)

    def record(value: float, chosen: list[int], used: list[int]) -> None:
        key = frozenset(used)
        if key in found and found[key][0] >= value:
            return
        found[key] = (value, list(chosen))
        if len(found) >= top_k:
            ranked = sorted(found.items(), key=lambda kv: -kv[1][0])
            for stale, _ in ranked[top_k:]:  # can never re-enter the top K with that value
                del found[stale]
            theta = ranked[top_k - 1][1][0]
            if theta > state["theta"]:
                state["theta"] = theta
                for k in range(K):
                    live[k] = live[k][root_ub[live[k]] > theta + _TOL]

    def stop_now() -> bool:
        if state["stopped"] or state["nodes"] > node_limit:
            state["stopped"] = True
        elif deadline is not None or hard_deadline is not None:
            now = time.perf_counter()
            late = deadline is not None and now > deadline and bool(found)
            state["stopped"] = late or (hard_deadline is not None and now > hard_deadline)
        return state["stopped"]

    def leave(bound: float) -> None:
        """A part of the tree with this bound stays unexplored."""
        state["left"] = max(state["left"], float(bound))

    def compatible(k: int, decided: int, value: float, chosen: list[int], used: list[int]) -> np.ndarray:
        """Columns that can still cover capability k in a bundle better than the K-th best so far: disjoint,
        a new company, promising by their bound, and linked to every chosen column."""
        opts = live[k]
        if max_partners is not None and len(used) >= max_partners:
            return opts[:0]
        if required:
            opts = opts[~excluded[opts]]
        opts = opts[(cols.mask[opts] & decided) == 0]
        if np.isfinite(state["theta"]) and len(opts):
            deg = degree[cols.company[opts]]
            open_rest = cols.coverable & ~decided & ~cols.mask[opts]
            bound = value + cols.value[opts] + coop_bonus * np.minimum(deg, len(used))
            bound = bound + cols.rest(open_rest, [degree[x] for x in used] + [deg])
            opts = opts[bound > state["theta"] + _TOL]
        if len(opts) and used:
            opts = opts[~np.isin(cols.company[opts], used)]
        for c in chosen:
            for kb in range(K):
                mb = int(cols.member[c, kb])
                if mb < 0 or not len(opts):
                    continue
                for ka in pairs_of[kb]:
                    members = cols.member[opts, ka]
                    has = members >= 0
                    if has.any():
                        ok = np.ones(len(opts), dtype=bool)
                        ok[has] = _linked(pb.P, pb.Q, members[has], mb)
                        opts = opts[ok]
        return opts

    def visit(decided: int, value: float, chosen: list[int], used: list[int], spoken: int = 0) -> None:
        open_caps = cols.coverable & ~decided
        if open_caps == 0:
            if chosen and spoken & required == required:
                record(value, chosen, used)
            return
        here = value + cols.rest(open_caps, [degree[x] for x in used])
        if here <= state["theta"] + _TOL:
            return
        state["nodes"] += 1
        if stop_now():
            leave(here)
            return
        # forward checking: capabilities nothing can cover any more are decided as uncovered;
        # otherwise branch on the capability with the fewest compatible columns
        k, opts, dead = -1, None, 0
        reachable = spoken  # the must standards this bundle could still come to speak
        missing = required & ~spoken
        cands = []
        for r in range(K):
            if (open_caps >> r) & 1:
                cand = compatible(r, decided, value, chosen, used)
                if len(cand) == 0:
                    dead |= 1 << r
                else:
                    if missing:
                        reachable |= int(np.bitwise_or.reduce(cols.smask[cand]))
                        cands.append(cand)
                    if opts is None or len(cand) < len(opts):
                        k, opts = r, cand
        if reachable & required != required:  # no valid bundle better than the K-th below this node
            return
        if dead:
            visit(decided | dead, value, chosen, used, spoken)
            return
        if missing:
            # every valid bundle below holds a column speaking the lowest must standard still missing:
            # branch on which one (the i-th branch takes the i-th and none before it, so none repeats)
            bit = missing & -missing
            opts = np.unique(np.concatenate([cand[(cols.smask[cand] & bit) != 0] for cand in cands]))
        taken: list[int] = []
        gains = np.zeros(len(opts))
        for x in used:
            if x in partner_arr:
                gains += np.isin(cols.company[opts], partner_arr[x])
        gains *= coop_bonus
        degrees = [degree[x] for x in used] + [degree[cols.company[opts]]]
        bound = value + cols.value[opts] + gains + cols.rest(open_caps & ~cols.mask[opts], degrees)
        for i in np.argsort(-bound, kind="stable").tolist():
            if bound[i] <= state["theta"] + _TOL:
                break
            if state["stopped"]:  # best first: this option's bound is the largest of those left
                leave(bound[i])
                break
            c = int(opts[i])
            chosen.append(c)
            used.append(int(cols.company[c]))
            visit(
                decided | int(cols.mask[c]),
                value + float(cols.value[c]) + float(gains[i]),
                chosen,
                used,
                spoken | int(cols.smask[c]),
            )
            chosen.pop()
            used.pop()
            if missing:
                excluded[c] = True
                taken.append(c)
        if missing:  # the branches above hold every valid bundle below: none leaves anything uncovered
            excluded[taken] = False
            return
        # leave capability k uncovered (worth considering only when covering it turns out impossible)
        skip = open_caps & ~(1 << k)
        skip_bound = value + cols.rest(skip, [degree[x] for x in used])
        if skip_bound > state["theta"] + _TOL:
            if state["stopped"]:
                leave(skip_bound)
            else:
                visit(decided | (1 << k), value, chosen, used, spoken)

    visit(0, 0.0, [], [])
    ranked = sorted(found.values(), key=lambda vc: -vc[0])[:top_k]
    # stopped, but nothing left unexplored could enter the top K: as good as complete
    complete = state["left"] <= state["theta"] + _TOL
    best = ranked[0][0] if ranked else -np.inf
    bound = best if complete else max(best, state["left"])
    return SearchOutcome(ranked, state["nodes"], complete, bound)


def _refined_bound(pb, cols: Columns, chosen: np.ndarray, degree: np.ndarray) -> np.ndarray:
    """The bound of ``chosen`` columns, where the rest would fit into one more column: unless some single
    column covering the whole rest is linked to the chosen one, the rest needs at least two companies."""
    rest_all = cols.coverable & ~cols.mask[chosen]
    ub = cols.value[chosen] + cols.rest(rest_all, [degree[cols.company[chosen]]])
    one = cols.fmin[rest_all] == 1
    exchange = set(pb.pairs) | {(b, a) for a, b in pb.pairs}
    for m in np.unique(cols.mask[chosen[one]]).tolist():
        rest = cols.coverable & ~m
        here = np.flatnonzero(one & (cols.mask[chosen] == m))
        cs = chosen[here]
        ds = np.flatnonzero(((cols.mask & rest) == rest) & ((cols.mask & m) == 0))
        if len(ds) == 0:
            continue
        fits = cols.company[cs][:, None] != cols.company[ds][None, :]
        for k1 in range(len(pb.caps)):
            for k2 in range(len(pb.caps)):
                if (k1, k2) in exchange and (m >> k1) & 1 and (rest >> k2) & 1:
                    ma, mb = cols.member[cs, k1], cols.member[ds, k2]
                    p1, q1 = pb.P[ma].astype(np.int32), pb.Q[ma].astype(np.int32)
                    p2, q2 = pb.P[mb].astype(np.int32), pb.Q[mb].astype(np.int32)
                    fits &= ((p1 @ q2.T) > 0) | ((q1 @ p2.T) > 0)
        alone = ~fits.any(axis=1)
        if alone.any():
            c = cs[alone]
            two = np.full(len(c), 2)
            coop = cols.coop * (_pairs(two) + np.minimum(degree[cols.company[c]], two))
            ub[here[alone]] = cols.value[c] + cols.base_rest[rest] + pb.weights.big_b * (1 - 2) + coop
    return ub


# How the certificate writes links: "conflicts" (dense, strong; best for a few hundred columns), "standards"
# (sparse; best for more) or "auto" (by the number of columns). All are exact.
LINK_FORMULATION = "auto"
_AUTO_CONFLICTS_UP_TO = 450


def _conflict_rows(pb, cols, sel, comp, covers, add) -> None:
    """Links as conflicts: a column for r1 excludes every column for r2 it shares no standard with."""
    for k1, k2 in pb.pairs:
        a, b = covers[k1], covers[k2]
        if len(a) == 0 or len(b) == 0:
            continue
        ma, mb = cols.member[sel[a], k1], cols.member[sel[b], k2]
        link = ((pb.P[ma].astype(np.int32) @ pb.Q[mb].T.astype(np.int32)) > 0) | (
            (pb.Q[ma].astype(np.int32) @ pb.P[mb].T.astype(np.int32)) > 0
        )
        link |= comp[a][:, None] == comp[b][None, :]
        ii, jj = np.nonzero(~link)
        for x, y, xa, ya in ((ii, jj, a, b), (jj, ii, b, a)):
            if len(x):
                heads, local = np.unique(x, return_inverse=True)
                add(np.r_[np.arange(len(heads)), local], np.r_[xa[heads], ya[y]],
                    np.ones(len(heads) + len(y)), -np.inf, 1.0, len(heads))  # fmt: skip


def _standard_rows(pb, cols, sel, covers, add, first_var: int) -> int:
    """Links through a chosen standard (an alternative, sparser formulation): for each pair r1, r2 that must
    exchange data one (standard, direction) whose provider covers one and whose consumer the other, unless
    one column covers both."""
    T = pb.P.shape[1]
    var = first_var
    for k1, k2 in pb.pairs:
        a, b = covers[k1], covers[k2]
        ma, mb = cols.member[sel[a], k1], cols.member[sel[b], k2]
        both = np.intersect1d(a, b)
        link_vars = []
        for src, dst, msrc, mdst in ((a, b, ma, mb), (b, a, mb, ma)):
            for t in range(T):
                prov, cons = src[pb.P[msrc, t]], dst[pb.Q[mdst, t]]
                v = var
                var += 1
                if len(prov) == 0 or len(cons) == 0:
                    continue
                link_vars.append(v)
                add(np.zeros(len(prov) + 1), np.r_[v, prov], np.r_[1.0, -np.ones(len(prov))], -np.inf, 0.0, 1)
                add(np.zeros(len(cons) + 1), np.r_[v, cons], np.r_[1.0, -np.ones(len(cons))], -np.inf, 0.0, 1)
        # Σ links + [one column covers both] >= [r1 covered] + [r2 covered] - 1
        idx = np.r_[np.array(link_vars, dtype=np.int64), both, a, b]
        coef = np.r_[np.ones(len(link_vars)), np.ones(len(both)), -np.ones(len(a)), -np.ones(len(b))]
        add(np.zeros(len(idx)), idx, coef, -1.0, np.inf, 1)
    return var - first_var


@dataclass
class Certificate:
    proven: bool  # HiGHS proved ``value`` optimal
    value: float  # objective of the best bundle it knows (the incumbent unless it found a better one)
    columns: list[int]
    bound: float  # upper bound of the best bundle's objective (``value`` when proven)


def certify(
    pb, cols: Columns, best: tuple[float, list[int]], time_limit: float, max_columns: int | None = None
) -> Certificate:
    """Prove ``best`` optimal with a MILP over the columns that could be part of a strictly better bundle.

    The MILP's optimum equals ``best`` when the search was right. Stopped by the time limit, HiGHS's dual
    bound still bounds every strictly better bundle, so max(value, dual bound) bounds the best one. With
    more than ``max_columns`` such columns it is not tried (HiGHS needs longer than a time budget to set
    up and solve the LP of tens of thousands of columns, whatever its time limit): nothing proven.
    """
    value, incumbent = best
    degree = company_degrees(pb)
    ub = cols.value + cols.rest(cols.coverable & ~cols.mask, [degree[cols.company]])
    keep = np.flatnonzero(ub > value + _TOL)
    if max_columns is not None and len(keep) > 4 * max_columns:  # too many even before the finer bound
        return Certificate(False, value, incumbent, np.inf)
    if incumbent:
        keep = keep[_refined_bound(pb, cols, keep, degree) > value + _TOL]
    if max_columns is not None and len(keep) > max_columns:
        return Certificate(False, value, incumbent, np.inf)
    sel = np.union1d(keep, np.array(incumbent, dtype=np.int64))
    n_col = len(sel)
    K = len(pb.caps)
    comp = cols.company[sel]
    present = set(comp.tolist())
    pairs = [(a, b) for a, b in pb.coop_pairs if a in present and b in present]
    formulation = LINK_FORMULATION
    if formulation == "auto":
        formulation = "conflicts" if n_col <= _AUTO_CONFLICTS_UP_TO else "standards"
    n_link_vars = 0 if formulation == "conflicts" else 2 * len(pb.pairs) * pb.P.shape[1]
    n = n_col + len(pairs) + n_link_vars
    c = np.concatenate([-cols.value[sel], np.full(len(pairs), -pb.params.coop_bonus), np.zeros(n_link_vars)])
    rows, cidx, vals, lo, hi = [], [], [], [], []

    def add(row_ids, col_ids, values, lower, upper, count):
        offset = len(lo)
        rows.append(np.asarray(row_ids, dtype=np.int64) + offset)
        cidx.append(np.asarray(col_ids, dtype=np.int64))
        vals.append(np.asarray(values, dtype=float))
        lo.extend([lower] * count)
        hi.extend([upper] * count)

    covers = [np.flatnonzero(cols.member[sel, k] >= 0) for k in range(K)]
    for k in range(K):
        add(np.zeros(len(covers[k])), covers[k], np.ones(len(covers[k])), -np.inf, 1.0, 1)
    uniq, crow = np.unique(comp, return_inverse=True)
    add(crow, np.arange(n_col), np.ones(n_col), -np.inf, 1.0, len(uniq))
    if formulation == "conflicts":
        _conflict_rows(pb, cols, sel, comp, covers, add)
    else:
        _standard_rows(pb, cols, sel, covers, add, n_col + len(pairs))
    for i, (a, b) in enumerate(pairs):
        ca, cb = np.flatnonzero(comp == a), np.flatnonzero(comp == b)
        add(np.r_[0, np.zeros(len(ca)), 1, np.ones(len(cb))], np.r_[n_col + i, ca, n_col + i, cb],
            np.r_[1.0, -np.ones(len(ca)), 1.0, -np.ones(len(cb))], -np.inf, 0.0, 2)  # fmt: skip
    if pb.need.max_partners is not None:
        add(np.zeros(n_col), np.arange(n_col), np.ones(n_col), -np.inf, float(pb.need.max_partners), 1)
    for j in range(pb.required.bit_length()):  # each must standard: some chosen column speaks it
        speaking = np.flatnonzero((cols.smask[sel] >> j) & 1 == 1)
        add(np.zeros(len(speaking)), speaking, np.ones(len(speaking)), 1.0, np.inf, 1)
    if incumbent:  # a bundle at least as good as the incumbent covers as much (the objective's first level)
        add(np.zeros(n), np.arange(n), -c, value - 1e-6, np.inf, 1)
        sizes = (cols.member[sel] >= 0).sum(axis=1).astype(float)
        covered = float((cols.member[np.array(incumbent)] >= 0).sum())
        add(np.zeros(n_col), np.arange(n_col), sizes, covered, np.inf, 1)
        # ... and when the incumbent covers all there is to cover, with at most as many companies (an
        # incumbent of a stopped search may cover less: then a better bundle may need more companies)
        if covered == bin(cols.coverable).count("1"):
            add(np.zeros(n_col), np.arange(n_col), np.ones(n_col), -np.inf, float(len(incumbent)), 1)
    matrix = sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cidx))), shape=(len(lo), n)
    ).tocsc()
    res = _solve_binary(c, matrix, np.array(lo), np.array(hi), time_limit)
    bound = np.inf if res.dual is None or not np.isfinite(res.dual) else max(value, -res.dual)
    if res.x is None:
        return Certificate(False, value, incumbent, bound)
    chosen = sel[np.flatnonzero(res.x[:n_col] > 0.5)].tolist()
    found = -res.fun
    if res.optimal:
        return Certificate(True, found, chosen, found)
    return Certificate(False, found, chosen, max(bound, found))


@dataclass
class _MilpResult:
    optimal: bool  # HiGHS proved ``x`` optimal
    x: np.ndarray | None  # the best solution it found, None when it found none
    fun: float  # its objective (minimised)
    dual: float | None  # HiGHS's dual bound of the minimum, None without a solution


def _solve_binary(c, matrix, lower, upper, time_limit: float) -> _MilpResult:
    """min c·x over binary x with lower <= matrix·x <= upper (``matrix`` column-wise), by HiGHS without
    presolve and with no gap, stopped after ``time_limit`` seconds.

    The HiGHS bindings themselves (highspy, at the HiGHS version scipy.optimize.milp bundles): importing
    scipy.optimize for its milp wrapper loads most of SciPy, a fifth of a second of every `itkoop match`,
    and highspy a hundredth. The model, options and reading of the result are milp's.
    """
    # imported here, where a MILP is solved: a process that only ranks partners or analyses needs skips it
    import highspy

    n = len(c)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(lower)
    lp.col_cost_ = np.asarray(c, dtype=np.float64)
    lp.col_lower_, lp.col_upper_ = np.zeros(n), np.ones(n)
    lp.row_lower_, lp.row_upper_ = np.asarray(lower, dtype=np.float64), np.asarray(upper, dtype=np.float64)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = n, len(lower)
    lp.a_matrix_.start_, lp.a_matrix_.index_ = matrix.indptr, matrix.indices
    lp.a_matrix_.value_ = matrix.data.astype(np.float64)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    h = highspy.Highs()
    for option, setting in (
        ("log_to_console", False),
        ("time_limit", float(time_limit)),
        ("mip_rel_gap", 0.0),
        ("presolve", "off"),
    ):
        if h.setOptionValue(option, setting) != highspy.HighsStatus.kOk:
            raise RuntimeError(f"HiGHS refused the option {option}={setting!r}")
    if h.passModel(lp) == highspy.HighsStatus.kError:
        raise RuntimeError("HiGHS refused the certificate's model")
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    stopped = status in (
        highspy.HighsModelStatus.kTimeLimit,
        highspy.HighsModelStatus.kIterationLimit,
        highspy.HighsModelStatus.kSolutionLimit,
    )
    # stopped by a limit, there is a solution only if HiGHS found one (a finite objective); infeasible or
    # failed, there is none and no bound
    if not (
        status == highspy.HighsModelStatus.kOptimal
        or (stopped and info.objective_function_value < highspy.kHighsInf)
    ):
        return _MilpResult(False, None, np.inf, None)
    x = np.array(h.getSolution().col_value)
    return _MilpResult(
        status == highspy.HighsModelStatus.kOptimal,
        x,
        float(info.objective_function_value),
        float(info.mip_dual_bound),
    )
