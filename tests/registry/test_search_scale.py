"""The catalog search at scale, alike on SQLite and PostgreSQL: filters that never repeat a hit (no DISTINCT
over the whole result), a count capped at HIT_LIMIT ("more than", name order beyond it), companies in name
order, the planner's statistics after a large import. Timings are in bench/search.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from itkoop.registry import catalog_bulk, selectors
from itkoop.registry.catalog_io import import_catalog
from itkoop.registry.selectors import CatalogFilters, search_companies, search_solutions
from itkoop.registry.services import refresh_company_search, refresh_solution_search

from ..factories import CompanyFactory, SolutionFactory

pytestmark = pytest.mark.django_db


def _solution(name, description, *, company=None, capabilities=(), provides=(), consumes=()):
    company = company or CompanyFactory(hub_id="kassel")
    solution = SolutionFactory(company=company, name=name, description=description)
    solution.capabilities.set(capabilities)
    solution.provides.set(provides)
    solution.consumes.set(consumes)
    refresh_solution_search(solution)
    refresh_company_search(company)
    return solution


def test_a_solution_that_provides_and_consumes_a_standard_is_one_hit():
    both = _solution("Brücke", "Buchhaltung", capabilities=["accounting", "erp"], provides=["datev"])
    both.consumes.set(["datev"])
    filters = CatalogFilters(text="Buchhaltung", capabilities=["accounting", "erp"], standards=["datev"])
    assert list(search_solutions(filters)) == [both]
    assert selectors.count_hits(search_solutions(filters)) == 1


def test_a_company_with_several_matching_solutions_is_one_hit_counting_all_its_solutions():
    company = CompanyFactory(name="Kontor GmbH", hub_id="kassel")
    _solution("Kontor FiBu", "Buchhaltung", company=company, capabilities=["accounting"], provides=["datev"])
    _solution("Kontor Lohn", "Buchhaltung", company=company, capabilities=["accounting"], consumes=["datev"])
    _solution("Kontor Lager", "Lagerverwaltung", company=company)
    filters = CatalogFilters(text="Buchhaltung", capabilities=["accounting"], standards=["datev"])
    found = list(search_companies(filters))
    assert found == [company] and found[0].solution_count == 3


def test_the_search_page_sends_no_distinct_over_the_result(client):
    _solution("Kontor FiBu", "Buchhaltung", capabilities=["accounting"], provides=["datev"])
    params = {"q": "Buchhaltung", "capability": "accounting", "standard": "datev", "hub": "kassel"}
    for show in ("solutions", "companies"):
        with CaptureQueriesContext(connection) as queries:
            body = client.get(reverse("registry:search"), {**params, "show": show}).content.decode()
        assert "1 Treffer" in body
        assert not [q["sql"] for q in queries if "DISTINCT" in q["sql"] or "GROUP BY" in q["sql"]]


def test_more_hits_than_the_limit_are_counted_as_more_and_come_in_name_order(client, monkeypatch):
    monkeypatch.setattr(selectors, "HIT_LIMIT", 3)
    for name in ("Delta", "Alpha", "Echo", "Charlie", "Bravo"):
        _solution(name, "Zeiterfassung")
    response = client.get(reverse("registry:search"), {"q": "Zeiterfassung"})
    body = response.content.decode()
    assert "Mehr als 3 Treffer" in body
    assert [s.name for s in response.context["page"].object_list] == ["Alpha", "Bravo", "Charlie"]
    assert [s.name for s in search_solutions(CatalogFilters(text="Zeiterfassung"))] == [
        "Alpha",
        "Bravo",
        "Charlie",
        "Delta",
        "Echo",
    ]


def test_up_to_the_limit_the_count_is_exact(client, monkeypatch):
    monkeypatch.setattr(selectors, "HIT_LIMIT", 3)
    for name in ("Alpha", "Bravo", "Charlie"):
        _solution(name, "Zeiterfassung")
    body = client.get(reverse("registry:search"), {"q": "Zeiterfassung"}).content.decode()
    assert "3 Treffer" in body and "Mehr als" not in body


def test_a_suggestion_with_more_hits_than_the_limit_says_more(client, monkeypatch):
    monkeypatch.setattr(selectors, "HIT_LIMIT", 1)
    _solution("Alpha", "Zeiterfassung")
    _solution("Bravo", "Zeiterfassung")
    body = client.get(reverse("registry:search"), {"q": "Zeiterfassung Raumfahrt"}).content.decode()
    assert "mehr als 1 Treffer" in body


def test_company_hits_by_words_come_in_name_order():
    for name in ("Zeta GmbH", "Alpha GmbH", "Mitte GmbH"):
        _solution(f"Lösung von {name}", "Zeiterfassung", company=CompanyFactory(name=name))
    found = search_companies(CatalogFilters(text="Zeiterfassung"))
    assert found.ordered
    assert [c.name for c in found] == ["Alpha GmbH", "Mitte GmbH", "Zeta GmbH"]


def test_an_edited_solution_is_found_by_its_new_words_only():
    solution = _solution("Kontor", "Buchhaltung")
    solution.description = "Lagerverwaltung"
    solution.save()
    refresh_solution_search(solution)
    assert list(search_solutions(CatalogFilters(text="Lagerverwaltung"))) == [solution]
    assert not search_solutions(CatalogFilters(text="Buchhaltung")).exists()


def _planner_rows(table: str) -> float | None:
    """The planner's row count of `table` (PostgreSQL), or the row count of its sqlite_stat1 entry."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return cursor.fetchone()[0]
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchone():
            return None
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        row = cursor.fetchone()
        return float(row[0].split()[0]) if row else None


def test_a_large_import_leaves_the_planner_statistics_of_what_it_wrote(monkeypatch):
    monkeypatch.setattr(catalog_bulk, "ANALYZE_AFTER_NEW_ROWS", 3)
    companies = [
        {
            "id": f"co-{i}",
            "name": f"Firma {i}",
            "solutions": [
                {"id": f"so-{i}-{j}", "name": f"Lösung {i} {j}", "capabilities": ["accounting", "erp"]}
                for j in range(3)
            ],
        }
        for i in range(4)
    ]
    import_catalog({"format": "itkoop-catalog/1", "companies": companies}, attested_from_file=True)
    links = "registry_solution_capabilities"
    assert _planner_rows(links) == 4 * 3 * 2
    assert _planner_rows("registry_solution") == 12


@pytest.mark.parametrize(
    "query", ["", "q=x&capability=accounting&capability=erp&hub=kassel&show=companies", "plz=a"]
)
def test_the_filter_form_renders_its_select_boxes_as_django_s_templates_do(query):
    from django import forms
    from django.http import QueryDict

    from itkoop.registry.forms import CatalogSearchForm

    form = CatalogSearchForm(QueryDict(query))
    form.is_valid()
    for name in ("capability", "standard", "hub", "label", "show"):
        widget = form.fields[name].widget
        quick = str(form[name])
        plain = type(widget).__mro__[2]  # Django's SelectMultiple or Select
        widget.__class__ = plain
        by_templates = str(form[name])
        assert plain in (forms.Select, forms.SelectMultiple)
        # Django's option template ends in a line break: blank lines between the options, nothing else.
        assert quick == "\n".join(line for line in by_templates.splitlines() if line.strip())
        assert quick.count("<option") > 1
