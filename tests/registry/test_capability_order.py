"""Capabilities are listed in the alphabet of the page's language: the database orders them by their German
label, which on an English page put "ERP" (Warenwirtschaft) among the W's of every choice list."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from itkoop.core.selectors import label_sort_key
from itkoop.registry.models import Capability

from ..factories import SolutionFactory

pytestmark = pytest.mark.django_db


def _url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def _english(name, *args):
    return _url("en", name, *args)


def _options(page: str, select_name: str) -> list[str]:
    select = re.search(rf'<select name="{select_name}".*?</select>', page, re.S).group(0)
    return re.findall(r"<option value=\"[^\"]+\"[^>]*>([^<]*)</option>", select)


@pytest.mark.parametrize(
    ("url_name", "select_name"),
    [("registry:search", "capability"), ("cooperation:market", "capability")],
)
def test_capability_choices_follow_the_english_alphabet(client, url_name, select_name):
    options = _options(client.get(_english(url_name)).content.decode(), select_name)
    assert len(options) > 50  # the reference taxonomy's capabilities
    with translation.override("en"):
        english = {c.label for c in Capability.objects.filter(parent__isnull=False)}
    assert set(options) == english
    assert options == sorted(options, key=label_sort_key)


def test_capability_choices_follow_the_german_alphabet_on_german_pages(client):
    options = _options(client.get(_url("de", "registry:search")).content.decode(), "capability")
    assert "Warenwirtschaft / ERP" in options
    assert options == sorted(options, key=label_sort_key)


def test_solution_page_lists_its_capabilities_in_the_english_alphabet(client, mini_catalog):
    solution = SolutionFactory()
    solution.capabilities.set(["erp", "online-shop"])  # German: Onlineshop, Warenwirtschaft / ERP
    page = client.get(_english("registry:solution", solution.external_id)).content.decode()
    assert page.index(">ERP</a>") < page.index(">Online shop</a>")
    german = client.get(_url("de", "registry:solution", solution.external_id)).content.decode()
    assert german.index(">Onlineshop</a>") < german.index(">Warenwirtschaft / ERP</a>")
