"""Background jobs of the document service: rendering one document, and the daily clean-up (scheduled in
settings.ITKOOP_PERIODIC_JOBS)."""

from __future__ import annotations

from itkoop.taskqueue import app

from . import services


@app.task
def render_document(document_id: int) -> str:
    """Render the document (queued on commit by services.document_request); returns its status."""
    document = services.document_render(document_id=document_id)
    return document.status if document else "skipped"


@app.task
def delete_old_documents() -> int:
    """Documents are for downloading soon after they are made: after a week they are deleted."""
    return services.documents_delete_old()
