"""Filters that show stored codes as words: countries and languages in the page's language; and lists of
named things (capabilities, tags) in the order of their names in that language."""

from django import template

from itkoop.core.countries import country_name, language_name
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
