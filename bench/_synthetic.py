"""Synthetic catalogs and needs of realistic shape for the benchmarks (fixed seed, no database).

* capabilities: the built-in taxonomy's leaves, popularity Zipf-like (a few very common, a long tail);
* companies with 1-5 solutions; a company's further solutions tend to be complementary to its first
  (capabilities its first one exchanges data with);
* a solution offers 1-3 capabilities and provides/consumes standards drawn from those its capabilities use
  (the taxonomy's ``used_by``), specific ones more often than CSV/OpenAPI;
* companies sit near German cities, belong to a hub, some verified or labelled; some cooperated before;
* needs: 2-5 capabilities that belong together (a capability and some it exchanges data with), a third with
  a hub, half with a location, some with max. partners or a label; broad needs name 8 or 10 alike.
"""

from __future__ import annotations

import numpy as np

from itkoop.engine import (
    Catalog,
    Company,
    Cooperation,
    Need,
    Solution,
    builtin_taxonomy_dict,
    taxonomy_from_dict,
)

CITIES = [
    (52.52, 13.40, "berlin"), (53.55, 9.99, "berlin"), (48.14, 11.58, "karlsruhe"), (50.94, 6.96, "aachen"),
    (50.11, 8.68, "karlsruhe"), (48.78, 9.18, "karlsruhe"), (51.23, 6.77, "aachen"), (51.51, 7.47, "aachen"),
    (51.34, 12.37, "berlin"), (53.08, 8.80, "kassel"), (52.37, 9.73, "kassel"), (49.45, 11.08, "karlsruhe"),
    (51.05, 13.74, "berlin"), (51.31, 9.48, "kassel"), (49.01, 8.40, "karlsruhe"), (50.78, 6.08, "aachen"),
    (50.98, 11.03, "kassel"), (54.32, 10.12, "berlin"), (49.49, 8.47, "karlsruhe"), (52.03, 8.53, "kassel"),
]  # fmt: skip


def _zipf_weights(n: int, rng: np.random.Generator, exponent: float = 1.0) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** exponent
    rng.shuffle(w)
    return w / w.sum()


def synthetic_catalog(n_solutions: int, seed: int = 7) -> Catalog:
    rng = np.random.default_rng(seed)
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    leaves = sorted(c for c in taxonomy.capabilities if not taxonomy.is_group(c))
    pop = _zipf_weights(len(leaves), rng)
    neighbours = {c: sorted(n for n in taxonomy.exchanges[c] if n in leaves) for c in leaves}
    by_cap: dict[str, list[str]] = {c: [] for c in leaves}
    for std in taxonomy.standards.values():
        for c in std.used_by:
            if c in by_cap:
                by_cap[c].append(std.id)
    generic = {"csv", "openapi"}
    companies: list[Company] = []
    solutions: list[Solution] = []
    sizes = [1, 2, 3, 4, 5]
    size_p = [0.4, 0.25, 0.15, 0.12, 0.08]
    n_company = 0
    while len(solutions) < n_solutions:
        cid = f"co{n_company}"
        lat, lon, hub = CITIES[rng.integers(len(CITIES))]
        companies.append(
            Company(
                cid,
                f"Firma {n_company}",
                hub=hub if rng.random() < 0.8 else None,
                lat=float(lat + rng.normal(0, 0.3)),
                lon=float(lon + rng.normal(0, 0.4)),
                labels=tuple(
                    label
                    for label, p in (("software-made-in-germany", 0.2), ("iso-27001", 0.1))
                    if rng.random() < p
                ),
                verified=bool(rng.random() < 0.3),
            )
        )
        first = leaves[rng.choice(len(leaves), p=pop)]
        for j in range(int(rng.choice(sizes, p=size_p))):
            if j == 0:
                primary = first
            elif neighbours[first] and rng.random() < 0.5:
                primary = neighbours[first][rng.integers(len(neighbours[first]))]
            else:
                primary = leaves[rng.choice(len(leaves), p=pop)]
            caps = [primary]
            for extra in neighbours[primary]:
                if len(caps) < 3 and rng.random() < 0.08:
                    caps.append(extra)
            pool = sorted({s for c in caps for s in by_cap[c]})
            weights = np.array([0.3 if s in generic else 1.0 for s in pool])
            weights /= weights.sum()
            n_p = min(len(pool), int(rng.integers(1, 5)))
            n_c = min(len(pool), int(rng.integers(1, 4)))
            provides = tuple(rng.choice(pool, size=n_p, replace=False, p=weights)) if pool else ()
            consumes = tuple(rng.choice(pool, size=n_c, replace=False, p=weights)) if pool else ()
            solutions.append(
                Solution(
                    f"so{len(solutions)}",
                    cid,
                    f"Lösung {len(solutions)}",
                    capabilities=tuple(caps),
                    provides=tuple(str(s) for s in provides),
                    consumes=tuple(str(s) for s in consumes),
                )
            )
        n_company += 1
    n_coop = int(0.3 * len(companies))
    a = rng.integers(len(companies), size=n_coop)
    b = rng.integers(len(companies), size=n_coop)
    coops = {(min(x, y), max(x, y)) for x, y in zip(a.tolist(), b.tolist(), strict=True) if x != y}
    cooperations = [Cooperation(f"co{x}", f"co{y}", int(rng.integers(2015, 2026))) for x, y in sorted(coops)]
    return Catalog(taxonomy, companies, solutions, cooperations)


def synthetic_needs(
    catalog: Catalog, n: int = 100, seed: int = 11, sizes: tuple[int, int] = (2, 5)
) -> list[Need]:
    """``n`` needs of ``sizes`` (lowest, highest) capabilities each."""
    rng = np.random.default_rng(seed)
    tax = catalog.taxonomy
    offered = sorted(catalog.index.by_capability)
    counts = np.array([len(catalog.index.by_capability[c]) for c in offered], dtype=float)
    p = counts / counts.sum()
    hubs = {
        "berlin": (52.52, 13.405),
        "aachen": (50.775, 6.084),
        "karlsruhe": (49.007, 8.404),
        "kassel": (51.313, 9.48),
    }
    needs = []
    for _ in range(n):
        size = int(rng.integers(sizes[0], sizes[1] + 1))
        caps = [offered[rng.choice(len(offered), p=p)]]
        while len(caps) < size:
            pool = sorted(
                {x for c in caps for x in tax.exchanges[c] if x in catalog.index.by_capability} - set(caps)
            )
            if pool and rng.random() < 0.85:
                caps.append(pool[rng.integers(len(pool))])
            else:
                extra = offered[rng.choice(len(offered), p=p)]
                if extra not in caps:
                    caps.append(extra)
        hub = list(hubs)[rng.integers(4)] if rng.random() < 0.33 else None
        location = hubs[list(hubs)[rng.integers(4)]] if rng.random() < 0.5 else None
        needs.append(
            Need(
                tuple(caps),
                weights={c: float(rng.choice([0.75, 0.9, 1.0])) for c in caps},
                hub=hub,
                location=location,
                max_partners=3 if rng.random() < 0.1 else None,
                labels=("software-made-in-germany",) if rng.random() < 0.1 else (),
            )
        )
    return needs
