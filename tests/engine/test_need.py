"""Need analysis: the corpus F1, compounds, synonyms, phrases, evidence, both languages."""

import json
from pathlib import Path

import pytest

from itkoop.engine import analyse_need, builtin_taxonomy_dict, need_from_text, taxonomy_from_dict

CORPUS = Path(__file__).with_name("needs_corpus.json")


@pytest.fixture(scope="module")
def taxonomy():
    return taxonomy_from_dict(builtin_taxonomy_dict())


def test_corpus_has_fifty_needs_in_both_languages(taxonomy):
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    assert len(corpus) >= 50
    assert {item["lang"] for item in corpus} == {"de", "en"}
    for item in corpus:
        assert set(item["expected"]) <= set(taxonomy.capabilities)


@pytest.mark.parametrize("name", ["needs_corpus.json", "needs_holdout.json"])
def test_corpus_f1_is_at_least_085(taxonomy, name):
    tp = fp = fn = 0
    for item in json.loads(CORPUS.with_name(name).read_text(encoding="utf-8")):
        found, expected = set(analyse_need(item["text"], taxonomy).capability_ids), set(item["expected"])
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.85


@pytest.mark.parametrize(
    ("text", "capability", "evidence"),
    [
        ("Wir suchen eine Buchhaltungssoftware", "accounting", "Buchhaltungssoftware"),
        ("Kreditkartenzahlungen im Shop", "payment", "Kreditkartenzahlungen"),
        ("Unsere WaWi ist alt", "erp", "WaWi"),
        ("die Arbeitszeiten erfassen", "time-tracking", "Arbeitszeiten"),
        ("Umzug in die Cloud", "cloud-migration", "in die Cloud"),
        ("we need an online shop", "online-shop", "online shop"),
        ("electronic invoices from suppliers", "e-invoicing", "electronic invoices"),
        ("DSGVO-konforme Prozesse", "data-protection", "DSGVO-konforme"),
        ("we want customers to book appointments", "appointment-booking", "book appointments"),
    ],
)
def test_finds_capability_with_its_evidence(taxonomy, text, capability, evidence):
    hits = {hit.id: hit for hit in analyse_need(text, taxonomy).capabilities}
    assert capability in hits
    assert any(evidence in e for e in hits[capability].evidence)
    assert 0 < hits[capability].score <= 1


def test_a_longer_match_hides_the_one_inside_it(taxonomy):
    found = analyse_need("Wir brauchen ein Lagerverwaltungssystem", taxonomy).capability_ids
    assert found == ["wms"]


def test_group_capabilities_are_not_returned(taxonomy):
    assert "commerce" not in analyse_need("E-Commerce für unseren Handel", taxonomy).capability_ids


def test_standards_named_in_the_text(taxonomy):
    analysis = analyse_need("Export nach DATEV und Import von BMEcat-Katalogen", taxonomy)
    assert {"datev", "bmecat"} <= set(analysis.standards)


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("We need payroll that exports to DATEV payroll", "datev-lohn"),
        ("The till must produce the German cash register data export", "dsfinv-k"),
        ("Practice software with medical device data transfer to our ECG", "gdt"),
    ],
)
def test_standards_named_by_their_english_name(taxonomy, text, standard):
    assert standard in analyse_need(text, taxonomy).standards


def test_a_lone_word_of_an_english_standard_name_names_no_standard(taxonomy):
    # "UGL (plumbing and heating wholesale interface)": "plumbing" alone is a trade, not the interface
    assert analyse_need("Our plumbing company needs a new website", taxonomy).standards == []


def test_empty_text_is_refused(taxonomy):
    with pytest.raises(ValueError, match="empty"):
        need_from_text("   ", taxonomy)


def test_text_without_capabilities_gives_an_empty_need(taxonomy):
    need, analysis = need_from_text("Guten Tag, wie geht es Ihnen?", taxonomy)
    assert need.capabilities == () and analysis.capabilities == []
