"""The task queue end to end with a real broker and a real worker process: hub staff ask for a schedule on
the web page, a Celery worker (a separate process, taking the task from Redis) builds it, the progress
endpoint reports it done and the plan page shows the meetings.

The worker reads what the test wrote, so the data must be committed (transactional_db) in a database another
process can open: PostgreSQL. Skipped on SQLite (the in-memory test database is private to this process) and
when Redis does not answer (`make redis` starts it). ITKOOP_TEST_REDIS_URL chooses the Redis database; the
test flushes it, and uses a queue of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.urls import reverse

import itkoop
from itkoop.events.models import Meeting, ScheduleRun
from itkoop.taskqueue import app

from ..factories import hub_staff
from .test_schedule_background import meeting_day_with_requests

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]

REDIS_URL = os.environ.get("ITKOOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
WAIT_S = 60


def _database_url() -> str:
    """The test database as a URL for the worker process (the test's own, not the configured one)."""
    d = connection.settings_dict
    auth = quote(d["USER"] or "", safe="") + (":" + quote(d["PASSWORD"], safe="") if d["PASSWORD"] else "")
    return f"postgres://{auth}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


@pytest.fixture
def redis_broker():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process must see the committed test data: run on PostgreSQL")
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis does not answer at {REDIS_URL} ({error}); `make redis` starts it")
    client.flushdb()
    yield REDIS_URL
    client.flushdb()
    client.close()


@pytest.fixture
def queue(redis_broker, settings, tmp_path):
    """A worker process on a queue of its own, and this process publishing to it instead of running tasks
    eagerly."""
    name = f"itkoop-test-{uuid.uuid4().hex[:8]}"
    src = str(Path(itkoop.__file__).resolve().parent.parent)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "itkoop.settings.test",
        "DATABASE_URL": _database_url(),
        "ITKOOP_TEST_BROKER_URL": redis_broker,
        "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]),
    }
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "itkoop.taskqueue:app", "worker"),
                *("--pool=solo", "--concurrency=1", "-Q", name, "--loglevel=INFO"),
                *("--without-heartbeat", "--without-gossip", "--without-mingle"),
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    settings.CELERY_BROKER_URL = redis_broker
    settings.CELERY_TASK_ALWAYS_EAGER = False
    before = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue")}
    app.conf.update(broker_url=redis_broker, task_always_eager=False, task_default_queue=name)
    app._after_fork()  # forget connection pools made for another broker URL
    try:
        yield worker, log
    finally:
        app.conf.update(before)
        app._after_fork()
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def test_staff_request_a_schedule_and_a_worker_process_builds_it(client, queue):
    worker, log = queue
    day = meeting_day_with_requests()
    client.force_login(hub_staff("kassel"))

    response = client.post(reverse("events:schedule_build", args=[day.pk]))
    assert response.status_code == 302
    run = ScheduleRun.objects.get(event=day)
    assert run.status == ScheduleRun.Status.QUEUED  # not run here: it went to the broker

    status_url = reverse("events:schedule_status", args=[day.pk])
    deadline = time.monotonic() + WAIT_S
    status = client.get(status_url).json()
    while status["active"] and time.monotonic() < deadline:
        assert worker.poll() is None, "the worker exited:\n" + log.read_text(errors="replace")
        time.sleep(0.2)
        status = client.get(status_url).json()
    assert status["status"] == ScheduleRun.Status.DONE, (status, log.read_text(errors="replace"))
    assert status["percent"] == 100 and status["bound"] >= status["value"] > 0

    page = client.get(reverse("events:schedule", args=[day.pk])).content.decode()
    assert "Der Gesprächsplan ist fertig." in page and "so gut wie der bestmögliche Plan" in page
    assert "bewiesene Obergrenze" not in page and "fertig: Fertig." not in page
    shown = Meeting.objects.filter(event=day).select_related("request__sender").first()
    assert shown is not None and str(shown.request.sender) in page
    assert "build_schedule" in log.read_text(errors="replace")
