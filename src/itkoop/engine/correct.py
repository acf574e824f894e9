"""The customer corrects the need analysis: capabilities removed or added, standards made a must.

Semantics of a must standard ("must connect to DATEV"): every bundle has at least one solution that provides
or consumes the standard. The other side of that connection is usually outside the bundle: the tax
adviser's DATEV, the customer's own system (a system the text says the customer already runs is not in the
catalog, so "the bundle links to it" means exactly that some solution of the bundle speaks the standard).
It is a hard constraint of the optimisation: a bundle that does not speak every must standard is not valid
(objective.bundle_objective returns None for it, the search and the certificate never report it); when no
bundle can speak them, the result has no bundle and ``MatchResult.unmet_standards`` names the must
standards no candidate solution speaks at all. A must standard is also a standard the customer named, so
solutions and links using it are preferred as before.

A capability the customer adds weighs 1.0 (they said so themselves) and is always composed; the ones from
the text fill the remaining places of the need (at most MAX_NEED_CAPABILITIES), in the analysis' order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .catalog import Catalog, CatalogError, Taxonomy
from .need import MAX_NEED_CAPABILITIES, Need, NeedAnalysis

__all__ = ["MAX_REQUIRED_STANDARDS", "corrected_need", "in_passing", "left_out"]

MAX_REQUIRED_STANDARDS = 5  # a bundle's solutions speak a handful of standards; the search keeps them as bits


def corrected_need(
    need: Need,
    analysis: NeedAnalysis | None,
    catalog: Catalog | Taxonomy,
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    must_standards: Iterable[str] = (),
) -> Need:
    """``need`` (as need_from_text made it from ``analysis``) with the customer's corrections.

    ``remove``: capabilities not to compose although the text names them (an id the text did not name is
    ignored: there is nothing to remove); ``add``: capabilities to compose although the text does not name
    them; ``must_standards``: standards every bundle must speak. Raises CatalogError for an id the
    taxonomy does not know and ValueError for a capability both added and removed, more added capabilities
    than a need holds or more than MAX_REQUIRED_STANDARDS must standards."""
    tax = catalog.taxonomy if isinstance(catalog, Catalog) else catalog
    add, remove, must = (tuple(dict.fromkeys(ids)) for ids in (add, remove, must_standards))
    for cap in (*add, *remove):
        if cap not in tax.capabilities:
            raise CatalogError(f"unknown capability {cap!r}")
    for std in must:
        if std not in tax.standards:
            raise CatalogError(f"unknown standard {std!r}")
    both = set(add) & set(remove)
    if both:
        raise ValueError(f"capability {sorted(both)[0]!r} is both added and removed")
    if len(add) > MAX_NEED_CAPABILITIES:
        raise ValueError(f"at most {MAX_NEED_CAPABILITIES} capabilities can be added, not {len(add)}")
    if len(must) > MAX_REQUIRED_STANDARDS:
        raise ValueError(f"at most {MAX_REQUIRED_STANDARDS} standards can be a must, not {len(must)}")
    named = analysis.capability_ids if analysis is not None else list(need.capabilities)
    removed = tuple(c for c in remove if c in named)
    added = tuple(c for c in add if c not in named[:MAX_NEED_CAPABILITIES])
    from_text = [c for c in named if c not in remove and c not in add]
    capabilities = (*from_text[: MAX_NEED_CAPABILITIES - len(add)], *add)
    if analysis is not None:
        weights = {h.id: h.score for h in analysis.capabilities}
    else:
        weights = {c: need.weight(c) for c in named}
    weights |= {c: 1.0 for c in add}
    return replace(
        need,
        capabilities=capabilities,
        weights={c: max(weights[c], 0.01) for c in capabilities},
        standards=(*need.standards, *must),
        # a system the text says is there but the customer adds is to be bought, not linked to
        existing=tuple(c for c in need.existing if c not in add),
        added=added,
        removed=removed,
        required_standards=must,
    )


def left_out(need: Need, analysis: NeedAnalysis | None) -> list[str]:
    """Capabilities the text names that are neither composed nor removed by the customer (beyond the limit
    of one need)."""
    if analysis is None:
        return []
    return [c for c in analysis.capability_ids if c not in need.capabilities and c not in need.removed]


def in_passing(need: Need, analysis: NeedAnalysis | None) -> list[str]:
    """Capabilities a longer text names only in passing (NeedAnalysis.in_passing) that the customer has not
    added: offered to add, not composed."""
    if analysis is None:
        return []
    return [h.id for h in analysis.in_passing if h.id not in need.capabilities]
