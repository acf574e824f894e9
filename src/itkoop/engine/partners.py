"""Who complements a company: partners whose capabilities exchange data with or complete its own.

A candidate partner offers a capability that must exchange data with one of the company's capabilities
(``exchanges_with``) or, given a need, a required capability the company lacks. Its score combines

* exchange: how many of those complementary capabilities it brings (up to three count),
* interfaces: the share of those exchanges for which a standard already links the two companies' solutions,
* need: the share of the need's missing capabilities it covers (only with a need),
* proximity to the company, trust (a past cooperation, or partners in common) and a verified profile.

Each partner comes with reasons in German (default) or English.
"""

from __future__ import annotations

import math

from .catalog import Catalog, CatalogError, distance_km
from .need import Need
from .results import PartnerResult, RankedPartner

__all__ = ["UnknownCompanyError", "rank_partners"]

_W_NO_NEED = {
    "exchange": 0.4,
    "interfaces": 0.3,
    "need": 0.0,
    "proximity": 0.12,
    "trust": 0.12,
    "verified": 0.06,
}
_W_NEED = {"exchange": 0.25, "interfaces": 0.2, "need": 0.3, "proximity": 0.1, "trust": 0.1, "verified": 0.05}

_TEXT = {
    "de": {
        "exchange": "Ergänzt {own} um {cap}: Datenaustausch über {std}",
        "exchange_open": "Ergänzt {own} um {cap} (noch ohne gemeinsame Schnittstelle)",
        "need": "Deckt aus dem Bedarf ab, was Ihnen fehlt: {caps}",
        "coop": "Hat bereits mit Ihnen zusammengearbeitet{year}",
        "common": "Gemeinsame Partner: {names}",
        "near": "{km} km entfernt",
        "verified": "Verifiziertes Profil",
    },
    "en": {
        "exchange": "Complements {own} with {cap}: data exchange via {std}",
        "exchange_open": "Complements {own} with {cap} (no common interface yet)",
        "need": "Covers what you lack for the need: {caps}",
        "coop": "Has worked with you before{year}",
        "common": "Partners in common: {names}",
        "near": "{km} km away",
        "verified": "Verified profile",
    },
}


class UnknownCompanyError(CatalogError):
    """The company id is not in the catalog."""


def rank_partners(
    company_id: str,
    catalog: Catalog,
    *,
    need: Need | None = None,
    top_k: int = 10,
    lang: str = "de",
    proximity_km: float = 250.0,
) -> PartnerResult:
    """The ``top_k`` best partners for ``company_id`` (never the company itself), best first."""
    if company_id not in catalog.companies:
        raise UnknownCompanyError(f"unknown company {company_id!r}")
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, not {top_k}")
    t = _TEXT["en" if lang == "en" else "de"]
    tax = catalog.taxonomy
    me = catalog.companies[company_id]
    own = catalog.solutions_of[company_id]
    own_caps = {c for s in own for c in s.capabilities}
    missing = set(need.capabilities) - own_caps if need else set()
    wanted = {b for a in own_caps for b in tax.exchanges.get(a, ())} - own_caps
    idx = catalog.index
    candidates: set[str] = set()
    for cap in wanted | missing:
        rows = idx.by_capability.get(cap)
        if rows is not None:
            candidates.update(idx.company_ids[r] for r in idx.company_row[rows].tolist())
    candidates.discard(company_id)
    if need and need.customer_company_id:
        candidates.discard(need.customer_company_id)
    weights = _W_NEED if missing else _W_NO_NEED
    my_partners = catalog.partners_of.get(company_id, frozenset())
    ranked: list[RankedPartner] = []
    for other_id in candidates:
        other = catalog.companies[other_id]
        theirs = catalog.solutions_of[other_id]
        reasons: list[str] = []
        offered: dict[str, tuple[str, str | None]] = {}  # their capability -> (our capability, standard)
        for mine in own:
            for sol in theirs:
                for a in mine.capabilities:
                    for b in sol.capabilities:
                        if b in own_caps or b not in tax.exchanges.get(a, ()):
                            continue
                        std = _shared_standard(catalog, mine.id, sol.id)
                        if b not in offered or (offered[b][1] is None and std is not None):
                            offered[b] = (a, std)
        exchange = min(len(offered), 3) / 3
        interfaces = sum(1 for _, s in offered.values() if s) / len(offered) if offered else 0.0
        covered = {c for s in theirs for c in s.capabilities} & missing
        need_share = len(covered) / len(missing) if missing else 0.0
        if not offered and not covered:
            continue
        for b, (a, std) in sorted(offered.items(), key=lambda kv: (kv[1][1] is None, kv[0]))[:3]:
            own_label, cap_label = tax.capabilities[a].label(lang), tax.capabilities[b].label(lang)
            if std:
                reasons.append(
                    t["exchange"].format(own=own_label, cap=cap_label, std=tax.standards[std].label)
                )
            else:
                reasons.append(t["exchange_open"].format(own=own_label, cap=cap_label))
        if covered:
            reasons.append(
                t["need"].format(caps=", ".join(tax.capabilities[c].label(lang) for c in sorted(covered)))
            )
        trust = 0.0
        pair = frozenset((company_id, other_id))
        if pair in catalog.cooperation_years:
            trust = 1.0
            year = catalog.cooperation_years[pair]
            reasons.append(t["coop"].format(year=f" ({year})" if year else ""))
        else:
            common = my_partners & catalog.partners_of.get(other_id, frozenset())
            if common:
                trust = 0.5
                names = ", ".join(sorted(catalog.companies[c].name for c in common)[:3])
                reasons.append(t["common"].format(names=names))
        proximity = 0.0
        if None not in (me.lat, me.lon, other.lat, other.lon):
            km = distance_km(me.lat, me.lon, other.lat, other.lon)  # type: ignore[arg-type]
            proximity = math.exp(-km / proximity_km)
            reasons.append(t["near"].format(km=round(km)))
        if other.verified:
            reasons.append(t["verified"])
        score = (
            weights["exchange"] * exchange
            + weights["interfaces"] * interfaces
            + weights["need"] * need_share
            + weights["proximity"] * proximity
            + weights["trust"] * trust
            + weights["verified"] * float(other.verified)
        )
        ranked.append(RankedPartner(other_id, round(score, 4), reasons))
    ranked.sort(key=lambda p: (-p.score, p.id))
    return PartnerResult(company_id, ranked[:top_k])


def _shared_standard(catalog: Catalog, a: str, b: str) -> str | None:
    sa, sb = catalog.solutions[a], catalog.solutions[b]
    shared = (set(sa.provides) & set(sb.consumes)) | (set(sb.provides) & set(sa.consumes))
    if not shared:
        return None
    spec = catalog.taxonomy.standard_specificity
    return min(shared, key=lambda s: (-spec.get(s, 0.0), s))
