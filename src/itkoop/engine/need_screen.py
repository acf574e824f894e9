"""A learned second look at the capabilities the rules of need.py read as wanted or set aside.

The rules read each word in its clause; what they cannot weigh is how often a word, in the company of its
neighbours and of the other things a text names, turns out to be meant as a need. A logistic model over
plain features (the capability, the words that named it, four words either side, how many things the text
names and which, whether it reads like a tender, whether the rules' focus set it aside as named in passing)
gives each hit a probability. A wanted hit below THRESHOLD is moved to ``in_passing``, where the need page
shows it with a link to search it after all; a hit set aside at or above TAKE_UP is searched. The text's most
probable wanted hit is never moved, so the screen never leaves a text understood as nothing, and a text of
fewer than MIN_WORDS words is read by the rules alone: its writer typed each word for the platform, where
a pasted notice or mail names much beside the need (the screen's gain on the corpora comes from those).

A second model with the same features weighs the systems the rules read as already there: one it doubts
(below THRESHOLD, mostly a system named as where data comes from, or the business's own context) is no
longer reported as there (``doubted_systems``).

A third model reads what the rules cannot: a trouble told in plain words ("wo die Monteure grad sind", "die
Reifen mit Kreide beschriftet"). A bag of the text's words (and of the first and last five letters of long
words, which carry German compounds' parts) gives each capability a probability of being asked for; one at
or above PROPOSE that the rules neither found, set aside, refused nor read as there is proposed as wanted,
with the words that weighed most for it as evidence (``proposals``). Its probabilities are also features of
the screen's model for the wanted hits ("bag=3": the proposer holds the hit's capability 0.3 to 0.5
likely): a word the rules read as a need in a text whose words speak of something else is doubted more
readily.

The weights come from the project's need corpora by ``bench/need_screen.py``, which also prints the
models' figures on corpora they did not see; the corpora kept as figures only are never trained on.
Scoring is a sum of dictionary lookups: linear in the text, no third-party code at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from .text import fold

__all__ = [
    "MIN_WORDS",
    "MODEL_FILE",
    "PROPOSE",
    "TAKE_UP",
    "THRESHOLD",
    "Model",
    "Proposer",
    "bag_probabilities",
    "doubted_systems",
    "hit_features",
    "probabilities",
    "proposals",
    "read_by_models",
    "screen",
    "stored_model",
    "text_features",
]

MODEL_FILE = Path(__file__).resolve().parent / "need_screen.json"
THRESHOLD = 0.5
# a hit the rules' focus set aside is taken up only when the model is surer: that rule is right six times
# in seven on the corpora, the model's take-ups below 0.7 are right about half the time, and a wrong one
# builds offers on a thing not asked for where a missed one is offered to add with one click
TAKE_UP = 0.7
MIN_WORDS = 30
# a capability no rule read is proposed from the text's words from this probability on: beside the screened
# rules it adds three true capabilities for two false ones on the read corpora of outside writers left out of
# training, three for one on those kept as figures only (bench/need_screen.py)
PROPOSE = 0.5

Model = tuple[float, Mapping[str, float]]  # bias, weight of each feature
Hits = Sequence[tuple[str, float, Sequence[str]]]  # capability id, score, evidence

_WORD = re.compile(r"\w+")
# words of a public notice or tender: the same word is meant otherwise there
_TENDER = re.compile(
    r"\b(?:los|lose|vergabe|auftraggeber|tender|cpv|lot|rahmenvertrag|leistungsbeschreibung)\b"
)
_BAG_EDGES = (0.05, 0.15, 0.3, 0.5, 0.7, 0.9)  # sizes of the proposer's probability the screen tells apart
_CONTEXT_CHARS = 40
_CONTEXT_WORDS = 4
_EVIDENCE_PER_HIT = 3


def read_by_models(text: str) -> bool:
    """Whether the models read ``text`` at all: a text of fewer than MIN_WORDS words is left to the rules."""
    return len(_WORD.findall(text)) >= MIN_WORDS


def _bucket(value: float, edges: Sequence[float]) -> int:
    return next((i for i, edge in enumerate(edges) if value <= edge), len(edges))


def hit_features(
    text: str, hits: Hits, k: int, aside: bool = False, bag: Mapping[str, float] | None = None
) -> list[str]:
    """The features of hit ``k`` of ``hits`` (capability id, score, evidence) read from ``text``; ``aside``:
    the rules set it aside as named in passing; ``bag``: the proposer's probability of each capability in
    ``text`` (bag_probabilities), which the model weighs by its size."""
    cap, score, evidence = hits[k]
    low = text.lower()
    features = [
        f"cap={cap}",
        f"ncaps={_bucket(len(hits), (1, 2, 3, 4, 6, 8, 11))}",
        f"len={_bucket(len(_WORD.findall(low)), (10, 25, 50, 100, 200))}",
        f"nev={_bucket(len(evidence), (1, 2, 3))}",
        f"score={_bucket(score, (0.5, 0.7, 0.85, 0.95))}",
    ]
    if aside:
        features += ["aside", f"aside&cap={cap}"]
    if _TENDER.search(low):
        features += ["tender", f"cap={cap}&tender"]
    if bag and cap in bag and not aside:
        # only to doubt: a hit set aside names its word too, so the bag holds it likely for that word alone
        # ("the delivery date goes up on the school website"), and the focus rule has weighed that already
        size = _bucket(bag[cap], _BAG_EDGES)
        features.append(f"bag={size}")
    # what else the text names: training asked with a new system, a migration with a relaunch
    features += [f"cap={cap}&with={other}" for j, (other, _, _) in enumerate(hits) if j != k]
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
def _stored() -> dict:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def stored_model(kind: str = "wanted") -> Model:
    """The stored model of the capabilities asked for ("wanted") or of the systems there ("existing")."""
    return _stored()[kind]["bias"], _stored()[kind]["weights"]


def probabilities(
    text: str,
    wanted: Hits,
    aside: Hits = (),
    model: Model | None = None,
    bag: Mapping[str, float] | None = None,
) -> list[float]:
    """The probability that each hit, the wanted ones then those set aside, is meant as a need, by ``model``
    (default: the stored one) and with the proposer's probabilities ``bag``."""
    bias, weights = model or stored_model()
    hits = [*wanted, *aside]
    out = []
    for k in range(len(hits)):
        # each feature counts once, as in training
        features = set(hit_features(text, hits, k, aside=k >= len(wanted), bag=bag))
        z = bias + sum(weights.get(f, 0.0) for f in features)
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out


def screen(
    text: str,
    wanted: Hits,
    aside: Hits = (),
    model: Model | None = None,
    bag: Mapping[str, float] | None = None,
) -> tuple[set[int], set[int]]:
    """(indexes of the wanted hits below THRESHOLD, never the most probable one; indexes of the hits set
    aside at or above TAKE_UP); nothing in a text of fewer than MIN_WORDS words. ``bag``: as for
    probabilities."""
    if not wanted or not read_by_models(text):
        return set(), set()
    p = probabilities(text, wanted, aside, model, bag)
    best = max(range(len(wanted)), key=p.__getitem__)
    doubted = {k for k in range(len(wanted)) if p[k] < THRESHOLD and k != best}
    taken_up = {k - len(wanted) for k in range(len(wanted), len(p)) if p[k] >= TAKE_UP}
    return doubted, taken_up


def doubted_systems(text: str, existing: Hits, model: Model | None = None) -> set[int]:
    """Indexes of the systems the rules read as there that the model of systems there doubts (below
    THRESHOLD): mostly a system named as where data comes from or as the business's context, which the
    writer neither asks for nor keeps. Nothing in a text of fewer than MIN_WORDS words."""
    if not existing or not read_by_models(text):
        return set()
    p = probabilities(text, existing, (), model or stored_model("existing"))
    return {k for k, pk in enumerate(p) if pk < THRESHOLD}


# words too common to weigh for any capability: fewer than text.STOPWORDS on purpose, since words that search
# drops ("keine", "bereits", "neue", "suchen", "nur") weigh here (with text.STOPWORDS instead, measured with
# 71 read corpora: 3 more true and 8 more false proposals left out five folds at a time)
_STOPWORD_LIST = (
    "und oder der die das ein eine einen wir ich sie es ist sind mit fuer von zu auf in im an am unsere unser"
    " haben hat nicht auch noch the a and or of to for we is are it our"
)
_STOPWORDS = frozenset(_STOPWORD_LIST.split())
_FOLDED_WORD = re.compile(r"[a-z0-9]+")
_EVIDENCE_MIN_LETTERS = 4  # the shortest word quoted as what a proposal was read from
_LONG_WORD = 7  # from this length a word's first and last five letters are features of their own
_AFFIX = 5


def _word_features(word: str) -> tuple[str, ...]:
    if len(word) < 3 or word in _STOPWORDS:
        return ()
    if len(word) < _LONG_WORD:
        return (f"w:{word}",)
    return f"w:{word}", f"p:{word[:_AFFIX]}", f"s:{word[-_AFFIX:]}"


def text_features(text: str) -> set[str]:
    """The proposer's features of ``text``: its folded words and the affixes of its long words, each once."""
    return {f for word in _FOLDED_WORD.findall(fold(text)) for f in _word_features(word)}


Proposer = tuple[Sequence[str], Sequence[float], Mapping[str, Mapping[str, float]]]  # caps, biases, weights


def stored_proposer() -> Proposer:
    stored = _stored()["proposed"]
    return stored["capabilities"], stored["bias"], stored["weights"]


def bag_probabilities(text: str, model: Proposer | None = None) -> dict[str, float]:
    """The probability of each capability the proposer knows that the bag of ``text``'s words asks for."""
    capabilities, biases, weights = model or stored_proposer()
    z = dict(zip(capabilities, biases, strict=True))
    for feature in text_features(text):
        for cap, weight in weights.get(feature, {}).items():
            z[cap] += weight
    return {cap: 1.0 / (1.0 + math.exp(-value)) for cap, value in z.items()}


def proposals(
    text: str,
    taken: frozenset[str] | set[str],
    model: Proposer | None = None,
    bag: Mapping[str, float] | None = None,
) -> list[tuple[str, float, list[str]]]:
    """(capability id, probability, evidence words) of each capability outside ``taken`` (what the rules
    found, set aside, refused or read as there) that the bag of ``text``'s words gives at least PROPOSE,
    most probable first; nothing in a text of fewer than MIN_WORDS words, which its writer typed for the
    platform. ``bag``: bag_probabilities of ``text`` by ``model``, where already computed."""
    if not read_by_models(text):
        return []
    model = model or stored_proposer()
    bag = bag if bag is not None else bag_probabilities(text, model)
    proposed = [(cap, p) for cap, p in bag.items() if p >= PROPOSE and cap not in taken]
    if not proposed:
        return []
    # the features of each word as written, for the evidence
    said = {word: _word_features("".join(_FOLDED_WORD.findall(fold(word)))) for word in _WORD.findall(text)}
    return [
        (cap, probability, _evidence(said, cap, model[2]))
        for cap, probability in sorted(proposed, key=lambda row: -row[1])
    ]


def _evidence(
    said: Mapping[str, tuple[str, ...]], cap: str, weights: Mapping[str, Mapping[str, float]]
) -> list[str]:
    """The words (with their features, ``said``) that weigh most for ``cap``, at most _EVIDENCE_PER_HIT."""
    weight_of = {
        word: sum(weights.get(f, {}).get(cap, 0.0) for f in features) for word, features in said.items()
    }
    # a short word ("nur", "bar") may weigh, but quoted alone it tells the reader nothing
    telling = (w for w in weight_of if weight_of[w] > 0 and len(w) >= _EVIDENCE_MIN_LETTERS)
    ranked = sorted(telling, key=lambda w: -weight_of[w])
    return ranked[:_EVIDENCE_PER_HIT]
