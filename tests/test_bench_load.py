"""bench/load.py keeps working: its quick run (a small catalog, 5 clients for 3 s, 40 registrations for 10
seats) against the real production server. On the PostgreSQL run of the suite it uses a database of its own
on the same server, else an SQLite file. It needs the shared cache (Redis), as production does."""

import json
import os
import subprocess
import sys

import pytest

from .conftest import REPO

pytestmark = [pytest.mark.broker, pytest.mark.database]

REDIS_URL = os.environ.get("ITKOOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_quick_load_run_reports_every_endpoint_without_errors_and_fills_the_seats_in_order():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis does not answer at {REDIS_URL} ({error}); `make redis` starts it")
    argv = [sys.executable, str(REPO / "bench" / "load.py"), "--quick", "--json", "--redis-url", REDIS_URL]
    database = os.environ.get("DATABASE_URL", "")
    if database.startswith("postgres"):
        name = os.environ.get("ITKOOP_TEST_DB_NAME") or "itkoop"
        argv += ["--database-url", f"{database.rsplit('/', 1)[0]}/{name}_loadquick"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_"))}
    env["PYTHONPATH"] = str(REPO / "src")
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=1200, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])

    assert report["failures"] == []
    assert report["think_s"] == [0.0, 0.2]
    for phase in ("baseline", "load", "saturation"):
        assert set(report[phase]) == {"search", "company", "match", "register", "_total"}
        assert all(report[phase][name]["errors"] == 0 for name in ("search", "company", "match", "register"))
    assert all(report["load"][name]["requests"] > 0 for name in ("search", "company", "match"))
    # 40 at once for 10 seats: 10 confirmed, 30 waiting at 1..30, every registration answered.
    assert report["rush"] == report["rush"] | {"posts": 40, "answered_302": 40, "errors": 0}
    assert report["db"] == report["db"] | {
        "confirmed": 10,
        "waitlisted": 30,
        "confirmed_before_waiting": True,
    }
    assert "positions 1..30 in the order of registration: yes" in result.stdout
    # The matching limit from one address over both workers: exactly the limit passed.
    limit = report["rate_limit"]
    assert limit["passed"] == limit["limit"] and limit["limited_429"] == limit["sent"] - limit["limit"]
    assert limit["workers_answering"] == 2
