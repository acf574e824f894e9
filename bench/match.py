"""Matching benchmark: exact composition vs a greedy set-cover baseline on synthetic catalogs.

    PYTHONPATH=src python bench/match.py [--sizes 1000,10000,100000] [--needs 100] [--top 5]

For each size: p50/p95 time per match (top K bundles), peak memory (max. resident set of the process),
share proven optimal, and the greedy baseline's time and score from the same run, as ratios. Prints only;
never asserts on time.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _synthetic import synthetic_catalog, synthetic_needs  # noqa: E402
from itkoop.engine import compose_bundles  # noqa: E402
from itkoop.engine.baseline import greedy_bundle  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: int, n_needs: int, top_k: int, verbose: bool) -> None:
    t0 = time.perf_counter()
    catalog = synthetic_catalog(size)
    _ = catalog.index
    build_s = time.perf_counter() - t0
    needs = synthetic_needs(catalog, n_needs)
    times, g_times, ratios = [], [], []
    optimal = worse = better = ties = 0
    candidates, rounds = [], []
    for k, need in enumerate(needs):
        t = time.perf_counter()
        result = compose_bundles(need, catalog, top_k=top_k)
        times.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        _, greedy = greedy_bundle(need, catalog)
        g_times.append((time.perf_counter() - t) * 1000)
        optimal += result.stats.optimal
        candidates.append(result.stats.candidates)
        rounds.append(result.stats.nodes)
        best = result.bundles[0].objective if result.bundles else None
        if greedy is not None and best is not None:
            ratios.append(best / greedy if greedy > 0 else 1.0)
            if best < greedy - 1e-6:
                worse += 1
            elif best > greedy + 1e-6:
                better += 1
            else:
                ties += 1
        elif greedy is not None:
            worse += 1
        if verbose:
            print(f"  need {k:3d} caps={len(need.capabilities)} cand={result.stats.candidates:6d} "
                  f"t={times[-1]:7.1f}ms nodes={result.stats.nodes} opt={result.stats.optimal} "
                  f"exact={best} greedy={greedy}")  # fmt: skip
    t, gt = np.array(times), np.array(g_times)
    print(f"== {size:,} solutions, {len(catalog.companies):,} companies "
          f"(built in {build_s:.1f} s), {len(needs)} needs, top {top_k}")  # fmt: skip
    share = 100 * optimal / len(needs)
    print(f"   exact : p50 {np.percentile(t, 50):7.1f} ms   p95 {np.percentile(t, 95):7.1f} ms   "
          f"max {t.max():7.1f} ms   proven optimal {optimal}/{len(needs)} ({share:.0f}%)")  # fmt: skip
    print(f"   greedy: p50 {np.percentile(gt, 50):7.1f} ms   p95 {np.percentile(gt, 95):7.1f} ms")
    print(f"   time ratio exact/greedy: p50 {np.percentile(t, 50) / max(np.percentile(gt, 50), 1e-9):.2f}  "
          f"p95 {np.percentile(t, 95) / max(np.percentile(gt, 95), 1e-9):.2f}")  # fmt: skip
    if ratios:
        r = np.array(ratios)
        print(f"   score ratio exact/greedy (objective): mean {r.mean():.4f}  min {r.min():.4f}  "
              f"better {better}  equal {ties}  worse {worse}")  # fmt: skip
    print(f"   candidates per need: median {int(np.median(candidates))}  max {max(candidates)}; "
          f"search nodes median {int(np.median(rounds))} max {max(rounds)}")  # fmt: skip
    print(f"   peak memory (max RSS so far): {peak_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--needs", type=int, default=100)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    for size in [int(s) for s in args.sizes.split(",")]:
        run(size, args.needs, args.top, args.verbose)


if __name__ == "__main__":
    main()
