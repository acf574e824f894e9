"""A company belongs to the hub of its postcode's region, however it enters the catalog (issue 10, 8f): a new
company with postcode 34117 (Kassel) had no hub, so no hub staff saw it to verify it."""

import pytest
from django.urls import reverse

from itkoop.registry import services
from itkoop.registry.catalog_io import import_catalog
from itkoop.registry.models import Company
from itkoop.registry.selectors import companies_to_verify

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of
from .test_admin import _posted

pytestmark = pytest.mark.django_db


def _catalog(**company):
    return {"format": "itkoop-catalog/1", "companies": [{"id": "neu1", "name": "Neu GmbH", **company}]}


def test_a_member_registers_a_kassel_company_which_kassel_staff_then_see(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:company_create"),
        {"name": "Frisch IT UG", "kind": "provider", "postal_code": "34117"},
    )
    assert response.status_code == 302
    company = Company.objects.get(name="Frisch IT UG")
    assert company.hub_id == "kassel"
    assert company in companies_to_verify(hub_staff("kassel"))


def test_the_admin_adds_a_kassel_company_to_kassel(client):
    client.force_login(center_admin())
    url = reverse("admin:registry_company_add")
    data = _posted(client.get(url), external_id="neu1", name="Neu GmbH", kind="provider", postal_code="34117")
    assert client.post(url, data).status_code == 302
    assert Company.objects.get(external_id="neu1").hub_id == "kassel"


def test_the_admin_keeps_a_hub_a_center_admin_chose(client):
    client.force_login(center_admin())
    url = reverse("admin:registry_company_add")
    data = _posted(client.get(url), external_id="neu1", name="Neu GmbH", kind="provider", postal_code="34117")
    client.post(url, {**data, "hub": "berlin"})
    assert Company.objects.get(external_id="neu1").hub_id == "berlin"


def test_staff_changing_the_postcode_in_the_admin_moves_the_company_to_that_region(client):
    company = CompanyFactory(hub_id="berlin", postal_code="10117")
    client.force_login(center_admin())
    url = reverse("admin:registry_company_change", args=[company.pk])
    assert client.post(url, _posted(client.get(url), postal_code="34117")).status_code == 302
    company.refresh_from_db()
    assert company.hub_id == "kassel"


def test_an_imported_company_without_hub_gets_the_hub_of_its_postcode():
    import_catalog(_catalog(postal_code="34117"), attested_from_file=True)
    assert Company.objects.get(external_id="neu1").hub_id == "kassel"


def test_an_import_that_changes_the_postcode_moves_the_company():
    import_catalog(_catalog(postal_code="10117"), attested_from_file=True)
    assert Company.objects.get(external_id="neu1").hub_id == "berlin"
    import_catalog(_catalog(postal_code="34117"), attested_from_file=True)
    assert Company.objects.get(external_id="neu1").hub_id == "kassel"


def test_an_import_naming_the_hub_keeps_it():
    import_catalog(_catalog(postal_code="34117", hub="aachen"), attested_from_file=True)
    assert Company.objects.get(external_id="neu1").hub_id == "aachen"


def test_a_member_moving_keeps_the_hub_when_the_postcode_lies_outside_every_region():
    company = CompanyFactory(hub_id="kassel", postal_code="34117")
    services.company_update(actor=member_of(company), company_id=company.pk, fields={"postal_code": "A-1010"})
    company.refresh_from_db()
    assert company.hub_id == "kassel"
