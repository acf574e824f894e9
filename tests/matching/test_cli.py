"""The `itkoop match` and `itkoop partners` commands as the engine contract (shared/DESIGN.md) says."""

import json
import os
import subprocess
import sys

import pytest

NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    db_file = tmp_path_factory.mktemp("cli") / "itkoop.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_file}",
        "DJANGO_SETTINGS_MODULE": "itkoop.settings.dev",
    }
    from ..conftest import MINI_CATALOG

    assert _itkoop("import", str(MINI_CATALOG), env=env).returncode == 0
    return env


def _itkoop(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "itkoop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_match_json_returns_the_one_complete_bundle_with_both_links_proven_optimal(env):
    result = _itkoop("match", NEED, "--json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"need", "bundles", "stats", "status"}
    assert {c["id"] for c in data["need"]["capabilities"]} == {"online-shop", "erp", "accounting"}
    assert all(set(c) == {"id", "score", "evidence"} and c["evidence"] for c in data["need"]["capabilities"])
    best = data["bundles"][0]
    assert set(best) == {"rank", "score", "companies", "solutions", "links", "uncovered", "explanation"}
    assert sorted(best["companies"]) == ["c1", "c2", "c3"]
    assert sorted(s["id"] for s in best["solutions"]) == ["s1", "s2", "s3"]
    assert best["uncovered"] == []
    links = {(frozenset((link["from"], link["to"])), link["standard"]) for link in best["links"]}
    assert links == {(frozenset(("s1", "s2")), "bmecat"), (frozenset(("s1", "s3")), "datev")}
    assert data["stats"]["optimal"] is True
    assert set(data["stats"]) == {"candidates", "elapsed_ms", "optimal"}


def test_match_plain_text_names_the_providers(env):
    result = _itkoop("match", NEED, "--top", "1", env=env)
    assert result.returncode == 0
    assert "Shopwerk Aachen UG" in result.stdout and "BMEcat" in result.stdout


def test_partners_for_the_accounting_company_exclude_itself(env):
    result = _itkoop("partners", "c3", "--json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["company"] == "c3"
    ids = [p["id"] for p in data["partners"]]
    assert ids and "c3" not in ids
    assert ids[0] == "c1"  # exchanges via DATEV and has worked with c3 before
    assert all(p["reasons"] for p in data["partners"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("partners", "nobody"), "Unbekanntes Unternehmen 'nobody'"),
        (("match", "   "), "Bedarf"),
        (("match", NEED, "--top", "0"), "mindestens 1"),
        (("match", NEED, "--top", "zwei"), "keine ganze Zahl"),
        (("match", NEED, "--hub", "hamburg"), "Unbekannter Stützpunkt 'hamburg'"),
        (("match", NEED, "--frobnicate"), "unrecognized arguments"),
        (("import", "/does/not/exist.json"), "Datei nicht gefunden"),
    ],
)
def test_bad_input_exits_non_zero_with_one_clear_line(env, args, message):
    result = _itkoop(*args, env=env)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr


def test_match_stopped_by_its_time_budget_says_not_proven_optimal(env):
    result = _itkoop("match", NEED, env={**env, "ITKOOP_MATCH_BUDGET_S": "0.000000001"})
    assert result.returncode == 0, result.stderr
    assert "Shopwerk Aachen UG" in result.stdout
    assert "optimal: nein" in result.stdout and "Nicht nachweislich optimal" in result.stdout


def test_match_takes_the_customers_corrections(env):
    result = _itkoop(
        "match", NEED, "--json", "--remove-capability", "online-shop", "--must-standard", "datev", env=env
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["need"]["removed"] == ["online-shop"] and data["need"]["must_standards"] == ["datev"]
    assert "online-shop" not in {c["id"] for c in data["need"]["capabilities"]}
    assert all("s2" not in {s["id"] for s in b["solutions"]} for b in data["bundles"])
    assert data["status"] == "found"


def test_match_with_an_added_capability_and_an_unmet_must(env):
    result = _itkoop(
        "match", "Wir brauchen eine Warenwirtschaft", "--json", "--add-capability", "online-shop",
        "--must-standard", "datev", "--must-standard", "bmecat", env=env,
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["need"]["added"] == ["online-shop"]
    assert {c["id"] for c in data["need"]["capabilities"]} == {"erp", "online-shop"}
    assert data["status"] == "found"  # the ERP speaks both


def test_match_refuses_an_unknown_must_standard_with_one_line(env):
    result = _itkoop("match", NEED, "--must-standard", "nope", env=env)
    assert result.returncode != 0
    assert "nope" in result.stderr and len(result.stderr.strip().splitlines()) == 1


# Libraries the two commands do not need (issue 11: the command loads only what it needs): the task
# queue, the PostgreSQL driver on SQLite, QR codes, calendars, PDFs, Markdown, the migration executor of an
# up-to-date database; SciPy's optimizer nowhere (most of SciPy, a fifth of a second); the MILP solver's
# bindings (highspy) only where a MILP is solved (match's certificate), not for partners.
NOT_NEEDED = ["celery", "kombu", "psycopg", "qrcode", "icalendar", "weasyprint", "markdown", "nh3"]
NOT_NEEDED += ["django.db.migrations.executor"]
# nor the admin modules of the apps (autodiscovery: neither command reaches the admin site)
NOT_NEEDED += ["itkoop.registry.admin", "itkoop.cooperation.admin"]
# As the `itkoop` command runs (main() reads the process's arguments), with the quick exit reporting first.
LOADED = """
import sys
from itkoop import cli
watched = {watched!r}

def report(status):
    print("loaded:", sorted(m for m in watched if m in sys.modules), status, flush=True)
    raise SystemExit(0)

cli._exit_now = report
report(cli.main())
"""


def _loaded(env, *args) -> tuple[list[str], int]:
    code = LOADED.format(watched=[*NOT_NEEDED, "scipy.optimize", "highspy"])
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.splitlines()[-1]
    assert last.startswith("loaded: "), result.stdout
    loaded, status = last.removeprefix("loaded: ").rsplit(" ", 1)
    return json.loads(loaded.replace("'", '"')), int(status)


def test_partners_loads_neither_the_optimizer_nor_what_no_command_of_its_kind_needs(env):
    assert _loaded(env, "partners", "c3", "--need", NEED) == ([], 0)


def test_match_loads_the_solver_for_its_certificate_and_nothing_it_does_not_need(env):
    assert _loaded(env, "match", NEED) == (["highspy"], 0)


def test_match_takes_how_the_solutions_must_run(env):
    result = _itkoop("match", NEED, "--json", "--deployment", "on-premise", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["need"]["deployment"] == "on-premise" and data["bundles"] == []
    refused = _itkoop("match", NEED, "--deployment", "mainframe", env=env)
    assert refused.returncode != 0 and "mainframe" in refused.stderr
