"""The admin as a write path for the registry: through the services (search text refreshed, hub rules)."""

import pytest
from django import forms
from django.urls import reverse

from itkoop.registry.models import Company, Solution
from itkoop.registry.selectors import CatalogFilters, search_companies, search_solutions
from itkoop.registry.services import refresh_company_search, refresh_solution_search

from ..factories import CompanyFactory, SolutionFactory, center_admin, hub_staff

pytestmark = pytest.mark.django_db


def _posted(response, **changes) -> dict:
    """What the admin change form shown in `response` posts unchanged, with `changes` applied."""
    context = response.context
    forms_ = [context["adminform"].form]
    data = {}
    for inline in context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management[name].html_name: management[name].value() for name in management.fields})
        forms_.extend(inline.formset.forms)
    for form in forms_:
        for name, field in form.fields.items():
            bound, value = form[name], form[name].value()
            if isinstance(field, forms.JSONField):
                data[bound.html_name] = field.prepare_value(value)
            elif isinstance(field, forms.BooleanField):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(field, forms.ModelMultipleChoiceField) and value is None:
                continue
            elif isinstance(value, (list, tuple)):
                data[bound.html_name] = [str(v) for v in value]
            else:
                data[bound.html_name] = "" if value is None else value
    data.update(changes)
    return data


@pytest.fixture
def company():
    company = CompanyFactory(
        name="Nordlicht Software GmbH", description="Wir bauen Webshops.", hub_id="kassel"
    )
    solution = SolutionFactory(company=company, name="Shopbaukasten", description="Ein Onlineshop")
    refresh_solution_search(solution)
    refresh_company_search(company)
    return company


@pytest.mark.parametrize("who", ["hub_staff", "center_admin"])
def test_editing_a_description_in_the_admin_updates_catalog_search(client, company, who):
    client.force_login(hub_staff("kassel") if who == "hub_staff" else center_admin())
    url = reverse("admin:registry_company_change", args=[company.pk])
    assert not search_companies(CatalogFilters(text="Zollabwicklung")).exists()
    response = client.post(url, _posted(client.get(url), description="Wir können Zollabwicklung."))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(search_companies(CatalogFilters(text="Zollabwicklung"))) == [company]


def test_renaming_a_company_in_the_admin_updates_its_solutions_search(client, company):
    client.force_login(center_admin())
    url = reverse("admin:registry_company_change", args=[company.pk])
    client.post(url, _posted(client.get(url), name="Polarstern Software GmbH"))
    assert [s.name for s in search_solutions(CatalogFilters(text="Polarstern"))] == ["Shopbaukasten"]


def test_editing_a_solution_in_the_admin_updates_catalog_search(client, company):
    solution = company.solutions.get()
    client.force_login(hub_staff("kassel"))
    url = reverse("admin:registry_solution_change", args=[solution.pk])
    response = client.post(url, _posted(client.get(url), description="Kassensystem mit Kartenzahlung"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(search_solutions(CatalogFilters(text="Kartenzahlung"))) == [solution]
    assert list(search_companies(CatalogFilters(text="Kartenzahlung"))) == [company]


def test_hub_staff_cannot_save_a_company_of_another_hub_in_the_admin(client, company):
    client.force_login(center_admin())
    url = reverse("admin:registry_company_change", args=[company.pk])
    admin_client_data = _posted(client.get(url), description="Gekapert")
    client.force_login(hub_staff("berlin"))
    response = client.post(url, admin_client_data)
    company.refresh_from_db()
    assert response.status_code in (302, 403, 404)
    assert company.description == "Wir bauen Webshops."


def test_hub_staff_cannot_save_a_solution_of_another_hub_in_the_admin(client, company):
    solution = company.solutions.get()
    client.force_login(center_admin())
    url = reverse("admin:registry_solution_change", args=[solution.pk])
    data = _posted(client.get(url), name="Gekapert")
    client.force_login(hub_staff("berlin"))
    response = client.post(url, data)
    solution.refresh_from_db()
    assert response.status_code in (302, 403, 404) and solution.name == "Shopbaukasten"


def test_hub_staff_cannot_move_a_company_to_another_hub_in_the_admin(client, company):
    client.force_login(hub_staff("kassel"))
    url = reverse("admin:registry_company_change", args=[company.pk])
    client.post(url, _posted(client.get(url), hub="berlin"))
    company.refresh_from_db()
    assert company.hub_id == "kassel"


def test_center_admin_adds_a_company_in_the_admin_with_its_search_text(client):
    client.force_login(center_admin())
    url = reverse("admin:registry_company_add")
    data = _posted(client.get(url), external_id="neu1", name="Zollprofi GmbH", kind=Company.Kind.PROVIDER)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [c.external_id for c in search_companies(CatalogFilters(text="Zollprofi"))] == ["neu1"]
    assert not Solution.objects.exists()


def test_the_hub_scoped_admin_checks_the_hub_on_save_not_only_in_the_list(rf, company):
    from django.contrib import admin
    from django.core.exceptions import PermissionDenied

    model_admin = admin.site._registry[Company]
    request = rf.post("/")
    request.user = hub_staff("kassel")
    model_admin.check_hub_write(request, company, change=True)  # their own hub: fine
    company.hub_id = "berlin"  # a change that would move it out of their hub
    with pytest.raises(PermissionDenied):
        model_admin.check_hub_write(request, company, change=True)
    other = CompanyFactory(hub_id="berlin")
    with pytest.raises(PermissionDenied):
        model_admin.check_hub_write(request, other, change=True)
