"""Matching benchmark: exact composition vs a greedy set-cover baseline on synthetic catalogs.

    PYTHONPATH=src python bench/match.py [--sizes 1000,10000,100000] [--needs 100] [--top 5]
    PYTHONPATH=src python bench/match.py --sizes 100000 --needs 0 --broad 8,10 --broad-needs 10 [--budget 2]

For each size: p50/p95 time per match (top K bundles), peak memory (max. resident set of the process),
share proven optimal, and the greedy baseline's time and score from the same run, as ratios. Prints only;
never asserts on time.

``--broad``: needs of that many capabilities, each composed twice in the same run: before, without a time
budget (as every request did before the anytime search; in a forked child stopped after
``--before-timeout`` seconds, so those figures are lower bounds), and after, with ``--budget`` seconds
(the web default, ITKOOP_MATCH_BUDGET_S): p50/p95, proven share, the gap the bound leaves and how the
bundles found compare with the unbudgeted ones.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
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
from itkoop.engine.baseline import greedy_bundle  # noqa: E402
from itkoop.engine.deployment import fits  # noqa: E402
from itkoop.engine.objective import allowed  # noqa: E402


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
    run_filters(catalog, needs)


def _allowed_per_row(need, catalog, rows: np.ndarray) -> np.ndarray:
    """The need's hub, label and way-to-run filters decided row by row: the baseline of run_filters."""
    idx = catalog.index
    keep = np.ones(len(rows), dtype=bool)
    for k, r in enumerate(rows.tolist()):
        sol = catalog.solutions[idx.solution_ids[r]]
        if (
            (need.hub and idx.company_hub[idx.company_row[r]] != need.hub)
            or (need.labels and not frozenset(need.labels) <= idx.solution_labels[r])
            or (need.deployment is not None and not fits(sol.deployment, need.deployment))
        ):
            keep[k] = False
    return keep


def run_filters(catalog, needs) -> None:
    """objective.allowed (decided once per distinct value) against a per-row reference, on each need's
    candidate rows with a hub, a label and a way to run set."""
    fast, slow, same = [], [], 0
    for need in needs:
        need = replace(need, hub=need.hub or "kassel", labels=("smig",), deployment="on-premise")
        rows = np.unique(np.concatenate([catalog.index.by_capability.get(c, []) for c in need.capabilities]))
        rows = rows.astype(np.int64)
        t = time.perf_counter()
        kept = allowed(need, catalog, rows)
        fast.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        reference = _allowed_per_row(need, catalog, rows)
        slow.append((time.perf_counter() - t) * 1000)
        same += bool((kept == reference).all())
    f50, s50 = np.percentile(fast, 50), np.percentile(slow, 50)
    print(
        f"   filters (hub, label, way to run) on the candidates: p50 {f50:.2f} ms, per-row reference "
        f"{s50:.2f} ms, ratio {f50 / max(s50, 1e-9):.3f}; same rows kept for {same}/{len(needs)} needs"
    )


def _compose_in_child(need, catalog, top_k: int, timeout: float) -> tuple[float, bool, float | None]:
    """(seconds, proven, best objective) of an unbudgeted composition in a forked child (the catalog is
    shared copy-on-write), or (timeout, False, None) when it is still running after ``timeout`` s."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        t = time.perf_counter()
        result = compose_bundles(need, catalog, top_k=top_k)
        best = result.bundles[0].objective if result.bundles else None
        send.send((time.perf_counter() - t, result.stats.optimal, best))

    process = ctx.Process(target=child)
    process.start()
    answer = receive.recv() if receive.poll(timeout) else None
    if process.is_alive():
        process.kill()
    process.join()
    return answer if answer is not None else (timeout, False, None)


def run_broad(catalog, size: int, n_needs: int, top_k: int, budget: float, timeout: float, verbose: bool):
    needs = synthetic_needs(catalog, n_needs, seed=23 + size, sizes=(size, size))
    before, after, cpu, gaps = [], [], [], []
    proven_before = proven_after = unfinished = same = worse = 0
    for k, need in enumerate(needs):
        seconds, proven, best = _compose_in_child(need, catalog, top_k, timeout)
        before.append(seconds)
        proven_before += proven
        unfinished += best is None and seconds >= timeout
        t, c = time.perf_counter(), time.process_time()
        result = compose_bundles(need, catalog, top_k=top_k, budget_s=budget)
        after.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        proven_after += result.stats.optimal
        if result.gap is not None:
            gaps.append(result.gap)
        found = result.bundles[0].objective if result.bundles else None
        if best is not None and found is not None:
            same += found >= best - 1e-6
            worse += found < best - 1e-6
        if verbose:
            print(f"  need {k:3d} before {seconds:7.2f} s proven={proven}  after {after[-1]:5.2f} s "
                  f"(cpu {cpu[-1]:4.2f}) proven={result.stats.optimal} gap={result.gap}")  # fmt: skip
    b, a, c = np.array(before), np.array(after), np.array(cpu)
    n = len(needs)
    print(f"== broad needs of {size} capabilities, {n} needs, top {top_k}")
    print(f"   before (no budget): p50 {np.percentile(b, 50):7.2f} s   p95 {np.percentile(b, 95):7.2f} s   "
          f"proven {proven_before}/{n}; {unfinished} still running after {timeout:.0f} s "
          f"(counted as {timeout:.0f} s: lower bounds)")  # fmt: skip
    a50, a95, c95 = np.percentile(a, 50), np.percentile(a, 95), np.percentile(c, 95)
    print(f"   after (budget {budget:g} s): p50 {a50:5.2f} s   p95 {a95:5.2f} s   max {a.max():5.2f} s   "
          f"cpu p95 {c95:5.2f} s   proven {proven_after}/{n}")  # fmt: skip
    if gaps:
        print(f"   bound left open (score scale): median {np.median(gaps):.4f}  max {max(gaps):.4f}")
    print(f"   best bundle vs the unbudgeted one (where it finished): as good {same}, worse {worse}")
    print(f"   p95 ratio after/before: {np.percentile(a, 95) / max(np.percentile(b, 95), 1e-9):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--needs", type=int, default=100)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--broad", default="", help="capabilities per broad need, e.g. 8,10")
    parser.add_argument("--broad-needs", type=int, default=10)
    parser.add_argument("--budget", type=float, default=2.0, help="seconds (ITKOOP_MATCH_BUDGET_S)")
    parser.add_argument("--before-timeout", type=float, default=120.0)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    for size in [int(s) for s in args.sizes.split(",")]:
        if args.needs:
            run(size, args.needs, args.top, args.verbose)
        if args.broad:
            catalog = synthetic_catalog(size)
            _ = catalog.index
            print(f"== {size:,} solutions, {len(catalog.companies):,} companies")
            for broad in [int(b) for b in args.broad.split(",")]:
                run_broad(catalog, broad, args.broad_needs, args.top, args.budget, args.before_timeout,
                          args.verbose)  # fmt: skip


if __name__ == "__main__":
    main()
