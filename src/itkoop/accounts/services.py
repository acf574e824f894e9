"""Account use cases: a member creates their company and becomes its owner; a person's language."""

import hashlib
import logging
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core import services as core_services
from itkoop.registry import services as registry

from .models import ApiToken, ConsentRecord, Membership, User

logger = logging.getLogger(__name__)


def company_create_for_member(*, actor, fields: dict[str, Any], relations: dict[str, list] | None = None):
    """The registry creates the company from plain values; the member becomes its owner in the same
    transaction."""

    def make_owner(company) -> None:
        Membership.objects.create(user=actor, company=company, role=Membership.Role.OWNER)

    return registry.company_create(actor=actor, fields=fields, relations=relations, on_created=make_owner)


@transaction.atomic
def user_set_language(*, actor, language: str) -> None:
    """The language of the person's e-mails; only their own, only a language the site offers."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unsupported language {language!r}")
    User.objects.filter(pk=actor.pk).update(language=language)
    actor.language = language


def remember_signup_language(*, request=None, user, **kwargs) -> None:
    """allauth's user_signed_up: a person who signs up on /en/ gets English e-mails from then on."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    if language in dict(settings.LANGUAGES) and user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
        user.language = language


def consent_record(*, user=None, email: str = "", purpose: str, text_kind: str) -> ConsentRecord:
    """Record that a person consented or took note, with the version of the legal text they were shown."""
    current = core_selectors.legal_text_current(text_kind)
    return ConsentRecord.objects.create(
        user=user,
        email=(email or getattr(user, "email", ""))[:254],
        purpose=purpose,
        text_kind=text_kind,
        text_version=current.version if current else None,
    )


def personal_data_export(*, actor) -> dict:
    """Everything held about the person asking, collected by every app's registered exporter."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    data = core_services.export_personal_data(actor)
    return {"exported_at": timezone.now().isoformat(), **data}


class AccountDeletionError(Exception):
    """The deletion was refused (wrong password); the message says why, in the person's language."""


@transaction.atomic
def account_delete(*, actor, password: str) -> None:
    """Delete the person's account: every app's eraser runs, then the account becomes an anonymous inactive
    placeholder. Counts (registrations, meetings) and the companies' data stay."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    if not actor.check_password(password or ""):
        raise AccountDeletionError(_("Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht."))
    user = User.objects.select_for_update().get(pk=actor.pk)
    core_services.erase_personal_data(user)
    logger.info("account %s deleted by its owner", user.pk)


def membership_grant(*, user, company, role: str = Membership.Role.OWNER) -> Membership:
    """Make the person a member of the company (owner by default). For the claims app, which has checked the
    claim (an address at the company's domain, or the hub staff's approval); an existing membership stays."""
    if not user.is_active:
        raise PermissionDenied
    membership, _created = Membership.objects.get_or_create(
        user=user, company=company, defaults={"role": role}
    )
    logger.info("user %s became %s of company %s through a claim", user.pk, membership.role, company.pk)
    return membership


# --- API tokens ---------------------------------------------------------------------------------------------

API_TOKEN_PREFIX = "itk_"  # noqa: S105 (a marker that tells itkoop keys apart, not a secret)
#: At most this many keys per person: enough for a few programs, few enough to keep track of.
API_TOKENS_MAX = 10
#: `last_used` is written at most this often per key, so reading the API does not write on every request.
API_TOKEN_TOUCH_INTERVAL = timedelta(minutes=5)


class ApiTokenError(Exception):
    """A key was refused (none may be made, too many); the message says why, in the person's language."""


def api_token_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def api_token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new personal key; returns the stored record and the key, which is never stored and shown only once.

    Keys are for people who maintain data: members of a company, hub staff and center admins."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied
    name = (name or "").strip()
    if not name or len(name) > ApiToken._meta.get_field("name").max_length:
        raise ApiTokenError(_("Bitte geben Sie dem Schlüssel eine Bezeichnung (höchstens 100 Zeichen)."))
    if not (actor.is_hub_staff or actor.is_center_admin or actor.memberships.exists()):
        raise ApiTokenError(
            _("API-Schlüssel gibt es für Mitglieder eines Unternehmens. Legen Sie zuerst Ihr Unternehmen an.")
        )
    with transaction.atomic():
        # Lock the person's row, so two parallel requests cannot both pass the limit.
        User.objects.select_for_update().filter(pk=actor.pk).first()
        if ApiToken.objects.filter(user=actor).count() >= API_TOKENS_MAX:
            raise ApiTokenError(
                _(
                    "Sie haben bereits %(n)d API-Schlüssel. Widerrufen Sie zuerst einen, den Sie nicht mehr "
                    "brauchen."
                )
                % {"n": API_TOKENS_MAX}
            )
        key = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken.objects.create(
            user=actor, name=name, prefix=key[: len(API_TOKEN_PREFIX) + 6], key_hash=api_token_hash(key)
        )
    logger.info("api token %s created by %s", token.pk, actor.pk)
    return token, key


@transaction.atomic
def api_token_revoke(*, actor, token_id: int) -> None:
    """Delete one of the person's own keys; another person's key is not found (ApiToken.DoesNotExist)."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    ApiToken.objects.get(pk=token_id, user=actor).delete()
    logger.info("api token %s revoked by %s", token_id, actor.pk)


def api_token_authenticate(*, key: str) -> ApiToken | None:
    """The key's record if the key is valid and its person active, else None; notes when it was last used."""
    if not key.startswith(API_TOKEN_PREFIX) or len(key) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=api_token_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > API_TOKEN_TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token
