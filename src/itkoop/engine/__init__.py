"""The matching engine: plain data in, plain data out; no web framework (see shared/DESIGN.md).

Build a :class:`Catalog` once (from the database or :func:`catalog_from_dict`), then call

* :func:`analyse_need` / :func:`need_from_text` — free text -> capabilities with score and evidence,
* :func:`compose_bundles` — a :class:`Need` -> the K best interoperable bundles, proven optimal (with
  ``budget_s``: the best found in that time, with a bound, proven only when the search completed),
* :func:`corrected_need` — the customer's corrections: capabilities added or removed, standards made a must,
* :func:`rank_partners` — a company -> likely partners with the evidence for each,
* :func:`match_to_dict` / :func:`partners_to_dict` — the JSON of the engine contract.
"""

# Names are imported on first use (PEP 562): importing one submodule, such as `itkoop.engine.text` for the
# search documents, does not load the rest (the MILP solver, the composition) into every process that
# starts Django; `itkoop match` pays only for what it runs.
_EXPORTS = {
    "Bundle": "results",
    "Capability": "catalog",
    "CapabilityHit": "need",
    "Catalog": "catalog",
    "CatalogError": "catalog",
    "Company": "catalog",
    "Cooperation": "catalog",
    "Link": "results",
    "MatchParams": "objective",
    "MatchResult": "results",
    "MatchStats": "results",
    "Need": "need",
    "NeedAnalysis": "need",
    "PartnerResult": "results",
    "RankedPartner": "results",
    "Solution": "catalog",
    "SolutionUse": "results",
    "Standard": "catalog",
    "Taxonomy": "catalog",
    "UnknownCompanyError": "partners",
    "analyse_need": "need",
    "builtin_taxonomy_dict": "catalog",
    "bundle_objective": "objective",
    "catalog_from_dict": "catalog",
    "compose_bundles": "compose",
    "corrected_need": "correct",
    "index_tokens": "text",
    "match_to_dict": "serialize",
    "need_from_text": "need",
    "partners_to_dict": "serialize",
    "query_terms": "text",
    "rank_partners": "partners",
    "taxonomy_from_dict": "catalog",
}


__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
