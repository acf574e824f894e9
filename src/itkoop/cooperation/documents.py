"""The document kinds of the cooperation app: the draft NDA and draft cooperation agreement as PDF, rendered
by the task queue (WeasyPrint takes seconds). Registered by CooperationConfig.ready()."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from itkoop.documents.services import DocumentKind, DocumentRequestError, posted_id, register

from . import permissions
from .models import Cooperation

CONTRACT = "cooperation.contract"
DRAFT_NOTE = {"de": "ENTWURF – keine Rechtsberatung", "en": "DRAFT – not legal advice"}


# This module is loaded at every start (CooperationConfig.ready registers the kind); the form and the
# contract rendering (Markdown, nh3) are imported where a document is asked for or rendered.


def _params(user, data: Mapping[str, Any]) -> dict[str, Any]:
    from .forms import ContractForm

    pk = posted_id(data, "cooperation")
    if pk is None or not Cooperation.objects.filter(pk=pk).exists():
        raise Http404
    form = ContractForm(data)
    if not form.is_valid():
        raise DocumentRequestError(_("Bitte wählen Sie Dokument und Sprache."))
    return {"cooperation": pk, "kind": form.cleaned_data["kind"], "language": form.cleaned_data["language"]}


def _may_access(user, params: dict[str, Any]) -> bool:
    cooperation = Cooperation.objects.filter(pk=params["cooperation"]).first()
    return cooperation is not None and permissions.can_view_cooperation(user, cooperation)


def _render(params: dict[str, Any], language: str) -> tuple[str, bytes]:
    """The draft in the language chosen in the form (not the page's): a partner abroad may need English."""
    from . import contracts

    cooperation = Cooperation.objects.filter(pk=params["cooperation"]).first()
    if cooperation is None:
        raise DocumentRequestError(_("Diese Kooperation gibt es nicht mehr."))
    doc_language = params["language"]
    contract = contracts.render_contract(
        cooperation, kind=params["kind"], language=doc_language, base_url=settings.ITKOOP_SITE_URL
    )
    pdf = contracts.render_pdf(contract, language=doc_language, draft_note=DRAFT_NOTE[doc_language])
    return contract.filename, pdf


register(
    DocumentKind(
        key=CONTRACT,
        label=gettext_lazy("Vertragsentwurf als PDF"),
        params_from=_params,
        may_access=_may_access,
        render=_render,
    )
)
