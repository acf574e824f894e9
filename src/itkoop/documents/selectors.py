"""Reads of the document service: a person's own documents (nobody else's, whoever asks)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Document


def documents_of(user) -> QuerySet[Document]:
    return Document.objects.filter(owner=user)


def document_of(user, pk: int) -> Document:
    """The user's document `pk`; 404 for a document of someone else, as for one that does not exist."""
    return get_object_or_404(documents_of(user), pk=pk)
