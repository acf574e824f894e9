"""On PostgreSQL the catalog search uses its GIN indexes (the query's expression is the indexed one) and
finds what it found before."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection

from itkoop.registry.models import Company, Solution
from itkoop.registry.selectors import CatalogFilters, search_companies, search_solutions, text_filter
from itkoop.registry.services import refresh_company_search, refresh_solution_search

from ..factories import CompanyFactory, SolutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL run only (DATABASE_URL=postgres://...)")


def plan_with_index_preferred(queryset) -> str:
    """EXPLAIN of the queryset with sequential and plain index scans discouraged: a table is then read through
    an index condition (a bitmap scan) iff the query states one. Plain index scans are off too: otherwise the
    planner, with the statistics other tests left behind, may walk a primary key in full instead of a
    sequential scan and filter the text afterwards."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _catalog():
    for n in range(6):
        company = CompanyFactory(name=f"Firma {n}")
        solution = SolutionFactory(
            company=company,
            name=f"Lösung {n}",
            description="Warenwirtschaft mit Lagerverwaltung" if n % 2 else "Onlineshop für Händler",
        )
        refresh_solution_search(solution)
        refresh_company_search(company)


def _old_query(queryset, forms):
    """The search as it was written before: Django's SearchVector (COALESCE around the column)."""
    query = None
    for form in forms:
        q = SearchQuery(form, config="simple", search_type="plain")
        query = q if query is None else query & q
    vector = SearchVector("search_document", config="simple")
    return (
        queryset.annotate(search=vector, rank=SearchRank(vector, query))
        .filter(search=query)
        .order_by("-rank", "name")
    )


def test_the_solution_search_uses_its_gin_index_and_finds_what_it_found_before():
    _catalog()
    found = search_solutions(CatalogFilters(text="Warenwirtschaft"))
    assert "registry_solution_search_gin" in plan_with_index_preferred(found)
    old = _old_query(Solution.objects.all(), ["warenwirtschaft"])
    assert "registry_solution_search_gin" not in plan_with_index_preferred(old)  # the fault guarded against
    assert [s.pk for s in found] == [s.pk for s in old] and len(found) == 3


def test_the_company_search_uses_its_gin_index():
    _catalog()
    found = search_companies(CatalogFilters(text="Onlineshop"))
    assert "registry_company_search_gin" in plan_with_index_preferred(found)
    assert {c.name for c in found} == {"Firma 0", "Firma 2", "Firma 4"}


def test_the_text_filter_uses_the_index_for_alternatives_and_every_word():
    _catalog()
    found = text_filter(Company.objects.all(), "Lagerverwaltung Warenwirtschaft")
    assert "registry_company_search_gin" in plan_with_index_preferred(found)
    assert {c.name for c in found} == {"Firma 1", "Firma 3", "Firma 5"}


def plan_without_sorting(queryset) -> str:
    """EXPLAIN with sequential scans and sorts discouraged: the rows come in order from an index iff one
    holds the query's order."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_ranking_reads_the_stored_vector_instead_of_tokenising_each_hit():
    _catalog()
    ranked = search_solutions(CatalogFilters(text="Warenwirtschaft"), rank=True)
    plan = plan_with_index_preferred(ranked)
    assert "registry_solution_search_gin" in plan and "search_vector" in plan
    assert "to_tsvector" not in plan
    assert "to_tsvector" in plan_with_index_preferred(_old_query(Solution.objects.all(), ["warenwirtschaft"]))
    assert [s.name for s in ranked] == ["Lösung 1", "Lösung 3", "Lösung 5"]


def test_the_stored_vector_stays_in_the_row():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attrelid::regclass::text, attstorage FROM pg_attribute WHERE attname = 'search_vector' "
            "AND attrelid IN ('registry_solution'::regclass, 'registry_company'::regclass) ORDER BY 1"
        )
        assert cursor.fetchall() == [("registry_company", "m"), ("registry_solution", "m")]


def test_a_page_in_name_order_is_read_from_the_name_index():
    _catalog()
    everything = search_solutions(CatalogFilters(), rank=False)[:20]
    assert "registry_solution_name_order" in plan_without_sorting(everything)
    by_words = search_solutions(CatalogFilters(text="Warenwirtschaft"), rank=False)[20:40]
    assert "registry_solution_name_order" in plan_without_sorting(by_words)
    companies = search_companies(CatalogFilters(text="Onlineshop"), rank=False)[:20]
    assert "registry_company_name_order" in plan_without_sorting(companies)
