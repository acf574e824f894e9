"""What a process loads to read text: CharSplit's German tables only at the first compound split, its Dutch
tables never; lemmas from the SQLite store are the ones simplemma's own dictionaries give."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from itkoop.engine import text
from itkoop.engine.catalog import builtin_taxonomy_dict, taxonomy_from_dict
from itkoop.engine.need import analyse_need

CORPUS = Path(__file__).resolve().parent / "needs_corpus.json"
SRC = Path(__file__).resolve().parents[2] / "src"

PROBE = """
import sys
from itkoop.engine import text
loaded = lambda name: name in sys.modules and "__file__" in vars(sys.modules[name])
text.index_tokens("Lager und Kasse")  # no compound: nothing to split
print(loaded("compound_split.de_ngram_probs"), loaded("compound_split.nl_ngram_probs"))
text.index_tokens("Buchhaltungssoftware")
print(loaded("compound_split.de_ngram_probs"), loaded("compound_split.nl_ngram_probs"))
"""


def test_compound_tables_load_at_the_first_split_and_the_dutch_ones_never():
    env = {"PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    out = run.stdout.split("\n")
    assert out[0] == "False False"
    assert out[1] == "True False"


@pytest.fixture
def corpus_words() -> tuple[list[str], list[str]]:
    texts = [item["text"] for item in json.loads(CORPUS.read_text(encoding="utf-8"))]
    return texts, sorted({w for t in texts for w in text._WORD_RE.findall(t)})


@pytest.fixture
def back_to_simplemma():
    yield
    text.use_lemma_store(None)


def test_the_lemma_store_gives_the_lemmas_of_simplemma(tmp_path, corpus_words, back_to_simplemma):
    texts, words = corpus_words
    text.use_lemma_store(None)
    forms = {w: text.word_forms(w) for w in words}
    known = {w: text.is_known_word(w[:1].upper() + w[1:], "de") for w in words}
    analyses = [analyse_need(t, taxonomy_from_dict(builtin_taxonomy_dict())) for t in texts[:50]]

    text.use_lemma_store(tmp_path)
    assert text.lemma_store_path(tmp_path).exists()
    assert {w: text.word_forms(w) for w in words} == forms
    assert {w: text.is_known_word(w[:1].upper() + w[1:], "de") for w in words} == known
    assert [analyse_need(t, taxonomy_from_dict(builtin_taxonomy_dict())) for t in texts[:50]] == analyses
    assert any(w.lower() not in f for w, f in forms.items())  # lemmas were looked up, not only the words
