"""The bulk writer of `itkoop import` leaves the database exactly as the former row-by-row writer did
(companies, solutions, links, labels, cooperations, search documents), in one transaction, with progress."""

import copy
from unittest import mock

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from itkoop.registry import catalog_bulk
from itkoop.registry.catalog_io import import_catalog, import_catalog_row_by_row
from itkoop.registry.models import Capability, Company, Label, PastCooperation, Solution, Standard
from itkoop.registry.selectors import CatalogFilters, search_companies, search_solutions
from itkoop.registry.services import CatalogError

CAPS = ["erp", "accounting", "online-shop", "payroll", "crm", "dms"]
STDS = ["datev", "bmecat", "openapi", "xrechnung"]


def _catalog(first: int, last: int, *, variant: int = 0) -> dict:
    """Companies co-<first>..co-<last-1>: 0-4 solutions each, some keys left out, labels, cooperations."""
    companies = []
    for i in range(first, last):
        company = {
            "id": f"co-{i}",
            "name": f"Firma {i} Buchhaltungssoftware" if variant == 0 else f"Umbenannt {i} Warenwirtschaft",
            "description": f"Beratung und Einführung für Handwerk {i}",
            "city": ["Kassel", "Aachen", "Köln"][i % 3],
            "hub": ["kassel", "aachen", "berlin", "karlsruhe"][i % 4],
            "keywords": ["E-Rechnung", f"kw{i}"],
            "industries": ["handwerk"],
            "solutions": [],
        }
        if i % 2 == variant % 2:
            company["verified"] = True
            company["labels"] = ["software-made-in-germany"] + (["iso-27001"] if i % 3 == 0 else [])
        if variant and i % 3 == 1:
            del company["description"]  # an update changes only the keys it names
        for j in range(i % 5):
            solution = {
                "id": f"so-{i}-{j}",
                # the same name twice in one company, and names whose order differs by case and umlaut
                "name": ["Zahlung", "abrechnung", "Übersicht", "Zahlung"][j % 4]
                + (f" v{variant}" if j else ""),
                "description": f"Lösung {j} mit Lagerverwaltung und Schnittstelle",
                "capabilities": [CAPS[(i + j) % 6], CAPS[(i + 2 * j) % 6]],
                "provides": [STDS[(i + j) % 4]],
                "consumes": [STDS[(i * j) % 4], STDS[(i + 1) % 4]],
                "deployment": ["saas"],
            }
            if variant and j == 1:
                del solution["capabilities"]  # kept as they are
                del solution["provides"]
            company["solutions"].append(solution)
        if i > first:
            company["cooperations"] = [{"partner": f"co-{i - 1}", "year": 2020 + variant, "title": "Projekt"}]
        companies.append(company)
    return {"format": "itkoop-catalog/1", "companies": companies}


def _second_catalog() -> dict:
    """Updates of co-0..co-5 (fewer keys, other names and lists), new co-10..co-13, cooperations with a
    company the file does not name, and one named twice."""
    data = _catalog(0, 6, variant=1)
    data["companies"] += _catalog(10, 14, variant=1)["companies"]
    data["companies"][-1]["cooperations"] = [
        {"partner": "co-8", "title": "Altprojekt"},
        {"partner": "co-8", "title": "Altprojekt", "year": 2019, "description": "zweimal genannt"},
        {"partner": "co-2", "year": 2024, "title": "Projekt"},
    ]
    data["companies"][0]["solutions"].append({"id": "so-new", "name": "Neu", "capabilities": ["crm"]})
    return data


def _snapshot() -> dict:
    """Everything an import writes, by the file's ids (row ids and times differ between runs)."""

    def values(obj, skip=()):
        out = {}
        for field in obj._meta.concrete_fields:
            if field.primary_key or field.name in ("created", "updated", *skip):
                continue
            out[field.name] = getattr(obj, field.attname)
        return out

    ext = dict(Company.objects.values_list("pk", "external_id"))
    companies = {}
    for company in Company.objects.prefetch_related("labels"):
        row = values(company, skip=("verified_at",))
        row["verified_at_set"] = company.verified_at is not None
        row["labels"] = sorted(label.slug for label in company.labels.all())
        companies[company.external_id] = row
    solutions = {}
    for solution in Solution.objects.prefetch_related("capabilities", "provides", "consumes"):
        row = values(solution, skip=("company",))
        row["company"] = ext[solution.company_id]
        for key in ("capabilities", "provides", "consumes"):
            row[key] = sorted(x.pk for x in getattr(solution, key).all())
        solutions[solution.external_id] = row
    cooperations = sorted(
        (ext[c.company_id], ext[c.partner_id], c.year or 0, c.title, c.description)
        for c in PastCooperation.objects.all()
    )
    return {
        "companies": companies,
        "solutions": solutions,
        "cooperations": cooperations,
        "labels": sorted(Label.objects.values_list("slug", "name")),
        "capabilities": Capability.objects.count(),
        "standards": Standard.objects.count(),
    }


def _both_ways(first: dict, second: dict, *, attested: bool) -> tuple[dict, dict]:
    import_catalog_row_by_row(first, attested_from_file=True)
    before = transaction.savepoint()
    import_catalog_row_by_row(copy.deepcopy(second), attested_from_file=attested)
    expected = _snapshot()
    transaction.savepoint_rollback(before)
    import_catalog(copy.deepcopy(second), attested_from_file=attested)
    return expected, _snapshot()


@pytest.mark.parametrize("attested", [True, False])
@pytest.mark.django_db
def test_bulk_import_into_an_empty_database_equals_row_by_row(attested):
    data = _catalog(0, 12)
    before = transaction.savepoint()
    import_catalog_row_by_row(copy.deepcopy(data), attested_from_file=attested)
    expected = _snapshot()
    transaction.savepoint_rollback(before)
    assert Company.objects.count() == 0
    import_catalog(copy.deepcopy(data), attested_from_file=attested)
    actual = _snapshot()
    assert len(actual["solutions"]) == 21 and len(actual["cooperations"]) == 11
    assert all(s["search_document"].strip() for s in actual["solutions"].values())
    assert actual == expected


@pytest.mark.parametrize("attested", [True, False])
@pytest.mark.django_db
def test_bulk_update_of_existing_companies_equals_row_by_row(attested):
    expected, actual = _both_ways(_catalog(0, 10), _second_catalog(), attested=attested)
    # the update kept what it did not name, and reached what it did
    assert (
        actual["solutions"]["so-2-1"]["capabilities"] == expected["solutions"]["so-2-1"]["capabilities"] != []
    )
    assert actual["companies"]["co-1"]["description"] == "Beratung und Einführung für Handwerk 1"
    assert actual["companies"]["co-0"]["name"].startswith("Umbenannt")
    assert actual == expected


@pytest.mark.django_db
def test_bulk_import_over_chunk_and_parameter_limits_equals_row_by_row():
    """Chunks of three companies and at most four values per IN (...): every split path is taken."""
    with (
        mock.patch.object(catalog_bulk, "CHUNK_COMPANIES", 3),
        mock.patch.object(catalog_bulk, "_max_params", lambda: 4),
    ):
        expected, actual = _both_ways(_catalog(0, 10), _second_catalog(), attested=True)
    assert actual == expected


@pytest.mark.django_db
def test_a_database_failure_late_in_the_import_changes_nothing():
    import_catalog(_catalog(0, 10), attested_from_file=True)
    before = _snapshot()
    calls = []

    def fail_at_the_end(self, companies):
        calls.append(len(companies))
        raise RuntimeError("disk full")

    with (
        mock.patch.object(catalog_bulk, "CHUNK_COMPANIES", 2),
        mock.patch.object(catalog_bulk.BulkWriter, "_write_cooperations", fail_at_the_end),
        pytest.raises(RuntimeError),
    ):
        import_catalog(_second_catalog(), attested_from_file=True)
    assert calls == [10]  # every chunk of companies and solutions was written before the failure
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_bad_entry_late_in_the_file_is_refused_before_anything_is_written():
    data = _catalog(0, 12)
    data["companies"][-1]["solutions"][0]["capabilities"] = ["teleportation"]
    with pytest.raises(CatalogError, match=r"companies\[11\]\.solutions\[0\]\.capabilities\[0\]"):
        import_catalog(data, attested_from_file=True)
    assert Company.objects.count() == 0 and Solution.objects.count() == 0


@pytest.mark.django_db
def test_progress_is_reported_per_chunk_up_to_the_total():
    reports = []
    with mock.patch.object(catalog_bulk, "CHUNK_COMPANIES", 5):
        import_catalog(_catalog(0, 12), attested_from_file=True, progress=lambda d, t: reports.append((d, t)))
    assert reports == [(5, 12), (10, 12), (12, 12)]


def _statements(data: dict, *, over: dict | None = None) -> int:
    """Statements of importing `data` (over `over` imported first); the database is left as before."""
    before = transaction.savepoint()
    if over is not None:
        import_catalog(copy.deepcopy(over), attested_from_file=True)
    with CaptureQueriesContext(connection) as queries:
        import_catalog(copy.deepcopy(data), attested_from_file=True)
    transaction.savepoint_rollback(before)
    return len(queries.captured_queries)


@pytest.mark.django_db
def test_the_statements_of_an_import_grow_with_its_chunks_not_with_its_solutions():
    """The issue's import ran about twenty statements per solution. Into an empty database and as an
    update, three times the solutions in the same number of chunks take the same number of statements."""
    small, large = (0, 20), (100, 160)  # 42 and 126 solutions, with labels, links and cooperations
    with mock.patch.object(catalog_bulk, "CHUNK_COMPANIES", 100):
        fresh = [_statements(_catalog(*size)) for size in (small, large)]
        update = [_statements(_catalog(*size, variant=1), over=_catalog(*size)) for size in (small, large)]
    assert fresh[0] == fresh[1] < 42
    assert update[0] == update[1] < 42


@pytest.mark.django_db
def test_each_further_chunk_costs_a_bounded_number_of_statements():
    data = _catalog(0, 60)
    with mock.patch.object(catalog_bulk, "CHUNK_COMPANIES", 60):
        one_chunk = _statements(data)
    with mock.patch.object(catalog_bulk, "CHUNK_COMPANIES", 10):
        six_chunks = _statements(data)
    assert 0 < six_chunks - one_chunk <= 5 * 12


QUERIES = [
    "Buchhaltungssoftware",
    "Lagerverwaltung",
    "Zahlung",
    "Übersicht",
    "E-Rechnung",
    "Kassel",
    "Handwerk 7",
]


def _search_results() -> dict:
    out = {}
    for text in QUERIES:
        filters = CatalogFilters(text=text)
        out[text] = (
            [s.external_id for s in search_solutions(filters)],
            [c.external_id for c in search_companies(filters)],
        )
    return out


def _documents() -> dict:
    return {
        "companies": dict(Company.objects.values_list("external_id", "search_document")),
        "solutions": dict(Solution.objects.values_list("external_id", "search_document")),
    }


@pytest.mark.django_db
def test_search_documents_and_results_are_those_of_the_row_by_row_path():
    """A first import and an update over it: each company's and solution's search document is the same
    text either way, and so every catalog search answers the same, in the same order."""
    first, second = _catalog(0, 10), _second_catalog()
    before = transaction.savepoint()
    import_catalog_row_by_row(copy.deepcopy(first), attested_from_file=True)
    import_catalog_row_by_row(copy.deepcopy(second), attested_from_file=True)
    expected = (_documents(), _search_results())
    transaction.savepoint_rollback(before)
    import_catalog(copy.deepcopy(first), attested_from_file=True)
    import_catalog(copy.deepcopy(second), attested_from_file=True)
    documents, results = _documents(), _search_results()
    assert len(documents["solutions"]) == 27 and all(d.strip() for d in documents["companies"].values())
    assert any(solutions for solutions, _ in results.values())
    assert documents == expected[0]
    assert results == expected[1]


def _gin_indexes() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN "
            "('registry_company', 'registry_solution') AND indexdef LIKE '% USING gin %' ORDER BY 1"
        )
        return cursor.fetchall()


@pytest.mark.django_db
def test_a_large_first_import_sets_the_search_indexes_aside_and_builds_them_anew():
    """PostgreSQL: the full-text indexes are dropped for an import that at least doubles the solutions and
    built again before it commits: the same indexes afterwards, the planner uses them, searches answer as
    after a row-by-row import; a smaller update into the filled catalog leaves them in place."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL run only (DATABASE_URL=postgres://...)")
    indexes = _gin_indexes()
    assert len(indexes) == 2
    first, second = _catalog(0, 10), _second_catalog()
    before = transaction.savepoint()
    import_catalog_row_by_row(copy.deepcopy(first), attested_from_file=True)
    import_catalog_row_by_row(copy.deepcopy(second), attested_from_file=True)
    expected = _search_results()
    transaction.savepoint_rollback(before)
    statements = []
    with mock.patch.object(catalog_bulk._SearchIndexes, "MIN_SOLUTIONS", 10):
        with CaptureQueriesContext(connection) as first_import:
            import_catalog(copy.deepcopy(first), attested_from_file=True)
        statements.append([q["sql"] for q in first_import.captured_queries])
        with CaptureQueriesContext(connection) as update:
            import_catalog(copy.deepcopy(second), attested_from_file=True)
        statements.append([q["sql"] for q in update.captured_queries])
    assert sum(s.startswith("DROP INDEX") for s in statements[0]) == 2
    assert not any(s.startswith("DROP INDEX") for s in statements[1])
    assert _gin_indexes() == indexes
    assert _search_results() == expected
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM registry_solution WHERE search_vector @@ to_tsquery('simple', 'kassel')"
        )
        assert "registry_solution_search_gin" in " ".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db
def test_a_failure_while_tokenising_a_chunk_changes_nothing():
    """The search documents are computed in a worker thread: its error ends the import like any other."""
    import_catalog(_catalog(0, 10), attested_from_file=True)
    before = _snapshot()
    calls = []
    original = catalog_bulk.BulkWriter._search_documents

    def fail_on_the_third_chunk(self, chunk):
        calls.append(len(chunk.entries))
        if len(calls) == 3:
            raise RuntimeError("tokeniser broke")
        return original(self, chunk)

    with (
        mock.patch.object(catalog_bulk, "CHUNK_COMPANIES", 2),
        mock.patch.object(catalog_bulk.BulkWriter, "_search_documents", fail_on_the_third_chunk),
        pytest.raises(RuntimeError, match="tokeniser broke"),
    ):
        import_catalog(_second_catalog(), attested_from_file=True)
    assert len(calls) >= 3  # the next chunk may be tokenising already when the error surfaces
    assert _snapshot() == before
