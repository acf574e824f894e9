"""The claims' share of a person's data: the claims they made and the claim links they caused to be sent.
On erasure their claims go (nobody counts them; an approved claim's membership stays with accounts) and they
are unlinked from the links they sent or used and the claims they decided."""

from itkoop.core.services import plain_rows, register_personal_data

from .models import Claim, ClaimInvitation


def export_claims(user) -> list[dict]:
    return plain_rows(
        Claim.objects.filter(user=user).order_by("created"),
        ["company__external_id", "company__name", "route", "status", "note", "created", "decided_at",
         "decision_note"],
    )  # fmt: skip


def export_claim_invitations(user) -> list[dict]:
    """Claim links sent because the person invited a company (the address is the company's)."""
    return plain_rows(
        ClaimInvitation.objects.filter(invited_by=user).order_by("created"),
        ["company__external_id", "company__name", "email", "reason", "created", "used_at"],
    )


def erase_claims(user) -> None:
    Claim.objects.filter(user=user).delete()
    Claim.objects.filter(decided_by=user).update(decided_by=None)
    ClaimInvitation.objects.filter(invited_by=user).update(invited_by=None)
    ClaimInvitation.objects.filter(used_by=user).update(used_by=None)


def register() -> None:
    register_personal_data(name="claims", exporter=export_claims, eraser=erase_claims)
    register_personal_data(name="claim_invitations", exporter=export_claim_invitations)
