"""Need form -> bundles with diagram; invite the providers (logged in only); the offer as PDF; partners."""

import re

import pytest
from django.urls import reverse

from itkoop.cooperation.models import Cooperation
from itkoop.registry.models import Capability

from ..documents.flow import request_pdf
from ..factories import CompanyFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db
NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


def test_need_page_shows_the_bundle_with_an_integration_diagram(client, mini_catalog):
    response = client.get(reverse("matching:need"), {"text": NEED})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Shopwerk" in body and "Nordlicht Warenwirtschaft" in body and "Kontor FiBu" in body
    assert "<svg" in body and 'role="img"' in body and "BMEcat" in body
    assert "möglichst wenigen Anbietern" in body and "Passt zu " in body
    assert not re.search(r"Bewertung \d|Kandidaten in \d+ ms|nachweislich optimal", body)


def test_need_page_in_english(client, mini_catalog):
    body = client.get(
        "/en" + reverse("matching:need"), {"text": "We need an online shop and an ERP"}
    ).content.decode()
    assert 'lang="en"' in body and "Shopwerk" in body


def test_empty_need_is_refused_clearly(client, mini_catalog):
    response = client.get(reverse("matching:need"), {"text": "   "})
    assert response.status_code == 200
    assert "Bitte beschreiben Sie Ihren Bedarf" in response.content.decode()


def test_invite_creates_an_invited_cooperation_for_each_provider_and_the_customer(client, mini_catalog):
    own = CompanyFactory(external_id="own", name="Tischlerei Holzwurm")
    client.force_login(member_of(own))
    page = client.get(reverse("matching:need"), {"text": NEED})
    token = page.context["bundles"][0]["invite_token"]
    review = client.get(reverse("cooperation:bundle_invite"), {"token": token})
    assert review.status_code == 200 and not Cooperation.objects.exists()
    response = client.post(
        reverse("cooperation:bundle_invite"),
        {"token": token, "title": review.context["form"].initial["title"], "accept_code_of_conduct": "on"},
    )
    cooperation = Cooperation.objects.get()
    assert response.status_code == 302
    participants = sorted(p.company.external_id for p in cooperation.participants.all())
    assert participants == ["c1", "c2", "c3", "own"]
    states = {p.company.external_id: p.state for p in cooperation.participants.all()}
    assert states == {"c1": "invited", "c2": "invited", "c3": "invited", "own": "accepted"}


def test_invite_needs_login_and_a_valid_token(client, mini_catalog):
    response = client.post(reverse("cooperation:bundle_invite"), {"token": "forged"})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.post(reverse("cooperation:bundle_invite"), {"token": "forged"}).status_code == 400
    assert Cooperation.objects.count() == 0


def test_offer_pdf(client, mini_catalog, django_capture_on_commit_callbacks):
    client.force_login(UserFactory())
    page = client.get(reverse("matching:need"), {"text": NEED}).content.decode()
    assert reverse("documents:create", args=["matching.offer"]) in page and 'name="rank" value="1"' in page
    response, document, pdf = request_pdf(
        client, django_capture_on_commit_callbacks, "matching.offer", {"text": NEED, "rank": "1"}
    )
    assert response.status_code == 302 and document.status == "done"
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf" and pdf.body.startswith(b"%PDF")
    assert 'filename="gesamtangebot-1.pdf"' in pdf["Content-Disposition"]
    refused, none, _ = request_pdf(
        client, django_capture_on_commit_callbacks, "matching.offer", {"text": NEED, "rank": "x"}
    )
    assert refused.status_code == 400 and none is None
    _, missing, _ = request_pdf(
        client, django_capture_on_commit_callbacks, "matching.offer", {"text": NEED, "rank": "9"}
    )
    assert missing.status == "failed" and "gibt es für Ihren Bedarf nicht" in missing.error


def test_partners_page_lists_complements(client, mini_catalog):
    body = client.get(reverse("matching:partners", args=["c3"])).content.decode()
    assert "Nordlicht ERP GmbH" in body
    assert client.get(reverse("matching:partners", args=["nobody"])).status_code == 404


def test_a_plain_migrate_keeps_what_an_import_changed_in_the_taxonomy(mini_catalog):
    from itkoop.core.reference_data import sync_reference_data
    from itkoop.registry.reference_data import sync_taxonomy

    sync_reference_data()
    sync_taxonomy()
    assert set(Capability.objects.get(id="accounting").exchanges_with.values_list("id", flat=True)) == {"erp"}


def test_a_company_without_hub_counts_for_the_hub_of_its_postcode(mini_catalog):
    from itkoop.matching.adapter import build_catalog
    from itkoop.registry.models import Company

    Company.objects.filter(external_id="c2").update(hub=None, postal_code="52062")
    assert build_catalog().companies["c2"].hub == "aachen"
    Company.objects.filter(external_id="c2").update(postal_code="")
    assert build_catalog().companies["c2"].hub is None


def test_inviting_a_single_provider_makes_a_cooperation_with_the_customers_company(client, mini_catalog):
    from itkoop.registry.models import Company

    from ..factories import CompanyFactory, member_of

    customer = member_of(CompanyFactory(kind=Company.Kind.CUSTOMER, name="Tischlerei Holzwurm"))
    client.force_login(customer)
    page = client.get(reverse("matching:need"), {"text": "Wir brauchen einen Onlineshop"})
    single = next(b for b in page.context["bundles"] if len(b["company_ids"]) == 1)
    response = client.post(
        reverse("cooperation:bundle_invite"),
        {"token": single["invite_token"], "title": "Onlineshop", "accept_code_of_conduct": "on"},
    )
    assert response.status_code == 302
    names = {p.company.name for p in Cooperation.objects.get().participants.all()}
    assert names == {"Shopwerk Aachen UG", "Tischlerei Holzwurm"}


def test_inviting_a_single_provider_without_an_own_company_asks_to_create_one(client, mini_catalog):
    client.force_login(UserFactory())
    page = client.get(reverse("matching:need"), {"text": "Wir brauchen einen Onlineshop"})
    single = next(b for b in page.context["bundles"] if len(b["company_ids"]) == 1)
    response = client.post(
        reverse("cooperation:bundle_invite"), {"token": single["invite_token"]}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:company_create")
    assert "legen Sie bitte zuerst Ihr Unternehmen an" in response.content.decode()
    assert Cooperation.objects.count() == 0


def test_need_page_says_plainly_when_the_search_stopped_before_a_proof(client, mini_catalog, settings):
    settings.ITKOOP_MATCH_BUDGET_S = 1e-9  # over before the search starts
    response = client.get(reverse("matching:need"), {"text": NEED})
    body = response.content.decode()
    assert response.status_code == 200 and "Shopwerk" in body
    assert "Nicht nachweislich optimal" in body


def test_the_pdf_of_an_offer_asks_a_visitor_to_sign_in_and_comes_back_to_the_need(client, mini_catalog):
    # The PDF form posted to a page for signed-in users: after signing in, the browser asked for it again
    # without the form (GET) and got an empty "405" page instead of the PDF.
    page = client.get(reverse("matching:need"), {"text": NEED, "cap": "crm"}).content.decode()
    assert reverse("documents:create", args=["matching.offer"]) not in page
    links = re.findall(r'href="([^"]+)"[^>]*>Anmelden, um Angebot 1 als PDF zu erstellen<', page)
    assert links and links[0].startswith(reverse("account_login") + "?next=")
    assert reverse("matching:need") + "%3Ftext%3D" in links[0] and "cap%3Dcrm" in links[0]


def test_the_offer_pdf_names_the_must_standards_and_which_solutions_connect_through_them(mini_catalog):
    # The page said "Pflicht-Schnittstellen: BMEcat" and which solutions connect through it; the PDF did not.
    from itkoop.matching.offer_pdf import offer_html

    need = {"text": "Wir brauchen eine Warenwirtschaft", "add": ["online-shop"], "must": ["bmecat"]}
    page = offer_html({**need, "rank": 1})
    assert "Pflicht-Schnittstellen:" in page and "BMEcat" in page
    assert re.search(r"Verbindung über BMEcat:\s*\S", page)


def test_the_offer_pdf_from_the_english_page_has_an_english_file_name(
    client, mini_catalog, django_capture_on_commit_callbacks
):
    # found by a second new-user probe: the English page's offer downloaded as "gesamtangebot-1.pdf"
    from django.utils import translation

    client.force_login(UserFactory())
    with translation.override("en"):
        _, document, pdf = request_pdf(
            client, django_capture_on_commit_callbacks, "matching.offer", {"text": NEED, "rank": "1"}
        )
    assert document.status == "done"
    assert 'filename="joint-offer-1.pdf"' in pdf["Content-Disposition"]
