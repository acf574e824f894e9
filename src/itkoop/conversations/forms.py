"""The reply and contact forms. The views pass the text to the services, which refuse empty and over-long
text with a clear message; the limits here give the browser the same bound."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_BODY


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )


class ContactForm(MessageForm):
    subject = forms.CharField(label=_("Betreff"), max_length=200, required=False)
    field_order = ["subject", "body"]
