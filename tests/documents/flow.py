"""Asking for a document as a page does (POST), with the task run as after the commit, and downloading it."""

from __future__ import annotations

from django.urls import reverse

from itkoop.documents.models import Document


def request_pdf(client, capture, kind: str, data: dict):
    """POST the create form; returns (the creating response, the document, the download response or None); the
    download's bytes are in its `body`.

    `capture` is pytest-django's django_capture_on_commit_callbacks: the test's transaction never commits, so
    the task queued on commit runs when the capture ends (as it would right after the commit, without a
    broker)."""
    before = set(Document.objects.values_list("pk", flat=True))
    with capture(execute=True):
        response = client.post(reverse("documents:create", args=[kind]), data)
    created = Document.objects.exclude(pk__in=before).order_by("pk").last()
    if created is None:
        return response, None, None
    download = client.get(reverse("documents:download", args=[created.pk]))
    download.body = read(download)
    created.refresh_from_db()
    return response, created, download


def read(response) -> bytes:
    """The content of a (streamed) file response. Reading it to the end closes the file (the test client wraps
    the stream so; closing it again would also close the test's database connection)."""
    if not getattr(response, "streaming", False):
        return response.content
    return b"".join(response.streaming_content)
