"""Notifications to people: stored as a kind with parameters (never as rendered text), so each reader sees
them in the language of the page or of their account; and each person's choice of delivery per kind."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IN_APP = "in_app", _("nur hier auf der Plattform")
    IMMEDIATE = "immediate", _("sofort per E-Mail")
    DIGEST = "digest", _("einmal täglich als Zusammenfassung per E-Mail")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("Art"), max_length=80)
    params = models.JSONField(_("Angaben"), default=dict, blank=True)
    # Where the notification leads: a URL name and its arguments, reversed in the reader's language.
    url_name = models.CharField(max_length=120, blank=True)
    url_args = models.JSONField(default=list, blank=True)
    url_fragment = models.CharField(max_length=80, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification went out by e-mail, alone or in a digest; stays empty for in-app only.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("Art"), max_length=80)
    delivery = models.CharField(_("Zustellung"), max_length=20, choices=Delivery.choices)

    class Meta:
        verbose_name = _("Benachrichtigungseinstellung")
        verbose_name_plural = _("Benachrichtigungseinstellungen")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind} = {self.delivery}"
