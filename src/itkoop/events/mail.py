"""E-mails about registrations, in the language the person registered in, with the event as .ics attached."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from . import calendars
from .models import Registration

logger = logging.getLogger(__name__)

KINDS = ("confirmed", "waitlisted", "promoted", "cancelled")


def absolute_url(path: str) -> str:
    """Links in mails start with the declared site address."""
    return settings.ITKOOP_SITE_URL + path


def send_registration_mail(registration_pk: int, kind: str) -> None:
    """Tell the person what happened to their registration. Never raises: a mail failure is logged, the
    registration stands."""
    assert kind in KINDS
    registration = (
        Registration.objects.select_related("event", "event__hub", "user").filter(pk=registration_pk).first()
    )
    if registration is None:
        return
    language = registration.language if registration.language in ("de", "en") else "de"
    with translation.override(language):
        context = {
            "registration": registration,
            "event": registration.event,
            "kind": kind,
            "user": registration.user,
        }
        subject = render_to_string("events/mail/registration_subject.txt", context).strip()
        body = render_to_string("events/mail/registration.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.user.email],
        )
        if kind in ("confirmed", "promoted"):
            message.attach(
                f"event-{registration.event.pk}.ics",
                calendars.event_calendar(registration.event),
                "text/calendar",
            )
    try:
        message.send()
    except OSError:
        logger.exception("could not send the %s mail for registration %s", kind, registration_pk)


def send_text_mail(*, user, language: str, subject_template: str, body_template: str, context: dict) -> None:
    """A plain mail from templates in the given language; failures are logged."""
    with translation.override(language if language in ("de", "en") else "de"):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    try:
        EmailMessage(
            subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]
        ).send()
    except OSError:
        logger.exception("could not send %s to user %s", subject_template, user.pk)
