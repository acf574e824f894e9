"""The page's and the terminal's plain statement when the offers are not proven optimal."""

from dataclasses import replace

import pytest

from itkoop.engine import Bundle, MatchResult, MatchStats, Need
from itkoop.matching.presenters import search_notice


def _result(*, optimal: bool, proven: bool = False, bound_score: float | None = None) -> MatchResult:
    bundle = Bundle(1, 0.8, 40.0, 0.8, ("c1",), (), (), (), "", proven)
    bound = None if bound_score is None else 50.0
    stats = MatchStats(3, 2050.0, optimal, bound=bound, bound_score=bound_score)
    return MatchResult(Need(("erp",)), [bundle], stats, "optimal" if optimal else "feasible")


def test_proven_offers_need_no_statement():
    assert search_notice(_result(optimal=True, proven=True, bound_score=0.8)) is None


@pytest.mark.parametrize(
    ("result", "says"),
    [
        (_result(optimal=False, bound_score=0.861), "höchstens zu 87 % zu Ihrem Bedarf passen"),
        (_result(optimal=False), "Dies sind die besten gefundenen Angebote."),
        (_result(optimal=False, proven=True, bound_score=0.8), "erste Angebot ist nachweislich das beste"),
    ],
)
def test_a_stopped_search_says_not_proven_optimal_and_how_good_a_better_offer_could_be(result, says):
    notice = search_notice(result)
    assert notice.startswith("Nicht nachweislich optimal: Die Suche wurde nach 2,0 s beendet")
    assert says in notice


def test_the_gap_is_measured_on_the_score_scale():
    result = _result(optimal=False, bound_score=0.861)
    assert result.gap == pytest.approx(0.061)
    assert replace(result, bundles=[]).gap is None
