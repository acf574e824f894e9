"""Issue 16.4: members cannot grant themselves quality seals or a hub, and a member's change to what the hub
staff attested takes the company back to review and tells the hub staff."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from itkoop.registry import selectors, services
from itkoop.registry.models import Company, Label

from ..factories import CompanyFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def seal():
    return Label.objects.get_or_create(slug="iso-27001", defaults={"name": "ISO 27001"})[0]


@pytest.fixture
def company():
    return CompanyFactory(name="Geprüft GmbH", hub_id="kassel", postal_code="34117", verified=True)


def _form_data(company, **changes) -> dict:
    data = {
        "name": company.name,
        "kind": company.kind,
        "description": company.description,
        "postal_code": company.postal_code,
        "city": company.city,
    }
    data.update(changes)
    return data


def _edit(client, user, company, **changes):
    client.force_login(user)
    return client.post(
        reverse("registry:company_edit", args=[company.external_id]), _form_data(company, **changes)
    )


def test_a_members_edit_form_has_no_hub_and_no_seals(client, company):
    client.force_login(member_of(company))
    form = client.get(reverse("registry:company_edit", args=[company.external_id])).context["form"]
    assert "labels" not in form.fields and "hub" not in form.fields
    client.force_login(hub_staff("kassel"))
    form = client.get(reverse("registry:company_edit", args=[company.external_id])).context["form"]
    assert "labels" in form.fields and "hub" in form.fields


def test_a_member_cannot_grant_the_company_a_seal_or_a_hub(client, company, seal):
    response = _edit(client, member_of(company), company, labels=[seal.pk], hub="berlin")
    assert response.status_code == 302
    company.refresh_from_db()
    assert list(company.labels.all()) == [] and company.hub_id == "kassel"


def test_the_services_refuse_seals_and_hubs_from_members(company, seal):
    member = member_of(company)
    with pytest.raises(PermissionDenied):
        services.company_update(
            actor=member, company_id=company.pk, fields={}, relations={"labels": [seal.pk]}
        )
    with pytest.raises(PermissionDenied):
        services.company_update(actor=member, company_id=company.pk, fields={"hub_id": "berlin"})
    with pytest.raises(PermissionDenied):
        services.company_create(actor=member, fields={"name": "X"}, relations={"labels": [seal.pk]})
    company.refresh_from_db()
    assert company.verified and company.hub_id == "kassel" and not company.labels.exists()


def test_a_new_members_company_gets_the_hub_of_its_postcode_and_no_seals(client, seal):
    user = member_of(CompanyFactory())
    client.force_login(user)
    response = client.post(
        reverse("accounts:company_create"),
        {
            "name": "Neu Berlin GmbH",
            "kind": "provider",
            "postal_code": "10115",
            "hub": "kassel",
            "labels": [seal.pk],
        },
    )
    assert response.status_code == 302
    company = Company.objects.get(name="Neu Berlin GmbH")
    assert company.hub_id == "berlin" and not company.labels.exists() and not company.verified


def test_a_members_change_to_attested_data_returns_the_company_to_review(client, company):
    staff, other_staff = hub_staff("kassel"), hub_staff("berlin")
    _edit(client, member_of(company), company, name="Umbenannt GmbH")
    company.refresh_from_db()
    assert company.name == "Umbenannt GmbH"
    assert not company.verified and company.verified_by is None and company.verified_at is None
    assert staff.notifications.count() == 1 and other_staff.notifications.count() == 0
    assert "Umbenannt GmbH" in staff.notifications.get().params["company"]


def test_a_new_postcode_moves_the_company_to_that_hub_and_back_to_review(client, company):
    berlin_staff = hub_staff("berlin")
    _edit(client, member_of(company), company, postal_code="10115", city="Berlin")
    company.refresh_from_db()
    assert company.hub_id == "berlin" and not company.verified
    assert berlin_staff.notifications.count() == 1


def test_a_members_change_to_its_own_words_keeps_the_check(client, company):
    staff = hub_staff("kassel")
    _edit(client, member_of(company), company, description="Wir machen jetzt auch Cloud.")
    company.refresh_from_db()
    assert company.description == "Wir machen jetzt auch Cloud." and company.verified
    assert staff.notifications.count() == 0


@pytest.mark.parametrize("who", ["staff", "admin"])
def test_staff_set_seals_and_keep_the_check_and_the_label_filter_finds_them(client, company, seal, who):
    user = hub_staff("kassel") if who == "staff" else center_admin()
    response = _edit(client, user, company, name="Geprüft AG", labels=[seal.pk], hub="kassel")
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name == "Geprüft AG" and company.verified and list(company.labels.all()) == [seal]
    found = selectors.search_companies(selectors.CatalogFilters(labels=["iso-27001"]))
    assert list(found) == [company]
