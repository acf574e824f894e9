"""taxonomy_sync writes in bulk: the same rows and links as one write per row, in a bounded number of queries
(every migrate and every test flush syncs the whole shipped taxonomy)."""

from __future__ import annotations

import json

import pytest

from itkoop.core.versions import CATALOG, data_version
from itkoop.registry.models import Capability, Standard
from itkoop.registry.reference_data import TAXONOMY_FILE
from itkoop.registry.services import taxonomy_sync

pytestmark = pytest.mark.django_db


def _links(capability_id: str) -> set[str]:
    return set(Capability.objects.get(id=capability_id).exchanges_with.values_list("id", flat=True))


def test_an_update_changes_only_what_an_entry_names_and_replaces_its_links():
    taxonomy_sync(
        {
            "capabilities": [
                {"id": "ops", "label_de": "Betrieb", "synonyms_de": ["Betriebsführung"]},
                {"id": "kasse", "label_de": "Kasse", "parent": "ops", "exchanges_with": ["ops"]},
                {"id": "shop", "label_de": "Shop", "exchanges_with": ["kasse", "ops", "kasse"]},
            ],
            "standards": [{"id": "datev", "label": "DATEV", "used_by": ["kasse", "nowhere"]}],
        }
    )
    assert _links("shop") == {"kasse", "ops"} and _links("kasse") == {"ops"}
    assert Capability.objects.get(id="kasse").parent_id == "ops"
    assert set(Standard.objects.get(id="datev").used_by.values_list("id", flat=True)) == {"kasse"}
    stamp = data_version(CATALOG)

    taxonomy_sync(
        {
            "capabilities": [
                {"id": "ops", "label_en": "Operations"},
                {"id": "kasse", "parent": None},
                {"id": "shop", "exchanges_with": ["ops"]},
            ],
            "standards": [{"id": "datev", "url": "https://www.datev.de"}],
        }
    )
    ops = Capability.objects.get(id="ops")
    assert (ops.label_de, ops.label_en, ops.synonyms_de) == ("Betrieb", "Operations", ["Betriebsführung"])
    assert Capability.objects.get(id="kasse").parent_id is None
    assert _links("shop") == {"ops"} and _links("kasse") == {"ops"}  # named links replaced, others kept
    datev = Standard.objects.get(id="datev")
    assert (datev.label, datev.url) == ("DATEV", "https://www.datev.de")
    assert set(datev.used_by.values_list("id", flat=True)) == {"kasse"}
    assert data_version(CATALOG) != stamp  # the engine's catalog is rebuilt after a sync


def test_the_whole_shipped_taxonomy_syncs_in_a_bounded_number_of_queries(django_assert_max_num_queries):
    data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    Capability.objects.all().delete()
    Standard.objects.all().delete()
    # one query per row or link would be well over a thousand
    with django_assert_max_num_queries(40):
        taxonomy_sync(data)
    assert Capability.objects.count() == len(data["capabilities"])
    assert Standard.objects.count() == len(data["standards"])
    erp = next(c for c in data["capabilities"] if c["id"] == "erp")
    assert _links("erp") == set(erp["exchanges_with"])
