"""Results of the engine's functions: plain, immutable data (see serialize.py for their JSON form)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .need import Need, NeedAnalysis

__all__ = [
    "Bundle",
    "Link",
    "MatchResult",
    "MatchStats",
    "PartnerResult",
    "RankedPartner",
    "SolutionUse",
]


@dataclass(frozen=True, slots=True)
class SolutionUse:
    """A solution in a bundle and the required capabilities it covers there."""

    id: str
    company: str
    covers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """Solution ``source`` provides ``standard``, which solution ``target`` consumes."""

    source: str
    target: str
    standard: str


@dataclass(frozen=True, slots=True)
class Bundle:
    """A joint offer (Gesamtangebot): solutions of a few companies covering a need, linked by standards.

    ``objective`` is the lexicographic objective as one number (see objective.py); ``score`` is the same
    divided by the objective of a perfect answer for this need (``Weights.ideal``): 1 exactly when one
    provider covers everything as well as the need can reward, below 1 otherwise. Bundles of equal
    objective are ranked by the tie rule of ranking.py. ``proven`` says the solver proved no better bundle
    exists among those not ranked before it.
    """

    rank: int
    score: float
    objective: float
    quality: float
    companies: tuple[str, ...]
    solutions: tuple[SolutionUse, ...]
    links: tuple[Link, ...]
    uncovered: tuple[str, ...]
    explanation: str
    proven: bool


@dataclass(frozen=True, slots=True)
class MatchStats:
    """``optimal``: every bundle is proven. ``bound``: no bundle's objective exceeds it (the best bundle's
    own objective when proven; larger when a time budget or solver limit stopped the search first), None
    when unknown; ``bound_score`` is the same on the scale of ``Bundle.score``."""

    candidates: int
    elapsed_ms: float
    optimal: bool
    nodes: int = 0  # branch-and-bound nodes visited
    columns: int = 0  # ways companies could take part
    bound: float | None = None
    bound_score: float | None = None


@dataclass(frozen=True, slots=True)
class MatchResult:
    """``status``: "optimal" (every bundle proven), "feasible" (a solver limit was hit), "infeasible"
    (no solution covers any required capability), "standard_unmet" (solutions cover the need, but no bundle
    speaks every required standard of the need) or "no_capabilities" (the need names none).
    ``unmet_standards``: the required standards no candidate solution speaks at all.
    ``unreachable_existing``: systems the customer already runs that a needed capability must exchange data
    with but no solution of the catalog offering it can connect to (existing.py): every offer lacks that
    connection, and the explanations say so."""

    need: Need
    bundles: list[Bundle]
    stats: MatchStats
    status: str
    analysis: NeedAnalysis | None = None
    unmet_standards: tuple[str, ...] = ()
    unreachable_existing: tuple[str, ...] = ()

    @property
    def gap(self) -> float | None:
        """How much better than the best bundle found another could at most be, on the score scale (0 when
        proven); None when there is no bundle or no bound."""
        if not self.bundles or self.stats.bound_score is None:
            return None
        return max(round(self.stats.bound_score - self.bundles[0].score, 4), 0.0)


@dataclass(frozen=True, slots=True)
class RankedPartner:
    id: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PartnerResult:
    company: str
    partners: list[RankedPartner]
