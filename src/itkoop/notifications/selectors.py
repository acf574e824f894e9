"""Reads of the notification service that pages share: a person's inbox and unread count."""

from __future__ import annotations

from django.db.models import QuerySet

from . import kinds
from .models import Delivery, Notification, NotificationPreference
from .rendering import Rendered, render

__all__ = ["Delivery", "Rendered", "inbox_of", "preferences_of", "unread_count"]


def notifications_of(user) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)


def inbox_of(user, *, limit: int = 50, offset: int = 0) -> list[Rendered]:
    """The person's notifications, newest first, rendered in the active language."""
    return [render(n) for n in notifications_of(user)[offset : offset + limit]]


def unread_count(user) -> int:
    return notifications_of(user).filter(read_at__isnull=True).count()


def preferences_of(user) -> list[dict]:
    """Every configurable kind with the person's delivery choice (or the kind's default)."""
    stored = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return [
        {"key": k.key, "label": k.label, "delivery": stored.get(k.key, k.default_delivery)}
        for k in kinds.all_kinds()
        if k.configurable and (not k.staff_only or user.is_hub_staff or user.is_center_admin)
    ]


DELIVERY_CHOICES = Delivery.choices
