"""Background jobs of the notification service: immediate e-mails and the daily digest."""

from __future__ import annotations

import logging
import smtplib
from collections import defaultdict

from django.utils import timezone

from itkoop.taskqueue import app

from . import kinds
from .models import Delivery, Notification, NotificationPreference
from .rendering import email_for

logger = logging.getLogger(__name__)


@app.task(autoretry_for=(OSError, smtplib.SMTPException), retry_backoff=30, max_retries=5)
def deliver_notifications(notification_ids: list[int]) -> int:
    """Send each notification that has not gone out yet to its recipient; returns how many were sent."""
    sent = 0
    pending = (
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .select_related("recipient")
        .order_by("pk")
    )
    for notification in pending:
        recipient = notification.recipient
        if not recipient.is_active or not recipient.email:
            continue
        email_for([notification]).send()
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


@app.task
def send_digests() -> int:
    """Once a day: one e-mail per person with the unread notifications of the kinds they get as a digest
    (by their own choice or by the kind's default)."""
    default_digest = {k.key for k in kinds.all_kinds() if k.default_delivery == Delivery.DIGEST}
    chosen = set(
        NotificationPreference.objects.filter(delivery=Delivery.DIGEST).values_list("kind", flat=True)
    )
    candidates = (
        Notification.objects.filter(
            emailed_at__isnull=True, read_at__isnull=True, kind__in=default_digest | chosen
        )
        .select_related("recipient")
        .order_by("recipient_id", "created", "pk")
    )
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for n in candidates:
        by_user[n.recipient_id].append(n)
    preferences: dict[tuple[int, str], str] = {
        (user_id, kind): delivery
        for user_id, kind, delivery in NotificationPreference.objects.filter(
            user_id__in=list(by_user)
        ).values_list("user_id", "kind", "delivery")
    }
    sent = 0
    for user_id, items in by_user.items():
        items = [
            n
            for n in items
            if preferences.get(
                (user_id, n.kind), kinds.get(n.kind).default_delivery if kinds.get(n.kind) else ""
            )
            == Delivery.DIGEST
        ]
        if not items or not items[0].recipient.is_active or not items[0].recipient.email:
            continue
        try:
            email_for(items, digest=True).send()
        except (OSError, smtplib.SMTPException):
            logger.exception("digest for user %s failed; it goes out with the next one", user_id)
            continue
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=timezone.now())
        sent += 1
    return sent
