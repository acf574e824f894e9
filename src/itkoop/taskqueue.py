"""The Celery application: every background job (mails, schedule builds, imports, periodic housekeeping).

Without a broker URL (the embedded default: `itkoop demo` on SQLite) tasks run eagerly in the calling
process, so a hub laptop needs no extra service. With ITKOOP_BROKER_URL set, `itkoop worker` and
`itkoop beat` run them.
Task modules live in the app that owns the work (`events/tasks.py`) and are found by autodiscovery."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itkoop.settings.dev")

app = Celery("itkoop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
