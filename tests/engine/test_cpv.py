"""The CPV code -> capability mapping that ships as data (issue: need understanding, criterion taxonomy)."""

import json
import re

import pytest

from itkoop.engine import builtin_taxonomy_dict, taxonomy_from_dict
from itkoop.engine.cpv import CPV_FILE, CpvError, capabilities_for_cpv


@pytest.fixture(scope="module")
def data():
    return json.loads(CPV_FILE.read_text(encoding="utf-8"))


def test_every_code_is_well_formed_and_in_divisions_48_or_72(data):
    assert data["format"] == "itkoop-cpv/1"
    assert len(data["codes"]) >= 100
    for code, entry in data["codes"].items():
        assert re.fullmatch(r"(48|72)\d{6}", code), code
        assert entry["label_en"] and isinstance(entry["capabilities"], list), code


def test_every_mapped_capability_exists_and_is_a_leaf(data):
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    mapped = {cap for entry in data["codes"].values() for cap in entry["capabilities"]}
    assert mapped <= set(taxonomy.capabilities), mapped - set(taxonomy.capabilities)
    assert not [cap for cap in mapped if taxonomy.is_group(cap)]


def test_the_issues_new_categories_are_reachable_from_a_cpv_code(data):
    mapped = {cap for entry in data["codes"].values() for cap in entry["capabilities"]}
    wanted = {
        "software-licensing",
        "server-storage",
        "email-system",
        "office-software",
        "software-testing",
        "online-forms",
        "hospital-information",
        "care-software",
        "scada",
        "cam-cnc",
        "gis",
        "barcode-rfid",
        "speech-recognition",
        "translation",
        "compliance-management",
        "data-migration",
    }
    assert wanted <= mapped, wanted - mapped


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("48814100", ("care-software",)),  # nursing information system: its own entry
        ("48814100-7", ("care-software",)),  # written with the check digit
        ("48814500", ("hospital-information",)),  # casemix system: from 48814000 medical information systems
        ("48451000", ("erp",)),
        ("48443000", ("accounting",)),
        ("48326000", ("gis",)),
        ("48323000", ("cam-cnc",)),
        ("72254000", ("software-testing",)),
        ("72254100", ("software-testing",)),  # systems testing services: below 72254000
        ("72920000", ("data-migration",)),
        ("72412000", ("email-system",)),
        ("72611000", ("managed-services",)),  # technical computer support: from 72610000
        (" 48820000 ", ("server-storage",)),
        ("48810000", ()),  # information systems: too broad, and not the servers of its parent 48800000
        ("48120000", ()),  # flight control: below 48100000, which names no capability
    ],
)
def test_known_codes_map_by_longest_prefix(code, expected):
    assert capabilities_for_cpv(code) == expected


def test_a_code_outside_the_mapped_divisions_maps_to_nothing():
    assert capabilities_for_cpv("45000000-7") == ()  # construction work


@pytest.mark.parametrize("text", ["", "4881", "48814100-77", "4881410A", "Software", "488141000"])
def test_text_that_is_no_cpv_code_is_refused(text):
    with pytest.raises(CpvError, match="CPV"):
        capabilities_for_cpv(text)
