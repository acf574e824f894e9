"""The documents' share of a person's data: the PDFs they asked for, with what they asked (e.g. a need text).

Erasing deletes them: a document belongs to the person who asked for it alone."""

from itkoop.core.services import plain_rows, register_personal_data

from .models import Document


def export_documents(user) -> list[dict]:
    return plain_rows(
        Document.objects.filter(owner=user).order_by("created"),
        ["kind", "params", "language", "status", "filename", "created"],
    )


def erase_documents(user) -> None:
    for document in Document.objects.filter(owner=user):
        document.delete()  # the model's signal removes the file too


def register() -> None:
    register_personal_data(name="documents", exporter=export_documents, eraser=erase_documents)
