"""Account use cases: a member creates their company and becomes its owner; a person's language."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import get_language

from itkoop.registry import services as registry

from .models import Membership, User


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
