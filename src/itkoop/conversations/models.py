"""Conversations between the parties of a cooperation, an accepted marketplace interest, a meeting request,
or a company contacted from its page. A conversation belongs to one object (kind + id); its parties are
companies (every member reads and writes) or single people (meeting requests, a person without a company,
hub staff a party added)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_BODY = 5000


class Conversation(models.Model):
    class Kind(models.TextChoices):
        COOPERATION = "cooperation", _("Kooperation")
        INTEREST = "interest", _("Interessensbekundung")
        MEETING_REQUEST = "meeting_request", _("Gesprächsanfrage")
        COMPANY_CONTACT = "company_contact", _("Kontaktanfrage")

    subject = models.CharField(_("Betreff"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    # The id of the cooperation, interest or meeting request; for a company contact the contacted company's.
    object_id = models.PositiveBigIntegerField(_("gehört zu (Kennung)"))
    created = models.DateTimeField(_("begonnen am"), default=timezone.now)
    last_message_at = models.DateTimeField(_("letzte Nachricht"), null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-created"]
        verbose_name = _("Unterhaltung")
        verbose_name_plural = _("Unterhaltungen")
        constraints = [
            # One conversation per cooperation, interest and meeting request; contacts may be many.
            models.UniqueConstraint(
                fields=["kind", "object_id"],
                condition=~Q(kind="company_contact"),
                name="one_conversation_per_object",
            )
        ]

    def __str__(self) -> str:
        return self.subject


class Participant(models.Model):
    """A party: a company (all its members) or one person. Hub staff are people a party added."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    company = models.ForeignKey(
        "registry.Company", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Beteiligte")
        verbose_name_plural = _("Beteiligte")
        constraints = [
            models.CheckConstraint(
                condition=(Q(company__isnull=False) & Q(user__isnull=True))
                | (Q(company__isnull=True) & Q(user__isnull=False)),
                name="participant_is_company_or_person",
            ),
            models.UniqueConstraint(
                fields=["conversation", "company"], condition=Q(company__isnull=False), name="company_once"
            ),
            models.UniqueConstraint(
                fields=["conversation", "user"], condition=Q(user__isnull=False), name="person_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.company or self.user)


class Message(models.Model):
    """What a party wrote, or a line the platform adds (`system_kind`): that is stored as a kind, not as
    text, and reads in the reader's language."""

    class SystemKind(models.TextChoices):
        HUB_TEAM_ADDED = "hub_team_added", _("Stützpunkt-Team hinzugefügt")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("Nachricht"), max_length=MAX_BODY, blank=True)
    system_kind = models.CharField(
        _("Hinweis der Plattform"), max_length=30, choices=SystemKind.choices, blank=True
    )
    created = models.DateTimeField(_("gesendet am"), default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def text(self) -> str:
        """The message as a reader sees it, in the active language for the platform's own lines."""
        if self.system_kind == self.SystemKind.HUB_TEAM_ADDED:
            person = str(self.author) if self.author else _("Eine gelöschte Person")
            return str(_("%(person)s hat das Team des Stützpunkts zu dieser Unterhaltung hinzugefügt.")) % {
                "person": person
            }
        return self.body
