"""bench/search.py keeps working: its quick run (600 solutions in SQLite) prints every search, and today's
first page and count equal the former queries' wherever those were ordered (below HIT_LIMIT hits)."""

import os
import subprocess
import sys

from .conftest import REPO


def test_quick_search_bench_finds_what_the_former_queries_found():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(REPO / "src")
    argv = [sys.executable, str(REPO / "bench" / "search.py"), "--quick"]
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=1200, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    lines = result.stdout.splitlines()
    searches = [line for line in lines if line.endswith(("same", "(former unordered)", "name order"))]
    assert len(searches) == 15 and sum(line.endswith("same") for line in searches) >= 12
    assert not [line for line in lines if "DIFFER" in line]
    assert any(line.startswith("company page") for line in lines)
