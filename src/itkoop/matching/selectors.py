"""Reads of the matching app that other apps and the `itkoop` command share: engine results presented with
names (see presenters.py, the one place where the engine's ids become names)."""

from __future__ import annotations

from .presenters import (
    Names,
    bundle_contributions,
    match_text,
    names_for,
    partners_text,
    present_bundle_snapshot,
    present_partners,
)

__all__ = [
    "Names",
    "bundle_contributions",
    "match_text",
    "names_for",
    "partners_text",
    "present_bundle_snapshot",
    "present_partners",
]
