"""Text normalisation shared with the catalog search."""

from itkoop.engine.text import fold, index_tokens, query_terms


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
