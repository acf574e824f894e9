"""The JSON shapes of the engine contract (shared/DESIGN.md): exactly these keys, nothing else."""

from __future__ import annotations

from typing import Any

from .correct import in_passing, left_out
from .results import Bundle, Link, MatchResult, PartnerResult, SolutionUse

__all__ = ["bundle_from_dict", "bundle_to_dict", "match_to_dict", "partners_to_dict"]


def match_to_dict(result: MatchResult) -> dict[str, Any]:
    """``itkoop match --json``: need (text, capabilities with score and evidence), bundles, stats."""
    analysis = result.analysis
    removed = set(result.need.removed)
    if analysis is not None:
        capabilities = [
            {"id": h.id, "score": h.score, "evidence": list(h.evidence)}
            for h in analysis.capabilities
            if h.id not in removed
        ]
    else:
        capabilities = [
            {"id": c, "score": result.need.weight(c), "evidence": []}
            for c in result.need.capabilities
            if c not in result.need.added
        ]
    # what the customer added has no words of the text as evidence
    listed = {c["id"] for c in capabilities}
    capabilities += [{"id": c, "score": 1.0, "evidence": []} for c in result.need.added if c not in listed]
    need: dict[str, Any] = {"text": result.need.text, "capabilities": capabilities}
    if analysis is not None:
        # Beyond the contract's keys: what the text refused, what the customer already runs, and what was
        # found but not composed (a need holds at most MAX_NEED_CAPABILITIES) or named only in passing.
        need["not_wanted"] = [h.id for h in analysis.negated]
        need["existing"] = [h.id for h in analysis.existing]
        if result.unreachable_existing:  # ... those no solution of the needed capabilities connects to
            need["unreachable_existing"] = list(result.unreachable_existing)
        need["left_out"] = left_out(result.need, analysis)
        need["in_passing"] = in_passing(result.need, analysis)
    # how every solution must run ("on-premise", "cloud" or None); what the text says of it and its words
    # (the customer may have chosen otherwise: then the two differ)
    need["deployment"] = result.need.deployment
    if analysis is not None:
        need["deployment_read"] = analysis.deployment
        need["deployment_evidence"] = analysis.deployment_evidence or None
    if result.need.added or result.need.removed or result.need.required_standards:
        # the customer's corrections (correct.py): capabilities added and removed, standards made a must
        # and those of them no candidate solution speaks
        need["added"] = list(result.need.added)
        need["removed"] = list(result.need.removed)
        need["must_standards"] = list(result.need.required_standards)
        need["unmet_standards"] = list(result.unmet_standards)
    return {
        # "not_understood": the text named nothing the taxonomy knows; "no_provider": understood, but no
        # bundle covers any of it; "standard_unmet": solutions cover it, but no bundle speaks every must
        # standard; "found": bundles follow.
        "status": match_status(result),
        "need": need,
        "bundles": [bundle_to_dict(b) for b in result.bundles],
        "stats": {
            "candidates": result.stats.candidates,
            "elapsed_ms": result.stats.elapsed_ms,
            "optimal": result.stats.optimal,
        },
    }


def match_status(result: MatchResult) -> str:
    """ "not_understood", "no_provider", "standard_unmet" or "found" (the JSON's and the pages' one word for
    the outcome)."""
    if not result.need.capabilities:
        return "not_understood"
    if result.bundles:
        return "found"
    return "standard_unmet" if result.status == "standard_unmet" else "no_provider"


def partners_to_dict(result: PartnerResult) -> dict[str, Any]:
    """``itkoop partners --json``: the company and its ranked partners with reasons."""
    return {
        "company": result.company,
        "partners": [{"id": p.id, "score": p.score, "reasons": list(p.reasons)} for p in result.partners],
    }


def bundle_to_dict(bundle: Bundle) -> dict[str, Any]:
    """One bundle as ``match_to_dict`` writes it: rank, score, companies, solutions, links, uncovered,
    explanation."""
    return {
        "rank": bundle.rank,
        "score": bundle.score,
        "companies": list(bundle.companies),
        "solutions": [{"id": s.id, "company": s.company, "covers": list(s.covers)} for s in bundle.solutions],
        "links": [
            {"from": link.source, "to": link.target, "standard": link.standard} for link in bundle.links
        ],
        "uncovered": list(bundle.uncovered),
        "explanation": bundle.explanation,
    }


def bundle_from_dict(data: dict[str, Any]) -> Bundle:
    """A bundle back from ``bundle_to_dict``'s shape, e.g. a snapshot stored with a cooperation.

    Stored snapshots outlive code versions, so a missing key takes an empty default, entries that are not
    objects are skipped and ids become strings. The fields the contract leaves out (objective, quality,
    proven) come back as 0, 0 and False. Raises ``ValueError`` when ``data`` is not an object."""
    if not isinstance(data, dict):
        raise ValueError(f"a bundle must be an object, not {type(data).__name__}")

    def entries(key: str) -> list[dict[str, Any]]:
        value = data.get(key)
        return [e for e in value if isinstance(e, dict)] if isinstance(value, list | tuple) else []

    def ids(value: Any) -> tuple[str, ...]:
        return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()

    try:
        rank, score = int(data.get("rank") or 0), float(data.get("score") or 0.0)
    except (TypeError, ValueError):
        rank, score = 0, 0.0
    return Bundle(
        rank=rank,
        score=score,
        objective=0.0,
        quality=0.0,
        companies=ids(data.get("companies")),
        solutions=tuple(
            SolutionUse(
                id=str(s.get("id", "")), company=str(s.get("company", "")), covers=ids(s.get("covers"))
            )
            for s in entries("solutions")
        ),
        links=tuple(
            Link(
                source=str(k.get("from", "")),
                target=str(k.get("to", "")),
                standard=str(k.get("standard", "")),
            )
            for k in entries("links")
        ),
        uncovered=ids(data.get("uncovered")),
        explanation=str(data.get("explanation") or ""),
        proven=False,
    )
