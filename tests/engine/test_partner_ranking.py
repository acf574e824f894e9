"""Partner ranking from evidence: shared works, the network, texts like the need, what the asker lacks;
distance only as a filter the caller chooses."""

import math

import numpy as np
import pytest

from itkoop.engine import Need, rank_partners
from itkoop.engine.catalog import Capability, Catalog, Company, Cooperation, Solution, Taxonomy
from itkoop.engine.partner_index import MAX_QUERY_TOKENS, text_tokens
from itkoop.engine.partners import WEIGHTS_NEED, WEIGHTS_NO_NEED, partner_signals


def _catalog() -> Catalog:
    taxonomy = Taxonomy(
        [
            Capability("erp", "Warenwirtschaft", label_en="ERP", exchanges_with=("accounting",)),
            Capability("accounting", "Buchhaltung", label_en="Accounting"),
            Capability("solar", "Solartechnik", label_en="Solar technology"),
        ]
    )
    places = {"a": (51.31, 9.48), "b": (51.32, 9.50), "c": (48.14, 11.58), "d": (52.52, 13.40)}
    nowhere = (None, None)
    companies = [
        Company(x, f"Firma {x.upper()}", lat=places.get(x, nowhere)[0], lon=places.get(x, nowhere)[1])
        for x in "abcdefg"
    ]
    texts = {
        "a": "Warenwirtschaft für den Handel",
        "b": "Lagerlogistik und Versand",
        "c": "Lagerlogistik und Versand mit Drohnen",
        "d": "Photovoltaik Wasserstoff Elektrolyse Speicher für Solarparks",
        "e": "Webdesign",
        "f": "Buchhaltung und Lohn",
        "g": "Beratung",
    }
    solutions = [Solution(f"{x}1", x, f"Produkt {x.upper()}", texts[x]) for x in "abcdefg"]
    solutions[0] = Solution("a1", "a", "Produkt A", texts["a"], capabilities=("erp",))
    solutions[5] = Solution("f1", "f", "Produkt F", texts["f"], capabilities=("accounting",))
    # one work done by two companies: the same text, as each partner describes a joint project
    solutions.append(Solution("b2", "b", "HYDRO", "Elektrolyse für grünen Wasserstoff aus Solarstrom"))
    solutions.append(Solution("g2", "g", "HYDRO", "Elektrolyse für grünen Wasserstoff aus Solarstrom"))
    cooperations = [
        Cooperation("a", "b", 2022, "LOGI"),
        Cooperation("a", "b", 2023, "LOGI-2"),
        Cooperation("b", "c", 2021, "DRONE"),
        Cooperation("b", "g", 2023, "HYDRO"),
        Cooperation("e", "g", 2020, "WEB"),
    ]
    return Catalog(taxonomy, companies, solutions, cooperations)


def test_a_past_partner_is_proposed_with_the_shared_cooperations_named():
    result = rank_partners("a", _catalog())
    by_id = {p.id: p for p in result.partners}
    assert "Hat schon mit Ihnen kooperiert: LOGI-2 (2023), LOGI (2022)" in by_id["b"].reasons
    assert "a" not in by_id


def test_partners_of_partners_are_reached_through_the_network_and_named():
    result = rank_partners("a", _catalog(), top_k=10)
    by_id = {p.id: p for p in result.partners}
    assert "c" in by_id and "g" in by_id
    assert "Hat mit Ihren Partnern gearbeitet: Firma B" in by_id["c"].reasons


def test_a_need_brings_in_who_did_work_like_it_and_names_that_work_and_the_topics():
    need = Need((), text="Wir planen ein Projekt zu Wasserstoff aus Elektrolyse mit Solarstrom")
    result = rank_partners("a", _catalog(), need=need, top_k=10)
    by_id = {p.id: p for p in result.partners}
    assert {"d", "g"} <= set(by_id)
    assert any(r.startswith("Lösungen oder Projekte ähnlich Ihrem Bedarf: HYDRO") for r in by_id["g"].reasons)
    topics = next(r for r in by_id["d"].reasons if r.startswith("Begriffe aus Ihrem Bedarf in seinem Profil"))
    # quoted as the need spells them, not as the index folds them
    assert "Elektrolyse" in topics and "Wasserstoff" in topics
    # the partner in the network who also did the work ranks above the one known only by text
    ids = [p.id for p in result.partners]
    assert ids.index("b") < ids.index("d")


def test_a_work_shared_by_two_companies_counts_for_both():
    catalog = _catalog()
    signals = partner_signals("a", catalog, need=Need((), text="grüner Wasserstoff Elektrolyse"))
    index = catalog.partner_index
    works = signals.values["works"]
    assert works[index.company_index["b"]] > 0
    assert works[index.company_index["b"]] == pytest.approx(works[index.company_index["g"]])
    assert works[index.company_index["e"]] == 0


def test_what_the_asker_lacks_for_the_need_is_named_in_english():
    need = Need(("accounting",), text="accounting")
    result = rank_partners("a", _catalog(), need=need, lang="en", top_k=10)
    f = next(p for p in result.partners if p.id == "f")
    assert "Offers what you lack for this need: Accounting" in f.reasons
    assert "Adds “Accounting” to your “ERP” (no common interface yet)" in f.reasons


def test_distance_never_ranks_and_is_named_only_when_the_user_filters_by_it():
    catalog = _catalog()
    plain = rank_partners("a", catalog, top_k=10)
    assert not any("km" in r for p in plain.partners for r in p.reasons)
    near = rank_partners("a", catalog, top_k=10, max_km=50)
    assert [p.id for p in near.partners] == ["b"]
    assert any(r.endswith("km entfernt") for r in near.partners[0].reasons)
    # a company without coordinates is left out once a radius is chosen
    assert "g" not in [p.id for p in rank_partners("a", catalog, top_k=10, max_km=2000).partners]


@pytest.mark.parametrize("bad", [0, -5, math.nan, math.inf])
def test_a_radius_that_is_not_a_positive_distance_is_refused(bad):
    with pytest.raises(ValueError, match="max_km"):
        rank_partners("a", _catalog(), max_km=bad)


def test_the_customer_of_the_need_is_never_proposed():
    need = Need((), text="Lagerlogistik", customer_company_id="b")
    assert "b" not in [p.id for p in rank_partners("a", _catalog(), need=need, top_k=10).partners]


def test_a_company_without_any_evidence_gets_no_partners_rather_than_popular_ones():
    catalog = _catalog()
    lonely = Catalog(
        catalog.taxonomy,
        [*catalog.companies.values(), Company("z", "Firma Z")],
        catalog.solutions.values(),
        catalog.cooperations,
    )
    assert rank_partners("z", lonely).partners == []


def test_scores_are_ordered_unique_and_within_top_k():
    result = rank_partners("a", _catalog(), need=Need((), text="Lagerlogistik Versand Wasserstoff"), top_k=3)
    scores = [p.score for p in result.partners]
    assert len(result.partners) == 3
    assert scores == sorted(scores, reverse=True) and all(0 < s < 1 for s in scores)
    assert len({p.id for p in result.partners}) == 3


def test_a_long_need_is_read_only_up_to_the_token_cap():
    text = "Wasserstoff " * (MAX_QUERY_TOKENS * 5)
    assert len(text_tokens(text)) == MAX_QUERY_TOKENS * 5
    result = rank_partners("a", _catalog(), need=Need((), text=text))
    assert result.partners


def test_text_tokens_drop_stop_words_digits_and_single_letters_and_fold_case():
    assert text_tokens("Die ERP-Lösung für 3 Häuser und a Cloud") == ["erp", "lösung", "häuser", "cloud"]


def test_the_fitted_weights_cover_every_signal():
    from itkoop.engine.partners import SIGNALS

    for weights in (WEIGHTS_NEED, WEIGHTS_NO_NEED):
        assert set(weights) == {*SIGNALS, "bias"}
        assert all(np.isfinite(v) for v in weights.values())


def test_the_experience_line_counts_solutions_and_partners_in_plain_words():
    by_id = {p.id: p for p in rank_partners("a", _catalog(), top_k=10).partners}
    # b: two solutions, partners a, c and g; c: one solution, partner b
    assert "Erfahrung: 2 Lösungen oder Projekte, 3 Kooperationspartner" in by_id["b"].reasons
    assert "Erfahrung: 1 Lösung oder Projekt, 1 Kooperationspartner" in by_id["c"].reasons
    english = {p.id: p for p in rank_partners("a", _catalog(), top_k=10, lang="en").partners}
    assert "Experience: 1 solution or project, 1 cooperation partner" in english["c"].reasons


def test_topics_leave_out_the_shortened_first_part_of_a_compound():
    from itkoop.engine.partner_index import written_forms

    forms = written_forms("Bestands- und Preisabgleich für Cloud-Hosting")
    assert "bestands" not in forms
    assert forms["preisabgleich"] == "Preisabgleich" and forms["cloud"] == "Cloud"


def test_a_pickled_catalog_ranks_the_same_partners_with_the_same_reasons():
    """What a snapshot holds (cooperations as columns, deferred lookups, the network's derived matrices left
    out) comes back equal: the CLI and other workers rank from the unpickled copy."""
    import pickle

    catalog = _catalog()
    catalog.partners_of  # noqa: B018 - warmed, as a snapshot's catalog is
    catalog.partner_index  # noqa: B018
    copy = pickle.loads(pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 - made here
    assert list(copy.cooperations) == catalog.cooperations
    assert copy.cooperations[1] == Cooperation("a", "b", 2023, "LOGI-2")
    assert copy.partners_of == catalog.partners_of
    assert copy.cooperation_years == catalog.cooperation_years
    assert copy.solutions == catalog.solutions and copy.companies == catalog.companies
    for name in ("adjacency", "transition", "shared"):
        assert (getattr(copy.partner_index, name) != getattr(catalog.partner_index, name)).nnz == 0
    need = Need(capabilities=("accounting",), text="Elektrolyse Wasserstoff")
    for company in "abcdefg":
        for asked in (None, need):
            assert rank_partners(company, copy, need=asked) == rank_partners(company, catalog, need=asked)
    again = pickle.loads(pickle.dumps(copy, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 - a snapshot's copy
    assert again.partners_of == catalog.partners_of and list(again.cooperations) == catalog.cooperations


def test_a_catalog_without_any_text_still_ranks_by_the_network():
    """BM25 over documents without a single word divided 0 by 0 (a 500 on the need page of a new platform)."""
    taxonomy = Taxonomy([Capability("erp", "Warenwirtschaft")])
    catalog = Catalog(taxonomy, [Company("a", "A"), Company("b", "B")], (), [Cooperation("a", "b", 2024, "")])
    result = rank_partners("a", catalog, need=Need((), text="Warenwirtschaft"))
    assert [p.id for p in result.partners] == ["b"]
    assert rank_partners("a", Catalog(taxonomy, [Company("a", "A")])).partners == []
