"""Plain-language explanations of bundles (German by default, English with lang="en").

Every text lives in the tables below, one per language; a text that depends on a count has a singular and a
plural form (``_n``), so no sentence reads "alle 1 benötigten Bausteine" or "1 providers"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .catalog import Catalog, distance_km
from .need import MAX_NEED_CAPABILITIES, Need
from .objective import MatchParams
from .ranking import Comparison, compare_bundles, existing_links

if TYPE_CHECKING:
    from .results import Bundle

__all__ = ["explain_bundle", "tie_rule"]

_TEXT: dict[str, dict[str, str | tuple[str, str]]] = {
    "de": {
        "covers_all": (
            "Deckt den benötigten Baustein mit {k} ab",
            "Deckt alle {n} benötigten Bausteine mit {k} ab",
        ),
        "covers_some": "Deckt {c} von {n} benötigten Bausteinen mit {k} ab",
        "covers_both": "Deckt beide benötigten Bausteine mit {k} ab",
        "providers": ("einem Anbieter", "{k} Anbietern"),
        "links": ("Schnittstelle: {items}.", "Schnittstellen: {items}."),
        "no_links": "Keine Schnittstelle nötig: eine Lösung deckt alles zusammenhängend ab.",
        "link": "{src} liefert {std} an {dst}",
        "verified": ("Geprüftes Profil: {names}.", "Geprüfte Profile: {names}."),
        "history": "Haben schon zusammengearbeitet: {pairs}.",
        "customer": (
            "Hat schon mit Ihnen gearbeitet: {names}.",
            "Haben schon mit Ihnen gearbeitet: {names}.",
        ),
        "near": ("Der Anbieter ist {km} km entfernt.", "Der nächste Anbieter ist {km} km entfernt."),
        "open": (
            "Offen bleibt: {caps} – dafür fand sich keine passende Lösung.",
            "Offen bleiben: {caps} – dafür fand sich keine passende Lösung.",
        ),
        "open_limit": (
            "Offen bleibt: {caps} – mit höchstens {k} nicht zusätzlich abzudecken.",
            "Offen bleiben: {caps} – mit höchstens {k} nicht zusätzlich abzudecken.",
        ),
        "open_here": (
            "Offen bleibt: {caps} – dieses Angebot enthält dafür keine Lösung.",
            "Offen bleiben: {caps} – dieses Angebot enthält dafür keine Lösung.",
        ),
        "left_out": "Nicht gesucht: {caps} – eine Anfrage umfasst höchstens {limit} Bausteine.",
        "and": " und ",
        "quote": "„{}“",
        # the systems the customer already runs
        "ex_connects": "Verbindet sich mit Ihrem vorhandenen System {sys}: {items}.",
        "ex_via": "{sol} über {std}",
        "ex_none": (
            "Verbindet sich nicht mit Ihrem vorhandenen System {sys}: "
            "{sols} hat keine passende Schnittstelle.",
            "Verbindet sich nicht mit Ihrem vorhandenen System {sys}: "
            "{sols} haben keine passende Schnittstelle.",
        ),
        "ex_partly": (
            "{sols} hat keine passende Schnittstelle dazu.",
            "{sols} haben keine passende Schnittstelle dazu.",
        ),
        "ex_not_needed": (
            "Tauscht keine Daten mit Ihrem vorhandenen System {sys} aus; das ist hier auch nicht nötig."
        ),
        # why an offer ranks below the one before it
        "below": "Warum nach Angebot {rank}: {reasons}.",
        "r_missing": ("{caps} fehlt", "{caps} fehlen"),
        "r_providers": (
            "ein Anbieter mehr ({k} statt {k0}), also mehr Abstimmung",
            "{d} Anbieter mehr ({k} statt {k0}), also mehr Abstimmung",
        ),
        "r_fit": "weniger genau auf Ihren Bedarf zugeschnitten (bringt mehr mit, als Sie brauchen)",
        "r_standards": (
            "nutzt seltener die Schnittstelle, die Sie genannt haben ({stds})",
            "nutzt seltener die Schnittstellen, die Sie genannt haben ({stds})",
        ),
        "r_existing": "verbindet sich schlechter mit Ihren vorhandenen Systemen",
        "r_verified_none": "kein geprüftes Profil",
        "r_verified": "weniger geprüfte Profile ({v} statt {v0})",
        "r_verified_caps": "weniger Bausteine von geprüften Anbietern ({c} statt {c0})",
        "r_verified_weight": "geprüft ist hier der Anbieter eines weniger zentralen Bausteins",
        "r_proximity": "weiter weg (nächster Anbieter {km} km statt {km0} km)",
        "r_proximity_plain": "weiter weg",
        "r_cooperation": "die Anbieter haben seltener schon zusammengearbeitet",
        "r_customer": "weniger Erfahrung mit Ihnen als Kunde",
        "r_other": "passt insgesamt etwas weniger genau",
        "tie": "Gleichstand mit Angebot {rank} (gleich gut bewertet); es entscheidet {key}.",
        "t_existing": "die Anbindung an Ihre vorhandenen Systeme: Angebot {rank} schließt an mehr davon an",
        "t_links": "die Zahl der einzurichtenden Schnittstellen: {n} statt {n0}",
        "t_price": "der Monatspreis: {p} statt {p0}",
        "t_price_unknown": "der Monatspreis: hier nicht angegeben, bei Angebot {rank}: {p0}",
        "t_name": "zuletzt der Name der Anbieter (alphabetisch)",
        "tie_rule": (
            "Gleichstand: Bei gleicher Bewertung entscheidet zuerst die Anbindung an Ihre vorhandenen "
            "Systeme, dann die kleinere Zahl einzurichtender Schnittstellen, dann der niedrigere Monatspreis "
            "(soweit angegeben), zuletzt der Name der Anbieter."
        ),
        "money": "{} €",
    },
    "en": {
        "covers_all": (
            "Covers the required capability with {k}",
            "Covers all {n} required capabilities with {k}",
        ),
        "covers_some": "Covers {c} of {n} required capabilities with {k}",
        "covers_both": "Covers both required capabilities with {k}",
        "providers": ("one provider", "{k} providers"),
        "links": ("Interface: {items}.", "Interfaces: {items}."),
        "no_links": "No interface needed: one solution covers everything that exchanges data.",
        "link": "{src} delivers {std} to {dst}",
        "verified": ("Verified profile: {names}.", "Verified profiles: {names}."),
        "history": "Have worked together before: {pairs}.",
        "customer": ("Has worked with you before: {names}.", "Have worked with you before: {names}."),
        "near": ("The provider is {km} km away.", "The nearest provider is {km} km away."),
        "open": (
            "Left open: {caps} – no fitting solution was found for it.",
            "Left open: {caps} – no fitting solution was found for them.",
        ),
        "open_limit": (
            "Left open: {caps} – the limit of {k} leaves no room for it.",
            "Left open: {caps} – the limit of {k} leaves no room for them.",
        ),
        "open_here": (
            "Left open: {caps} – this offer includes no solution for it.",
            "Left open: {caps} – this offer includes no solution for them.",
        ),
        "left_out": "Not searched for: {caps} – one request holds at most {limit} capabilities.",
        "and": " and ",
        "quote": "“{}”",
        "ex_connects": "Connects to your existing system {sys}: {items}.",
        "ex_via": "{sol} through {std}",
        "ex_none": (
            "Does not connect to your existing system {sys}: {sols} has no matching interface.",
            "Does not connect to your existing system {sys}: {sols} have no matching interface.",
        ),
        "ex_partly": ("{sols} has no matching interface to it.", "{sols} have no matching interface to it."),
        "ex_not_needed": "Exchanges no data with your existing system {sys}; none is needed here.",
        "below": "Why after offer {rank}: {reasons}.",
        "r_missing": ("{caps} is missing", "{caps} are missing"),
        "r_providers": (
            "one more provider ({k} instead of {k0}), so more coordination",
            "{d} more providers ({k} instead of {k0}), so more coordination",
        ),
        "r_fit": "less closely tailored to your need (brings more than you need)",
        "r_standards": (
            "uses the interface you named less often ({stds})",
            "uses the interfaces you named less often ({stds})",
        ),
        "r_existing": "connects less well to the systems you already run",
        "r_verified_none": "no verified profile",
        "r_verified": "fewer verified profiles ({v} instead of {v0})",
        "r_verified_caps": "fewer capabilities from verified providers ({c} instead of {c0})",
        "r_verified_weight": "the verified provider here covers a less central capability",
        "r_proximity": "farther away (nearest provider {km} km instead of {km0} km)",
        "r_proximity_plain": "farther away",
        "r_cooperation": "the providers have worked together less often",
        "r_customer": "less experience with you as a customer",
        "r_other": "fits your need slightly less closely overall",
        "tie": "Tie with offer {rank} (equally rated); decided by {key}.",
        "t_existing": "the connection to your existing systems: offer {rank} connects to more of them",
        "t_links": "the number of interfaces to set up: {n} instead of {n0}",
        "t_price": "the monthly price: {p} instead of {p0}",
        "t_price_unknown": "the monthly price: not given here, offer {rank}: {p0}",
        "t_name": "the providers' names (alphabetical), the last rule",
        "tie_rule": (
            "Ties: with an equal rating, first the connection to your existing systems decides, then fewer "
            "interfaces to set up, then the lower monthly price (where given), last the providers' names."
        ),
        "money": "€{}",
    },
}


def _table(lang: str) -> dict[str, str | tuple[str, str]]:
    return _TEXT["en" if lang == "en" else "de"]


def _n(t: dict, key: str, count: int) -> str:
    """The singular or plural form of a text for ``count`` (German and English: singular only for 1)."""
    forms = t[key]
    return forms[0 if count == 1 else 1]


def _money(value: float, lang: str) -> str:
    whole = abs(value - round(value)) < 0.005
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if lang != "en":  # 1.234,50
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return _table(lang)["money"].format(text)


def tie_rule(lang: str = "de") -> str:
    """The tie rule in one sentence, for the page that lists the offers (engine/ranking.py applies it)."""
    return str(_table(lang)["tie_rule"])


def explain_bundle(
    bundle: Bundle,
    catalog: Catalog,
    need: Need,
    lang: str = "de",
    *,
    existing: Iterable[str] = (),
    above: Bundle | None = None,
    params: MatchParams | None = None,
    left_out: Iterable[str] = (),
) -> str:
    """Why this bundle: what it covers with whom, how the solutions talk, how it connects to the systems the
    customer already runs (``existing`` capability ids), trust, what stays open, and, given the bundle
    ranked right before it (``above``), why it comes after that one. ``left_out``: capabilities the text
    named beyond the limit of one need; they count as asked and not covered (never "alle 10" of 12)."""
    t = _table(lang)
    tax = catalog.taxonomy
    existing = tuple(existing)
    left_out = tuple(c for c in left_out if c in tax.capabilities)
    n, k = len(need.capabilities) + len(left_out), len(bundle.companies)
    covered = len(need.capabilities) - len(bundle.uncovered)
    providers = _n(t, "providers", k).format(k=k)
    if covered < n:
        head = str(t["covers_some"]).format(n=n, c=covered, k=providers)
    elif n == 2:  # "beide", "both": never "alle 2", "all 2"
        head = str(t["covers_both"]).format(k=providers)
    else:
        head = _n(t, "covers_all", n).format(n=n, k=providers)
    parts = []
    for use in bundle.solutions:
        sol = catalog.solutions[use.id]
        company = catalog.companies[use.company]
        caps = ", ".join(tax.capabilities[c].label(lang) for c in use.covers)
        parts.append(f"{company.name} – {sol.name} ({caps})")
    sentences = [f"{head}: {'; '.join(parts)}."]
    if above is not None:
        sentences.append(
            _why_below(compare_bundles(bundle, above, catalog, need, existing, params), catalog, need, lang)
        )
    if bundle.links:
        items = [
            str(t["link"]).format(
                src=catalog.solutions[link.source].name,
                dst=catalog.solutions[link.target].name,
                std=tax.standards[link.standard].label_in(lang),
            )
            for link in bundle.links
        ]
        sentences.append(_n(t, "links", len(items)).format(items="; ".join(items)))
    elif len(bundle.solutions) == 1 and covered > 1:
        sentences.append(str(t["no_links"]))
    sentences += _existing_sentences(bundle, catalog, need, existing, lang)
    verified = [catalog.companies[c].name for c in bundle.companies if catalog.companies[c].verified]
    if verified:
        sentences.append(_n(t, "verified", len(verified)).format(names=", ".join(verified)))
    pairs = []
    for i, a in enumerate(bundle.companies):
        for b in bundle.companies[i + 1 :]:
            year = catalog.cooperation_years.get(frozenset((a, b)), -1)
            if year != -1:
                names = str(t["and"]).join((catalog.companies[a].name, catalog.companies[b].name))
                pairs.append(f"{names} ({year})" if year else names)
    if pairs:
        sentences.append(str(t["history"]).format(pairs="; ".join(pairs)))
    if need.customer_company_id:
        known = catalog.partners_of.get(need.customer_company_id, frozenset())
        names = [catalog.companies[c].name for c in bundle.companies if c in known]
        if names:
            sentences.append(_n(t, "customer", len(names)).format(names=", ".join(names)))
    ref = need.reference_location
    if ref is not None:
        dists = [
            distance_km(ref[0], ref[1], c.lat, c.lon)
            for c in (catalog.companies[x] for x in bundle.companies)
            if c.lat is not None and c.lon is not None
        ]
        if dists:
            sentences.append(_n(t, "near", k).format(km=round(min(dists))))
    limit = _n(t, "providers", need.max_partners or k).format(k=need.max_partners or k)
    for reason, group in _why_open(bundle, catalog, need).items():
        caps = ", ".join(tax.capabilities[c].label(lang) for c in group)
        sentences.append(_n(t, reason, len(group)).format(caps=caps, k=limit))
    if left_out:
        caps = ", ".join(tax.capabilities[c].label(lang) for c in left_out)
        sentences.append(str(t["left_out"]).format(caps=caps, limit=MAX_NEED_CAPABILITIES))
    # a name that ends in a dot ("Funkenpfad Datentechnik e.K.") ends its sentence too
    return _ONE_STOP_RE.sub(".", " ".join(sentences))


_ONE_STOP_RE = re.compile(r"(?<=[A-Za-zÄÖÜäöüß])\.\.(?=\s|$)")


def _why_open(bundle: Bundle, catalog: Catalog, need: Need) -> dict[str, list[str]]:
    """The capabilities left open, by why: the catalog offers none ("open"), the limit of providers leaves no
    room ("open_limit"), or only this offer lacks them ("open_here": another offer, or one without the
    need's filters of region, distance or standards, may have them)."""
    offered = catalog.index.by_capability
    limited = need.max_partners is not None and len(bundle.companies) >= need.max_partners
    out: dict[str, list[str]] = {}
    for cap in bundle.uncovered:
        reason = "open" if not len(offered.get(cap, ())) else "open_limit" if limited else "open_here"
        out.setdefault(reason, []).append(cap)
    return out


def _existing_sentences(
    bundle: Bundle, catalog: Catalog, need: Need, existing: tuple[str, ...], lang: str
) -> list[str]:
    """Per system the customer already runs: which solution connects to it through which standard, which
    would have to and cannot, or that the bundle exchanges no data with it."""
    t = _table(lang)
    tax = catalog.taxonomy
    links = existing_links(bundle, catalog, need, existing)
    out = []
    for cap in dict.fromkeys(existing):
        if cap not in tax.capabilities:
            continue
        system = str(t["quote"]).format(tax.capabilities[cap].label(lang))
        mine = [link for link in links if link.existing == cap]
        via = [
            str(t["ex_via"]).format(
                sol=catalog.solutions[link.solution].name, std=tax.standards[link.standard].label_in(lang)
            )
            for link in mine
            if link.standard is not None
        ]
        without = [catalog.solutions[link.solution].name for link in mine if link.standard is None]
        sols = str(t["and"]).join([", ".join(without[:-1]), without[-1]] if len(without) > 1 else without)
        if via:
            out.append(str(t["ex_connects"]).format(sys=system, items="; ".join(via)))
            if without:
                out.append(_n(t, "ex_partly", len(without)).format(sols=sols))
        elif without:
            out.append(_n(t, "ex_none", len(without)).format(sys=system, sols=sols))
        else:
            out.append(str(t["ex_not_needed"]).format(sys=system))
    return out


def _why_below(cmp: Comparison, catalog: Catalog, need: Need, lang: str) -> str:
    """One sentence: what this offer lacks or costs against the one ranked right before it."""
    t = _table(lang)
    tax = catalog.taxonomy
    if cmp.tie is not None:
        key, mine, theirs = cmp.tie
        if key == "existing":
            decided = str(t["t_existing"]).format(rank=cmp.above_rank)
        elif key == "links":
            decided = str(t["t_links"]).format(n=mine, n0=theirs)
        elif key == "price" and mine is not None and theirs is not None:
            decided = str(t["t_price"]).format(p=_money(mine, lang), p0=_money(theirs, lang))
        elif key == "price" and theirs is not None:
            decided = str(t["t_price_unknown"]).format(p0=_money(theirs, lang), rank=cmp.above_rank)
        else:
            decided = str(t["t_name"])
        return str(t["tie"]).format(rank=cmp.above_rank, key=decided)
    reasons = []
    if cmp.missing:
        caps = ", ".join(tax.capabilities[c].label(lang) for c in cmp.missing)
        reasons.append(_n(t, "r_missing", len(cmp.missing)).format(caps=caps))
    if cmp.providers is not None:
        k, k0 = cmp.providers
        reasons.append(_n(t, "r_providers", k - k0).format(d=k - k0, k=k, k0=k0))
    for part in cmp.parts[:2]:
        if part == "standards":
            stds = ", ".join(tax.standards[s].label_in(lang) for s in need.standards if s in tax.standards)
            reasons.append(_n(t, "r_standards", len(need.standards)).format(stds=stds))
        elif part == "verified":
            (v, v0), (c, c0) = cmp.verified, cmp.verified_caps
            if v == 0:
                reasons.append(str(t["r_verified_none"]))
            elif v < v0:
                reasons.append(str(t["r_verified"]).format(v=v, v0=v0))
            elif c < c0:
                reasons.append(str(t["r_verified_caps"]).format(c=c, c0=c0))
            else:  # as many, but on capabilities the text named less surely
                reasons.append(str(t["r_verified_weight"]))
        elif part == "proximity":
            if cmp.nearest_km is not None and round(cmp.nearest_km[0]) != round(cmp.nearest_km[1]):
                km, km0 = (round(x) for x in cmp.nearest_km)
                reasons.append(str(t["r_proximity"]).format(km=km, km0=km0))
            else:
                reasons.append(str(t["r_proximity_plain"]))
        else:
            reasons.append(str(t[f"r_{part}"]))
    if not reasons:
        reasons.append(str(t["r_other"]))
    return str(t["below"]).format(rank=cmp.above_rank, reasons="; ".join(reasons))
