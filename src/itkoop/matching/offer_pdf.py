"""The joint offer as PDF: the need form's values become plain parameters (stored with the document request),
and from them the offer is matched again and rendered with WeasyPrint. The task queue calls this, through the
document service; see services.offer_document_params and services.offer_document_render."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import presenters
from .forms import CorrectionForm, NeedForm


def offer_params(data: Mapping[str, Any], *, customer_company_id: str | None) -> dict[str, Any]:
    """The need form's values and the offer's rank as JSON-safe parameters; MatchRequestError if invalid."""
    from .services import MAX_TOP, MatchRequestError

    form = NeedForm(data)
    rank_text = str(data.get("rank", "1"))
    rank = int(rank_text) if rank_text.isascii() and rank_text.isdigit() and len(rank_text) < 4 else 0
    if not form.is_valid() or not 1 <= rank <= MAX_TOP:
        raise MatchRequestError(_("Bitte geben Sie einen Bedarf und ein Angebot an."))
    cleaned = form.cleaned_data
    correction = CorrectionForm(data)
    if not correction.is_valid():
        raise MatchRequestError(_("Bitte geben Sie einen Bedarf und ein Angebot an."))
    corrections = correction.corrections()
    return {
        "text": cleaned["text"],
        "hub": cleaned["hub"].slug if cleaned.get("hub") else None,
        "plz": cleaned.get("plz", ""),
        "max_partners": cleaned.get("max_partners"),
        "labels": sorted(label.slug for label in cleaned.get("labels", [])),
        "rank": rank,
        "customer_company_id": customer_company_id,
        # the customer's corrections of the understanding, as on the page the offer was chosen from
        "add": list(corrections["add_capabilities"]),
        "remove": list(corrections["remove_capabilities"]),
        "must": list(corrections["must_standards"]),
        "deploy": corrections["deployment"],
    }


def render_offer(params: Mapping[str, Any]) -> tuple[str, bytes]:
    """(file name, PDF) of the offer of rank params["rank"]; MatchRequestError if there is none."""
    from weasyprint import HTML  # imported late: it is heavy and only the rendering task needs it

    html = offer_html(params)
    pdf = HTML(string=html, base_url=settings.ITKOOP_SITE_URL + "/").write_pdf()
    return _("gesamtangebot-%(rank)d.pdf") % {"rank": int(params["rank"])}, pdf


def offer_html(params: Mapping[str, Any]) -> str:
    """The HTML the PDF of the offer of rank params["rank"] is made from; MatchRequestError if none."""
    from .services import MatchRequestError, match_need

    rank = int(params["rank"])
    result = match_need(
        text=params["text"],
        top_k=max(rank, 5),
        hub=params.get("hub"),
        postal_code=params.get("plz") or "",
        max_partners=params.get("max_partners"),
        labels=tuple(params.get("labels") or ()),
        customer_company_id=params.get("customer_company_id"),
        add_capabilities=tuple(params.get("add") or ()),
        remove_capabilities=tuple(params.get("remove") or ()),
        must_standards=tuple(params.get("must") or ()),
        deployment=params.get("deploy") or "",
    )
    bundles = [b for b in presenters.present_bundles(result) if b["rank"] == rank]
    if not bundles:
        raise MatchRequestError(
            _("Dieses Angebot gibt es für Ihren Bedarf nicht (mehr). Bitte suchen Sie noch einmal.")
        )
    return render_to_string(
        "matching/offer_pdf.html",
        {
            "bundle": bundles[0],
            "result": result,
            "need_capabilities": presenters.present_need(result),
            "understanding": presenters.present_understanding(result),
        },
    )
