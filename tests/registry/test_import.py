"""Catalog import and export: validation first, one transaction, idempotent by id, lossless round trip."""

import json
import os
import subprocess
import sys

import pytest

from itkoop.registry.catalog_io import export_catalog, import_catalog, read_catalog_file
from itkoop.registry.models import Company, PastCooperation, Solution
from itkoop.registry.services import CatalogError

from ..conftest import REPO, SHARED_SPEC


def _companies_and_solutions(data: dict) -> dict:
    return {
        c["id"]: {
            "name": c["name"],
            "hub": c.get("hub"),
            "solutions": {
                s["id"]: (
                    s["name"],
                    sorted(s.get("capabilities", [])),
                    sorted(s.get("provides", [])),
                    sorted(s.get("consumes", [])),
                )
                for s in c.get("solutions", [])
            },
            "cooperations": sorted((k["partner"], k.get("year")) for k in c.get("cooperations", [])),
        }
        for c in data["companies"]
    }


def test_schema_copy_in_package_matches_shared_spec():
    packaged = REPO / "src" / "itkoop" / "registry" / "data" / "catalog.schema.json"
    shared = SHARED_SPEC / "catalog.schema.json"
    if not shared.exists():
        pytest.skip("shared/spec is not beside this checkout")
    assert packaged.read_bytes() == shared.read_bytes()


@pytest.mark.django_db
def test_import_creates_companies_solutions_and_links(mini_catalog):
    assert Company.objects.count() == 3
    erp = Solution.objects.get(external_id="s1")
    assert erp.company.external_id == "c1"
    assert list(erp.provides.values_list("id", flat=True)) == ["datev"]
    assert list(erp.consumes.values_list("id", flat=True)) == ["bmecat"]
    assert PastCooperation.objects.get().partner.external_id == "c1"


@pytest.mark.django_db
def test_second_import_updates_and_never_duplicates(mini_catalog, mini_catalog_path):
    summary = import_catalog(read_catalog_file(mini_catalog_path), attested_from_file=True)
    assert (summary.companies_created, summary.companies_updated) == (0, 3)
    assert Company.objects.count() == 3 and Solution.objects.count() == 3
    assert PastCooperation.objects.count() == 1


@pytest.mark.django_db
def test_export_gives_back_what_was_imported(mini_catalog, mini_catalog_path):
    original = json.loads(mini_catalog_path.read_text())
    exported = export_catalog()
    assert _companies_and_solutions(exported) == _companies_and_solutions(original)
    # and the export itself imports without change
    summary = import_catalog(exported, attested_from_file=True)
    assert summary.companies_created == 0
    assert _companies_and_solutions(export_catalog()) == _companies_and_solutions(original)


@pytest.mark.django_db
def test_import_of_file_capabilities_updates_taxonomy(mini_catalog):
    from itkoop.registry.models import Capability

    erp = Capability.objects.get(id="erp")
    assert set(erp.exchanges_with.values_list("id", flat=True)) == {"online-shop", "accounting"}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("companies"), "(Wurzel): der Schlüssel „companies“ fehlt"),
        (lambda d: d["companies"][0].update(lat=123), "companies[0].lat"),
        (
            lambda d: d["companies"][1]["solutions"][0]["capabilities"].append("teleportation"),
            "companies[1].solutions[0].capabilities[1]: unbekannte Fähigkeit 'teleportation'",
        ),
        (
            lambda d: d["companies"][0]["solutions"][0]["provides"].append("nonsense"),
            "companies[0].solutions[0].provides[1]: unbekannter Standard 'nonsense'",
        ),
        (
            lambda d: d["companies"][2]["cooperations"][0].update(partner="nobody"),
            "companies[2].cooperations[0].partner: unbekanntes Unternehmen 'nobody'",
        ),
        (lambda d: d["companies"].append(dict(d["companies"][0], solutions=[])), "companies[3].id"),
        (lambda d: d["companies"][0].update(hub="hamburg"), "unbekannter Stützpunkt 'hamburg'"),
    ],
)
@pytest.mark.django_db
def test_malformed_catalog_is_refused_with_its_place_and_changes_nothing(
    mutate, message, mini_catalog_path, tmp_path
):
    data = json.loads(mini_catalog_path.read_text())
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(CatalogError) as info:
        import_catalog(read_catalog_file(bad), attested_from_file=True)
    assert message in str(info.value)
    assert Company.objects.count() == 0


@pytest.mark.django_db
def test_not_json_names_line_and_column(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"companies": [\n  {"id": "x",, }\n]}')
    with pytest.raises(CatalogError, match=r"Zeile 2, Spalte"):
        read_catalog_file(bad)


def _itkoop(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "itkoop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_cli_import_export_roundtrip_and_refusal_leave_database_bytes_unchanged(tmp_path, mini_catalog_path):
    """The contract end to end on a real SQLite file: import twice, export; a bad file changes no byte."""
    db_file = tmp_path / "itkoop.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_file}",
        "DJANGO_SETTINGS_MODULE": "itkoop.settings.dev",
    }
    first = _itkoop("import", str(mini_catalog_path), env=env)
    assert first.returncode == 0, first.stderr
    assert "3 Unternehmen neu" in first.stdout
    second = _itkoop("import", str(mini_catalog_path), env=env)
    assert "0 Unternehmen neu, 3 aktualisiert" in second.stdout
    out = tmp_path / "export.json"
    assert _itkoop("export", str(out), env=env).returncode == 0
    assert _companies_and_solutions(json.loads(out.read_text())) == _companies_and_solutions(
        json.loads(mini_catalog_path.read_text())
    )

    # Checkpoint the WAL so the main file holds everything, then compare bytes around a refused import.
    import sqlite3

    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_file.read_bytes()
    data = json.loads(mini_catalog_path.read_text())
    data["companies"][0]["solutions"][0]["capabilities"] = ["does-not-exist"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    refused = _itkoop("import", str(bad), env=env)
    assert refused.returncode != 0
    assert refused.stderr.count("\n") == 1 and "does-not-exist" in refused.stderr
    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db_file.read_bytes() == before
