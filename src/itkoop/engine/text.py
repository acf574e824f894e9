"""German and English text normalisation for need analysis and catalog search.

Two entry points are shared with the web app's catalog search:

* :func:`index_tokens` turns a document (company or solution text) into the normalised forms it is indexed
  under: the folded word, its German and English lemmas, and the parts of German compounds
  ("Buchhaltungssoftware" -> buchhaltungssoftware, buchhaltung, software).
* :func:`query_terms` turns a search query into one set of alternative forms per meaningful word; a document
  matches a term when it was indexed under any of the forms.

Forms are lower-cased and folded (ä -> ae, ß -> ss, accents dropped) so that "fuer" and "für" agree.
Lemmas come from simplemma (no model download); compound parts from CharSplit (package compound-split).
CharSplit's German tables cost seconds and a few hundred MB to load, and only indexing a document splits
compounds (need analysis and query terms never do): they are loaded at the first split, not at import, and
its Dutch tables, which the package imports beside the German ones, are never loaded. simplemma decodes its
German and English dictionaries (1.3 million entries, about 1.5 s) at the first lemma; a short-lived process
(the `itkoop match` command) calls :func:`use_lemma_store` to look lemmas up in an SQLite copy of the same
dictionaries instead, built once into a cache directory: the same lemmas, a few microseconds each.

The work per text is bounded, because texts come from anyone (a need typed on a public page, a company
description): a run of more than :data:`MAX_WORD_LENGTH` letters is no word of either language and is skipped,
only words of at most :data:`MAX_COMPOUND_LENGTH` letters are split as compounds (CharSplit costs about the
cube of a word's length), and only the first :data:`MAX_TOKENS` words of a text are read.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import sqlite3
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from types import ModuleType

import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY, DictionaryFactory

__all__ = [
    "MAX_COMPOUND_LENGTH",
    "MAX_QUERY_LENGTH",
    "MAX_QUERY_TERMS",
    "MAX_TOKENS",
    "MAX_WORD_LENGTH",
    "STOPWORDS",
    "Token",
    "build_lemma_store",
    "fold",
    "index_tokens",
    "index_tokens_of_parts",
    "is_known_word",
    "query_terms",
    "tokenize",
    "use_lemma_store",
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


LEMMA_LANGUAGES = ("de", "en")


class _Lemmas:
    """simplemma's lemmatizer and dictionary look-up over one source of its dictionaries."""

    def __init__(self, factory: DictionaryFactory) -> None:
        strategy = DefaultStrategy(dictionary_factory=factory)
        self.lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=strategy)
        self.lookup = DictionaryLookupStrategy(factory)


_lemmas = _Lemmas(DEFAULT_DICTIONARY_FACTORY)  # simplemma's own: decoded into memory at the first use


class _StoredDictionary(Mapping[str, str]):
    """One language's lemma dictionary read from an SQLite file (keys and values as simplemma has them)."""

    def __init__(self, path: Path, lang: str) -> None:
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._lang = lang

    def get(self, key: str, default=None):  # type: ignore[override] - simplemma's hot path
        with self._lock:
            row = self._db.execute(
                "SELECT lemma FROM lemmas WHERE lang = ? AND word = ?", (self._lang, key)
            ).fetchone()
        return row[0] if row else default

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            rows = self._db.execute("SELECT word FROM lemmas WHERE lang = ?", (self._lang,)).fetchall()
        return iter(row[0] for row in rows)

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM lemmas WHERE lang = ?", (self._lang,)).fetchone()[0]


class _StoredDictionaries:
    """simplemma's DictionaryFactory over the SQLite file (see use_lemma_store)."""

    def __init__(self, path: Path) -> None:
        self._dictionaries = {lang: _StoredDictionary(path, lang) for lang in LEMMA_LANGUAGES}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        try:
            return self._dictionaries[lang]
        except KeyError:
            raise ValueError(f"no stored lemmas for {lang!r}") from None


def lemma_store_path(directory: str | os.PathLike) -> Path:
    """The store's file in `directory`, named for the simplemma release whose dictionaries it holds."""
    return Path(directory) / f"lemmas-simplemma-{simplemma.__version__}.sqlite3"


def build_lemma_store(directory: str | os.PathLike) -> Path:
    """Writes simplemma's German and English dictionaries into the store's file (once: about 5 s)."""
    path = lemma_store_path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lemmas-", suffix=".tmp")
    os.close(fd)
    try:
        with contextlib.closing(sqlite3.connect(tmp)) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("CREATE TABLE lemmas (lang TEXT, word TEXT, lemma TEXT, PRIMARY KEY (lang, word))")
            for lang in LEMMA_LANGUAGES:
                dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
                db.executemany(
                    "INSERT INTO lemmas VALUES (?, ?, ?)", ((lang, k, dictionary[k]) for k in dictionary)
                )
            db.commit()
        os.replace(tmp, path)  # another process sees the whole file or none
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def use_lemma_store(directory: str | os.PathLike | None) -> None:
    """Looks lemmas up in the SQLite store in `directory` (built now if missing) instead of decoding
    simplemma's dictionaries into memory: for processes that lemmatise a few words and stop. None goes back
    to simplemma's own dictionaries."""
    global _lemmas
    if directory is None:
        _lemmas = _Lemmas(DEFAULT_DICTIONARY_FACTORY)
    else:
        path = lemma_store_path(directory)
        if not path.exists():
            build_lemma_store(directory)
        _lemmas = _Lemmas(_StoredDictionaries(path))
    for cache in (word_forms, _token, _word_index_forms, _part_index_forms, _compound_parts):
        cache.cache_clear()


def is_known_word(word: str, lang: str) -> bool:
    """Whether the word (as written) is in simplemma's dictionary of the language (simplemma.is_known)."""
    return _lemmas.lookup.get_lemma(unicodedata.normalize("NFC", word), lang) is not None


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> frozenset[str]:
    """All normalised forms of one word: folded surface, German lemma, English lemma (each folded)."""
    lemmatizer = _lemmas.lemmatizer
    forms = {fold(word)}
    for candidate in {word, word[:1].upper() + word[1:]}:
        forms.add(fold(lemmatizer.lemmatize(candidate, lang="de")))
    forms.add(fold(lemmatizer.lemmatize(word.lower(), lang="en")))
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


# Invisible characters that cut a word in two: a soft hyphen (PDFs) and zero-width spaces and joiners.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def tokenize(text: str) -> list[Token]:
    """Split a text into tokens; hyphenated words ("E-Rechnung", "B2B-Portal") stay one token.

    The text is read in Unicode NFC first: text pasted from macOS or a PDF spells "ü" as "u" plus a combining
    diaeresis (NFD), which would otherwise cut "Lösung" into "Lo" and "sung"; soft hyphens and zero-width
    characters are dropped ("Waren\u00adwirtschaft" is one word). Runs of more than
    MAX_WORD_LENGTH characters are skipped and at most MAX_TOKENS tokens are returned."""
    words = list(
        islice(
            (
                m.group(0)
                for m in _WORD_RE.finditer(unicodedata.normalize("NFC", text).translate(_INVISIBLE))
                if len(m.group(0)) <= MAX_WORD_LENGTH
            ),
            MAX_TOKENS,
        )
    )
    # "We'd like", "I'd love": the "d" split off at the apostrophe is "would"
    return [
        _token(written)
        for k, w in enumerate(words)
        for written in (
            ("would",)
            if w == "d" and k and words[k - 1].lower() in _SUBJECT_PRONOUNS
            # the dialects' "net" after a German word: "die wolle mir net", "kommen mir net ins Haus"
            else ("nicht",)
            if w == "net" and k and words[k - 1].lower() in _BEFORE_A_DIALECT_NOT
            else _SPOKEN.get(w.lower(), (w,))
        )
    ]


_SUBJECT_PRONOUNS = frozenset(["i", "we", "you", "they", "he", "she"])
_BEFORE_A_DIALECT_NOT = frozenset(
    [
        *("mir", "wir", "ich", "isch", "des", "das", "geht", "gehts", "kommen", "komme", "wolle", "will"),
        *("hab", "hann", "hammer", "brauche", "brauchen", "mag", "aach", "och", "sie", "es", "ist", "kann"),
    ]
)
# Negations as people type what they say ("Eine App brauch ich nich", "Eine Homepage haben wir garkeine")
_SPOKEN = {
    "nich": ("nicht",),
    "garnich": ("gar", "nicht"),
    "garnicht": ("gar", "nicht"),
    "garkein": ("gar", "kein"),
    "garkeine": ("gar", "keine"),
    "garkeinen": ("gar", "keinen"),
    "garkeinem": ("gar", "keinem"),
    "garkeiner": ("gar", "keiner"),
}


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


_UNUSED_SPLIT_TABLES = "compound_split.nl_ngram_probs"  # Dutch: imported by char_split, never asked for
_splitter_lock = threading.Lock()


def _defer_module(name: str) -> None:
    """Puts a stand-in for module `name` into sys.modules that executes the real module only when one of its
    names is read (never, for the Dutch tables: the splitter reads them only for lang="nl"); a module already
    imported stays as it is."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    stand_in = ModuleType(name, f"{name}, executed at the first use of one of its names")
    lock = threading.Lock()

    def load(attr: str):
        with lock:
            if "__file__" not in stand_in.__dict__:
                real = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(real)
                stand_in.__dict__.update(real.__dict__)
        if attr in stand_in.__dict__:
            return stand_in.__dict__[attr]
        raise AttributeError(f"module {name!r} has no attribute {attr!r}")

    stand_in.__getattr__ = load  # type: ignore[method-assign] - PEP 562: called for names not (yet) there
    sys.modules[name] = stand_in


_char_split: ModuleType | None = None


def char_splitter() -> ModuleType:
    """CharSplit's module with its German tables, loaded once per process under a lock (a web worker's
    threads may index documents at the same time)."""
    global _char_split
    if _char_split is None:
        with _splitter_lock:
            if _char_split is None:
                _defer_module(_UNUSED_SPLIT_TABLES)
                from compound_split import char_split

                _char_split = char_split
    return _char_split


def _cuts(word: str, offset: int = 0, threshold: float = 0.3) -> list[int]:
    """Cut positions of a compound; inner parts are split again only when CharSplit is confident."""
    if len(word) < 8 or len(word) > MAX_COMPOUND_LENGTH or not word.isalpha():
        return []
    score, left, right = char_splitter().split_compound(word)[0]
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
