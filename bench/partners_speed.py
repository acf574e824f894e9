"""Partner ranking speed (#17): in the web process and through `itkoop partners`, at 100k solutions.

    PYTHONPATH=src python bench/partners_speed.py [--solutions 100000] [--requests 100] [--cli-calls 3]
                                                  [--database var/cordis.sqlite3] [--before-src DIR]
                                                  [--quick] [--json]

A seeded synthetic catalog (bench/_catalog_file.py) is imported into a fresh SQLite database in a temporary
directory, or, with --database, an existing one is used (e.g. the CORDIS development catalog imported with
`itkoop import`). Then, in a process set up as a web worker:

* the first request (the catalog and its partner index built), the partner index's build time and memory;
* the steady state of `rank_partners_for` (the partners page's service), without and with a need text,
  p50/p95 over --requests companies, and as a ratio against the baseline in the same run: one bare BM25
  scoring of the need over the companies' texts (the least a ranking with a need does);
* the snapshot's size and the CPU seconds of loading it.

* the partner store `itkoop partners` loads instead (matching.catalog_cache.PartnerStore): its size, the
  CPU seconds of loading it, and whether it ranks the sample exactly as the catalog does.

Then the command line: `itkoop partners` as its own process, the first call (builds the catalog, writes the
snapshot and the partner store) and the following ones (load the partner store), wall and CPU seconds and
peak memory; with --before-src the same for another source tree (e.g. an older checkout's src/) and the
ratio of the two trees' CPU seconds per following call. Figures are CPU seconds where the machine's
load would inflate wall time. Prints only; never asserts on time (tests/test_bench_partners_speed.py runs
--quick and checks the report's shape).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

# In German and English: the synthetic catalog's texts are German, the CORDIS development catalog's English
# (a need none of whose words the texts hold would make the bare BM25 baseline a no-op).
NEED = (
    "Plattform für Datenanalyse und maschinelles Lernen in der Produktion, mit Sensorik und Cloud"
    " (data analytics and machine learning platform for manufacturing, sensors, cloud)"
)


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _cpu(call) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def child_web(args) -> None:
    from warm import _setup

    _setup(Path(args.database), args.cache_dir)
    from itkoop.engine.partner_index import text_tokens
    from itkoop.matching import adapter, services
    from itkoop.registry.models import Company

    ids = list(Company.objects.order_by("external_id").values_list("external_id", flat=True))
    step = max(1, len(ids) // args.requests)
    asking = ids[::step][: args.requests]
    report: dict = {"companies": len(ids)}

    started = time.perf_counter()
    first = _cpu(lambda: services.rank_partners_for(company_id=asking[0], top_k=10))
    report["first_request_s"] = {"cpu": first, "wall": time.perf_counter() - started}
    catalog = services.current_catalog()
    report["solutions"] = len(catalog.solutions)

    # the partner index alone, once more on this catalog (time and the memory it allocates)
    import tracemalloc

    from itkoop.engine.partner_index import PartnerIndex

    tracemalloc.start()
    build = _cpu(lambda: PartnerIndex(catalog))
    _held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report["partner_index_build"] = {"cpu_s": build, "peak_mb": peak / 2**20}

    pindex = catalog.partner_index
    tokens = text_tokens(NEED)
    baseline = [_cpu(lambda: pindex.need_text_scores(tokens)) for _ in asking]
    without = [_cpu(lambda c=c: services.rank_partners_for(company_id=c, top_k=10)) for c in asking]
    with_need = [
        _cpu(lambda c=c: services.rank_partners_for(company_id=c, need_text=NEED, top_k=10)) for c in asking
    ]
    base = max(_p(baseline, 0.5), 1e-6)
    report["steady_ms"] = {
        name: {"p50": _p(v, 0.5) * 1000, "p95": _p(v, 0.95) * 1000, "ratio_p50": _p(v, 0.5) / base}
        for name, v in (("bare_bm25", baseline), ("without_need", without), ("with_need", with_need))
    }
    snapshots = sorted(Path(args.cache_dir).glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime)
    if snapshots:
        report["snapshot_mb"] = snapshots[-1].stat().st_size / 2**20
        sample = asking[: args.compare]
        built = [_partners(services, c, need) for c in sample for need in (None, NEED)]
        adapter.forget_catalog()  # a second worker: loads the snapshot the first one wrote
        builds = adapter.catalog_builds()
        report["snapshot_load_cpu_s"] = _cpu(services.current_catalog)
        report["snapshot_loaded"] = adapter.catalog_builds() == builds
        # the copy from the snapshot ranks exactly as the catalog built here (ids, scores, reasons)
        report["snapshot_same_partners"] = built == [
            _partners(services, c, need) for c in sample for need in (None, NEED)
        ]
        report.update(_partner_store(args, catalog, sample))
    report["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(report))


def _partner_store(args, catalog, sample: list[str]) -> dict:
    """What `itkoop partners` loads instead of the snapshot (matching.catalog_cache.PartnerStore): its size,
    the CPU seconds of loading it, and whether it ranks exactly as the catalog (ids, scores, reasons)."""
    from itkoop.core import selectors as core_selectors
    from itkoop.engine.need import need_from_text
    from itkoop.engine.partners import rank_partners
    from itkoop.matching.catalog_cache import PartnerStore, _today

    store = PartnerStore(Path(args.cache_dir) / "partner-store")
    stamp, day = core_selectors.data_version(core_selectors.CATALOG), _today()
    store.save(stamp, catalog, day)
    path = store.path(stamp)
    out = {"partner_store_mb": sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20}
    loaded = []
    out["partner_store_load_cpu_s"] = _cpu(lambda: loaded.append(store.load(stamp, day)))
    need = need_from_text(NEED, catalog.taxonomy)[0]

    def ranked(source) -> list:
        return [
            [(p.id, p.score, p.reasons) for p in rank_partners(c, source, need=n, top_k=50).partners]
            for c in sample
            for n in (None, need)
        ]

    out["partner_store_same_partners"] = loaded[0] is not None and ranked(loaded[0]) == ranked(catalog)
    return out


def _partners(services, company_id: str, need: str | None) -> list:
    result = services.rank_partners_for(company_id=company_id, need_text=need, top_k=50)
    return [(p.id, p.score, p.reasons) for p in result.partners]


def _cli(database: str, command: list[str], cache_dir: str, src: str) -> tuple[float, float, float]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "ITKOOP_CATALOG_CACHE_DIR": cache_dir,
        "ITKOOP_DEBUG": "0",
        "PYTHONPATH": src,
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "itkoop.cli", *command], env=env, stdout=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)  # this call's own CPU time and peak memory
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"itkoop {command[0]} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cli(args, company_id: str, tmp: str) -> dict:
    trees = [("now", str(ROOT / "src"))]
    if args.before_src:
        trees.insert(0, ("before", args.before_src))
    out = {}
    for label, src in trees:
        cache_dir = str(Path(tmp) / f"cli-cache-{label}")
        for name, command in (
            ("partners", ["partners", company_id]),
            ("partners_need", ["partners", company_id, "--need", NEED]),
        ):
            runs = [_cli(args.database, command, cache_dir, src) for _ in range(1 + args.cli_calls)]
            rest = runs[1:] or runs
            out[f"{label}:{name}"] = {
                "first_wall_s": runs[0][0],
                "first_cpu_s": runs[0][1],
                "next_wall_s": statistics.median(r[0] for r in rest),
                "next_cpu_s": statistics.median(r[1] for r in rest),
                "peak_mb": max(r[2] for r in runs),
            }
            if label == "now" and f"before:{name}" in out:
                before = out[f"before:{name}"]["next_cpu_s"]
                out[f"now:{name}"]["before_over_now_cpu"] = before / max(
                    out[f"now:{name}"]["next_cpu_s"], 1e-6
                )
    return out


def _print(report: dict) -> None:
    web = report["web"]
    print(f"== {web['solutions']:,} solutions, {web['companies']:,} companies")
    print(f"   web first request (builds catalog + partner index): {web['first_request_s']['cpu']:.1f} s CPU")
    b = web["partner_index_build"]
    print(f"   partner index build: {b['cpu_s']:.1f} s CPU, {b['peak_mb']:.0f} MB allocated at peak")
    for name, row in web["steady_ms"].items():
        print(
            f"   {name:13s} p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms CPU"
            f"  ({row['ratio_p50']:.1f}x bare BM25)"
        )
    if "snapshot_mb" in web:
        print(
            f"   snapshot {web['snapshot_mb']:.0f} MB, loaded in {web['snapshot_load_cpu_s']:.2f} s CPU;"
            f" same partners from it: {web['snapshot_same_partners']}"
        )
    if "partner_store_mb" in web:
        print(
            f"   partner store (itkoop partners) {web['partner_store_mb']:.0f} MB, loaded in"
            f" {web['partner_store_load_cpu_s']:.2f} s CPU; same partners from it:"
            f" {web['partner_store_same_partners']}"
        )
    for label, row in report["cli"].items():
        ratio = f" | {row['before_over_now_cpu']:.1f}x less CPU" if "before_over_now_cpu" in row else ""
        print(
            f"   itkoop {label:22s} first {row['first_wall_s']:6.2f} s wall {row['first_cpu_s']:6.2f} s CPU"
            f" | next {row['next_wall_s']:5.2f} s wall {row['next_cpu_s']:5.2f} s CPU"
            f" | peak {row['peak_mb']:5.0f} MB{ratio}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--solutions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--cli-calls", type=int, default=3)
    parser.add_argument(
        "--compare", type=int, default=20, help="companies whose partners the snapshot must keep"
    )
    parser.add_argument("--database", help="an existing SQLite database (default: a synthetic catalog)")
    parser.add_argument(
        "--before-src", help="another source tree (e.g. an older checkout's src/) for the CLI"
    )
    parser.add_argument("--quick", action="store_true", help="a small catalog, few requests (the test's run)")
    parser.add_argument("--json", action="store_true", help="the report as one JSON line at the end")
    parser.add_argument("--child", choices=["import", "web"], help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.solutions, args.requests, args.cli_calls = 300, 5, 1
    if args.child == "import":
        from warm import child_import

        return child_import(args)
    if args.child == "web":
        return child_web(args)

    with tempfile.TemporaryDirectory(prefix="itkoop-partners-speed-") as tmp:
        if args.database:
            args.database = str(Path(args.database).resolve())
        else:
            args.database = str(Path(tmp) / "bench.sqlite3")
        args.cache_dir = str(Path(tmp) / "cache")
        me = [sys.executable, __file__, "--solutions", str(args.solutions), "--database", args.database]
        me += [
            "--cache-dir",
            args.cache_dir,
            "--requests",
            str(args.requests),
            "--compare",
            str(args.compare),
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        if not Path(args.database).exists():
            subprocess.run([*me, "--child", "import"], env=env, check=True, stdout=subprocess.DEVNULL)
        web = subprocess.run([*me, "--child", "web"], env=env, check=True, capture_output=True, text=True)
        report = {"web": json.loads(web.stdout.strip().splitlines()[-1])}
        import sqlite3

        with sqlite3.connect(args.database) as db:
            company_id = db.execute("SELECT min(external_id) FROM registry_company").fetchone()[0]
        report["cli"] = cli(args, company_id, tmp)
        report["load_average"] = os.getloadavg()
    _print(report)
    if args.json:
        print(json.dumps(report))


if __name__ == "__main__":
    main()
