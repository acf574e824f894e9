"""Claims of company profiles that nobody looks after: the single-use links the platform e-mails to a
company's contact address, and a person's claim to become the company's member."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_NOTE = 1000
MAX_REASON = 300


class ClaimInvitation(models.Model):
    """A claim link sent to a company's contact address. Only the SHA-256 digest of the signed token is kept:
    the link is single-use (``used_at``) and nobody who reads the database can use it."""

    company = models.ForeignKey(
        "registry.Company", verbose_name=_("Unternehmen"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("gesendet an"))
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingeladen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The cooperation the company is invited to (the claims app sits below cooperation: a plain id).
    cooperation_id = models.PositiveBigIntegerField(null=True, blank=True)
    reason = models.CharField(_("Anlass"), max_length=MAX_REASON, blank=True)
    created = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("gültig bis"))
    sent_at = models.DateTimeField(_("gesendet am"), null=True, blank=True)
    used_at = models.DateTimeField(_("verwendet am"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Einladungslink")
        verbose_name_plural = _("Einladungslinks")

    def __str__(self) -> str:
        return f"{self.company} ({self.created:%Y-%m-%d})"


class Claim(models.Model):
    """A person asks to look after a company profile: settled at once by a confirmed address at the
    company's web domain, otherwise by the hub staff."""

    class Status(models.TextChoices):
        PENDING = "pending", _("wartet auf Prüfung")
        APPROVED = "approved", _("angenommen")
        REJECTED = "rejected", _("abgelehnt")

    class Route(models.TextChoices):
        LINK = "link", _("Link aus der Einladung")
        PAGE = "page", _("Profilseite")

    company = models.ForeignKey(
        "registry.Company", verbose_name=_("Unternehmen"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="+"
    )
    invitation = models.ForeignKey(
        ClaimInvitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    route = models.CharField(_("Weg"), max_length=10, choices=Route.choices)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    note = models.TextField(_("Ihre Rolle im Unternehmen"), max_length=MAX_NOTE, blank=True)
    # True when the person's confirmed address was at the company's web domain (settled without staff).
    by_domain = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("Begründung"), max_length=500, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("Profilübernahme")
        verbose_name_plural = _("Profilübernahmen")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "user"], condition=Q(status="pending"), name="one_pending_claim_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.company}"
