"""`{% linked_data obj %}`: schema.org JSON-LD in a <script type="application/ld+json"> block.

Escaped like Django's json_script (<, > and & as \\u003C, \\u003E, \\u0026), so no text of a page (a company
name with "</script>" in it, say) can close the block or start markup. A JSON-LD block is data, not script:
the site's Content-Security-Policy (script-src 'self') does not run it and has no reason to block it."""

from __future__ import annotations

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def dumps_for_html(data: dict) -> str:
    """JSON that is safe inside a <script> element (json_script's escaping)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, sort_keys=False).translate(_ESCAPES)


@register.simple_tag
def linked_data(data: dict | None):
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumps_for_html(data)))  # noqa: S308
