"""Account use cases: a member creates their company and becomes its owner."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from itkoop.registry.models import Company
from itkoop.registry.services import refresh_company_search

from .models import Membership


def _unique_external_id(name: str) -> str:
    base = slugify(name)[:60] or "unternehmen"
    candidate, n = base, 1
    while Company.objects.filter(external_id=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@transaction.atomic
def company_create_for_member(*, actor, form) -> Company:
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied
    company = form.save(commit=False)
    company.external_id = _unique_external_id(company.name)
    company.verified = False  # only hub staff verify
    company.save()
    form.save_m2m()
    Membership.objects.create(user=actor, company=company, role=Membership.Role.OWNER)
    refresh_company_search(company)
    return company
