"""Every need corpus keeps the figures it reaches: micro F1 overall and per kind, and for the public IT lots
precision and recall as issue 12 states them. bench/need.py prints the same figures (and the misses with -v);
a floor is the figure reached minus a small margin, so a change that loses ground on any corpus or kind fails.

needs_lots.json and needs_everyday.json were written before the analysis rules changed for them,
needs_fresh.json and needs_fresh2.json after those changes and before the analyser ran on them (then used
for more rules), needs_fresh3.json after the last rule (see needs_lots.md): the hold-outs' figures are the
estimate for texts written by others, and far lower. needs_holdout4.json (52 needs) was written before the
next round of general rules and scored first at 0.650; needs_holdout5.json (23 needs) after that round, its
first figure (0.690), which then guided a round of general rules; needs_holdout7.json (40 needs) by a writer
who saw neither the analyser nor any corpus, committed before that round and run once after it (0.590);
needs_holdout6.json (60) and needs_holdout8.json (60) by two more such writers: the first guided the next
round, the second first decided which of its rules stayed, then guided rules too; needs_holdout9.json
(60) by a fourth, and needs_holdout10.json (60) by a fifth, whose figures (never its texts) decided which
rules of the next round stayed. needs_holdout7 and needs_holdout9 stayed untouched until the focus rule
(a capability a longer text names only in passing is not searched for), set on needs_holdout6 and
needs_holdout8 and kept by needs_holdout10's figures, moved them together from 0.606 to 0.634 (0.622 to
0.581 and 0.595 to 0.677); the misses it added there then exempted the accompanying services, and a
new-user probe's faults (a name of two words counted twice, a need asked for in a sentence of its own)
were fixed, the ratio set again on needs_holdout6 and needs_holdout8 (0.629 and 0.698): no corpus is
untouched now.

The figures are those of analyse_need with its learned screen (need_screen), trained on every corpus here but
the seven kept as figures only: on the others they are figures of its training data, so their floors guard
against losing ground, not estimates; on needs_holdout49 to 51 and 64 to 67 they are estimates."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from itkoop.engine import analyse_need, builtin_taxonomy_dict, taxonomy_from_dict

HERE = Path(__file__).parent

# corpus -> {"all" or a kind: lowest micro F1}; reached figures in the comments
F1_FLOORS = {
    # 0.967 (0.980 before seven labels followed issue 12's existing systems; 0.978 until the places data
    # comes from became systems there, as the outside writers read them: "Kennzahlen aus ERP und Buchhaltung")
    "needs_corpus.json": {"all": 0.95},
    # 0.903 (0.938 until a chatbot's website became where it answers and an AI chatbot a chatbot, as four
    # and three outside texts read them)
    "needs_holdout.json": {"all": 0.88},
    "needs_kinds.json": {
        "all": 0.91,  # 0.925
        "crafts": 0.85,  # 0.868
        "hospitality": 0.89,  # 0.906
        "logistics": 0.87,  # 0.889
        "medical-care": 0.93,  # 0.952
        "other-sme": 0.93,  # 0.952
        "public-tender": 0.95,  # 0.968
    },
    "needs_lots.json": {"all": 0.92, "public-lot": 0.92},  # 0.936
    "needs_everyday.json": {
        "all": 0.90,  # 0.923
        "crafts": 0.92,  # 0.941
        "hospitality": 0.89,  # 0.909
        "logistics": 0.87,  # 0.895
    },
    "needs_fresh.json": {
        "all": 0.85,  # 0.873 (0.692 at its first run)
        "crafts": 0.79,  # 0.813
        "hospitality": 0.92,  # 0.938
        "logistics": 0.75,  # 0.769
        "public-lot": 0.89,  # 0.912
    },
    "needs_fresh2.json": {  # a hold-out (0.596 at its first run); general rules followed its misses
        "all": 0.77,  # 0.787
        "crafts": 0.64,  # 0.667
        "hospitality": 0.75,  # 0.778
        "logistics": 0.82,  # 0.842
        "public-lot": 0.80,  # 0.821
    },
    "needs_fresh3.json": {  # a hold-out (0.680 at its first run), then general rules
        "all": 0.89,  # 0.909
        # 0.870 (0.917 until online booking became bought beside a trade's software, as two outside texts
        # read it; the team wrote "Auto repair shop: online booking ..." as workshop software too)
        "crafts": 0.85,
        # 1.000 until shift planning became time tracking, as seven of nine outside texts read it (the team
        # wrote "Mitarbeiter-App für Dienstpläne" as HR)
        "hospitality": 0.90,  # 0.923
        "logistics": 0.88,  # 0.900
        "public-lot": 0.80,  # 0.821
    },
    # A signature on delivery or on a service call's report is part of that process, no e-signature product:
    # so the six outside writers (8 texts) and needs_kinds read it; needs_fresh3 and needs_holdout4 expected
    # an e-signature there (fresh3's logistics 0.952 -> 0.900, holdout4's crafts 0.846 -> 0.800 and
    # logistics 0.889 -> 0.846).
    "needs_holdout4.json": {  # written before the round of rules it was used for: 0.650 at its first run
        "all": 0.85,  # 0.873
        "crafts": 0.78,  # 0.800
        "hospitality": 0.78,  # 0.800
        "logistics": 0.82,  # 0.846
        "medical-care": 0.83,  # 0.857
        "other-sme": 0.84,  # 0.865
        "public-lot": 0.89,  # 0.918
    },
    "needs_holdout5.json": {  # 0.690 at its first run, then its misses guided a round of general rules
        "all": 0.77,  # 0.790
        "crafts": 0.86,  # 0.889
        "hospitality": 0.83,  # 0.857
        # 0.727; 0.667 once plain-words descriptions are read (an agricultural contractor's drivers who get
        # their jobs on a tablet are read as a haulier's)
        "logistics": 0.65,
        "medical-care": 0.83,  # 0.857
        "other-sme": 0.52,  # 0.545
        "public-lot": 0.80,  # 0.828
    },
    "needs_holdout7.json": {  # an outside writer's: 0.581 before its first run, 0.590 at it, 0.611 after the
        # next round (whose rules were made on needs_holdout6 and needs_holdout8), 0.622 after the one after
        # it; the focus rule, set without it, took it to 0.581; then the rule's fixes (see above): 0.629; the
        # round kept by needs_holdout11's figures: 0.674; the next such round: 0.691; the one after: 0.695
        "all": 0.67,  # 0.695
        "crafts": 0.64,  # 0.667
        "hospitality": 0.55,  # 0.571
        "logistics": 0.60,  # 0.625
        "medical-care": 0.43,  # 0.455
        "other-sme": 0.66,  # 0.680
        "public-lot": 0.63,  # 0.655
    },
    "needs_holdout9.json": {  # a fourth outside writer's: 0.533 at its first run, 0.570, 0.595, 0.677 with
        # the focus rule, 0.698 with its fixes, 0.744 after the round kept by needs_holdout11's figures, 0.757
        # after the next, 0.767 after the one after it
        "all": 0.74,  # 0.767
        "crafts": 0.58,  # 0.600
        "hospitality": 0.78,  # 0.800
        "logistics": 0.76,  # 0.786
        "medical-care": 0.64,  # 0.667
        "other-sme": 0.63,  # 0.656
        "public-lot": 0.70,  # 0.727
    },
    "needs_holdout10.json": {  # a fifth outside writer's, read only as figures: 0.635 at its first
        # run, 0.645, 0.703 with the focus rule, 0.740 after the next round, 0.754 after the one after it,
        # 0.766 after the next
        "all": 0.74,  # 0.766
        "crafts": 0.66,  # 0.688
        "hospitality": 0.74,  # 0.769
        "logistics": 0.72,  # 0.741
        "medical-care": 0.68,  # 0.706
        "other-sme": 0.61,  # 0.632
        "public-lot": 0.73,  # 0.750
    },
    "needs_holdout6.json": {  # a second outside writer's: 0.577 at its first run, then guided general rules
        # (0.740; 0.762 with the focus rule; 0.784 after the next round; 0.800 after the one after it; 0.815)
        "all": 0.79,  # 0.815
        "crafts": 0.62,  # 0.645
        "hospitality": 0.76,  # 0.788
        "logistics": 0.81,  # 0.839
        "medical-care": 0.82,  # 0.848
        "other-sme": 0.64,  # 0.667
        "public-lot": 0.78,  # 0.806
    },
    "needs_holdout8.json": {  # a third outside writer's: 0.547 at its first run; it decided which rules of
        # the round stayed (0.577), then guided rules too (0.753; 0.783 after the next round; 0.793; 0.800)
        "all": 0.78,  # 0.800
        "crafts": 0.73,  # 0.759
        "hospitality": 0.75,  # 0.774
        "logistics": 0.73,  # 0.759
        "medical-care": 0.69,  # 0.710
        "other-sme": 0.69,  # 0.716
        "public-lot": 0.78,  # 0.808
    },
    "needs_holdout11.json": {  # a sixth outside writer's, read as figures only: 0.664 at its first run,
        # 0.677, 0.683, 0.691; then read for rules: 0.733, 0.771
        "all": 0.74,  # 0.771
    },
    "needs_holdout12.json": {  # a seventh outside writer's, read as figures only: 0.691 at its first run,
        # 0.718, 0.723; read for rules from needs_holdout13's arrival
        "all": 0.70,  # 0.723
    },
    "needs_holdout13.json": {  # an eighth outside writer's, read as figures only: 0.713 at its first run on
        # the engine of the round's start (cc61722), 0.721 when it arrived (2357425), 0.730; read for rules
        # from needs_holdout14's arrival: 0.812
        "all": 0.84,  # 0.866 (0.812 at needs_holdout14's arrival)
    },
    "needs_holdout14.json": {  # a ninth outside writer's, read as figures only: 0.722 at its first run on
        # the engine of the round's start (d80837e), 0.738 when it arrived (ba92b19), 0.743; read for rules
        # from needs_holdout15's arrival: 0.877
        "all": 0.86,  # 0.891 (0.877 at needs_holdout15's arrival)
    },
    "needs_holdout15.json": {  # a tenth outside writer's, read as figures only: 0.725 at its first run on
        # the engine of the round's start (5ea22ba) and when it arrived (dd94526), 0.745; read for rules from
        # needs_holdout16's arrival: 0.847
        "all": 0.83,  # 0.860 (0.847 at needs_holdout16's arrival)
    },
    "needs_holdout16.json": {  # an eleventh outside writer's, read as figures only: 0.742 at its first run on
        # the engine of the round's start (b834fca) and when it arrived (a5b2b90), 0.757; read for rules from
        # needs_holdout17's arrival: 0.825, 0.880
        "all": 0.85,  # 0.880
    },
    "needs_holdout17.json": {  # a twelfth outside writer's, read as figures only: 0.700 at its first run on
        # the engine of the round's start (4690a28) and when it arrived (e3cc807), 0.720; read for rules from
        # needs_holdout18's arrival: 0.741, 0.774
        "all": 0.74,  # 0.774
    },
    "needs_holdout18.json": {  # a thirteenth outside writer's, read as figures only: 0.738 at its first run
        # on the engine of the round's start (1a312b4), 0.754 when it arrived (8d80692), 0.765; read for rules
        # from needs_holdout19's arrival: 0.879
        "all": 0.85,  # 0.879
    },
    "needs_holdout19.json": {  # a fourteenth outside writer's, read as figures only: 0.651 at its first run
        # on the engine of the round's start (3611378) and when it arrived (df82811), 0.667; read for rules
        # from needs_holdout20's arrival: 0.675, 0.693, 0.737, 0.767
        "all": 0.74,  # 0.767
    },
    "needs_holdout20.json": {  # a fifteenth outside writer's, read as figures only: 0.764 at its first run
        # on the engine of the round's start (3611378), 0.773 when it arrived (fe34167); read for rules from
        # needs_holdout22's arrival: 0.847, 0.862
        "all": 0.83,  # 0.862
    },
    "needs_holdout21.json": {  # a sixteenth outside writer's, read as figures only: 0.760 at its first run
        # on the engine of the round's start (8e6a2db) and when it arrived (612fecd), 0.778; read for rules
        # from needs_holdout23's arrival: 0.825
        "all": 0.80,  # 0.825
    },
    "needs_holdout22.json": {  # a seventeenth outside writer's, read as figures only: 0.688 at its first run
        # on the engine of the round's start (4b8dee7) and when it arrived (f391384); 0.698 by the rules,
        # 0.744 screened; read (and trained on) from needs_holdout24's arrival: 0.833
        "all": 0.80,  # 0.833
    },
    "needs_holdout23.json": {  # an eighteenth outside writer's, read as figures only: 0.746 at its first run
        # on the engine of the round's start (55e4099) and when it arrived (7bbe204)
        # 0.805 screened, 0.754 by the rules (0.746 at its arrival); read and trained on from the arrival of
        # needs_holdout27: 0.909
        "all": 0.88,
    },
    "needs_holdout24.json": {  # a nineteenth outside writer's, read as figures only: 0.719 at its first run
        # on the rules of the round's start (9788433), 0.781 on the screened engine it arrived at (e61aa09),
        # 0.789; read and trained on from needs_holdout27's arrival: 0.847
        "all": 0.82,
    },
    "needs_holdout25.json": {  # a twentieth outside writer's: 0.748 at its first run on the rules of the
        # round's start (9788433), 0.813 on the screened engine it arrived at (2303ab0); read and trained on
        # from needs_holdout27's arrival: 0.876
        "all": 0.85,
    },
    "needs_holdout26.json": {  # a twenty-first outside writer's, read as figures only: 0.717 at its first
        # run on the rules of the round's start (9788433), 0.769 on the screened engine it arrived at
        # (2303ab0), 0.794; read and trained on from the arrival of needs_holdout29: 0.885
        "all": 0.86,
    },
    "needs_holdout27.json": {  # a twenty-second outside writer's, read as figures only: 0.699 at its first
        # run on the rules of the round's start (9788433), 0.740 on the screened engine it arrived at
        # (51db3cb), 0.749; read and trained on from the arrival of needs_holdout29: 0.821
        "all": 0.79,
    },
    "needs_holdout28.json": {  # a twenty-third outside writer's, read as figures only: 0.762 at its first
        # run on the rules of the round's start (9788433), 0.825 on the screened engine it arrived at
        # (4b4d358), 0.823; read and trained on from the arrival of needs_holdout31: 0.899
        "all": 0.87,
    },
    "needs_holdout29.json": {  # a twenty-fourth outside writer's, read as figures only: 0.783 at its first
        # run on the rules of the round's start (9788433), 0.842 on the screened engine it arrived at
        # (bb2bfbf), 0.859; read and trained on from the arrival of needs_holdout31: 0.917
        "all": 0.89,
    },
    "needs_holdout30.json": {  # a twenty-fifth outside writer's, read as figures only: 0.696 at its first
        # run on the rules of the round's start (9788433), 0.776 on the screened engine it arrived at
        # (19cc1c4), 0.779; read and trained on from the arrival of needs_holdout33: 0.837
        "all": 0.81,
    },
    "needs_holdout31.json": {  # a twenty-sixth outside writer's, read as figures only: 0.661 at its first
        # run on the rules of the round's start (9788433), 0.778 on the screened engine it arrived at
        # (19cc1c4), 0.778; read and trained on from the arrival of needs_holdout33: 0.850
        "all": 0.82,
    },
    "needs_holdout32.json": {  # a twenty-seventh outside writer's, read as figures only: 0.695 at its
        # first run on the rules of the round's start (9788433), 0.768 on the screened engine it arrived at
        # (4117544), 0.773; read and trained on from the arrival of needs_holdout35: 0.866
        "all": 0.84,
    },
    "needs_holdout33.json": {  # a twenty-eighth outside writer's, read as figures only: 0.765 at its first
        # run on the rules of the round's start (9788433), 0.837 on the screened engine it arrived at
        # (df2ecd4), 0.841; read and trained on from the arrival of needs_holdout35: 0.892
        "all": 0.86,
    },
    "needs_holdout34.json": {  # a twenty-ninth outside writer's, read as figures only: 0.698 at its first
        # run on the rules of the round's start (9788433), 0.763 on the screened engine it arrived at
        # (89f6af4), 0.768; read and trained on from the arrival of needs_holdout37: 0.848
        "all": 0.82,
    },
    "needs_holdout35.json": {  # a thirtieth outside writer's, read as figures only: 0.764 at its first run
        # on the rules of the round's start (9788433), 0.820 on the screened engine it arrived at (a6da351),
        # 0.824; read and trained on from the arrival of needs_holdout37: 0.907
        "all": 0.88,
    },
    "needs_holdout36.json": {  # a thirty-first outside writer's, read as figures only: 0.669 at its first
        # run on the rules of the round's start (9788433), 0.784 on the screened engine it arrived at
        # (99cc0e9), 0.792; read and trained on from the arrival of needs_holdout43: 0.859
        "all": 0.83,
    },
    "needs_holdout37.json": {  # a thirty-second outside writer's, read as figures only: 0.693 at its first
        # run on the rules of the round's start (9788433), 0.802 on the screened engine it arrived at
        # (dcfdebb), 0.791; read and trained on from the arrival of needs_holdout43: 0.873
        "all": 0.84,
    },
    "needs_holdout38.json": {  # a thirty-third outside writer's: 0.702 at its first run on the rules of the
        # round's start (9788433), 0.749 on the screened engine it arrived at (aaef704); read and trained on
        "all": 0.86,  # 0.893
    },
    "needs_holdout39.json": {  # a thirty-fourth outside writer's: 0.712 at its first run on the rules of the
        # round's start (9788433), 0.756 on the screened engine it arrived at (aaef704); read and trained on
        "all": 0.81,  # 0.848
    },
    "needs_holdout40.json": {  # a thirty-fifth outside writer's: 0.752 at its first run on the rules of the
        # round's start (9788433), 0.811 on the screened engine it arrived at (aaef704); read and trained on
        "all": 0.84,  # 0.877
    },
    "needs_holdout41.json": {  # a thirty-sixth outside writer's: 0.664 at its first run on the rules of the
        # round's start (9788433), 0.750 on the screened engine it arrived at (aaef704); read and trained on
        "all": 0.79,  # 0.821
    },
    "needs_holdout42.json": {  # a thirty-seventh outside writer's, read as figures only: 0.688 at its
        # first run on the rules of the round's start (9788433), 0.798 on the screened engine it arrived
        # at (aaef704); read and trained on from the arrival of needs_holdout47: 0.896
        "all": 0.86,
    },
    "needs_holdout43.json": {  # a thirty-eighth outside writer's, read as figures only: 0.719 at its
        # first run on the rules of the round's start (9788433), 0.829 on the screened engine it arrived
        # at (aaef704); read and trained on from the arrival of needs_holdout47: 0.901
        "all": 0.87,
    },
    "needs_holdout44.json": {  # a thirty-ninth outside writer's, read as figures only: 0.721 at its first run
        # on the rules of the round's start (9788433), 0.768 on the screened engine it arrived at (88f74d0),
        # read and trained on from the arrival of needs_holdout51: 0.865
        "all": 0.83,
    },
    "needs_holdout45.json": {  # a fortieth outside writer's, read as figures only: 0.701 at its first run on
        # the rules of the round's start (9788433), 0.809 on the screened engine it arrived at (88f74d0), read
        # and trained on from the arrival of needs_holdout51: 0.876
        "all": 0.84,
    },
    "needs_holdout46.json": {  # a forty-first outside writer's, read as figures only: 0.701 at its first run
        # on the rules of the round's start (9788433), 0.819 on the screened engine it arrived at (88f74d0),
        # read and trained on from the arrival of needs_holdout51: 0.920
        "all": 0.89,
    },
    "needs_holdout47.json": {  # a forty-second outside writer's, read as figures only: 0.748 at its first run
        # on the rules of the round's start (9788433), 0.836 on the screened engine it arrived at (88f74d0),
        # read and trained on from the arrival of needs_holdout51: 0.936
        "all": 0.90,
    },
    "needs_holdout48.json": {  # a forty-third outside writer's (problems in plain words), read as figures
        # only: 0.622 at its first run on the rules of that time, 0.639 on the screened engine it arrived at
        # (7edbfab), 0.667; read and trained on from the arrival of needs_holdout53: 0.821
        "all": 0.79,
    },
    "needs_holdout49.json": {  # a forty-fourth outside writer's, figures only: 0.786 at its first run on the
        # rules of that time, 0.846 on the screened engine it arrived at (7edbfab)
        "all": 0.82,  # 0.855
    },
    "needs_holdout50.json": {  # a forty-fifth outside writer's, figures only: 0.710 at its first run on the
        # rules of that time, 0.830 on the screened engine it arrived at (7edbfab)
        "all": 0.80,  # 0.836
    },
    "needs_holdout51.json": {  # a forty-sixth outside writer's, figures only: 0.690 at its first run on the
        # rules of that time, 0.816 on the screened engine it arrived at (7edbfab)
        "all": 0.80,  # 0.833
    },
    "needs_holdout52.json": {  # a forty-seventh outside writer's (mostly problems in plain words), figures
        # only: 0.533 at its first run on the rules of the round's start (9788433), 0.671 on the screened
        # engine it arrived at (1f8626a), 0.675; read and trained on once needs_holdout57 arrived: 0.867
        "all": 0.83,
    },
    "needs_holdout53.json": {  # a forty-eighth outside writer's (mostly problems in plain words), figures
        # only: 0.544 at its first run on the rules of the round's start (9788433), 0.576 on the screened
        # engine it arrived at (1f8626a), 0.585; read and trained on once needs_holdout57 arrived: 0.793
        "all": 0.76,
    },
    "needs_holdout54.json": {  # a forty-ninth outside writer's (mostly problems in plain words): 0.426 at its
        # first run on the rules of the round's start (9788433), 0.493 on the screened engine it arrived at
        # (810873a); read and trained on: 0.699, 0.810 once needs_holdout56 and 57 were read too
        "all": 0.77,
    },
    "needs_holdout55.json": {  # a fiftieth outside writer's (mostly problems in plain words): 0.393 at its
        # first run on the rules of the round's start (9788433), 0.408 on the screened engine it arrived at
        # (810873a); read and trained on: 0.646, 0.707 once needs_holdout56 and 57 were read too
        "all": 0.67,
    },
    "needs_holdout56.json": {  # a fifty-first outside writer's (mostly problems in plain words), figures
        # only: 0.395 at its first run on the rules of the round's start (9788433), 0.425 on the screened
        # engine it arrived at (810873a), 0.467 at the next round's start; read and trained on: 0.623
        "all": 0.59,
    },
    "needs_holdout57.json": {  # a fifty-second outside writer's (mostly problems in plain words), figures
        # only: 0.431 at its first run on the rules of the round's start (9788433), 0.472 on the screened
        # engine it arrived at (810873a), 0.623 at the next round's start; read and trained on: 0.783
        "all": 0.75,
    },
    "needs_holdout58.json": {  # a fifty-third outside writer's (mostly problems in plain words), figures
        # only: 0.384 at its first run on the rules of the round's start (9788433), 0.491 on the screened
        # engine it arrived at (43321f8; 0.403 on the engine before the plain-words rules, 810873a), 0.537
        # with the screen of 61 read corpora; read and trained on: 0.571
        "all": 0.54,
    },
    "needs_holdout59.json": {  # a fifty-fourth outside writer's (mostly problems in plain words), figures
        # only: 0.431 at its first run on the rules of the round's start (9788433), 0.507 on the screened
        # engine it arrived at (43321f8; 0.454 on the engine before the plain-words rules, 810873a), 0.521
        # with the screen of 61 read corpora; read and trained on: 0.633
        "all": 0.60,
    },
    "needs_holdout60.json": {  # a fifty-fifth outside writer's (mostly problems in plain words), figures
        # only: 0.590 at its first run on the engine before the plain-words rules (810873a), 0.684 on the
        # screened engine it arrived at (e82a5c7)
        # 0.737 with the screen of 61 read corpora, 0.720 with that of 63; read and trained on: 0.907
        "all": 0.87,
    },
    "needs_holdout61.json": {  # a fifty-sixth outside writer's (mostly problems in plain words), figures
        # only: 0.535 on the engine before the plain-words rules (810873a), 0.627 on the engine it arrived at
        # 0.623 with the screen of 61 read corpora, 0.627 with that of 63; read and trained on: 0.878
        "all": 0.84,
    },
    "needs_holdout62.json": {  # a fifty-seventh outside writer's (mostly problems in plain words), figures
        # only: 0.569 on the engine before the plain-words rules (810873a), 0.680 on the engine it arrived at
        "all": 0.88,  # 0.707 as figures only; read and trained on: 0.920
    },
    "needs_holdout63.json": {  # a fifty-eighth outside writer's (mostly problems in plain words), figures
        # only: 0.504 on the engine before the plain-words rules (810873a), 0.567 on the engine it arrived at
        "all": 0.85,  # 0.601 as figures only; read and trained on: 0.891
    },
    "needs_holdout64.json": {  # a fifty-ninth outside writer's (mostly problems in plain words), figures
        # only: 0.511 at its first run on the engine it arrived at (1314e0b), 0.606 with the screen of 67
        # read corpora and the proposer; read and trained on: 0.846
        "all": 0.80,
    },
    "needs_holdout65.json": {  # a sixtieth outside writer's (mostly problems in plain words), figures only:
        # 0.496 at its first run on the engine it arrived at (1314e0b), 0.607 as figures only; read: 0.777
        "all": 0.74,
    },
    "needs_holdout66.json": {  # a sixty-first outside writer's (mostly problems in plain words), figures
        # only: 0.464 at its first run on the engine it arrived at (1314e0b), 0.531 as figures only; read:
        # 0.781
        "all": 0.74,
    },
    "needs_holdout67.json": {  # a sixty-second outside writer's (mostly problems in plain words), figures
        # only: 0.435 at its first run on the engine it arrived at (1314e0b), 0.520 as figures only; read:
        # 0.784
        "all": 0.74,
    },
    "needs_holdout68.json": {  # a sixty-third outside writer's (terse notes with English jargon), figures
        # only: 0.587 at its first run on the engine it arrived at (f5ef847), 0.609 as figures only; read:
        # 0.905
        "all": 0.84,
    },
    "needs_holdout69.json": {  # a sixty-fourth outside writer's (customers' e-mails forwarded), figures only:
        # 0.660 at its first run on the engine it arrived at (f5ef847), 0.677 as figures only; read: 0.906
        "all": 0.85,
    },
    "needs_holdout70.json": {  # a sixty-fifth outside writer's (a learner's German), figures only: 0.645 at
        # its first run on the engine it arrived at (f5ef847), 0.678 as figures only; read: 0.913
        "all": 0.85,
    },
    "needs_holdout71.json": {  # a sixty-sixth outside writer's (a retired civil servant's formal German),
        # figures only: 0.569 at its first run on the engine it arrived at (f5ef847), 0.601 as figures only;
        # read: 0.827
        "all": 0.76,
    },
    "needs_holdout72.json": {  # a sixty-seventh outside writer's (a system house's CRM notes), figures only:
        # 0.616 at its first run on the engine it arrived at (6089e8f), 0.646 as figures only; read: 0.815
        "all": 0.74,
    },
    "needs_holdout73.json": {  # a sixty-eighth outside writer's (voice messages from the Ruhr area), figures
        # only: 0.606 at its first run on the engine it arrived at (6089e8f), 0.624 as figures only; read:
        # 0.896
        "all": 0.82,
    },
    "needs_holdout74.json": {  # a sixty-ninth outside writer's (a retired hospital administrator's structured
        # German), figures only: 0.588 at its first run on the engine it arrived at (6089e8f), 0.613 as
        # figures only; read: 0.803
        "all": 0.72,
    },
    "needs_holdout75.json": {  # a seventieth outside writer's (a plumber's blunt complaints), figures only:
        # 0.519 at its first run on the engine it arrived at (6089e8f), 0.536 as figures only; read: 0.876
        "all": 0.79,
    },
    "needs_holdout76.json": {  # a seventy-first outside writer's (a trade association's contact forms and
        # call notes from the Emsland), figures only: 0.629 at its first run on the engine it arrived at
        # (82c48f5)
        "all": 0.63,  # 0.663 with the models of 79 read corpora and the rules of that round
    },
    "needs_holdout77.json": {  # a seventy-second outside writer's (a Leipzig founder-coach's session notes),
        # figures only: 0.725 at its first run on the engine it arrived at (82c48f5)
        "all": 0.72,  # 0.757
    },
    "needs_holdout78.json": {  # a seventy-third outside writer's (an Allgäu insurance broker's long letters),
        # figures only: 0.730 at its first run on the engine it arrived at (82c48f5)
        "all": 0.71,  # 0.746
    },
    "needs_holdout79.json": {  # a seventy-fourth outside writer's (a Bremen freelancer's support tickets),
        # figures only: 0.683 at its first run on the engine it arrived at (82c48f5)
        "all": 0.67,  # 0.709
    },
    "needs_tenders.json": {  # public IT notices by an outside writer: 0.690 at its first run (52e682c); then
        # read for rules
        "all": 0.89,  # 0.917
    },
    "needs_colloquial.json": {  # colloquial texts by an outside writer: 0.720 at its first run on d80837e,
        # 0.724 when it arrived (05b9654); then read for rules
        "all": 0.82,  # 0.851
    },
}
# public IT procurement lots: (lowest precision, lowest recall)
LOT_FLOORS = {
    "needs_lots.json": (0.88, 0.96),  # 0.898, 0.978
    "needs_fresh.json": (0.87, 0.92),  # 0.886, 0.939
    "needs_fresh2.json": (0.82, 0.78),  # 0.842, 0.800
    "needs_fresh3.json": (0.67, 0.97),  # 0.696, 1.000
    # 0.871, 0.931 (0.706, 0.828 at its first run): recall gave one pair to "Schnittstelle zum X runs
    # already", which needs_holdout5 and later texts read so ("Schnittstelle zum Einwohnermeldewesen" was
    # the only word for the lot's e-government)
    "needs_holdout4.json": (0.90, 0.87),  # 0.929, 0.897 after the focus rule (0.871, 0.931 before)
    "needs_holdout5.json": (0.73, 0.90),  # 0.750, 0.923 (0.611, 0.846 at its first run)
    # the focus rule took precision up by 0.13 to 0.27 for a loss of recall of at most 0.12
    "needs_holdout7.json": (0.57, 0.71),  # 0.594, 0.731 (0.415, 0.846 at its first run; 0.449, 0.846)
    "needs_holdout9.json": (0.62, 0.81),  # 0.645, 0.833 (0.282, 0.917 at its first run; 0.373, 0.917)
    "needs_holdout10.json": (0.66, 0.80),  # 0.686, 0.828 (0.455, 0.862 at its first run; 0.463, 0.862)
    "needs_holdout6.json": (0.71, 0.88),  # 0.730, 0.900 (0.426, 0.867 at its first run; 0.596, 0.933)
    # 0.677, 1.000 by the rules (0.292, 1.000 at its first run; 0.525, 1.000); 0.952, 0.952 screened
    "needs_holdout8.json": (0.92, 0.92),
    "needs_holdout15.json": (0.75, 0.97),  # 0.774, 1.000 (0.535, 0.958 at its first run); read
    "needs_holdout16.json": (0.85, 0.91),  # 0.882, 0.938 (0.788, 0.812 at its first run); read
    "needs_holdout17.json": (0.76, 0.82),  # 0.786, 0.846 (0.767, 0.846 at its first run); read
    "needs_holdout18.json": (0.77, 0.79),  # 0.800, 0.821 (0.744, 0.744 at its first run); read
    # 0.781, 0.694 by the rules (0.585, 0.667 at its first run); 1.000, 0.667 screened; read
    "needs_holdout19.json": (0.95, 0.64),
    "needs_holdout20.json": (0.86, 0.90),  # 0.889, 0.923 (0.828, 0.923 at its first run); read
    "needs_holdout21.json": (0.73, 0.89),  # 0.759, 0.917 (0.629, 0.917 at its first run); read
    "needs_holdout22.json": (0.82, 0.76),  # 0.852, 0.793 (0.488, 0.724 at its first run); read
    # 0.667, 1.000 by the rules (0.639, 0.958 at its first run); 0.821, 0.958 screened; read: 0.960, 1.000;
    # 0.923, 1.000 with the screen trained on 38 corpora
    "needs_holdout23.json": (0.90, 0.97),
    # 0.815, 0.815 (0.676, 0.852 by the rules at its first run); read: 0.923, 0.889
    "needs_holdout24.json": (0.89, 0.86),
    "needs_holdout25.json": (0.97, 0.89),  # 1.000, 0.926 (0.862, 0.926 by the rules at its first run); read
    # 0.840, 0.875 (0.786, 0.917 by the rules at its first run); read: 0.957, 0.917
    "needs_holdout26.json": (0.93, 0.89),
    # 0.750, 0.840 (0.632, 0.960 by the rules at its first run); read: 0.917, 0.880
    "needs_holdout27.json": (0.89, 0.85),
    # 0.741, 0.870 (0.633, 0.826 by the rules at its first run); read: 0.833, 0.870
    "needs_holdout28.json": (0.80, 0.84),
    # 0.857, 0.960 (0.852, 0.920 by the rules at its first run); read: 1.000, 0.960
    "needs_holdout29.json": (0.97, 0.93),
    # 0.833, 0.741 (0.600, 0.778 by the rules at its first run); read: 1.000, 0.778; 1.000, 0.741 with
    # the screen trained on 40 corpora
    "needs_holdout30.json": (0.97, 0.71),
    # 0.792, 0.905 (0.514, 0.905 by the rules at its first run); read: 0.950, 0.905
    "needs_holdout31.json": (0.92, 0.88),
    # 0.913, 0.875 (0.645, 0.833 by the rules at its first run); read: 1.000, 0.875
    "needs_holdout32.json": (0.97, 0.84),
    # 0.885, 0.920 (0.750, 0.960 by the rules at its first run); read: 1.000, 0.960
    "needs_holdout33.json": (0.97, 0.89),  # 1.000, 0.920 with the screen trained on 50 corpora
    # 0.800, 0.800 (0.629, 0.880 by the rules at its first run); read: 1.000, 0.880; 0.957, 0.880 with
    # the screen trained on 48 corpora
    "needs_holdout34.json": (0.93, 0.85),
    # 0.792, 0.864 (0.667, 0.909 by the rules at its first run); read: 1.000, 0.909
    "needs_holdout35.json": (0.97, 0.88),
    # 0.815, 0.917 (0.590, 0.958 by the rules at its first run); read: 1.000, 0.917
    "needs_holdout36.json": (0.97, 0.88),
    # 0.724, 0.913 (0.512, 0.913 by the rules at its first run); read: 0.840, 0.913
    "needs_holdout37.json": (0.81, 0.88),
    # 0.806, 0.862 (0.676, 0.862 by the rules at its first run); read: 0.964, 0.931
    "needs_holdout38.json": (0.93, 0.90),
    # 0.900, 0.818 (0.757, 0.848 by the rules at its first run); read: 1.000, 0.879; 0.967 once plain-words
    # descriptions are read
    "needs_holdout39.json": (0.95, 0.84),
    # 0.946, 0.778 (0.783, 0.800 by the rules at its first run); read: 1.000, 0.800
    "needs_holdout40.json": (0.97, 0.77),
    # 0.862, 0.833 (0.714, 0.833 by the rules at its first run); read: 0.963, 0.867
    "needs_holdout41.json": (0.93, 0.83),
    # 0.862, 0.806 (0.735, 0.806 by the rules at its first run); read: 1.000, 0.903
    "needs_holdout42.json": (0.93, 0.87),  # 0.967, 0.935 with the models of 79 read corpora
    # 0.788, 0.812 (0.692, 0.844 by the rules at its first run); read: 0.967, 0.906
    "needs_holdout43.json": (0.93, 0.87),
    # 0.781, 0.833 with the screen of 50 read corpora, figures only; read: 0.926, 0.833
    "needs_holdout44.json": (0.89, 0.80),
    # 0.935, 0.853 with the screen of 50 read corpora, figures only; read: 1.000, 0.941
    "needs_holdout45.json": (0.97, 0.91),
    # 0.906, 0.967 with the screen of 50 read corpora, figures only; read: 0.968, 1.000
    "needs_holdout46.json": (0.93, 0.97),
    # 0.966, 0.848 with the screen of 50 read corpora, figures only; read: 1.000, 0.939
    "needs_holdout47.json": (0.97, 0.90),
    # 0.840, 0.724 with the screen of 54 read corpora, figures only; read: 1.000, 0.793
    "needs_holdout48.json": (
        0.87,
        0.76,
    ),  # 1.000, 0.897 with the proposer; 0.900, 0.931 with the models of 79
    # 0.903, 0.848 with the screen of 54 read corpora; figures only
    "needs_holdout49.json": (0.87, 0.81),
    # 0.960, 0.774 with the screen of 54 read corpora; figures only
    "needs_holdout50.json": (0.93, 0.74),
    # 0.862, 0.893 with the screen of 54 read corpora; figures only
    "needs_holdout51.json": (0.83, 0.86),
    # 0.885, 0.821 with the screen of 55 read corpora, figures only; read: 1.000, 0.893
    "needs_holdout52.json": (0.97, 0.86),
    # 0.889, 0.828 with the screen of 55 read corpora, figures only; read: 1.000, 0.966
    "needs_holdout53.json": (0.97, 0.93),
    # read: 1.000, 0.842
    "needs_holdout54.json": (0.97, 0.80),
    # read: 1.000, 0.667
    "needs_holdout55.json": (0.97, 0.63),
    # 0.750, 0.632 with the screen of 59 read corpora, figures only (functional specifications); read:
    # 0.933, 0.737
    "needs_holdout56.json": (0.90, 0.70),
    # 0.923, 0.600 with the screen of 59 read corpora, figures only; read: 1.000, 0.700
    "needs_holdout57.json": (0.97, 0.67),
    # 0.857, 0.480 at arrival; 0.933, 0.560 with the screen of 61 read corpora, figures only; read: 0.938,
    # 0.600
    "needs_holdout58.json": (0.90, 0.57),
    # 0.750, 0.750 at arrival and with the screen of 61 read corpora, figures only; read: 1.000, 0.875
    "needs_holdout59.json": (0.97, 0.84),  # 1.000, 0.938 with the proposer
    # 0.850, 0.680 with the screen of 61 read corpora, figures only; read: 0.960, 0.960
    "needs_holdout60.json": (0.92, 0.92),
    # 0.750, 0.720 with the screen of 61 read corpora, figures only; read: 0.909, 0.800
    "needs_holdout61.json": (0.87, 0.76),
    # 0.680, 0.739 with the screen of 61 read corpora, figures only; read: 0.957, 0.957
    "needs_holdout62.json": (0.92, 0.92),
    # 0.812, 0.619 with the screen of 61 read corpora, figures only; read: 0.952, 0.952; 0.909, 0.952 with
    # the models of 71 read corpora
    "needs_holdout63.json": (0.88, 0.91),
    # the first figures of needs_holdout64 to 67 (figures only) with the screen of 67 read corpora and the
    # proposer were 0.857, 0.900; 0.667, 0.750; 0.800, 0.800; 0.833, 0.833; read and trained on:
    "needs_holdout64.json": (0.95, 0.86),  # 1.000, 0.900
    "needs_holdout65.json": (0.84, 0.84),  # 0.875, 0.875
    "needs_holdout66.json": (0.83, 0.91),  # 0.864, 0.950
    "needs_holdout67.json": (0.90, 0.85),  # 0.941, 0.889
    # needs_holdout68 to 71 (figures only) with the models of 71 read corpora and the rules of that round
    "needs_holdout68.json": (0.80, 0.56),  # 0.842, 0.593
    "needs_holdout69.json": (0.91, 0.65),  # 0.947, 0.692
    "needs_holdout70.json": (0.90, 0.54),  # 0.938, 0.577
    "needs_holdout71.json": (0.77, 0.51),  # 0.810, 0.548
    "needs_holdout72.json": (0.92, 0.62),  # read: 0.960, 0.667
    "needs_holdout73.json": (0.92, 0.82),  # read: 0.962, 0.862
    "needs_holdout74.json": (0.91, 0.70),  # read: 0.958, 0.742
    "needs_holdout75.json": (0.92, 0.89),  # read: 0.966, 0.933
    # needs_holdout76 to 79 (figures only) with the models of 79 read corpora
    "needs_holdout76.json": (0.83, 0.67),  # 0.870, 0.714
    "needs_holdout77.json": (0.86, 0.86),  # 0.897, 0.897
    "needs_holdout78.json": (0.80, 0.75),  # 0.844, 0.794
    "needs_holdout79.json": (0.89, 0.77),  # 0.929, 0.812
    "needs_tenders.json": (0.84, 0.94),  # 0.873, 0.965 (0.576, 0.860 at its first run)
}
NEW_CORPORA = (
    "needs_lots.json",
    "needs_everyday.json",
    "needs_fresh.json",
    "needs_fresh2.json",
    "needs_fresh3.json",
    "needs_holdout4.json",
    "needs_holdout7.json",
    "needs_tenders.json",
)


@pytest.fixture(scope="module")
def taxonomy():
    return taxonomy_from_dict(builtin_taxonomy_dict())


def _load(name):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def _counts(corpus, taxonomy):
    counts = defaultdict(lambda: [0, 0, 0])
    for item in corpus:
        found, expected = set(analyse_need(item["text"], taxonomy).capability_ids), set(item["expected"])
        for key in {"all", item.get("kind", "all")}:
            counts[key][0] += len(found & expected)
            counts[key][1] += len(found - expected)
            counts[key][2] += len(expected - found)
    return counts


def _scores(tp, fp, fn):
    precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@pytest.mark.parametrize("name", NEW_CORPORA)
def test_new_corpora_name_known_capabilities_and_enough_needs(taxonomy, name):
    corpus = _load(name)
    assert len(corpus) >= 30
    for item in corpus:
        named = set(item["expected"]) | set(item.get("not_wanted", [])) | set(item.get("existing", []))
        assert named <= set(taxonomy.capabilities), named - set(taxonomy.capabilities)
        assert not set(item["expected"]) & (set(item.get("not_wanted", [])) | set(item.get("existing", [])))


@pytest.mark.parametrize("name", [f"needs_holdout{n}.json" for n in range(5, 80)])
def test_the_last_hold_outs_name_known_capabilities_in_every_kind(taxonomy, name):
    corpus = _load(name)
    assert len(corpus) >= 20
    assert {item["kind"] for item in corpus} >= {
        "public-lot",
        "crafts",
        "medical-care",
        "logistics",
        "hospitality",
        "other-sme",
    }
    for item in corpus:
        named = set(item["expected"]) | set(item.get("not_wanted", [])) | set(item.get("existing", []))
        assert named <= set(taxonomy.capabilities), named - set(taxonomy.capabilities)


def test_the_lots_corpus_holds_forty_lots_and_the_everyday_corpus_thirty_needs_of_the_weak_kinds():
    lots = _load("needs_lots.json")
    assert sum(item["kind"] == "public-lot" for item in lots) >= 40
    assert {"cpv", "boilerplate"} <= {s for item in lots for s in item.get("style", [])}
    assert {item["lang"] for item in lots} == {"de", "en"}
    everyday = _load("needs_everyday.json")
    assert {item["kind"] for item in everyday} == {"crafts", "hospitality", "logistics"}
    assert len(everyday) >= 30


@pytest.mark.parametrize("name", sorted(F1_FLOORS))
def test_f1_stays_above_its_floor_overall_and_per_kind(taxonomy, name):
    counts = _counts(_load(name), taxonomy)
    for key, floor in F1_FLOORS[name].items():
        assert _scores(*counts[key])[2] >= floor, (name, key, _scores(*counts[key]))


@pytest.mark.parametrize("name", sorted(LOT_FLOORS))
def test_lots_keep_precision_and_recall(taxonomy, name):
    precision, recall, _ = _scores(*_counts(_load(name), taxonomy)["public-lot"])
    lowest_precision, lowest_recall = LOT_FLOORS[name]
    assert precision >= lowest_precision and recall >= lowest_recall, (precision, recall)
