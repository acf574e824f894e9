"""Who may claim a company profile and who decides a claim: one place, used by the services and the pages."""

from __future__ import annotations


def is_staff_for_hub(user, hub_id: str | None) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_center_admin or (user.is_hub_staff and hub_id is not None and user.hub_id == hub_id)


def can_claim(user) -> bool:
    """People who work at a company claim its profile; accounts of the hub staff and the center admins edit
    profiles directly and claim none (so their pages offer no claim either)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and not (user.is_hub_staff or user.is_center_admin)
    )


def can_decide(user, claim) -> bool:
    """The staff of the claimed company's hub, and the center admins (for companies without a hub, only
    they)."""
    return is_staff_for_hub(user, claim.company.hub_id)


def can_review(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_hub_staff or user.is_center_admin)
    )
