"""Plain-language explanations of bundles (German by default, English with lang="en")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .catalog import Catalog
from .need import Need

if TYPE_CHECKING:
    from .results import Bundle

__all__ = ["explain_bundle"]

_TEXT = {
    "de": {
        "covers_all": "Deckt alle {n} benötigten Bausteine mit {k} {providers} ab",
        "covers_one": "Deckt den benötigten Baustein mit {k} {providers} ab",
        "covers_some": "Deckt {c} von {n} benötigten Bausteinen mit {k} {providers} ab",
        "provider": ("Anbieter", "Anbietern"),
        "links": "Schnittstellen: {items}.",
        "no_links": "Keine Schnittstelle nötig: eine Lösung deckt alles zusammenhängend ab.",
        "link": "{src} liefert {std} an {dst}",
        "verified": "Verifizierte Profile: {names}.",
        "history": "Haben schon zusammengearbeitet: {pairs}.",
        "customer": "Hat schon mit Ihnen gearbeitet: {names}.",
        "near": "Nächster Anbieter {km} km entfernt.",
        "open": "Offen bleibt: {caps} – dafür fand sich keine passende Lösung.",
        "and": " und ",
    },
    "en": {
        "covers_all": "Covers all {n} required capabilities with {k} {providers}",
        "covers_one": "Covers the required capability with {k} {providers}",
        "covers_some": "Covers {c} of {n} required capabilities with {k} {providers}",
        "provider": ("provider", "providers"),
        "links": "Interfaces: {items}.",
        "no_links": "No interface needed: one solution covers everything that exchanges data.",
        "link": "{src} delivers {std} to {dst}",
        "verified": "Verified profiles: {names}.",
        "history": "Have worked together before: {pairs}.",
        "customer": "Has worked with you before: {names}.",
        "near": "Nearest provider {km} km away.",
        "open": "Left open: {caps} – no fitting solution was found.",
        "and": " and ",
    },
}


def explain_bundle(bundle: Bundle, catalog: Catalog, need: Need, lang: str = "de") -> str:
    """Why this bundle: what it covers with whom, how the solutions talk, trust and what stays open."""
    from .catalog import distance_km

    t = _TEXT["en" if lang == "en" else "de"]
    tax = catalog.taxonomy
    n, k = len(need.capabilities), len(bundle.companies)
    covered = n - len(bundle.uncovered)
    providers = t["provider"][0 if k == 1 else 1]
    whole = "covers_one" if n == 1 else "covers_all"  # never "alle 1 benötigten Bausteine"
    head = t[whole if not bundle.uncovered else "covers_some"].format(
        n=n, c=covered, k=k, providers=providers
    )
    parts = []
    for use in bundle.solutions:
        sol = catalog.solutions[use.id]
        company = catalog.companies[use.company]
        caps = ", ".join(tax.capabilities[c].label(lang) for c in use.covers)
        parts.append(f"{company.name} – {sol.name} ({caps})")
    sentences = [f"{head}: {'; '.join(parts)}."]
    if bundle.links:
        items = [
            t["link"].format(
                src=catalog.solutions[link.source].name,
                dst=catalog.solutions[link.target].name,
                std=tax.standards[link.standard].label,
            )
            for link in bundle.links
        ]
        sentences.append(t["links"].format(items="; ".join(items)))
    elif len(bundle.solutions) == 1 and covered > 1:
        sentences.append(t["no_links"])
    verified = [catalog.companies[c].name for c in bundle.companies if catalog.companies[c].verified]
    if verified:
        sentences.append(t["verified"].format(names=", ".join(verified)))
    pairs = []
    for i, a in enumerate(bundle.companies):
        for b in bundle.companies[i + 1 :]:
            year = catalog.cooperation_years.get(frozenset((a, b)), -1)
            if year != -1:
                names = t["and"].join((catalog.companies[a].name, catalog.companies[b].name))
                pairs.append(f"{names} ({year})" if year else names)
    if pairs:
        sentences.append(t["history"].format(pairs="; ".join(pairs)))
    if need.customer_company_id:
        known = catalog.partners_of.get(need.customer_company_id, frozenset())
        names = [catalog.companies[c].name for c in bundle.companies if c in known]
        if names:
            sentences.append(t["customer"].format(names=", ".join(names)))
    ref = need.reference_location
    if ref is not None:
        dists = [
            distance_km(ref[0], ref[1], c.lat, c.lon)
            for c in (catalog.companies[x] for x in bundle.companies)
            if c.lat is not None and c.lon is not None
        ]
        if dists:
            sentences.append(t["near"].format(km=round(min(dists))))
    if bundle.uncovered:
        caps = ", ".join(tax.capabilities[c].label(lang) for c in bundle.uncovered)
        sentences.append(t["open"].format(caps=caps))
    return " ".join(sentences)
