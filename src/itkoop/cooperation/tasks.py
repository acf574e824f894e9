"""Background jobs of the cooperation app: the marketplace's expiry notices (scheduled in
settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from .services import marketplace


@shared_task
def notify_profile_expiry() -> int:
    """Warn companies of published profiles about to expire, and tell them when one has expired."""
    warned, expired = marketplace.profiles_notify_expiry()
    return warned + expired
