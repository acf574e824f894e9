"""The site says "Sie" everywhere, also in the messages of Django, allauth and DRF, whose German catalogs say
"du" ("Gib eine gültige E-Mail-Adresse an."): locale_formal/de overrides them (issue 10, 8h)."""

import gettext
import re
from pathlib import Path

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

INFORMAL = re.compile(
    r"\b(du|dich|dir|dein|deine|deinem|deinen|deiner|deines|gib|bitte gib|hast du|bist du|versuche|wähle)\b",
    re.IGNORECASE,
)
# Features the site does not use (OAuth provider, social accounts, two-factor, phone numbers): their strings
# never reach a page, so their catalogs' wording is not checked.
UNUSED = re.compile(r"client|grant|scope|device|authenticator|recovery|third-party|provider|phone|user ID|"
                    r"basic profile|View your email", re.IGNORECASE)  # fmt: skip


def _library_catalogs() -> list[Path]:
    import allauth
    import django
    import rest_framework

    roots = [Path(m.__file__).parent for m in (django, allauth, rest_framework)]
    return [mo for root in roots for mo in root.glob("**/locale/de/LC_MESSAGES/django.mo")]


def test_every_library_string_in_du_form_is_said_with_sie():
    informal = []
    with translation.override("de"):
        for mo in _library_catalogs():
            with mo.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog
            for msgid, msgstr in catalog.items():
                if isinstance(msgid, str) and msgid and INFORMAL.search(msgstr) and not UNUSED.search(msgid):
                    shown = translation.gettext(msgid)
                    if INFORMAL.search(shown):
                        informal.append((mo.parts[-5], msgid, shown))
    assert not informal, informal


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (forms.EmailField(), "keine-adresse", "Bitte geben Sie eine gültige E-Mail-Adresse ein."),
        (forms.URLField(assume_scheme="https"), "kein url", "Bitte geben Sie eine gültige Internetadresse"),
        (forms.SlugField(), "a b", "Kürzel"),
    ],
)
def test_validation_messages_in_german_say_sie(field, value, expected):
    with translation.override("de"), pytest.raises(forms.ValidationError) as error:
        field.clean(value)
    message = " ".join(error.value.messages)
    assert expected in message and not INFORMAL.search(message)


@pytest.mark.django_db
def test_signup_with_a_malformed_address_says_sie(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "erika@", "password1": "x", "password2": "y", "privacy_acknowledged": "on"},
    )
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein." in text
    assert not INFORMAL.search(text), INFORMAL.search(text)
