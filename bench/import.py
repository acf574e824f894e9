"""Catalog import benchmark: `itkoop import` in bulk against the former row-by-row writer, in one run.

    PYTHONPATH=src python bench/import.py [--sizes 1000,10000,100000] [--rows-up-to 10000]
                                          [--databases sqlite,postgres]

For each size a seeded synthetic catalog file (bench/_catalog_file.py: five solutions per company) is
imported into a fresh, migrated database, each run in a process of its own: read and check the file, then
write it in one transaction, as `itkoop import` does. Per run it prints:

- wall seconds in all and per 10k solutions (read, checks and writing);
- CPU seconds of the importing process (resource.getrusage) and, on PostgreSQL, of its server process (read
  from /proc when the server runs on this machine; "-" otherwise): on a busy machine the wall time grows,
  the CPU time does not, so these say what the import costs;
- the statements it ran (CaptureQueriesContext; a COPY counts as one) and the peak memory (max. resident
  set) of the importing process; the seconds the process spent starting (Django, the text tools' tables)
  before it could read the file are printed once per database, apart;
- the same for the row-by-row writer up to --rows-up-to solutions, and the ratio of both. Above that size
  the row-by-row figure is extrapolated from the largest measured size (seconds per 10k stay about level
  there) and marked with "~".

PostgreSQL runs when the server of PG_URL (default: the tests' server) answers; the benchmark makes and
drops a database of its own there (BENCH_DB, default itkoop_import_bench). Prints only; never asserts on
time.
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
BENCH_DB = os.environ.get("BENCH_DB", "itkoop_import_bench")
PG_ADMIN_URL = PG_URL.rsplit("/", 1)[0] + "/postgres"


def _cpu_s() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _waited_s(pid: int | str = "self") -> float | None:
    """Seconds a process was ready to run but waited for a CPU (Linux schedstat): what a busy machine adds
    to its wall time."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def _server_pid(connection) -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _server_cpu_s(pid: int | None) -> float | None:
    """CPU seconds of this connection's PostgreSQL server process, when it runs on this machine."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _delta(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else after - before


def child(args) -> None:
    """One import into a fresh database; prints one JSON line with the figures."""
    import resource

    started = time.perf_counter()
    os.environ["DJANGO_SETTINGS_MODULE"] = "itkoop.settings.dev"
    os.environ["ITKOOP_DEBUG"] = "0"  # DEBUG keeps every query in memory
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from itkoop.registry.catalog_io import import_catalog, import_catalog_row_by_row, read_catalog_file
    from itkoop.registry.models import Solution

    start_s = time.perf_counter() - started  # what `itkoop import` pays before it reads the file
    call_command("migrate", interactive=False, verbosity=0)
    write = import_catalog if args.path == "bulk" else import_catalog_row_by_row
    server = _server_pid(connection)
    server_before, server_waited = _server_cpu_s(server), _waited_s(server) if server else None
    waited = _waited_s()
    start, cpu_start = time.perf_counter(), _cpu_s()
    data = read_catalog_file(args.file)
    read_s = time.perf_counter() - start
    with CaptureQueriesContext(connection) as queries:
        write(data, attested_from_file=True)
    total_s = time.perf_counter() - start
    cpu_s = _cpu_s() - cpu_start
    server_after = _server_cpu_s(server)
    waits = [_delta(_waited_s(), waited), _delta(_waited_s(server), server_waited) if server else 0.0]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "total_s": total_s,
        "cpu_s": cpu_s,
        "server_cpu_s": _delta(server_after, server_before),
        "waited_s": None if None in waits else sum(waits),
        "read_s": read_s,
        "start_s": start_s,
        "statements": len(queries.captured_queries),
        "peak_mb": peak_mb,
        "solutions": Solution.objects.count(),
    }
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


def _cpu_column(figures: dict) -> str:
    server = figures["server_cpu_s"]
    return f"{figures['cpu_s']:>7.1f}" + (f"{server:>7.1f}" if server is not None else f"{'-':>7}")


def _waited_column(figures: dict) -> str:
    waited = figures.get("waited_s")
    return f"{waited:>7.1f}" if waited is not None else f"{'-':>7}"


HEADER = (
    f"{'db':<9}{'size':>8}{'bulk s':>8}{'s/10k':>7}{'waited':>7}{'cpu s':>7}{'+srv':>7}{'stmts':>7}"
    f"{'check s':>8}{'peak MB':>8} |{'rows s/10k':>11}{'cpu s':>7}{'+srv':>7}{'stmts':>8}{'ratio':>8}"
)


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
    print(
        "bulk s, s/10k: wall seconds to read, check and write; waited: of these, seconds the importer and "
        "its PostgreSQL server process waited for a CPU (others' load); cpu s: the importing process, "
        "+srv: PostgreSQL's server process"
    )
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        files = {}
        for size in sizes:
            files[size] = workdir / f"catalog-{size}.json"
            files[size].write_text(json.dumps(synthetic_catalog_dict(size), ensure_ascii=False))
        for kind in args.databases.split(","):
            rows_per10k = None  # the largest measured row-by-row run, for the extrapolation
            start_s = []
            for size in sizes:
                bulk = run_one(kind, "bulk", files[size], workdir)
                if bulk is None:
                    print(f"{kind:<9} not reachable ({PG_URL}); skipped")
                    break
                assert bulk["solutions"] == size
                start_s.append(bulk["start_s"])
                per10k = bulk["total_s"] * 10_000 / size
                line = (
                    f"{kind:<9}{size:>8}{bulk['total_s']:>8.1f}{per10k:>7.2f}{_waited_column(bulk)}{_cpu_column(bulk)}"
                    f"{bulk['statements']:>7}{bulk['read_s']:>8.1f}{bulk['peak_mb']:>8.0f} |"
                )
                if size <= args.rows_up_to:
                    rows = run_one(kind, "rows", files[size], workdir)
                    rows_per10k = rows["total_s"] * 10_000 / size
                    line += (
                        f"{rows_per10k:>11.2f}{_cpu_column(rows)}{rows['statements']:>8}"
                        f"{rows_per10k / per10k:>7.1f}x"
                    )
                elif rows_per10k is not None:
                    guess, ratio = f"~{rows_per10k:.2f}", f"~{rows_per10k / per10k:.1f}"
                    line += f"{guess:>11}{'':>22}{ratio:>7}x"
                print(line, flush=True)
            if start_s:
                print(f"{kind:<9} process start before reading the file: {min(start_s):.1f} s (fastest run)")
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
