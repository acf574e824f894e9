"""What makes one bundle better than another: the objective that composition optimises.

The order is lexicographic:

1. more required capabilities covered,
2. fewer companies,
3. higher quality: for each covered capability r, its weight ŵ_r (need-analysis score, normalised to sum 1)
   times the quality g(s) of the solution covering it, where
   g(s) = w_fit · fit(s) + w_verified · verified(company) + w_proximity · exp(−distance / proximity_km),
   fit(s) = share of the solution's capabilities the need asks for ("focus"), shared with two further
   terms when they apply: whether the solution speaks a standard the customer named (0.3 of fit) and, when
   the customer runs systems the need's capabilities must exchange data with and some solution can connect
   to them (existing.py), the share of those systems the solution connects to (0.5 of fit; 1 where the
   solution must connect to none); the focus keeps the rest (1, 0.7, 0.5 or 0.2 of fit);
   plus ``coop_bonus`` per pair of chosen companies that cooperated before and ``customer_bonus`` per chosen
   company that worked with the customer before.

As one number: objective = A · covered − B · companies + quality, with B larger than any quality and A
larger than B times the number of capabilities, so each level dominates the next. :func:`bundle_objective`
evaluates a given assignment with exactly this formula; the solver maximises the same.

Existing systems are a term of the quality, not a level of their own: among bundles that cover as much with
as few companies, one whose solutions connect to the customer's systems ranks above one that does not, all
else equal, and the connection outweighs a verified profile (0.5 · w_fit = 0.25 against w_verified = 0.2)
and the nearness of a provider within a few hundred kilometres. It never buys a missing capability or an
extra company; when the connection must hold whatever it costs, the customer makes its standard a must
(correct.py), a hard constraint. A solution that connects everywhere it must still reaches the whole fit,
so a perfect single provider keeps 100 %.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .catalog import Catalog
from .deployment import fits
from .existing import connection_share
from .need import Need

__all__ = [
    "MatchParams",
    "Weights",
    "allowed",
    "bundle_objective",
    "bundle_quality_parts",
    "linking_standard",
    "solution_quality",
]


@dataclass(frozen=True, slots=True)
class MatchParams:
    """Tunable parts of matching; the defaults are what the platform uses."""

    w_fit: float = 0.5
    w_verified: float = 0.2
    w_proximity: float = 0.3
    proximity_km: float = 250.0
    coop_bonus: float = 0.05
    customer_bonus: float = 0.05
    time_limit: float = 20.0  # seconds for the MILP certificate
    node_limit: int = 500_000  # branch-and-bound nodes before the search gives up proving
    prefilter_from: int = 300  # candidates from which hopeless companies are dropped first (exact)

    def __post_init__(self) -> None:
        for name in ("w_fit", "w_verified", "w_proximity", "coop_bonus", "customer_bonus"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if abs(self.w_fit + self.w_verified + self.w_proximity - 1.0) > 1e-9:
            raise ValueError("w_fit + w_verified + w_proximity must be 1")
        if self.proximity_km <= 0 or self.time_limit <= 0:
            raise ValueError("proximity_km and time_limit must be positive")
        if self.node_limit < 1:
            raise ValueError("node_limit must be at least 1")


@dataclass(frozen=True, slots=True)
class Weights:
    """The constants that make the single objective lexicographic for one need."""

    capability: dict[str, float]  # ŵ_r, sums to 1
    big_a: float  # per covered capability
    big_b: float  # per company
    max_quality: float  # above the quality of any bundle (what makes the levels lexicographic)
    best_single: float = 1.0  # the most quality one company covering everything can reach for this need

    @classmethod
    def for_need(cls, need: Need, params: MatchParams, catalog: Catalog | None = None) -> Weights:
        caps = need.capabilities
        total = sum(need.weight(c) for c in caps) or 1.0
        m = min(len(caps), need.max_partners or len(caps))
        max_quality = 1.0 + params.coop_bonus * m * (m - 1) / 2 + params.customer_bonus * m
        big_b = max_quality + 1.0
        big_a = big_b * (len(caps) + 1)
        # What a perfect answer earns: nearness counts only when the need has a place; the cooperation bonus
        # needs two companies; the customer bonus only when the customer has worked with someone before.
        best = params.w_fit + params.w_verified + (params.w_proximity if need.reference_location else 0.0)
        if need.customer_company_id is not None and (
            catalog is None or catalog.partners_of.get(need.customer_company_id)
        ):
            best += params.customer_bonus
        return cls({c: need.weight(c) / total for c in caps}, big_a, big_b, max_quality, best)

    def ideal(self) -> float:
        """Objective of a perfect answer, the 100 % of ``Bundle.score``: one company covers everything and
        each of its solutions earns the most quality this need can reward (focused on the need, verified, at
        the customer's place when the need names one, worked with the customer when they have partners).
        No bundle exceeds it: another company costs ``big_b``, more than any quality."""
        return self.big_a * len(self.capability) - self.big_b + self.best_single


def solution_quality(need: Need, catalog: Catalog, rows: np.ndarray, params: MatchParams) -> np.ndarray:
    """g(s) in [0, 1] for the solutions at index rows ``rows`` (vectorised)."""
    return sum(quality_components(need, catalog, rows, params))


# Shares of fit (module docstring): a standard the customer named, the connection to their existing systems.
NAMED_SHARE = 0.3
EXISTING_SHARE = 0.5


def quality_components(
    need: Need, catalog: Catalog, rows: np.ndarray, params: MatchParams
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The weighted parts of g(s) that sum to it: fit to the capabilities asked, use of the standards the
    customer named, connection to the customer's existing systems, verified company, nearness (each
    already times its weight)."""
    idx = catalog.index
    rows = np.asarray(rows, dtype=np.int64)
    comp = idx.company_row[rows]
    focus = _focus(need, idx, rows)
    named_part = np.zeros(len(rows))
    existing_part = np.zeros(len(rows))
    focus_share = 1.0
    if need.standards:
        wanted = np.array(
            [idx.standard_col[s] for s in need.standards if s in idx.standard_col], dtype=np.int64
        )
        if len(wanted):
            named = np.asarray(
                (
                    idx.provides_matrix[rows][:, wanted].sum(axis=1)
                    + idx.consumes_matrix[rows][:, wanted].sum(axis=1)
                )
                > 0
            ).ravel()
            focus_share -= NAMED_SHARE
            named_part = NAMED_SHARE * named
    if need.existing:
        share = connection_share(need.capabilities, need.existing, catalog, rows)
        if share is not None:
            focus_share -= EXISTING_SHARE
            existing_part = EXISTING_SHARE * share
    verified = idx.company_verified[comp].astype(float)
    ref = need.reference_location
    if ref is None:
        proximity = np.zeros(len(rows))
    else:
        d = _haversine(idx.company_lat[comp], idx.company_lon[comp], ref[0], ref[1])
        proximity = np.where(np.isnan(d), 0.0, np.exp(-np.nan_to_num(d, nan=0.0) / params.proximity_km))
    return (
        params.w_fit * focus_share * focus,
        params.w_fit * named_part,
        params.w_fit * existing_part,
        params.w_verified * verified,
        params.w_proximity * proximity,
    )


def _focus(need: Need, idx, rows: np.ndarray) -> np.ndarray:
    asked = np.zeros(len(rows))
    for cap in need.capabilities:
        members = idx.by_capability.get(cap)
        if members is not None:
            asked += np.isin(rows, members, assume_unique=False)
    n_caps = np.maximum(idx.capability_count[rows], 1)
    return np.minimum(asked / n_caps, 1.0)


def _haversine(lat: np.ndarray, lon: np.ndarray, lat0: float, lon0: float) -> np.ndarray:
    p1, p2 = np.radians(lat), math.radians(lat0)
    dp, dl = p2 - p1, np.radians(lon0 - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * math.cos(p2) * np.sin(dl / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def linking_standard(
    catalog: Catalog, a: str, b: str, preferred: tuple[str, ...] = ()
) -> tuple[str, str, str] | None:
    """The standard that links solutions ``a`` and ``b``: (provider, consumer, standard), or None.

    Preference: a standard the customer named, then the most specific one (used by the fewest capabilities),
    then the id; provider a before provider b on ties.
    """
    sa, sb = catalog.solutions[a], catalog.solutions[b]
    options = [(t, a, b) for t in set(sa.provides) & set(sb.consumes)]
    options += [(t, b, a) for t in set(sb.provides) & set(sa.consumes)]
    if not options:
        return None
    spec = catalog.taxonomy.standard_specificity
    options.sort(key=lambda o: (o[0] not in preferred, -spec.get(o[0], 0.0), o[0], o[1] != a))
    t, src, dst = options[0]
    return src, dst, t


def allowed(need: Need, catalog: Catalog, rows: np.ndarray) -> np.ndarray:
    """Which of the solution ``rows`` a bundle for ``need`` may use: of the need's hub, carrying its labels,
    running as it wishes (deployment.py), not the customer's own."""
    idx = catalog.index
    keep = np.ones(len(rows), dtype=bool)
    if need.hub:
        keep &= idx.solutions_where("hub", lambda hub: hub == need.hub)[rows]
    if need.labels:
        wanted = frozenset(need.labels)
        keep &= idx.solutions_where("labels", wanted.issubset)[rows]
    if need.deployment is not None:
        keep &= idx.solutions_where("deployment", lambda runs: fits(runs, need.deployment))[rows]
    if need.customer_company_id is not None:
        keep &= idx.company_row[rows] != idx.company_index[need.customer_company_id]
    return keep


def bundle_objective(
    need: Need, catalog: Catalog, assignment: Mapping[str, str], params: MatchParams | None = None
) -> float | None:
    """The objective of covering capability -> solution id as given, or None if that is not a valid bundle.

    Valid: every solution offers what it covers, every pair of distinct solutions whose covered capabilities
    must exchange data shares a standard, companies pass the need's hub and label filters and do not exceed
    ``max_partners``, and some solution provides or consumes each of the need's ``required_standards``.
    Capabilities missing from ``assignment`` count as uncovered.
    """
    params = params or MatchParams()
    weights = Weights.for_need(need, params)
    sols = {sid: catalog.solutions[sid] for sid in set(assignment.values())}
    for cap, sid in assignment.items():
        if cap not in weights.capability or cap not in sols[sid].capabilities:
            return None
    companies = {s.company_id for s in sols.values()}
    for cid in companies:
        company = catalog.companies[cid]
        if need.hub and company.hub != need.hub:
            return None

    for sol in sols.values():  # every product of the bundle carries the labels (its own or its company's)
        if not set(need.labels) <= set(catalog.companies[sol.company_id].labels) | set(sol.labels):
            return None
    if not all(fits(sol.deployment, need.deployment) for sol in sols.values()):  # how it must run
        return None
    if need.max_partners is not None and len(companies) > need.max_partners:
        return None
    for std in need.required_standards:  # a must standard: some solution of the bundle speaks it
        if not any(std in sol.provides or std in sol.consumes for sol in sols.values()):
            return None
    tax = catalog.taxonomy
    caps = list(assignment)
    for i, c1 in enumerate(caps):
        for c2 in caps[i + 1 :]:
            s1, s2 = assignment[c1], assignment[c2]
            if s1 != s2 and tax.must_exchange(c1, c2) and linking_standard(catalog, s1, s2) is None:
                return None
    quality = sum(bundle_quality_parts(need, catalog, assignment, params, weights).values())
    return weights.big_a * len(assignment) - weights.big_b * len(companies) + float(quality)


QUALITY_PARTS = ("fit", "standards", "existing", "verified", "proximity", "cooperation", "customer")


def bundle_quality_parts(
    need: Need,
    catalog: Catalog,
    assignment: Mapping[str, str],
    params: MatchParams | None = None,
    weights: Weights | None = None,
) -> dict[str, float]:
    """The quality of a valid assignment (capability -> solution id) split into its parts (QUALITY_PARTS);
    they sum to the quality in the objective. Explanations compare two bundles part by part."""
    params = params or MatchParams()
    weights = weights or Weights.for_need(need, params)
    idx = catalog.index
    order = sorted(set(assignment.values()))
    parts = quality_components(need, catalog, np.array([idx.solution_row[s] for s in order]), params)
    out = dict.fromkeys(QUALITY_PARTS, 0.0)
    for name, values in zip(QUALITY_PARTS[:5], parts, strict=True):
        of = dict(zip(order, values.tolist(), strict=True))
        out[name] = sum(weights.capability[c] * of[s] for c, s in assignment.items())
    companies = sorted({catalog.solutions[s].company_id for s in order})
    years = catalog.cooperation_years
    out["cooperation"] = params.coop_bonus * sum(
        1 for i, a in enumerate(companies) for b in companies[i + 1 :] if frozenset((a, b)) in years
    )
    if need.customer_company_id:
        partners = catalog.partners_of.get(need.customer_company_id, frozenset())
        out["customer"] = params.customer_bonus * len(set(companies) & partners)
    return out
