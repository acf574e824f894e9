"""URL converters: ids in paths are database ids, so a path id out of their range is no page (404).

Django's ``int`` converter takes any number of digits; a 30-digit id then reaches queries that SQLite cannot
bind (OverflowError, a 500). Every id in a URL uses ``<id:...>`` instead."""

from __future__ import annotations

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


def parse_id(value: str | None) -> int | None:
    """An id from a form or query value, or None when it is none: ASCII digits in the range of an id."""
    if not value or not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)
