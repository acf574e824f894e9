"""The claim e-mail. Its recipient is a company's contact address, not a person with an account and a chosen
language, so one mail carries German first and English below: the companies are German SMEs, and an English
reader still understands what the link is. Links are absolute, from the declared site URL, each in its
language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator

from .domains import registrable_domain
from .models import ClaimInvitation

LANGUAGES = ("de", "en")
# The subject holds both languages: each part and the reason in it are shortened with an ellipsis, so the
# English part is never cut off behind a long German one.
SUBJECT_REASON_CHARS = 50
SUBJECT_PART_CHARS = 150


def _context(invitation: ClaimInvitation, token: str, inviter: str) -> dict:
    company = invitation.company
    return {
        "company": company.name,
        "inviter": inviter,
        "reason": invitation.reason,
        "cooperation": invitation.cooperation_id is not None,
        "link": settings.ITKOOP_SITE_URL.rstrip("/") + reverse("claims:link", args=[token]),
        "expires": invitation.expires_at,
        "domain": registrable_domain(company.website),
        "hub": company.hub.name if company.hub_id else "",
        "site_url": settings.ITKOOP_SITE_URL,
    }


def invitation_email(invitation: ClaimInvitation, token: str, inviter: str) -> EmailMultiAlternatives:
    subjects, texts, htmls = [], [], []
    for language in LANGUAGES:
        with translation.override(language):
            context = {**_context(invitation, token, inviter), "language": language}
            short = {**context, "reason": Truncator(context["reason"]).chars(SUBJECT_REASON_CHARS)}
            subject = " ".join(render_to_string("claims/mail/invitation_subject.txt", short).split())
            subjects.append(Truncator(subject).chars(SUBJECT_PART_CHARS))
            texts.append(render_to_string("claims/mail/invitation.txt", context).strip())
            htmls.append(render_to_string("claims/mail/invitation_part.html", context))
    message = EmailMultiAlternatives(
        subject=" / ".join(subjects),
        body="\n\n---\n\n".join(texts) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
    )
    message.attach_alternative(render_to_string("claims/mail/invitation.html", {"parts": htmls}), "text/html")
    return message
