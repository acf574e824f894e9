"""Forms of claims: the claimant's note, the staff's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from itkoop.core.forms import limit_text

from .models import MAX_NOTE


@limit_text(note=MAX_NOTE)
class ClaimForm(forms.Form):
    note = forms.CharField(
        label=_("Ihre Rolle im Unternehmen (freiwillig)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("z. B. Geschäftsführung oder Vertrieb; das hilft dem Stützpunkt-Team bei der Prüfung."),
    )


@limit_text(note=500)
class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Begründung (bei Ablehnung nötig)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
