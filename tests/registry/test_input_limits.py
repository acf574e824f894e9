"""Over-long text is a form error that changes nothing, and indexing runs outside the write transaction."""

import pytest
from django.db import connection
from django.urls import reverse

from itkoop.registry import services
from itkoop.registry.models import Company

from ..factories import CompanyFactory, member_of

FORM = {"name": "Neu GmbH", "kind": "provider", "postal_code": "34119", "hub": "kassel"}


@pytest.mark.django_db
def test_a_description_of_8000_letters_is_a_form_error_and_changes_nothing(client, monkeypatch):
    company = CompanyFactory(hub_id="kassel", name="Alt GmbH")
    client.force_login(member_of(company))
    monkeypatch.setattr(
        services, "index_tokens_of_parts", lambda parts: pytest.fail("indexed an invalid form")
    )
    response = client.post(
        reverse("registry:company_edit", args=[company.external_id]), {**FORM, "description": "a" * 8000}
    )
    assert response.status_code == 200
    assert "höchstens 5000 Zeichen" in response.content.decode()
    company.refresh_from_db()
    assert company.name == "Alt GmbH"


@pytest.mark.django_db(transaction=True)
def test_the_search_document_is_computed_outside_the_write_transaction(client, monkeypatch):
    company = CompanyFactory(hub_id="kassel", name="Alt GmbH")
    client.force_login(member_of(company))
    in_transaction = []
    real = services.index_tokens_of_parts

    def spy(parts):
        in_transaction.append(connection.in_atomic_block)
        return real(parts)

    monkeypatch.setattr(services, "index_tokens_of_parts", spy)
    response = client.post(
        reverse("registry:company_edit", args=[company.external_id]),
        {**FORM, "description": "Warenwirtschaft für Händler"},
    )
    assert response.status_code == 302
    assert in_transaction == [False]
    assert " warenwirtschaft " in Company.objects.get(pk=company.pk).search_document
