"""German and English text normalisation for need analysis and catalog search.

Two entry points are shared with the web app's catalog search:

* :func:`index_tokens` turns a document (company or solution text) into the normalised forms it is indexed
  under: the folded word, its German and English lemmas, and the parts of German compounds
  ("Buchhaltungssoftware" -> buchhaltungssoftware, buchhaltung, software).
* :func:`query_terms` turns a search query into one set of alternative forms per meaningful word; a document
  matches a term when it was indexed under any of the forms.

Forms are lower-cased and folded (ä -> ae, ß -> ss, accents dropped) so that "fuer" and "für" agree.
Lemmas come from simplemma (no model download); compound parts from CharSplit (package compound-split).

The work per text is bounded, because texts come from anyone (a need typed on a public page, a company
description): a run of more than :data:`MAX_WORD_LENGTH` letters is no word of either language and is skipped,
only words of at most :data:`MAX_COMPOUND_LENGTH` letters are split as compounds (CharSplit costs about the
cube of a word's length), and only the first :data:`MAX_TOKENS` words of a text are read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice

import simplemma
from compound_split import char_split

__all__ = [
    "MAX_COMPOUND_LENGTH",
    "MAX_QUERY_LENGTH",
    "MAX_QUERY_TERMS",
    "MAX_TOKENS",
    "MAX_WORD_LENGTH",
    "STOPWORDS",
    "Token",
    "fold",
    "index_tokens",
    "index_tokens_of_parts",
    "query_terms",
    "tokenize",
    "word_forms",
]

# Longer than any word of the taxonomy, the need corpora or the demo data (the longest has 33 letters).
MAX_WORD_LENGTH = 64  # a longer run of letters (hyphens included) is skipped
MAX_COMPOUND_LENGTH = 40  # a longer word (or hyphen part) is not split into compound parts
MAX_TOKENS = 5000  # words read per text; a need is at most 2,000 characters, a description a few thousand
MAX_QUERY_LENGTH = 500  # characters of a search query read (the search form takes 200)
MAX_QUERY_TERMS = 12  # words of a search query used: each adds a condition to the database query

_WORD_RE = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿß]+(?:[-–][0-9A-Za-zÀ-ÖØ-öø-ÿß]+)*")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "–": "-"})

_STOPWORDS_TEXT = """
    a ab aber alle allen aller alles als also am an ander andere anderen auch auf aus bei beim
    bereits bis bitte brauchen braucht bzw da dabei damit dann das dass dem den denen der des die
    dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines
    einige er es etwa etwas euch euer eure fuer gibt gern gerne haben hat hatte hier ich ihr ihre
    ihrem ihren ihrer im in ins ist ja je jede jedem jeden jeder jedes jetzt kann kein keine
    koennen koennte man mehr mein meine mit moechten moechte muss muessen nach neue neuen neuer
    neues nicht noch nur ob oder ohne per pro sehr sein seine sich sie sind so soll sollen sollte
    sowie suche suchen sucht ueber um und uns unser unsere unserem unseren unserer unter viel viele
    vom von vor waere war wenn werden wie wir wird wollen wuerden zu zum zur zwischen about after
    all also an and any are as at be been but by can could do does for from get has have help how i
    if in into is it its looking me more need needs of on or our ours please so some such than that
    the their them then there these they this those to up us want wants was we were what when which
    who will with would you your
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# Heads that say "some software": a query for "Buchhaltungssoftware" should also find "Buchhaltung".
_GENERIC_HEADS = (
    "software",
    "system",
    "systeme",
    "loesung",
    "loesungen",
    "programm",
    "tool",
    "tools",
    "plattform",
    "app",
    "anbieter",
    "dienstleister",
    "paket",
    "modul",
)


# Words that say what kind of thing is wanted, not which: dropped from a query that has other words.
_KIND_WORDS = frozenset(
    {
        *_GENERIC_HEADS,
        "schnittstelle",
        "schnittstellen",
        "anbindung",
        "integration",
        "interface",
        "loesung",
        "softwareloesung",
        "programme",
        "anwendung",
        "applikation",
        "solution",
        "solutions",
        "provider",
        "platform",
    }
)


def fold(text: str) -> str:
    """Lower-case, spell out umlauts, drop accents and hyphens: "Büro-Müll" -> "bueromuell"."""
    text = text.lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("-", "")


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> frozenset[str]:
    """All normalised forms of one word: folded surface, German lemma, English lemma (each folded)."""
    forms = {fold(word)}
    for candidate in {word, word[:1].upper() + word[1:]}:
        forms.add(fold(simplemma.lemmatize(candidate, lang="de")))
    forms.add(fold(simplemma.lemmatize(word.lower(), lang="en")))
    forms.discard("")
    return frozenset(forms)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its surface, its normalised forms and (for hyphenated words) its parts' forms."""

    surface: str
    forms: frozenset[str]
    parts: tuple[frozenset[str], ...]  # forms of each hyphen-separated part; () for plain words

    @property
    def is_stopword(self) -> bool:
        """A function word; acronyms in capitals ("IT", "AI") never are."""
        return not (len(self.surface) > 1 and self.surface.isupper()) and fold(self.surface) in STOPWORDS


@lru_cache(maxsize=100_000)
def _token(word: str) -> Token:
    pieces = [p for p in re.split(r"[-–]", word) if p]
    parts = tuple(word_forms(p) for p in pieces) if len(pieces) > 1 else ()
    return Token(word, word_forms(word), parts)


def tokenize(text: str) -> list[Token]:
    """Split a text into tokens; hyphenated words ("E-Rechnung", "B2B-Portal") stay one token.

    The text is read in Unicode NFC first: text pasted from macOS or a PDF spells "ü" as "u" plus a combining
    diaeresis (NFD), which would otherwise cut "Lösung" into "Lo" and "sung". Runs of more than
    MAX_WORD_LENGTH characters are skipped and at most MAX_TOKENS tokens are returned."""
    words = (m.group(0) for m in _WORD_RE.finditer(unicodedata.normalize("NFC", text)))
    return [_token(w) for w in islice((w for w in words if len(w) <= MAX_WORD_LENGTH), MAX_TOKENS)]


@lru_cache(maxsize=100_000)
def _compound_parts(word: str) -> tuple[str, ...]:
    """Contiguous parts of a German compound (recursive CharSplit), linking -s/-es cut from modifiers."""
    cuts = _cuts(word)
    if not cuts:
        return ()
    bounds = [0, *cuts, len(word)]
    parts: list[str] = []
    for i in range(len(bounds) - 1):
        for j in range(i + 1, len(bounds)):
            if i == 0 and j == len(bounds) - 1:
                continue
            span = word[bounds[i] : bounds[j]]
            variants = {span}
            if j < len(bounds) - 1:  # a modifier: strip the linking element
                if span.endswith("es") and len(span) > 5:
                    variants.add(span[:-2])
                if span.endswith("s") and len(span) > 4:
                    variants.add(span[:-1])
            for v in variants:
                if len(v) >= 3:
                    parts.append(v)
    return tuple(parts)


def _cuts(word: str, offset: int = 0, threshold: float = 0.3) -> list[int]:
    """Cut positions of a compound; inner parts are split again only when CharSplit is confident."""
    if len(word) < 8 or len(word) > MAX_COMPOUND_LENGTH or not word.isalpha():
        return []
    score, left, right = char_split.split_compound(word)[0]
    if score < threshold or len(left) < 4 or len(right) < 4:
        return []
    cut = len(word) - len(right)
    return [*_cuts(word[:cut], offset, 0.7), offset + cut, *_cuts(word[cut:], offset + cut, 0.7)]


def index_tokens(text: str) -> list[str]:
    """Normalised forms a document is indexed under, in order of appearance, without duplicates.

    Each word contributes its folded surface and lemmas, the parts of a hyphenated word and the parts of a
    German compound with linking -s/-es removed (each part lemmatised as well).
    """
    words = (m.group(0) for m in _WORD_RE.finditer(text))
    kept = islice((w for w in words if len(w) <= MAX_WORD_LENGTH), MAX_TOKENS)
    # The forms of a word are the same wherever it stands: computed once per word (a catalog import
    # indexes a hundred thousand documents from a few thousand distinct words).
    return list(dict.fromkeys(chain.from_iterable(_word_index_forms(w) for w in kept)))


def index_tokens_of_parts(parts: list[str]) -> list[str]:
    """``index_tokens(" ".join(parts))``, each part tokenised once and remembered: documents built from
    shared parts (capability labels and synonyms, a company's name) cost a dictionary look-up per part.
    A space ends every word, so parts never join into one; over MAX_TOKENS words it is the plain call."""
    cached = [_part_index_forms(part) for part in parts]
    if sum(count for _, count in cached) > MAX_TOKENS:
        return index_tokens(" ".join(parts))
    return list(dict.fromkeys(chain.from_iterable(forms for forms, _ in cached)))


@lru_cache(maxsize=20_000)
def _part_index_forms(part: str) -> tuple[tuple[str, ...], int]:
    words = [m.group(0) for m in _WORD_RE.finditer(part)]
    kept = [w for w in words if len(w) <= MAX_WORD_LENGTH]
    return tuple(dict.fromkeys(chain.from_iterable(_word_index_forms(w) for w in kept))), len(kept)


@lru_cache(maxsize=200_000)
def _word_index_forms(word: str) -> tuple[str, ...]:
    """The forms one word adds to a document, in order, without stopwords and one-letter forms (dropping
    them per word keeps the order of the rest, as filtering the whole document would)."""
    token = _token(word)
    seen: dict[str, None] = {}
    for form in sorted(token.forms):
        seen.setdefault(form, None)
    pieces = [p for p in re.split(r"[-–]", token.surface) if p]
    for piece in pieces if len(pieces) > 1 else [token.surface]:
        if len(pieces) > 1:
            for form in sorted(word_forms(piece)):
                seen.setdefault(form, None)
        for part in _compound_parts(piece[:1].upper() + piece[1:]):
            for form in sorted(word_forms(part)):
                seen.setdefault(form, None)
    return tuple(f for f in seen if len(f) >= 2 and f not in STOPWORDS)


def _query_words(text: str) -> list[str]:
    """The meaningful words of a query; a hyphenated word counts as its parts ("DATEV-Schnittstelle" ->
    DATEV, Schnittstelle), which documents are indexed under whether they hyphenate or not. A word with a
    one-letter part ("E-Rechnung") stays whole: the part alone says nothing."""
    words: list[str] = []
    for token in tokenize(text[:MAX_QUERY_LENGTH]):
        pieces = [p for p in re.split(r"[-–]", token.surface) if p]
        if len(pieces) > 1 and all(len(fold(p)) >= 2 for p in pieces):
            words.extend(p for p in pieces if not _token(p).is_stopword)
        elif not token.is_stopword and len(fold(token.surface)) >= 2:
            words.append(token.surface)
    return words


def _query_term(word: str) -> frozenset[str]:
    forms = set(word_forms(word))
    folded = fold(word)
    for head in _GENERIC_HEADS:
        if folded.endswith(head) and len(folded) - len(head) >= 3:
            modifier = word[: len(word) - len(head)].rstrip("-–")
            if modifier.lower().endswith("s") and len(modifier) > 4:
                forms |= word_forms(modifier[:-1])
            forms |= word_forms(modifier)
    return frozenset(f for f in forms if f)


def query_terms(text: str) -> list[frozenset[str]]:
    """One set of alternative forms per meaningful query word, at most MAX_QUERY_TERMS of them.

    Stopwords are dropped, hyphenated words split into their parts. A compound ending in a generic head
    ("Buchhaltungssoftware", "Kassensystem") also accepts its modifier, so that the query finds documents
    that only say "Buchhaltung" or "Kasse". Words that only name the kind of thing ("Software",
    "Schnittstelle", "Lösung") are left out when the query has other words: "Buchhaltungssoftware mit
    DATEV-Schnittstelle" asks for accounting and DATEV, whatever word a provider uses for the connection.
    Only the first MAX_QUERY_LENGTH characters are read, so the work and the database query stay small.
    """
    specific: list[frozenset[str]] = []
    generic: list[frozenset[str]] = []
    for word in _query_words(text):
        term = _query_term(word)
        (generic if term & _KIND_WORDS else specific).append(term)
    terms = list(dict.fromkeys(specific or generic))
    return terms[:MAX_QUERY_TERMS]
