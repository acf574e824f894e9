"""Writing a validated catalog in bulk (`catalog_io.import_catalog` calls it inside its transaction).

The result is the same as writing entry by entry (`catalog_io.import_catalog_row_by_row`, kept for the
benchmark and the tests that compare both): an entry for an existing id changes only the keys it names, lists
given replace, lists not given stay, and the search documents are the ones the profile pages compute. It
differs in how: the companies are taken in chunks; per chunk the existing rows are read once, new rows are
inserted with `bulk_create`, changed rows written with `bulk_update`, the many-to-many links inserted straight
into their through tables, and the search documents computed in memory. A chunk costs a few dozen statements
whatever its size, instead of about twenty per solution.

Only the keys of the interchange format are touched, so fields added to the models later keep their
defaults on new rows and their values on existing ones."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db import connection
from django.utils import timezone

from itkoop.core import selectors as core_selectors
from itkoop.core.countries import country_code

from .models import Capability, Company, Label, PastCooperation, Solution, Standard
from .services import assign_hub, company_search_document, solution_search_document

Progress = Callable[[int, int], None]
COMPANY_SCALARS = (
    "name",
    "description",
    "description_en",
    "website",
    "street",
    "postal_code",
    "city",
    "country",
    "lat",
    "lon",
    "employees",
    "founded",
)
COMPANY_LISTS = ("languages", "export_markets", "industries", "keywords")
SOLUTION_SCALARS = ("name", "description", "hosting_country", "price_eur_month")
SOLUTION_LISTS = ("deployment", "languages")
SOLUTION_RELATIONS = ("capabilities", "provides", "consumes")

# Companies per chunk: about 10,000 solutions at five per company, a few MB of rows in memory at a time.
CHUNK_COMPANIES = 2000
# Rows per INSERT or UPDATE statement.
BATCH = 1000
_COMPANY_UPDATE_FIELDS = [
    *COMPANY_SCALARS,
    *COMPANY_LISTS,
    "kind",
    "hub",
    "verified",
    "verified_by",
    "verified_at",
    "updated",
]
_SOLUTION_UPDATE_FIELDS = [*SOLUTION_SCALARS, *SOLUTION_LISTS, "search_document", "updated"]


@dataclass(frozen=True)
class ImportSummary:
    companies_created: int
    companies_updated: int
    solutions_created: int
    solutions_updated: int


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _max_params() -> int:
    """Values one `IN (...)` may hold on this database (SQLite's limit is 999)."""
    return min(connection.features.max_query_params or 10_000, 10_000)


def _rows_in(queryset, field: str, values: list) -> Iterator:
    """`queryset.filter(field__in=values)`, split to stay under the database's parameter limit."""
    for part in _chunks(values, _max_params()):
        yield from queryset.filter(**{f"{field}__in": part})


def _insert_links(through, columns: tuple[str, str], rows: list[tuple]) -> None:
    """Rows of a many-to-many table (its two foreign keys, nothing else) in one prepared statement: no model
    instance per row."""
    table = connection.ops.quote_name(through._meta.db_table)
    names = ", ".join(connection.ops.quote_name(through._meta.get_field(c).column) for c in columns)
    with connection.cursor() as cursor:
        for part in _chunks(rows, 10 * BATCH):
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES (%s, %s)", part)  # noqa: S608


def as_country_codes(entry: dict, keys: tuple[str, ...]) -> dict:
    """The entry with country names ("Deutschland", "Germany") turned into codes ("DE"); checked before."""
    entry = dict(entry)
    for key in keys:
        if isinstance(entry.get(key), str):
            entry[key] = country_code(entry[key]) or ""
        elif isinstance(entry.get(key), list):
            entry[key] = [country_code(v) for v in entry[key] if country_code(v)]
    return entry


def _unique(values: Iterable) -> list:
    return list(dict.fromkeys(values))


class _Taxonomy:
    """Capabilities and standards with their rank in the database's own order (the order `.all()` gives on
    the profile pages, in the database's collation), so that search documents list them the same way."""

    def __init__(self) -> None:
        self.capabilities = {c.pk: c for c in Capability.objects.all()}
        self.cap_rank = {pk: rank for rank, pk in enumerate(self.capabilities)}
        standards = list(Standard.objects.values_list("pk", "label"))
        self.std_label = dict(standards)
        self.std_rank = {pk: rank for rank, (pk, _) in enumerate(standards)}

    def caps(self, ids: Iterable[str]) -> list[Capability]:
        return [self.capabilities[pk] for pk in sorted(ids, key=self.cap_rank.__getitem__)]

    def labels(self, ids: Iterable[str]) -> list[str]:
        return [self.std_label[pk] for pk in sorted(ids, key=self.std_rank.__getitem__)]


class BulkWriter:
    def __init__(self, *, attested_from_file: bool) -> None:
        self.attested = attested_from_file
        self.taxonomy = _Taxonomy()
        self.now = timezone.now()
        # The hub of each postcode prefix, read once (`assign_hub` would ask the database per company).
        prefixes = {p: hub.slug for hub in core_selectors.hubs() for p in hub.postcode_prefixes}
        self.hub_of = lambda postal_code: prefixes.get((postal_code or "").strip()[:2])
        self.company_pk: dict[str, int] = {}
        self.labels: set[str] = set(Label.objects.values_list("pk", flat=True))
        self.counts = {"cc": 0, "cu": 0, "sc": 0, "su": 0}
        self.through = {name: getattr(Solution, name).through for name in SOLUTION_RELATIONS}

    def write(self, companies: list[dict], progress: Progress | None) -> ImportSummary:
        done = 0
        for chunk in _chunks(companies, CHUNK_COMPANIES):
            self._write_chunk(chunk)
            done += len(chunk)
            if progress:
                progress(done, len(companies))
        self._write_cooperations(companies)
        c = self.counts
        return ImportSummary(c["cc"], c["cu"], c["sc"], c["su"])

    # --- companies ------------------------------------------------------------------------------------

    def _write_chunk(self, entries: list[dict]) -> None:
        existing = {
            c.external_id: c
            for c in _rows_in(Company.objects.select_for_update(), "external_id", [e["id"] for e in entries])
        }
        companies = [self._company(entry, existing.get(entry["id"])) for entry in entries]
        Company.objects.bulk_create([c for c in companies if c.pk is None], batch_size=BATCH)
        Company.objects.bulk_update(
            [c for c in companies if c.external_id in existing], _COMPANY_UPDATE_FIELDS, batch_size=BATCH
        )
        self.counts["cc"] += len(companies) - len(existing)
        self.counts["cu"] += len(existing)
        for company in companies:
            self.company_pk[company.external_id] = company.pk
        if self.attested:
            self._write_labels(entries, existing)
        final_caps = self._write_solutions(entries, companies)
        self._write_company_documents(companies, existing, final_caps)

    def _company(self, entry: dict, company: Company | None) -> Company:
        """The company of an entry with the keys it names applied (as `_upsert_company` does)."""
        entry = as_country_codes(entry, ("country", "export_markets"))
        if company is None:
            company = Company(external_id=entry["id"])
            postcode_before = None
        else:
            company.updated = self.now  # bulk_update does not touch auto_now fields
            postcode_before = company.postal_code
        for key in (*COMPANY_SCALARS, *COMPANY_LISTS, "kind"):
            if key in entry:
                setattr(company, key, entry[key])
        if "hub" in entry:
            company.hub_id = entry["hub"] or None
        assign_hub(
            company, postcode_before=postcode_before, hub_chosen=bool(entry.get("hub")), hub_of=self.hub_of
        )
        if self.attested and "verified" in entry and entry["verified"] != company.verified:
            company.verified = entry["verified"]
            company.verified_by = None  # attested by the file's staff, not by an account here
            company.verified_at = self.now if company.verified else None
        return company

    def _write_labels(self, entries: list[dict], existing: dict[str, Company]) -> None:
        named = [e for e in entries if "labels" in e]
        new_slugs = _unique(s for e in named for s in e["labels"] if s not in self.labels)
        Label.objects.bulk_create(
            [Label(slug=s, name=s.replace("-", " ").title()) for s in new_slugs], batch_size=BATCH
        )
        self.labels.update(new_slugs)
        through = Company.labels.through
        replaced = [self.company_pk[e["id"]] for e in named if e["id"] in existing]
        for part in _chunks(replaced, _max_params()):
            through.objects.filter(company_id__in=part).delete()
        rows = [(self.company_pk[e["id"]], slug) for e in named for slug in _unique(e["labels"])]
        _insert_links(through, ("company", "label"), rows)

    # --- solutions ------------------------------------------------------------------------------------

    def _write_solutions(self, entries: list[dict], companies: list[Company]) -> dict[int, list[str]]:
        """Insert and update the chunk's solutions with their links; answer the capabilities of each."""
        pairs = [
            (company, s)
            for company, e in zip(companies, entries, strict=True)
            for s in e.get("solutions", [])
        ]
        existing = {
            s.external_id: s
            for s in _rows_in(
                Solution.objects.select_for_update(), "external_id", [s["id"] for _, s in pairs]
            )
        }
        kept = self._kept_links(pairs, existing)
        solutions, links = [], {}
        for company, entry in pairs:
            entry = as_country_codes(entry, ("hosting_country",))
            solution = existing.get(entry["id"])
            if solution is None:
                solution = Solution(external_id=entry["id"], company_id=company.pk)
            else:
                solution.updated = self.now
            for key in (*SOLUTION_SCALARS, *SOLUTION_LISTS):
                if key in entry:
                    setattr(solution, key, entry[key])
            final = {
                key: _unique(entry[key]) if key in entry else kept.get((solution.pk, key), [])
                for key in SOLUTION_RELATIONS
            }
            solution.search_document = solution_search_document(
                name=solution.name,
                description=solution.description,
                company_name=company.name,
                capabilities=self.taxonomy.caps(final["capabilities"]),
                provides=self.taxonomy.labels(final["provides"]),
                consumes=self.taxonomy.labels(final["consumes"]),
            )
            solutions.append(solution)
            links[entry["id"]] = (entry, final)
        Solution.objects.bulk_create([s for s in solutions if s.pk is None], batch_size=BATCH)
        Solution.objects.bulk_update(
            [s for s in solutions if s.external_id in existing], _SOLUTION_UPDATE_FIELDS, batch_size=BATCH
        )
        self.counts["sc"] += len(solutions) - len(existing)
        self.counts["su"] += len(existing)
        self._write_links(solutions, links, existing)
        return {s.pk: links[s.external_id][1]["capabilities"] for s in solutions}

    def _kept_links(self, pairs, existing: dict[str, Solution]) -> dict[tuple[int, str], list[str]]:
        """The links of existing solutions whose entries do not name them: they stay as they are."""
        kept: dict[tuple[int, str], list[str]] = {}
        for key in SOLUTION_RELATIONS:
            pks = [existing[e["id"]].pk for _, e in pairs if e["id"] in existing and key not in e]
            column = "capability_id" if key == "capabilities" else "standard_id"
            for part in _chunks(pks, _max_params()):
                rows = (
                    self.through[key].objects.filter(solution_id__in=part).values_list("solution_id", column)
                )
                for solution_pk, target in rows:
                    kept.setdefault((solution_pk, key), []).append(target)
        return kept

    def _write_links(self, solutions: list[Solution], links: dict, existing: dict[str, Solution]) -> None:
        """Lists an entry names replace the solution's links (delete, then insert the new set)."""
        for key in SOLUTION_RELATIONS:
            through = self.through[key]
            column = "capability_id" if key == "capabilities" else "standard_id"
            replaced = [
                s.pk for s in solutions if s.external_id in existing and key in links[s.external_id][0]
            ]
            for part in _chunks(replaced, _max_params()):
                through.objects.filter(solution_id__in=part).delete()
            rows = [
                (s.pk, target)
                for s in solutions
                if key in links[s.external_id][0]
                for target in links[s.external_id][1][key]
            ]
            _insert_links(through, ("solution", column.removesuffix("_id")), rows)

    # --- search documents of companies ----------------------------------------------------------------

    def _write_company_documents(
        self, companies: list[Company], existing: dict[str, Company], caps_of: dict[int, list[str]]
    ) -> None:
        """A company's document holds all its solutions in page order (by name, in the database's
        collation), also those the file does not name. All solutions of one company come from the same
        query, so their order holds even where the chunk needs several queries."""
        by_company: dict[int, list[tuple[str, str, list]]] = {c.pk: [] for c in companies}
        rows = list(
            _rows_in(
                Solution.objects.order_by("name").values_list("company_id", "pk", "name", "description"),
                "company_id",
                list(by_company),
            )
        )
        if len(rows) > len(caps_of):  # solutions of existing companies that the file does not name
            others = [pk for _, pk, _, _ in rows if pk not in caps_of]
            through = self.through["capabilities"]
            for part in _chunks(others, _max_params()):
                for solution_pk, cap in through.objects.filter(solution_id__in=part).values_list(
                    "solution_id", "capability_id"
                ):
                    caps_of.setdefault(solution_pk, []).append(cap)
        for company_pk, solution_pk, name, description in rows:
            by_company[company_pk].append(
                (name, description, self.taxonomy.caps(caps_of.get(solution_pk, [])))
            )
        for company in companies:
            company.search_document = company_search_document(
                name=company.name,
                description=company.description,
                description_en=company.description_en,
                city=company.city,
                keywords=company.keywords,
                industries=company.industries,
                solutions=by_company[company.pk],
            )
        # One prepared UPDATE of one column, run for every company: cheaper than bulk_update's CASE per row.
        table = connection.ops.quote_name(Company._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET search_document = %s WHERE id = %s",  # noqa: S608
                [(c.search_document, c.pk) for c in companies],
            )

    # --- past cooperations ----------------------------------------------------------------------------

    def _write_cooperations(self, companies: list[dict]) -> None:
        """Each cooperation by (company, partner, title): created, or its year and description updated."""
        named = [(e["id"], coop) for e in companies for coop in e.get("cooperations", [])]
        if not named:
            return
        missing = _unique(c["partner"] for _, c in named if c["partner"] not in self.company_pk)
        for company in _rows_in(Company.objects.only("pk", "external_id"), "external_id", missing):
            self.company_pk[company.external_id] = company.pk
        owners = _unique(self.company_pk[cid] for cid, _ in named)
        records = {}
        for record in _rows_in(PastCooperation.objects.all(), "company_id", owners):
            records.setdefault((record.company_id, record.partner_id, record.title), record)
        changed: dict[int, PastCooperation] = {}
        for company_id, coop in named:
            key = (self.company_pk[company_id], self.company_pk[coop["partner"]], coop.get("title", ""))
            record = records.get(key)
            if record is None:
                record = records[key] = PastCooperation(company_id=key[0], partner_id=key[1], title=key[2])
            for field in ("year", "description"):
                if field in coop:
                    setattr(record, field, coop[field])
            if record.pk is not None:
                changed[record.pk] = record
        PastCooperation.objects.bulk_create([r for r in records.values() if r.pk is None], batch_size=BATCH)
        PastCooperation.objects.bulk_update(list(changed.values()), ["year", "description"], batch_size=BATCH)
