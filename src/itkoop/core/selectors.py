"""Reads of the network's base data (hubs and centers) that the other apps share."""

from django.db.models import QuerySet

from .models import Center, Hub
from .reference_data import CENTERS_FILE, load_json


def hubs() -> QuerySet[Hub]:
    return Hub.objects.all()


def centers() -> QuerySet[Center]:
    return Center.objects.all()


def hub_reference_entries() -> list[dict]:
    """The hubs as the reference data file describes them, with what the database does not keep (the
    topics in German and English)."""
    return load_json(CENTERS_FILE).get("hubs", [])
