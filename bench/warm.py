"""Warm engine benchmark: matching in the web process and through the `itkoop` command on a large catalog.

    PYTHONPATH=src python bench/warm.py [--solutions 100000] [--requests 20] [--cli-calls 3]
                                        [--before-src ../main/src]

A seeded synthetic catalog (bench/_catalog_file.py) is imported into a fresh SQLite database in a temporary
directory. Then, in a process set up as a web worker (the services the need and partners pages call):

* the freshness check of each request: the former fingerprint of the catalog's tables (11 queries and a
  scan of the cooperations, `adapter.freshness_signature`) against the read of the catalog's stamp, and
  their ratio;
* the first request (catalog built), the steady state (p50/p95 of match and partners requests), the
  request right after a change (served by the previous catalog while one background thread rebuilds) and
  how long until the new catalog serves; the first request of a second worker, which loads the snapshot;
* the peak memory (max. resident set) of that process and the size of the snapshot.
With --cpu the web figures are CPU seconds of the process (a background build's included), which a busy
machine does not inflate.

Then the command line: `itkoop match` and `itkoop partners` as their own processes, first call and the
following ones, wall and CPU seconds and peak memory, without snapshots and lemma store (the former path:
each call builds the catalog and decodes simplemma's dictionaries) and with them, and the ratio.
Prints only; never asserts on time.
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

CPU_CLOCK = "--cpu" in sys.argv
NEED = "Buchhaltung mit DATEV-Schnittstelle, Onlineshop und Lagerverwaltung"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _setup(database: Path, cache_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "itkoop.settings.dev"
    os.environ["ITKOOP_DEBUG"] = "0"  # DEBUG keeps every query in memory
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["ITKOOP_CATALOG_CACHE_DIR"] = cache_dir
    import django

    django.setup()


def child_import(args) -> None:
    _setup(Path(args.database), "")
    from django.core.management import call_command

    from _catalog_file import synthetic_catalog_dict
    from itkoop.registry.catalog_io import import_catalog

    call_command("migrate", interactive=False, verbosity=0)
    start = time.perf_counter()
    import_catalog(synthetic_catalog_dict(args.solutions), attested_from_file=True)
    print(f"   imported {args.solutions:,} solutions in {time.perf_counter() - start:.1f} s", flush=True)


def _timed(call, n: int) -> list[float]:
    """Wall seconds of each call (with --cpu: CPU seconds of the process, for a busy machine)."""
    clock = time.process_time if CPU_CLOCK else time.perf_counter
    out = []
    for _ in range(n):
        start = clock()
        call()
        out.append(clock() - start)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def child_web(args) -> None:
    _setup(Path(args.database), args.cache_dir)
    from django.db import connection

    from itkoop.core import selectors as core_selectors
    from itkoop.matching import adapter, services
    from itkoop.registry.models import Company

    company_id = Company.objects.order_by("external_id").values_list("external_id", flat=True).first()

    old = _timed(adapter.freshness_signature, args.requests)
    new = _timed(lambda: core_selectors.data_version(core_selectors.CATALOG), args.requests)
    print("   freshness check per request (the catalog unchanged):")
    print(f"     before (11 queries + cooperation scan): p50 {_ms(_p(old, 0.5))}  p95 {_ms(_p(old, 0.95))}")
    print(f"     now (one stamp read):                   p50 {_ms(_p(new, 0.5))}  p95 {_ms(_p(new, 0.95))}")
    print(f"     ratio before/now: p50 {_p(old, 0.5) / max(_p(new, 0.5), 1e-9):.0f}x")

    def match():
        services.match_need(text=NEED, top_k=5)

    def partners():
        services.rank_partners_for(company_id=company_id, top_k=10)

    first = _timed(match, 1)[0]
    steady_match = _timed(match, args.requests)
    steady_partners = _timed(partners, args.requests)
    print(f"   web process, {args.solutions:,} solutions (services the need and partners pages call):")
    print(f"     first request (builds the catalog):     {_ms(first)}   builds: {adapter.catalog_builds()}")
    print(
        f"     steady match:    p50 {_ms(_p(steady_match, 0.5))}  p95 {_ms(_p(steady_match, 0.95))}"
        f"   (of which the stamp read: {_p(new, 0.5) / _p(steady_match, 0.5):.1%};"
        f" the former check would add {_ms(_p(old, 0.5) - _p(new, 0.5)).strip()})"
    )
    print(f"     steady partners: p50 {_ms(_p(steady_partners, 0.5))}  p95 {_ms(_p(steady_partners, 0.95))}")

    company = Company.objects.get(external_id=company_id)
    company.name = company.name + " (neu)"
    company.save()
    connection.close()  # the change is committed; the background thread reads it through its own connection
    start = time.perf_counter()
    after_change = _timed(match, 1)[0]
    adapter.wait_for_catalog_rebuild()
    rebuilt = time.perf_counter() - start
    print(f"     request right after a change:           {_ms(after_change)}   (the previous catalog serves)")
    print(f"     new catalog serving after:              {_ms(rebuilt)}   builds: {adapter.catalog_builds()}")
    print(f"     peak memory of the process: {peak_mb():.0f} MB")
    snapshots = sorted(Path(args.cache_dir).glob("catalog-*.pickle"))
    if snapshots:
        print(f"     snapshot: {snapshots[-1].stat().st_size / 1e6:.0f} MB")

    adapter.forget_catalog()  # a second worker: the snapshot the first one wrote
    builds = adapter.catalog_builds()
    second = _timed(match, 1)[0]
    print(
        f"     first request of another worker:       {_ms(second)}   (snapshot loaded; builds:"
        f" {adapter.catalog_builds() - builds})"
    )
    steady_second = _timed(match, args.requests)
    print(f"     its steady match: p50 {_ms(_p(steady_second, 0.5))}   peak memory {peak_mb():.0f} MB")


def _cli(args, command: list[str], cache_dir: str, src: str) -> tuple[float, float, float]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{args.database}",
        "ITKOOP_CATALOG_CACHE_DIR": cache_dir,
        "ITKOOP_DEBUG": "0",
        "PYTHONPATH": src,
    }
    start = time.perf_counter()
    argv = [sys.executable, "-m", "itkoop.cli", *command]
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)  # this call's own CPU time and peak memory
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"itkoop {command[0]} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cli(args, company_id: str) -> None:
    print(f"== itkoop command line, {args.solutions:,} solutions (wall / CPU seconds per call, peak memory)")
    rows = [
        ("without snapshot and lemma store (each call builds the catalog)", str(ROOT / "src"), ""),
        ("now: snapshot and lemma store", str(ROOT / "src"), args.cache_dir),
    ]
    if args.before_src:
        rows.insert(0, (f"before: the code in {args.before_src}", args.before_src, ""))
    for label, src, cache_dir in rows:
        print(f"   {label}")
        for command in (["match", NEED], ["partners", company_id]):
            runs = [_cli(args, command, cache_dir, src) for _ in range(1 + args.cli_calls)]
            rest = runs[1:]
            print(
                f"     {command[0]:8s} first {runs[0][0]:6.2f} s wall {runs[0][1]:6.2f} s CPU"
                f" | next {statistics.median(r[0] for r in rest):6.2f} s wall"
                f" {statistics.median(r[1] for r in rest):6.2f} s CPU"
                f" | peak {max(r[2] for r in runs):5.0f} MB"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--solutions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--cli-calls", type=int, default=3)
    parser.add_argument("--cpu", action="store_true", help="CPU instead of wall time in the web process")
    parser.add_argument("--before-src", help="another source tree (e.g. main's src/) run as the former CLI")
    parser.add_argument("--child", choices=["import", "web"], help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "import":
        return child_import(args)
    if args.child == "web":
        return child_web(args)

    with tempfile.TemporaryDirectory(prefix="itkoop-warm-") as tmp:
        args.database = str(Path(tmp) / "bench.sqlite3")
        args.cache_dir = str(Path(tmp) / "cache")
        me = [sys.executable, __file__, "--solutions", str(args.solutions), "--database", args.database]
        me += ["--cache-dir", args.cache_dir, "--requests", str(args.requests)]
        me += ["--cpu"] if args.cpu else []
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        print(f"== catalog of {args.solutions:,} solutions in SQLite (bench/_catalog_file.py)", flush=True)
        subprocess.run([*me, "--child", "import"], env=env, check=True)
        print("== web process", flush=True)
        subprocess.run([*me, "--child", "web"], env=env, check=True)
        import sqlite3

        with sqlite3.connect(args.database) as db:
            company_id = db.execute("SELECT min(external_id) FROM registry_company").fetchone()[0]
        cli(args, company_id)
        print(json.dumps({"load_average": os.getloadavg()}))


if __name__ == "__main__":
    main()
