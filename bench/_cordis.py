"""Horizon Europe projects (../shared/data/cordis-he, CORDIS, CC BY 4.0) as a partner-recommendation task.

The task is the data's README's, without look-ahead: what started before the cut-off date is what the
platform knows; for each project starting on or after it, each known SME company among its coordinators and
participants asks for partners, with the project's title and objective as the need (or without a need),
and the answer is the project's other known coordinators and participants.

What the platform knows becomes a catalog file in the interchange format (shared/spec/catalog.schema.json):

- an organisation is a company (id ``pic-<PIC>``, its name, place and coordinates);
- each known project of an organisation is one of its solutions: the acronym as name, title, keywords and
  objective as description, the project's EuroSciVoc fields as capabilities (added to the taxonomy by the
  file, ``esv-<code>``);
- every two known participants of a project cooperated (year of the start, the acronym as title).

The conversion needs no database: the benchmark imports the file with the project's own import.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or one level further up, for a worktree in a folder of its own).
sys.path.insert(0, str(_REPO / "src"))
from itkoop.core.countries import COUNTRIES  # noqa: E402

DATA = next(
    (
        p / "shared" / "data" / "cordis-he"
        for p in (_REPO.parent, _REPO.parent.parent)
        if (p / "shared").is_dir()
    ),
    _REPO.parent / "shared" / "data" / "cordis-he",
)
CUTOFF = "2024-01-01"
CONSORTIUM_ROLES = ("coordinator", "participant")
# CORDIS writes a few countries not as ISO 3166-1 alpha-2.
_COUNTRY = {"EL": "GR", "UK": "GB"}
_NAME_MAX = 200


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    acronym: str
    title: str
    start: str
    keywords: str
    objective: str
    fields: tuple[tuple[str, str], ...]  # (EuroSciVoc code path, title)

    @property
    def need_text(self) -> str:
        return f"{self.title}\n\n{self.objective}"


@dataclass(frozen=True, slots=True)
class Participation:
    project: str
    org: str
    name: str
    role: str
    sme: bool
    activity: str
    city: str
    postal_code: str
    country: str
    geolocation: str


@dataclass(frozen=True, slots=True)
class Query:
    """One asking organisation of one later project, and the partners it really had."""

    project: str
    asker: str  # company id in the catalog
    need: str
    truth: frozenset[str]  # company ids


@dataclass
class Cordis:
    projects: dict[str, Project]
    participations: list[Participation]


def company_id(org: str) -> str:
    return f"pic-{org}"


def read(directory: Path = DATA, *, limit_projects: Iterable[str] | None = None) -> Cordis:
    """The three files; ``limit_projects`` keeps only those project ids (a slice for tests)."""
    keep = set(limit_projects) if limit_projects is not None else None
    fields: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with gzip.open(directory / "project_euroscivoc.csv.gz", "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if keep is None or row["projectID"] in keep:
                fields[row["projectID"]].append((row["euroSciVocCode"], row["euroSciVocTitle"]))
    projects: dict[str, Project] = {}
    with gzip.open(directory / "projects.csv.gz", "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            pid = row["projectID"]
            if keep is not None and pid not in keep:
                continue
            projects[pid] = Project(
                id=pid,
                acronym=row["acronym"] or pid,
                title=row["title"],
                start=row["startDate"],
                keywords=row["keywords"],
                objective=row["objective"],
                fields=tuple(fields.get(pid, ())),
            )
    participations: list[Participation] = []
    with gzip.open(directory / "participants.csv.gz", "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["projectID"] not in projects:
                continue
            participations.append(
                Participation(
                    project=row["projectID"],
                    org=row["organisationID"],
                    name=row["legalName"] or row["shortName"] or row["organisationID"],
                    role=row["role"],
                    sme=row["SME"] == "true",
                    activity=row["activityType"],
                    city=row["city"],
                    postal_code=row["postalCode"],
                    country=row["country"],
                    geolocation=row["geolocation"],
                )
            )
    return Cordis(projects, participations)


def _known(cordis: Cordis, cutoff: str) -> list[Participation]:
    return [p for p in cordis.participations if cordis.projects[p.project].start < cutoff]


def _coordinates(text: str) -> tuple[float, float] | None:
    try:
        lat, lon = (float(x) for x in text.split(","))
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _field_id(code: str) -> str:
    return "esv-" + code.strip("/").replace("/", "-")


def catalog_dict(cordis: Cordis, cutoff: str = CUTOFF) -> dict:
    """What the platform knows at ``cutoff``, as a catalog file."""
    known = _known(cordis, cutoff)
    fields: dict[str, str] = {}
    for pid in {p.project for p in known}:
        for code, title in cordis.projects[pid].fields:
            fields.setdefault(_field_id(code), title)
    companies: dict[str, dict] = {}
    solutions_seen: set[str] = set()
    members: dict[str, list[str]] = defaultdict(list)
    for p in sorted(known, key=lambda p: (p.org, p.project)):
        cid = company_id(p.org)
        company = companies.get(cid)
        if company is None:
            company = companies[cid] = {
                "id": cid,
                "name": p.name[:_NAME_MAX],
                "solutions": [],
                "cooperations": [],
            }
            country = _COUNTRY.get(p.country, p.country)
            if country in COUNTRIES:  # the import's own list of countries
                company["country"] = country
            if p.city:
                company["city"] = p.city[:100]
            if (
                p.postal_code and len(p.postal_code) <= 10
            ):  # longer ones are not postcodes (the column's size)
                company["postal_code"] = p.postal_code
            coordinates = _coordinates(p.geolocation)
            if coordinates:
                company["lat"], company["lon"] = coordinates
        sid = f"{cid}-{p.project}"
        if sid in solutions_seen:  # an organisation in two roles of one project
            continue
        solutions_seen.add(sid)
        project = cordis.projects[p.project]
        company["solutions"].append(
            {
                "id": sid,
                "name": project.acronym[:_NAME_MAX],
                "description": "\n\n".join(
                    x for x in (project.title, project.keywords, project.objective) if x
                ),
                "capabilities": sorted({_field_id(code) for code, _title in project.fields}),
            }
        )
        members[p.project].append(cid)
    for pid, ids in members.items():
        project = cordis.projects[pid]
        ids = sorted(set(ids))
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                companies[a]["cooperations"].append(
                    {"partner": b, "year": int(project.start[:4]), "title": project.acronym[:300]}
                )
    capabilities = [
        {"id": fid, "label_de": title[:200], "label_en": title[:200]} for fid, title in sorted(fields.items())
    ]
    return {"format": "itkoop-catalog/1", "capabilities": capabilities, "companies": list(companies.values())}


def queries(cordis: Cordis, cutoff: str = CUTOFF) -> list[Query]:
    """Every (later project, known SME company in its consortium) with at least one known partner."""
    known_orgs = {p.org for p in _known(cordis, cutoff)}
    consortium: dict[str, list[Participation]] = defaultdict(list)
    for p in cordis.participations:
        if cordis.projects[p.project].start >= cutoff and p.role in CONSORTIUM_ROLES and p.org in known_orgs:
            consortium[p.project].append(p)
    out: list[Query] = []
    for pid in sorted(consortium):
        members = consortium[pid]
        ids = {company_id(p.org) for p in members}
        askers = sorted({company_id(p.org) for p in members if p.sme and p.activity == "PRC"})
        for asker in askers:
            truth = frozenset(ids - {asker})
            if truth:
                out.append(Query(pid, asker, cordis.projects[pid].need_text, truth))
    return out


def split(query: Query) -> str:
    """'train' or 'test' by the project (all askers of a project fall on one side): weights are fitted on
    train, figures are reported on test."""
    digest = hashlib.sha256(query.project.encode()).digest()
    return "train" if digest[0] % 2 == 0 else "test"


# -- the README's baselines, computed from the same catalog file ---------------------------------------------

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def baseline_tokens(text: str, stopwords: frozenset[str]) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in stopwords]


class Baselines:
    """Popularity, co-participation, BM25 (bm25s) of the need against each organisation's known project
    texts, and that BM25 plus co-participation (both scaled to the best candidate, then added)."""

    def __init__(self, catalog: dict) -> None:
        import bm25s
        from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_GERMAN

        self.stopwords = frozenset(STOPWORDS_EN) | frozenset(STOPWORDS_GERMAN)
        self.ids = [c["id"] for c in catalog["companies"]]
        self.popularity = Counter({c["id"]: len(c["solutions"]) for c in catalog["companies"]})
        self.shared: dict[str, Counter] = defaultdict(Counter)
        for c in catalog["companies"]:
            for coop in c["cooperations"]:
                self.shared[c["id"]][coop["partner"]] += 1
                self.shared[coop["partner"]][c["id"]] += 1
        corpus = [
            baseline_tokens(" ".join(s["description"] for s in c["solutions"]), self.stopwords)
            for c in catalog["companies"]
        ]
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)

    def _top(self, scores: dict[str, float], asker: str, k: int) -> list[str]:
        ranked = sorted(
            (cid for cid, s in scores.items() if s > 0 and cid != asker),
            key=lambda cid: (-scores[cid], -self.popularity[cid], cid),
        )
        return ranked[:k]

    def popular(self, asker: str, k: int) -> list[str]:
        return self._top(dict(self.popularity), asker, k)

    def co_participation(self, asker: str, k: int) -> list[str]:
        return self._top(dict(self.shared[asker]), asker, k)

    def _bm25_scores(self, need: str) -> dict[str, float]:
        scores = self.bm25.get_scores(baseline_tokens(need, self.stopwords))
        return {self.ids[i]: float(scores[i]) for i in scores.nonzero()[0]}

    def bm25_need(self, asker: str, need: str, k: int) -> list[str]:
        return self._top(self._bm25_scores(need), asker, k)

    def bm25_plus_co_participation(self, asker: str, need: str, k: int) -> list[str]:
        text = self._bm25_scores(need)
        text.pop(asker, None)
        shared = self.shared[asker]
        top_text = max(text.values(), default=0.0) or 1.0
        top_shared = max(shared.values(), default=0) or 1
        scores = {cid: s / top_text for cid, s in text.items()}
        for cid, n in shared.items():
            scores[cid] = scores.get(cid, 0.0) + n / top_shared
        return self._top(scores, asker, k)


def recall(ranked: list[str], truth: frozenset[str], k: int) -> float:
    return len(set(ranked[:k]) & truth) / len(truth)
