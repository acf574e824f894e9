"""Catalog import benchmark: `itkoop import` in bulk against the former row-by-row writer.

    PYTHONPATH=src python bench/import.py [--sizes 1000,10000,100000] [--rows-up-to 10000]
                                          [--databases sqlite,postgres]

For each size a seeded synthetic catalog file (bench/_catalog_file.py: five solutions per company) is
imported into a fresh, migrated database, each run in a process of its own: read and check the file, then
write it in one transaction, as `itkoop import` does. Prints seconds in all and per 10k solutions, the CPU
seconds of the importing process (on a busy machine the wall time grows, the CPU time does not; PostgreSQL's
own work is in the server's process and not counted there), the time spent checking, the peak memory (max.
resident set) of the importing process, and for the sizes up to --rows-up-to the same for the row-by-row
writer and the ratio of both. PostgreSQL runs when the server of PG_URL (default: the tests' server)
answers; the benchmark makes and drops a database of its own there. Prints only; never asserts on time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_file import synthetic_catalog_dict  # noqa: E402

# The server of the tests (`make test-postgres`); the benchmark makes and drops a database of its own there.
PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/itkoop")
BENCH_DB = "itkoop_bench_import"
PG_ADMIN_URL = PG_URL.rsplit("/", 1)[0] + "/postgres"


def child(args) -> None:
    """One import into a fresh database; prints one JSON line with the figures."""
    import resource

    os.environ["DJANGO_SETTINGS_MODULE"] = "itkoop.settings.dev"
    os.environ["ITKOOP_DEBUG"] = "0"  # DEBUG keeps every query in memory
    import django

    django.setup()
    from django.core.management import call_command

    from itkoop.registry.catalog_io import import_catalog, import_catalog_row_by_row, read_catalog_file
    from itkoop.registry.models import Solution

    call_command("migrate", interactive=False, verbosity=0)
    write = import_catalog if args.path == "bulk" else import_catalog_row_by_row
    start, cpu_start = time.perf_counter(), time.process_time()
    data = read_catalog_file(args.file)
    read_s = time.perf_counter() - start
    write(data, attested_from_file=True)
    total_s = time.perf_counter() - start
    cpu_s = time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    count = Solution.objects.count()
    figures = {"total_s": total_s, "cpu_s": cpu_s, "read_s": read_s, "peak_mb": peak_mb, "solutions": count}
    print(json.dumps(figures))


def _fresh_database(kind: str, workdir: Path) -> str | None:
    if kind == "sqlite":
        path = workdir / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {BENCH_DB}")
    except psycopg.OperationalError:
        return None
    return PG_URL.rsplit("/", 1)[0] + "/" + BENCH_DB


def run_one(kind: str, path: str, file: Path, workdir: Path) -> dict | None:
    url = _fresh_database(kind, workdir)
    if url is None:
        return None
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, __file__, "--child", "--path", path, "--file", str(file)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(f"import failed: {kind} {path} {file.name}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--rows-up-to", type=int, default=10_000, help="largest size for the row-by-row path")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--path", choices=["bulk", "rows"], help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'db':<9}{'size':>8}{'bulk s':>9}{'s/10k':>8}{'cpu s':>8}{'check s':>9}{'peak MB':>9}"
          f"{'rows s/10k':>12}{'rows MB':>9}{'ratio':>8}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        files = {}
        for size in sizes:
            files[size] = workdir / f"catalog-{size}.json"
            files[size].write_text(json.dumps(synthetic_catalog_dict(size), ensure_ascii=False))
        for kind in args.databases.split(","):
            for size in sizes:
                bulk = run_one(kind, "bulk", files[size], workdir)
                if bulk is None:
                    print(f"{kind:<9} not reachable ({PG_URL}); skipped")
                    break
                assert bulk["solutions"] == size
                per10k = bulk["total_s"] * 10_000 / size
                line = (
                    f"{kind:<9}{size:>8}{bulk['total_s']:>9.1f}{per10k:>8.2f}{bulk['cpu_s']:>8.1f}{bulk['read_s']:>9.1f}"
                    f"{bulk['peak_mb']:>9.0f}"
                )
                if size <= args.rows_up_to:
                    rows = run_one(kind, "rows", files[size], workdir)
                    rows_per10k = rows["total_s"] * 10_000 / size
                    ratio = rows["total_s"] / bulk["total_s"]
                    line += f"{rows_per10k:>12.2f}{rows['peak_mb']:>9.0f}{ratio:>7.1f}x"
                print(line, flush=True)
        if "postgres" in args.databases:
            _drop_bench_database()


def _drop_bench_database() -> None:
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    except psycopg.OperationalError:
        pass


if __name__ == "__main__":
    main()
