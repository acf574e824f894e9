"""Account use cases: a member creates their company and becomes its owner; a person's language."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import get_language

from itkoop.registry.models import Company
from itkoop.registry.services import COMPANY_FIELDS, refresh_company_search

from .models import Membership, User


def _unique_external_id(name: str) -> str:
    base = slugify(name)[:60] or "unternehmen"
    candidate, n = base, 1
    while Company.objects.filter(external_id=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@transaction.atomic
def company_create_for_member(
    *, actor, fields: dict[str, Any], relations: dict[str, list] | None = None
) -> Company:
    """A logged-in person creates a company from plain values (as `registry.services.company_update`
    takes them) and becomes its owner; the profile starts unverified."""
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied
    unknown = set(fields) - COMPANY_FIELDS
    if unknown:
        raise ValueError(f"not company fields: {', '.join(sorted(unknown))}")
    company = Company(**fields)
    company.external_id = _unique_external_id(company.name)
    company.verified = False  # only hub staff verify
    company.save()
    for name, ids in (relations or {}).items():
        if name != "labels":
            raise ValueError(f"not a company relation: {name}")
        company.labels.set(ids)
    Membership.objects.create(user=actor, company=company, role=Membership.Role.OWNER)
    refresh_company_search(company)
    return company


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
