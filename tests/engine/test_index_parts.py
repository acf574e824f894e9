"""Tokenising a document part by part gives the same index as tokenising the joined text."""

from itkoop.engine.text import MAX_TOKENS, index_tokens, index_tokens_of_parts

PARTS = [
    "Buchhaltungssoftware für E-Rechnung",
    "und B2B-Portal, die IT-Lösung des Handwerks;",
    "Warenwirtschaft / ERP Warenwirtschaft",  # a form seen before stays at its first place
    "a an the x-y --",
    "",
    "Onlineshop Webshop Onlineshop",
]


def test_parts_give_the_index_of_the_joined_text():
    assert index_tokens_of_parts(PARTS) == index_tokens(" ".join(PARTS))
    assert index_tokens_of_parts(PARTS[::-1]) == index_tokens(" ".join(PARTS[::-1]))


def test_parts_over_the_word_limit_read_only_the_first_words_as_the_joined_text_does():
    many = [" ".join(f"wort{i}x{j}" for j in range(1000)) for i in range(6)]
    assert sum(len(p.split()) for p in many) > MAX_TOKENS
    tokens = index_tokens_of_parts(many)
    assert tokens == index_tokens(" ".join(many))
    assert "wort5x999" not in tokens
