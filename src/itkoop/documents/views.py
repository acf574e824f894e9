"""Documents made by the task queue: asking for one (POST from the page that offers it), watching it being
made, and downloading it. Only the owner sees a document; to anyone else it does not exist (404)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from itkoop.core.ratelimit import throttle_by_ip

from . import kinds, selectors, services
from .models import Document

# PDFs take seconds of a worker each: one address may ask for this many per minute.
DOCUMENTS_PER_MINUTE = 10


@login_required
@require_POST
@throttle_by_ip("documents", limit=DOCUMENTS_PER_MINUTE, window=60)
def create(request, kind: str):
    try:
        document = services.document_request(
            owner=request.user, kind=kind, data=request.POST, language=request.LANGUAGE_CODE
        )
    except services.DocumentRequestError as error:
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = ""
        return render(request, "documents/refused.html", {"message": str(error), "back": back}, status=400)
    document.refresh_from_db()  # without a broker it was rendered when the request committed
    if document.status == Document.Status.DONE:
        return redirect("documents:download", pk=document.pk)
    return redirect("documents:status", pk=document.pk)


def _label(document: Document) -> str:
    kind = kinds.get(document.kind)
    return str(kind.label) if kind else document.kind


@login_required
def status(request, pk: int):
    document = selectors.document_of(request.user, pk)
    return render(request, "documents/status.html", {"document": document, "label": _label(document)})


@login_required
def status_json(request, pk: int):
    document = selectors.document_of(request.user, pk)
    return JsonResponse(
        {
            "id": document.pk,
            "kind": document.kind,
            "status": document.status,
            "download_url": reverse("documents:download", args=[document.pk])
            if document.status == Document.Status.DONE
            else None,
            "error": document.error,
        }
    )


@login_required
def download(request, pk: int):
    document = selectors.document_of(request.user, pk)
    if document.status != Document.Status.DONE or not document.file:
        return redirect("documents:status", pk=document.pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename or "dokument.pdf",
        content_type="application/pdf",
    )
