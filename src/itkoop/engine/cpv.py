"""CPV codes of public tenders -> capabilities of the taxonomy (registry/data/cpv_capabilities.json).

A public buyer classifies a lot by the Common Procurement Vocabulary: ``48000000-8`` software packages,
``72000000-5`` IT services, and their subclasses. The data maps codes of divisions 48 and 72 to capability
ids; a code not in it takes the mapping of its longest mapped prefix (the code with its trailing zeros
dropped), so ``48814500`` (casemix system) reads as ``48814000`` (medical information systems).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

__all__ = ["CPV_FILE", "CpvError", "capabilities_for_cpv", "cpv_inherits", "cpv_mapping"]

CPV_FILE = Path(__file__).resolve().parent.parent / "registry" / "data" / "cpv_capabilities.json"
# Eight digits, optionally the check digit after a hyphen ("48814100-7"); spaces around are ignored.
_CODE_RE = re.compile(r"^\s*(\d{8})(?:-\d)?\s*$")


class CpvError(ValueError):
    """The text is not a CPV code."""


def _prefix(code: str) -> str:
    """The part of a code that names its class: trailing zeros dropped, at least the division's two digits."""
    return code.rstrip("0").ljust(2, "0")


@cache
def cpv_mapping() -> dict[str, tuple[str, ...]]:
    """Class prefix -> capability ids, from the data file."""
    data = json.loads(CPV_FILE.read_text(encoding="utf-8"))
    return {_prefix(code): tuple(entry["capabilities"]) for code, entry in data["codes"].items()}


def _digits(code: str) -> str:
    """The eight digits of a CPV code; :class:`CpvError` for text that is no CPV code."""
    match = _CODE_RE.match(code)
    if match is None:
        raise CpvError(f"{code[:40]!r} is not a CPV code (eight digits, optionally '-' and a check digit)")
    return match.group(1)


def cpv_inherits(code: str) -> bool:
    """Whether a code's capabilities come from a class above it rather than from the code's own entry."""
    return _prefix(_digits(code)) not in cpv_mapping()


def capabilities_for_cpv(code: str) -> tuple[str, ...]:
    """Capability ids for a CPV code (longest mapped prefix); empty when no class above it is mapped or the
    nearest one is too broad to name a capability. Raises :class:`CpvError` for text that is no CPV code."""
    digits = _digits(code)
    mapping = cpv_mapping()
    for end in range(len(_prefix(digits)), 1, -1):
        found = mapping.get(digits[:end])
        if found is not None:
            return found
    return ()
