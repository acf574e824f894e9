"""Forms of the account pages: the sign-up's privacy acknowledgement, the deletion's password check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ConsentRecord


class SignupForm(forms.Form):
    """allauth adds these fields to its sign-up form (ACCOUNT_SIGNUP_FORM_CLASS) and calls `signup` after
    creating the user."""

    privacy_acknowledged = forms.BooleanField(
        label=_("Ich habe die Datenschutzerklärung zur Kenntnis genommen."),
        required=True,
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie die Datenschutzerklärung kennen.")},
    )

    def signup(self, request, user) -> None:
        services.consent_record(user=user, purpose=ConsentRecord.Purpose.SIGNUP_PRIVACY, text_kind="privacy")


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Ihr Passwort zur Bestätigung"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        max_length=256,
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Bezeichnung des Schlüssels"),
        max_length=100,
        help_text=_("Woran Sie den Schlüssel später erkennen, z. B. „Warenwirtschaft“ oder „Website“."),
    )
