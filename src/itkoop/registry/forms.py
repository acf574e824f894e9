"""Forms of the registry: the search filters, the company profile and a solution."""

import re

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from itkoop.core import selectors as core_selectors
from itkoop.core.forms import (
    CountryField,
    LabelOrderedMultipleChoiceField,
    QuickSelect,
    QuickSelectMultiple,
    limit_text,
)

from .models import PRICE_EUR_MONTH_MAX, Capability, Company, Label, Solution, Standard, website_url
from .services import plain_fields


class CatalogSearchForm(forms.Form):
    q = forms.CharField(label=_("Suchbegriff"), required=False, max_length=200)
    capability = LabelOrderedMultipleChoiceField(
        label=_("Fähigkeit"),
        # Only what an option shows: the synonyms (JSON) are not decoded on every search page.
        queryset=Capability.objects.filter(parent__isnull=False).only("id", "label_de", "label_en"),
        required=False,
        widget=QuickSelectMultiple,
    )
    standard = forms.ModelMultipleChoiceField(
        label=_("Schnittstelle"), queryset=Standard.objects.all(), required=False, widget=QuickSelectMultiple
    )
    hub = forms.ModelChoiceField(
        label=_("Stützpunkt"),
        queryset=core_selectors.hubs(),
        required=False,
        empty_label=_("alle Stützpunkte"),
        widget=QuickSelect,
    )
    plz = forms.CharField(
        label=_("PLZ-Bereich"),
        required=False,
        max_length=5,
        help_text=_("Anfang der Postleitzahl, z. B. 34 für Nordhessen"),
    )
    label = forms.ModelMultipleChoiceField(
        label=_("Gütesiegel"), queryset=Label.objects.all(), required=False, widget=QuickSelectMultiple
    )
    verified = forms.BooleanField(label=_("nur geprüfte Profile"), required=False)
    show = forms.ChoiceField(
        label=_("Anzeigen"),
        choices=[("solutions", _("Lösungen")), ("companies", _("Unternehmen"))],
        required=False,
        widget=QuickSelect,
    )

    def clean_plz(self):
        value = self.cleaned_data["plz"].strip()
        if value and not re.fullmatch(r"\d{1,5}", value):
            raise forms.ValidationError(_("Bitte geben Sie nur Ziffern ein (1 bis 5)."))
        return value


MIN_PHONE_DIGITS = 6


@limit_text
class CompanyForm(forms.ModelForm):
    languages_text = forms.CharField(
        label=_("Sprachen"), required=False, help_text=_("durch Komma getrennt, z. B. de, en")
    )
    keywords_text = forms.CharField(
        label=_("Schlagworte"), required=False, help_text=_("durch Komma getrennt")
    )

    class Meta:
        model = Company
        fields = [
            "name",
            "kind",
            "description",
            "description_en",
            "website",
            "street",
            "postal_code",
            "city",
            "employees",
            "founded",
            "hub",
            "labels",
            "contact_name",
            "contact_email",
            "contact_phone",
            "publish_contact",
        ]
        widgets = {"labels": forms.CheckboxSelectMultiple}
        help_texts = {
            "website": _("z. B. www.beispiel.de"),
            "contact_name": _("Eine Person oder eine Funktion, z. B. „Vertrieb“"),
        }

    def __init__(self, *args, staff: bool = False, **kwargs):
        """``staff``: hub staff or a center admin edits (registry.permissions.can_verify_company). Members
        do not see the hub (it follows from the postcode) nor the quality seals, which staff attest."""
        super().__init__(*args, **kwargs)
        if not staff:
            for name in ("hub", "labels"):
                del self.fields[name]
        if self.instance.pk:
            self.fields["languages_text"].initial = ", ".join(self.instance.languages)
            self.fields["keywords_text"].initial = ", ".join(self.instance.keywords)

    def clean_postal_code(self):
        value = self.cleaned_data["postal_code"].strip()
        if value and not re.fullmatch(r"\d{5}", value):
            raise forms.ValidationError(_("Eine deutsche Postleitzahl hat fünf Ziffern."))
        return value

    def clean_website(self):
        value = self.cleaned_data["website"].strip()
        if value and not website_url(value):
            raise forms.ValidationError(_("Bitte geben Sie eine Webadresse an, z. B. www.beispiel.de."))
        return value

    def clean_contact_phone(self):
        value = " ".join(self.cleaned_data["contact_phone"].split())
        if value and sum(c.isdigit() for c in value) < MIN_PHONE_DIGITS:
            raise forms.ValidationError(
                _("Eine Telefonnummer hat mindestens %(n)d Ziffern.") % {"n": MIN_PHONE_DIGITS}
            )
        return value

    def clean_founded(self):
        value = self.cleaned_data["founded"]
        if value is not None and not 1800 <= value <= 2100:
            raise forms.ValidationError(_("Bitte geben Sie ein Jahr zwischen 1800 und 2100 an."))
        return value

    def plain_data(self) -> tuple[dict, dict[str, list]]:
        """(fields, relations) for `services.company_update`, with the comma lists split."""
        fields, relations = plain_fields(Company, self.cleaned_data)
        fields["languages"] = _split(self.cleaned_data.get("languages_text", ""))
        fields["keywords"] = _split(self.cleaned_data.get("keywords_text", ""))
        return fields, relations


@limit_text
class SolutionForm(forms.ModelForm):
    deployment = forms.MultipleChoiceField(
        label=_("Betriebsart"),
        choices=Solution.Deployment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hosting_country = CountryField(label=_("Hosting-Land"), required=False)

    class Meta:
        model = Solution
        fields = [
            "name",
            "description",
            "capabilities",
            "provides",
            "consumes",
            "deployment",
            "hosting_country",
            "price_eur_month",
        ]
        field_classes = {"capabilities": LabelOrderedMultipleChoiceField}
        widgets = {
            "capabilities": forms.SelectMultiple(attrs={"size": 10}),
            "provides": forms.SelectMultiple(attrs={"size": 8}),
            "consumes": forms.SelectMultiple(attrs={"size": 8}),
        }

    def plain_data(self) -> tuple[dict, dict[str, list]]:
        """(fields, relations) for `services.solution_save`."""
        return plain_fields(Solution, self.cleaned_data)

    def clean_capabilities(self):
        value = self.cleaned_data["capabilities"]
        if not value:
            raise forms.ValidationError(_("Bitte wählen Sie mindestens eine Fähigkeit."))
        return value

    def clean_deployment(self):
        # Each kind once, even when a request names it twice (the API, a hand-made post): the page and the
        # JSON-LD would otherwise show "SaaS, SaaS".
        return list(dict.fromkeys(self.cleaned_data["deployment"]))

    def clean_price_eur_month(self):
        value = self.cleaned_data["price_eur_month"]
        if value is not None and value < 0:
            raise forms.ValidationError(_("Der Preis kann nicht negativ sein."))
        if value is not None and value > PRICE_EUR_MONTH_MAX:
            raise forms.ValidationError(
                _("Der Preis kann höchstens %(limit)s EUR im Monat betragen.")
                % {"limit": number_format(PRICE_EUR_MONTH_MAX, force_grouping=True)}
            )
        return value


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


#: Largest catalog file the import page takes (bytes): a few thousand companies fit many times over.
IMPORT_MAX_BYTES = 10 * 1024 * 1024


class CatalogImportForm(forms.Form):
    file = forms.FileField(
        label=_("Katalog-Datei (XLSX oder JSON)"),
        help_text=_(
            "Die ausgefüllte Vorlage (.xlsx) oder eine Datei im JSON-Format des Katalogs, höchstens 10 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 10 MB."))
        name = (upload.name or "").lower()
        if not name.endswith((".xlsx", ".json")):
            raise forms.ValidationError(_("Bitte wählen Sie eine Datei mit der Endung .xlsx oder .json."))
        return upload
