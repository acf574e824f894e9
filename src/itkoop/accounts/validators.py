"""Password rules of our own: a maximum length, so that hashing a pasted book costs nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_PASSWORD_LENGTH = 128


class MaximumLengthValidator:
    def __init__(self, max_length: int = MAX_PASSWORD_LENGTH) -> None:
        self.max_length = max_length

    def validate(self, password: str, user=None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                _("Das Passwort darf höchstens %(max)d Zeichen lang sein.") % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return ngettext("Höchstens %(max)d Zeichen.", "Höchstens %(max)d Zeichen.", self.max_length) % {
            "max": self.max_length
        }
