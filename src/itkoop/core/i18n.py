"""Texts kept in German and, where someone wrote one, in English: the one for the page, knowing its language.

A German text shown on an English page (no English version was written) must say so to screen readers and
translation tools (WCAG 2.1, 3.1.2 "Language of Parts"): ``in_page_language`` returns a ``LocalizedText``
that carries the language it is written in, and the ``lang_attr`` template filter (core/templatetags/
labels.py) writes ``lang="de"`` on the element that shows it when that differs from the page's language.
"""

from __future__ import annotations

from django.utils.translation import get_language


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


def lang_attribute(value: object) -> str:
    """' lang="de"' when ``value`` is a text in another language than the page's, else ''."""
    lang = getattr(value, "lang", None)
    if not lang or not str(value) or lang == page_language():
        return ""
    return f' lang="{lang}"'
