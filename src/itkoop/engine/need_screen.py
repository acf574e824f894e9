"""A learned second look at the capabilities the rules of need.py read as wanted.

The rules read each word in its clause; what they cannot weigh is how often a word, in the company of its
neighbours and of the other things a text names, turns out to be meant as a need. A logistic model over
plain features (the capability, the words that named it, four words either side, how many things the text
names, whether it reads like a tender) gives each wanted hit a probability; a hit below THRESHOLD is moved
to ``in_passing``, where the need page shows it with a link to search it after all. The text's most
probable hit is never moved, so the screen never leaves a text understood as nothing, and a text of fewer
than MIN_WORDS words is read by the rules alone: its writer typed each word for the platform, where a
pasted notice or mail names much beside the need (the screen's gain on the corpora comes from those).

The weights come from the project's need corpora by ``bench/need_screen.py``, which also prints the model's
figures on corpora it did not see; the corpora kept as figures only are never trained on. Scoring is a sum of
dictionary lookups: linear in the text, no third-party code at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

__all__ = [
    "MIN_WORDS",
    "MODEL_FILE",
    "THRESHOLD",
    "Model",
    "doubtful",
    "hit_features",
    "probabilities",
    "stored_model",
]

MODEL_FILE = Path(__file__).resolve().parent / "need_screen.json"
THRESHOLD = 0.5
MIN_WORDS = 30

Model = tuple[float, Mapping[str, float]]  # bias, weight of each feature
Hits = Sequence[tuple[str, float, Sequence[str]]]  # capability id, score, evidence

_WORD = re.compile(r"\w+")
# words of a public notice or tender: the same word is meant otherwise there
_TENDER = re.compile(
    r"\b(?:los|lose|vergabe|auftraggeber|tender|cpv|lot|rahmenvertrag|leistungsbeschreibung)\b"
)
_CONTEXT_CHARS = 40
_CONTEXT_WORDS = 4
_EVIDENCE_PER_HIT = 3


def _bucket(value: float, edges: Sequence[float]) -> int:
    return next((i for i, edge in enumerate(edges) if value <= edge), len(edges))


def hit_features(text: str, hits: Hits, k: int) -> list[str]:
    """The features of hit ``k`` of ``hits`` (capability id, score, evidence) read from ``text``."""
    cap, score, evidence = hits[k]
    low = text.lower()
    features = [
        f"cap={cap}",
        f"ncaps={_bucket(len(hits), (1, 2, 3, 4, 6, 8, 11))}",
        f"len={_bucket(len(_WORD.findall(low)), (10, 25, 50, 100, 200))}",
        f"nev={_bucket(len(evidence), (1, 2, 3))}",
        f"score={_bucket(score, (0.5, 0.7, 0.85, 0.95))}",
    ]
    if _TENDER.search(low):
        features += ["tender", f"cap={cap}&tender"]
    for said in evidence[:_EVIDENCE_PER_HIT]:
        said = said.lower()
        features.append(f"ev={said}")
        at = low.find(said)
        if at < 0:
            continue
        features.append(f"pos={_bucket(at / len(low), (0.1, 0.3, 0.6))}")
        left = _WORD.findall(low[max(0, at - _CONTEXT_CHARS) : at])[-_CONTEXT_WORDS:]
        end = at + len(said)
        right = _WORD.findall(low[end : end + _CONTEXT_CHARS])[:_CONTEXT_WORDS]
        features += [f"l={w}" for w in left] + [f"r={w}" for w in right]
    return features


@cache
def stored_model() -> Model:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return data["bias"], data["weights"]


def probabilities(text: str, hits: Hits, model: Model | None = None) -> list[float]:
    """The probability that each hit is meant as a need, by ``model`` (default: the stored one)."""
    bias, weights = model or stored_model()
    out = []
    for k in range(len(hits)):
        # each feature counts once, as in training
        z = bias + sum(weights.get(f, 0.0) for f in set(hit_features(text, hits, k)))
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out


def doubtful(text: str, hits: Hits, model: Model | None = None) -> set[int]:
    """Indexes of the hits below THRESHOLD, never the most probable one nor any of a short text."""
    if not hits or len(_WORD.findall(text)) < MIN_WORDS:
        return set()
    p = probabilities(text, hits, model)
    best = max(range(len(p)), key=p.__getitem__)
    return {k for k, pk in enumerate(p) if pk < THRESHOLD and k != best}
