"""Text from anyone costs bounded work: no compound split of giant words, a bounded number of words per text.

Counted, not timed: the compound splitter is replaced by a counter that fails on a word over the limit."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from compound_split import char_split

from itkoop.engine import need as need_module
from itkoop.engine import text
from itkoop.engine.catalog import builtin_taxonomy_dict, taxonomy_from_dict
from itkoop.engine.need import analyse_need

CORPUS = Path(__file__).resolve().parent / "needs_corpus.json"


@pytest.fixture
def splitter_calls(monkeypatch):
    """Every word CharSplit is asked to split; a word over the limit fails the test at once."""
    calls: list[str] = []
    real = char_split.split_compound

    def counting(word: str):
        assert len(word) <= text.MAX_COMPOUND_LENGTH, f"split a word of {len(word)} letters"
        calls.append(word)
        return real(word)

    monkeypatch.setattr(char_split, "split_compound", counting)
    text._compound_parts.cache_clear()
    yield calls
    text._compound_parts.cache_clear()


def _megabyte_of_words() -> str:
    words = " ".join(item["text"] for item in json.loads(CORPUS.read_text(encoding="utf-8"))).split()
    rng = random.Random(7)
    return " ".join(rng.choice(words) for _ in range(200_000))[:1_000_000]


def test_a_word_of_100000_letters_is_not_split_nor_indexed(splitter_calls):
    assert text.index_tokens("Warenwirtschaft " + "a" * 100_000 + " Lager") == [
        *text.index_tokens("Warenwirtschaft Lager")
    ]
    assert all(len(word) <= text.MAX_COMPOUND_LENGTH for word in splitter_calls)


def test_a_long_compound_is_not_split_but_still_indexed(splitter_calls):
    word = "Buchhaltungs" * 4  # 48 letters: longer than a compound we split, short enough to be a word
    assert word.lower() in text.index_tokens(word)
    assert splitter_calls == []


def test_a_megabyte_text_reads_at_most_max_tokens_words(splitter_calls):
    big = _megabyte_of_words()
    assert len(text.tokenize(big)) == text.MAX_TOKENS
    text.index_tokens(big)
    text.query_terms(big)
    assert len(set(splitter_calls)) <= text.MAX_TOKENS


def test_need_analysis_of_a_megabyte_compares_matches_linearly(monkeypatch):
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    calls = 0
    real = need_module._Match.inside

    def counting(self, other):
        nonlocal calls
        calls += 1
        return real(self, other)

    monkeypatch.setattr(need_module._Match, "inside", counting)
    analysis = analyse_need(_megabyte_of_words(), taxonomy)
    assert analysis.capabilities
    # Each match is compared with the matches on its first word only, not with every match of the text.
    assert calls < 100 * text.MAX_TOKENS


def test_normal_text_is_tokenised_as_before():
    sample = "Wir suchen eine Buchhaltungssoftware mit DATEV-Schnittstelle und E-Rechnung"
    assert len(text.tokenize(sample)) == 8
    assert {"buchhaltung", "software", "datev", "schnittstelle"} <= set(text.index_tokens(sample))


def test_a_search_query_uses_a_bounded_number_of_words():
    query = " ".join(f"Wort{n}" for n in range(50_000))
    assert len(text.query_terms(query)) == text.MAX_QUERY_TERMS


def test_a_long_search_query_is_read_only_up_to_its_limit(monkeypatch):
    seen: list[int] = []
    real = text.tokenize
    monkeypatch.setattr(text, "tokenize", lambda t: seen.append(len(t)) or real(t))
    text.query_terms("Buchhaltung " * 100_000)
    assert seen == [text.MAX_QUERY_LENGTH]
