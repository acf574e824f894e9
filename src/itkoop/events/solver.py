"""The meeting scheduler (itkoop.scheduler), imported at the first use of one of its names: it loads OR-Tools
and with it pandas, most of a second that every process would otherwise pay at start (a web worker, the
`itkoop` command) without scheduling anything. `from . import solver as scheduler` reads like the package."""

from __future__ import annotations

import importlib


def __getattr__(name: str):
    return getattr(importlib.import_module("itkoop.scheduler"), name)
