"""Product labels the center awards ("Software Made in Germany", "Software Hosted in Germany"): the schemes
and their versioned criteria, a company's application for one solution (a self-declaration per criterion with
optional evidence files), and the certificate a granted application becomes, valid for twelve months and
verifiable by its public code.

Evidence files live under MEDIA_ROOT/private/labels/, which no URL serves: only the permission-checked
evidence view hands a file out."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from itkoop.core.i18n import in_page_language

MAX_EXPLANATION = 2000
MAX_NOTE = 2000
# Unambiguous characters for codes people read out or type: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class LabelScheme(models.Model):
    """A label the center awards. ``slug`` is the registry's label of the same slug: companies that carry that
    tag on their profile have only declared it themselves until one of their solutions is certified."""

    slug = models.SlugField(_("Kennung"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    description_de = models.TextField(_("Beschreibung (deutsch)"), blank=True)
    description_en = models.TextField(_("Beschreibung (englisch)"), blank=True)
    validity_months = models.PositiveSmallIntegerField(_("Gültigkeit in Monaten"), default=12)
    active = models.BooleanField(_("Anträge möglich"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Siegel")
        verbose_name_plural = _("Siegel")

    def __str__(self) -> str:
        return self.name

    @property
    def localized_description(self) -> str:
        return in_page_language(self.description_de, self.description_en)


class CriteriaVersion(models.Model):
    """One published list of a scheme's criteria. An application keeps the version it was made under; a new
    version applies to applications started after it."""

    scheme = models.ForeignKey(LabelScheme, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("Version"))
    published = models.DateField(_("gültig ab"), default=timezone.localdate)

    class Meta:
        ordering = ["scheme", "-number"]
        constraints = [models.UniqueConstraint(fields=["scheme", "number"], name="labels_version_unique")]
        verbose_name = _("Kriterienfassung")
        verbose_name_plural = _("Kriterienfassungen")

    def __str__(self) -> str:
        return f"{self.scheme} v{self.number}"


class Criterion(models.Model):
    version = models.ForeignKey(CriteriaVersion, on_delete=models.CASCADE, related_name="criteria")
    key = models.SlugField(_("Kennung"), max_length=80)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    text_de = models.CharField(_("Kriterium (deutsch)"), max_length=500)
    text_en = models.CharField(_("Kriterium (englisch)"), max_length=500, blank=True)
    hint_de = models.CharField(_("Möglicher Nachweis (deutsch)"), max_length=500, blank=True)
    hint_en = models.CharField(_("Möglicher Nachweis (englisch)"), max_length=500, blank=True)

    class Meta:
        ordering = ["version", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="labels_criterion_unique")]
        verbose_name = _("Kriterium")
        verbose_name_plural = _("Kriterien")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return in_page_language(self.text_de, self.text_en)

    @property
    def hint(self) -> str:
        return in_page_language(self.hint_de, self.hint_en)


class Application(models.Model):
    """A company's application for one label for one of its solutions. Submitted by a member; the center
    approves it (a Certificate), asks for more (the applicant edits and submits again) or rejects it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("eingereicht")
        CHANGES_REQUESTED = "changes_requested", _("Ergänzung erbeten")
        APPROVED = "approved", _("erteilt")
        REJECTED = "rejected", _("abgelehnt")

    OPEN = (Status.SUBMITTED, Status.CHANGES_REQUESTED)

    scheme = models.ForeignKey(LabelScheme, verbose_name=_("Siegel"), on_delete=models.PROTECT)
    version = models.ForeignKey(CriteriaVersion, verbose_name=_("Kriterienfassung"), on_delete=models.PROTECT)
    solution = models.ForeignKey(
        "registry.Solution", verbose_name=_("Lösung"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("Stand"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    # The certificate this application renews (its declarations were the starting point).
    renewal_of = models.ForeignKey(
        "Certificate", null=True, blank=True, on_delete=models.SET_NULL, related_name="renewals"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now, db_index=True)
    submitted_at = models.DateTimeField(_("zuletzt eingereicht"), default=timezone.now)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The reviewer's reasons (a rejection) or what is missing (a request for more); shown to the applicant.
    decision_note = models.TextField(_("Begründung"), blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Siegel-Antrag")
        verbose_name_plural = _("Siegel-Anträge")
        constraints = [
            # One open application per solution and label: a second one would be decided twice.
            models.UniqueConstraint(
                fields=["solution", "scheme"],
                condition=models.Q(status__in=["submitted", "changes_requested"]),
                name="labels_one_open_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.solution_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class Declaration(models.Model):
    """The applicant's statement on one criterion: confirmed, with how it is met."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="declarations")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    confirmed = models.BooleanField(_("erfüllt"), default=False)
    explanation = models.TextField(_("Erläuterung"), blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion"], name="labels_declaration_unique")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}/{self.criterion_id}"


def evidence_path(evidence: Evidence, _filename: str) -> str:
    """A random name: it reveals neither the company nor the content. The extension is the checked type's."""
    return f"private/labels/{uuid.uuid4().hex}.{evidence.extension}"


class Evidence(models.Model):
    """A file that backs a declaration (PDF, PNG or JPEG, type checked from the content)."""

    EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="evidence")
    criterion = models.ForeignKey(
        Criterion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to=evidence_path)
    filename = models.CharField(_("Dateiname"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("Nachweis")
        verbose_name_plural = _("Nachweise")

    def __str__(self) -> str:
        return self.filename

    @property
    def extension(self) -> str:
        return self.EXTENSIONS.get(self.content_type, "bin")


@receiver(post_delete, sender=Evidence)
def _delete_file(sender, instance: Evidence, **kwargs) -> None:
    """The file goes with its row (also when the solution is deleted), once that is committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


class Certificate(models.Model):
    """A granted label: one solution, one scheme, from ``valid_from`` to ``valid_until`` (both days included),
    verifiable at its public code."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="certificate")
    scheme = models.ForeignKey(LabelScheme, on_delete=models.PROTECT, related_name="certificates")
    solution = models.ForeignKey(
        "registry.Solution", on_delete=models.CASCADE, related_name="label_certificates"
    )
    code = models.CharField(_("Prüfcode"), max_length=20, unique=True, default=new_code)
    granted_at = models.DateTimeField(_("erteilt am"), default=timezone.now, db_index=True)
    valid_from = models.DateField(_("gültig ab"))
    valid_until = models.DateField(_("gültig bis"), db_index=True)
    renewal = models.BooleanField(_("Verlängerung"), default=False)
    # The certificate this one continues without a gap (a renewal granted before the old one ended).
    continues = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="continuation"
    )
    # The reminders sent before the end (days before it: 60, 30, 7), and whether the end was announced.
    reminders_sent = models.JSONField(default=list, blank=True)
    expiry_notified = models.BooleanField(default=False)

    class Meta:
        ordering = ["-valid_until", "-pk"]
        verbose_name = _("Erteiltes Siegel")
        verbose_name_plural = _("Erteilte Siegel")

    def __str__(self) -> str:
        return f"{self.scheme} {self.code}"
