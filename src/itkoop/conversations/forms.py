"""The reply and contact forms. The views pass the text to the services, which refuse empty and over-long
text with a clear message; the limits here only give the browser the same bound (a form error as well would
say it twice)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_BODY


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Ihre Nachricht"),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_BODY}),
        required=False,
    )


class ContactForm(MessageForm):
    subject = forms.CharField(
        label=_("Betreff"), widget=forms.TextInput(attrs={"maxlength": 200}), required=False
    )
    field_order = ["subject", "body"]
