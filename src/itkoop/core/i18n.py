"""Texts kept in German and, where someone wrote one, in English: the one for the page, knowing its language.

A German text shown on an English page (no English version was written) must say so to screen readers and
translation tools (WCAG 2.1, 3.1.2 "Language of Parts"): ``in_page_language`` returns a ``LocalizedText``
that carries the language it is written in, and the ``lang_attr`` template filter (core/templatetags/
labels.py) writes ``lang="de"`` on the element that shows it when that differs from the page's language.
Texts people write into one field (a solution's description, a message) are in whichever language they
wrote: ``written_language`` tells German from English by their function words, so those are marked too.
"""

from __future__ import annotations

import functools
import re

from django.utils.translation import get_language

# The start of a text is enough to tell its language, and reading it stays linear and short.
_SAMPLE_CHARS = 600
_WORD = re.compile(r"[^\W\d_]+")


class LocalizedText(str):
    """A ``str`` that knows the language it is written in (``lang``: "de" or "en")."""

    lang: str

    def __new__(cls, value: str, lang: str) -> LocalizedText:
        text = super().__new__(cls, value)
        text.lang = lang
        return text


def page_language() -> str:
    """ "en" on English pages, else "de" (the site's language)."""
    return "en" if (get_language() or "de").startswith("en") else "de"


def in_page_language(german: str, english: str | None) -> LocalizedText:
    """The English text on English pages where one was written, else the German one."""
    if page_language() == "en" and english:
        return LocalizedText(english, "en")
    return LocalizedText(german or "", "de")


@functools.cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """German and English stop words (bm25s's lists) that are not words of the other language."""
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_GERMAN

    german, english = frozenset(STOPWORDS_GERMAN), frozenset(STOPWORDS_EN)
    return german - english, english - german


def written_language(text: str) -> str | None:
    """ "de" or "en" when the text's function words clearly say so (at least two, twice as many as the other
    language's), else None ("CRM Cloud Pro" says nothing)."""
    german, english = _function_words()
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    de = sum(word in german for word in words)
    en = sum(word in english for word in words)
    if de >= 2 and de >= 2 * en:
        return "de"
    if en >= 2 and en >= 2 * de:
        return "en"
    return None


def lang_attribute(value: object) -> str:
    """' lang="de"' (or "en") when ``value`` is a text in another language than the page's, else '': the
    language its words show, or the one of the field it was kept in (``LocalizedText``)."""
    text = str(value) if value is not None else ""
    if not text:
        return ""
    lang = written_language(text) or getattr(value, "lang", None)
    if not lang or lang == page_language():
        return ""
    return f' lang="{lang}"'
