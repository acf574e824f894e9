"""allauth, adapted: the client's address behind our proxies, and login lockouts per address and account.

allauth counts failed logins per address and per account. Counted per account alone, anyone who knows an
e-mail address could lock its owner out with five wrong passwords; so the per-account count is kept per
address as well: the owner, logging in from elsewhere, is not blocked by an attacker's failures."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from itkoop.core.ratelimit import client_ip

# RFC 5321: at most 64 characters before the @ and 254 in all; longer addresses cannot receive mail anyway.
MAX_EMAIL_LENGTH = 254
MAX_LOCAL_PART_LENGTH = 64


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        if len(email) > MAX_EMAIL_LENGTH or len(email.rpartition("@")[0]) > MAX_LOCAL_PART_LENGTH:
            raise ValidationError(_("Diese E-Mail-Adresse ist zu lang. Bitte prüfen Sie sie."))
        return email

    def get_client_ip(self, request) -> str:
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth's key is "<site>:<login>"; ours adds the address the attempts come from.
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{client_ip(request)}"
