"""Need analysis never fails and stays consistent on any mix of the words its readings react to (issue 12:
a reading that fails on one text is a 500 on the need page)."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itkoop.engine import analyse_need, builtin_taxonomy_dict, taxonomy_from_dict
from itkoop.engine import need as need_module

TAXONOMY = taxonomy_from_dict(builtin_taxonomy_dict())


def _cue_words() -> list[str]:
    """The words of every reading (module-level word sets and tuples, word pairs) and of the taxonomy."""
    words: set[str] = set()
    for value in vars(need_module).values():
        if isinstance(value, frozenset | tuple) and all(isinstance(v, str) for v in value):
            words.update(v for v in value if v)
        elif isinstance(value, frozenset | tuple) and all(isinstance(v, tuple) for v in value):
            words.update(" ".join(v) for v in value if all(isinstance(w, str) for w in v))
    for cap in builtin_taxonomy_dict()["capabilities"]:
        words.update([cap["label_de"], cap["label_en"], *cap["synonyms_de"][:3], *cap["synonyms_en"][:3]])
    return sorted(words)


WORDS = _cue_words()
GLUE = [",", ":", "(", ")", " – ", "wir", "unser", "die", "der", "für", "for", "und", "keine", "nicht", "not"]
# a sentence: a few words, each a cue or glue; a text: a few sentences, so readings over sentences (a
# self-description, then a need) meet
OPENERS = sorted({w for w in WORDS if " " in w} | {"wir brauchen", "we need", "bisher", ""})
SENTENCE = st.tuples(
    st.sampled_from(OPENERS),
    st.lists(st.one_of(st.sampled_from(GLUE), st.sampled_from(WORDS)), min_size=1, max_size=10),
).map(lambda parts: " ".join([parts[0], *parts[1]]))
TEXT = st.lists(st.tuples(SENTENCE, st.sampled_from([". ", "\n", "? ", "; "])), min_size=1, max_size=6).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_mix_of_cue_words_is_read_without_failing(text):
    analysis = analyse_need(text, TAXONOMY)
    wanted = analysis.capability_ids
    assert len(wanted) == len(set(wanted))
    assert set(wanted) <= set(TAXONOMY.capabilities)
    assert not set(wanted) & {h.id for h in analysis.negated}
    assert not set(wanted) & {h.id for h in analysis.existing}


def test_the_cue_words_cover_the_readings():
    # the property above draws from every reading's words, so a new reading is exercised without a new test
    assert {"gruesse", "wechsel", "eigenes projekt", "bestandteil", "magnettafel"} <= set(WORDS)
    assert len(WORDS) > 500 and not any(a == b for a, b in itertools.pairwise(WORDS))
