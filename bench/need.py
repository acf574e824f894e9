"""Need analysis quality: precision, recall and F1 of analyse_need on the need corpora under tests/engine.

    PYTHONPATH=src python bench/need.py [-v]

needs_corpus.json (70 needs) was written before the engine; needs_holdout.json (20 needs) was written after
it and scored once before any change (F1 0.80), then used for general fixes (reversed verb phrases,
everyday words). Micro-averaged over all (text, capability) pairs; -v prints the misses. Never asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from itkoop.engine.catalog import builtin_taxonomy_dict, taxonomy_from_dict  # noqa: E402
from itkoop.engine.need import analyse_need  # noqa: E402

CORPORA = [ROOT / "tests" / "engine" / "needs_corpus.json", ROOT / "tests" / "engine" / "needs_holdout.json"]


def evaluate(path: Path, verbose: bool = False) -> dict[str, float]:
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    corpus = json.loads(path.read_text(encoding="utf-8"))
    print(f"== {path.name}")
    tp = fp = fn = 0
    started = time.perf_counter()
    per_lang: dict[str, list[int]] = {}
    for item in corpus:
        found = set(analyse_need(item["text"], taxonomy).capability_ids)
        expected = set(item["expected"])
        t, f, n = len(found & expected), len(found - expected), len(expected - found)
        tp, fp, fn = tp + t, fp + f, fn + n
        counts = per_lang.setdefault(item["lang"], [0, 0, 0])
        counts[0] += t
        counts[1] += f
        counts[2] += n
        if verbose and (found != expected):
            print(f"- {item['text'][:90]}")
            print(f"    missing {sorted(expected - found)}  extra {sorted(found - expected)}")
    elapsed = (time.perf_counter() - started) * 1000 / len(corpus)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    langs = ", ".join(f"{k}: {sum(1 for i in corpus if i['lang'] == k)}" for k in per_lang)
    print(f"needs: {len(corpus)}  ({langs})")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  ({elapsed:.1f} ms per text)")
    for lang, (t, f, n) in per_lang.items():
        p = t / (t + f) if t + f else 0.0
        r = t / (t + n) if t + n else 0.0
        print(f"  {lang}: precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}")
    return {"precision": precision, "recall": recall, "f1": f1}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every text with a miss")
    args = parser.parse_args()
    for corpus in CORPORA:
        evaluate(corpus, args.verbose)
