"""Background jobs of labels: the daily reminders before a label ends (60, 30, 7 days) and the notice that it
has ended (declared in settings.ITKOOP_PERIODIC_JOBS)."""

from __future__ import annotations

from itkoop.taskqueue import app

from . import services


@app.task
def send_expiry_reminders() -> dict[str, int]:
    return services.send_expiry_reminders()
