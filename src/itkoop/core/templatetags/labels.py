"""Filters that show stored codes as words: countries and languages in the page's language; and lists of
named things (capabilities, tags) in the order of their names in that language; and the language of a text
that is not the page's."""

from django import template
from django.utils.safestring import mark_safe

from itkoop.core.countries import country_name, language_name
from itkoop.core.i18n import lang_attribute, written_language
from itkoop.core.selectors import label_sort_key

register = template.Library()


@register.filter
def country(code: str) -> str:
    """{{ solution.hosting_country|country }} -> "Deutschland" / "Germany"."""
    return country_name(code)


@register.filter
def countries(codes) -> str:
    """{{ company.export_markets|countries }} -> "Österreich, Schweiz"."""
    return ", ".join(country_name(code) for code in codes or [])


@register.filter
def languages(codes) -> str:
    """{{ company.languages|languages }} -> "Deutsch, Englisch"."""
    return ", ".join(language_name(code) for code in codes or [])


@register.filter
def by_label(items) -> list:
    """{% for cap in solution.capabilities.all|by_label %}: sorted by each one's ``label`` in the page's
    language (the database orders capabilities by their German label)."""
    return sorted(items or [], key=lambda item: label_sort_key(str(item.label)))


@register.filter
def lang_attr(value) -> str:
    """<p{{ company.localized_description|lang_attr }}>: ' lang="de"' where a German text stands on an English
    page (no English one was written), so screen readers read it in German (WCAG 3.1.2)."""
    return mark_safe(lang_attribute(value))  # noqa: S308 - only "de" or "en" (see lang_attribute)


@register.filter
def in_another_language(text) -> bool:
    """{% if text|in_another_language %}: five words or more and neither German nor English by their function
    words ("Nous avons besoin d'un logiciel ..."), so the page can say which languages it reads."""
    text = str(text or "")
    return len(text.split()) >= 5 and written_language(text) is None
