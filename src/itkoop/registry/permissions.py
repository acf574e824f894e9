"""Who may change what in the registry: object level, one place, used by views, admin and API alike."""

from __future__ import annotations

from .models import Company


def can_edit_company(user, company: Company) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_center_admin:
        return True
    if user.is_hub_staff:
        return company.hub_id == user.hub_id
    return company.memberships.filter(user=user).exists()


def can_verify_company(user, company: Company) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_center_admin:
        return True
    return user.is_hub_staff and company.hub_id == user.hub_id
