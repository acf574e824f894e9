"""Train the need screen (itkoop.engine.need_screen) on the need corpora and print what it does.

    PYTHONPATH=src python bench/need_screen.py [--write]

Every corpus of bench/need.py but those kept as figures only (FIGURES_ONLY) is analysed by the rules alone
(``analyse_need(..., screened=False)``); each capability they read as wanted or set aside as named in passing
is a sample, meant as a need if the corpus expects it. A logistic model with an L2 penalty is fitted by
L-BFGS from zero weights, so the same corpora give the same weights. Printed:

* leave one corpus out: for each corpus of an outside writer that is read (needs_holdout6 and later,
  needs_colloquial, needs_tenders), a model trained on all other read corpora screens it; micro F1 over them
  with the rules alone and with the screen;
* the corpora kept as figures only, screened by the model trained on all read corpora.

A second model, of the systems the rules read as there, is trained the same way on the texts whose corpus
says which systems are there (``existing``), and printed the same way.

A third model, the proposer, weighs the text's words alone for each capability (one multi-label logistic
model, the same penalty). Its probabilities are features of the screen's model too: the screen is trained
on those of proposers that did not see the text's corpus (the read corpora split in five folds), as it meets
them at run time for a new text. Printed: what the proposer adds at PROPOSE to the screened rules, true and
false, on the read corpora of outside writers left out a fold at a time, and the figures-only corpora
screened and proposed by the models of all read corpora. Its weights below PROPOSER_MIN_WEIGHT are not
stored (on the corpora they moved about one proposal in a hundred).

``--write`` stores the three models in src/itkoop/engine/need_screen.json. Run it again when the rules or the
corpora change: the models weigh what the rules find.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from itkoop.engine import need_screen  # noqa: E402
from itkoop.engine.catalog import builtin_taxonomy_dict, taxonomy_from_dict  # noqa: E402
from itkoop.engine.need import analyse_need  # noqa: E402
from need import CORPORA  # noqa: E402

# read only for figures, never trained on: the estimate for texts of writers the rules never saw
FIGURES_ONLY = (
    "needs_holdout49.json",
    "needs_holdout50.json",
    "needs_holdout51.json",
    "needs_holdout76.json",
    "needs_holdout77.json",
    "needs_holdout78.json",
    "needs_holdout79.json",
)
MIN_COUNT = 3  # a feature seen in fewer samples gets no weight
PROPOSER_MIN_WEIGHT = 0.1
FOLDS = 5
C = 1.0  # inverse strength of the L2 penalty
_OUTSIDE = re.compile(r"needs_(holdout([6-9]|\d\d+)|colloquial|tenders)\.json")

Hits = list[tuple[str, float, list[str]]]


class Sample(NamedTuple):
    corpus: str
    text: str
    expected: set[str]
    wanted: Hits
    aside: Hits  # set aside by the focus rule as named in passing
    there: Hits  # read as systems there
    refused: set[str]
    expected_there: set[str] | None  # None: the corpus does not say
    # the proposer's probabilities for the text, by a proposer that did not see its corpus
    bag: dict[str, float] | None = None


def samples(paths: list[Path]) -> list[Sample]:
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    out = []
    for path in paths:
        for item in json.loads(path.read_text(encoding="utf-8")):
            analysis = analyse_need(item["text"], taxonomy, screened=False)
            out.append(
                Sample(
                    path.name,
                    item["text"],
                    set(item["expected"]),
                    [(h.id, h.score, list(h.evidence)) for h in analysis.capabilities],
                    [(h.id, h.score, list(h.evidence)) for h in analysis.in_passing],
                    [(h.id, h.score, list(h.evidence)) for h in analysis.existing],
                    {h.id for h in analysis.negated},
                    set(item["existing"]) if "existing" in item else None,
                )
            )
    return out


def _rows(data: list[Sample], kind: str) -> tuple[list[list[str]], list[bool]]:
    features, meant = [], []
    for s in data:
        if kind == "wanted":
            hits, labels, first_aside = [*s.wanted, *s.aside], s.expected, len(s.wanted)
        elif s.expected_there is not None:
            hits, labels, first_aside = s.there, s.expected_there, len(s.there)
        else:
            continue
        for k, (cap, _, _) in enumerate(hits):
            bag = s.bag if kind == "wanted" else None  # the systems' model weighs no proposer
            features.append(need_screen.hit_features(s.text, hits, k, aside=k >= first_aside, bag=bag))
            meant.append(cap in labels)
    return features, meant


def train(data: list[Sample], kind: str = "wanted") -> need_screen.Model:
    features, meant = _rows(data, kind)
    seen = Counter(f for row in features for f in set(row))
    vocabulary = {f: j for j, f in enumerate(sorted(f for f, n in seen.items() if n >= MIN_COUNT))}
    rows, cols = [], []
    for i, row in enumerate(features):
        for f in set(row) & vocabulary.keys():
            rows.append(i)
            cols.append(vocabulary[f])
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(features), len(vocabulary)))
    y = np.array(meant, dtype=float)

    def loss_and_gradient(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[1:] + w[0]
        # log(1 + e^z) - y z, written to stay finite for large |z|
        loss = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 / C * w[1:] @ w[1:]
        residual = 1.0 / (1.0 + np.exp(-z)) - y
        return loss, np.concatenate([[residual.sum()], x.T @ residual + w[1:] / C])

    w = minimize(loss_and_gradient, np.zeros(len(vocabulary) + 1), jac=True, method="L-BFGS-B").x
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    return float(w[0]), {f: float(w[j + 1]) for j, f in enumerate(names)}


def _counts(data: list[Sample], model: need_screen.Model | None, kind: str) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for s in data:
        if kind == "wanted":
            doubted, taken_up = (
                need_screen.screen(s.text, s.wanted, s.aside, model, s.bag) if model else (set(), set())
            )
            found = {cap for k, (cap, _, _) in enumerate(s.wanted) if k not in doubted}
            found |= {cap for k, (cap, _, _) in enumerate(s.aside) if k in taken_up}
            labels = s.expected
        elif s.expected_there is not None:
            doubted = need_screen.doubted_systems(s.text, s.there, model) if model else set()
            found = {cap for k, (cap, _, _) in enumerate(s.there) if k not in doubted}
            labels = s.expected_there
        else:
            continue
        tp += len(found & labels)
        fp += len(found - labels)
        fn += len(labels - found)
    return tp, fp, fn


def f1(counts: list[tuple[int, int, int]]) -> str:
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    p, r = tp / (tp + fp), tp / (tp + fn)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}"


def _stored(model: need_screen.Model) -> dict:
    bias, weights = model
    return {
        "bias": round(bias, 4),
        "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-4},
    }


def train_proposer(data: list[Sample]) -> need_screen.Proposer:
    """The proposer fitted to ``data``: one logistic model per capability over the text's words, fitted
    together by L-BFGS from zero weights."""
    features = [need_screen.text_features(s.text) for s in data]
    capabilities = sorted({cap for s in data for cap in s.expected})
    seen = Counter(f for row in features for f in row)
    vocabulary = {f: j for j, f in enumerate(sorted(f for f, n in seen.items() if n >= MIN_COUNT))}
    rows, cols = [], []
    for i, row in enumerate(features):
        for f in row & vocabulary.keys():
            rows.append(i)
            cols.append(vocabulary[f])
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data), len(vocabulary)))
    column = {cap: k for k, cap in enumerate(capabilities)}
    y = np.zeros((len(data), len(capabilities)))
    for i, s in enumerate(data):
        y[i, [column[cap] for cap in s.expected]] = 1.0
    shape = (len(vocabulary) + 1, len(capabilities))  # row 0: the biases

    def loss_and_gradient(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(shape)
        z = x @ w[1:] + w[0]
        loss = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 / C * np.sum(w[1:] ** 2)
        residual = 1.0 / (1.0 + np.exp(-z)) - y
        gradient = np.vstack([residual.sum(axis=0), x.T @ residual + w[1:] / C])
        return loss, gradient.ravel()

    w = minimize(loss_and_gradient, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B").x.reshape(shape)
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    weights = {
        f: {
            cap: round(float(w[j + 1, k]), 3)
            for cap, k in column.items()
            if abs(w[j + 1, k]) >= PROPOSER_MIN_WEIGHT
        }
        for j, f in enumerate(names)
    }
    return capabilities, [round(float(b), 4) for b in w[0]], {f: ws for f, ws in weights.items() if ws}


def _proposed(
    data: list[Sample], screen: need_screen.Model, proposer: need_screen.Proposer
) -> tuple[int, int]:
    """(true, false) capabilities the proposer adds to what the screened rules found in ``data``."""
    true = false = 0
    for s in data:
        doubted, taken_up = need_screen.screen(s.text, s.wanted, s.aside, screen, s.bag)
        found = {cap for k, (cap, _, _) in enumerate(s.wanted) if k not in doubted}
        found |= {cap for k, (cap, _, _) in enumerate(s.aside) if k in taken_up}
        there = {cap for cap, _, _ in s.there} - found
        seen = {cap for cap, _, _ in (*s.wanted, *s.aside)}  # weighed by the screen already
        taken = seen | s.refused | there
        added = {cap for cap, _, _ in need_screen.proposals(s.text, taken, proposer, s.bag)}
        true += len(added & s.expected)
        false += len(added - s.expected)
    return true, false


def _folds(training: list[Sample]) -> list[set[str]]:
    names = sorted({s.corpus for s in training})
    return [set(names[fold::FOLDS]) for fold in range(FOLDS)]


def _with_bags(
    data: list[Sample],
    folds: list[set[str]],
    proposers: list[need_screen.Proposer],
    final: need_screen.Proposer,
) -> list[Sample]:
    """``data`` with each text's proposer probabilities: of the proposer whose fold left its corpus out, and
    for the corpora kept as figures only of the proposer of all read corpora (as at run time)."""
    by_corpus = {name: proposer for held, proposer in zip(folds, proposers, strict=True) for name in held}
    return [
        s._replace(bag=need_screen.bag_probabilities(s.text, by_corpus.get(s.corpus, final))) for s in data
    ]


def _print_proposer(
    data: list[Sample], training: list[Sample], folds: list[set[str]], proposers: list[need_screen.Proposer]
) -> None:
    true = false = 0
    for held_out, proposer in zip(folds, proposers, strict=True):
        rest = [s for s in training if s.corpus not in held_out]
        held = [s for s in training if s.corpus in held_out and _OUTSIDE.fullmatch(s.corpus)]
        t, f = _proposed(held, train(rest), proposer)
        true, false = true + t, false + f
    outside = sum(1 for name in {s.corpus for s in training} if _OUTSIDE.fullmatch(name))
    print(f"== proposer: {outside} read corpora of outside writers, left out {FOLDS} folds at a time")
    print(f"added at {need_screen.PROPOSE}: {true} true, {false} false")


def _print_figures_only(data: list[Sample], training: list[Sample], final: need_screen.Proposer) -> None:
    screen = train(training)
    print("== figures only: screened and proposed by the models of all read corpora")
    totals = []
    for name in FIGURES_ONLY:
        held = [s for s in data if s.corpus == name]
        tp, fp, fn = _counts(held, screen, "wanted")
        true, false = _proposed(held, screen, final)
        totals.append((tp + true, fp + false, fn - true))
        print(f"{name:<24} {f1(totals[-1:])}   (proposed {true} true, {false} false)")
    print(f"{'together':<24} {f1(totals)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the models trained on all read corpora")
    args = parser.parse_args()
    read = [p for p in CORPORA if p.name not in FIGURES_ONLY]
    data = samples(CORPORA)
    training = [s for s in data if s.corpus not in FIGURES_ONLY]
    folds = _folds(training)
    proposers = [train_proposer([s for s in training if s.corpus not in held]) for held in folds]
    final = train_proposer(training)
    data = _with_bags(data, folds, proposers, final)
    training = [s for s in data if s.corpus not in FIGURES_ONLY]
    stored: dict = {"trained_on": [p.name for p in read]}
    for kind, title in (("wanted", "capabilities asked for"), ("existing", "systems there")):
        before, after = [], []
        for path in read:
            if not _OUTSIDE.fullmatch(path.name):
                continue
            held = [s for s in data if s.corpus == path.name]
            model = train([s for s in training if s.corpus != path.name], kind)
            before.append(_counts(held, None, kind))
            after.append(_counts(held, model, kind))
        print(f"== {title}: leave one corpus out, {len(before)} read corpora of outside writers")
        print(f"rules alone      {f1(before)}")
        print(f"with the screen  {f1(after)}")
        model = train(training, kind)
        print(f"== {title}: figures only, screened by the model of all {len(read)} read corpora")
        for name in FIGURES_ONLY:
            held = [s for s in data if s.corpus == name]
            print(
                f"{name:<24} rules alone {f1([_counts(held, None, kind)])}"
                f"   screened {f1([_counts(held, model, kind)])}"
            )
        stored[kind] = _stored(model)
    _print_proposer(data, training, folds, proposers)
    _print_figures_only(data, training, final)
    capabilities, biases, weights = final
    stored["proposed"] = {"capabilities": capabilities, "bias": biases, "weights": weights}
    if args.write:
        need_screen.MODEL_FILE.write_text(json.dumps(stored, ensure_ascii=False, indent=0) + "\n")
        sizes = ", ".join(f"{len(stored[kind]['weights'])} {kind}" for kind in ("wanted", "existing"))
        print(
            f"wrote {need_screen.MODEL_FILE.relative_to(ROOT)}: weights {sizes},"
            f" proposer {len(weights)} features"
        )


if __name__ == "__main__":
    main()
