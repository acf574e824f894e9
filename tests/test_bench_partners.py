"""The partner benchmark's conversion of the CORDIS data (bench/_cordis.py) and its run, on a small slice."""

import subprocess
import sys

import pytest

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import _cordis
import partners as bench_partners

pytestmark = pytest.mark.skipif(not _cordis.DATA.is_dir(), reason="../shared/data/cordis-he is not here")


@pytest.fixture(scope="module")
def cordis():
    return bench_partners.sliced(_cordis.read(), 150)


@pytest.fixture(scope="module")
def catalog(cordis):
    return _cordis.catalog_dict(cordis)


@pytest.mark.django_db
def test_the_catalog_file_passes_the_imports_own_checks(catalog):
    from itkoop.registry.catalog_io import validate_catalog

    validate_catalog(catalog)  # raises on any value the import would refuse
    assert catalog["companies"] and all(c["id"].startswith("pic-") for c in catalog["companies"])


def test_the_catalog_knows_only_what_started_before_the_cut_off(cordis, catalog):
    for company in catalog["companies"]:
        for solution in company["solutions"]:
            project = solution["id"].rsplit("-", 1)[1]
            assert cordis.projects[project].start < _cordis.CUTOFF
        for coop in company["cooperations"]:
            assert coop["year"] < int(_cordis.CUTOFF[:4])


def test_every_two_known_participants_of_a_project_cooperated_once(cordis, catalog):
    pairs = [
        (company["id"], coop["partner"], coop["title"])
        for company in catalog["companies"]
        for coop in company["cooperations"]
    ]
    assert len(pairs) == len({(min(a, b), max(a, b), t) for a, b, t in pairs})
    members: dict[str, set[str]] = {}
    for p in cordis.participations:
        if cordis.projects[p.project].start < _cordis.CUTOFF:
            members.setdefault(cordis.projects[p.project].acronym, set()).add(_cordis.company_id(p.org))
    expected = sum(len(m) * (len(m) - 1) // 2 for m in members.values())
    assert len(pairs) == expected


def test_queries_ask_known_smes_of_later_projects_for_their_known_partners(cordis, catalog):
    known = {c["id"] for c in catalog["companies"]}
    queries = _cordis.queries(cordis)
    assert queries
    smes = {_cordis.company_id(p.org) for p in cordis.participations if p.sme and p.activity == "PRC"}
    for q in queries:
        assert cordis.projects[q.project].start >= _cordis.CUTOFF
        assert q.asker in known and q.asker in smes and q.asker not in q.truth
        assert q.truth and q.truth <= known
        assert q.need.startswith(cordis.projects[q.project].title)
    assert {_cordis.split(q) for q in queries} == {"train", "test"}
    assert all(_cordis.split(q) == _cordis.split(q) for q in queries)


def test_the_baselines_rank_known_organisations_and_recall_is_a_share(cordis, catalog):
    baselines = _cordis.Baselines(catalog)
    q = _cordis.queries(cordis)[0]
    for ranked in (
        baselines.popular(q.asker, 20),
        baselines.co_participation(q.asker, 20),
        baselines.bm25_need(q.asker, q.need, 20),
        baselines.bm25_plus_co_participation(q.asker, q.need, 20),
    ):
        assert q.asker not in ranked and len(ranked) == len(set(ranked)) <= 20
    assert _cordis.recall(list(q.truth), q.truth, 20) == pytest.approx(min(1.0, 20 / len(q.truth)))
    assert _cordis.recall([], q.truth, 20) == 0


def test_the_benchmark_runs_through_the_import_and_the_services_on_a_slice():
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "partners.py"),
            "--slice",
            "40",
            "--queries",
            "8",
            "--split",
            "all",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src")},
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    for line in ("itkoop, with need", "itkoop, without need", "BM25 + co-participation", "best baseline"):
        assert line in result.stdout
