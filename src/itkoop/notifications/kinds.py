"""The registry of notification kinds. Each app declares its kinds (in its `notifications.py`, loaded by its
AppConfig.ready) with a one-line title whose %(name)s placeholders are filled from the stored parameters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

if TYPE_CHECKING:
    from .models import Notification

Attachment = tuple[str, bytes | str, str]  # file name, content, MIME type


@dataclass(frozen=True)
class Kind:
    """One kind of notification.

    ``title`` is a lazily translated line such as _("%(company)s hat Sie eingeladen."); ``body`` an optional
    template (``.txt``; an ``.html`` beside it is used for the HTML part) rendered with the parameters as
    ``params``; ``context`` adds to that template's context at send time what the stored ids point to (so
    the mail shows the event or inquiry as it is, and personal texts are not copied into every row);
    ``attachments`` builds files for the mail at send time (for example an updated .ics)."""

    key: str
    label: Promise | str
    title: Promise | str
    body: str = ""
    default_delivery: str = "immediate"
    context: Callable[[Notification], dict[str, Any]] | None = None
    attachments: Callable[[Notification], list[Attachment]] | None = None
    # Kinds staff cannot opt out of (a password or legal notice) would set this; none do today.
    configurable: bool = True
    # Kinds only hub staff and center admins receive (inquiries, reviews): shown on their settings only.
    staff_only: bool = False
    # A title the kind composes from the parameters in the active language, for titles no catalog holds
    # (a subject staff wrote in German and English); ``title`` is then only the fallback.
    title_of: Callable[[dict[str, Any]], str] | None = None


_KINDS: dict[str, Kind] = {}


def register(*kinds: Kind) -> None:
    for kind in kinds:
        if kind.key in _KINDS and _KINDS[kind.key] != kind:
            raise ValueError(f"notification kind {kind.key!r} registered twice")
        _KINDS[kind.key] = kind


def get(key: str) -> Kind | None:
    return _KINDS.get(key)


def all_kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda k: k.key)


def format_title(kind: Kind | None, params: dict[str, Any]) -> str:
    """The title with its parameters; a missing parameter falls back to the kind's label, never raises."""
    if kind is None:
        return str(params.get("text", "")) or "–"
    if kind.title_of is not None:
        return kind.title_of(params) or str(kind.label)
    try:
        return str(kind.title) % params
    except (KeyError, TypeError, ValueError):
        return str(kind.label)


def _register_builtin() -> None:
    from django.utils.translation import gettext_lazy as _

    # Notifications written before kinds existed: their German text is all there is.
    register(
        Kind(key="legacy.text", label=_("Ältere Benachrichtigungen"), title="%(text)s", configurable=False)
    )


_register_builtin()
