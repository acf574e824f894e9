"""The network of hubs: inquiries routed to one hub by topic (its specialities) and postcode (its region);
the hub staff told when a member's change takes a verified company back to review."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core.i18n import page_language
from itkoop.notifications.services import notify
from itkoop.registry.services import ReviewRequest

from .. import notifications as kinds
from ..models import Inquiry
from ..selectors import hub_team

logger = logging.getLogger(__name__)

GENERAL_TOPIC = "allgemein"
FALLBACK_HUB = "berlin"  # the center's head office takes what no hub's topic or region covers


def topic_choices() -> list[tuple[str, str]]:
    """(value, label) for every hub speciality, values in German, labels in the current language."""
    english = page_language() == "en"
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


@transaction.atomic
def inquiry_submit(
    *, name: str, email: str, postal_code: str, topic: str, question: str, organisation: str = ""
) -> Inquiry:
    """Anyone may ask; the form validated the fields. The hub's staff (else the center admins) are told."""
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
    # The question stays in the inquiry; the notification holds its id and renders it when sent.
    told = notify(
        recipients=hub_team(hub.pk),
        kind=kinds.INQUIRY,
        params={"inquiry_id": inquiry.pk, "hub_city": hub.city},
        url=("admin:cooperation_inquiry_change", [inquiry.pk]),
    )
    if not told:
        logger.warning("inquiry %s for hub %s has nobody to tell", inquiry.pk, hub.slug)
    return inquiry


def company_review_requested(review: ReviewRequest) -> None:
    """The registry's review listener (registered by CooperationConfig.ready()): the registry sits below the
    notifications in the layers and cannot send, so the hub staff hear of the company through this app,
    which already tells each hub's team what waits for it."""
    company = review.company
    notify(
        recipients=hub_team(company.hub_id),
        kind=kinds.COMPANY_REVIEW,
        params={
            "company": company.name,
            "external_id": company.external_id,
            "changed": sorted(review.changed),
        },
        url=("registry:company", [company.external_id]),
    )
