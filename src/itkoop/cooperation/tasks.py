"""Background jobs of the cooperation app: the marketplace's expiry notices (scheduled in
settings.ITKOOP_PERIODIC_JOBS)."""

from __future__ import annotations

from itkoop.taskqueue import app

from .services import marketplace


@app.task
def notify_profile_expiry() -> int:
    """Warn companies of published profiles about to expire, and tell them when one has expired."""
    warned, expired = marketplace.profiles_notify_expiry()
    return warned + expired
