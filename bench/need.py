"""Need analysis quality: precision, recall and F1 of analyse_need on the need corpora under tests/engine.

    PYTHONPATH=src python bench/need.py [-v] [corpus.json ...]

needs_corpus.json (70 needs) was written before the engine; needs_holdout.json (20 needs) was written after
it and scored once before any change (F1 0.80), then used for general fixes (reversed verb phrases,
everyday words). needs_kinds.json (98 needs in the kinds customers and public buyers write: crafts, care,
logistics, hospitality, tenders; typos, English mixed in, negations, existing systems, one-liners, long texts)
was written with its expected capabilities before the analyser ran on it (see needs_kinds.md).
needs_lots.json (54 public IT procurement lots: TED/Vergabeplattform wording, CPV codes, boilerplate) and
needs_everyday.json (43 SME needs of the weak kinds crafts, hospitality, logistics in everyday wording) were
written and committed before the analysis rules changed for them; needs_fresh.json (44 needs, 20 of them lots)
after those changes and before the analyser ran on it (then used for further rules); needs_fresh2.json (30
needs, 12 of them lots) after all of them (two rules followed its misses), needs_fresh3.json (30 needs, 12 of
them lots) after the last rule of that round. needs_holdout4.json (52 needs: lots, crafts, medical-care,
logistics, hospitality, associations, municipalities) was written and scored (F1 0.650) before the next round
of general rules, which it then guided; needs_holdout5.json (23 needs) was written after that round, and its
first figure, F1 0.690, was the estimate for texts written by others until a later round of general rules
used its misses (0.790 after). needs_holdout7.json (40 needs) was written by a writer who saw neither the
analyser nor any earlier corpus, committed before that round, and run once after it: F1 0.590 (0.581 on
the engine before the round). Two more outside writers followed: needs_holdout6.json (60 needs, first run
0.577) guided the next round of general rules, needs_holdout8.json (60 needs, first run 0.547) first decided
which of them stayed, then guided rules too; needs_holdout7.json, still untouched, moved from 0.590 to 0.611:
the estimate for texts written by others (see needs_lots.md). In the next round needs_holdout10.json (60
needs by a fifth writer, first run 0.635) was read as figures only, to keep or drop rules made on
needs_holdout6 and needs_holdout8; needs_holdout7 and needs_holdout9.json (a fourth writer's) stayed
untouched: 0.611 -> 0.622 and 0.570 -> 0.595. Then the focus rule (made on needs_holdout6 and 8, kept by
needs_holdout10's figures) moved the two untouched corpora together from 0.606 to 0.634 (0.622 -> 0.581,
0.595 -> 0.677); its losses there exempted data migration and training, and with the fixes a new-user probe
asked for it stands at 0.629 and 0.698. needs_holdout11.json (60 needs by a sixth outside writer) was
committed and run once on the engine before the next round: F1 0.664; in that round rules were made on
needs_holdout6 to 10 and needs_holdout11's figures only kept or dropped them (0.677 at its end; 0.683 after
the next such round, 0.691 after the one after it; see needs_lots.md). needs_holdout12.json (60 needs by a
seventh outside writer) was committed and run once on the engine before the next round (F1 0.691), in which
needs_holdout11's misses were read too and needs_holdout12's figures only kept or dropped rules (0.718 at
its end). needs_holdout13.json (60 needs by an eighth outside writer) arrived during the round after: 0.713
on the engine of the round's start, 0.721 on the engine it arrived at; from then on needs_holdout12 is read
and needs_holdout13 kept as figures only. needs_holdout14.json (60 needs by a ninth outside writer) arrived
in the round after: 0.722 on the engine of the round's start, 0.738 on the engine it arrived at; from then
on needs_holdout13 is read and needs_holdout14 kept as figures only. Its colloquial texts scored 0.50 (its
figures), so needs_colloquial.json (40 phone messages, dictations and chats by another outside writer) was
committed and run once (0.720 on the engine of that round's start, 0.724 on the engine it arrived at), then
read for rules. needs_holdout15.json (60 needs by a tenth outside writer) scored 0.725 on the engine of the
next round's start and on the engine it arrived at; from then on needs_holdout14 is read and needs_holdout15
kept as figures only. Its public lots' precision (0.535) was the weakest figure, so needs_tenders.json (40
public IT notices and lots by another outside writer, English TED notices among them) was committed and run
once (0.690), then read for rules. needs_holdout16.json (60 needs by an eleventh outside writer) scored 0.742
on the engine of the next round's start and on the engine it arrived at; from then on needs_holdout15 is
read and needs_holdout16 kept as figures only. needs_holdout17.json (60 needs by a twelfth outside writer)
scored 0.700 on the engine of the next round's start and on the engine it arrived at; from then on
needs_holdout16 is read and needs_holdout17 kept as figures only. needs_holdout18.json (60 needs by a
thirteenth outside writer) scored 0.738 on the engine of the next round's start and 0.754 on the engine it
arrived at; from then on needs_holdout17 is read and needs_holdout18 kept as figures only.
needs_holdout19.json (60 needs by a fourteenth outside writer) scored 0.651 on the engine of the next
round's start and on the engine it arrived at (0.667 at that round's end); from then on needs_holdout18 is
read and needs_holdout19 kept as figures only. needs_holdout20.json (60 needs by a fifteenth outside
writer) arrived at that round's end: 0.764 on the engine of the round's start, 0.773 on the engine it
arrived at; from then on needs_holdout19 is read and needs_holdout20 kept as figures only.
needs_holdout21.json (60 needs by a sixteenth outside writer) arrived in the round after: 0.760 on the
engine of the round's start and on the engine it arrived at; it is kept as figures only.
needs_holdout22.json (60 needs by a seventeenth outside writer) arrived in the round after: 0.688 on the
engine of the round's start and on the engine it arrived at; from then on needs_holdout20 is read and
needs_holdout21 and needs_holdout22 kept as figures only. needs_holdout23.json (60 needs by an
eighteenth outside writer) arrived in the round after: 0.746 on the engine of the round's start (55e4099)
and on the engine it arrived at (7bbe204); from then on needs_holdout21 is read and needs_holdout22 and
needs_holdout23 kept as figures only. needs_holdout24.json (60 needs by a nineteenth outside writer)
arrived with the learned screen: 0.719 on the rules of the round's start (9788433), 0.781 on the screened
engine it arrived at (e61aa09); from then on needs_holdout22 is read and needs_holdout23 and
needs_holdout24 kept as figures only. Three more writers followed in the same round (needs_holdout25, 26
and 27): 0.748, 0.717 and 0.699 on those rules, 0.813, 0.769 and 0.740 on the screened engine they arrived
at (2303ab0, 51db3cb); from then on needs_holdout23, 24 and 25 are read and needs_holdout26 and 27 kept as
figures only. needs_holdout28 and 29 (two more writers) scored 0.762 and 0.783 on those rules, 0.825 and
0.842 on the screened engine they arrived at (4b4d358, bb2bfbf); from then on needs_holdout26 and 27 are
read and needs_holdout28 and 29 kept as figures only. needs_holdout30 and 31 (two more writers) scored
0.696 and 0.661 on those rules, 0.776 and 0.778 on the screened engine they arrived at (19cc1c4); from then
on needs_holdout28 and 29 are read and needs_holdout30 and 31 kept as figures only. needs_holdout32 and 33
(two more writers) scored 0.695 and 0.765 on those rules, 0.768 and 0.837 on the screened engine they
arrived at (4117544, df2ecd4); from then on needs_holdout30 and 31 are read and needs_holdout32 and 33 kept
as figures only. needs_holdout34 and 35 (two more writers) scored 0.698 and 0.764 on those rules, 0.763 and
0.820 on the screened engine they arrived at (89f6af4, a6da351); from then on needs_holdout32 and 33 are
read and needs_holdout34 and 35 kept as figures only. needs_holdout36 and 37 (two more writers) scored
0.669 and 0.693 on those rules, 0.784 and 0.802 on the screened engine they arrived at (99cc0e9, dcfdebb);
from then on needs_holdout34 and 35 are read and needs_holdout36 and 37 kept as figures only.
needs_holdout38 to 43 (six more writers) scored 0.702, 0.712, 0.752, 0.664, 0.688 and 0.719 on those rules,
0.749, 0.756, 0.811, 0.750, 0.798 and 0.829 on the screened engine they arrived at (aaef704); from then on
needs_holdout36 to 41 are read and needs_holdout42 and 43 kept as figures only. needs_holdout44 to 47 (four
more writers) scored 0.721, 0.701, 0.701 and 0.748 on those rules, 0.768, 0.809, 0.819 and 0.836 on the
screened engine they arrived at (88f74d0); from then on needs_holdout42 and 43 are read and needs_holdout44
to 47 kept as figures only (four, for a steadier estimate). needs_holdout48 to 51 (four more writers, one of
them writing down problems in plain words rather than the products that solve them) scored 0.622, 0.786,
0.710 and 0.690 on the rules of that time, 0.639, 0.846, 0.830 and 0.816 on the screened engine they
arrived at (7edbfab); from then on needs_holdout44 to 47 are read and needs_holdout48 to 51 kept as figures
only. needs_holdout52 and 53 (two writers asked to write most needs as problems in plain words, as 48 did)
scored 0.533 and 0.544 on the rules of the round's start, 0.671 and 0.576 on the screened engine they
arrived at (1f8626a); from then on needs_holdout48 is read and needs_holdout49 to 53 kept as figures only.
needs_holdout54 to 57 (four writers asked to write most needs as problems in plain words, public lots among
them as functional specifications) scored 0.426, 0.393, 0.395 and 0.431 on the rules of the round's start,
0.493, 0.408, 0.425 and 0.472 on the screened engine they arrived at (810873a); from then on needs_holdout52
to 55 are read and needs_holdout49 to 51, 56 and 57 kept as figures only. needs_holdout58 and 59 (two more
such writers) scored 0.384 and 0.431 on the rules of the round's start, 0.491 and 0.507 on the engine they
arrived at (43321f8; 0.403 and 0.454 on the engine before the plain-words rules, 810873a); they are kept as
figures only. needs_holdout60 to 63 (four more such writers) scored 0.590, 0.535, 0.569 and 0.504 on the
engine before the plain-words rules (810873a), 0.684, 0.627, 0.680 and 0.567 on the engine they arrived at
(e82a5c7); from then on needs_holdout56 and 57 are read and needs_holdout49 to 51 and 58 to 63 kept as
figures only; late in that round needs_holdout58 and 59 were read too, and needs_holdout49 to 51 and 60 to
63 stay figures only. needs_holdout64 to 67 (four more such writers, heavier in dialect, typos and
dictation) scored 0.511, 0.496, 0.464 and 0.435 on the engine they arrived at (1314e0b); from then on
needs_holdout60 to 63 are read and needs_holdout49 to 51 and 64 to 67 kept as figures only.
needs_holdout68 to 71 (four more writers: terse notes with English jargon, forwarded e-mails, a learner's
German, a retired civil servant's formal German) scored 0.587, 0.660, 0.645 and 0.569 on the engine they
arrived at (f5ef847); from then on needs_holdout64 to 67 are read and needs_holdout49 to 51 and 68 to 71
kept as figures only. needs_holdout72 to 75 (four more writers: a system house's CRM notes, voice messages
from the Ruhr area, a retired hospital administrator's structured German, a plumber's blunt complaints)
scored 0.616, 0.606, 0.588 and 0.519 on the engine they arrived at (6089e8f); from then on needs_holdout68
to 71 are read and needs_holdout49 to 51 and 72 to 75 kept as figures only. needs_holdout76 to 79 (four
more writers: a trade association's contact forms and call notes from the Emsland, a Leipzig founder-coach's
session notes, an Allgäu insurance broker's long letters, a Bremen freelancer's support tickets) scored 0.629,
0.725, 0.730 and 0.683 on the engine they arrived at (82c48f5); from then on needs_holdout72 to 75 are read
and needs_holdout49 to 51 and 76 to 79 kept as figures only.

Since then analyse_need ends with a learned screen (itkoop.engine.need_screen, trained by bench/need_screen.py
on every corpus here but those kept as figures only), and since needs_holdout64 to 67 with a proposer of
what no rule found, trained the same way: on the corpora they were trained on the figures below are
in-sample; bench/need_screen.py prints its figures on corpora it did not see (leave one corpus out).

Micro-averaged over all (text, capability) pairs, per corpus, per language, per ``kind`` and per ``style``
when the corpus gives them; where entries name ``not_wanted`` or ``existing``, the capabilities the analysis
reads as refused or as already there are scored against those too. -v prints the misses. Never asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from itkoop.engine.catalog import builtin_taxonomy_dict, taxonomy_from_dict  # noqa: E402
from itkoop.engine.need import analyse_need  # noqa: E402

CORPORA = [
    ROOT / "tests" / "engine" / name
    for name in (
        "needs_corpus.json",
        "needs_holdout.json",
        "needs_kinds.json",
        "needs_lots.json",
        "needs_everyday.json",
        "needs_fresh.json",
        "needs_fresh2.json",
        "needs_fresh3.json",
        "needs_holdout4.json",
        "needs_holdout5.json",
        "needs_holdout6.json",
        "needs_holdout7.json",
        "needs_holdout8.json",
        "needs_holdout9.json",
        "needs_holdout10.json",
        "needs_holdout11.json",
        "needs_holdout12.json",
        "needs_holdout13.json",
        "needs_holdout14.json",
        "needs_holdout15.json",
        "needs_holdout16.json",
        "needs_holdout17.json",
        "needs_holdout18.json",
        "needs_holdout19.json",
        "needs_holdout20.json",
        "needs_holdout21.json",
        "needs_holdout22.json",
        "needs_holdout23.json",
        "needs_holdout24.json",
        "needs_holdout25.json",
        "needs_holdout26.json",
        "needs_holdout27.json",
        "needs_holdout28.json",
        "needs_holdout29.json",
        "needs_holdout30.json",
        "needs_holdout31.json",
        "needs_holdout32.json",
        "needs_holdout33.json",
        "needs_holdout34.json",
        "needs_holdout35.json",
        "needs_holdout36.json",
        "needs_holdout37.json",
        "needs_holdout38.json",
        "needs_holdout39.json",
        "needs_holdout40.json",
        "needs_holdout41.json",
        "needs_holdout42.json",
        "needs_holdout43.json",
        "needs_holdout44.json",
        "needs_holdout45.json",
        "needs_holdout46.json",
        "needs_holdout47.json",
        "needs_holdout48.json",
        "needs_holdout49.json",
        "needs_holdout50.json",
        "needs_holdout51.json",
        "needs_holdout52.json",
        "needs_holdout53.json",
        "needs_holdout54.json",
        "needs_holdout55.json",
        "needs_holdout56.json",
        "needs_holdout57.json",
        "needs_holdout58.json",
        "needs_holdout59.json",
        "needs_holdout60.json",
        "needs_holdout61.json",
        "needs_holdout62.json",
        "needs_holdout63.json",
        "needs_holdout64.json",
        "needs_holdout65.json",
        "needs_holdout66.json",
        "needs_holdout67.json",
        "needs_holdout68.json",
        "needs_holdout69.json",
        "needs_holdout70.json",
        "needs_holdout71.json",
        "needs_holdout72.json",
        "needs_holdout73.json",
        "needs_holdout74.json",
        "needs_holdout75.json",
        "needs_holdout76.json",
        "needs_holdout77.json",
        "needs_holdout78.json",
        "needs_holdout79.json",
        "needs_colloquial.json",
        "needs_tenders.json",
    )
]


class Score:
    """Micro counts of true positives, false positives and false negatives."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.texts = 0

    def add(self, found: set[str], expected: set[str]) -> None:
        self.tp += len(found & expected)
        self.fp += len(found - expected)
        self.fn += len(expected - found)
        self.texts += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"  {name:<16} n={self.texts:<3} precision {self.precision:.3f}  recall {self.recall:.3f}"
            f"  F1 {self.f1:.3f}"
        )


def _group(title: str, scores: dict[str, Score]) -> Iterable[str]:
    if scores:
        yield f" per {title}:"
        for name in sorted(scores):
            yield scores[name].line(name)


def evaluate(path: Path, verbose: bool = False) -> dict[str, float]:
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    corpus = json.loads(path.read_text(encoding="utf-8"))
    print(f"== {path.name}")
    total = Score()
    per: dict[str, dict[str, Score]] = {"language": {}, "kind": {}, "style": {}}
    negated, existing = Score(), Score()
    started = time.perf_counter()
    for item in corpus:
        analysis = analyse_need(item["text"], taxonomy)
        found = set(analysis.capability_ids)
        expected = set(item["expected"])
        total.add(found, expected)
        per["language"].setdefault(item["lang"], Score()).add(found, expected)
        if "kind" in item:
            per["kind"].setdefault(item["kind"], Score()).add(found, expected)
        for style in item.get("style", []):
            per["style"].setdefault(style, Score()).add(found, expected)
        if "not_wanted" in item:
            negated.add({h.id for h in analysis.negated}, set(item["not_wanted"]))
        if "existing" in item:
            existing.add({h.id for h in analysis.existing}, set(item["existing"]))
        if verbose and found != expected:
            print(f"- {item['text'][:100]}")
            print(f"    missing {sorted(expected - found)}  extra {sorted(found - expected)}")
    elapsed = (time.perf_counter() - started) * 1000 / len(corpus)
    print(f"needs: {len(corpus)}  ({elapsed:.1f} ms per text)")
    print(f"precision {total.precision:.3f}  recall {total.recall:.3f}  F1 {total.f1:.3f}")
    for title, scores in per.items():
        for line in _group(title, scores):
            print(line)
    if negated.texts:
        print(negated.line("refused (not_wanted)"))
    if existing.texts:
        print(existing.line("already there (existing)"))
    return {"precision": total.precision, "recall": total.recall, "f1": total.f1}


def scaling() -> None:
    """Time of a text without punctuation, full of cues, at 1x and 4x its words: the ratio stays near 4
    (linear); where cue scopes scanned to the clause's end it grew towards 16."""
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    analyse_need("warm up", taxonomy)
    times = []
    for repeat in (300, 1200):
        text = "schon Kasse bleibt nicht macht Steuerberater " * repeat
        started = time.perf_counter()
        analyse_need(text, taxonomy)
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"== scaling: {times[0]:.0f} ms at 1x, {times[1]:.0f} ms at 4x words: ratio {times[1] / times[0]:.1f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every text with a miss")
    parser.add_argument(
        "corpora", nargs="*", type=Path, help="corpus files (default: those under tests/engine)"
    )
    args = parser.parse_args()
    for corpus in args.corpora or CORPORA:
        evaluate(corpus, args.verbose)
    if not args.corpora:
        scaling()
