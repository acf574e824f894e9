"""Systems the customer already runs as integration constraints (issue 12: "the bundle links to them
through a standard").

An existing system is a capability id (``Need.existing``, from the need analysis): the customer runs, say,
practice software and asks for online appointment booking. It is not composed; a solution of a needed
capability that must exchange data with it (``Taxonomy.must_exchange``) should connect to it. What such a
system speaks is not known from the text, so it is read from the platform's knowledge: the standards the
taxonomy lists for the capability, and those that catalog solutions offering the capability provide or
consume. A solution connects to it when it provides a standard such a system consumes or consumes one it
provides.

A constraint holds only where it can be met: for each existing system, the needed capabilities that must
exchange data with it and the standards through which some catalog solution of those capabilities could
connect. When there are none although the catalog has solutions of those capabilities, the system is
reported as unreachable (``MatchResult.unreachable_existing``) and changes no score; when there are, the
objective rewards the solutions that connect (objective.quality_components, the "existing" share of fit)
and the customer can make one of those standards a must (correct.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .catalog import Catalog

__all__ = [
    "ExistingSystem",
    "connection_share",
    "connects_to",
    "existing_standards",
    "existing_systems",
]


@dataclass(frozen=True, slots=True)
class ExistingSystem:
    """A system the customer runs (capability ``id``), the needed ``capabilities`` that must exchange data
    with it, and the ``standards`` through which catalog solutions of those capabilities could connect to
    it (most solutions first). ``reachable``: some solution can; a constraint only then. ``offered``: the
    catalog has solutions of those capabilities at all; ``unreachable``: it has, and none can connect."""

    id: str
    capabilities: tuple[str, ...]
    standards: tuple[str, ...]
    offered: bool = True

    @property
    def reachable(self) -> bool:
        return bool(self.standards)

    @property
    def unreachable(self) -> bool:
        return self.offered and not self.standards


def existing_standards(catalog: Catalog, capability: str) -> tuple[frozenset[str], frozenset[str]]:
    """(provided, consumed): the standards a system of this capability speaks, from the taxonomy (its
    standards' ``used_by``, both directions) and from the catalog's solutions offering it. Kept with the
    catalog (it never changes; a catalog is rebuilt when the registry does)."""
    memo = catalog.__dict__.setdefault("_existing_standards", {})
    found = memo.get(capability)
    if found is None:
        found = memo[capability] = _speaks(catalog, capability)
    return found


def _speaks(catalog: Catalog, capability: str) -> tuple[frozenset[str], frozenset[str]]:
    common = {s.id for s in catalog.taxonomy.standards.values() if capability in s.used_by}
    provided, consumed = set(common), set(common)
    idx = catalog.index
    rows = idx.by_capability.get(capability)
    if rows is not None and len(rows):
        ids = idx.standard_ids
        provided |= {
            ids[k] for k in np.flatnonzero(np.asarray(idx.provides_matrix[rows].sum(axis=0)).ravel())
        }
        consumed |= {
            ids[k] for k in np.flatnonzero(np.asarray(idx.consumes_matrix[rows].sum(axis=0)).ravel())
        }
    return frozenset(provided), frozenset(consumed)


def _columns(catalog: Catalog, capability: str) -> tuple[np.ndarray, np.ndarray]:
    """Standard columns of the catalog index: (those such a system consumes, those it provides): a
    solution providing one of the first or consuming one of the second connects to it."""
    provided, consumed = existing_standards(catalog, capability)
    col = catalog.index.standard_col
    return (
        np.array(sorted(col[s] for s in consumed if s in col), dtype=np.int64),
        np.array(sorted(col[s] for s in provided if s in col), dtype=np.int64),
    )


def connects_to(catalog: Catalog, capability: str, rows: np.ndarray) -> np.ndarray:
    """For the solutions at index rows ``rows``: does each connect to a system of ``capability``?"""
    return _connecting_rows(catalog, capability)[np.asarray(rows, dtype=np.int64)]


def _connecting_rows(catalog: Catalog, capability: str) -> np.ndarray:
    """Per catalog solution row: connects to a system of ``capability``. Kept with the catalog (a byte per
    solution and existing system asked about): a bundle's parts are scored a few rows at a time, and
    slicing the sparse matrices for each would cost more than the whole column once."""
    memo = catalog.__dict__.setdefault("_connecting_rows", {})
    found = memo.get(capability)
    if found is None:
        idx = catalog.index
        to_consume, to_provide = _columns(catalog, capability)
        found = np.zeros(len(idx.solution_ids), dtype=bool)
        for cols, matrix in ((to_consume, idx.provides_matrix), (to_provide, idx.consumes_matrix)):
            if len(cols):  # a product with the columns' indicator: one pass over the matrix, no slicing
                wanted = np.zeros(matrix.shape[1])
                wanted[cols] = 1.0
                found |= np.asarray(matrix @ wanted).ravel() > 0
        memo[capability] = found
    return found


def _connecting_standards(catalog: Catalog, system: str, capabilities: tuple[str, ...]) -> tuple[str, ...]:
    """The standards through which catalog solutions of ``capabilities`` connect to ``system``, by how many
    solutions use each (most first), then id. Kept with the catalog."""
    memo = catalog.__dict__.setdefault("_connecting_standards", {})
    key = (system, frozenset(capabilities))
    found = memo.get(key)
    if found is not None:
        return found
    idx = catalog.index
    lists = [idx.by_capability[c] for c in capabilities if c in idx.by_capability]
    rows = np.unique(np.concatenate(lists)) if lists else np.zeros(0, dtype=np.int64)
    to_consume, to_provide = _columns(catalog, system)
    counts: dict[str, int] = {}
    if len(rows):
        for cols, matrix in ((to_consume, idx.provides_matrix), (to_provide, idx.consumes_matrix)):
            if len(cols):
                used = np.asarray(matrix[rows][:, cols].sum(axis=0)).ravel()
                for c, n in zip(cols.tolist(), used.tolist(), strict=True):
                    if n > 0:
                        sid = idx.standard_ids[c]
                        counts[sid] = counts.get(sid, 0) + int(n)
    found = memo[key] = tuple(sorted(counts, key=lambda s: (-counts[s], s)))
    return found


def existing_systems(
    capabilities: Iterable[str], existing: Iterable[str], catalog: Catalog
) -> list[ExistingSystem]:
    """Each existing system (known to the taxonomy) some of the needed ``capabilities`` must exchange data
    with, with those capabilities and the standards that could connect them (see the module docstring);
    systems none of them exchanges data with are left out (there is nothing to connect)."""
    tax = catalog.taxonomy
    caps = tuple(dict.fromkeys(capabilities))
    out = []
    for system in dict.fromkeys(existing):
        if system not in tax.capabilities or system in caps:
            continue
        linked = tuple(c for c in caps if c in tax.capabilities and tax.must_exchange(c, system))
        if linked:
            offered = any(len(catalog.index.by_capability.get(c, ())) for c in linked)
            standards = _connecting_standards(catalog, system, linked)
            out.append(ExistingSystem(system, linked, standards, offered))
    return out


def connection_share(
    capabilities: Iterable[str], existing: Iterable[str], catalog: Catalog, rows: np.ndarray
) -> np.ndarray | None:
    """For the solutions at index rows ``rows``: the share of the reachable existing systems they must
    connect to (one of their needed capabilities exchanges data with it) that they do connect to; 1 where
    they must connect to none. None when no reachable existing system concerns the need at all."""
    systems = [s for s in existing_systems(capabilities, existing, catalog) if s.reachable]
    if not systems:
        return None
    idx = catalog.index
    rows = np.asarray(rows, dtype=np.int64)
    must = np.zeros(len(rows))
    done = np.zeros(len(rows))
    for system in systems:
        concerned = np.zeros(len(rows), dtype=bool)
        for cap in system.capabilities:
            members = idx.by_capability.get(cap)
            if members is not None and len(members):
                # the index lists each capability's rows in ascending order: a binary search per row, not a
                # sort of every offering solution per call (a bundle's parts are scored a few rows at a time)
                at = np.minimum(np.searchsorted(members, rows), len(members) - 1)
                concerned |= members[at] == rows
        if not concerned.any():
            continue
        must += concerned
        done += concerned & connects_to(catalog, system.id, rows)
    return np.where(must > 0, done / np.maximum(must, 1), 1.0)
