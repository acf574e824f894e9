"""Keeps the built-in reference data in the database after every migrate: core's own hubs and centers here,
and, through `sync_reference_file`, any app's data file (the registry registers its capability taxonomy).

The data lives in JSON files inside the packages, not in Python code, so the center can maintain it."""

import hashlib
import json
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data"
CENTERS_FILE = DATA_DIR / "centers.json"
logger = logging.getLogger(__name__)


@cache
def load_json(path: Path) -> dict:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@transaction.atomic
def sync_hubs_and_centers(data: dict) -> None:
    from .models import Center, Hub

    for hub in data.get("hubs", []):
        Hub.objects.update_or_create(
            slug=hub["id"],
            defaults={
                "name": hub["name"],
                "name_en": hub.get("name_en", ""),
                "city": hub.get("city", ""),
                "postal_code": hub.get("postal_code", ""),
                "lat": hub.get("lat"),
                "lon": hub.get("lon"),
                "postcode_prefixes": hub.get("postcode_prefixes", []),
                "topics": hub.get("topics", []),
            },
        )
    for center in data.get("centers", []):
        Center.objects.update_or_create(
            slug=center["id"],
            defaults={
                "name": center["name"],
                "region": center.get("region", ""),
                "city": center.get("city", ""),
                "lat": center.get("lat"),
                "lon": center.get("lon"),
                "topics_de": center.get("topics_de", []),
                "topics_en": center.get("topics_en", []),
                "description": center.get("description", ""),
            },
        )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@transaction.atomic
def sync_reference_file(path: Path, sync: Callable[[dict], None]) -> None:
    """Loads a data file with `sync` when it is new or changed (recorded by file name), so it is safe
    after every migrate and every test flush, and a plain `migrate` never undoes what an import changed."""
    from .models import ReferenceDataState

    digest = _digest(path)
    state = ReferenceDataState.objects.filter(name=path.name).first()
    if state is not None and state.digest == digest:
        return
    sync(load_json(path))
    ReferenceDataState.objects.update_or_create(name=path.name, defaults={"digest": digest})
    logger.info("reference data %s synced", path.name)


def sync_reference_data(**kwargs) -> None:
    """post_migrate receiver of the core app: hubs and centers."""
    sync_reference_file(CENTERS_FILE, sync_hubs_and_centers)
