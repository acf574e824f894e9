"""The public pages render in German by default and in English on request."""

import pytest
from django.urls import reverse
from django.utils import translation

from itkoop.core.models import Center, Hub

pytestmark = pytest.mark.django_db


def test_reference_data_is_loaded_after_migrate():
    assert set(Hub.objects.values_list("slug", flat=True)) == {"berlin", "aachen", "karlsruhe", "kassel"}
    assert Center.objects.count() == 22


def test_home_is_german_by_default(client):
    body = client.get("/").content.decode()
    assert 'lang="de"' in body and "Im Katalog suchen" in body


def test_home_in_english(client):
    body = client.get("/en/").content.decode()
    assert 'lang="en"' in body and "Search the catalogue" in body


def test_language_switch_keeps_the_page(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/katalog/"})
    assert response.status_code == 302 and response["Location"] == "/en/katalog/"


def test_network_lists_hubs_and_centers(client):
    with translation.override("de"):
        body = client.get(reverse("cooperation:network")).content.decode()
    assert "22 Zentren" in body
    for hub in Hub.objects.all():
        assert hub.name in body
