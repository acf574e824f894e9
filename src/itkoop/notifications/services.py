"""The one way to tell a person something: in-app, and by e-mail at once or in a daily digest.

A service of any app calls ``notify(recipients=..., kind=..., params=..., url=...)`` inside its transaction;
the rows are written with it, and the e-mails are queued only after the transaction commits, so a rollback
sends nothing. Texts are rendered from the kind and its parameters in the recipient's language when read or
sent, never stored rendered."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import kinds
from .kinds import Attachment, Kind, register
from .models import Delivery, Notification, NotificationPreference

__all__ = [
    "Attachment",
    "Delivery",
    "Kind",
    "notification_mark_read",
    "notifications_mark_all_read",
    "notify",
    "preferences_set",
    "register",
]

logger = logging.getLogger(__name__)
MAX_PARAM_LENGTH = 500


def _clean_params(params: dict[str, Any]) -> dict[str, Any]:
    """Only plain JSON values; long user texts are cut so a notification row stays small."""
    clean: dict[str, Any] = {}
    for key, value in params.items():
        if value is None or isinstance(value, bool | int | float):
            clean[key] = value
        else:
            clean[key] = str(value)[:MAX_PARAM_LENGTH]
    return clean


def notify(
    *,
    recipients: Iterable,
    kind: str,
    params: dict[str, Any] | None = None,
    url: tuple[str, Iterable[Any]] | str | None = None,
    fragment: str = "",
) -> list[Notification]:
    """Store one notification per active recipient (duplicates removed) and queue the immediate e-mails
    after commit. ``url`` is a URL name with its arguments, e.g. ``("cooperation:detail", [pk])``."""
    spec = kinds.get(kind)
    if spec is None:
        raise ValueError(f"unknown notification kind {kind!r}")
    people = [u for u in {u.pk: u for u in recipients if u is not None}.values() if u.is_active]
    if not people:
        return []
    url_name, url_args = (url, []) if isinstance(url, str) else (url or ("", []))
    clean = _clean_params(params or {})
    rows = Notification.objects.bulk_create(
        [
            Notification(
                recipient=person,
                kind=kind,
                params=clean,
                url_name=url_name,
                url_args=[a if isinstance(a, int) else str(a) for a in url_args],
                url_fragment=fragment,
            )
            for person in people
        ]
    )
    stored = dict(
        NotificationPreference.objects.filter(user__in=people, kind=kind).values_list("user_id", "delivery")
    )
    immediate = [
        row.pk
        for row, person in zip(rows, people, strict=True)
        if stored.get(person.pk, spec.default_delivery) == Delivery.IMMEDIATE and person.email
    ]
    if immediate:
        from .tasks import deliver_notifications

        transaction.on_commit(lambda: deliver_notifications.delay(immediate))
    return rows


@transaction.atomic
def notification_mark_read(*, actor, notification_id: int) -> Notification:
    """Mark one of the actor's own notifications read; anyone else's is refused."""
    notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
    if notification is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    if notification.recipient_id != actor.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor) -> int:
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def preferences_set(*, actor, deliveries: dict[str, str]) -> None:
    """Store the actor's delivery choice per kind; unknown kinds or choices are refused, nothing stored."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    for key, delivery in deliveries.items():
        spec = kinds.get(key)
        if spec is None or not spec.configurable or delivery not in Delivery.values:
            raise ValidationError(_("Diese Einstellung gibt es nicht."))
    for key, delivery in deliveries.items():
        NotificationPreference.objects.update_or_create(user=actor, kind=key, defaults={"delivery": delivery})
