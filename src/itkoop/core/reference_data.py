"""Keeps the built-in reference data (hubs, centers, capability taxonomy) in the database after every migrate.

The data lives in JSON files inside the package, not in Python code, so the center can maintain it."""

import hashlib
import json
import logging
from functools import cache
from pathlib import Path

from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent.parent / "registry" / "data"
logger = logging.getLogger(__name__)


@cache
def load_json(name: str) -> dict:
    path = DATA_DIR / name
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@transaction.atomic
def sync_hubs_and_centers() -> None:
    from .models import Center, Hub

    data = load_json("centers.json")
    for hub in data.get("hubs", []):
        Hub.objects.update_or_create(
            slug=hub["id"],
            defaults={
                "name": hub["name"],
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


def _digest(name: str) -> str:
    path = DATA_DIR / name
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@transaction.atomic
def _sync_if_changed(name: str, sync) -> None:
    from .models import ReferenceDataState

    digest = _digest(name)
    state = ReferenceDataState.objects.filter(name=name).first()
    if state is not None and state.digest == digest:
        return
    sync()
    ReferenceDataState.objects.update_or_create(name=name, defaults={"digest": digest})
    logger.info("reference data %s synced", name)


def sync_reference_data(**kwargs) -> None:
    """post_migrate receiver: loads a data file when it is new or changed, so it is safe after every migrate
    and every test flush, and a plain `migrate` never undoes what an imported catalog changed."""
    from itkoop.registry.services import taxonomy_sync

    _sync_if_changed("centers.json", sync_hubs_and_centers)
    _sync_if_changed("taxonomy.json", lambda: taxonomy_sync(load_json("taxonomy.json")))
