"""Rate limits hold across web workers (issue 11.6): under production settings with REDIS_URL, two processes
count in one place, so two workers together allow the limit once, not twice. Without it (the per-process
cache, which `check --deploy` refuses: itkoop.E004) each process would allow the limit alone.

Each side runs in processes of their own with the production settings, as gunicorn's workers do.
bench/load.py checks the same against the running server with two workers."""

import os
import secrets
import subprocess
import sys

import pytest

from ..conftest import REPO

REDIS_URL = os.environ.get("ITKOOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
LIMIT = 10
TRIES = 15  # per process

# One worker: the cache of the production settings (the module read as gunicorn's workers read it; the apps
# are not needed to count), then TRIES attempts on one key; prints how many were allowed.
WORKER = f"""
import sys
from django.conf import settings
from itkoop.settings import production
settings.configure(CACHES=production.CACHES)
from itkoop.core.ratelimit import hit
print(sum(hit("shared-test", sys.argv[1], limit={LIMIT}, window=60) for _ in range({TRIES})))
"""


@pytest.fixture
def redis_url():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis does not answer at {REDIS_URL} ({error}); `make redis` starts it")
    return REDIS_URL


def _two_workers(tmp_path, shared_cache: str) -> list[int]:
    """Start two processes at once, each counting TRIES attempts of the same client; their allowed counts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_"))}
    env.update(
        PYTHONPATH=str(REPO / "src"),
        DJANGO_SETTINGS_MODULE="itkoop.settings.production",
        ITKOOP_SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL=shared_cache,
    )
    client = f"198.51.100.{secrets.randbelow(250)}-{secrets.token_hex(4)}"  # a key no earlier run used
    argv = [sys.executable, "-c", WORKER, client]
    workers = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    workers.append(subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    allowed = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        allowed.append(int(out.strip()))
    return allowed


@pytest.mark.broker
def test_two_workers_with_the_shared_cache_allow_the_limit_once(tmp_path, redis_url):
    allowed = _two_workers(tmp_path, redis_url)
    assert sum(allowed) == LIMIT, allowed


def test_without_the_shared_cache_each_worker_would_allow_the_limit(tmp_path):
    """Why production needs REDIS_URL: the per-process cache counts each worker alone."""
    allowed = _two_workers(tmp_path, "")
    assert allowed == [LIMIT, LIMIT]
