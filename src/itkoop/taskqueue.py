"""The Celery application: every background job (mails, schedule builds, imports, periodic housekeeping).

Without a broker URL (the embedded default: `itkoop demo` on SQLite) tasks run eagerly in the calling
process, so a hub laptop needs no extra service. With ITKOOP_BROKER_URL set, `itkoop worker` and
`itkoop beat` run them.
Task modules live in the app that owns the work (`events/tasks.py`), declare their tasks on this app
(`@app.task`) and are found by autodiscovery. The app is made when the first task module (or the worker)
imports this module, not at Django's start: a process that queues nothing (`itkoop match`) does not load
the task library."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from celery import Celery
from celery.schedules import crontab
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itkoop.settings.dev")


def beat_schedule(jobs: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Celery's beat schedule of settings.ITKOOP_PERIODIC_JOBS: "every" seconds or a "crontab"."""
    return {
        name: {
            "task": job["task"],
            "schedule": crontab(**job["crontab"]) if "crontab" in job else job["every"],
        }
        for name, job in jobs.items()
    }


app = Celery("itkoop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = beat_schedule(settings.ITKOOP_PERIODIC_JOBS)
app.autodiscover_tasks()
