from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_BODY


class MessageForm(forms.Form):
    # No maxlength attribute on purpose: the service gives the clear message and keeps nothing.
    body = forms.CharField(
        label=_("Ihre Nachricht"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


class ContactForm(MessageForm):
    subject = forms.CharField(label=_("Betreff"), max_length=200, required=False)
    field_order = ["subject", "body"]


__all__ = ["MAX_BODY", "ContactForm", "MessageForm"]
