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
    r"\b(du|dich|dir|dein|deine|deinem|deinen|deiner|deines|gib|bitte gib|hast du|bist du|versuche|wähle|"
    r"stelle sicher|lade|kontaktiere|bestätige|klicke)\b",
    re.IGNORECASE,
)
# Django's own catalog addresses nobody: "Bitte sicherstellen, dass ...", "Bitte eine Zahl eingeben." A
# request or command to the reader must say "Sie" in the same sentence.
COMMAND = re.compile(r"\bbitte\b|sicherstellen", re.IGNORECASE)
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


def _catalog_msgids(*packages: str) -> list[str]:
    """The singular msgids of these packages' German catalogs (plural entries once)."""
    import django
    import rest_framework

    base = {"django": Path(django.__file__).parent, "rest_framework": Path(rest_framework.__file__).parent}
    msgids: dict[str, None] = {}
    for package in packages:
        root, _, sub = package.partition("/")
        for mo in (base[root] / sub).glob("locale/de/LC_MESSAGES/django.mo"):
            with mo.open("rb") as handle:
                for key in gettext.GNUTranslations(handle)._catalog:
                    msgid = key[0] if isinstance(key, tuple) else key
                    if msgid:
                        msgids[msgid] = None
    return list(msgids)


def _not_said_with_sie(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return [
        s for s in sentences if (COMMAND.search(s) and not re.search(r"\bSie\b", s)) or INFORMAL.search(s)
    ]


def test_every_form_validator_and_api_message_asks_with_sie():
    """Django's forms and validators (conf), the auth app's forms and DRF's field errors: every message that
    asks the reader for something says "Sie" ("Bitte geben Sie höchstens 200 Zeichen ein"), none "du"."""
    msgids = _catalog_msgids("django/conf", "django/contrib/auth", "rest_framework/")
    assert len(msgids) > 300  # the catalogs were found
    unformal = []
    with translation.override("de"):
        for msgid in msgids:
            for shown in {translation.ngettext(msgid, msgid, n) for n in (1, 2)}:
                unformal += [(msgid, s) for s in _not_said_with_sie(shown)]
    assert not unformal, unformal


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            forms.CharField(max_length=3),
            "abcdef",
            "Bitte geben Sie höchstens 3 Zeichen ein (jetzt sind es 6).",
        ),
        (forms.CharField(min_length=5), "ab", "Bitte geben Sie mindestens 5 Zeichen ein (jetzt sind es 2)."),
        (forms.IntegerField(), "x", "Bitte geben Sie eine ganze Zahl ein."),
        (forms.DecimalField(max_digits=5, decimal_places=1), "1.23", "höchstens 1 Nachkommastelle ein."),
        (forms.DateField(), "gestern", "Bitte geben Sie ein gültiges Datum ein."),
        (forms.ChoiceField(choices=[("a", "A")]), "b", "Bitte wählen Sie einen gültigen Eintrag."),
    ],
)
def test_django_field_messages_in_german_say_sie(field, value, expected):
    with translation.override("de"), pytest.raises(forms.ValidationError) as error:
        field.clean(value)
    message = " ".join(error.value.messages)
    assert expected in message and not _not_said_with_sie(message), message


def test_an_image_upload_that_is_no_image_is_told_with_sie():
    from django.core.files.uploadedfile import SimpleUploadedFile

    with translation.override("de"), pytest.raises(forms.ValidationError) as error:
        forms.ImageField().clean(SimpleUploadedFile("logo.png", b"no image"))
    assert error.value.messages[0].startswith("Bitte laden Sie ein gültiges Bild hoch.")  # was "Lade ..."


@pytest.mark.django_db
def test_an_over_long_need_sent_to_the_api_in_german_is_told_with_sie(client):
    response = client.post(
        "/api/v1/match/", {"text": "x" * 2001}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="de"
    )
    assert response.status_code == 400
    assert response.json()["text"] == [
        "Bitte geben Sie höchstens 2000 Zeichen ein."
    ]  # was "Stelle sicher, ..."


def test_every_request_of_our_own_messages_says_sie():
    """Our own German texts (the msgids of the English catalog) ask with "Sie" too: "Bitte geben Sie eine
    gültige Postleitzahl an.", not "Bitte eine gültige Postleitzahl angeben." ("Bitte um ..." asks nobody)."""
    catalog = Path(__file__).resolve().parents[2] / "src" / "itkoop" / "locale" / "en" / "LC_MESSAGES"
    with (catalog / "django.mo").open("rb") as handle:
        msgids = [m if isinstance(m, str) else m[0] for m in gettext.GNUTranslations(handle)._catalog]
    impersonal = []
    for msgid in msgids:
        for sentence in re.split(r"(?<=[.!?])\s+", msgid):
            if re.search(r"\bBitte\b(?! um\b)", sentence) and not re.search(r"\bSie\b", sentence):
                impersonal.append(sentence)
    assert not impersonal, impersonal
