"""The engine's input: taxonomy (capabilities, standards) and catalog (companies, solutions, cooperations).

Everything here is plain, immutable data that is validated when it is built: every invalid input raises a
specific :class:`CatalogError` (a ``ValueError``) naming the offending id, so that the solver functions never
see broken references. The Django side builds these objects from the database; :func:`catalog_from_dict`
builds them from the interchange format of ``shared/spec/catalog.schema.json``.

Index structures that matching needs (capability -> solution rows, standards as bit masks, coordinates as
arrays) are built once per catalog, lazily, and reused by every match.
"""

from __future__ import annotations

import json
import math
import pickle
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

__all__ = [
    "Capability",
    "Catalog",
    "CatalogError",
    "Company",
    "Cooperation",
    "Solution",
    "Standard",
    "Taxonomy",
    "builtin_taxonomy_dict",
    "catalog_from_dict",
    "taxonomy_from_dict",
]

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
TAXONOMY_FILE = Path(__file__).resolve().parent.parent / "registry" / "data" / "taxonomy.json"

# Hub locations of the IT-Wirtschaft center (also in core/data/centers.json); used for proximity.
HUB_LOCATIONS: dict[str, tuple[float, float]] = {
    "berlin": (52.5200, 13.4050),
    "aachen": (50.7753, 6.0839),
    "karlsruhe": (49.0069, 8.4037),
    "kassel": (51.3127, 9.4797),
}


class CatalogError(ValueError):
    """Invalid taxonomy or catalog input; the message names the id and what is wrong with it."""


def _tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values or ()))


@dataclass(frozen=True, slots=True)
class Capability:
    """A node of the capability taxonomy (what a solution does), with labels and synonyms in both languages.

    ``exchanges_with`` names capabilities whose solutions must exchange data with this one when both are in a
    bundle; the taxonomy makes the relation symmetric.
    """

    id: str
    label_de: str
    label_en: str = ""
    synonyms_de: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    parent: str | None = None
    exchanges_with: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not ID_PATTERN.match(self.id):
            raise CatalogError(f"capability id {self.id!r} must match {ID_PATTERN.pattern}")
        if not self.label_de.strip():
            raise CatalogError(f"capability {self.id!r} needs a German label")

    def label(self, lang: str = "de") -> str:
        return self.label_en if lang == "en" and self.label_en else self.label_de


@dataclass(frozen=True, slots=True)
class Standard:
    """An interface standard or data format (DATEV, BMEcat, ...); ``used_by`` lists capability ids.

    ``label`` is the German name, ``label_en`` the English one where it differs (most names are the same)."""

    id: str
    label: str
    url: str | None = None
    used_by: tuple[str, ...] = ()
    label_en: str = ""

    def __post_init__(self) -> None:
        if not ID_PATTERN.match(self.id):
            raise CatalogError(f"standard id {self.id!r} must match {ID_PATTERN.pattern}")
        if not self.label.strip():
            raise CatalogError(f"standard {self.id!r} needs a label")

    def label_in(self, lang: str = "de") -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


@dataclass(frozen=True, slots=True)
class Company:
    """A provider (or customer) company. ``lat``/``lon`` in degrees; ``hub`` one of HUB_LOCATIONS or None."""

    id: str
    name: str
    hub: str | None = None
    postal_code: str | None = None
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    labels: tuple[str, ...] = ()
    verified: bool = False
    description: str = ""
    keywords: tuple[str, ...] = ()

    def __reduce__(self):
        # See Cooperation.__reduce__.
        return (Company, tuple(getattr(self, name) for name in _COMPANY_FIELDS))

    def __post_init__(self) -> None:
        if not self.id:
            raise CatalogError("a company needs an id")
        if not self.name.strip():
            raise CatalogError(f"company {self.id!r} needs a name")
        if (self.lat is None) != (self.lon is None):
            raise CatalogError(f"company {self.id!r}: give both lat and lon or neither")
        if self.lat is not None and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):  # type: ignore[operator]
            raise CatalogError(f"company {self.id!r}: coordinates out of range")


@dataclass(frozen=True, slots=True)
class Solution:
    """A product or service of one company: its capabilities and the standards it provides and consumes."""

    id: str
    company_id: str
    name: str
    description: str = ""
    capabilities: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    consumes: tuple[str, ...] = ()
    deployment: tuple[str, ...] = ()
    price_eur_month: float | None = None
    # Labels the product holds itself (certified per product); it also carries its company's labels.
    labels: tuple[str, ...] = ()

    def __reduce__(self):
        # See Cooperation.__reduce__.
        return (Solution, tuple(getattr(self, name) for name in _SOLUTION_FIELDS))

    def __post_init__(self) -> None:
        if not self.id:
            raise CatalogError("a solution needs an id")
        if not self.company_id:
            raise CatalogError(f"solution {self.id!r} needs a company")


@dataclass(frozen=True, slots=True)
class Cooperation:
    """A past or running cooperation between two companies (order does not matter)."""

    company_a: str
    company_b: str
    year: int | None = None
    title: str = ""

    def __post_init__(self) -> None:
        if self.company_a == self.company_b:
            raise CatalogError(f"company {self.company_a!r} cannot cooperate with itself")

    def __reduce__(self):
        # The constructor's positional arguments: unpickles several times faster than the generic state of
        # a slotted dataclass (a snapshot holds hundreds of thousands).
        return (Cooperation, (self.company_a, self.company_b, self.year, self.title))


class CooperationColumns(Sequence):
    """Cooperations as four columns, each one made on access: a snapshot holds this instead of the objects,
    so loading it does not build hundreds of thousands of them for a command that reads a few."""

    __slots__ = ("_a", "_b", "_title", "_year")

    def __init__(self, cooperations: Iterable[Cooperation]) -> None:
        coops = list(cooperations)
        self._a = [c.company_a for c in coops]
        self._b = [c.company_b for c in coops]
        self._year = [c.year for c in coops]
        self._title = [c.title for c in coops]

    def __len__(self) -> int:
        return len(self._a)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        return Cooperation(self._a[k], self._b[k], self._year[k], self._title[k])

    def __iter__(self):
        return map(Cooperation, self._a, self._b, self._year, self._title)


_COMPANY_FIELDS = tuple(f.name for f in fields(Company))
_SOLUTION_FIELDS = tuple(f.name for f in fields(Solution))
# Cached lookups a snapshot carries as pickled bytes, unpickled on first use: most commands never read them.
_DEFERRED = ("cooperation_years", "partners_of")


class Taxonomy:
    """Capabilities and standards, validated: unique ids, known parents, symmetric ``exchanges_with``."""

    def __init__(self, capabilities: Iterable[Capability], standards: Iterable[Standard] = ()) -> None:
        caps = list(capabilities)
        stds = list(standards)
        by_id: dict[str, Capability] = {}
        for cap in caps:
            if cap.id in by_id:
                raise CatalogError(f"capability {cap.id!r} is defined twice")
            by_id[cap.id] = cap
        std_by_id: dict[str, Standard] = {}
        for std in stds:
            if std.id in std_by_id:
                raise CatalogError(f"standard {std.id!r} is defined twice")
            std_by_id[std.id] = std
        exchanges: dict[str, set[str]] = {c: set() for c in by_id}
        for cap in caps:
            if cap.parent is not None and cap.parent not in by_id:
                raise CatalogError(f"capability {cap.id!r} has unknown parent {cap.parent!r}")
            for other in cap.exchanges_with:
                if other not in by_id:
                    raise CatalogError(f"capability {cap.id!r} exchanges with unknown capability {other!r}")
                if other != cap.id:
                    exchanges[cap.id].add(other)
                    exchanges[other].add(cap.id)
        for std in stds:
            for used in std.used_by:
                if used not in by_id:
                    raise CatalogError(f"standard {std.id!r} is used by unknown capability {used!r}")
        self.capabilities: dict[str, Capability] = by_id
        self.standards: dict[str, Standard] = std_by_id
        self.exchanges: dict[str, frozenset[str]] = {c: frozenset(v) for c, v in exchanges.items()}
        self.children: dict[str, tuple[str, ...]] = {c: () for c in by_id}
        for cap in caps:
            if cap.parent is not None:
                self.children[cap.parent] = (*self.children[cap.parent], cap.id)

    def must_exchange(self, a: str, b: str) -> bool:
        return b in self.exchanges.get(a, ())

    def is_group(self, capability_id: str) -> bool:
        """A capability that only groups others (has children); need analysis does not return those."""
        return bool(self.children.get(capability_id))

    @cached_property
    def standard_specificity(self) -> dict[str, float]:
        """How specific a standard is (1 / capabilities using it); links prefer specific standards."""
        return {s.id: 1.0 / max(1, len(s.used_by)) for s in self.standards.values()}


class Catalog:
    """Companies, their solutions and cooperations over a taxonomy; validated at construction.

    Build it once and reuse it: the index structures matching needs are computed lazily and cached.
    """

    def __init__(
        self,
        taxonomy: Taxonomy,
        companies: Iterable[Company] = (),
        solutions: Iterable[Solution] = (),
        cooperations: Iterable[Cooperation] = (),
    ) -> None:
        self.taxonomy = taxonomy
        self.companies: dict[str, Company] = {}
        for company in companies:
            if company.id in self.companies:
                raise CatalogError(f"company {company.id!r} is defined twice")
            self.companies[company.id] = company
        self.solutions: dict[str, Solution] = {}
        for sol in solutions:
            if sol.id in self.solutions:
                raise CatalogError(f"solution {sol.id!r} is defined twice")
            if sol.company_id not in self.companies:
                raise CatalogError(f"solution {sol.id!r} belongs to unknown company {sol.company_id!r}")
            for cap in sol.capabilities:
                if cap not in taxonomy.capabilities:
                    raise CatalogError(f"solution {sol.id!r} names unknown capability {cap!r}")
            for std in (*sol.provides, *sol.consumes):
                if std not in taxonomy.standards:
                    raise CatalogError(f"solution {sol.id!r} names unknown standard {std!r}")
            self.solutions[sol.id] = sol
        self.cooperations: Sequence[Cooperation] = []
        for coop in cooperations:
            for cid in (coop.company_a, coop.company_b):
                if cid not in self.companies:
                    raise CatalogError(f"cooperation names unknown company {cid!r}")
            self.cooperations.append(coop)  # type: ignore[attr-defined]

    # -- pickling (catalog snapshots) ----------------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if not isinstance(self.cooperations, CooperationColumns):
            state["cooperations"] = CooperationColumns(self.cooperations)
        deferred = dict(state.pop("_deferred", {}))
        for name in _DEFERRED:
            if name in state:
                deferred[name] = pickle.dumps(state.pop(name), protocol=pickle.HIGHEST_PROTOCOL)
        state["_deferred"] = deferred
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _thawed(self, name: str) -> Any:
        """A cached lookup a snapshot deferred (see _DEFERRED), unpickled now; None if there is none."""
        deferred = self.__dict__.get("_deferred")
        if not deferred or name not in deferred:
            return None
        return pickle.loads(deferred.pop(name))  # noqa: S301 - part of a snapshot the caller checked

    # -- lookups -------------------------------------------------------------------------------------------

    def company(self, company_id: str) -> Company:
        try:
            return self.companies[company_id]
        except KeyError:
            raise CatalogError(f"unknown company {company_id!r}") from None

    @cached_property
    def solutions_of(self) -> dict[str, tuple[Solution, ...]]:
        out: dict[str, list[Solution]] = {c: [] for c in self.companies}
        for sol in self.solutions.values():
            out[sol.company_id].append(sol)
        return {c: tuple(v) for c, v in out.items()}

    @cached_property
    def cooperation_years(self) -> dict[frozenset[str], int | None]:
        """Company pair -> latest year of a cooperation (None when no year was given)."""
        if (thawed := self._thawed("cooperation_years")) is not None:
            return thawed
        out: dict[frozenset[str], int | None] = {}
        for coop in self.cooperations:
            key = frozenset((coop.company_a, coop.company_b))
            prev = out.get(key)
            out[key] = coop.year if prev is None else max(prev, coop.year or prev)
        return out

    @cached_property
    def partners_of(self) -> dict[str, frozenset[str]]:
        if (thawed := self._thawed("partners_of")) is not None:
            return thawed
        out: dict[str, set[str]] = {}
        for pair in self.cooperation_years:
            a, b = tuple(pair)
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
        return {c: frozenset(v) for c, v in out.items()}

    # -- index structures for matching -----------------------------------------------------------------------

    @cached_property
    def index(self) -> CatalogIndex:
        return CatalogIndex(self)

    @cached_property
    def partner_index(self):
        """Texts, works and network for partner ranking (engine.partner_index), built on first use."""
        from .partner_index import PartnerIndex

        return PartnerIndex(self)


class CatalogIndex:
    """Array form of a catalog: row i of each solution array describes solution ``solution_ids[i]``.

    Standards are columns of two sparse boolean matrices (provides, consumes) so that linkability of many
    solutions is one matrix product; coordinates and flags are NumPy arrays so that scoring is vectorised.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.standard_ids: list[str] = list(catalog.taxonomy.standards)
        self.standard_col: dict[str, int] = {s: k for k, s in enumerate(self.standard_ids)}
        self.company_ids: list[str] = list(catalog.companies)
        self.company_index: dict[str, int] = {c: k for k, c in enumerate(self.company_ids)}
        comps = list(catalog.companies.values())
        self.company_lat = np.array([c.lat if c.lat is not None else np.nan for c in comps], dtype=float)
        self.company_lon = np.array([c.lon if c.lon is not None else np.nan for c in comps], dtype=float)
        self.company_verified = np.array([c.verified for c in comps], dtype=bool)
        self.company_hub: list[str | None] = [c.hub for c in comps]
        self.company_labels: list[frozenset[str]] = [frozenset(c.labels) for c in comps]
        sols = list(catalog.solutions.values())
        self.solution_ids: list[str] = [s.id for s in sols]
        self.solution_row: dict[str, int] = {s: k for k, s in enumerate(self.solution_ids)}
        self.company_row = np.array([self.company_index[s.company_id] for s in sols], dtype=np.int64)
        self.capability_count = np.array([len(s.capabilities) for s in sols], dtype=np.int64)
        # The labels each solution carries: its company's and its own (a label awarded to the product).
        self.solution_labels: list[frozenset[str]] = [
            self.company_labels[self.company_index[s.company_id]] | frozenset(s.labels) for s in sols
        ]
        rows: dict[str, list[int]] = {}
        p_rows, p_cols, c_rows, c_cols = [], [], [], []
        col = self.standard_col
        for k, s in enumerate(sols):
            for cap in s.capabilities:
                rows.setdefault(cap, []).append(k)
            for t in s.provides:
                p_rows.append(k)
                p_cols.append(col[t])
            for t in s.consumes:
                c_rows.append(k)
                c_cols.append(col[t])
        self.by_capability: dict[str, np.ndarray] = {c: np.array(v, dtype=np.int64) for c, v in rows.items()}
        shape = (len(sols), max(1, len(self.standard_ids)))
        self.provides_matrix = _bool_matrix(p_rows, p_cols, shape)
        self.consumes_matrix = _bool_matrix(c_rows, c_cols, shape)
        pairs = [
            (self.company_index[a], self.company_index[b]) for a, b in map(tuple, catalog.cooperation_years)
        ]
        a_rows = [a for a, b in pairs] + [b for a, b in pairs]
        b_rows = [b for a, b in pairs] + [a for a, b in pairs]
        n_comp = max(1, len(self.company_ids))
        self.cooperation_matrix = _bool_matrix(a_rows, b_rows, (n_comp, n_comp))

    def solutions_where(self, attribute: str, test: Callable[[Any], bool]) -> np.ndarray:
        """A boolean per solution row: ``test`` of its ``attribute`` ("hub": its company's, "labels": its
        own and its company's, "deployment"). Decided once per distinct value, not per row: a filter over
        100,000 solutions costs a lookup of a few dozen values."""
        codes, values = self._distinct(attribute)
        return np.array([test(v) for v in values], dtype=bool)[codes]

    def _distinct(self, attribute: str) -> tuple[np.ndarray, list[Any]]:
        found = self.__dict__.setdefault("_distinct_values", {}).get(attribute)
        if found is None:
            if attribute == "hub":
                per_row: Iterable[Any] = (self.company_hub[k] for k in self.company_row.tolist())
            elif attribute == "labels":
                per_row = self.solution_labels
            elif attribute == "deployment":
                per_row = (s.deployment for s in self.catalog.solutions.values())
            else:
                raise ValueError(f"no solution attribute {attribute!r}")
            numbers: dict[Any, int] = {}
            codes = np.fromiter(
                (numbers.setdefault(v, len(numbers)) for v in per_row),
                dtype=np.int64,
                count=len(self.solution_ids),
            )
            found = self._distinct_values[attribute] = (codes, list(numbers))
        return found


def _bool_matrix(rows: list[int], cols: list[int], shape: tuple[int, int]) -> sparse.csr_matrix:
    data = np.ones(len(rows), dtype=bool)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=shape, dtype=bool)
    matrix.sum_duplicates()
    return matrix


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


# -- interchange format --------------------------------------------------------------------------------------


def builtin_taxonomy_dict() -> dict[str, Any]:
    """The built-in taxonomy (registry/data/taxonomy.json) in the interchange format."""
    return json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))


def _merge_entries(base: list[Mapping[str, Any]], extra: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Entries by id: an extra entry with a new id is added; one with a known id replaces the fields it gives
    (as the database import does): a file's ``exchanges_with`` for a capability becomes its list."""
    merged: dict[str, dict[str, Any]] = {}
    for entry in [*base, *extra]:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("id"), str):
            raise CatalogError(f"taxonomy entry without an id: {entry!r}")
        merged.setdefault(entry["id"], {}).update(entry)
    return list(merged.values())


def taxonomy_from_dict(data: Mapping[str, Any], base: Mapping[str, Any] | None = None) -> Taxonomy:
    """A taxonomy from the interchange format's capabilities and standards (over ``base`` if given)."""
    caps = _merge_entries(list((base or {}).get("capabilities", [])), list(data.get("capabilities", [])))
    stds = _merge_entries(list((base or {}).get("standards", [])), list(data.get("standards", [])))
    try:
        capabilities = [
            Capability(
                id=c["id"],
                label_de=c.get("label_de") or c.get("label_en") or c["id"],
                label_en=c.get("label_en", ""),
                synonyms_de=_tuple(c.get("synonyms_de")),
                synonyms_en=_tuple(c.get("synonyms_en")),
                parent=c.get("parent") or None,
                exchanges_with=_tuple(c.get("exchanges_with")),
            )
            for c in caps
        ]
        standards = [
            Standard(
                id=s["id"],
                label=s.get("label") or s.get("label_en") or s["id"],
                label_en=s.get("label_en", ""),
                url=s.get("url"),
                used_by=_tuple(s.get("used_by")),
            )
            for s in stds
        ]
    except (TypeError, AttributeError) as exc:
        raise CatalogError(f"malformed taxonomy entry: {exc}") from exc
    return Taxonomy(capabilities, standards)


def catalog_from_dict(data: Mapping[str, Any], base: Mapping[str, Any] | None = None) -> Catalog:
    """A catalog from the interchange format (shared/spec/catalog.schema.json).

    ``base`` is the built-in taxonomy in the same format (see :func:`builtin_taxonomy_dict`); the file's own
    capabilities and standards extend it or, for an id that exists, update it.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("companies", []), list):
        raise CatalogError("a catalog is an object with a list of companies")
    taxonomy = taxonomy_from_dict(data, base)
    companies: list[Company] = []
    solutions: list[Solution] = []
    cooperations: list[Cooperation] = []
    texts: dict[str, str] = {}
    for c in data.get("companies", []):
        try:
            companies.append(
                Company(
                    id=str(c["id"]),
                    name=str(c["name"]),
                    hub=c.get("hub") or None,
                    postal_code=c.get("postal_code"),
                    city=c.get("city"),
                    lat=c.get("lat"),
                    lon=c.get("lon"),
                    labels=_tuple(c.get("labels")),
                    verified=bool(c.get("verified", False)),
                    description=" ".join(x for x in (c.get("description"), c.get("description_en")) if x),
                    keywords=_tuple(c.get("keywords")),
                )
            )
            for s in c.get("solutions", []):
                solutions.append(
                    Solution(
                        id=str(s["id"]),
                        company_id=str(c["id"]),
                        name=str(s.get("name", s["id"])),
                        # one string per distinct text (see matching.adapter): snapshots pickle it once
                        description=texts.setdefault(s.get("description", ""), s.get("description", "")),
                        capabilities=_tuple(s.get("capabilities")),
                        provides=_tuple(s.get("provides")),
                        consumes=_tuple(s.get("consumes")),
                        deployment=_tuple(s.get("deployment")),
                        price_eur_month=s.get("price_eur_month"),
                    )
                )
            for coop in c.get("cooperations", []):
                cooperations.append(
                    Cooperation(str(c["id"]), str(coop["partner"]), coop.get("year"), coop.get("title", ""))
                )
        except KeyError as exc:
            raise CatalogError(f"company entry misses {exc.args[0]!r}: {c.get('id', c)!r}") from None
        except (TypeError, AttributeError) as exc:
            raise CatalogError(f"malformed company entry {c.get('id', '?')!r}: {exc}") from None
    return Catalog(taxonomy, companies, solutions, cooperations)
