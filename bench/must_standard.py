"""What a must standard ("must connect to DATEV") costs composition: the same needs without and with one.

    PYTHONPATH=src python bench/must_standard.py [--sizes 10000,100000] [--needs 40] [--top 5]

For each need two must standards are tried: the one most solutions of its candidates speak (usually
satisfiable, the constraint prunes little) and the one fewest speak (rarely satisfiable together with the
rest, the search must prove that). Prints p50/p95 per variant, the ratio to the unconstrained run, the share
with an offer and the share proven optimal. Prints only; never asserts on time.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _synthetic import synthetic_catalog, synthetic_needs  # noqa: E402
from itkoop.engine import compose_bundles  # noqa: E402


def _standards_by_use(catalog, need) -> list[str]:
    """The standards the need's candidate solutions speak, most spoken first."""
    idx = catalog.index
    rows = np.unique(
        np.concatenate([idx.by_capability[c] for c in need.capabilities if c in idx.by_capability])
    )
    counts = np.asarray(
        (idx.provides_matrix[rows] + idx.consumes_matrix[rows]).astype(bool).sum(axis=0)
    ).ravel()
    used = np.flatnonzero(counts)
    return [idx.standard_ids[j] for j in used[np.argsort(-counts[used], kind="stable")]]


def run(size: int, n_needs: int, top_k: int) -> None:
    catalog = synthetic_catalog(size)
    needs = [n for n in synthetic_needs(catalog, n_needs) if n.capabilities]
    figures: dict[str, list[tuple[float, bool, bool]]] = {"none": [], "common": [], "rare": []}
    for need in needs:
        spoken = _standards_by_use(catalog, need)
        variants = {"none": need}
        if spoken:
            variants["common"] = replace(need, required_standards=(spoken[0],))
            variants["rare"] = replace(need, required_standards=(spoken[-1],))
        for name, variant in variants.items():
            t = time.perf_counter()
            result = compose_bundles(variant, catalog, top_k=top_k)
            ms = (time.perf_counter() - t) * 1000
            figures[name].append((ms, bool(result.bundles), result.stats.optimal))
    base = np.percentile([f[0] for f in figures["none"]], 50)
    print(f"== {size:,} solutions, {len(needs)} needs, top {top_k}")
    for name, rows in figures.items():
        if not rows:
            continue
        t = np.array([r[0] for r in rows])
        found = sum(r[1] for r in rows)
        proven = sum(r[2] for r in rows)
        print(f"   {name:6s}: p50 {np.percentile(t, 50):7.1f} ms  p95 {np.percentile(t, 95):7.1f} ms  "
              f"p50 ratio {np.percentile(t, 50) / base:5.2f}  with offer {found}/{len(rows)}  "
              f"proven {proven}/{len(rows)}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--needs", type=int, default=40)
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size, args.needs, args.top)


if __name__ == "__main__":
    main()
