"""Notifications: an in-app entry for each person, and the same text by e-mail."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ..models import Notification

logger = logging.getLogger(__name__)


def notify_users(users: Iterable, *, subject: str, text: str, url: str = "") -> int:
    """Create one notification per active user and mail them; a failing mail server is logged, not raised."""
    recipients = [u for u in {u.pk: u for u in users}.values() if u.is_active]
    Notification.objects.bulk_create(
        [Notification(recipient=u, text=text[:500], url=url[:500]) for u in recipients]
    )
    emails = [u.email for u in recipients if u.email]
    if emails:
        body = f"{text}\n\n{settings_site_url()}{url}" if url else text
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails)
        except Exception:  # the in-app notification stands; the mail is best effort
            logger.exception("notification mail to %d recipients failed", len(emails))
    return len(recipients)


def settings_site_url() -> str:
    return getattr(settings, "ITKOOP_SITE_URL", "").rstrip("/")


def company_members(company):
    from itkoop.accounts import selectors as accounts

    return accounts.company_members(company)


@transaction.atomic
def notification_mark_read(*, actor, notification: Notification) -> None:
    if not getattr(actor, "is_authenticated", False) or notification.recipient_id != actor.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
