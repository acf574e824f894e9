"""The registry: companies, their solutions, and the taxonomy of capabilities and interface standards."""

from urllib.parse import urlsplit

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from itkoop.core.converters import EXTERNAL_ID_MAX_LENGTH, EXTERNAL_ID_REGEX
from itkoop.core.i18n import in_page_language

SLUG_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
# A phone number as people write it: an optional +, then digits with spaces, slashes, dots, dashes and
# brackets; at least six digits (checked in the form).
phone_validator = RegexValidator(
    r"\A\+?[0-9][0-9 ()/.\-]{4,38}[0-9]\Z",
    _("Bitte geben Sie eine Telefonnummer aus Ziffern an, z. B. +49 561 123456 oder 0561 / 12 34 56."),
)
# A company's or solution's id becomes part of its URLs: the catalog schema's pattern, nothing else.
external_id_validator = RegexValidator(
    rf"\A{EXTERNAL_ID_REGEX}\Z", _("Nur Buchstaben, Ziffern, Punkt, Unterstrich und Bindestrich.")
)


class Capability(models.Model):
    """A node of the capability taxonomy. `exchanges_with` says which capabilities must talk in a bundle."""

    id = models.CharField(_("Kennung"), primary_key=True, max_length=80)
    label_de = models.CharField(_("Bezeichnung (deutsch)"), max_length=200)
    label_en = models.CharField(_("Bezeichnung (englisch)"), max_length=200, blank=True)
    synonyms_de = models.JSONField(_("Synonyme (deutsch)"), default=list, blank=True)
    synonyms_en = models.JSONField(_("Synonyme (englisch)"), default=list, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Oberbegriff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    exchanges_with = models.ManyToManyField(
        "self", verbose_name=_("tauscht Daten mit"), symmetrical=False, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["label_de"]
        verbose_name = _("Fähigkeit")
        verbose_name_plural = _("Fähigkeiten")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return in_page_language(self.label_de, self.label_en)


class Standard(models.Model):
    """An interface standard or data format that solutions provide or consume. `label` is its German name,
    `label_en` its English one where that differs (most names, "DATEV" or "BMEcat", are the same)."""

    id = models.CharField(_("Kennung"), primary_key=True, max_length=80)
    label = models.CharField(_("Bezeichnung"), max_length=200)
    label_en = models.CharField(_("Bezeichnung (englisch)"), max_length=200, blank=True)
    url = models.CharField(_("Link"), max_length=500, blank=True)
    used_by = models.ManyToManyField(
        Capability, verbose_name=_("verwendet von"), blank=True, related_name="standards"
    )

    class Meta:
        ordering = ["label"]
        verbose_name = _("Schnittstellenstandard")
        verbose_name_plural = _("Schnittstellenstandards")

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        """The name in the active language."""
        return in_page_language(self.label, self.label_en)

    @property
    def search_label(self) -> str:
        """Both names, for search documents: an English search finds the standard as a German one does."""
        return " ".join(dict.fromkeys(x for x in (self.label, self.label_en) if x))


class Label(models.Model):
    """A quality label such as "Software Made in Germany"."""

    slug = models.CharField(_("Kennung"), primary_key=True, max_length=80)
    name = models.CharField(_("Name"), max_length=200)
    # most names are the same in both languages ("ISO 9001"); some explain themselves in German
    name_en = models.CharField(_("Name (englisch)"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Gütesiegel")
        verbose_name_plural = _("Gütesiegel")

    def __str__(self) -> str:
        return in_page_language(self.name, self.name_en)


class Company(models.Model):
    """An IT provider or a customer firm."""

    class Kind(models.TextChoices):
        PROVIDER = "provider", _("IT-Anbieter")
        CUSTOMER = "customer", _("Anwenderunternehmen")

    external_id = models.CharField(
        _("Kennung"), max_length=EXTERNAL_ID_MAX_LENGTH, unique=True, validators=[external_id_validator]
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.PROVIDER)
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    description_en = models.TextField(_("Beschreibung (englisch)"), blank=True)
    website = models.CharField(_("Website"), max_length=300, blank=True)
    street = models.CharField(_("Straße"), max_length=200, blank=True)
    postal_code = models.CharField(_("PLZ"), max_length=10, blank=True, db_index=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    country = models.CharField(_("Land"), max_length=2, default="DE", blank=True)
    lat = models.FloatField(_("Breitengrad"), null=True, blank=True)
    lon = models.FloatField(_("Längengrad"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("Beschäftigte"), null=True, blank=True)
    founded = models.IntegerField(_("Gründungsjahr"), null=True, blank=True)
    hub = models.ForeignKey(
        "core.Hub",
        verbose_name=_("Stützpunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="companies",
    )
    labels = models.ManyToManyField(Label, verbose_name=_("Gütesiegel"), blank=True, related_name="companies")
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    export_markets = models.JSONField(_("Exportmärkte"), default=list, blank=True)
    industries = models.JSONField(_("Branchen"), default=list, blank=True)
    keywords = models.JSONField(_("Schlagworte"), default=list, blank=True)
    # Platform data, not part of the catalog format: how to reach the company. The platform may use the e-mail
    # address to invite a company without members (claims); pages show these only when `publish_contact`.
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail-Adresse für Kontakt"), max_length=254, blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True, validators=[phone_validator])
    publish_contact = models.BooleanField(
        _("Kontaktdaten auf der Profilseite zeigen"),
        default=False,
        help_text=_(
            "Ohne Haken sehen nur Ihre Mitglieder und das Stützpunkt-Team die Kontaktdaten. "
            "Die Plattform darf die E-Mail-Adresse nutzen, um Ihr Unternehmen zu Kooperationen einzuladen."
        ),
    )
    verified = models.BooleanField(_("geprüft"), default=False)
    verified_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    verified_at = models.DateTimeField(_("geprüft am"), null=True, blank=True, editable=False)
    search_document = models.TextField(editable=False, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        # The catalog's result order (migration 0005): a page of many hits is read in order, not sorted.
        indexes = [models.Index(fields=["name", "id"], name="registry_company_name_order")]
        verbose_name = _("Unternehmen")
        verbose_name_plural = _("Unternehmen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:company", args=[self.external_id])

    @property
    def localized_description(self) -> str:
        return in_page_language(self.description, self.description_en)

    @property
    def website_url(self) -> str:
        """The website as a link: https:// added when no scheme is given; '' for anything but http(s) with a
        host (a `javascript:` or `mailto:` value never becomes a link)."""
        return website_url(self.website)

    @property
    def phone_href(self) -> str:
        """The phone number for a tel: link: the leading + and the digits."""
        phone = self.contact_phone.strip()
        return ("+" if phone.startswith("+") else "") + "".join(c for c in phone if c.isdigit())

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_email or self.contact_phone)


def website_url(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    if "://" not in value:
        if ":" in value.split("/", 1)[0] and not value.split(":", 1)[1][:1].isdigit():
            return ""  # a scheme without slashes (javascript:, mailto:), not host:port
        value = "https://" + value.lstrip("/")
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not host or any(c.isspace() for c in value):
        return ""
    return value


# The highest monthly price a solution may state (form, API, catalog files alike). The engine adds the prices
# of a bundle's solutions: without a bound two of about 1e308 add up to infinity, which no page can show.
PRICE_EUR_MONTH_MAX = 1_000_000_000


class Solution(models.Model):
    """A product or service of a company, with the capabilities it offers and the standards it speaks."""

    class Deployment(models.TextChoices):
        SAAS = "saas", _("SaaS")
        ON_PREMISE = "on-premise", _("On-Premise")
        HYBRID = "hybrid", _("Hybrid")
        SERVICE = "service", _("Dienstleistung")

    external_id = models.CharField(
        _("Kennung"), max_length=EXTERNAL_ID_MAX_LENGTH, unique=True, validators=[external_id_validator]
    )
    company = models.ForeignKey(
        Company, verbose_name=_("Unternehmen"), on_delete=models.CASCADE, related_name="solutions"
    )
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    capabilities = models.ManyToManyField(
        Capability, verbose_name=_("Fähigkeiten"), blank=True, related_name="solutions"
    )
    provides = models.ManyToManyField(
        Standard,
        verbose_name=_("stellt bereit"),
        blank=True,
        related_name="provided_by",
        help_text=_("Standards, die die Lösung exportiert oder anbietet."),
    )
    consumes = models.ManyToManyField(
        Standard,
        verbose_name=_("nutzt"),
        blank=True,
        related_name="consumed_by",
        help_text=_("Standards, die die Lösung importiert oder aufruft."),
    )
    deployment = models.JSONField(_("Betriebsart"), default=list, blank=True)
    hosting_country = models.CharField(_("Hosting-Land"), max_length=2, blank=True)
    price_eur_month = models.FloatField(_("Preis (EUR/Monat)"), null=True, blank=True)
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    search_document = models.TextField(editable=False, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name", "id"], name="registry_solution_name_order")]
        verbose_name = _("Lösung")
        verbose_name_plural = _("Lösungen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:solution", args=[self.external_id])

    def deployment_labels(self) -> list[str]:
        """The ways of operation as words ("SaaS", "Dienstleistung"), never the stored codes."""
        labels = dict(self.Deployment.choices)
        return [str(labels.get(code, code)) for code in self.deployment or []]


class PastCooperation(models.Model):
    """A cooperation between two companies recorded in an imported catalog; feeds trust in partner ranking."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="past_cooperations")
    partner = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    year = models.IntegerField(_("Jahr"), null=True, blank=True)
    title = models.CharField(_("Titel"), max_length=300, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("frühere Kooperation")
        verbose_name_plural = _("frühere Kooperationen")

    def __str__(self) -> str:
        return f"{self.company} – {self.partner}"
