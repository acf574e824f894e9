"""Background jobs of the document service: rendering one document, and the daily clean-up (scheduled in
settings.CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task
def render_document(document_id: int) -> str:
    """Render the document (queued on commit by services.document_request); returns its status."""
    document = services.document_render(document_id=document_id)
    return document.status if document else "skipped"


@shared_task
def delete_old_documents() -> int:
    """Documents are for downloading soon after they are made: after a week they are deleted."""
    return services.documents_delete_old()
