"""The network directory page: a map (no tiles: a hand-drawn outline of Germany and the points of hubs and
centers), the lists of hubs and centers, and the inquiry form that routes a question to one hub."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core.i18n import page_language
from itkoop.core.ratelimit import client_ip, hit

from . import services
from .forms import InquiryForm


def _hub_topics(hub) -> list[str]:
    """The hub's topics in the current language (the English names come from the reference data file)."""
    if page_language() != "en":
        return hub.topics
    for entry in core_selectors.hub_reference_entries():
        if entry.get("id") == hub.slug and entry.get("topics_en"):
            return entry["topics_en"]
    return hub.topics


def network_map_data(hubs: list, centers: list) -> dict:
    """Plain data for the map script (rendered with json_script, so it is never interpreted as markup)."""
    return {
        "outline": core_selectors.germany_outline(),
        "hubs": [
            {
                "name": h.localized_name,
                "city": h.city,
                "lat": h.lat,
                "lon": h.lon,
                "topics": _hub_topics(h),
                "postcode_prefixes": h.postcode_prefixes,
            }
            for h in hubs
            if h.lat is not None and h.lon is not None
        ],
        "centers": [
            {
                "name": c.name,
                "city": c.city,
                "region": c.region,
                "lat": c.lat,
                "lon": c.lon,
                "topics": c.topics,
            }
            for c in centers
            if c.lat is not None and c.lon is not None
        ],
        "labels": {"hub": _("Stützpunkt"), "center": _("Zentrum"), "map": _("Karte des Netzwerks")},
    }


INQUIRY_LIMIT = 5  # per address and window: the form mails hub staff, so it must not become a spam relay
INQUIRY_WINDOW_SECONDS = 600


def _within_rate_limit(request, form: InquiryForm) -> bool:
    if not hit("inquiries", client_ip(request), limit=INQUIRY_LIMIT, window=INQUIRY_WINDOW_SECONDS):
        form.add_error(
            None, _("Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in einigen Minuten erneut.")
        )
        return False
    return True


def inquiry_form_for(request) -> InquiryForm | HttpResponse:
    """The inquiry form of the network page; on a valid POST the inquiry is stored, mailed and we redirect."""
    form = InquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _within_rate_limit(request, form):
        data = form.cleaned_data
        inquiry = services.inquiry_submit(
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            postal_code=data["postal_code"],
            topic=data["topic"],
            question=data["question"],
        )
        messages.success(
            request,
            _("Danke! Ihre Frage ging an den %(hub)s. Wir melden uns per E-Mail.")
            % {"hub": inquiry.hub.localized_name},
        )
        return redirect(reverse("cooperation:network") + "#anfrage")
    return form


def network(request):
    form = inquiry_form_for(request)
    if isinstance(form, HttpResponse):
        return form
    hubs, centers = list(core_selectors.hubs()), list(core_selectors.centers())
    return render(
        request,
        "cooperation/network.html",
        {
            "hubs": hubs,
            "centers": centers,
            "inquiry_form": form,
            "map_data": network_map_data(hubs, centers),
        },
    )
