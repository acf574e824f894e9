"""A greedy set-cover baseline for bundles, scored with the same objective as the exact composition.

Greedy picks, again and again, the solution that newly covers the most required capabilities (then the one
of a company already in the bundle, then the best quality) among those that can link to every solution
already chosen where data must be exchanged. It is what a person with a spreadsheet would do; the
benchmark compares the exact engine against it.
"""

from __future__ import annotations

import numpy as np

from .catalog import Catalog
from .need import Need
from .objective import MatchParams, allowed, bundle_objective, solution_quality

__all__ = ["greedy_bundle"]


def greedy_bundle(
    need: Need, catalog: Catalog, params: MatchParams | None = None
) -> tuple[dict[str, str], float | None]:
    """Capability -> solution id chosen greedily, and its objective (None when nothing could be covered)."""
    params = params or MatchParams()
    idx, tax = catalog.index, catalog.taxonomy
    caps = [c for c in need.capabilities if c in idx.by_capability]
    if not caps:
        return {}, None
    rows = np.unique(np.concatenate([idx.by_capability[c] for c in caps]))
    comp = idx.company_row[rows]
    ok = allowed(need, catalog, rows)
    rows, comp = rows[ok], comp[ok]
    if len(rows) == 0:
        return {}, None
    g = solution_quality(need, catalog, rows, params)
    offers = {c: np.isin(rows, idx.by_capability[c]) for c in caps}
    order = np.argsort(-g, kind="stable")
    assignment: dict[str, str] = {}
    companies: set[int] = set()
    while True:
        open_caps = [c for c in caps if c not in assignment]
        if not open_caps:
            break
        gain = np.zeros(len(rows), dtype=np.int64)
        for c in open_caps:
            gain += offers[c]
        full = need.max_partners is not None and len(companies) >= need.max_partners
        best = None
        top_gain = int(gain.max())
        for i in order[gain[order] > 0].tolist():
            if full and int(comp[i]) not in companies:
                continue
            covers = [c for c in open_caps if offers[c][i]]
            sid = idx.solution_ids[int(rows[i])]
            if not _links_ok(catalog, tax, assignment, covers, sid):
                continue
            key = (int(gain[i]), int(comp[i]) in companies, float(g[i]))
            if best is None or key > best[0]:
                best = (key, i, covers, sid)
                if key[0] == top_gain and (key[1] or not companies):
                    break  # later candidates have lower quality and cannot beat this one
        if best is None:
            break
        _, i, covers, sid = best
        for c in covers:
            assignment[c] = sid
        companies.add(int(comp[i]))
    if not assignment:
        return {}, None
    return assignment, bundle_objective(need, catalog, assignment, params)


def _links_ok(catalog: Catalog, tax, assignment: dict[str, str], covers: list[str], sid: str) -> bool:
    sol = catalog.solutions[sid]
    for cap in covers:
        for other_cap, other in assignment.items():
            if other == sid or not tax.must_exchange(cap, other_cap):
                continue
            o = catalog.solutions[other]
            if not (set(sol.provides) & set(o.consumes) or set(o.provides) & set(sol.consumes)):
                return False
    return True
