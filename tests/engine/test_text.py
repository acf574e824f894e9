"""Text normalisation shared with the catalog search."""

from itkoop.engine.text import fold, index_tokens, query_terms, tokenize


def test_compound_parts_are_indexed_without_linking_s():
    tokens = index_tokens("Buchhaltungssoftware")
    assert {"buchhaltungssoftware", "buchhaltung", "software"} <= set(tokens)


def test_umlauts_are_folded():
    assert fold("Bürokommunikation für Händler") == "buerokommunikation fuer haendler"


def test_query_terms_drop_stopwords_and_accept_lemmas():
    terms = query_terms("Wir brauchen Rechnungen")
    assert len(terms) == 1 and "rechnung" in terms[0]


def test_generic_head_also_accepts_the_modifier():
    (term,) = query_terms("Kassensoftware")
    assert "kasse" in term


def test_every_query_term_of_a_document_matches_its_own_index():
    text = "Warenwirtschaftssystem mit Lagerverwaltung und E-Rechnung"
    index = set(index_tokens(text))
    assert all(term & index for term in query_terms(text))


def test_a_dialect_net_after_a_german_word_is_a_no_and_an_english_net_stays():
    assert [t.surface for t in tokenize("die wolle mir net")][-1] == "nicht"
    assert [t.surface for t in tokenize("Kameras kommen mir net ins Haus")][3] == "nicht"
    assert [t.surface for t in tokenize("the net price and .NET")] == ["the", "net", "price", "and", "NET"]
