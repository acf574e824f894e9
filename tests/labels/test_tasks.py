"""The daily reminder job is declared in the task library's schedule and runs the service."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings

from itkoop.labels import tasks
from itkoop.notifications.models import Notification

from .helpers import grant, provider

pytestmark = pytest.mark.django_db


def test_the_beat_schedule_names_the_reminder_task():
    entry = settings.ITKOOP_PERIODIC_JOBS["label-expiry-reminders"]
    assert entry["task"] == tasks.send_expiry_reminders.name


def test_the_task_sends_what_is_due(monkeypatch):
    member, solution = provider()
    certificate = grant(member, solution)
    day = certificate.valid_until - dt.timedelta(days=7)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)
    assert tasks.send_expiry_reminders.delay().get() == {"reminded": 1, "expired": 0}
    assert Notification.objects.filter(recipient=member, kind="labels.expiring").count() == 1
