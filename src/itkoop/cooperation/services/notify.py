"""Notifications of the cooperation app go through the notification service (itkoop.notifications)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from itkoop.notifications import services as notifications

# Interim kind: the text is rendered by the caller. Each call moves to a kind of its own with parameters.
notifications.register(
    notifications.Kind(key="cooperation.message", label=_("Kooperationen und Marktplatz"), title="%(text)s")
)


def notify_users(users: Iterable, *, subject: str, text: str, url: str = "") -> int:
    return len(notifications.notify(recipients=users, kind="cooperation.message", params={"text": text}))


def company_members(company):
    from itkoop.accounts import selectors as accounts

    return accounts.company_members(company)
