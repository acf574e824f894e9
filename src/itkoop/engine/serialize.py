"""The JSON shapes of the engine contract (shared/DESIGN.md): exactly these keys, nothing else."""

from __future__ import annotations

from typing import Any

from .results import MatchResult, PartnerResult

__all__ = ["match_to_dict", "partners_to_dict"]


def match_to_dict(result: MatchResult) -> dict[str, Any]:
    """``itkoop match --json``: need (text, capabilities with score and evidence), bundles, stats."""
    analysis = result.analysis
    if analysis is not None:
        capabilities = [
            {"id": h.id, "score": h.score, "evidence": list(h.evidence)} for h in analysis.capabilities
        ]
    else:
        capabilities = [
            {"id": c, "score": result.need.weight(c), "evidence": []} for c in result.need.capabilities
        ]
    return {
        "need": {"text": result.need.text, "capabilities": capabilities},
        "bundles": [
            {
                "rank": b.rank,
                "score": b.score,
                "companies": list(b.companies),
                "solutions": [
                    {"id": s.id, "company": s.company, "covers": list(s.covers)} for s in b.solutions
                ],
                "links": [
                    {"from": link.source, "to": link.target, "standard": link.standard} for link in b.links
                ],
                "uncovered": list(b.uncovered),
                "explanation": b.explanation,
            }
            for b in result.bundles
        ],
        "stats": {
            "candidates": result.stats.candidates,
            "elapsed_ms": result.stats.elapsed_ms,
            "optimal": result.stats.optimal,
        },
    }


def partners_to_dict(result: PartnerResult) -> dict[str, Any]:
    """``itkoop partners --json``: the company and its ranked partners with reasons."""
    return {
        "company": result.company,
        "partners": [{"id": p.id, "score": p.score, "reasons": list(p.reasons)} for p in result.partners],
    }
