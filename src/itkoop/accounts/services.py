"""Account use cases: a member creates their company and becomes its owner; a person's language."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import get_language

from itkoop.registry.models import Company
from itkoop.registry.services import refresh_company_search

from .models import Membership, User


def _unique_external_id(name: str) -> str:
    base = slugify(name)[:60] or "unternehmen"
    candidate, n = base, 1
    while Company.objects.filter(external_id=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def company_create_for_member(*, actor, form) -> Company:
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied
    with transaction.atomic():
        company = form.save(commit=False)
        company.external_id = _unique_external_id(company.name)
        company.verified = False  # only hub staff verify
        company.save()
        form.save_m2m()
        Membership.objects.create(user=actor, company=company, role=Membership.Role.OWNER)
    refresh_company_search(company)  # after the commit: tokenising holds no write lock
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
