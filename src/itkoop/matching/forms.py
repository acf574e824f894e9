"""The need form: what a customer writes and the constraints they set."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from itkoop.core import selectors as core_selectors
from itkoop.registry import selectors as registry


class NeedForm(forms.Form):
    text = forms.CharField(
        label=_("Was brauchen Sie?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Bitte beschreiben Sie Ihren Bedarf in einigen Worten.")},
        help_text=_(
            "Beschreiben Sie Ihren Bedarf in eigenen Worten, auf Deutsch oder Englisch – z. B. „Wir brauchen "
            "einen Onlineshop, der an unsere Warenwirtschaft und an DATEV angebunden ist“."
        ),
    )
    hub = forms.ModelChoiceField(
        label=_("Stützpunkt in Ihrer Nähe"),
        queryset=core_selectors.hubs(),
        required=False,
        empty_label=_("egal"),
    )
    plz = forms.CharField(
        label=_("Ihre Postleitzahl"),
        max_length=5,
        required=False,
        help_text=_("für Anbieter in Ihrer Nähe (optional)"),
    )
    max_partners = forms.IntegerField(
        label=_("Höchstens so viele Anbieter"), min_value=1, max_value=10, required=False
    )
    labels = forms.ModelMultipleChoiceField(
        label=_("Gütesiegel, die alle Anbieter haben sollen"),
        queryset=registry.labels(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Bitte beschreiben Sie Ihren Bedarf in einigen Worten."))
        return text

    def clean_plz(self):
        value = self.cleaned_data["plz"].strip()
        if value and not re.fullmatch(r"\d{5}", value):
            raise forms.ValidationError(_("Eine deutsche Postleitzahl hat fünf Ziffern."))
        return value
