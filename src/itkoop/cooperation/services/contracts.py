"""The center's contract templates: only center admins change them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..models import ContractTemplate


@transaction.atomic
def contract_template_save(*, actor, form) -> ContractTemplate:
    """Save a validated ContractTemplateForm; the caller passes the bound form."""
    if not (getattr(actor, "is_authenticated", False) and actor.is_active and actor.is_center_admin):
        raise PermissionDenied
    return form.save()
