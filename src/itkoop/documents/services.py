"""Writes of the document service: request a document (checked, stored, queued after commit), render it (the
task's work), and delete old ones. Apps declare their kinds through `register` (re-exported here)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import kinds
from .kinds import DocumentKind, DocumentRequestError, posted_id, register
from .models import Document

__all__ = [
    "DocumentKind",
    "DocumentRequestError",
    "document_render",
    "document_request",
    "documents_delete_old",
    "posted_id",
    "register",
]

logger = logging.getLogger(__name__)

# Documents one person may have waiting at a time: more would only fill the queue.
MAX_IN_PROGRESS = 5
KEEP_DAYS = 7


@transaction.atomic
def document_request(*, owner, kind: str, data: Mapping[str, Any], language: str) -> Document:
    """Store a request for a document of `kind` from the posted `data` and queue its rendering after commit.

    Raises Http404 for an unknown kind, DocumentRequestError for input the kind refuses, and Http404 too when
    the owner may not have this document (exactly like a missing object, so ids cannot be enumerated).
    The same document still waiting is returned, not queued twice."""
    document_kind = kinds.get(kind)
    if document_kind is None:
        raise Http404
    params = document_kind.params_from(owner, data)
    if not document_kind.may_access(owner, params):
        raise Http404
    waiting = Document.objects.filter(
        owner=owner, status__in=[Document.Status.QUEUED, Document.Status.RUNNING]
    ).select_for_update()
    for document in waiting:
        if document.kind == kind and document.params == params and document.language == language:
            return document
    if len(waiting) >= MAX_IN_PROGRESS:
        raise DocumentRequestError(
            _("Es werden schon mehrere Dokumente für Sie erstellt. Bitte warten Sie, bis sie fertig sind.")
        )
    document = Document.objects.create(owner=owner, kind=kind, params=params, language=language)
    from .tasks import render_document

    transaction.on_commit(lambda: render_document.delay(document.pk))
    return document


def document_render(*, document_id: int) -> Document | None:
    """Render a waiting document and store the file; a failure marks it failed with a message for the owner.

    A document already done or failed stays as it is (a task delivered twice renders once); one left running
    by a worker that died is rendered again."""
    updated = Document.objects.filter(
        pk=document_id, status__in=[Document.Status.QUEUED, Document.Status.RUNNING]
    ).update(status=Document.Status.RUNNING)
    if not updated:
        return None
    document = Document.objects.select_related("owner").get(pk=document_id)
    document_kind = kinds.get(document.kind)
    with translation.override(document.language):
        try:
            if document_kind is None:
                raise DocumentRequestError(_("Diese Art von Dokument gibt es nicht mehr."))
            if not document.owner.is_active or not document_kind.may_access(document.owner, document.params):
                raise DocumentRequestError(_("Sie haben keinen Zugriff mehr auf dieses Dokument."))
            filename, content = document_kind.render(document.params, document.language)
        except (DocumentRequestError, Http404) as exc:
            return _failed(document, str(exc) if isinstance(exc, DocumentRequestError) else "")
        except Exception:
            logger.exception("rendering document %s (%s) failed", document.pk, document.kind)
            return _failed(document, "")
    document.file.save(f"{document.kind}.pdf", ContentFile(content), save=False)
    document.filename = filename
    document.status = Document.Status.DONE
    document.finished = timezone.now()
    document.error = ""
    document.save(update_fields=["file", "filename", "status", "finished", "error"])
    return document


def _failed(document: Document, message: str) -> Document:
    document.status = Document.Status.FAILED
    document.finished = timezone.now()
    document.error = message[:500]
    document.save(update_fields=["status", "finished", "error"])
    return document


@transaction.atomic
def documents_delete_old(*, days: int = KEEP_DAYS) -> int:
    """Delete documents (rows and files) asked for more than `days` ago; returns how many."""
    old = Document.objects.filter(created__lt=timezone.now() - timedelta(days=days))
    count = 0
    for document in old.iterator():
        document.delete()  # the post_delete receiver removes the file after commit
        count += 1
    return count
