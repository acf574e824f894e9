"""Cooperations (invitation to result), the contract templates the center maintains, the marketplace of
cooperation profiles with expressions of interest, in-app notifications and inquiries to the network."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Cooperation(models.Model):
    """Companies working together on an offer or a project; its history feeds trust in partner ranking."""

    class State(models.TextChoices):
        INVITED = "invited", _("eingeladen")
        ACTIVE = "active", _("aktiv")
        RESULT = "result", _("mit Ergebnis")
        ENDED = "ended", _("beendet")
        # The inviter took the invitation back before it became active; it counts as never sent.
        WITHDRAWN = "withdrawn", _("zurückgezogen")

    class ResultKind(models.TextChoices):
        OFFER_WON = "offer_won", _("Angebot gewonnen")
        PROJECT_DONE = "project_done", _("Projekt abgeschlossen")
        ENDED = "ended", _("ohne Ergebnis beendet")

    title = models.CharField(_("Titel"), max_length=200)
    subject = models.TextField(_("Gegenstand"), blank=True)
    need_text = models.TextField(_("Bedarf"), blank=True)
    # The inviter's personal words to the invited companies (plain text, shown escaped).
    message = models.TextField(_("Persönliche Nachricht"), blank=True)
    bundle = models.JSONField(_("Gesamtangebot (Momentaufnahme)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hub = models.ForeignKey(
        "core.Hub",
        verbose_name=_("Stützpunkt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperations",
    )
    state = models.CharField(_("Stand"), max_length=10, choices=State.choices, default=State.INVITED)
    result_kind = models.CharField(_("Ergebnis"), max_length=15, choices=ResultKind.choices, blank=True)
    result_record = models.TextField(_("Kurzprotokoll"), blank=True)
    result_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("angelegt am"), default=timezone.now)
    activated_at = models.DateTimeField(_("aktiv seit"), null=True, blank=True)
    result_at = models.DateTimeField(_("Ergebnis am"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)
    # SHA-256 of the token that created it (the need page's invitation token or the invitation form's
    # one-time nonce): each token invites once.
    invite_digest = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Kooperation")
        verbose_name_plural = _("Kooperationen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:detail", args=[self.pk])


class CooperationParticipant(models.Model):
    """One invited company and its answer; accepting means accepting the code of conduct."""

    class State(models.TextChoices):
        INVITED = "invited", _("eingeladen")
        ACCEPTED = "accepted", _("zugesagt")
        DECLINED = "declined", _("abgesagt")

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="participants")
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("Unternehmen"),
        on_delete=models.CASCADE,
        related_name="cooperation_participations",
    )
    state = models.CharField(_("Antwort"), max_length=10, choices=State.choices, default=State.INVITED)
    accepted_code_of_conduct_at = models.DateTimeField(
        _("Verhaltenskodex akzeptiert am"), null=True, blank=True
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(_("geantwortet am"), null=True, blank=True)

    class Meta:
        ordering = ["company__name"]
        verbose_name = _("Kooperationspartner")
        verbose_name_plural = _("Kooperationspartner")
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "company"], name="one_participation_per_company"),
            models.CheckConstraint(
                condition=~models.Q(state="accepted") | models.Q(accepted_code_of_conduct_at__isnull=False),
                name="accepted_means_code_of_conduct",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.cooperation}"


class ContractTemplate(models.Model):
    """A draft contract maintained by the center: Markdown with ${placeholders}, one per kind and language."""

    class Kind(models.TextChoices):
        NDA = "nda", _("Vertraulichkeitsvereinbarung (NDA)")
        AGREEMENT = "agreement", _("Kooperationsvertrag")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    language = models.CharField(
        _("Sprache"), max_length=2, choices=[("de", _("Deutsch")), ("en", _("Englisch"))]
    )
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(
        _("Text (Markdown)"),
        help_text=_(
            "Platzhalter: ${title}, ${subject}, ${partners}, ${partner_names}, ${date}, ${start_date}, "
            "${center}; Links zu Erläuterungen: ${kb_geheimhaltung}, ${kb_haftung}, ${kb_laufzeit}, "
            "${kb_kuendigung}, ${kb_verguetung}, ${kb_ip_rechte}, ${kb_wettbewerb}, ${kb_gerichtsstand}."
        ),
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "language"]
        verbose_name = _("Vertragsvorlage")
        verbose_name_plural = _("Vertragsvorlagen")
        constraints = [
            models.UniqueConstraint(fields=["kind", "language"], name="one_template_per_kind_language")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"


class CooperationProfile(models.Model):
    """An offer or request published to the network; anonymous if wished until an interest is accepted."""

    class Kind(models.TextChoices):
        BUSINESS_OFFER = "business_offer", _("Geschäftsangebot")
        BUSINESS_REQUEST = "business_request", _("Geschäftsgesuch")
        TECHNOLOGY_OFFER = "technology_offer", _("Technologieangebot")
        TECHNOLOGY_REQUEST = "technology_request", _("Technologiegesuch")
        RND_PARTNER_SEARCH = "rnd_partner_search", _("F&E-Partnersuche")

    class Moderation(models.TextChoices):
        PENDING = "pending", _("wartet auf Freigabe")
        PUBLISHED = "published", _("veröffentlicht")
        REJECTED = "rejected", _("abgelehnt")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(_("Beschreibung"))
    capabilities = models.ManyToManyField(
        "registry.Capability", verbose_name=_("Fähigkeiten"), blank=True, related_name="cooperation_profiles"
    )
    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("Unternehmen"),
        on_delete=models.CASCADE,
        related_name="cooperation_profiles",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymous = models.BooleanField(
        _("anonym veröffentlichen"),
        default=False,
        help_text=_("Ihr Unternehmen bleibt verborgen, bis Sie eine Interessensbekundung annehmen."),
    )
    deadline = models.DateField(_("Frist für Rückmeldungen"), null=True, blank=True)
    expires_at = models.DateTimeField(_("läuft ab am"))
    moderation = models.CharField(
        _("Freigabe"), max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderation_note = models.CharField(_("Hinweis der Moderation"), max_length=500, blank=True)
    created = models.DateTimeField(_("angelegt am"), default=timezone.now)
    renewed_at = models.DateTimeField(_("verlängert am"), null=True, blank=True)
    # Set by the periodic job cooperation.tasks.notify_profile_expiry, so each notice goes out once
    # (renewing clears the warning).
    expiry_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    expired_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Kooperationsprofil")
        verbose_name_plural = _("Kooperationsprofile")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:profile", args=[self.pk])

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class ExpressionOfInterest(models.Model):
    """A company's answer to a profile: three short questions; the author accepts or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", _("offen")
        ACCEPTED = "accepted", _("angenommen")
        DECLINED = "declined", _("abgelehnt")

    profile = models.ForeignKey(CooperationProfile, on_delete=models.CASCADE, related_name="interests")
    company = models.ForeignKey(
        "registry.Company", verbose_name=_("Unternehmen"), on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cooperation_sought = models.TextField(_("Welche Zusammenarbeit suchen Sie?"))
    questions = models.TextField(_("Was müssen Sie noch wissen?"), blank=True)
    about = models.TextField(_("Wer sind Sie?"))
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Interessensbekundung")
        verbose_name_plural = _("Interessensbekundungen")
        constraints = [
            models.UniqueConstraint(fields=["profile", "company"], name="one_interest_per_company")
        ]

    def __str__(self) -> str:
        return f"{self.company} → {self.profile}"


class Inquiry(models.Model):
    """A question to the network, routed to one hub by topic and postcode and e-mailed to its staff."""

    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail-Adresse"))
    organisation = models.CharField(_("Unternehmen oder Organisation"), max_length=200, blank=True)
    postal_code = models.CharField(_("PLZ"), max_length=5)
    topic = models.CharField(_("Thema"), max_length=200)
    question = models.TextField(_("Ihre Frage"))
    hub = models.ForeignKey(
        "core.Hub", verbose_name=_("Stützpunkt"), on_delete=models.PROTECT, related_name="inquiries"
    )
    routed_by = models.CharField(_("zugeordnet nach"), max_length=20)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Anfrage")
        verbose_name_plural = _("Anfragen")

    def __str__(self) -> str:
        return f"{self.name}: {self.topic}"
