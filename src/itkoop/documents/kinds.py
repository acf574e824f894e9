"""The registry of document kinds: each app that renders slow documents (PDFs) declares them in its
`documents.py`, loaded by its AppConfig.ready(), and the task queue renders them outside the web request.

A kind turns the posted form into parameters (`params_from`, which raises `DocumentRequestError` with a
message for the person, or Http404 for an object that does not exist), says who may have the document
(`may_access`, checked when it is requested and again before it is rendered), and renders it (`render`) in a
language. The parameters are stored as JSON, so they hold ids and plain values, never objects."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from itkoop.core.converters import parse_id

Params = dict[str, Any]


class DocumentRequestError(Exception):
    """A document that cannot be made as asked; the message tells the person what to change."""


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: Promise | str
    params_from: Callable[[Any, Mapping[str, Any]], Params]  # (user, posted data) -> params
    may_access: Callable[[Any, Params], bool]  # (user, params) -> allowed?
    render: Callable[[Params, str], tuple[str, bytes]]  # (params, language) -> (file name, PDF bytes)


def posted_id(data: Mapping[str, Any], name: str) -> int | None:
    """The database id in a posted field, or None unless it is 1 to 18 ASCII digits (an id always fits)."""
    value = data.get(name)
    return parse_id(value) if isinstance(value, str) else None


_KINDS: dict[str, DocumentKind] = {}


def register(*kinds: DocumentKind) -> None:
    for kind in kinds:
        if kind.key in _KINDS and _KINDS[kind.key] != kind:
            raise ValueError(f"document kind {kind.key!r} registered twice")
        _KINDS[kind.key] = kind


def unregister(key: str) -> None:
    """Tests register kinds of their own; they take them out again with this."""
    _KINDS.pop(key, None)


def get(key: str) -> DocumentKind | None:
    return _KINDS.get(key)


def all_kinds() -> list[DocumentKind]:
    return sorted(_KINDS.values(), key=lambda k: k.key)
