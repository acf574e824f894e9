"""A catalog's partner ranking data in a directory, for a process that ranks once and stops (`itkoop
partners`).

Unpickling a whole catalog costs seconds on the development data (hundreds of thousands of companies,
solutions and cooperations become objects), while one ranking reads the partner index and a few dozen
records. So the directory holds:

* the partner index's arrays and sparse matrices as .npy files, memory-mapped when loaded;
* its two BM25 models in bm25s's own format (memory-mapped score arrays), each vocabulary as sorted tokens
  looked up by bisection;
* companies, each company's solutions, cooperations' titles, profile terms and work names as UTF-8 records
  with offsets, decoded one at a time when a ranking reads them.

`PartnerCatalog` offers what engine.partners reads of a Catalog (companies, solutions_of, cooperations,
taxonomy, index.company_lat/lon, partner_index), so a ranking from it is the ranking from the catalog it was
written from. Nothing here is unpickled (arrays are loaded with allow_pickle=False); the taxonomy, which holds
the need analysis's patterns, is passed in by the caller (matching keeps it in a signed pickle). No Django.
"""

from __future__ import annotations

import bisect
import json
import mmap
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from .catalog import _COMPANY_FIELDS, _SOLUTION_FIELDS, Catalog, Company, Cooperation, Solution, Taxonomy
from .partner_index import PartnerIndex

__all__ = ["PartnerCatalog", "load_partner_catalog", "save_partner_catalog"]

FORMAT = 1
_MODELS = ("company_text", "work_text")
_SPARSE = {"csr_matrix": sparse.csr_matrix, "csc_matrix": sparse.csc_matrix}
_NO_YEAR = np.iinfo(np.int32).min
# PartnerIndex attributes kept in the metadata (small) or as records (decoded on access); every other one is
# an array, a sparse matrix or a BM25 model. An attribute of none of these kinds stops the save.
_IN_META = ("company_ids", "capability_ids")
_DERIVED = ("company_index", "capability_column")
_AS_TEXTS = ("work_names",)
_AS_JSON_ROWS = ("profile_terms",)


class _Records(Sequence):
    """Strings stored one after another in ``<name>.txt`` with their offsets in ``<name>.offsets.npy``."""

    def __init__(self, directory: Path, name: str) -> None:
        self._offsets = np.load(directory / f"{name}.offsets.npy", mmap_mode="r", allow_pickle=False)
        size = os.path.getsize(directory / f"{name}.txt")
        if size:
            with open(directory / f"{name}.txt", "rb") as file:
                self._blob: Any = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        else:
            self._blob = b""

    @staticmethod
    def write(directory: Path, name: str, texts: Sequence[str]) -> None:
        encoded = [text.encode() for text in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        (directory / f"{name}.txt").write_bytes(b"".join(encoded))
        np.save(directory / f"{name}.offsets.npy", offsets)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self._blob[int(self._offsets[k]) : int(self._offsets[k + 1])].decode()


class _JsonRows(Sequence):
    """Records holding one JSON value each (lists become lists)."""

    def __init__(self, records: _Records) -> None:
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        return json.loads(self._records[k])


class _Vocabulary(Mapping):
    """A BM25 model's token -> id, looked up by bisection in the sorted tokens: parsing the vocabulary's JSON
    would cost more than the ranking that reads a few dozen of its tokens."""

    def __init__(self, directory: Path, name: str) -> None:
        self._tokens = _Records(directory, f"{name}.tokens")
        self._ids = np.load(directory / f"{name}.ids.npy", mmap_mode="r", allow_pickle=False)

    @staticmethod
    def write(directory: Path, name: str, vocabulary: dict[str, int]) -> None:
        tokens = sorted(vocabulary)
        _Records.write(directory, f"{name}.tokens", tokens)
        np.save(directory / f"{name}.ids.npy", np.array([vocabulary[t] for t in tokens], dtype=np.int64))

    def _position(self, token: object) -> int | None:
        if not isinstance(token, str):
            return None
        k = bisect.bisect_left(self._tokens, token)
        return k if k < len(self._tokens) and self._tokens[k] == token else None

    def __getitem__(self, token: str) -> int:
        k = self._position(token)
        if k is None:
            raise KeyError(token)
        return int(self._ids[k])

    def __contains__(self, token: object) -> bool:
        return self._position(token) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)


def _fields(values: list) -> list:
    # Every list in a record stands for a tuple field (labels, keywords, capabilities ...).
    return [tuple(v) if isinstance(v, list) else v for v in values]


class _Companies(Mapping):
    """Company id -> Company, each made from its record on access."""

    def __init__(self, index: dict[str, int], records: _Records) -> None:
        self._index, self._records = index, records

    def __getitem__(self, company_id: str) -> Company:
        return Company(*_fields(json.loads(self._records[self._index[company_id]])))

    def __contains__(self, company_id: object) -> bool:
        return company_id in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


class _SolutionsOf(_Companies):
    """Company id -> its solutions, made from the company's record on access."""

    def __getitem__(self, company_id: str) -> tuple[Solution, ...]:  # type: ignore[override]
        rows = json.loads(self._records[self._index[company_id]])
        return tuple(Solution(*_fields(values)) for values in rows)


class _Cooperations(Sequence):
    """Cooperations as columns: the companies' rows, the year and the title's number among distinct titles."""

    def __init__(self, directory: Path, company_ids: list[str]) -> None:
        self._ids = company_ids
        self._columns = np.load(directory / "cooperations.npy", mmap_mode="r", allow_pickle=False)
        self._titles = _Records(directory, "cooperation_titles")

    def __len__(self) -> int:
        return len(self._columns)

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        a, b, year, title = (int(v) for v in self._columns[k])
        year_or_none = None if year == _NO_YEAR else year
        return Cooperation(self._ids[a], self._ids[b], year_or_none, self._titles[title])


class PartnerLocations:
    """The companies' coordinates (NaN where unknown), as Catalog.index has them."""

    def __init__(self, company_lat: np.ndarray, company_lon: np.ndarray) -> None:
        self.company_lat, self.company_lon = company_lat, company_lon


class PartnerCatalog:
    """What partner ranking reads of a Catalog, from a directory written by ``save_partner_catalog``."""

    def __init__(self, directory: Path, taxonomy: Taxonomy) -> None:
        import bm25s

        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"partner data of format {meta.get('format')!r}, not {FORMAT}")
        self.taxonomy = taxonomy
        ids: list[str] = meta["company_ids"]
        index = {c: k for k, c in enumerate(ids)}
        self.companies = _Companies(index, _Records(directory, "companies"))
        self.solutions_of = _SolutionsOf(index, _Records(directory, "solutions_of"))
        self.cooperations = _Cooperations(directory, ids)

        def array(name: str) -> np.ndarray:
            return np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False)

        self.index = PartnerLocations(array("company_lat"), array("company_lon"))
        pindex = PartnerIndex.__new__(PartnerIndex)
        state: dict[str, Any] = {"company_ids": ids, "company_index": index}
        state["capability_ids"] = meta["capability_ids"]
        state["capability_column"] = {c: k for k, c in enumerate(meta["capability_ids"])}
        for name in meta["arrays"]:
            state[name] = array(name)
        for name, (kind, shape) in meta["sparse"].items():
            parts = (array(f"{name}.data"), array(f"{name}.indices"), array(f"{name}.indptr"))
            state[name] = _SPARSE[kind](parts, shape=tuple(shape), copy=False)
        for name in _MODELS:
            model = bm25s.BM25.load(directory / name, mmap=True, load_vocab=False, show_progress=False)
            model.vocab_dict = _Vocabulary(directory, f"{name}.vocabulary")
            state[name] = model
        for name in _AS_TEXTS:
            state[name] = _Records(directory, name)
        for name in _AS_JSON_ROWS:
            state[name] = _JsonRows(_Records(directory, name))
        pindex.__dict__.update(state)
        self.partner_index = pindex


def save_partner_catalog(catalog: Catalog, directory: Path) -> None:
    """Writes ``catalog``'s partner ranking data into ``directory`` (which must exist and be empty)."""
    pindex = catalog.partner_index
    catalog.solutions_of  # noqa: B018 - computed before the records read it
    ids = pindex.company_ids
    meta: dict[str, Any] = {"format": FORMAT, "arrays": [], "sparse": {}}
    for name, value in pindex.__dict__.items():
        if name in _IN_META:
            meta[name] = list(value)
        elif name in _DERIVED:
            continue
        elif name in _MODELS:
            value.save(directory / name, show_progress=False)
            _Vocabulary.write(directory, f"{name}.vocabulary", value.vocab_dict)
        elif name in _AS_TEXTS:
            _Records.write(directory, name, value)
        elif name in _AS_JSON_ROWS:
            _Records.write(directory, name, [json.dumps(v, ensure_ascii=False) for v in value])
        elif isinstance(value, np.ndarray):
            np.save(directory / f"{name}.npy", value, allow_pickle=False)
            meta["arrays"].append(name)
        elif type(value).__name__ in _SPARSE and isinstance(value, _SPARSE[type(value).__name__]):
            for part in ("data", "indices", "indptr"):
                np.save(directory / f"{name}.{part}.npy", getattr(value, part), allow_pickle=False)
            meta["sparse"][name] = [type(value).__name__, list(value.shape)]
        else:
            raise TypeError(f"partner index attribute {name!r} of type {type(value).__name__} is not stored")
    companies = [catalog.companies[c] for c in ids]
    np.save(directory / "company_lat.npy", catalog.index.company_lat, allow_pickle=False)
    np.save(directory / "company_lon.npy", catalog.index.company_lon, allow_pickle=False)
    _Records.write(
        directory,
        "companies",
        [json.dumps([getattr(c, f) for f in _COMPANY_FIELDS], ensure_ascii=False) for c in companies],
    )
    _Records.write(
        directory,
        "solutions_of",
        [
            json.dumps(
                [[getattr(s, f) for f in _SOLUTION_FIELDS] for s in catalog.solutions_of[c]],
                ensure_ascii=False,
            )
            for c in ids
        ],
    )
    row = pindex.company_index
    titles: dict[str, int] = {}
    columns = np.array(
        [
            (
                row[c.company_a],
                row[c.company_b],
                _NO_YEAR if c.year is None else c.year,
                titles.setdefault(c.title, len(titles)),
            )
            for c in catalog.cooperations
        ],
        dtype=np.int32,
    ).reshape(-1, 4)
    np.save(directory / "cooperations.npy", columns, allow_pickle=False)
    _Records.write(directory, "cooperation_titles", list(titles))
    (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def load_partner_catalog(directory: Path, taxonomy: Taxonomy) -> PartnerCatalog:
    return PartnerCatalog(directory, taxonomy)
