"""The site's icon: every page links the SVG icon, and /favicon.ico (which browsers and the admin's pages ask
for on their own) leads to it instead of answering 404."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def test_favicon_ico_leads_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("itkoop/favicon.svg")
    assert "max-age" in response["Cache-Control"]
    icon = client.get(response["Location"])
    icon.close()  # a file response: let go of the file
    assert icon.status_code == 200
    assert icon["Content-Type"].startswith("image/svg+xml")


def test_favicon_ico_answers_head_and_refuses_post(client):
    assert client.head("/favicon.ico").status_code == 302
    assert client.post("/favicon.ico").status_code == 405


@pytest.mark.parametrize("path", ["/", "/en/katalog/", "/konto/login/", "/gibt-es-nicht/"])
def test_pages_link_the_icon(client, path):
    page = client.get(path).content.decode()
    assert f'<link rel="icon" href="{static("itkoop/favicon.svg")}" type="image/svg+xml">' in page


def test_the_icon_is_a_square_svg_with_a_title():
    root = ET.parse(finders.find("itkoop/favicon.svg")).getroot()  # noqa: S314 - our own file
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 32 32"
    assert root.find(f"{SVG}title").text == "itkoop"
