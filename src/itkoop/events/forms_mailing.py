"""The form of a mailing to a segment of an event's participants: segment, subject and text in German,
English or both (the service checks that one language is complete), and on the send step the one-time
nonce."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from itkoop.core.forms import limit_text

from .mailings import BODY_MAX, SUBJECT_MAX
from .models import Mailing


@limit_text
class MailingForm(forms.Form):
    segment = forms.ChoiceField(
        label=_("Empfängerkreis"), choices=Mailing.Segment.choices, widget=forms.RadioSelect
    )
    subject_de = forms.CharField(label=_("Betreff (Deutsch)"), max_length=SUBJECT_MAX, required=False)
    body_de = forms.CharField(
        label=_("Text (Deutsch)"),
        max_length=BODY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    subject_en = forms.CharField(label=_("Betreff (Englisch)"), max_length=SUBJECT_MAX, required=False)
    body_en = forms.CharField(
        label=_("Text (Englisch)"),
        max_length=BODY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Jede Person erhält den Text in der Sprache ihres Kontos, wenn es ihn darin gibt, sonst in der "
            "anderen Sprache."
        ),
    )

    def texts(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(key, "") for key in ("subject_de", "body_de", "subject_en", "body_en")
        }


class MailingSendForm(MailingForm):
    """The preview's form: the same fields, hidden, and the nonce that makes a second submit send nothing."""

    nonce = forms.CharField(widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget = forms.HiddenInput() if name != "nonce" else field.widget
