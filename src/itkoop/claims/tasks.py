"""Background jobs of claims: the claim e-mail, sent after the inviting transaction commits."""

from __future__ import annotations

import smtplib

from django.utils import timezone

from itkoop.taskqueue import app

from .mail import invitation_email
from .models import ClaimInvitation


@app.task(autoretry_for=(OSError, smtplib.SMTPException), retry_backoff=30, max_retries=5)
def send_claim_invitation(invitation_id: int, token: str, inviter: str) -> bool:
    """Send the claim link once (a retried task does not send it again); True when sent."""
    invitation = (
        ClaimInvitation.objects.select_related("company", "company__hub")
        .filter(pk=invitation_id, sent_at__isnull=True, used_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.expires_at <= timezone.now():
        return False
    invitation_email(invitation, token, inviter).send()
    ClaimInvitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
    return True
