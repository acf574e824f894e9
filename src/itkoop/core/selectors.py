"""Reads of the network's base data (hubs and centers) that the other apps share."""

import unicodedata
from functools import cache
from pathlib import Path

from django.db.models import QuerySet

from . import legal
from .models import AuditEntry, Center, Hub, LegalText
from .reference_data import CENTERS_FILE, load_json
from .versions import CATALOG, data_version  # noqa: F401 - the stamp readers compare with their copy


def label_sort_key(label: str) -> str:
    """Alphabetical as a reader expects, for names sorted in Python (capabilities and tags in the page's
    language): case and accents ignored, so "Änderung" stands with the A's."""
    return unicodedata.normalize("NFKD", label.casefold())


def hubs() -> QuerySet[Hub]:
    return Hub.objects.all()


def centers() -> QuerySet[Center]:
    return Center.objects.all()


OUTLINE_FILE = Path(__file__).resolve().parent / "data" / "germany-outline.json"


@cache
def germany_outline() -> dict:
    """A simplified outline of Germany (GeoJSON) for the maps drawn without a tile service: the network
    directory's and an event's venue."""
    return load_json(OUTLINE_FILE)


def hub_reference_entries() -> list[dict]:
    """The hubs as the reference data file describes them, with what the database does not keep (the
    topics in German and English)."""
    return load_json(CENTERS_FILE).get("hubs", [])


def legal_text_current(kind: str) -> LegalText | None:
    """The newest version of the Impressum ("impressum") or the privacy notice ("privacy")."""
    return legal.legal_text_current(kind)


def legal_text_versions(kind: str) -> QuerySet[LegalText]:
    return legal.legal_text_versions(kind)


def audit_entries(*, action: str = "", actor_id: int | None = None, date_from=None, date_to=None):
    """The audit log, newest first, narrowed by action, actor and a range of days (inclusive)."""
    entries = AuditEntry.objects.select_related("actor")
    if action:
        entries = entries.filter(action=action)
    if actor_id:
        entries = entries.filter(actor_id=actor_id)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries


def audit_actions() -> list[str]:
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())


def audit_actors():
    """(id, label) of everyone who appears in the log, for the filter."""
    rows = (
        AuditEntry.objects.filter(actor__isnull=False)
        .order_by("actor__email")
        .values_list("actor_id", "actor__email")
        .distinct()
    )
    return list(rows)
