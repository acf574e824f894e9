"""The one place where the engine's ids become what people read: names and labels in the active language.

Pages, the offer PDF, mails, the cooperation's bundle snapshot and the terminal all present engine results
(engine/results.py) through this module; other apps reach it through matching.selectors. Reads only."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from itkoop.core.i18n import page_language
from itkoop.engine.correct import in_passing as in_passing_of
from itkoop.engine.correct import left_out as left_out_of
from itkoop.engine.existing import ExistingSystem, existing_systems
from itkoop.engine.explain import tie_rule
from itkoop.engine.need import MAX_NEED_CAPABILITIES
from itkoop.engine.ranking import ExistingLink, existing_links
from itkoop.engine.results import Bundle, MatchResult, PartnerResult
from itkoop.engine.serialize import bundle_from_dict, match_status
from itkoop.registry import selectors as registry

from .diagram import Edge, Node, integration_svg


@dataclass(frozen=True, slots=True)
class Names:
    """The registry's records and labels for the ids of some engine results. An id the registry does not
    know (a deleted solution, a stored snapshot from an older catalog) reads as the id itself."""

    companies: Mapping[str, Any]  # registry Company records
    solutions: Mapping[str, Any]  # registry Solution records
    capabilities: Mapping[str, str]
    standards: Mapping[str, str]

    def company(self, external_id: str) -> str:
        company = self.companies.get(external_id)
        return company.name if company else external_id

    def solution(self, external_id: str) -> str:
        solution = self.solutions.get(external_id)
        return solution.name if solution else external_id

    def solution_with_company(self, external_id: str) -> str:
        """The solution's name with its company's in brackets, for lists without a provider column."""
        solution = self.solutions.get(external_id)
        return f"{solution.name} ({solution.company.name})" if solution else external_id

    def capability(self, capability_id: str) -> str:
        return self.capabilities.get(capability_id, capability_id)

    def standard(self, standard_id: str) -> str:
        return self.standards.get(standard_id, standard_id)


def names_for(
    *,
    companies: Iterable[str] = (),
    solutions: Iterable[str] = (),
    capabilities: Iterable[str] = (),
    standards: Iterable[str] = (),
) -> Names:
    """Load the names of these ids with one query per kind; capability and standard labels in the active
    language."""
    lang = page_language()
    return Names(
        companies=registry.companies()
        .select_related("hub")
        .in_bulk(set(companies), field_name="external_id"),
        solutions=registry.solutions()
        .select_related("company")
        .in_bulk(set(solutions), field_name="external_id"),
        capabilities={
            c.id: (c.label_en if lang == "en" and c.label_en else c.label_de)
            for c in registry.capabilities().filter(id__in=set(capabilities))
        },
        standards={
            s.id: (s.label_en if lang == "en" and s.label_en else s.label)
            for s in registry.standards().filter(id__in=set(standards))
        },
    )


def _speakers(solutions: set[str], standards: Iterable[str]) -> dict[str, set[str]]:
    """Solution id -> which of ``standards`` it provides or consumes (two queries; none without standards)."""
    standards = set(standards)
    out: dict[str, set[str]] = {}
    if not standards or not solutions:
        return out
    base = registry.solutions().filter(external_id__in=solutions)
    for relation in ("provides", "consumes"):
        rows = base.filter(**{f"{relation}__id__in": standards}).values_list("external_id", f"{relation}__id")
        for solution, standard in rows:
            out.setdefault(solution, set()).add(standard)
    return out


def _names_for_bundles(
    bundles: Iterable[Bundle], capabilities: Iterable[str] = (), standards: Iterable[str] = ()
) -> Names:
    bundles = list(bundles)
    return names_for(
        companies={c for b in bundles for c in b.companies}
        | {s.company for b in bundles for s in b.solutions},
        solutions={s.id for b in bundles for s in b.solutions}
        | {i for b in bundles for link in b.links for i in (link.source, link.target)},
        capabilities={c for b in bundles for s in b.solutions for c in s.covers}
        | {c for b in bundles for c in b.uncovered}
        | set(capabilities),
        standards={link.standard for b in bundles for link in b.links} | set(standards),
    )


def _need_capabilities(result: MatchResult) -> list[tuple[str, float, list[str]]]:
    """(id, score, evidence) of what the need text names, as the contract's need.capabilities: without
    those the customer removed, with those they added (no evidence) at the end."""
    need = result.need
    removed, added = set(need.removed), need.added
    if result.analysis is not None:
        hits = [
            (h.id, h.score, list(h.evidence))
            for h in result.analysis.capabilities
            if h.id not in removed and h.id not in added
        ]
    else:
        hits = [(c, need.weight(c), []) for c in need.capabilities if c not in added]
    # one the text named only in passing keeps the words it came from
    passing = _in_passing_words(result.analysis)
    return hits + [(c, 1.0, passing.get(c, [])) for c in added]


def _in_passing_words(analysis) -> dict[str, list[str]]:
    """The words each capability named in passing came from (NeedAnalysis.in_passing)."""
    return {h.id: list(h.evidence) for h in analysis.in_passing} if analysis is not None else {}


def present_need(result: MatchResult) -> list[dict[str, Any]]:
    """The capabilities the offers are composed for, with label, score, the words they came from and their
    source: "text" (the need analysis read them) or "user" (the customer added them; words only where the
    text named them in passing)."""
    composed = set(result.need.capabilities)  # the rest: present_understanding's left_out
    hits = [hit for hit in _need_capabilities(result) if hit[0] in composed]
    names = names_for(capabilities=[cid for cid, _score, _evidence in hits])
    added = set(result.need.added)
    return [
        {
            "id": cid,
            "label": names.capability(cid),
            "score": score,
            "evidence": _distinct_words(evidence),
            "source": "user" if cid in added else "text",
        }
        for cid, score, evidence in hits
    ]


def _distinct_words(evidence: list[str]) -> list[str]:
    """The words a capability came from as the page names them: each once, whatever its case, and none that
    is a whole word of a longer one ("Angebote und Rechnungen, angebote" reads "Angebote und Rechnungen")."""
    folded = [re.split(r"[\s,;/–-]+", e.casefold()) for e in evidence]
    out: list[str] = []
    for i, word in enumerate(evidence):
        key = word.casefold()
        if any(o.casefold() == key for o in out):
            continue
        if any(j != i and len(words) > 1 and key in words for j, words in enumerate(folded)):
            continue
        out.append(word)
    return out


def present_understanding(result: MatchResult) -> dict[str, Any]:
    """What else the page says about the text: the outcome in one word ("found", "no_provider",
    "not_understood"), capabilities found beyond the limit of one need, the ones the text refuses and the
    systems the customer already runs (labels in the page's language)."""
    analysis, need = result.analysis, result.need
    left_out = left_out_of(need, analysis)
    in_passing = in_passing_of(need, analysis)
    passing = _in_passing_words(analysis)
    # what the customer added is searched, whatever the text said of it
    not_wanted = [h.id for h in analysis.negated if h.id not in need.added] if analysis is not None else []
    existing = [h.id for h in analysis.existing if h.id not in need.added] if analysis is not None else []
    systems = _existing_systems(result, existing)
    names = names_for(
        capabilities=[*left_out, *in_passing, *not_wanted, *existing, *need.removed],
        standards=[
            *need.required_standards,
            *result.unmet_standards,
            *(std for system in systems.values() for std in system.standards),
        ],
    )
    return {
        "status": match_status(result),
        "limit": MAX_NEED_CAPABILITIES,
        "left_out": [names.capability(c) for c in left_out],
        # named only in passing beside the text's focus: offered to add (id, label and the words it came from)
        "in_passing": [
            {"id": c, "label": names.capability(c), "evidence": _distinct_words(passing.get(c, []))}
            for c in in_passing
        ],
        "not_wanted": [names.capability(c) for c in not_wanted],
        # the systems the customer runs, with the standards offers could connect to them through
        "existing": [_present_existing(c, systems.get(c), names, result) for c in existing],
        "existing_connectable": any(system.reachable for system in systems.values()),
        # the customer's corrections: what they removed (id and label) and the standards made a must
        "removed": [{"id": c, "label": names.capability(c)} for c in need.removed],
        "must": [names.standard(s) for s in need.required_standards],
        "unmet": [names.standard(s) for s in result.unmet_standards],
        "deployment": _present_deployment(need.deployment, analysis),
    }


def _present_deployment(deployment: str | None, analysis) -> dict[str, Any] | None:
    """How every solution must run, for the need page: what counts, the text's words when the text said it,
    and whether the customer set the text's wish aside ("egal"); None when neither says anything."""
    read = analysis.deployment if analysis is not None else None
    if deployment is None and read is None:
        return None
    return {
        "label": str(DEPLOYMENT_LABELS[deployment or "any"]),
        "evidence": analysis.deployment_evidence if read is not None else "",
        "told": read is not None and read == deployment,
        "set_aside": read is not None and deployment is None,
    }


#: How every solution of an offer runs, as the need page says it.
DEPLOYMENT_LABELS = {
    "on-premise": gettext_lazy("nur Lösungen, die bei Ihnen vor Ort laufen (keine Cloud)"),
    "cloud": gettext_lazy("nur Lösungen aus der Cloud (SaaS)"),
    "any": gettext_lazy("alle Lösungen, gleich wie sie laufen"),
}

#: The standards named per existing system on the need page ("Praxissoftware (über GDT, HL7 FHIR)").
MAX_CONNECTING_STANDARDS = 3


def _existing_systems(result: MatchResult, existing: list[str]) -> dict[str, ExistingSystem]:
    """Existing system id -> the needed capabilities that must connect to it and the standards through
    which they could (engine.existing); systems nothing needed exchanges data with are absent."""
    if not existing:
        return {}
    from .adapter import current_catalog

    systems = existing_systems(result.need.capabilities, existing, current_catalog())
    return {system.id: system for system in systems}


def _present_existing(
    system_id: str, system: ExistingSystem | None, names: Names, result: MatchResult
) -> dict[str, Any]:
    """An existing system for the need page: its label, the first few standards offers could connect to it
    through (most used first; "via" as the page writes them) with whether each is a must, and whether no
    solution can connect to it at all."""
    standards = [
        {"id": std, "label": names.standard(std), "must": std in result.need.required_standards}
        for std in (system.standards[:MAX_CONNECTING_STANDARDS] if system is not None else ())
    ]
    return {
        "id": system_id,
        "label": names.capability(system_id),
        "standards": standards,
        # commas, not slashes: labels have slashes of their own ("CalDAV / iCalendar", "OpenAPI / REST")
        "via": ", ".join(std["label"] for std in standards),
        "unreachable": system_id in result.unreachable_existing,
    }


def _short_of_full(bundle, companies: list) -> list[str]:
    """Why an offer that covers everything is below 100 %: more than one provider, profiles not verified,
    or else solutions not quite as focused or near as a perfect one (see engine.objective.Weights.ideal)."""
    if bundle.score >= 1.0 or bundle.uncovered:
        return []
    reasons = []
    if len(companies) > 1:
        reasons.append(_("%(n)d Anbieter statt einem") % {"n": len(companies)})
    unverified = sum(1 for company in companies if not company.verified)
    if unverified:
        reasons.append(
            ngettext("%(n)d Profil nicht geprüft", "%(n)d Profile nicht geprüft", unverified)
            % {"n": unverified}
        )
    return reasons or [_("Lösungen nicht ganz so passgenau oder nah wie möglich")]


def score_percent(score: float) -> int:
    """A bundle's score as the whole percent the page shows: 100 only for a perfect answer (score 1, see
    engine.objective.Weights.ideal), so a near miss reads 99, never a rounded-up 100."""
    if score >= 1.0:
        return 100
    return min(max(math.floor(score * 100 + 0.5), 0), 99)


def ranking_rule() -> str:
    """How offers with the same rating are ordered, in the page's language (the engine applies the rule)."""
    return tie_rule(page_language())


def search_notice(result: MatchResult) -> str | None:
    """The plain statement that the offers are not proven optimal (the search stopped at its time budget
    or a solver limit), with how good a better one could at most be; None when they are proven."""
    if result.stats.optimal:
        return None
    values = {"seconds": number_format(result.stats.elapsed_ms / 1000, 1)}
    if result.bundles and result.bundles[0].proven:
        return (
            _(
                "Nicht nachweislich optimal: Die Suche wurde nach %(seconds)s s beendet. Das erste "
                "Angebot ist nachweislich das beste; für die weiteren ist nicht bewiesen, dass es keine "
                "besseren gibt."
            )
            % values
        )
    if result.gap is None:
        return (
            _(
                "Nicht nachweislich optimal: Die Suche wurde nach %(seconds)s s beendet, bevor sie alle "
                "Zusammenstellungen vergleichen konnte. Dies sind die besten gefundenen Angebote."
            )
            % values
        )
    values["percent"] = min(math.ceil(result.stats.bound_score * 100), 100)
    return (
        _(
            "Nicht nachweislich optimal: Die Suche wurde nach %(seconds)s s beendet, bevor sie alle "
            "Zusammenstellungen vergleichen konnte. Dies sind die besten gefundenen Angebote; ein besseres "
            "würde höchstens zu %(percent)d %% zu Ihrem Bedarf passen."
        )
        % values
    )


def _existing_links(result: MatchResult) -> dict[int, list[ExistingLink]]:
    """Per bundle rank: how its solutions reach the systems the customer already runs (engine.ranking)."""
    existing = [h.id for h in result.analysis.existing] if result.analysis is not None else []
    if not existing or not result.bundles:
        return {}
    from .adapter import current_catalog

    catalog = current_catalog()
    return {b.rank: existing_links(b, catalog, result.need, existing) for b in result.bundles}


def present_bundles(result: MatchResult) -> list[dict[str, Any]]:
    """Each bundle with its solutions and companies (registry records), capability and standard labels
    and an integration diagram (with the customer's existing systems it connects to, grey and dashed);
    ``bundle`` is the engine's bundle, for what must be signed or stored."""
    reach = _existing_links(result)
    names = _names_for_bundles(
        result.bundles,
        capabilities={x.existing for links in reach.values() for x in links},
        standards={x.standard for links in reach.values() for x in links if x.standard}
        | set(result.need.required_standards),
    )
    speaks = _speakers({s.id for b in result.bundles for s in b.solutions}, result.need.required_standards)
    out = []
    for bundle in result.bundles:
        rows = [
            {
                "solution": names.solutions[s.id],
                "company": names.companies[s.company],
                "covers": [names.capability(c) for c in s.covers],
            }
            for s in bundle.solutions
        ]
        links = [
            {
                "source": names.solutions[link.source],
                "target": names.solutions[link.target],
                "standard": names.standard(link.standard),
            }
            for link in bundle.links
        ]
        nodes = [
            Node(
                id=r["solution"].external_id,
                title=r["solution"].name,
                subtitle=r["company"].name,
                group=r["company"].external_id,
            )
            for r in rows
        ]
        edges = [
            Edge(source=link.source, target=link.target, label=names.standard(link.standard))
            for link in bundle.links
        ]
        existing = [
            {
                "source": names.solutions[x.solution],
                "system": names.capability(x.existing),
                "standard": names.standard(x.standard) if x.standard else "",
                "node": f"existing:{x.existing}",
            }
            for x in reach.get(bundle.rank, [])
            if x.solution in names.solutions
        ]
        for cap_node in dict.fromkeys((x["node"], x["system"]) for x in existing):
            nodes.append(
                Node(
                    id=cap_node[0],
                    title=cap_node[1],
                    subtitle=_("Ihr vorhandenes System"),
                    group=cap_node[0],
                    existing=True,
                )
            )
        edges += [
            Edge(source=x["source"].external_id, target=x["node"], label=x["standard"])
            for x in existing
            if x["standard"]
        ]
        description = "; ".join(
            [
                *(
                    _("%(a)s tauscht Daten mit %(b)s über %(std)s")
                    % {"a": lk["source"].name, "b": lk["target"].name, "std": lk["standard"]}
                    for lk in links
                ),
                *(
                    _("%(a)s ist über %(std)s mit Ihrem vorhandenen System %(b)s verbunden")
                    % {"a": x["source"].name, "b": x["system"], "std": x["standard"]}
                    for x in existing
                    if x["standard"]
                ),
            ]
        ) or _("Keine Schnittstellen nötig.")
        must_links = [
            {
                "standard": names.standard(std),
                "solutions": [names.solutions[s.id] for s in bundle.solutions if std in speaks.get(s.id, ())],
            }
            for std in result.need.required_standards
        ]
        svg = integration_svg(
            nodes,
            edges,
            title=_("Integrationsskizze für Angebot %(rank)d") % {"rank": bundle.rank},
            description=description,
        )
        out.append(
            {
                "rank": bundle.rank,
                "score": bundle.score,
                "percent": score_percent(bundle.score),
                "short_of_full": _short_of_full(bundle, [names.companies[c] for c in bundle.companies]),
                "rows": rows,
                "links": links,
                "existing_links": [x for x in existing if x["standard"]],
                # systems the customer runs that this offer must exchange data with and cannot
                "unconnected": list(dict.fromkeys(x["system"] for x in existing if not x["standard"])),
                "must_links": must_links,  # which solutions connect through each must standard
                "companies": [names.companies[c] for c in bundle.companies],
                "company_ids": list(bundle.companies),
                "uncovered": [names.capability(c) for c in bundle.uncovered],
                "explanation": bundle.explanation,
                "diagram": mark_safe(svg),  # noqa: S308 - built with escape()
                "bundle": bundle,
            }
        )
    return out


def present_bundle_snapshot(snapshot: Any) -> dict[str, Any] | None:
    """A bundle stored as JSON (engine.serialize.bundle_to_dict, e.g. with a cooperation) with names
    instead of ids: solutions "Name (Company)" with the capabilities they cover, links with the standard's
    label, uncovered capabilities, the explanation. None when nothing usable was stored."""
    if not isinstance(snapshot, dict):
        return None
    bundle = bundle_from_dict(snapshot)
    names = _names_for_bundles([bundle])
    return {
        "solutions": [
            {"name": names.solution_with_company(s.id), "covers": [names.capability(c) for c in s.covers]}
            for s in bundle.solutions
        ],
        "links": [
            {
                "from": names.solution_with_company(link.source),
                "to": names.solution_with_company(link.target),
                "standard": names.standard(link.standard),
            }
            for link in bundle.links
        ],
        "uncovered": [names.capability(c) for c in bundle.uncovered],
        "explanation": _snapshot_explanation(snapshot, bundle.explanation),
    }


def _snapshot_explanation(snapshot: dict, fallback: str) -> str:
    """The stored explanation in the reader's language (snapshots before both were kept have one)."""
    explanations = snapshot.get("explanations")
    lang = page_language()
    if isinstance(explanations, dict) and isinstance(explanations.get(lang), str):
        return explanations[lang]
    return fallback


def bundle_contributions(snapshot: Any) -> dict[str, list[dict[str, Any]]]:
    """What each company brings to a bundle stored as JSON: company id -> its solutions (name) with the
    capabilities they cover. Empty when nothing usable was stored."""
    if not isinstance(snapshot, dict):
        return {}
    bundle = bundle_from_dict(snapshot)
    names = _names_for_bundles([bundle])
    out: dict[str, list[dict[str, Any]]] = {}
    for s in bundle.solutions:
        out.setdefault(s.company, []).append(
            {"solution": names.solution(s.id), "covers": [names.capability(c) for c in s.covers]}
        )
    return out


def present_partners(result: PartnerResult) -> list[dict[str, Any]]:
    """Ranked partners as {"company": Company, "score", "reasons"}; companies the registry lost are left
    out."""
    names = names_for(companies=[p.id for p in result.partners])
    return [
        {"company": names.companies[p.id], "score": p.score, "reasons": list(p.reasons)}
        for p in result.partners
        if p.id in names.companies
    ]


def match_text(result: MatchResult) -> str:
    """A readable plain-text rendering of a match result for the terminal."""
    hits = _need_capabilities(result)
    names = _names_for_bundles(result.bundles, capabilities=[cid for cid, _score, _evidence in hits])
    lines = [_("Bedarf: %(text)s") % {"text": result.need.text}]
    lines.append(
        _("Erkannt: %(caps)s") % {"caps": ", ".join(names.capability(cid) for cid, _s, _e in hits) or "–"}
    )
    if result.need.required_standards:
        musts = names_for(standards=result.need.required_standards)
        lines.append(
            _("Pflicht-Schnittstellen: %(stds)s")
            % {"stds": ", ".join(musts.standard(s) for s in result.need.required_standards)}
        )
    if not result.bundles and match_status(result) == "standard_unmet":
        lines.append(_("Kein Gesamtangebot verbindet sich über alle Pflicht-Schnittstellen."))
    elif not result.bundles:
        lines.append(_("Kein Gesamtangebot gefunden."))
    for bundle in result.bundles:
        lines.append("")
        lines.append(
            f"#{bundle.rank}  {bundle.score:.3f}  {', '.join(names.company(c) for c in bundle.companies)}"
        )
        for sol in bundle.solutions:
            lines.append(
                f"   - {names.solution(sol.id)}: {', '.join(names.capability(c) for c in sol.covers)}"
            )
        for link in bundle.links:
            lines.append(
                f"   ~ {names.solution(link.source)} <-> {names.solution(link.target)}"
                f" ({names.standard(link.standard)})"
            )
        if bundle.uncovered:
            lines.append(
                "   "
                + _("offen: %(caps)s") % {"caps": ", ".join(names.capability(c) for c in bundle.uncovered)}
            )
        lines.append(f"   {bundle.explanation}")
    lines.append("")
    lines.append(
        _("%(n)d Kandidaten, %(ms).0f ms, optimal: %(opt)s")
        % {
            "n": result.stats.candidates,
            "ms": result.stats.elapsed_ms,
            "opt": _("ja") if result.stats.optimal else _("nein"),
        }
    )
    notice = search_notice(result)
    if notice:
        lines.append(notice)
    return "\n".join(lines)


def partners_text(result: PartnerResult) -> str:
    """A readable plain-text rendering of a partner ranking for the terminal."""
    names = names_for(companies=[result.company, *(p.id for p in result.partners)])
    lines = [_("Partner für %(name)s:") % {"name": names.company(result.company)}]
    if not result.partners:
        lines.append(_("Keine passenden Partner gefunden."))
    for n, partner in enumerate(result.partners, start=1):
        lines.append(f"{n:>2}. {names.company(partner.id)} ({partner.id})  {partner.score:.3f}")
        lines.extend(f"      - {reason}" for reason in partner.reasons)
    return "\n".join(lines)
