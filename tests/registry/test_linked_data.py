"""Company and solution pages describe themselves in schema.org JSON-LD, taken from the objects they show."""

import pytest

from itkoop.registry.models import Capability, Solution

from ..factories import CompanyFactory, SolutionFactory
from ..linked_data import linked_data_of, page_text

pytestmark = pytest.mark.django_db


def test_company_page_is_an_organization_with_the_pages_facts(client):
    company = CompanyFactory(
        name="Nordhessen Software GmbH",
        description="ERP für Handwerksbetriebe.",
        street="Königsplatz 1",
        website="https://nordhessen.example",
        employees=42,
        founded=2009,
        lat=51.3,
        lon=9.5,
        languages=["de", "en"],
    )
    SolutionFactory(company=company, name="Handwerk ERP")
    html = client.get(company.get_absolute_url()).content.decode()
    data = linked_data_of(html)
    title, text = page_text(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Organization"
    assert data["name"] == title == "Nordhessen Software GmbH"
    assert data["description"] in text and data["url"] in text  # the website the page shows
    address = data["address"]
    assert f"{address['streetAddress']}, {address['postalCode']} {address['addressLocality']}" in text
    assert str(data["numberOfEmployees"]["value"]) in text and data["foundingDate"] in text
    # Codes for machines (BCP 47), names for people: the page names the same languages.
    assert data["knowsLanguage"] == ["de", "en"] and "Deutsch, Englisch" in text
    assert [o["itemOffered"]["name"] for o in data["makesOffer"]] == ["Handwerk ERP"]
    assert "Handwerk ERP" in text
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.3, "longitude": 9.5}


def test_solution_page_is_a_software_application_offered_by_its_company(client):
    solution = SolutionFactory(
        name="Shop-Anbindung",
        description="Verbindet Shop und ERP.",
        price_eur_month=49.5,
        deployment=["saas"],
    )
    solution.capabilities.set(Capability.objects.filter(id="erp"))
    html = client.get(solution.get_absolute_url()).content.decode()
    data = linked_data_of(html)
    title, text = page_text(html)
    assert data["@type"] == "SoftwareApplication"
    assert data["name"] == title == "Shop-Anbindung" and data["description"] in text
    assert data["provider"]["name"] == solution.company.name and data["provider"]["name"] in text
    assert data["offers"]["price"] == "49.50" and data["offers"]["priceCurrency"] == "EUR"
    assert "49,50 €" in text
    assert data["featureList"] and all(feature in text for feature in data["featureList"])


def test_a_pure_service_is_a_service(client):
    solution = SolutionFactory(deployment=[Solution.Deployment.SERVICE])
    data = linked_data_of(client.get(solution.get_absolute_url()).content.decode())
    assert data["@type"] == "Service" and "offers" not in data


def test_text_cannot_break_out_of_the_block(client):
    company = CompanyFactory(name='Böse </script><script>alert("x")</script> & Co', description="<b>fett</b>")
    html = client.get(company.get_absolute_url()).content.decode()
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    data = linked_data_of(html)
    assert data["name"] == company.name and data["description"] == "<b>fett</b>"
    assert page_text(html)[0] == company.name
