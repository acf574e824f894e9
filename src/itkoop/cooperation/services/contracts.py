"""The center's contract templates: only center admins change them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..models import ContractTemplate


@transaction.atomic
def contract_template_save(*, actor, template_id: int, title: str, body: str) -> ContractTemplate:
    """Change the title and Markdown body of one of the center's contract templates."""
    if not (getattr(actor, "is_authenticated", False) and actor.is_active and actor.is_center_admin):
        raise PermissionDenied
    template = ContractTemplate.objects.select_for_update().get(pk=template_id)
    template.title = title.strip()
    template.body = body
    template.save()
    return template
