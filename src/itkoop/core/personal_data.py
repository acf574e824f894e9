"""Personal data of a person, collected and erased by the apps that hold it (pretix's shredder pattern).

Each app registers, in its AppConfig.ready(), one exporter per kind of personal data it keeps (what the
person may download) and, where it keeps something to remove, an eraser. Accounts runs them for the download
and for the deletion of an account, so it needs to import none of the apps above it. Erasers keep rows that
figures count (registrations, meeting requests) and remove only what identifies the person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone


@dataclass(frozen=True)
class PersonalDataKind:
    name: str
    exporter: Callable[[Any], Any]
    eraser: Callable[[Any], None] | None = None
    # Erasers run in ascending order; accounts anonymises the person last.
    order: int = 50


_KINDS: dict[str, PersonalDataKind] = {}


def register_personal_data(
    *, name: str, exporter: Callable[[Any], Any], eraser: Callable[[Any], None] | None = None, order: int = 50
) -> None:
    """Register (or replace, so a reloaded app does not register twice) one kind of personal data."""
    _KINDS[name] = PersonalDataKind(name=name, exporter=exporter, eraser=eraser, order=order)


def personal_data_kinds() -> list[PersonalDataKind]:
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.name))


def export_personal_data(user) -> dict[str, Any]:
    """Everything the registered exporters hold about `user`, by kind, as JSON-ready values."""
    return {kind.name: kind.exporter(user) for kind in personal_data_kinds()}


def erase_personal_data(user) -> list[str]:
    """Run every eraser for `user` (the caller holds the transaction); the names of the kinds erased."""
    erased = []
    for kind in personal_data_kinds():
        if kind.eraser is not None:
            kind.eraser(user)
            erased.append(kind.name)
    return erased


class LocalTimeJSONEncoder(DjangoJSONEncoder):
    """Times as the person reads them: in the site's time zone (Europe/Berlin), with the offset."""

    def default(self, o):
        if isinstance(o, datetime) and timezone.is_aware(o):
            o = timezone.localtime(o)
        return super().default(o)


def plain_rows(queryset, fields: list[str]) -> list[dict[str, Any]]:
    """The rows as dicts of JSON-ready values (dates as ISO text), for exporters."""
    import json

    return json.loads(json.dumps(list(queryset.values(*fields)), cls=LocalTimeJSONEncoder))
