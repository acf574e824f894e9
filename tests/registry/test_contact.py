"""Contact data a company chooses to publish: edited by its members, validated, shown on the company page only
when published (members and the hub's staff always see it), never part of the catalog format; the website is
a real link for http(s) only."""

import pytest
from django.urls import reverse

from itkoop.registry.catalog_io import export_catalog
from itkoop.registry.models import Company, website_url

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db

CONTACT = {
    "contact_name": "Erika Beispiel, Vertrieb",
    "contact_email": "vertrieb@beispiel-it.de",
    "contact_phone": "+49 561 123456",
}


def _form(company: Company, **changes) -> dict:
    data = {"name": company.name, "kind": company.kind, "postal_code": company.postal_code}
    data.update(changes)
    return data


@pytest.fixture
def company():
    return CompanyFactory(hub_id="kassel", name="Beispiel IT GmbH", website="www.beispiel-it.de")


def test_a_member_saves_contact_data_and_publishes_it(client, company):
    client.force_login(member_of(company))
    url = reverse("registry:company_edit", args=[company.external_id])
    response = client.post(url, _form(company, **CONTACT, publish_contact="on"))
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.contact_email == "vertrieb@beispiel-it.de"
    assert company.contact_phone == "+49 561 123456"
    assert company.publish_contact is True


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_email", "keine-adresse"),
        ("contact_email", "a@" + "b" * 250 + ".de"),
        ("contact_phone", "12 34"),  # too few digits
        ("contact_phone", "0561 123456 oder abends"),
        ("contact_phone", "1----------2"),
        ("contact_name", "x" * 201),
        ("website", "javascript:alert(1)"),
        ("website", "ftp://beispiel.de"),
    ],
)
def test_bad_contact_input_is_a_form_error_and_changes_nothing(client, company, field, value):
    client.force_login(member_of(company))
    url = reverse("registry:company_edit", args=[company.external_id])
    response = client.post(url, _form(company, **{**CONTACT, field: value}))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    company.refresh_from_db()
    assert company.contact_email == "" and company.contact_phone == ""


def _page(client, company) -> str:
    return client.get(reverse("registry:company", args=[company.external_id])).content.decode()


@pytest.mark.parametrize(
    ("viewer", "sees"),
    [
        ("anonymous", False),
        ("other_member", False),
        ("staff_other_hub", False),
        ("member", True),
        ("staff_same_hub", True),
        ("center_admin", True),
    ],
)
def test_unpublished_contact_data_only_for_members_and_staff(client, company, viewer, sees):
    Company.objects.filter(pk=company.pk).update(**CONTACT, publish_contact=False)
    user = {
        "anonymous": lambda: None,
        "other_member": lambda: member_of(CompanyFactory()),
        "staff_other_hub": lambda: hub_staff("berlin"),
        "member": lambda: member_of(company),
        "staff_same_hub": lambda: hub_staff("kassel"),
        "center_admin": center_admin,
    }[viewer]()
    if user:
        client.force_login(user)
    page = _page(client, company)
    assert ("vertrieb@beispiel-it.de" in page) is sees
    assert ("+49 561 123456" in page) is sees
    assert ("Erika Beispiel" in page) is sees


def test_published_contact_data_for_everyone(client, company):
    Company.objects.filter(pk=company.pk).update(**CONTACT, publish_contact=True)
    page = _page(client, company)
    assert 'href="mailto:vertrieb@beispiel-it.de"' in page
    assert 'href="tel:+49561123456"' in page
    assert "Erika Beispiel, Vertrieb" in page
    assert "Nicht veröffentlicht" not in page


def test_the_website_is_a_link_with_https_added(client, company):
    page = _page(client, company)
    assert '<a href="https://www.beispiel-it.de" rel="noopener noreferrer">www.beispiel-it.de</a>' in page


def test_a_website_that_is_no_web_address_is_not_a_link(client):
    company = CompanyFactory(website="javascript:alert(1)")
    page = _page(client, company)
    assert 'href="javascript' not in page


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("www.beispiel.de", "https://www.beispiel.de"),
        ("beispiel.de/impressum", "https://beispiel.de/impressum"),
        ("beispiel.de:8080", "https://beispiel.de:8080"),
        ("http://beispiel.de", "http://beispiel.de"),
        ("HTTPS://Beispiel.de", "HTTPS://Beispiel.de"),
        ("", ""),
        ("javascript:alert(1)", ""),
        ("javascript://beispiel.de/%0aalert(1)", ""),
        ("mailto:info@beispiel.de", ""),
        ("data:text/html,hallo", ""),
        ("ftp://beispiel.de", ""),
        ("https://", ""),
        ("https://bei spiel.de", ""),
        ("http://[::1", ""),
    ],
)
def test_website_url(value, url):
    assert website_url(value) == url


def test_contact_data_is_not_part_of_the_catalog_format(company):
    Company.objects.filter(pk=company.pk).update(**CONTACT, publish_contact=True)
    exported = export_catalog()
    text = repr(exported)
    assert "vertrieb@beispiel-it.de" not in text
    assert "Erika Beispiel" not in text


def test_an_outsider_cannot_change_contact_data(client, company):
    client.force_login(UserFactory())
    url = reverse("registry:company_edit", args=[company.external_id])
    response = client.post(url, _form(company, **CONTACT, publish_contact="on"))
    assert response.status_code == 403
    company.refresh_from_db()
    assert company.contact_email == ""
