"""Partner ranking: complementary capabilities, standards, trust, reasons; never the company itself."""

import pytest

from itkoop.engine import Need, UnknownCompanyError, partners_to_dict, rank_partners

from .helpers import mini_catalog


def test_partners_of_the_accounting_company_exclude_itself():
    result = rank_partners("c3", mini_catalog())
    ids = [p.id for p in result.partners]
    assert ids and "c3" not in ids
    assert ids[0] == "c1"  # ERP exchanges with accounting via DATEV, and they cooperated in 2024
    assert any("DATEV" in r for r in result.partners[0].reasons)
    assert any("2024" in r for r in result.partners[0].reasons)


def test_unknown_company_is_refused():
    with pytest.raises(UnknownCompanyError, match="ghost"):
        rank_partners("ghost", mini_catalog())


def test_need_brings_in_companies_that_complete_it():
    result = rank_partners("c2", mini_catalog(), need=Need(("online-shop", "accounting")), lang="en")
    assert "c3" in [p.id for p in result.partners]


def test_partners_json_keys():
    data = partners_to_dict(rank_partners("c3", mini_catalog()))
    assert set(data) == {"company", "partners"} and data["company"] == "c3"
    assert set(data["partners"][0]) == {"id", "score", "reasons"}
