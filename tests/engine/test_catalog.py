"""Catalog and taxonomy validation: each invalid input a specific error beside its valid boundary."""

import pytest

from itkoop.engine import (
    Capability,
    Catalog,
    CatalogError,
    Company,
    Cooperation,
    Solution,
    Standard,
    Taxonomy,
    builtin_taxonomy_dict,
    catalog_from_dict,
    taxonomy_from_dict,
)


def _tax():
    return Taxonomy(
        [Capability("erp", "ERP", exchanges_with=("shop",)), Capability("shop", "Shop")],
        [Standard("csv", "CSV")],
    )


def test_builtin_taxonomy_is_valid_and_large_enough():
    taxonomy = taxonomy_from_dict(builtin_taxonomy_dict())
    leaves = [c for c in taxonomy.capabilities if not taxonomy.is_group(c)]
    assert len(leaves) >= 65 and len(taxonomy.standards) >= 32
    assert taxonomy.must_exchange("online-shop", "erp") and taxonomy.must_exchange("erp", "online-shop")


def test_exchanges_with_is_symmetric():
    assert _tax().must_exchange("shop", "erp")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Capability("Bad Id", "x"), "must match"),
        (lambda: Capability("ok", " "), "German label"),
        (lambda: Standard("s", ""), "label"),
        (lambda: Taxonomy([Capability("a", "A"), Capability("a", "A")]), "twice"),
        (lambda: Taxonomy([Capability("a", "A", parent="ghost")]), "ghost"),
        (lambda: Taxonomy([Capability("a", "A", exchanges_with=("ghost",))]), "ghost"),
        (lambda: Taxonomy([Capability("a", "A")], [Standard("s", "S", used_by=("ghost",))]), "ghost"),
        (lambda: Company("c", "C", lat=50.0), "both"),
        (lambda: Company("c", "C", lat=91.0, lon=0.0), "range"),
        (lambda: Catalog(_tax(), [Company("c", "C")], [Solution("s", "ghost", "S")]), "ghost"),
        (
            lambda: Catalog(_tax(), [Company("c", "C")], [Solution("s", "c", "S", capabilities=("ghost",))]),
            "ghost",
        ),
        (
            lambda: Catalog(_tax(), [Company("c", "C")], [Solution("s", "c", "S", provides=("ghost",))]),
            "ghost",
        ),
        (lambda: Catalog(_tax(), [Company("c", "C"), Company("c", "D")]), "twice"),
        (lambda: Catalog(_tax(), [Company("c", "C")], [], [Cooperation("c", "ghost")]), "ghost"),
        (lambda: Cooperation("c", "c"), "itself"),
    ],
)
def test_invalid_input_is_refused_naming_the_problem(build, message):
    with pytest.raises(CatalogError, match=message):
        build()


def test_valid_boundaries_are_accepted():
    Company("c", "C", lat=90.0, lon=-180.0)
    Catalog(_tax(), [Company("c", "C")], [Solution("s", "c", "S", capabilities=("erp",), provides=("csv",))])


def test_file_entries_update_builtin_capabilities_by_id():
    data = {
        "capabilities": [{"id": "erp", "label_de": "Mein ERP", "exchanges_with": ["online-shop"]}],
        "companies": [],
    }
    catalog = catalog_from_dict(data, builtin_taxonomy_dict())
    assert catalog.taxonomy.capabilities["erp"].label_de == "Mein ERP"
    assert catalog.taxonomy.capabilities["erp"].synonyms_de  # fields the file does not give stay


def test_malformed_company_entry_is_refused():
    with pytest.raises(CatalogError, match="name"):
        catalog_from_dict({"companies": [{"id": "c"}]}, builtin_taxonomy_dict())


def test_a_filter_decided_per_distinct_value_is_the_filter_per_solution():
    catalog = Catalog(
        _tax(),
        [Company("a", "A", hub="kassel", labels=("smig",)), Company("b", "B", hub="berlin")],
        [
            Solution("a1", "a", "A1", capabilities=("erp",), deployment=("saas",)),
            Solution("a2", "a", "A2", capabilities=("shop",), deployment=("on-premise",)),
            Solution("b1", "b", "B1", capabilities=("erp",), labels=("smig",)),
            Solution("b2", "b", "B2", capabilities=("shop",), deployment=("saas",)),
        ],
    )
    idx = catalog.index
    ids = idx.solution_ids
    assert idx.solutions_where("hub", lambda hub: hub == "kassel").tolist() == [s[0] == "a" for s in ids]
    labelled = idx.solutions_where("labels", frozenset({"smig"}).issubset).tolist()
    assert labelled == [s in ("a1", "a2", "b1") for s in ids]
    as_saas = idx.solutions_where("deployment", lambda runs: "saas" in runs).tolist()
    assert as_saas == [s in ("a1", "b2") for s in ids]
    with pytest.raises(ValueError, match="colour"):
        idx.solutions_where("colour", bool)
