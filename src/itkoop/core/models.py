"""The network itself: the four hubs of the center and the 22 Mittelstand-Digital centers."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from itkoop.core.i18n import in_page_language, page_language


class Hub(models.Model):
    """A Stützpunkt of the competence center; staff of a hub look after the companies of its region."""

    slug = models.SlugField(_("Kürzel"), primary_key=True, max_length=40)
    name = models.CharField(_("Name"), max_length=200)
    name_en = models.CharField(_("Name (englisch)"), max_length=200, blank=True)
    city = models.CharField(_("Stadt"), max_length=100)
    postal_code = models.CharField(_("PLZ"), max_length=10, blank=True)
    lat = models.FloatField(_("Breitengrad"), null=True, blank=True)
    lon = models.FloatField(_("Längengrad"), null=True, blank=True)
    postcode_prefixes = models.JSONField(_("PLZ-Bereiche"), default=list, blank=True)
    topics = models.JSONField(_("Themen"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Stützpunkt")
        verbose_name_plural = _("Stützpunkte")

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """The name in the page's language (the German one where no English name is kept)."""
        return in_page_language(self.name, self.name_en)


class Center(models.Model):
    """One of the Mittelstand-Digital centers of the network."""

    slug = models.SlugField(_("Kürzel"), primary_key=True, max_length=80)
    name = models.CharField(_("Name"), max_length=200)
    region = models.CharField(_("Region"), max_length=200)
    city = models.CharField(_("Stadt"), max_length=100, blank=True)
    lat = models.FloatField(_("Breitengrad"), null=True, blank=True)
    lon = models.FloatField(_("Längengrad"), null=True, blank=True)
    topics_de = models.JSONField(_("Themen (deutsch)"), default=list, blank=True)
    topics_en = models.JSONField(_("Themen (englisch)"), default=list, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Zentrum")
        verbose_name_plural = _("Zentren")

    def __str__(self) -> str:
        return self.name

    @property
    def topics(self) -> list[str]:
        return self.topics_en if page_language() == "en" and self.topics_en else self.topics_de


class ReferenceDataState(models.Model):
    """Which version of a built-in data file the database holds, so a migrate syncs only what changed.

    Without it every `migrate` would reset capabilities that an imported catalog has extended or updated."""

    name = models.CharField(max_length=100, primary_key=True)
    digest = models.CharField(max_length=64)
    synced = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Stand der Referenzdaten")
        verbose_name_plural = _("Stand der Referenzdaten")

    def __str__(self) -> str:
        return self.name


class DataVersion(models.Model):
    """A stamp that changes with every write to a body of data other processes keep a copy of (the matching
    engine's catalog): a reader compares one primary-key row with the stamp of its copy instead of
    fingerprinting the data. The stamp is random, not a counter, so a restored or rolled-back database never
    shows a stamp that some process already holds for other data. See core/versions.py."""

    name = models.CharField(max_length=50, primary_key=True)
    stamp = models.CharField(max_length=32)
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Datenstand")
        verbose_name_plural = _("Datenstände")

    def __str__(self) -> str:
        return f"{self.name}: {self.stamp}"


class LegalText(models.Model):
    """One version of the Impressum or the privacy notice; editing publishes a new version and old ones stay,
    so a consent record can say which text the person saw."""

    class Kind(models.TextChoices):
        IMPRESSUM = "impressum", _("Impressum")
        PRIVACY = "privacy", _("Datenschutzerklärung")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    version = models.PositiveIntegerField(_("Version"))
    body_de = models.TextField(_("Text (deutsch, Markdown)"))
    body_en = models.TextField(_("Text (englisch, Markdown)"))
    published_at = models.DateTimeField(_("veröffentlicht am"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("Rechtstext")
        verbose_name_plural = _("Rechtstexte")
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="one_legal_text_version")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"

    @property
    def body(self) -> str:
        return in_page_language(self.body_de, self.body_en)


class AuditEntry(models.Model):
    """One action of the staff (verify a company, moderate a profile, move a meeting, edit an event, export
    figures): who, what, on which object, when. Written by the services that do the action; never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("Aktion"), max_length=60, db_index=True)
    object_type = models.CharField(_("Objektart"), max_length=60, blank=True)
    object_id = models.CharField(_("Objekt"), max_length=60, blank=True)
    details = models.JSONField(_("Einzelheiten"), default=dict, blank=True)
    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")

    def __str__(self) -> str:
        return (
            f"{timezone.localtime(self.at):%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"
        )
