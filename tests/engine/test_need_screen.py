"""The learned screen over the rules' wanted capabilities (itkoop.engine.need_screen)."""

import json
from pathlib import Path

import pytest

from itkoop.engine import analyse_need, builtin_taxonomy_dict, need_screen, taxonomy_from_dict

HERE = Path(__file__).parent
FIGURES_ONLY = {f"needs_holdout{n}.json" for n in (49, 50, 51, *range(76, 80))}


@pytest.fixture(scope="module")
def taxonomy():
    return taxonomy_from_dict(builtin_taxonomy_dict())


def _hits(analysis):
    return [(h.id, h.score, h.evidence) for h in analysis.capabilities]


def test_what_the_screen_doubts_is_offered_in_passing_and_what_it_takes_up_came_from_there(taxonomy):
    moved = taken = 0
    for item in json.loads((HERE / "needs_holdout21.json").read_text(encoding="utf-8")):
        rules = analyse_need(item["text"], taxonomy, screened=False)
        screened = analyse_need(item["text"], taxonomy)
        doubted = set(rules.capability_ids) - set(screened.capability_ids)
        taken_up = set(screened.capability_ids) - set(rules.capability_ids)
        assert doubted <= {h.id for h in screened.in_passing}
        # what no rule found at all was proposed from the text's words
        proposed = {cap for cap, _, _ in need_screen.proposals(item["text"], set())}
        assert taken_up <= {h.id for h in rules.in_passing} | proposed
        assert {h.id for h in rules.in_passing} - taken_up <= {h.id for h in screened.in_passing}
        assert screened.capability_ids or not rules.capability_ids, item["text"][:80]
        scores = [h.score for h in screened.capabilities]
        assert scores == sorted(scores, reverse=True)
        moved += len(doubted)
        taken += len(taken_up)
    assert moved >= 5 and taken >= 1


def test_a_short_text_is_read_by_the_rules_alone(taxonomy):
    # fourteen words typed for the platform each count: a model that doubts all but the best, and a bag that
    # proposes more, change nothing in them
    text = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"
    rules = analyse_need(text, taxonomy, screened=False)
    doubting = (-10.0, {})
    assert need_screen.screen(text, _hits(rules), (), doubting) == (set(), set())
    eager = (["crm"], [10.0], {})
    assert need_screen.proposals(text, set(), eager) == []
    assert {"online-shop", "erp", "accounting"} <= set(analyse_need(text, taxonomy).capability_ids)
    longer = (
        text
        + ", denn heute tippen wir jede Bestellung aus dem Laden von Hand ab"
        + " und verlieren dabei jede Woche viel Zeit."
    )
    assert need_screen.screen(longer, _hits(rules), (), doubting)[0]
    assert [cap for cap, _, _ in need_screen.proposals(longer, set(), eager)] == ["crm"]


def test_the_most_probable_hit_stays_when_the_model_doubts_them_all():
    text = " ".join(["Wir suchen eine Kasse und eine Warenwirtschaft für unseren Laden."] * 4)
    wanted = [("pos", 0.9, ["Kasse"]), ("erp", 0.9, ["Warenwirtschaft"])]
    aside = [("online-shop", 0.9, ["Laden"])]
    doubting = (-10.0, {"cap=erp": 1.0})
    assert need_screen.screen(text, wanted, aside, doubting) == ({0}, set())
    assert need_screen.screen(text, wanted, aside, (10.0, {})) == (set(), {0})
    assert need_screen.screen(text, wanted, aside, (10.0, {"aside": -30.0})) == (set(), set())


def test_the_features_are_read_from_the_words_around_each_hit():
    text = "Für die Ausschreibung: Los 2 umfasst eine neue Telefonanlage mit Headsets."
    hit = ("telephony", 0.9, ["Telefonanlage"])
    features = need_screen.hit_features(text, [hit], 0)
    assert {"cap=telephony", "tender", "cap=telephony&tender", "ev=telefonanlage"} <= set(features)
    assert "aside" not in features
    assert {"aside", "aside&cap=telephony"} <= set(need_screen.hit_features(text, [hit], 0, aside=True))
    assert {"l=umfasst", "l=eine", "l=neue", "r=mit", "r=headsets"} <= set(features)


def test_each_hit_is_read_with_the_other_capabilities_its_text_names():
    text = "Wir führen ein neues ERP ein und brauchen dazu Schulungen für 20 Leute."
    hits = [("erp", 0.9, ["ERP"]), ("training", 0.8, ["Schulungen"])]
    assert "cap=training&with=erp" in need_screen.hit_features(text, hits, 1)
    assert "cap=erp&with=training" in need_screen.hit_features(text, hits, 0)
    assert not any("&with=" in f for f in need_screen.hit_features(text, hits[1:], 0))
    # the stored model learned from such pairs: training asked with a new system is weighed by it
    _, weights = need_screen.stored_model()
    assert sum(1 for f in weights if "&with=" in f) >= 100


def test_the_stored_model_names_known_capabilities_and_never_learned_from_the_figures_only_corpora():
    stored = json.loads(need_screen.MODEL_FILE.read_text(encoding="utf-8"))
    assert not FIGURES_ONLY & set(stored["trained_on"])
    assert all((HERE / name).exists() for name in stored["trained_on"])
    known = set(taxonomy_from_dict(builtin_taxonomy_dict()).capabilities)
    for kind in ("wanted", "existing"):
        named = {f.split("=", 1)[1].split("&")[0] for f in stored[kind]["weights"] if f.startswith("cap=")}
        assert named and named <= known, (kind, named - known)


def test_a_system_the_model_doubts_is_no_longer_read_as_there():
    text = " ".join(["Wir nutzen seit Jahren DATEV für die Buchhaltung und suchen eine neue Kasse."] * 3)
    there = [("accounting", 0.9, ["DATEV"]), ("erp", 0.9, ["Warenwirtschaft"])]
    assert need_screen.doubted_systems(text, there, (0.0, {"cap=erp": -5.0})) == {1}
    assert need_screen.doubted_systems(text, there, (5.0, {})) == set()
    # a short text is read by the rules alone
    assert need_screen.doubted_systems("Wir nutzen DATEV.", there[:1], (-10.0, {})) == set()


def test_the_screen_reads_fewer_systems_as_there_in_a_long_text(taxonomy):
    moved = 0
    for item in json.loads((HERE / "needs_holdout21.json").read_text(encoding="utf-8")):
        by_rules = analyse_need(item["text"], taxonomy, screened=False)
        rules = {h.id for h in by_rules.existing}
        screened = {h.id for h in analyse_need(item["text"], taxonomy).existing}
        # a system also read as asked for, which the screen doubts as asked, may be there
        assert screened <= rules | set(by_rules.capability_ids)
        moved += len(rules - screened)
    assert moved >= 3


_MECHANICS = (
    "Unsere sechs Monteure fahren morgens los, und im Büro weiß danach keiner, wo sie gerade sind. Die Kunden"
    " rufen an und fragen, wann denn endlich jemand kommt, und wir telefonieren stundenlang herum, bis wir"
    " einen erreichen, der gerade Zeit hat."
)


def test_a_trouble_told_in_plain_words_is_proposed_from_its_words():
    model = (
        ["field-service", "crm"],
        [-3.0, -3.0],
        {"w:monteure": {"field-service": 4.0}, "p:telef": {"crm": 0.5}},
    )
    assert need_screen.proposals(_MECHANICS, set(), model) == [
        ("field-service", pytest.approx(0.731, abs=1e-3), ["Monteure"])
    ]
    # a short word is not quoted alone
    short = (["crm"], [-3.0], {"w:nur": {"crm": 2.0}, "w:monteure": {"crm": 2.0}})
    assert need_screen.proposals(_MECHANICS + " Das ist nur so.", set(), short)[0][2] == ["Monteure"]
    # what the rules found, refused or read as there is not proposed again
    assert need_screen.proposals(_MECHANICS, {"field-service"}, model) == []
    # a text of fewer than MIN_WORDS words was typed for the platform word by word
    assert need_screen.proposals("Unsere Monteure sind nie erreichbar.", set(), model) == []


def test_the_proposer_reads_words_and_the_ends_of_long_words():
    features = need_screen.text_features("Die Terminvergabe für Kunden läuft übers Telefon")
    assert {
        "w:terminvergabe",
        "p:termi",
        "s:rgabe",
        "w:kunden",
        "w:telefon",
    } <= features
    assert not {"w:die", "w:fuer"} & features  # too common to weigh
    assert "p:kunde" not in features  # a word shorter than seven letters is read whole only


def test_what_the_stored_proposer_adds_is_neither_refused_nor_there_and_weighs_least(taxonomy):
    capabilities, biases, weights = need_screen.stored_proposer()
    known = set(taxonomy.capabilities)
    assert set(capabilities) <= known and len(biases) == len(capabilities)
    assert all(set(by_cap) <= set(capabilities) for by_cap in weights.values())
    added = 0
    for item in json.loads((HERE / "needs_holdout56.json").read_text(encoding="utf-8")):
        rules = analyse_need(item["text"], taxonomy, screened=False)
        screened = analyse_need(item["text"], taxonomy)
        new = set(screened.capability_ids) - set(rules.capability_ids) - {h.id for h in rules.in_passing}
        assert not new & ({h.id for h in screened.negated} | {h.id for h in screened.existing})
        scores = [h.score for h in screened.capabilities]
        assert scores == sorted(scores, reverse=True)
        added += len(new)
    assert added >= 3


def test_the_screen_weighs_the_proposers_probability_of_each_hit():
    text = "Für die Ausschreibung: Los 2 umfasst eine neue Telefonanlage mit Headsets."
    hit = ("telephony", 0.9, ["Telefonanlage"])
    bag = {"telephony": 0.4, "crm": 0.01}
    assert "bag=3" in need_screen.hit_features(text, [hit], 0, bag=bag)
    # a hit set aside names its word, which the bag holds likely for that word alone
    assert not any(
        f.startswith("bag=") for f in need_screen.hit_features(text, [hit], 0, aside=True, bag=bag)
    )
    # a capability the proposer does not know has no such feature
    assert not any(f.startswith("bag=") for f in need_screen.hit_features(text, [hit], 0, bag={"crm": 0.5}))
    # the stored model learned to trust a hit whose text's words speak of it and to doubt one they do not
    _, weights = need_screen.stored_model()
    assert weights.get("bag=6", 0.0) > weights.get("bag=0", 0.0)


def test_the_bag_of_words_gives_every_known_capability_a_probability():
    model = (["field-service", "crm"], [-3.0, 0.0], {"w:monteure": {"field-service": 4.0}})
    bag = need_screen.bag_probabilities(_MECHANICS, model)
    assert bag == {"field-service": pytest.approx(0.731, abs=1e-3), "crm": 0.5}
    # proposals read from an already computed bag give the same as computed anew
    assert need_screen.proposals(_MECHANICS, set(), model, bag) == need_screen.proposals(
        _MECHANICS, set(), model
    )
