"""URL converters: ids in paths are database ids, so a path id out of their range is no page (404).

Django's ``int`` converter takes any number of digits; a 30-digit id then reaches queries that SQLite cannot
bind (OverflowError, a 500). Every id in a URL uses ``<id:...>`` instead. The ids of companies and solutions
(a catalog file's own strings) use ``<extid:...>``: exactly the pattern of shared/spec/catalog.schema.json, so
every id the registry holds has a URL and a path segment that is no such id is no page."""

from __future__ import annotations

import re

MAX_ID = 2**63 - 1  # the largest BigAutoField value


class IdConverter:
    regex = "[0-9]{1,18}"  # 18 digits always fit in a signed 64-bit integer

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(value)  # the resolver then tries the next pattern, and answers 404
        return number

    def to_url(self, value: int) -> str:
        return str(value)


# The catalog schema's id pattern (companies and solutions), without anchors; at most 128 characters.
EXTERNAL_ID_REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}"
EXTERNAL_ID_MAX_LENGTH = 128


def is_external_id(value: object) -> bool:
    """Whether a string is a valid company or solution id (one path segment of a URL, ASCII only)."""
    return isinstance(value, str) and re.fullmatch(EXTERNAL_ID_REGEX, value, flags=re.ASCII) is not None


class ExternalIdConverter:
    regex = EXTERNAL_ID_REGEX

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def parse_id(value: str | None) -> int | None:
    """An id from a form or query value, or None when it is none: ASCII digits in the range of an id."""
    if not value or not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)
