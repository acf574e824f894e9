"""The kinds of text the need analysis used to misread (issue: need understanding as customers really write
it). Each case was a wrong reading before; the tests name the kind, and each kind has more than one case."""

import pytest

from itkoop.engine import analyse_need, builtin_taxonomy_dict, need_from_text, taxonomy_from_dict
from itkoop.engine.need import MAX_NEED_CAPABILITIES


@pytest.fixture(scope="module")
def taxonomy():
    return taxonomy_from_dict(builtin_taxonomy_dict())


def _ids(analysis):
    return set(analysis.capability_ids)


@pytest.mark.parametrize(
    ("text", "wanted", "refused"),
    [
        (
            "Wir brauchen keinen Onlineshop, nur eine Website mit Terminbuchung",
            {"website-cms", "appointment-booking"},
            {"online-shop"},
        ),
        (
            "We do not need an online shop, only a website with appointment booking",
            {"website-cms", "appointment-booking"},
            {"online-shop"},
        ),
        ("Einen Onlineshop brauchen wir nicht.", set(), {"online-shop"}),
        ("We don't need a CRM but an ERP", {"erp"}, {"crm"}),
        ("Eine Website ohne Onlineshop", {"website-cms"}, {"online-shop"}),
        ("Kein CRM, keine Buchhaltung, aber eine Zeiterfassung", {"time-tracking"}, {"crm", "accounting"}),
    ],
)
def test_negation_holds_for_its_clause_only(taxonomy, text, wanted, refused):
    analysis = analyse_need(text, taxonomy)
    assert _ids(analysis) == wanted
    assert {h.id for h in analysis.negated} == refused


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen nicht nur ein ERP, sondern auch einen Onlineshop",
        "Belege wollen wir in der Buchhaltung nicht mehr auf Papier sammeln",
        "Not only an ERP but also an online shop",
    ],
)
def test_not_only_and_no_longer_do_not_refuse(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capabilities and not analysis.negated


@pytest.mark.parametrize(
    ("text", "wanted", "existing"),
    [
        (
            "Wir haben schon eine Praxissoftware und brauchen Online-Terminvergabe",
            {"appointment-booking"},
            {"medical-practice"},
        ),
        (
            "Eine Praxissoftware haben wir schon, wir brauchen Terminbuchung",
            {"appointment-booking"},
            {"medical-practice"},
        ),
        # the trade word "Arztpraxis" named the practice software the text says is there (it was sold anew)
        (
            "Wir sind eine Arztpraxis, haben schon eine Praxissoftware und brauchen Online-Terminbuchung",
            {"appointment-booking"},
            {"medical-practice"},
        ),
        ("Unser bestehendes ERP soll an den neuen Onlineshop angebunden werden", {"online-shop"}, {"erp"}),
        ("We already use DATEV and need an online shop", {"online-shop"}, {"accounting"}),
    ],
)
def test_systems_already_there_are_not_asked_for(taxonomy, text, wanted, existing):
    analysis = analyse_need(text, taxonomy)
    assert _ids(analysis) == wanted
    assert {h.id for h in analysis.existing} == existing


def test_a_standard_of_a_system_already_there_stays_one_to_connect_through(taxonomy):
    assert (
        "datev" in analyse_need("Wir nutzen bereits DATEV und brauchen einen Onlineshop", taxonomy).standards
    )


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("Mircosoft 365 für 20 Arbeitsplätze", "collaboration"),
        ("Wir suchen eine Zeiterfasung für 12 Leute", "time-tracking"),
        ("Neue Warenwirtschft gesucht", "erp"),
        ("We need a new websit and a newsleter", "newsletter"),
    ],
)
def test_a_misspelt_word_is_read_as_the_word_it_misses(taxonomy, text, capability):
    assert capability in _ids(analyse_need(text, taxonomy))


def test_correct_words_are_never_corrected(taxonomy):
    # "Kassen" is a word of its own, one letter from nothing the taxonomy needs corrected
    assert _ids(analyse_need("Wir malen Bilder und backen Kuchen", taxonomy)) == set()


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Zeiterfassung per App", "mobile-app"),
        ("Urlaubsanträge über die App einreichen", "mobile-app"),
        ("Abrechnung mit den Kassen für unseren Pflegedienst", "pos"),
        ("Abrechnung mit den Krankenkassen", "pos"),
        ("Vergabe Los 2: Rahmenvertrag über Anwendersupport für das ERP", "construction-ava"),
        ("Öffentliche Ausschreibung einer Finanzbuchhaltung", "construction-ava"),
        ("Tisch 80 cm breit", "website-cms"),
    ],
)
def test_a_word_in_another_sense_is_not_a_need(taxonomy, text, absent):
    assert absent not in _ids(analyse_need(text, taxonomy))


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Wir wollen eine eigene App für unsere Kunden", "mobile-app"),
        ("Kassensystem für unser Café", "pos"),
        ("Ausschreibung und Vergabe für unser Bauunternehmen mit GAEB", "construction-ava"),
        ("Ein neues CMS für die Website", "website-cms"),
    ],
)
def test_the_same_words_in_their_own_sense_still_count(taxonomy, text, present):
    assert present in _ids(analyse_need(text, taxonomy))


def test_more_capabilities_than_one_need_holds_are_reported_not_cut_silently(taxonomy):
    text = (
        "Wir brauchen ERP, Buchhaltung, Lohnabrechnung, Zeiterfassung, CRM, Onlineshop, Newsletter, "
        "Website, Ticketsystem, Backup, Firewall und Videokonferenzen."
    )
    need, analysis = need_from_text(text, taxonomy)
    assert len(analysis.capabilities) > MAX_NEED_CAPABILITIES
    assert len(need.capabilities) == MAX_NEED_CAPABILITIES
    assert analysis.beyond_limit == analysis.capability_ids[MAX_NEED_CAPABILITIES:]
    assert set(need.capabilities).isdisjoint(analysis.beyond_limit)


def test_nothing_understood_is_its_own_state(taxonomy):
    assert not analyse_need("Guten Tag, wie geht es Ihnen?", taxonomy).understood
    assert analyse_need("Wir brauchen ein CRM", taxonomy).understood


# Group names too general to stand for one capability: a need that says only "Daten" or "Beratung" names none.
TOO_GENERAL_GROUP_WORDS = {
    "daten", "beratung", "consulting", "it-service", "branchenloesung", "branchenloesungen",
    "vertical software", "industry solution", "handelssoftware", "retail software",
    # the infrastructure a thing runs in ("in der Infrastruktur der Polizei") is no service asked for
    "infrastruktur", "infrastructure",
}  # fmt: skip


def test_every_group_synonym_is_read_as_one_of_its_capabilities(taxonomy):
    """Group nodes are never a need; their synonyms ("Cybersecurity") used to match nothing."""
    from itkoop.engine.text import fold

    for group in (c for c in taxonomy.capabilities.values() if taxonomy.is_group(c.id)):
        for word in [*group.synonyms_de, *group.synonyms_en]:
            if fold(word) in TOO_GENERAL_GROUP_WORDS:
                continue
            found = set(analyse_need(word, taxonomy).capability_ids)
            assert found, (group.id, word)  # a leaf, of this group or a neighbour ("IT-Dienstleister")
