"""The partner data on disk (what `itkoop partners` loads instead of the whole catalog) ranks exactly as the
catalog it was written from: the same partners, scores and reasons, with and without a need, in both
languages, within a radius."""

import numpy as np
import pytest

from itkoop.engine import Need, rank_partners
from itkoop.engine.catalog import Capability, Catalog, Company, Cooperation, Taxonomy
from itkoop.engine.need import need_from_text
from itkoop.engine.partner_store import PartnerCatalog, load_partner_catalog, save_partner_catalog

from .helpers import mini_catalog
from .test_partner_ranking import _catalog


def _stored(catalog: Catalog, tmp_path) -> PartnerCatalog:
    directory = tmp_path / "partners"
    directory.mkdir(parents=True)
    save_partner_catalog(catalog, directory)
    return load_partner_catalog(directory, catalog.taxonomy)


def _same_rankings(catalog: Catalog, stored: PartnerCatalog, needs: list[Need | None]) -> int:
    compared = 0
    for company in catalog.companies:
        has_place = catalog.companies[company].lat is not None
        for need in needs:
            for lang in ("de", "en"):
                for max_km in (None, 500) if has_place else (None,):
                    args = {"need": need, "top_k": 50, "lang": lang, "max_km": max_km}
                    assert rank_partners(company, stored, **args) == rank_partners(
                        company, catalog, **args
                    ), (
                        company,
                        need,
                        lang,
                        max_km,
                    )
                    compared += 1
    return compared


def test_the_stored_partner_data_ranks_as_the_catalog(tmp_path):
    catalog = _catalog()
    stored = _stored(catalog, tmp_path)
    need = Need(capabilities=("accounting",), text="Elektrolyse Wasserstoff für Solarparks")
    assert _same_rankings(catalog, stored, [None, need]) > 40
    # the records come back as the catalog's objects
    assert dict(stored.companies) == catalog.companies
    assert list(stored.cooperations) == list(catalog.cooperations)
    assert stored.cooperations[1] == Cooperation("a", "b", 2023, "LOGI-2")
    assert all(stored.solutions_of[c] == catalog.solutions_of[c] for c in catalog.companies)
    assert "nobody" not in stored.companies


def test_the_mini_catalog_with_its_exchanges_and_standards_ranks_the_same_from_disk(tmp_path):
    """Complements name the standard two companies' solutions share: read from the stored solutions."""
    catalog = mini_catalog()
    stored = _stored(catalog, tmp_path)
    text = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"
    need, _analysis = need_from_text(text, stored.taxonomy)
    assert _same_rankings(catalog, stored, [None, need]) > 0
    reasons = [r for p in rank_partners("c3", stored).partners for r in p.reasons]
    assert any("Datenaustausch über" in r or "Schnittstelle" in r for r in reasons), reasons


def test_a_vocabulary_lookup_finds_every_token_and_nothing_else(tmp_path):
    catalog = _catalog()
    stored = _stored(catalog, tmp_path)
    for name in ("company_text", "work_text"):
        original = getattr(catalog.partner_index, name).vocab_dict
        vocabulary = getattr(stored.partner_index, name).vocab_dict
        assert dict(vocabulary) == original
        assert "kein-wort" not in vocabulary and 17 not in vocabulary
        with pytest.raises(KeyError):
            vocabulary["kein-wort"]


def test_a_catalog_without_texts_or_cooperations_is_stored_and_ranks(tmp_path):
    taxonomy = Taxonomy([Capability("erp", "Warenwirtschaft")])
    lonely = Catalog(taxonomy, [Company("a", "A"), Company("b", "B")])
    assert rank_partners("a", _stored(lonely, tmp_path)).partners == []
    pair = Catalog(taxonomy, [Company("a", "A"), Company("b", "B")], (), [Cooperation("a", "b")])
    stored = _stored(pair, tmp_path / "pair")
    assert [p.id for p in rank_partners("a", stored, need=Need((), text="Warenwirtschaft")).partners] == ["b"]
    assert stored.cooperations[0] == Cooperation("a", "b", None, "")


def test_an_attribute_of_the_partner_index_the_store_does_not_know_stops_the_save(tmp_path):
    """A new attribute must be stored on purpose, not silently left out of the CLI's copy."""
    catalog = _catalog()
    catalog.partner_index.something_new = {"a": np.zeros(2)}
    with pytest.raises(TypeError, match="something_new"):
        save_partner_catalog(catalog, tmp_path)
