"""Interface standards have an English name (Standard.label_en, from taxonomy.json): pages show the name in
their language, search documents hold both so an English search finds a standard, and the file format and
the API carry the English name beside the German one (ids unchanged)."""

import json

import pytest
from django.urls import reverse
from django.utils.translation import override

from itkoop.engine.catalog import TAXONOMY_FILE
from itkoop.registry.catalog_io import CatalogError, export_catalog, import_catalog
from itkoop.registry.models import Solution, Standard

pytestmark = pytest.mark.django_db

GERMAN_ONLY = {"datev", "ugl", "xbrl", "gobd-export", "imap-smtp", "csv", "gdt", "webhooks"}


def _get(client, name, args=(), params=None, lang="de"):
    with override("de"):
        path = reverse(name, args=args)
    response = client.get(("/en" if lang == "en" else "") + path, params or {})
    assert response.status_code == 200
    return response.content.decode()


def test_every_standard_with_a_german_name_has_an_english_one_in_the_taxonomy_and_the_database():
    data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    english = {s["id"]: s.get("label_en", "") for s in data["standards"]}
    assert all(english[s] and english[s] != s for s in GERMAN_ONLY)
    # German words in a label need an English name; a name like "BMEcat" is the same in both
    german_words = ("Format", "Lohn", "Großhandel", "Bilanz", "Beschreibung", "E-Mail", "Import", "Geräte")
    for std in data["standards"]:
        if any(word in std["label"] for word in german_words):
            assert std.get("label_en"), std["id"]
            assert not any(word in std["label_en"] for word in ("Großhandel", "Bilanz", "Geräte", "-Import"))
    # synced after migrate
    assert Standard.objects.get(id="gdt").label_en == "GDT (medical device data transfer)"
    assert Standard.objects.get(id="bmecat").label_en == ""


def test_the_name_follows_the_active_language_and_falls_back_to_the_german_one():
    datev, bmecat = Standard.objects.get(id="datev"), Standard.objects.get(id="bmecat")
    with override("de"):
        assert str(datev) == "DATEV-Format (Buchungsstapel)" and bmecat.display_label == "BMEcat"
    with override("en"):
        assert str(datev) == "DATEV format (posting batch)" and bmecat.display_label == "BMEcat"
    assert datev.search_label == "DATEV-Format (Buchungsstapel) DATEV format (posting batch)"
    assert bmecat.search_label == "BMEcat"


def test_the_solution_page_shows_the_standard_in_the_pages_language(client, mini_catalog):
    german = _get(client, "registry:solution", ["s1"])
    english = _get(client, "registry:solution", ["s1"], lang="en")
    assert ">DATEV-Format</a>" in german and "posting batch" not in german
    assert ">DATEV format (posting batch)</a>" in english and "DATEV-Format" not in english


def test_the_catalog_search_filter_lists_standards_in_the_pages_language(client, mini_catalog):
    german = _get(client, "registry:search")
    english = _get(client, "registry:search", lang="en")
    assert 'value="csv">CSV / Excel-Import<' in german
    assert 'value="csv">CSV / Excel import<' in english and "Excel-Import" not in english
    assert 'value="gdt">GDT (medical device data transfer)<' in english


def test_an_english_search_finds_solutions_by_the_standards_english_name(client, mini_catalog):
    page = _get(client, "registry:search", params={"q": "posting batch"}, lang="en")
    assert "Nordlicht Warenwirtschaft" in page and "Kontor FiBu" in page
    assert "Shopwerk" not in page  # speaks BMEcat only
    words = Solution.objects.get(external_id="s1").search_document.split()
    assert {"datevformat", "posting", "batch"} <= set(words)  # both names


def test_export_carries_the_english_name_and_an_import_sets_and_keeps_it(mini_catalog):
    exported = {s["id"]: s for s in export_catalog()["standards"]}
    assert exported["gdt"]["label_en"] == "GDT (medical device data transfer)"
    assert "label_en" not in exported["bmecat"]  # nothing to say: the German name is the English one
    renamed = {"companies": [], "standards": [{"id": "bmecat", "label": "BMEcat", "label_en": "BMEcat 2005"}]}
    import_catalog(renamed, attested_from_file=True)
    assert Standard.objects.get(id="bmecat").label_en == "BMEcat 2005"
    # an update changes only the keys it names: this one names no label_en
    import_catalog(
        {"companies": [], "standards": [{"id": "bmecat", "label": "BMEcat"}]}, attested_from_file=True
    )
    assert Standard.objects.get(id="bmecat").label_en == "BMEcat 2005"


def test_an_over_long_english_name_in_a_file_is_refused_before_anything_is_written(mini_catalog):
    with pytest.raises(CatalogError, match="label_en"):
        too_long = {"companies": [], "standards": [{"id": "datev", "label": "DATEV", "label_en": "x" * 201}]}
        import_catalog(too_long, attested_from_file=True)
    assert Standard.objects.get(id="datev").label == "DATEV-Format"


def test_the_api_gives_both_names_and_keeps_the_id_and_german_label(client, mini_catalog):
    data = client.get("/api/v1/standards/datev/").json()
    assert data["id"] == "datev" and data["label"] == "DATEV-Format"
    assert data["label_en"] == "DATEV format (posting batch)"
    assert client.get("/api/v1/standards/bmecat/").json()["label_en"] == ""
