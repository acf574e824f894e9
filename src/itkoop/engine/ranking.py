"""The order of bundles with the same objective (the stated tie rule), how a bundle connects to the systems
the customer already runs, and why one bundle ranks below another: the facts explanations put into words.

Tie rule: among bundles whose objective is equal (same coverage, same number of companies, same quality),
the one ranks first that

1. misses fewer connections to the customer's existing systems,
2. needs fewer interfaces set up between its own solutions,
3. has the lower known monthly price (a bundle with a price not given comes after those with one),
4. has the alphabetically first provider names (then company ids: the order is total).

The rule orders the bundles the search returns. When more bundles than the K asked for tie at the K-th
place, which of them are returned is the search's choice (it keeps K distinct company sets of the best
values and prunes what cannot beat the K-th); finding the rule's choice there would mean enumerating every
tied bundle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .catalog import Catalog, distance_km
from .existing import existing_standards
from .need import Need
from .objective import MatchParams, Weights, bundle_quality_parts
from .text import fold

if TYPE_CHECKING:
    from .results import Bundle

__all__ = [
    "TIE_KEYS",
    "Comparison",
    "ExistingLink",
    "compare_bundles",
    "existing_links",
    "order_bundles",
    "tie_key",
]

# Objectives closer than this are equal: they are sums of the same few terms added in another order.
TIE_TOLERANCE = 1e-7
TIE_KEYS = ("existing", "links", "price", "name")


@dataclass(frozen=True, slots=True)
class ExistingLink:
    """How a solution of a bundle reaches a system of capability ``existing`` the customer already runs:
    ``standard`` it shares with such systems, or None when it must exchange data with it and shares none."""

    existing: str
    solution: str
    standard: str | None


def existing_links(
    bundle: Bundle, catalog: Catalog, need: Need, existing: Iterable[str]
) -> list[ExistingLink]:
    """For each existing system and each solution of the bundle whose capabilities must exchange data with
    it: the standard that connects them (one the customer named first, then the most specific), or None."""
    tax = catalog.taxonomy
    spec = tax.standard_specificity
    out = []
    for cap in dict.fromkeys(existing):
        if cap not in tax.capabilities:
            continue
        provided, consumed = existing_standards(catalog, cap)
        for use in bundle.solutions:
            if not any(tax.must_exchange(c, cap) for c in use.covers):
                continue
            sol = catalog.solutions.get(use.id)
            if sol is None:
                continue
            options = (set(sol.provides) & consumed) | (set(sol.consumes) & provided)
            best = min(options, key=lambda t: (t not in need.standards, -spec.get(t, 0.0), t), default=None)
            out.append(ExistingLink(cap, use.id, best))
    return out


def bundle_price(bundle: Bundle, catalog: Catalog) -> float | None:
    """The monthly price of the bundle's solutions, or None when one of them states none."""
    total = 0.0
    for use in bundle.solutions:
        sol = catalog.solutions.get(use.id)
        if sol is None or sol.price_eur_month is None:
            return None
        total += sol.price_eur_month
    return total


def tie_key(bundle: Bundle, catalog: Catalog, need: Need, existing: Iterable[str] = ()) -> tuple:
    """The sort key of the tie rule (smaller first); see the module docstring."""
    missing = sum(1 for link in existing_links(bundle, catalog, need, existing) if link.standard is None)
    price = bundle_price(bundle, catalog)
    names = tuple(sorted(fold(catalog.companies[c].name) for c in bundle.companies if c in catalog.companies))
    return (missing, len(bundle.links), price is None, price or 0.0, names, tuple(sorted(bundle.companies)))


def order_bundles(
    bundles: Sequence[Bundle], catalog: Catalog, need: Need, existing: Iterable[str] = ()
) -> list[Bundle]:
    """Best objective first; bundles with equal objective in the order of the tie rule; ranks 1, 2, ..."""
    existing = tuple(existing)
    ordered = sorted(bundles, key=lambda b: -b.objective)
    out: list[Bundle] = []
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and ordered[start].objective - ordered[end].objective <= TIE_TOLERANCE:
            end += 1
        out += sorted(ordered[start:end], key=lambda b: tie_key(b, catalog, need, existing))
        start = end
    return [replace(b, rank=rank) for rank, b in enumerate(out, start=1)]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Why ``bundle`` ranks below ``above``.

    ``missing``: capabilities ``above`` covers and this one does not; ``providers``: (this, above) number
    of companies when this has more; ``parts``: quality parts (objective.QUALITY_PARTS) where this one is
    worse, largest gap first; ``tie``: for an equal objective, the key of the tie rule that decided
    (TIE_KEYS) with (this, above) values. ``nearest_km``: the nearest provider's distance (this, above) or
    None; ``verified``, ``verified_caps``: (this, above) counts of verified companies and of the capabilities
    they cover."""

    above_rank: int
    missing: tuple[str, ...] = ()
    providers: tuple[int, int] | None = None
    parts: tuple[str, ...] = ()
    tie: tuple[str, object, object] | None = None
    nearest_km: tuple[float, float] | None = None
    verified: tuple[int, int] = (0, 0)  # verified companies
    verified_caps: tuple[int, int] = (0, 0)  # required capabilities covered by verified companies


def _assignment(bundle: Bundle) -> dict[str, str]:
    return {cap: use.id for use in bundle.solutions for cap in use.covers}


def _nearest(bundle: Bundle, catalog: Catalog, need: Need) -> float | None:
    ref = need.reference_location
    if ref is None:
        return None
    dists = [
        distance_km(ref[0], ref[1], c.lat, c.lon)
        for c in (catalog.companies.get(x) for x in bundle.companies)
        if c is not None and c.lat is not None and c.lon is not None
    ]
    return min(dists) if dists else None


def compare_bundles(
    bundle: Bundle,
    above: Bundle,
    catalog: Catalog,
    need: Need,
    existing: Iterable[str] = (),
    params: MatchParams | None = None,
) -> Comparison:
    """What ``bundle`` lacks or costs against ``above``, the bundle ranked right before it."""
    params = params or MatchParams()
    covered = set(_assignment(bundle))
    missing = tuple(c for c in _assignment(above) if c not in covered)
    n, n_above = len(bundle.companies), len(above.companies)
    providers = (n, n_above) if n > n_above else None
    tie = None
    parts: tuple[str, ...] = ()
    if abs(above.objective - bundle.objective) <= TIE_TOLERANCE:
        existing = tuple(existing)
        mine, theirs = tie_key(bundle, catalog, need, existing), tie_key(above, catalog, need, existing)
        if mine[0] != theirs[0]:
            tie = ("existing", mine[0], theirs[0])
        elif mine[1] != theirs[1]:
            tie = ("links", mine[1], theirs[1])
        elif mine[2:4] != theirs[2:4]:
            tie = ("price", bundle_price(bundle, catalog), bundle_price(above, catalog))
        else:
            tie = ("name", None, None)
    elif not missing and providers is None:
        weights = Weights.for_need(need, params, catalog)
        mine_q = bundle_quality_parts(need, catalog, _assignment(bundle), params, weights)
        above_q = bundle_quality_parts(need, catalog, _assignment(above), params, weights)
        gaps = {k: above_q[k] - mine_q[k] for k in mine_q}
        parts = tuple(k for k in sorted(gaps, key=lambda k: -gaps[k]) if gaps[k] > 1e-9)
    near, near_above = _nearest(bundle, catalog, need), _nearest(above, catalog, need)

    def is_verified(company: str) -> bool:
        return company in catalog.companies and catalog.companies[company].verified

    verified = tuple(sum(1 for c in b.companies if is_verified(c)) for b in (bundle, above))
    verified_caps = tuple(
        sum(len(use.covers) for use in b.solutions if is_verified(use.company)) for b in (bundle, above)
    )
    return Comparison(
        above_rank=above.rank,
        missing=missing,
        providers=providers,
        parts=parts,
        tie=tie,
        nearest_km=(near, near_above) if near is not None and near_above is not None else None,
        verified=verified,  # type: ignore[arg-type]
        verified_caps=verified_caps,  # type: ignore[arg-type]
    )
