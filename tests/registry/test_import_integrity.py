"""Catalog import integrity: ids that fit URLs, partial updates, solution ownership, attested fields, and
every kind of value JSON or the database cannot hold refused with one line and nothing written (SQLite and
PostgreSQL alike: the tests run on whichever DATABASE_URL names)."""

import hashlib
import inspect
import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from itkoop.core.converters import EXTERNAL_ID_REGEX, is_external_id
from itkoop.registry.catalog_io import export_catalog, import_catalog, read_catalog_file
from itkoop.registry.models import Capability, Company, Label, PastCooperation, Solution, Standard
from itkoop.registry.reference_data import DATA_DIR
from itkoop.registry.services import CatalogError, _new_solution_id, _unique_external_id


def _mini(mini_catalog_path) -> dict:
    return json.loads(mini_catalog_path.read_text())


def _write(tmp_path, data, name="catalog.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _one_company(**fields) -> dict:
    return {"format": "itkoop-catalog/1", "companies": [{"id": "x1", "name": "X GmbH", **fields}]}


def _state() -> str:
    """A hash of everything an import may write: the export and the row counts of every table it touches."""
    counts = [m.objects.count() for m in (Company, Solution, PastCooperation, Capability, Standard, Label)]
    text = json.dumps([export_catalog(), counts], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


# --- 1. ids ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad_id", ["sl/ash", "-lead", ".hidden", "a b", "ümlaut", "x" * 129, "", "a?b", "a%2Fb"]
)
@pytest.mark.parametrize("where", ["company", "solution"])
@pytest.mark.django_db
def test_id_outside_the_url_pattern_is_refused(bad_id, where, tmp_path, mini_catalog_path):
    data = _mini(mini_catalog_path)
    if where == "company":
        data["companies"][0]["id"] = bad_id
        place = "companies[0].id"
    else:
        data["companies"][0]["solutions"][0]["id"] = bad_id
        place = "companies[0].solutions[0].id"
    with pytest.raises(CatalogError, match=re.escape(place)):
        import_catalog(read_catalog_file(_write(tmp_path, data)), attested_from_file=True)
    assert Company.objects.count() == 0


@pytest.mark.django_db
def test_longest_ids_the_pattern_allows_import_and_their_pages_answer(client, tmp_path):
    company_id, solution_id = "A" * 128, "b.c_d-" + "9" * 122
    data = _one_company(solutions=[{"id": solution_id, "name": "Lösung"}])
    data["companies"][0]["id"] = company_id
    import_catalog(read_catalog_file(_write(tmp_path, data)), attested_from_file=True)
    company = Company.objects.get(external_id=company_id)
    assert client.get(company.get_absolute_url()).status_code == 200
    assert client.get(Solution.objects.get(external_id=solution_id).get_absolute_url()).status_code == 200
    assert client.get(reverse("api:company-detail", args=[company_id])).status_code == 200
    assert client.get(reverse("api:solution-detail", args=[solution_id])).status_code == 200
    assert client.get(reverse("matching:partners", args=[company_id])).status_code == 200


def test_company_and_solution_urls_take_exactly_the_id_pattern():
    assert reverse("registry:company", args=["a.b_c-1"]).endswith("/unternehmen/a.b_c-1/")
    assert reverse("registry:solution", args=["S.1"]).endswith("/loesung/S.1/")
    for name in ("registry:company", "registry:solution", "matching:partners", "api:partners"):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=["sl/ash"])
        with pytest.raises(NoReverseMatch):
            reverse(name, args=["a b"])
    for name in ("registry:company", "registry:solution", "api:company-detail", "api:solution-detail"):
        good = reverse(name, args=["ok-1"])
        assert resolve(good).kwargs["external_id"] == "ok-1"
        for bad in ("a b", "-x", "ü", "a?b", "x" * 129):
            try:
                match = resolve(good.replace("ok-1", bad))
            except Resolver404:
                continue
            assert match.url_name == "not_found"  # the API answers unknown paths with its JSON 404


@pytest.mark.parametrize("name", ["Müller & Söhne GmbH", "日本語", "---", "__x__", "a/b\\c", "x" * 300, "  "])
@pytest.mark.django_db
def test_ids_made_by_the_services_fit_the_pattern(name):
    company_id = _unique_external_id(name)
    assert is_external_id(company_id), company_id
    company = Company.objects.create(external_id="C" * 128, name="Lang")
    assert is_external_id(_new_solution_id(company))
    Solution.objects.create(external_id=_new_solution_id(company), company=company, name="eins")
    second = _new_solution_id(company)
    assert is_external_id(second) and not Solution.objects.filter(external_id=second).exists()


def test_model_and_converter_use_the_schemas_pattern():
    schema = json.loads((DATA_DIR / "catalog.schema.json").read_text())
    company = schema["properties"]["companies"]["items"]["properties"]
    assert company["id"]["pattern"] == f"^{EXTERNAL_ID_REGEX}$"
    assert company["solutions"]["items"]["properties"]["id"]["pattern"] == f"^{EXTERNAL_ID_REGEX}$"
    for model in (Company, Solution):
        assert model._meta.get_field("external_id").max_length == 128


# --- 2. partial updates ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_entry_with_id_and_name_changes_only_the_name(mini_catalog, tmp_path):
    Company.objects.filter(external_id="c1").update(
        keywords=["lager"], languages=["de", "en"], industries=["C"], export_markets=["AT"]
    )
    before = Company.objects.get(external_id="c1")
    update = {"companies": [{"id": "c1", "name": "Nordlicht neu"}]}
    import_catalog(read_catalog_file(_write(tmp_path, update)), attested_from_file=True)
    after = Company.objects.get(external_id="c1")
    assert after.name == "Nordlicht neu"
    for field in ("hub_id", "keywords", "languages", "industries", "export_markets", "description", "city"):
        assert getattr(after, field) == getattr(before, field), field
    assert list(after.labels.values_list("slug", flat=True)) == ["software-made-in-germany"]
    assert after.solutions.count() == 1


@pytest.mark.django_db
def test_lists_given_replace_and_lists_not_given_stay(mini_catalog, tmp_path):
    Company.objects.filter(external_id="c1").update(keywords=["alt"], languages=["de"])
    update = {"companies": [{"id": "c1", "name": "Nordlicht ERP GmbH", "keywords": ["neu"], "labels": []}]}
    import_catalog(read_catalog_file(_write(tmp_path, update)), attested_from_file=True)
    company = Company.objects.get(external_id="c1")
    assert (company.keywords, company.languages) == (["neu"], ["de"])
    assert not company.labels.exists()


@pytest.mark.django_db
def test_solution_entry_with_id_and_name_keeps_its_links(mini_catalog, tmp_path):
    Solution.objects.filter(external_id="s1").update(
        deployment=["saas"], languages=["de"], price_eur_month=9.5
    )
    update = {
        "companies": [{"id": "c1", "name": "Nordlicht ERP GmbH", "solutions": [{"id": "s1", "name": "Neu"}]}]
    }
    import_catalog(read_catalog_file(_write(tmp_path, update)), attested_from_file=True)
    solution = Solution.objects.get(external_id="s1")
    assert solution.name == "Neu" and solution.description == "ERP mit Lagerverwaltung"
    assert (solution.deployment, solution.languages, solution.price_eur_month) == (["saas"], ["de"], 9.5)
    assert list(solution.capabilities.values_list("id", flat=True)) == ["erp"]
    assert list(solution.provides.values_list("id", flat=True)) == ["datev"]
    assert list(solution.consumes.values_list("id", flat=True)) == ["bmecat"]


@pytest.mark.django_db
def test_capability_entry_changes_only_the_keys_it_names(mini_catalog, tmp_path):
    update = {"capabilities": [{"id": "erp", "label_de": "ERP-System"}], "companies": []}
    import_catalog(read_catalog_file(_write(tmp_path, update)), attested_from_file=True)
    erp = Capability.objects.get(id="erp")
    assert (erp.label_de, erp.label_en) == ("ERP-System", "ERP")
    assert "Warenwirtschaft" in erp.synonyms_de


# --- 3. solution ownership ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_solution_of_another_company_is_refused_naming_both(mini_catalog, tmp_path):
    before = _state()
    data = _mini(mini_catalog)
    data["companies"][0]["solutions"] = []
    data["companies"][1]["solutions"].append({"id": "s1", "name": "Übernommen"})
    with pytest.raises(CatalogError) as info:
        import_catalog(read_catalog_file(_write(tmp_path, data)), attested_from_file=True)
    message = str(info.value)
    assert "companies[1].solutions[1].id" in message and "'c1'" in message and "'c2'" in message
    assert "\n" not in message
    assert Solution.objects.get(external_id="s1").company.external_id == "c1"
    assert _state() == before


# --- 4. attested fields ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_untrusted_file_keeps_attested_fields_and_new_companies_start_unverified(mini_catalog, tmp_path):
    Company.objects.filter(external_id="c2").update(verified=True)
    data = {
        "companies": [
            {"id": "c1", "name": "Nordlicht ERP GmbH", "verified": True, "labels": ["iso-27001"]},
            {"id": "c2", "name": "Shopwerk Aachen UG", "verified": False, "labels": []},
            {"id": "neu", "name": "Neu GmbH", "verified": True, "labels": ["software-made-in-germany"]},
        ]
    }
    import_catalog(read_catalog_file(_write(tmp_path, data)), attested_from_file=False)
    c1, c2, new = (Company.objects.get(external_id=i) for i in ("c1", "c2", "neu"))
    assert not c1.verified and list(c1.labels.values_list("slug", flat=True)) == ["software-made-in-germany"]
    assert c2.verified
    assert not new.verified and not new.labels.exists()
    assert not Label.objects.filter(slug="iso-27001").exists()


@pytest.mark.django_db
def test_staff_file_sets_attested_fields(mini_catalog, tmp_path):
    data = {
        "companies": [{"id": "c2", "name": "Shopwerk Aachen UG", "verified": True, "labels": ["iso-27001"]}]
    }
    import_catalog(read_catalog_file(_write(tmp_path, data)), attested_from_file=True)
    company = Company.objects.get(external_id="c2")
    assert company.verified and company.verified_at is not None
    assert list(company.labels.values_list("slug", flat=True)) == ["iso-27001"]


def test_import_function_makes_every_caller_choose():
    parameter = inspect.signature(import_catalog).parameters["attested_from_file"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is inspect.Parameter.empty


# --- 5. values JSON or the database cannot hold ----------------------------------------------------------


def _company_text(fragment: str) -> str:
    return '{"companies": [{"id": "x1", "name": "X GmbH", ' + fragment + "}]}"


UNHOLDABLE = {
    # not JSON at all, though Python's json module would take it
    "lat NaN": (_company_text('"lat": NaN'), "NaN"),
    "lon Infinity": (_company_text('"lon": Infinity'), "Infinity"),
    "price -Infinity": (
        _company_text('"solutions": [{"id": "s", "name": "S", "price_eur_month": -Infinity}]'),
        "Infinity",
    ),
    "key twice": (
        _company_text('"city": "Kassel", "city": "Berlin"'),
        "'city' kommt in einem Objekt doppelt",
    ),
    "overflowing float": (_company_text('"lat": 1e400'), "companies[0].lat"),
    "overflowing price": (
        _company_text('"solutions": [{"id": "s", "name": "S", "price_eur_month": 1' + "0" * 400 + "}]"),
        "companies[0].solutions[0].price_eur_month",
    ),
    "price a bundle's sum cannot hold": (
        _company_text('"solutions": [{"id": "s", "name": "S", "price_eur_month": 1.7e308}]'),
        "companies[0].solutions[0].price_eur_month: die Zahl muss zwischen 0 und 1000000000",
    ),
    "integer too long to read": (_company_text('"employees": ' + "9" * 5000), "zu viele Ziffern"),
    "nesting too deep": (
        '{"companies": [{"id": "x1", "name": "X", "keywords": ' + "[" * 100000 + "]" * 100000 + "}]}",
        "verschachtelt",
    ),
    # numbers out of range of the schema or of a database column
    "employees huge": (_company_text('"employees": 3000000000'), "companies[0].employees"),
    "employees negative": (_company_text('"employees": -1'), "companies[0].employees"),
    "founded": (_company_text('"founded": 1799'), "companies[0].founded"),
    "lat range": (_company_text('"lat": 90.5'), "companies[0].lat"),
    "lon range": (_company_text('"lon": -180.5'), "companies[0].lon"),
    "cooperation year": (
        '{"companies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", '
        '"cooperations": [{"partner": "a", "year": 3000000000}]}]}',
        "companies[1].cooperations[0].year",
    ),
    # strings longer than their column (PostgreSQL refuses them, SQLite would store them)
    "country": (_company_text('"country": "Germania Magna"'), "companies[0].country: unbekanntes Land"),
    "postal code": (_company_text('"postal_code": "12345678901"'), "companies[0].postal_code"),
    "city": (_company_text('"city": "' + "K" * 101 + '"'), "companies[0].city"),
    "street": (_company_text('"street": "' + "S" * 201 + '"'), "companies[0].street"),
    "website": (_company_text('"website": "' + "w" * 301 + '"'), "companies[0].website"),
    "company name": ('{"companies": [{"id": "x1", "name": "' + "N" * 201 + '"}]}', "companies[0].name"),
    "solution name": (
        _company_text('"solutions": [{"id": "s", "name": "' + "N" * 201 + '"}]'),
        "companies[0].solutions[0].name",
    ),
    "hosting country": (
        _company_text('"solutions": [{"id": "s", "name": "S", "hosting_country": "DEU"}]'),
        "companies[0].solutions[0].hosting_country",
    ),
    "cooperation title": (
        '{"companies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", '
        '"cooperations": [{"partner": "a", "title": "' + "T" * 301 + '"}]}]}',
        "companies[1].cooperations[0].title",
    ),
    "label slug": (_company_text('"labels": ["' + "l" * 81 + '"]'), "companies[0].labels[0]"),
    "capability id": (
        '{"capabilities": [{"id": "' + "c" * 81 + '", "label_de": "C"}], "companies": []}',
        "capabilities[0].id",
    ),
    "standard url": (
        '{"standards": [{"id": "s", "label": "S", "url": "' + "u" * 501 + '"}], "companies": []}',
        "standards[0].url",
    ),
    # free text and list entries longer than any text input takes (the database would hold them)
    "company description": (
        _company_text('"description": "' + "d" * 100_001 + '"'),
        "companies[0].description: höchstens 100000 Zeichen",
    ),
    "solution description": (
        _company_text('"solutions": [{"id": "s", "name": "S", "description": "' + "d" * 100_001 + '"}]'),
        "companies[0].solutions[0].description",
    ),
    "cooperation description": (
        '{"companies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", '
        '"cooperations": [{"partner": "a", "description": "' + "d" * 100_001 + '"}]}]}',
        "companies[1].cooperations[0].description",
    ),
    "keyword": (
        _company_text('"keywords": ["ok", "' + "k" * 201 + '"]'),
        "companies[0].keywords[1]: höchstens 200",
    ),
    "industry": (_company_text('"industries": ["' + "i" * 201 + '"]'), "companies[0].industries[0]"),
    "company language": (_company_text('"languages": ["' + "l" * 201 + '"]'), "companies[0].languages[0]"),
    "solution language": (
        _company_text('"solutions": [{"id": "s", "name": "S", "languages": ["' + "l" * 201 + '"]}]'),
        "companies[0].solutions[0].languages[0]",
    ),
    "synonym": (
        '{"capabilities": [{"id": "c", "label_de": "C", "synonyms_en": ["'
        + "s" * 201
        + '"]}], "companies": []}',
        "capabilities[0].synonyms_en[0]",
    ),
    # characters PostgreSQL or UTF-8 cannot store
    "NUL in name": (
        _company_text('"description": "a\\u0000b"'),
        "companies[0].description: der Text enthält ein NUL",
    ),
    "NUL in a list": (_company_text('"keywords": ["ok", "\\u0000"]'), "companies[0].keywords[1]"),
    "NUL in a key": (_company_text('"x\\u0000": 1'), "NUL"),
    "lone surrogate": (
        _company_text('"city": "\\ud800"'),
        "companies[0].city: der Text enthält ein ungültiges",
    ),
    # unknown-to-the-schema keys the model keeps must still be of the model's kind
    "kind": (_company_text('"kind": "supplier"'), "companies[0].kind"),
    "verified": (_company_text('"verified": "ja"'), "companies[0].verified"),
}


@pytest.mark.parametrize("text, message", UNHOLDABLE.values(), ids=UNHOLDABLE.keys())
@pytest.mark.django_db
def test_value_json_or_the_database_cannot_hold_is_refused_and_changes_nothing(
    text, message, mini_catalog, tmp_path
):
    before = _state()
    with pytest.raises(CatalogError) as info:
        import_catalog(read_catalog_file(_write(tmp_path, text)), attested_from_file=True)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert _state() == before


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), 10**400, "a\x00b"], ids=["nan", "inf", "huge", "nul"]
)
@pytest.mark.django_db
def test_catalog_built_in_python_is_checked_the_same(value, mini_catalog):
    before = _state()
    key = "city" if isinstance(value, str) else "lat" if isinstance(value, float) else "employees"
    with pytest.raises(CatalogError, match=rf"companies\[0\]\.{key}"):
        import_catalog(_one_company(**{key: value}), attested_from_file=True)
    assert _state() == before


@pytest.mark.django_db
def test_values_at_their_limits_import(tmp_path):
    data = _one_company(
        lat=-90,
        lon=180.0,
        employees=10_000_000,
        founded=2100,
        country="AT",
        postal_code="1" * 10,
        city="K" * 100,
        description="d" * 100_000,
        keywords=["k" * 200],
        solutions=[{"id": "s", "name": "N" * 200, "price_eur_month": 1e9, "hosting_country": "DE"}],
    )
    data["companies"][0]["name"] = "N" * 200
    import_catalog(read_catalog_file(_write(tmp_path, data)), attested_from_file=True)
    company = Company.objects.get(external_id="x1")
    assert (company.lat, company.lon, company.employees, company.founded) == (-90, 180, 10_000_000, 2100)
    assert (len(company.description), company.keywords) == (100_000, ["k" * 200])
    assert Solution.objects.get(external_id="s").price_eur_month == 1e9


# --- the command line: exit 2, one line, database unchanged ----------------------------------------------


def _itkoop(*args, database_url: str):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "itkoop.settings.dev"}
    return subprocess.run(
        [sys.executable, "-m", "itkoop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


CLI_REFUSALS = {
    "nan": _company_text('"lat": NaN'),
    "huge employees": _company_text('"employees": 3000000000'),
    "huge year": '{"companies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", '
    '"cooperations": [{"partner": "a", "year": 99999999999}]}]}',
    "slash id": '{"companies": [{"id": "sl/ash", "name": "A"}]}',
    "country unknown": _company_text('"country": "Germania Magna"'),
    "NUL": _company_text('"description": "a\\u0000"'),
}


def _sqlite_bytes(db_file) -> bytes:
    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_file.read_bytes()


def test_cli_refuses_unholdable_values_on_sqlite_with_exit_2_and_no_byte_changed(tmp_path, mini_catalog_path):
    url = f"sqlite:///{tmp_path / 'itkoop.sqlite3'}"
    assert _itkoop("import", str(mini_catalog_path), database_url=url).returncode == 0
    before = _sqlite_bytes(tmp_path / "itkoop.sqlite3")
    for name, text in CLI_REFUSALS.items():
        refused = _itkoop("import", str(_write(tmp_path, text, f"{name}.json")), database_url=url)
        assert refused.returncode == 2, (name, refused.stderr)
        assert refused.stderr.count("\n") == 1 and refused.stderr.startswith("itkoop: "), (
            name,
            refused.stderr,
        )
        assert _sqlite_bytes(tmp_path / "itkoop.sqlite3") == before, name


@pytest.mark.django_db(transaction=True)
def test_cli_refuses_unholdable_values_on_postgresql_with_exit_2_and_nothing_changed(
    tmp_path, mini_catalog_path
):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL run only (DATABASE_URL=postgres://...)")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    imported = _itkoop("import", str(mini_catalog_path), database_url=url)
    assert imported.returncode == 0, imported.stderr
    before = _state()
    assert Company.objects.count() == 3
    for name, text in CLI_REFUSALS.items():
        refused = _itkoop("import", str(_write(tmp_path, text, f"{name}.json")), database_url=url)
        assert refused.returncode == 2, (name, refused.stderr)
        assert refused.stderr.count("\n") == 1, (name, refused.stderr)
        assert _state() == before, name


def test_cli_untrusted_flag_keeps_attested_fields_and_default_takes_them(tmp_path, mini_catalog_path):
    url = f"sqlite:///{tmp_path / 'itkoop.sqlite3'}"
    data = _mini(mini_catalog_path)
    data["companies"][1]["labels"] = ["iso-27001"]
    data["companies"][1]["verified"] = True
    untrusted = _itkoop("import", "--untrusted", str(_write(tmp_path, data)), database_url=url)
    assert untrusted.returncode == 0, untrusted.stderr
    out = tmp_path / "export.json"
    assert _itkoop("export", str(out), database_url=url).returncode == 0
    companies = {c["id"]: c for c in json.loads(out.read_text())["companies"]}
    assert companies["c2"]["labels"] == [] and "verified" not in companies["c2"]
    assert companies["c1"]["labels"] == []
    trusted = _itkoop("import", str(_write(tmp_path, data)), database_url=url)
    assert trusted.returncode == 0, trusted.stderr
    assert _itkoop("export", str(out), database_url=url).returncode == 0
    companies = {c["id"]: c for c in json.loads(out.read_text())["companies"]}
    assert companies["c2"]["labels"] == ["iso-27001"] and companies["c2"]["verified"] is True
    assert companies["c1"]["labels"] == ["software-made-in-germany"]
