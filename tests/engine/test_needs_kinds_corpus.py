"""The corpus of needs as customers and public buyers write them (needs_kinds.json, see needs_kinds.md), and
the general readings it led to. Its expected capabilities were written before the analyser ran on it; the
first run after the taxonomy grew gave F1 0.74, the general fixes 0.85 (bench/need.py prints the figures
per kind and style). The floors below are that figure minus a margin, so a change that loses ground fails."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from itkoop.engine import analyse_need, builtin_taxonomy_dict, taxonomy_from_dict

CORPUS = Path(__file__).with_name("needs_kinds.json")
KINDS = {"crafts", "medical-care", "logistics", "hospitality", "public-tender", "other-sme"}
STYLES = {"typos", "english-mixed", "negation", "existing", "one-liner", "long", "idiom"}


@pytest.fixture(scope="module")
def taxonomy():
    return taxonomy_from_dict(builtin_taxonomy_dict())


@pytest.fixture(scope="module")
def corpus():
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def _f1(tp, fp, fn):
    precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_corpus_has_eighty_needs_of_every_kind_with_known_capabilities(taxonomy, corpus):
    assert len(corpus) >= 80
    assert {item["kind"] for item in corpus} == KINDS
    assert {s for item in corpus for s in item.get("style", [])} == STYLES
    for item in corpus:
        named = set(item["expected"]) | set(item.get("not_wanted", [])) | set(item.get("existing", []))
        assert named <= set(taxonomy.capabilities), named - set(taxonomy.capabilities)
        assert not set(item["expected"]) & (set(item.get("not_wanted", [])) | set(item.get("existing", [])))


def test_corpus_f1_stays_above_its_floor_overall_and_per_kind(taxonomy, corpus):
    counts = defaultdict(lambda: [0, 0, 0])
    for item in corpus:
        found, expected = set(analyse_need(item["text"], taxonomy).capability_ids), set(item["expected"])
        for key in ("all", item["kind"]):
            counts[key][0] += len(found & expected)
            counts[key][1] += len(found - expected)
            counts[key][2] += len(expected - found)
    assert _f1(*counts["all"]) >= 0.89  # reached 0.847, 0.912 after the rules of issue 12's lots corpora
    for kind in KINDS:
        assert _f1(*counts[kind]) >= 0.85, kind  # lowest reached: crafts 0.767, then 0.868


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # a dash between words ends a clause: the negation before it does not reach the need after it
        ("Keine KI, kein Chatbot – wir wollen eine Spracherkennung", {"speech-recognition"}, {"chatbot"}),
        # a lack ("noch keine", "es gibt kein") is a need, not a refusal
        ("Wir haben noch keine Website", {"website-cms"}, set()),
        ("Im Lager gibt es kein WLAN", {"network"}, set()),
        # tender wording: "Beschaffung" of licences is how the buyer buys
        (
            "Öffentliche Ausschreibung: Beschaffung von Softwarelizenzen",
            {"software-licensing"},
            {"procurement"},
        ),
        # laptops to deliver are hardware supply, laptops to manage are device management
        ("Lieferung von 40 Laptops", {"hardware-supply"}, {"device-management"}),
        ("Die Laptops zentral verwalten", {"device-management"}, {"hardware-supply"}),
        # a car dealer's DMS, a festival's ticketing, IT maintenance, shipping labels, monitored CNC machines
        ("Autohaus mit DMS sucht Online-Terminbuchung", {"appointment-booking"}, {"dms"}),
        ("Festival sucht Ticketing und Newsletter", {"newsletter"}, {"ticketing"}),
        ("Betrieb und Wartung der Server", {"managed-services"}, {"maintenance"}),
        ("Versandsoftware mit Etikettendruck", {"logistics-tms"}, {"barcode-rfid"}),
        ("Condition monitoring for our CNC machines", {"predictive-maintenance"}, {"cam-cnc"}),
        # "DSGVO-konform" is a condition on the need, not data-protection consulting
        ("Videoüberwachung, DSGVO-konform", {"video-surveillance"}, {"data-protection"}),
        # an id is also a pattern: "E-Mail" as a channel is no e-mail system
        ("Bewerbungen kommen per E-Mail", {"hr"}, {"email-system"}),
        # a device that broke: IT support, a new device where it is dead, a server's own hardware for a
        # server; the device word names no fleet to manage, and nothing here is about smoke
        ("Der Rechner ist abgeraucht", {"managed-services", "hardware-supply"}, {"device-management"}),
        (
            "Mein Laptop hat den Geist aufgegeben",
            {"managed-services", "hardware-supply"},
            {"device-management"},
        ),
        ("Der PC ist abgestürzt", {"managed-services"}, {"hardware-supply", "device-management"}),
        ("Unser Server ist abgeschmiert", {"managed-services"}, {"server-storage"}),
        ("Der Server ist abgeraucht", {"managed-services", "server-storage"}, {"hardware-supply"}),
        ("Unser Drucker ist kaputt", {"managed-services", "hardware-supply"}, {"device-management"}),
        ("My laptop died", {"managed-services", "hardware-supply"}, {"device-management"}),
        # the device word keeps its reading where nothing broke, and a refused breakdown is none
        ("Wir brauchen 12 neue Laptops", {"hardware-supply"}, {"managed-services"}),
        ("Der PC ist nicht abgestürzt", set(), {"managed-services"}),
        ("Der PC ist abgestürzt und startet nicht mehr", {"managed-services"}, {"hardware-supply"}),
    ],
)
def test_general_readings(taxonomy, text, wanted, unwanted):
    found = set(analyse_need(text, taxonomy).capability_ids)
    assert wanted <= found and not unwanted & found, found


@pytest.mark.parametrize(
    ("text", "existing"),
    [
        ("Unser KIS bleibt. Wir suchen Online-Formulare.", {"hospital-information"}),
        ("Unser Hotel nutzt Protel als PMS. Gesucht: Social Media.", {"hotel-software"}),
    ],
)
def test_systems_in_use_are_read_as_existing(taxonomy, text, existing):
    analysis = analyse_need(text, taxonomy)
    assert {h.id for h in analysis.existing} == existing
    assert not existing & set(analysis.capability_ids)
