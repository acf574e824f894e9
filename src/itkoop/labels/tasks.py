"""Background jobs of labels: the daily reminders before a label ends (60, 30, 7 days) and the notice that it
has ended (declared in settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task
def send_expiry_reminders() -> dict[str, int]:
    return services.send_expiry_reminders()
