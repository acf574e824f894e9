"""A bundle stored or signed as JSON (bundle_to_dict) comes back as the same bundle (bundle_from_dict)."""

import pytest

from itkoop.engine.results import Bundle, Link, SolutionUse
from itkoop.engine.serialize import bundle_from_dict, bundle_to_dict

BUNDLE = Bundle(
    rank=1,
    score=0.9,
    objective=0.0,
    quality=0.0,
    companies=("c1", "c2"),
    solutions=(SolutionUse("s1", "c1", ("erp",)), SolutionUse("s2", "c2", ("online-shop",))),
    links=(Link("s2", "s1", "bmecat"),),
    uncovered=("accounting",),
    explanation="Zwei Partner.",
    proven=False,
)


def test_a_bundle_survives_the_round_trip_through_its_contract_shape():
    data = bundle_to_dict(BUNDLE)
    assert set(data) == {"rank", "score", "companies", "solutions", "links", "uncovered", "explanation"}
    assert data["links"] == [{"from": "s2", "to": "s1", "standard": "bmecat"}]
    assert bundle_from_dict(data) == BUNDLE


def test_an_old_snapshot_with_missing_or_odd_entries_reads_with_empty_defaults():
    bundle = bundle_from_dict({"solutions": [{"id": 7}, "junk"], "links": None})
    assert bundle.solutions == (SolutionUse("7", "", ()),)
    assert bundle.links == () and bundle.companies == () and bundle.explanation == ""


def test_a_snapshot_that_is_not_an_object_is_refused():
    with pytest.raises(ValueError, match="object"):
        bundle_from_dict(["s1"])
