from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BODY = 100_000  # as core.legal.MAX_BODY; the service checks again


class LegalTextForm(forms.Form):
    body_de = forms.CharField(
        label=_("Text (deutsch, Markdown)"), widget=forms.Textarea(attrs={"rows": 20}), max_length=MAX_BODY
    )
    body_en = forms.CharField(
        label=_("Text (englisch, Markdown)"), widget=forms.Textarea(attrs={"rows": 20}), max_length=MAX_BODY
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Aktion"), required=False)
    actor = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int, empty_value=None)
    date_from = forms.DateField(
        label=_("von"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("bis"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, actions=(), actors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("alle"))] + [(a, a) for a in actions]
        self.fields["actor"].choices = [("", _("alle"))] + [(str(pk), email) for pk, email in actors]
