"""Helpers for tests of schema.org JSON-LD: the block out of a page, and the page's visible text."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def linked_data_of(html: str) -> dict:
    """The page's one JSON-LD block, parsed."""
    blocks = BLOCK.findall(html)
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return json.loads(blocks[0])


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.h1: list[str] = []
        self._skip = 0
        self._in_h1 = False
        self._in_badge = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "h1":
            self._in_h1 = True
        if tag == "span" and self._in_h1 and "badge" in (dict(attrs).get("class") or ""):
            self._in_badge = True

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag == "span":
            self._in_badge = False

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._in_h1 and not self._in_badge:
            self.h1.append(data)


def page_text(html: str) -> tuple[str, str]:
    """(the h1's own text without badges, all visible text of the page), whitespace collapsed."""
    parser = _Text()
    parser.feed(html)
    squash = lambda parts: re.sub(r"\s+", " ", unescape("".join(parts))).strip()  # noqa: E731
    return squash(parser.h1), squash(parser.parts)
