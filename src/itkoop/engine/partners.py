"""Who a company should cooperate with: the partners real consortia choose, with the evidence for each.

Each candidate gets signals, each a number between 0 and 1 (relative to the best candidate of this request):

* ``text``: how well its own texts match the need (BM25);
* ``works``: how many works like the need it did (the document-centric model, see partner_index);
* ``walk``: how close it is in the cooperation network to the asking company and, with a need, to the
  companies of the works most like the need (random walk with restart);
* ``shared``: cooperations with the asking company; ``common``: partners in common (Adamic-Adar);
* ``profile``: how well its texts match the asking company's own (its topics);
* ``activity``: how much it has done and with how many (a prior);
* ``covers``: the share of the need's capabilities the asking company lacks that it offers;
* ``complement``: capabilities it offers that must exchange data with the asking company's (up to three).

The score is a logistic model of these: its weights were fitted by `bench/partners.py --fit` on the training
half of the development benchmark (Horizon Europe consortia before 2024, ../shared/data/cordis-he), one set
with a need and one without. ``complement`` has no counterpart in that data (research fields exchange no
data), so it takes the weight fitted for ``covers``: both say "brings what you lack". Cooperations recorded
on the platform are edges of the same network as imported ones. Distance never raises a score: the caller
may filter by it (``max_km``), and only then do the reasons name it.

Each partner comes with reasons in German (default) or English that name the evidence.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .catalog import Catalog, CatalogError, Solution
from .need import Need
from .objective import _haversine
from .partner_index import PartnerIndex, text_tokens, written_forms
from .results import PartnerResult, RankedPartner

__all__ = ["SIGNALS", "UnknownCompanyError", "partner_signals", "rank_partners"]

SIGNALS = ("text", "works", "walk", "shared", "common", "profile", "activity", "covers", "complement")

# Fitted by `bench/partners.py --fit`: logistic regression on the training half, weights kept at zero or
# above (every signal is evidence for a partner); "bias" is the intercept.
WEIGHTS_NEED = {
    "text": 6.32,
    "works": 1.67,
    "walk": 0.71,
    "shared": 0.34,
    "common": 1.36,
    "profile": 1.4,
    "activity": 1.25,
    "covers": 1.44,
    "complement": 1.44,  # = covers (see above)
    "bias": -10.85,
}
WEIGHTS_NO_NEED = {
    "text": 0.0,
    "works": 0.0,
    "walk": 0.27,
    "shared": 0.0,  # the walk and the partners in common carry it
    "common": 2.19,
    "profile": 3.98,
    "activity": 7.33,
    "covers": 0.0,
    "complement": 1.44,  # = covers with a need (see above)
    "bias": -11.64,
}
# With a need, the walk restarts at the asking company with this share, else at the companies of the works
# most like the need.
WALK_FROM_ASKER = 0.2

# The reason lines, in words a business owner uses: "Lösungen oder Projekte" (a work is a solution in the
# catalog or, for imported data, a project), no engine terms. "active"/"active_one" name the partners count
# and are joined with a "works" phrase into "experience", so no line says "1 Lösungen".
_TEXT = {
    "de": {
        "shared": "Hat schon mit Ihnen kooperiert: {items}",
        "shared_count": "Frühere Kooperationen mit Ihnen: {n}",
        "common": "Hat mit Ihren Partnern gearbeitet: {names}",
        "work": "Lösungen oder Projekte ähnlich Ihrem Bedarf: {names}",
        "topics_need": "Begriffe aus Ihrem Bedarf in seinem Profil: {terms}",
        "topics_own": "Arbeitet an ähnlichen Themen wie Sie: {terms}",
        "walk": "Im Netzwerk Ihrer Partner",
        "covers": "Bietet, was Ihnen für diesen Bedarf fehlt: {caps}",
        "exchange": "Ergänzt Ihr Angebot „{own}“ um „{cap}“, Datenaustausch über {std}",
        "exchange_open": "Ergänzt Ihr Angebot „{own}“ um „{cap}“ (eine gemeinsame Schnittstelle fehlt noch)",
        "experience": "Erfahrung: {what}",
        "works_one": "1 Lösung oder Projekt",
        "works_many": "{n} Lösungen oder Projekte",
        "active_one": "1 Kooperationspartner",
        "active": "{partners} Kooperationspartner",
        "near": "{km} km entfernt",
        "verified": "Geprüftes Profil",
        "and_more": "und {n} weitere",
    },
    "en": {
        "shared": "Has cooperated with you before: {items}",
        "shared_count": "Earlier cooperations with you: {n}",
        "common": "Has worked with your partners: {names}",
        "work": "Solutions or projects similar to your need: {names}",
        "topics_need": "Words from your need in its profile: {terms}",
        "topics_own": "Works on topics like yours: {terms}",
        "walk": "In your partners' network",
        "covers": "Offers what you lack for this need: {caps}",
        "exchange": "Adds “{cap}” to your “{own}”, data exchange via {std}",
        "exchange_open": "Adds “{cap}” to your “{own}” (no common interface yet)",
        "experience": "Experience: {what}",
        "works_one": "1 solution or project",
        "works_many": "{n} solutions or projects",
        "active_one": "1 cooperation partner",
        "active": "{partners} cooperation partners",
        "near": "{km} km away",
        "verified": "Verified profile",
        "and_more": "and {n} more",
    },
}


class UnknownCompanyError(CatalogError):
    """The company id is not in the catalog."""


@dataclass(frozen=True, slots=True)
class Signals:
    """The signals of every company for one request (rows as in ``catalog.index.company_ids``)."""

    values: dict[str, np.ndarray]
    tokens: list[str]
    work_scores: np.ndarray
    missing: frozenset[str]
    wanted: frozenset[str]


def _relative(values: np.ndarray, exclude: list[int]) -> np.ndarray:
    values = values.astype(np.float64, copy=True)
    values[exclude] = 0.0
    top = values.max(initial=0.0)
    return values / top if top > 0 else values


def partner_signals(company_id: str, catalog: Catalog, *, need: Need | None = None) -> Signals:
    """Every signal of every company for ``company_id`` asking (with ``need`` or without)."""
    if company_id not in catalog.companies:
        raise UnknownCompanyError(f"unknown company {company_id!r}")
    pindex: PartnerIndex = catalog.partner_index
    row = pindex.company_index[company_id]
    exclude = [row]
    if need and need.customer_company_id in pindex.company_index:
        exclude.append(pindex.company_index[need.customer_company_id])
    n = pindex.size
    zeros = np.zeros(n)
    tokens = text_tokens(need.text) if need and need.text else []
    values: dict[str, np.ndarray] = {}
    work_scores = pindex.work_scores(tokens) if tokens else np.zeros(0)
    if tokens:
        values["text"] = _relative(pindex.need_text_scores(tokens), exclude)
        by_works = pindex.works_to_companies(work_scores)
        values["works"] = _relative(by_works, exclude)
        start = np.zeros(n)
        start[row] = 1.0
        if by_works.sum() > 0:
            start = WALK_FROM_ASKER * start + (1 - WALK_FROM_ASKER) * by_works / by_works.sum()
        values["walk"] = _relative(pindex.walk(start), exclude)
    else:
        values["text"] = values["works"] = zeros
        start = np.zeros(n)
        start[row] = 1.0
        values["walk"] = _relative(pindex.walk(start), exclude)
    shared = pindex.shared_counts(row)
    values["shared"] = _relative(np.log1p(shared), exclude)
    values["common"] = _relative(pindex.common_partners(row), exclude)
    values["profile"] = _relative(pindex.need_text_scores(pindex.profile_terms[row]), exclude)
    values["activity"] = pindex.activity
    tax = catalog.taxonomy
    own = {cap for sol in catalog.solutions_of[company_id] for cap in sol.capabilities}
    missing = frozenset(set(need.capabilities) - own) if need else frozenset()
    wanted = frozenset({b for a in own for b in tax.exchanges.get(a, ())} - own)
    values["covers"] = pindex.capability_counts(missing) / len(missing) if missing else zeros
    values["complement"] = np.minimum(pindex.capability_counts(wanted), 3.0) / 3.0 if wanted else zeros
    return Signals(values, tokens, work_scores, missing, wanted)


def scores_of(signals: Signals, weights: dict[str, float]) -> np.ndarray:
    z = np.full(len(signals.values["activity"]), weights["bias"])
    for name in SIGNALS:
        z += weights[name] * signals.values[name]
    return 1.0 / (1.0 + np.exp(-z))


def rank_partners(
    company_id: str,
    catalog: Catalog,
    *,
    need: Need | None = None,
    top_k: int = 10,
    lang: str = "de",
    max_km: float | None = None,
) -> PartnerResult:
    """The ``top_k`` most likely partners for ``company_id`` (never the company itself, nor the need's
    customer), best first; ``max_km`` keeps only those within that distance (companies without coordinates
    are then left out)."""
    if company_id not in catalog.companies:
        raise UnknownCompanyError(f"unknown company {company_id!r}")
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, not {top_k}")
    if max_km is not None and not (math.isfinite(max_km) and max_km > 0):
        raise ValueError(f"max_km must be a positive number, not {max_km}")
    signals = partner_signals(company_id, catalog, need=need)
    with_need = bool(signals.tokens) or bool(signals.missing)
    score = scores_of(signals, WEIGHTS_NEED if with_need else WEIGHTS_NO_NEED)
    pindex: PartnerIndex = catalog.partner_index
    row = pindex.company_index[company_id]
    # Only companies with evidence of their own are candidates: activity alone is a prior, not a reason.
    evidence = np.zeros(pindex.size, dtype=bool)
    for name in SIGNALS:
        if name != "activity":
            evidence |= signals.values[name] > 0
    evidence[row] = False
    if need and need.customer_company_id in pindex.company_index:
        evidence[pindex.company_index[need.customer_company_id]] = False
    me = catalog.companies[company_id]
    distances: dict[int, float] = {}
    if max_km is not None:
        index = catalog.index
        if me.lat is None:
            evidence[:] = False
        else:
            km = _haversine(index.company_lat, index.company_lon, me.lat, me.lon)  # type: ignore[arg-type]
            within = np.nan_to_num(km, nan=np.inf) <= max_km
            evidence &= within
            distances = {int(i): float(km[i]) for i in np.flatnonzero(evidence)}
    candidates = np.flatnonzero(evidence)
    if len(candidates) > top_k:
        best = np.argpartition(-score[candidates], top_k - 1)[:top_k]
        candidates = candidates[best]
    ids = pindex.company_ids
    order = sorted(candidates.tolist(), key=lambda i: (-score[i], ids[i]))
    t = _TEXT["en" if lang == "en" else "de"]
    # How the asker spells the terms the reasons quote: from the need, or without one from its own texts
    # (read once per request, and only if a reason quotes terms).
    source = (lambda: need.text) if signals.tokens and need else (lambda: _own_text(catalog, company_id))
    spelling = functools.cache(lambda: written_forms(source()))
    ranked = [
        RankedPartner(
            ids[i],
            round(float(score[i]), 4),
            _reasons(catalog, signals, company_id, i, t, lang, distances.get(i), spelling),
        )
        for i in order
    ]
    return PartnerResult(company_id, ranked)


def _as_written(tokens: list[str], forms: dict[str, str]) -> list[str]:
    """``tokens`` as the asker spells them (``forms``: see written_forms); a token the asker's text has only
    as a shortened compound is left out."""
    return [forms[token] for token in tokens if token in forms]


def _own_text(catalog: Catalog, company_id: str) -> str:
    """The texts a company's profile terms come from (as the partner index reads them)."""
    company, tax = catalog.companies[company_id], catalog.taxonomy
    parts = [company.description, *company.keywords]
    for sol in catalog.solutions_of[company_id]:
        parts += [sol.name, sol.description]
        parts += [
            f"{tax.capabilities[c].label_de} {tax.capabilities[c].label_en or ''}" for c in sol.capabilities
        ]
    return " ".join(parts)


def _listing(items: list[str], t: dict[str, str], limit: int = 3) -> str:
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += " " + t["and_more"].format(n=len(items) - limit)
    return shown


def _reasons(
    catalog: Catalog,
    signals: Signals,
    company_id: str,
    row: int,
    t: dict[str, str],
    lang: str,
    km: float | None,
    spelling: Callable[[], dict[str, str]],
) -> list[str]:
    pindex: PartnerIndex = catalog.partner_index
    me = pindex.company_index[company_id]
    other_id = pindex.company_ids[row]
    other = catalog.companies[other_id]
    values = signals.values
    reasons: list[str] = []
    if values["shared"][row] > 0:
        mine = set(pindex.cooperations_of(me).tolist())
        together = [catalog.cooperations[k] for k in pindex.cooperations_of(row).tolist() if k in mine]
        titled = sorted({(c.year or 0, c.title) for c in together if c.title}, reverse=True)
        if titled:
            items = [f"{title} ({year})" if year else title for year, title in titled]
            reasons.append(t["shared"].format(items=_listing(items, t)))
        else:
            reasons.append(t["shared_count"].format(n=len(together)))
    elif values["common"][row] > 0:
        mine = set(pindex.adjacency[me].indices.tolist())
        common = [k for k in pindex.adjacency[row].indices.tolist() if k in mine]
        common.sort(key=lambda k: (-pindex.common_weight[k], pindex.company_ids[k]))
        names = [catalog.companies[pindex.company_ids[k]].name for k in common]
        reasons.append(t["common"].format(names=_listing(names, t)))
    if values["works"][row] > 0:
        works = pindex.company_works[row].indices
        scored = sorted(
            ((signals.work_scores[w], pindex.work_names[w]) for w in works if signals.work_scores[w] > 0),
            reverse=True,
        )
        names = list(dict.fromkeys(name for _score, name in scored))
        if names:
            reasons.append(t["work"].format(names=_listing(names, t, 2)))
    if signals.tokens and values["text"][row] > 0:
        terms = _as_written(pindex.terms_in(row, signals.tokens), spelling())
        if terms:
            reasons.append(t["topics_need"].format(terms=", ".join(terms[:5])))
    elif not signals.tokens and values["profile"][row] > 0:
        terms = _as_written(pindex.terms_in(row, pindex.profile_terms[me]), spelling())
        if terms:
            reasons.append(t["topics_own"].format(terms=", ".join(terms[:5])))
    tax = catalog.taxonomy
    if values["covers"][row] > 0:
        theirs = {c for s in catalog.solutions_of[other_id] for c in s.capabilities}
        caps = sorted(tax.capabilities[c].label(lang) for c in theirs & signals.missing)
        reasons.append(t["covers"].format(caps=", ".join(caps)))
    if values["complement"][row] > 0:
        reasons.extend(_exchange_reasons(catalog, company_id, other_id, t, lang))
    if not reasons and values["walk"][row] > 0:
        reasons.append(t["walk"])
    works_done = len(pindex.company_works[row].indices)
    partners = int(pindex.degree[row])
    if partners:
        what = (
            [t["works_one"] if works_done == 1 else t["works_many"].format(n=works_done)]
            if works_done
            else []
        )
        what.append(t["active_one" if partners == 1 else "active"].format(partners=partners))
        reasons.append(t["experience"].format(what=", ".join(what)))
    if km is not None:
        reasons.append(t["near"].format(km=round(km)))
    if other.verified:
        reasons.append(t["verified"])
    return reasons


def _exchange_reasons(
    catalog: Catalog, company_id: str, other_id: str, t: dict[str, str], lang: str
) -> list[str]:
    """Up to three of the other's capabilities that exchange data with ours, with the standard linking the
    two companies' solutions where there is one."""
    tax = catalog.taxonomy
    own = catalog.solutions_of[company_id]
    own_caps = {c for s in own for c in s.capabilities}
    offered: dict[str, tuple[str, str | None]] = {}
    for mine in own:
        for sol in catalog.solutions_of[other_id]:
            for a in mine.capabilities:
                for b in sol.capabilities:
                    if b in own_caps or b not in tax.exchanges.get(a, ()):
                        continue
                    std = _shared_standard(catalog, mine, sol)
                    if b not in offered or (offered[b][1] is None and std is not None):
                        offered[b] = (a, std)
    out = []
    for b, (a, std) in sorted(offered.items(), key=lambda kv: (kv[1][1] is None, kv[0]))[:3]:
        own_label, cap_label = tax.capabilities[a].label(lang), tax.capabilities[b].label(lang)
        if std:
            out.append(
                t["exchange"].format(own=own_label, cap=cap_label, std=tax.standards[std].label_in(lang))
            )
        else:
            out.append(t["exchange_open"].format(own=own_label, cap=cap_label))
    return out


def _shared_standard(catalog: Catalog, sa: Solution, sb: Solution) -> str | None:
    shared = (set(sa.provides) & set(sb.consumes)) | (set(sb.provides) & set(sa.consumes))
    if not shared:
        return None
    spec = catalog.taxonomy.standard_specificity
    return min(shared, key=lambda s: (-spec.get(s, 0.0), s))
