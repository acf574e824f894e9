"""A catalog that breaks the format is refused with one line in the reader's language, not in the English
of the validation library."""

import json

import pytest
from django.utils import translation

from itkoop.registry.catalog_io import check_catalog_shape
from itkoop.registry.services import CatalogError

ENGLISH_LIBRARY_WORDS = (
    "is not of type",
    "is a required property",
    "is too long",
    "does not match",
    "is not one of",
)


BREAKS = [
    # (change, German line part, English line part)
    (lambda d: d.pop("companies"), "der Schlüssel „companies“ fehlt", "the key “companies” is missing"),
    (
        lambda d: d["companies"][0].update(employees="viele"),
        'companies[0].employees: muss eine ganze Zahl sein, hier "viele"',
        'companies[0].employees: must be a whole number, here "viele"',
    ),
    (
        lambda d: d["companies"][0].update(name=""),
        "companies[0].name: darf nicht leer sein",
        "companies[0].name: must not be empty",
    ),
    (
        lambda d: d["companies"][0].update(lat=123),
        "companies[0].lat: die Zahl darf höchstens 90 sein, hier 123",
        "companies[0].lat: the number may be at most 90, here 123",
    ),
    (
        lambda d: d["companies"][0].update(id="Groß Buchstaben"),
        'companies[0].id: "Groß Buchstaben" hat nicht die erwartete Form',
        'companies[0].id: "Groß Buchstaben" does not have the expected form',
    ),
]


@pytest.mark.parametrize(("change", "german", "english"), BREAKS)
def test_schema_violation_is_one_line_in_the_readers_language(change, german, english, mini_catalog_path):
    data = json.loads(mini_catalog_path.read_text())
    change(data)
    for language, expected in (("de", german), ("en", english)):
        with translation.override(language), pytest.raises(CatalogError) as info:
            check_catalog_shape(data, source="katalog.json")
        line = str(info.value)
        assert "\n" not in line
        assert line.startswith("katalog.json: ")
        assert expected in line, line
        assert not any(words in line for words in ENGLISH_LIBRARY_WORDS), line
