"""Hub names follow the page's language (issue 10, 5): English pages showed "Stützpunkt Kassel"."""

import pytest
from django.urls import reverse
from django.utils import translation

from itkoop.core.models import Hub
from itkoop.notifications.kinds import format_title, get

from ..factories import CompanyFactory, center_admin

pytestmark = pytest.mark.django_db


def test_reference_data_give_every_hub_an_english_name():
    assert dict(Hub.objects.values_list("slug", "name_en"))["kassel"] == "Kassel hub"
    assert all(Hub.objects.values_list("name_en", flat=True))


def test_a_hub_is_named_in_the_pages_language():
    hub = Hub.objects.get(slug="kassel")
    with translation.override("en"):
        assert str(hub) == "Kassel hub"
    with translation.override("de"):
        assert str(hub) == "Stützpunkt Kassel"


def test_company_page_and_home_page_in_english_name_the_hub_in_english(client):
    page = reverse("registry:company", args=[CompanyFactory(hub_id="kassel").external_id])
    for path in ("/en" + page, "/en/"):
        body = client.get(path).content.decode()
        assert "Kassel hub" in body and "Stützpunkt Kassel" not in body, path
    assert "Stützpunkt Kassel" in client.get(page).content.decode()


def test_figures_page_in_english_names_the_hub_in_english(client):
    client.force_login(center_admin())
    body = client.get("/en" + reverse("reporting:figures"), {"hub": "kassel"}).content.decode()
    assert "Kassel hub" in body and "Stützpunkt Kassel" not in body


def test_the_inquiry_notification_title_names_the_hub_in_the_readers_language():
    kind = get("cooperation.inquiry")
    with translation.override("de"):
        assert format_title(kind, {"hub_city": "Kassel"}) == "Anfrage an den Stützpunkt Kassel"
