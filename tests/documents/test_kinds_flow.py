"""Each real document kind end to end, run eagerly: asked for from its page, made, downloaded as a PDF."""

from __future__ import annotations

import pytest
from django.urls import reverse

from itkoop.cooperation.services import cooperation_invite as invite

from ..factories import CompanyFactory, UserFactory, member_of
from .flow import request_pdf

pytestmark = pytest.mark.django_db
NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


def _pdf(download) -> bytes:
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    return download.body


def test_offer(client, mini_catalog, django_capture_on_commit_callbacks):
    owner = UserFactory()
    client.force_login(owner)
    _r, document, download = request_pdf(
        client, django_capture_on_commit_callbacks, "matching.offer", {"text": NEED, "rank": "1"}
    )
    assert document.status == "done" and document.owner == owner
    assert _pdf(download).startswith(b"%PDF")
    assert document.params["text"] == NEED and document.params["rank"] == 1


def test_offer_with_an_empty_need_is_refused_in_german(client, mini_catalog):
    client.force_login(UserFactory())
    response = client.post(reverse("documents:create", args=["matching.offer"]), {"text": " ", "rank": "1"})
    assert response.status_code == 400 and "Bitte geben Sie einen Bedarf" in response.content.decode()


def test_contract(client, django_capture_on_commit_callbacks):
    companies = [CompanyFactory(), CompanyFactory()]
    cooperation = invite(
        actor=member_of(companies[0]), companies=companies, title="Shop", accept_code_of_conduct=True
    )
    client.force_login(member_of(companies[0]))
    _r, document, download = request_pdf(
        client,
        django_capture_on_commit_callbacks,
        "cooperation.contract",
        {"cooperation": cooperation.pk, "kind": "agreement", "language": "en"},
    )
    assert document.status == "done" and _pdf(download).startswith(b"%PDF")
    assert document.filename == f"kooperationsvertrag-{cooperation.pk}-en.pdf"


def test_contract_with_a_bad_choice_is_refused(client):
    companies = [CompanyFactory(), CompanyFactory()]
    cooperation = invite(
        actor=member_of(companies[0]), companies=companies, title="Shop", accept_code_of_conduct=True
    )
    client.force_login(member_of(companies[0]))
    response = client.post(
        reverse("documents:create", args=["cooperation.contract"]),
        {"cooperation": cooperation.pk, "kind": "will", "language": "de"},
    )
    assert (
        response.status_code == 400 and "Bitte wählen Sie Dokument und Sprache." in response.content.decode()
    )
    for bad in ["", "x", "999999", "1" * 30]:
        response = client.post(
            reverse("documents:create", args=["cooperation.contract"]),
            {"cooperation": bad, "kind": "nda", "language": "de"},
        )
        assert response.status_code == 404


def test_access_lost_before_rendering_fails_the_document(client, django_capture_on_commit_callbacks):
    companies = [CompanyFactory(), CompanyFactory()]
    cooperation = invite(
        actor=member_of(companies[0]), companies=companies, title="Shop", accept_code_of_conduct=True
    )
    member = member_of(companies[0])
    client.force_login(member)
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(
            reverse("documents:create", args=["cooperation.contract"]),
            {"cooperation": cooperation.pk, "kind": "nda", "language": "de"},
        )
    member.memberships.all().delete()
    for callback in callbacks:
        callback()
    document = member.documents.get()
    assert document.status == "failed" and "keinen Zugriff mehr" in document.error
