"""Inquiries to the network: routed to one hub by topic (its specialities) and postcode (its region)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors

from ..models import Inquiry

logger = logging.getLogger(__name__)

GENERAL_TOPIC = "allgemein"
FALLBACK_HUB = "berlin"  # the center's head office takes what no hub's topic or region covers


def topic_choices() -> list[tuple[str, str]]:
    """(value, label) for every hub speciality, values in German, labels in the current language."""
    english = get_language() == "en"
    choices = [(GENERAL_TOPIC, _("Allgemeine Frage / anderes Thema"))]
    for hub in core_selectors.hub_reference_entries():
        german = hub.get("topics_de") or hub.get("topics", [])
        labels = hub.get("topics_en", german) if english else german
        choices.extend(zip(german, labels, strict=False))
    return choices


def route_inquiry(*, topic: str, postal_code: str) -> tuple:
    """The hub that answers: the one specialised in the topic, else the one whose region has the postcode.

    Returns the hub and what decided it ("topic", "postcode" or "fallback")."""
    hubs = list(core_selectors.hubs())
    if topic and topic != GENERAL_TOPIC:
        for hub in hubs:
            if topic in (hub.topics or []):
                return hub, "topic"
    prefix = (postal_code or "")[:2]
    if len(prefix) == 2:
        for hub in hubs:
            if prefix in (hub.postcode_prefixes or []):
                return hub, "postcode"
    fallback = next((h for h in hubs if h.slug == FALLBACK_HUB), hubs[0] if hubs else None)
    if fallback is None:
        raise core_selectors.hubs().model.DoesNotExist("no hubs configured")
    return fallback, "fallback"


def _hub_recipients(hub) -> list[str]:
    from itkoop.accounts import selectors as accounts

    staff = accounts.hub_staff(hub.slug)
    emails = [u.email for u in staff if u.email]
    if not emails:
        admins = accounts.center_admins()
        emails = [u.email for u in admins if u.email]
    return emails


@transaction.atomic
def inquiry_submit(
    *, name: str, email: str, postal_code: str, topic: str, question: str, organisation: str = ""
) -> Inquiry:
    """Anyone may ask; the form validated the fields. The hub's staff get it by e-mail."""
    hub, routed_by = route_inquiry(topic=topic, postal_code=postal_code)
    inquiry = Inquiry.objects.create(
        name=name.strip(),
        email=email.strip(),
        organisation=organisation.strip(),
        postal_code=postal_code,
        topic=topic,
        question=question.strip(),
        hub=hub,
        routed_by=routed_by,
    )
    recipients = _hub_recipients(hub)
    if recipients:
        body = "\n".join(
            [
                f"{_('Von')}: {inquiry.name} <{inquiry.email}> {inquiry.organisation}",
                f"{_('PLZ')}: {inquiry.postal_code}",
                f"{_('Thema')}: {inquiry.topic}",
                "",
                inquiry.question,
            ]
        )
        try:
            send_mail(
                _("Anfrage an den %(hub)s") % {"hub": hub.name},
                body,
                settings.DEFAULT_FROM_EMAIL,
                recipients,
                fail_silently=False,
            )
        except Exception:  # the inquiry is stored; staff also see it in the admin
            logger.exception("inquiry %s mail to hub %s failed", inquiry.pk, hub.slug)
    else:
        logger.warning("inquiry %s for hub %s has no staff to mail", inquiry.pk, hub.slug)
    return inquiry
