"""The knowledge base (articles and practice examples, German and English) and saved self-check results."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from itkoop.core.i18n import in_page_language


def _localized(obj, field: str) -> str:
    english = getattr(obj, f"{field}_en", "")
    return in_page_language(getattr(obj, f"{field}_de"), english)


class Tag(models.Model):
    """A topic linking articles, self-check recommendations and (by the same slug) other parts of the site."""

    slug = models.SlugField(_("Kennung"), primary_key=True, max_length=60)
    label_de = models.CharField(_("Bezeichnung (deutsch)"), max_length=100)
    label_en = models.CharField(_("Bezeichnung (englisch)"), max_length=100, blank=True)

    class Meta:
        ordering = ["label_de"]
        verbose_name = _("Schlagwort")
        verbose_name_plural = _("Schlagwörter")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _localized(self, "label")


class Article(models.Model):
    """An article or a practice example. Bodies are Markdown, rendered and sanitised on display."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Fachartikel")
        PRACTICE_EXAMPLE = "practice_example", _("Praxisbeispiel")

    slug = models.SlugField(_("Kennung"), max_length=100, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    title_de = models.CharField(_("Titel (deutsch)"), max_length=200)
    title_en = models.CharField(_("Titel (englisch)"), max_length=200, blank=True)
    summary_de = models.TextField(_("Kurzfassung (deutsch)"), max_length=600)
    summary_en = models.TextField(_("Kurzfassung (englisch)"), max_length=600, blank=True)
    body_de = models.TextField(_("Text (deutsch, Markdown)"))
    body_en = models.TextField(_("Text (englisch, Markdown)"), blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("Schlagwörter"), blank=True, related_name="articles")
    capabilities = models.ManyToManyField(
        "registry.Capability", verbose_name=_("Fähigkeiten"), blank=True, related_name="articles"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("Veranstaltungen"), blank=True, related_name="articles"
    )
    published = models.BooleanField(_("veröffentlicht"), default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuletzt bearbeitet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Shipped articles are refreshed from the content files after every migrate until staff edit them here.
    customized = models.BooleanField(_("von der Redaktion geändert"), default=False, editable=False)
    search_document = models.TextField(editable=False, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(_("aktualisiert"), auto_now=True)

    class Meta:
        ordering = ["title_de"]
        verbose_name = _("Artikel")
        verbose_name_plural = _("Artikel")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article", args=[self.slug])

    @property
    def title(self) -> str:
        return _localized(self, "title")

    @property
    def summary(self) -> str:
        return _localized(self, "summary")

    @property
    def body(self) -> str:
        return _localized(self, "body")

    @property
    def is_practice_example(self) -> bool:
        return self.kind == self.Kind.PRACTICE_EXAMPLE


class SelfCheckResult(models.Model):
    """One completed self-check of a company; answers by question id, scores 0-100 by dimension id."""

    company = models.ForeignKey(
        "registry.Company",
        verbose_name=_("Unternehmen"),
        on_delete=models.CASCADE,
        related_name="selfcheck_results",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    questionnaire_version = models.PositiveIntegerField(_("Fragebogen-Version"), default=1)
    answers = models.JSONField(_("Antworten"), default=dict)
    scores = models.JSONField(_("Werte je Dimension"), default=dict)
    overall = models.PositiveSmallIntegerField(_("Gesamtwert"), default=0)
    created = models.DateTimeField(_("durchgeführt am"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Ergebnis des Selbstchecks")
        verbose_name_plural = _("Ergebnisse des Selbstchecks")
        indexes = [models.Index(fields=["company", "-created"], name="selfcheck_company_created")]

    def __str__(self) -> str:
        return f"{self.company} {timezone.localdate(self.created):%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:selfcheck_saved", args=[self.pk])
