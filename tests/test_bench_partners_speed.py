"""bench/partners_speed.py keeps working: its quick run (a small synthetic catalog in SQLite, the web process
and `itkoop partners` as their own processes) reports every figure, and a worker that loads the snapshot, like
the partner store `itkoop partners` loads, ranks exactly the partners, scores and reasons of the catalog
built from the database."""

import json
import os
import subprocess
import sys

from .conftest import REPO


def test_quick_run_reports_every_figure_and_the_snapshot_ranks_the_same_partners():
    argv = [sys.executable, str(REPO / "bench" / "partners_speed.py"), "--quick", "--json"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(REPO / "src")
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=900, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])

    web = report["web"]
    assert web["solutions"] == 300
    assert web["snapshot_loaded"] is True
    assert web["snapshot_same_partners"] is True
    assert web["partner_store_same_partners"] is True  # what `itkoop partners` loads ranks the same
    assert web["partner_store_mb"] > 0 and web["partner_store_load_cpu_s"] > 0
    assert set(web["steady_ms"]) == {"bare_bm25", "without_need", "with_need"}
    assert all(row["p50"] > 0 for row in web["steady_ms"].values())
    assert set(report["cli"]) == {"now:partners", "now:partners_need"}
    assert all(row["next_cpu_s"] > 0 for row in report["cli"].values())
