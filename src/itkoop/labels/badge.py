"""The embeddable SVG badge of a label. Every text in it is escaped (a label name is data the center edits);
the whole badge is one link to the verification page."""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

_COLOURS = {"valid": "#1a6b35", "future": "#1a6b35", "expired": "#8a1c1c"}


def render_badge(*, label: str, state: str, until: dt.date, link: str) -> str:
    if state == "expired":
        status = _("nicht mehr gültig")
    else:
        status = _("geprüft bis %(date)s") % {"date": date_format(until, "SHORT_DATE_FORMAT")}
    title = f"{label} – {status}"
    width = max(220, 8 * max(len(label), len(status)) + 24)
    colour = _COLOURS.get(state, "#8a1c1c")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{width}" height="56" viewBox="0 0 {width} 56" role="img" aria-labelledby="badge-title">'
        f'<title id="badge-title">{escape(title)}</title>'
        f'<a href="{escape(link)}" xlink:href="{escape(link)}" target="_top">'
        f'<rect width="{width}" height="56" rx="6" fill="{colour}"/>'
        f'<text x="12" y="23" fill="#ffffff" font-family="sans-serif" font-size="14" font-weight="bold">'
        f"{escape(label)}</text>"
        f'<text x="12" y="44" fill="#ffffff" font-family="sans-serif" font-size="12">{escape(status)}</text>'
        "</a></svg>"
    )
