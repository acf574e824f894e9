"""Filters that show stored codes as words: countries and languages in the page's language."""

from django import template

from itkoop.core.countries import country_name, language_name

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
