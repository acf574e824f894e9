"""Small random catalogs and a brute-force reference for the composition tests (no Django)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from itkoop.engine import (
    Capability,
    Catalog,
    Company,
    Cooperation,
    MatchParams,
    Need,
    Solution,
    Standard,
    Taxonomy,
    builtin_taxonomy_dict,
    bundle_objective,
    catalog_from_dict,
)

MINI = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "examples" / "mini-catalog.json"
MINI_LOCAL = Path(__file__).resolve().parents[1] / "data" / "mini-catalog.json"


# The need's keys in the JSON of a text's match without corrections: the contract's text and capabilities,
# plus what the text refused, has, left out or named in passing, and how the solutions must run.
NEED_KEYS = frozenset(
    {
        "text",
        "capabilities",
        "not_wanted",
        "existing",
        "left_out",
        "in_passing",
        "deployment",
        "deployment_read",
        "deployment_evidence",
    }
)


def mini_catalog() -> Catalog:
    path = MINI if MINI.exists() else MINI_LOCAL
    return catalog_from_dict(json.loads(path.read_text(encoding="utf-8")), builtin_taxonomy_dict())


def random_catalog(draw, st, *, n_caps: int = 4, n_stds: int = 4) -> Catalog:
    """A hypothesis-drawn catalog: few capabilities, standards, companies and solutions."""
    caps = [f"c{i}" for i in range(n_caps)]
    stds = [f"t{i}" for i in range(n_stds)]
    pairs = [(a, b) for i, a in enumerate(caps) for b in caps[i + 1 :]]
    exch = draw(st.lists(st.sampled_from(pairs), unique=True, min_size=2, max_size=len(pairs)))
    taxonomy = Taxonomy(
        [Capability(c, f"Fähigkeit {c}", exchanges_with=tuple(b for a, b in exch if a == c)) for c in caps],
        [Standard(t, f"Standard {t}") for t in stds],
    )
    n_companies = draw(st.integers(1, 5))
    companies, solutions = [], []
    for i in range(n_companies):
        located = draw(st.booleans())
        companies.append(
            Company(
                f"k{i}",
                f"Firma {i}",
                hub=draw(st.sampled_from([None, "kassel", "berlin"])),
                lat=draw(st.floats(47.5, 54.5)) if located else None,
                lon=draw(st.floats(6.0, 14.5)) if located else None,
                labels=tuple(draw(st.lists(st.sampled_from(["smig", "iso"]), unique=True))),
                verified=draw(st.booleans()),
            )
        )
        for j in range(draw(st.integers(1, 3))):
            solutions.append(
                Solution(
                    f"s{i}_{j}",
                    f"k{i}",
                    f"Lösung {i}/{j}",
                    capabilities=tuple(
                        draw(st.lists(st.sampled_from(caps), min_size=1, max_size=2, unique=True))
                    ),
                    provides=tuple(draw(st.lists(st.sampled_from(stds), max_size=2, unique=True))),
                    consumes=tuple(draw(st.lists(st.sampled_from(stds), max_size=2, unique=True))),
                    labels=tuple(draw(st.lists(st.sampled_from(["smig"]), max_size=1))),
                )
            )
    coop_pairs = [(a.id, b.id) for i, a in enumerate(companies) for b in companies[i + 1 :]]
    coops = draw(st.lists(st.sampled_from(coop_pairs), unique=True, max_size=3)) if coop_pairs else []
    return Catalog(taxonomy, companies, solutions, [Cooperation(a, b, 2024) for a, b in coops])


def brute_force(need: Need, catalog: Catalog, params: MatchParams) -> dict[frozenset[str], float]:
    """Best objective per company set over every assignment covering the most capabilities."""
    options = []
    for cap in need.capabilities:
        offering = [s.id for s in catalog.solutions.values() if cap in s.capabilities]
        options.append([None, *offering])
    best_cov = 0
    per_set: dict[tuple[int, frozenset[str]], float] = {}
    for combo in itertools.product(*options):
        assignment = {c: s for c, s in zip(need.capabilities, combo, strict=True) if s is not None}
        if not assignment:
            continue
        value = bundle_objective(need, catalog, assignment, params)
        if value is None:
            continue
        companies = frozenset(catalog.solutions[s].company_id for s in assignment.values())
        key = (len(assignment), companies)
        per_set[key] = max(per_set.get(key, -1e18), value)
        best_cov = max(best_cov, len(assignment))
    return {companies: v for (cov, companies), v in per_set.items() if cov == best_cov}
