"""Reads of claims: the claims waiting for a staff member's decision, a person's own claims."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Claim
from .permissions import can_review


def claims_to_review(user) -> QuerySet[Claim]:
    """Waiting claims this user may decide: hub staff those of their hub's companies, center admins all."""
    if not can_review(user):
        return Claim.objects.none()
    queryset = (
        Claim.objects.filter(status=Claim.Status.PENDING)
        .select_related("company", "company__hub", "user", "invitation")
        .order_by("created", "pk")
    )
    if user.is_center_admin:
        return queryset
    return queryset.filter(company__hub_id=user.hub_id)


def recently_decided(user, limit: int = 20) -> QuerySet[Claim]:
    if not can_review(user):
        return Claim.objects.none()
    queryset = (
        Claim.objects.exclude(status=Claim.Status.PENDING)
        .select_related("company", "user", "decided_by")
        .order_by("-decided_at", "-pk")
    )
    if not user.is_center_admin:
        queryset = queryset.filter(company__hub_id=user.hub_id)
    return queryset[:limit]


def pending_claim_of(user, company) -> Claim | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Claim.objects.filter(user=user, company=company, status=Claim.Status.PENDING).first()
