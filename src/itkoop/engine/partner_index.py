"""What partner ranking reads, built once per catalog: the companies' texts, their works, the network.

* **Company texts**: each company's description, keywords, and the names, descriptions and capability
  labels of its solutions, as one document; BM25 (bm25s) ranks them against a need.
* **Works**: the distinct solution texts. A text that several companies share (the same project described by
  each of its partners, as in the CORDIS development data) is joint work; a need is matched against works and
  each work passes its relevance on to every company that did it, so an organisation that did several works
  like the need ranks high, however long its other texts are (the document-centric model of expert search).
* **Network**: companies are nodes, each recorded cooperation adds weight to an edge; a random walk with
  restart from the asking company (and from the companies of the works most like the need) reaches partners
  of partners.

The index holds only arrays and the BM25 models, so it pickles with the catalog's snapshot. No Django here.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

import numpy as np
from scipy import sparse

__all__ = ["PartnerIndex", "text_tokens"]

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# Query length cap: a need is length-limited at the edge; this bounds the work of any caller.
MAX_QUERY_TOKENS = 400
# A hyphen closing a word before a space or a comma: the word is the shortened first part of a compound.
_SHORTENED = re.compile(r"-(?=[\s,/]|$)")
# Distinct terms of a company's own texts that stand for it when it asks without a need.
PROFILE_TERMS = 40


def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_GERMAN

    return frozenset(STOPWORDS_EN) | frozenset(STOPWORDS_GERMAN)


_STOPWORDS: frozenset[str] | None = None


def text_tokens(text: str) -> list[str]:
    """Lower-case words of two or more letters without English and German stop words (NFC first)."""
    global _STOPWORDS
    if _STOPWORDS is None:
        _STOPWORDS = _stopwords()
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return [w for w in words if w not in _STOPWORDS]


def written_forms(text: str) -> dict[str, str]:
    """Each token of ``text`` (as ``text_tokens`` makes it) -> its first spelling in the text, so reasons
    quote "Elektrolyse", not "elektrolyse". The first part of a shortened compound ("Bestands- und
    Preisabgleich") is left out: alone it is no word a reader would recognise."""
    text = unicodedata.normalize("NFC", text)
    forms: dict[str, str] = {}
    for match in _WORD.finditer(text):
        word = match.group()
        if _SHORTENED.match(text, match.end()):
            continue
        forms.setdefault(word.lower(), word)
    return forms


def _bm25(corpus: list[list[str]]):
    import bm25s

    model = bm25s.BM25()
    if not any(corpus):
        # BM25 divides by the average length: without a single word (or document) a token that no query
        # holds stands in, so every score is 0 instead of 0/0.
        corpus = [["\x00"], *corpus[1:]]
    model.index(corpus, show_progress=False)
    return model


def _scores(model, tokens: list[str], size: int) -> np.ndarray:
    known = [t for t in tokens[:MAX_QUERY_TOKENS] if t in model.vocab_dict]
    if not known or size == 0:
        return np.zeros(size, dtype=np.float64)
    return np.asarray(model.get_scores(known), dtype=np.float64)[:size]


class PartnerIndex:
    """Texts, works and network of a catalog's companies, in the order of ``catalog.index.company_ids``."""

    def __init__(self, catalog) -> None:
        index = catalog.index
        self.company_ids: list[str] = index.company_ids
        self.company_index: dict[str, int] = index.company_index
        n = len(self.company_ids)
        tax = catalog.taxonomy
        docs: list[list[str]] = [[] for _ in range(n)]
        for cid, company in catalog.companies.items():
            docs[self.company_index[cid]] = text_tokens(" ".join((company.description, *company.keywords)))
        work_of_text: dict[str, int] = {}
        work_names: list[str] = []
        work_docs: list[list[str]] = []
        work_rows: list[int] = []
        work_cols: list[int] = []
        tokens_of: dict[str, list[str]] = {}  # read-only lists: shared by works and extended into documents
        for sol in catalog.solutions.values():
            row = self.company_index[sol.company_id]
            labels = " ".join(
                f"{tax.capabilities[c].label_de} {tax.capabilities[c].label_en or ''}"
                for c in sol.capabilities
            )
            text = f"{sol.name} {sol.description} {labels}"
            tokens = tokens_of.get(text)
            if tokens is None:  # the partners of a project describe it with the same text: read it once
                tokens = tokens_of[text] = text_tokens(text)
            docs[row].extend(tokens)
            key = sol.description.strip() or sol.id
            work = work_of_text.get(key)
            if work is None:
                work = work_of_text[key] = len(work_names)
                work_names.append(sol.name)
                work_docs.append(tokens)
            work_rows.append(work)
            work_cols.append(row)
        self.company_text = _bm25(docs)
        self.work_text = _bm25(work_docs)
        self.work_names = work_names
        n_works = len(work_names)
        # work x company: who did which work (1 per company, however many of its solutions share the text)
        members = sparse.csr_matrix(
            (np.ones(len(work_rows)), (work_rows, work_cols)), shape=(max(1, n_works), max(1, n))
        )
        members.data[:] = 1.0
        self.work_members = members
        self.company_works = members.T.tocsr()
        # A company's profile (asking without a need): its most distinctive terms.
        document_frequency: Counter[str] = Counter()
        for doc in docs:
            document_frequency.update(set(doc))
        # log(n / (1 + df)) of every term in one NumPy call (the same log as term by term, once per term)
        terms = list(document_frequency)
        ratios = np.array([n / (1 + document_frequency[t]) for t in terms], dtype=np.float64)
        idf = dict(zip(terms, np.log(ratios).tolist(), strict=True))
        self.profile_terms: list[list[str]] = [_profile(doc, idf) for doc in docs]
        # The network: edge weight = cooperations recorded between the two.
        pair_counts: Counter[tuple[int, int]] = Counter()
        for coop in catalog.cooperations:
            a, b = self.company_index[coop.company_a], self.company_index[coop.company_b]
            pair_counts[(a, b)] += 1
            pair_counts[(b, a)] += 1
        rows = np.fromiter((a for a, _ in pair_counts), dtype=np.int64, count=len(pair_counts))
        cols = np.fromiter((b for _, b in pair_counts), dtype=np.int64, count=len(pair_counts))
        weights = np.fromiter(pair_counts.values(), dtype=np.float64, count=len(pair_counts))
        size = max(1, n)
        self.shared = sparse.csr_matrix((weights, (rows, cols)), shape=(size, size))
        self._derive_network()
        # cooperation ids per company (CSR layout), for the reasons: which cooperations two companies share
        ends = np.array(
            [
                (self.company_index[c.company_a], self.company_index[c.company_b])
                for c in catalog.cooperations
            ],
            dtype=np.int64,
        ).reshape(-1, 2)
        owner = np.concatenate([ends[:, 0], ends[:, 1]])
        coop_ids = np.concatenate([np.arange(len(ends)), np.arange(len(ends))])
        order = np.argsort(owner, kind="stable")
        self.cooperations_by_company = coop_ids[order].astype(np.int32)
        self.cooperations_indptr = np.searchsorted(owner[order], np.arange(size + 1))
        # company x capability: which capabilities a company's solutions offer
        self.capability_ids: list[str] = list(tax.capabilities)
        column = {c: k for k, c in enumerate(self.capability_ids)}
        cap_rows, cap_cols = [], []
        for sol in catalog.solutions.values():
            for cap in sol.capabilities:
                cap_rows.append(self.company_index[sol.company_id])
                cap_cols.append(column[cap])
        capabilities = sparse.csr_matrix(
            (np.ones(len(cap_rows)), (cap_rows, cap_cols)), shape=(size, max(1, len(self.capability_ids)))
        )
        capabilities.data[:] = 1.0
        self.company_capabilities = capabilities
        self.capability_column = column
        works_done = np.asarray(self.company_works.sum(axis=1)).ravel() if n else np.zeros(0)
        self.activity = np.log1p(np.maximum(works_done, self.degree))
        top = self.activity.max(initial=0.0)
        if top > 0:
            self.activity = self.activity / top

    def _derive_network(self) -> None:
        """Adjacency, degrees and walk transitions from ``shared``: cheap to compute, so a snapshot leaves
        them out (they would triple the network's share of it)."""
        adjacency = self.shared.copy()
        adjacency.data[:] = 1.0
        self.degree = np.asarray(adjacency.sum(axis=1)).ravel()
        out = self.degree.copy()
        out[out == 0] = 1.0
        # column-stochastic transition (transposed row-normalised adjacency): p' = T @ p
        self.transition = (sparse.diags(1.0 / out) @ adjacency).T.tocsr()
        # Adamic-Adar weight of a common partner: the rarer its partners, the more it says.
        self.common_weight = 1.0 / np.log(np.maximum(self.degree, 2.0))
        self.adjacency = adjacency

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        for derived in ("adjacency", "degree", "transition", "common_weight"):
            del state[derived]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._derive_network()

    @property
    def size(self) -> int:
        return len(self.company_ids)

    # -- signals, each a vector over all companies -----------------------------------------------------------

    def need_text_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 of the need against each company's texts."""
        return _scores(self.company_text, tokens, self.size)

    def work_scores(self, tokens: list[str], top: int = 100) -> np.ndarray:
        """BM25 of the need against each work (all works)."""
        return _scores(self.work_text, tokens, len(self.work_names))

    def works_to_companies(self, work_scores: np.ndarray, top: int = 100) -> np.ndarray:
        """Document-centric relevance: the ``top`` works most like the need, each passing its relevance
        (relative to the best, squared: the closest works count most) to every company that did it."""
        if not len(work_scores) or work_scores.max(initial=0.0) <= 0:
            return np.zeros(self.size)
        k = min(top, len(work_scores))
        best = np.argpartition(-work_scores, k - 1)[:k]
        weights = np.zeros(len(work_scores))
        weights[best] = (work_scores[best] / work_scores.max()) ** 2
        return np.asarray(self.company_works @ weights).ravel()[: self.size]

    def walk(self, restart: np.ndarray, *, alpha: float = 0.4, steps: int = 10) -> np.ndarray:
        """Random walk with restart over the network (``alpha``: chance to jump back each step)."""
        total = restart.sum()
        if total <= 0 or self.shared.nnz == 0:
            return np.zeros(self.size)
        start = restart / total
        p = start.copy()
        for _ in range(steps):
            p = alpha * start + (1 - alpha) * (self.transition @ p)
        return p[: self.size]

    def shared_counts(self, row: int) -> np.ndarray:
        return self.shared[row].toarray().ravel()[: self.size]

    def common_partners(self, row: int) -> np.ndarray:
        """Adamic-Adar: partners in common, each weighted by how few partners it has."""
        partners = self.adjacency[row].indices
        if not len(partners):
            return np.zeros(self.size)
        out = np.asarray(self.adjacency[partners].T @ self.common_weight[partners]).ravel()
        return out[: self.size]

    def cooperations_of(self, row: int) -> np.ndarray:
        """Positions in ``catalog.cooperations`` of the cooperations company ``row`` took part in."""
        return self.cooperations_by_company[self.cooperations_indptr[row] : self.cooperations_indptr[row + 1]]

    def capability_counts(self, capability_ids: Iterable[str]) -> np.ndarray:
        """How many of ``capability_ids`` each company offers."""
        wanted = np.zeros(self.company_capabilities.shape[1])
        for cap in capability_ids:
            if cap in self.capability_column:
                wanted[self.capability_column[cap]] = 1.0
        return np.asarray(self.company_capabilities @ wanted).ravel()[: self.size]

    def terms_in(self, row: int, tokens: Iterable[str]) -> list[str]:
        """Those of ``tokens`` that occur in company ``row``'s texts, rarest first."""
        model = self.company_text
        indices, indptr = model.scores["indices"], model.scores["indptr"]
        found: list[tuple[int, str]] = []
        for token in dict.fromkeys(tokens):
            t = model.vocab_dict.get(token)
            if t is None:
                continue
            docs = indices[indptr[t] : indptr[t + 1]]
            k = np.searchsorted(docs, row)
            if k < len(docs) and docs[k] == row:
                found.append((len(docs), token))
        return [token for _n, token in sorted(found)]


def _profile(doc: list[str], idf: dict[str, float]) -> list[str]:
    """The PROFILE_TERMS terms of highest count x idf (ties: alphabetical)."""
    counts = Counter(doc)
    best = heapq.nsmallest(PROFILE_TERMS, ((-c * idf[t], t) for t, c in counts.items()))
    return [term for _score, term in best]
