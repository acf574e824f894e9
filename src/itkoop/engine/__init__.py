"""The matching engine: plain data in, plain data out; no web framework (see shared/DESIGN.md).

Build a :class:`Catalog` once (from the database or :func:`catalog_from_dict`), then call

* :func:`analyse_need` / :func:`need_from_text` — free text -> capabilities with score and evidence,
* :func:`corrected_need` — the customer's corrections: capabilities added or removed, standards made a must,
* :func:`compose_bundles` — a :class:`Need` -> the K best interoperable bundles, proven optimal (with
  ``budget_s``: the best found in that time, with a bound, proven only when the search completed),
* :func:`rank_partners` — a company -> complementary partners with reasons,
* :func:`match_to_dict` / :func:`partners_to_dict` — the JSON of the engine contract.
"""

from .catalog import (
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
from .compose import compose_bundles
from .correct import corrected_need
from .need import CapabilityHit, Need, NeedAnalysis, analyse_need, need_from_text
from .objective import MatchParams, bundle_objective
from .partners import UnknownCompanyError, rank_partners
from .results import Bundle, Link, MatchResult, MatchStats, PartnerResult, RankedPartner, SolutionUse
from .serialize import match_to_dict, partners_to_dict
from .text import index_tokens, query_terms

__all__ = [
    "Bundle",
    "Capability",
    "CapabilityHit",
    "Catalog",
    "CatalogError",
    "Company",
    "Cooperation",
    "Link",
    "MatchParams",
    "MatchResult",
    "MatchStats",
    "Need",
    "NeedAnalysis",
    "PartnerResult",
    "RankedPartner",
    "Solution",
    "SolutionUse",
    "Standard",
    "Taxonomy",
    "UnknownCompanyError",
    "analyse_need",
    "builtin_taxonomy_dict",
    "bundle_objective",
    "catalog_from_dict",
    "compose_bundles",
    "corrected_need",
    "index_tokens",
    "match_to_dict",
    "need_from_text",
    "partners_to_dict",
    "query_terms",
    "rank_partners",
    "taxonomy_from_dict",
]
