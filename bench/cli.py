"""Start-up cost of the `itkoop` command: `itkoop match` and `itkoop partners` per call on the demo data.

    PYTHONPATH=src python bench/cli.py [--database var/demo.sqlite3] [--calls 5] [--before-src ../main/src]

Each call is its own process, as a user runs it. Printed per command: the median of --calls calls after a
first one (which writes the catalog snapshot and the lemma store), as wall and CPU seconds (user + system of
the process, which a busy machine inflates far less than wall time), beside baselines measured in the same
run: the bare interpreter, `import django`, and `django.setup()` with the project's settings (what every
command pays before its own work). Twice: with the bytecode the environment gives (PYTHONDONTWRITEBYTECODE=1
makes every start compile the project's sources again) and with compiled bytecode in a cache directory (an
installed package). With --before-src the same calls run another source tree too (main's, for a
before/after).

Then the import time of `itkoop match` (python -X importtime, least of a few runs): the ten packages that
take longest (their modules' own time summed) and the ten longest imports started outside another import
(Django's app loading, the command's own imports).

Without --database the demo database is built in a temporary directory first (`itkoop demo --no-serve`,
about 15 s). Prints only; never asserts on time.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEED = "Warenwirtschaft mit Onlineshop und DATEV"
DJANGO_SETUP = "; ".join(
    [
        "import os, django",
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'itkoop.settings.dev')",
        "django.setup()",
    ]
)


def _env(database: str, cache_dir: str, src: str, pycache: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "ITKOOP_CATALOG_CACHE_DIR": cache_dir,
        "ITKOOP_DEBUG": "0",
        "PYTHONPATH": src,
    }
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    err = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if status != 0:
        raise SystemExit(f"{' '.join(argv[:4])} ... failed ({status}): {err.strip()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def median_of(argv: list[str], env: dict[str, str], calls: int) -> tuple[float, float]:
    runs = [run(argv, env) for _ in range(calls)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def commands(company_id: str) -> dict[str, list[str]]:
    py = [sys.executable]
    return {
        "interpreter (python -c pass)": [*py, "-c", "pass"],
        "import django": [*py, "-c", "import django"],
        "django.setup() with itkoop's apps": [*py, "-c", DJANGO_SETUP],
        "itkoop match NEED": [*py, "-m", "itkoop.cli", "match", NEED],
        "itkoop partners ID --need NEED": [*py, "-m", "itkoop.cli", "partners", company_id, "--need", NEED],
        "itkoop partners ID": [*py, "-m", "itkoop.cli", "partners", company_id],
    }


def measure(args, company_id: str, src: str, label: str, pycache: str | None) -> None:
    env = _env(args.database, args.cache_dir, src, pycache)
    todo = commands(company_id)
    for argv in todo.values():  # first calls: snapshot, lemma store and (with a cache directory) bytecode
        run(argv, env)
    print(f"   {label}")
    baseline = None  # CPU seconds of `import django`: the ratios hold on a busy machine too
    for name, argv in todo.items():
        wall, cpu = median_of(argv, env, args.calls)
        baseline = cpu if name == "import django" else baseline
        ratio = f"{cpu / baseline:5.1f} x import django" if baseline else ""
        print(f"     {name:36s} {wall:6.2f} s wall {cpu:6.2f} s CPU  {ratio}", flush=True)


def _importtime(argv: list[str], env: dict[str, str]) -> list[tuple[int, str, int, int]]:
    """(depth, module, own µs, cumulative µs) of each import, children before their parent."""
    process = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    records = []
    for line in process.stderr.decode().splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            own, cumulative, name = line.split(":", 1)[1].split("|")
            depth = (len(name) - len(name.lstrip()) - 1) // 2
            records.append((depth, name.strip(), int(own), int(cumulative)))
    return records


def import_breakdown(args, pycache: str) -> None:
    """-X importtime counts wall time: on a busy machine a module that loses the processor looks slow. Each
    figure is the least of --importtime-runs runs."""
    env = _env(args.database, args.cache_dir, str(ROOT / "src"), pycache)
    argv = [sys.executable, "-X", "importtime", "-m", "itkoop.cli", "match", NEED]
    packages: dict[str, list[int]] = defaultdict(list)
    outermost: dict[str, list[int]] = defaultdict(list)
    totals = []
    for _ in range(args.importtime_runs):
        records = _importtime(argv, env)
        by_package: dict[str, int] = defaultdict(int)
        for depth, name, own, cumulative in records:
            parts = name.split(".")
            by_package[".".join(parts[:2]) if parts[0] == "itkoop" else parts[0]] += own
            if depth == 0:
                outermost[name].append(cumulative)
        for name, own in by_package.items():
            packages[name].append(own)
        totals.append(sum(c for d, _n, _o, c in records if d == 0))
    print(f"== import time of `itkoop match` (compiled bytecode, least of {args.importtime_runs} runs)")
    print(f"   all imports: {min(totals) / 1e6:.2f} s")
    print("   packages (own time of their modules)")
    for name, times in sorted(packages.items(), key=lambda item: -min(item[1]))[:10]:
        print(f"     {min(times) / 1e3:7.1f} ms  {name}")
    print("   imports started outside another import (app loading, the command), with what they import")
    for name, times in sorted(outermost.items(), key=lambda item: -min(item[1]))[:10]:
        print(f"     {min(times) / 1e3:7.1f} ms  {name}")


def build_demo(database: str) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONPATH": str(ROOT / "src")}
    print("== building the demo database (itkoop demo --no-serve)", flush=True)
    argv = [sys.executable, "-m", "itkoop.cli", "demo", "--no-serve"]
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", help="an existing demo database (SQLite file); else one is built")
    parser.add_argument("--calls", type=int, default=5, help="calls per command after the first (median)")
    parser.add_argument("--before-src", help="another source tree (e.g. main's src/) measured the same way")
    parser.add_argument("--importtime-runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="itkoop-cli-bench-") as tmp:
        if args.database:
            args.database = str(Path(args.database).resolve())
        else:
            args.database = str(Path(tmp) / "demo.sqlite3")
            build_demo(args.database)
        args.cache_dir = str(Path(tmp) / "cache")
        with sqlite3.connect(args.database) as db:
            company_id = db.execute(
                "SELECT external_id FROM registry_company WHERE kind = 'provider' ORDER BY id LIMIT 1"
            ).fetchone()[0]
        trees = [("this tree", str(ROOT / "src"))]
        if args.before_src:
            trees.insert(0, (f"before: {args.before_src}", str(Path(args.before_src).resolve())))
        print(f"== per call, median of {args.calls} after a first call (demo data, partners of {company_id})")
        for number, (name, src) in enumerate(trees):
            bytecode = "bytecode as the environment has it"
            if os.environ.get("PYTHONDONTWRITEBYTECODE"):
                bytecode += " (PYTHONDONTWRITEBYTECODE: sources compiled at each start)"
            measure(args, company_id, src, f"{name}, {bytecode}", None)
            pycache = str(Path(tmp) / f"pyc-{number}")
            measure(args, company_id, src, f"{name}, compiled bytecode", pycache)
        import_breakdown(args, pycache)  # of this tree, the last
        print(json.dumps({"load_average": [round(x, 2) for x in os.getloadavg()]}))


if __name__ == "__main__":
    main()
