"""Writing a validated catalog in bulk (`catalog_io.import_catalog` calls it inside its transaction).

The result is the same as writing entry by entry (`catalog_io.import_catalog_row_by_row`, kept for the
benchmark and the tests that compare both): an entry for an existing id changes only the keys it names, lists
given replace, lists not given stay, and the search documents are the ones the profile pages compute. It
differs in how. The companies are taken in chunks, and per chunk:

1. read once what exists already: the chunk's companies and solutions, the links an entry keeps, and the
   solutions of existing companies that the file does not name (a company's search document lists them);
2. compute every row in memory, search documents included, before writing any: a row is written once, and
   nothing written is read back; new rows get their ids reserved from the table's sequence in one statement;
3. write: new rows with one COPY per table on PostgreSQL, one prepared INSERT run for all rows on SQLite;
   changed rows with one prepared UPDATE run for all rows; the many-to-many links the same way.

The search documents of a chunk are tokenised in a worker thread while the chunk before it is written.

A chunk costs a few dozen statements whatever its size (`tests/registry/test_import_bulk.py` holds the
bound), instead of about twenty per solution. Rows are plain namespaces, not model instances: a model
instance and the ORM's bulk paths cost more than the rest of the import together.

Only the keys of the interchange format are touched: a new row takes every other column's model default
(fields added to the models later included), an existing row keeps it."""

from __future__ import annotations

import json
import operator
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from types import SimpleNamespace

from django.db import connection, models
from django.utils import timezone

from itkoop.core.countries import country_code

from .models import Capability, Company, Label, PastCooperation, Solution, Standard
from .services import assign_hub, company_search_document, hubs_by_prefix, solution_search_document

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
# Rows per COPY, INSERT or UPDATE run: bounds the memory of one statement's data.
BATCH = 10_000
_COMPANY_UPDATE_FIELDS = (
    *COMPANY_SCALARS,
    *COMPANY_LISTS,
    "kind",
    "hub_id",
    "verified",
    "verified_by_id",
    "verified_at",
    "search_document",
    "updated",
)
_SOLUTION_UPDATE_FIELDS = (*SOLUTION_SCALARS, *SOLUTION_LISTS, "search_document", "updated")
_LINK_TARGET = {"capabilities": "capability_id", "provides": "standard_id", "consumes": "standard_id"}


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


# --- statements ---------------------------------------------------------------------------------------


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def _logged(sql: str, started: float) -> None:
    """A COPY runs beside Django's cursor wrapper: record it where `CaptureQueriesContext` counts."""
    if connection.queries_logged:
        connection.queries_log.append({"sql": sql, "time": f"{time.perf_counter() - started:.3f}"})


def _insert(table: str, columns: Iterable[str], rows: list[tuple]) -> None:
    """New rows of one table, values ready for the database: one COPY (PostgreSQL) or one prepared INSERT
    run for every row (SQLite) per BATCH rows."""
    if not rows:
        return
    columns = list(columns)
    names = ", ".join(_quoted(c) for c in columns)
    for part in _chunks(rows, BATCH):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                sql = f"COPY {_quoted(table)} ({names}) FROM STDIN"
                started = time.perf_counter()
                with cursor.cursor.copy(sql) as copy:
                    for row in part:
                        copy.write_row(row)
                _logged(f"{sql} -- {len(part)} rows", started)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})", part)  # noqa: S608


def _update(table: str, columns: Iterable[str], rows: list[tuple]) -> None:
    """Changed rows of one table: each row is its new values, then its id; one prepared UPDATE run for all."""
    if not rows:
        return
    assignments = ", ".join(f"{_quoted(c)} = %s" for c in columns)
    with connection.cursor() as cursor:
        for part in _chunks(rows, BATCH):
            cursor.executemany(f"UPDATE {_quoted(table)} SET {assignments} WHERE id = %s", part)  # noqa: S608


def _reserve_ids(model: type[models.Model], count: int, above: int = 0) -> list[int]:
    """Ids for new rows of a table, taken from its sequence in one statement. On SQLite the import's
    transaction holds the write lock from its start (transaction_mode IMMEDIATE), so no other writer can
    take the ids in between; were it started otherwise, the insert would fail and roll back, never mix.
    SQLite has no sequence to advance: ids start after the table's highest and after `above`, the last id
    reserved for rows not yet written."""
    if count == 0:
        return []
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT MAX({_quoted(pk)}) FROM {_quoted(table)}), 0), "  # noqa: S608
            "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        start = max(cursor.fetchone()[0], above) + 1
    return list(range(start, start + count))


def _name_ranks(names: Iterable[str]) -> dict[str, int]:
    """The rank of each name in the database's own order (its collation, as ORDER BY name sorts a
    company's solutions on its page); one statement, nothing read from a table."""
    distinct = _unique(names)
    if not distinct:
        return {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT v FROM unnest(%s::text[]) AS t(v) ORDER BY v", [distinct])
        else:
            cursor.execute("SELECT value FROM json_each(%s) ORDER BY value", [json.dumps(distinct)])
        return {row[0]: rank for rank, row in enumerate(cursor.fetchall())}


# Fields whose Python values the database drivers take as they are.
_PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.FloatField,
    models.BooleanField,
)


class _Table:
    """The rows of one model as namespaces: new ones with the model's defaults, existing ones as read; and
    their values ready for the database, column by column."""

    def __init__(self, model: type[models.Model], now) -> None:
        self.model = model
        self.table = model._meta.db_table
        fields = list(model._meta.concrete_fields)
        self.constant: dict[str, object] = {}
        self.fresh: dict[str, Callable[[], object]] = {}  # callable defaults, called per row
        for field in fields:
            if field.primary_key:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.constant[field.attname] = now
            elif field.has_default() and callable(field.default):
                self.fresh[field.attname] = field.get_default
            else:
                self.constant[field.attname] = field.get_default()
        self.fields = {field.attname: field for field in fields}
        self.all_columns = [field.attname for field in fields]
        # A column with only a database default (db_default) gets it from the database on insert.
        self.insert_columns = [
            field.attname for field in fields if field.has_default() or not field.has_db_default()
        ]
        self._prepared: dict[tuple, Callable] = {}

    def new(self, **values) -> SimpleNamespace:
        fields = dict(self.constant)
        for name, default in self.fresh.items():
            fields[name] = default()
        fields.update(values)
        return SimpleNamespace(id=None, **fields)

    def read(self, queryset, field: str, values: list) -> Iterator[SimpleNamespace]:
        """Existing rows (locked for the transaction) as namespaces."""
        for part in _chunks(values, _max_params()):
            for row in queryset.filter(**{f"{field}__in": part}).values(*self.all_columns):
                yield SimpleNamespace(**row)

    def values(self, columns: tuple[str, ...] | list[str]) -> Callable[[SimpleNamespace], tuple]:
        """A function from a row to the database values of these columns."""
        key = tuple(columns)
        if key not in self._prepared:
            get = operator.attrgetter(*columns)
            converters = [(i, self._converter(self.fields[c])) for i, c in enumerate(columns)]
            converters = [(i, convert) for i, convert in converters if convert is not None]

            def prepare(row: SimpleNamespace) -> tuple:
                values = get(row)
                if not converters:
                    return values
                values = list(values)
                for i, convert in converters:
                    values[i] = convert(values[i])
                return tuple(values)

            self._prepared[key] = prepare
        return self._prepared[key]

    @staticmethod
    def _converter(field: models.Field) -> Callable | None:
        target = field.target_field if field.is_relation else field
        if target is field and isinstance(field, models.FloatField):
            return lambda value: None if value is None else float(value)
        if target is field and isinstance(field, models.IntegerField) and not field.primary_key:
            return lambda value: None if value is None else int(value)  # 5.0 is a JSON integer too
        if isinstance(target, _PLAIN_FIELDS):
            return None
        if isinstance(target, models.JSONField) and target.encoder is None:
            # What JSONField writes (json.dumps); PostgreSQL reads the text as jsonb. Lists of texts repeat
            # (languages, deployment): each distinct one is written out once.
            dumped: dict[tuple, str] = {}

            def dump(value):
                if value is None:
                    return None
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    return json.dumps(value)
                key = tuple(value)
                if key not in dumped:
                    dumped[key] = json.dumps(value)
                return dumped[key]

            return dump
        prepared: dict = {}  # the import's time (created, updated), prepared once

        def prepare(value):
            try:
                return prepared[value]
            except KeyError:
                ready = target.get_db_prep_save(value, connection)
                if len(prepared) < 100:  # existing rows' own times are each seen once
                    prepared[value] = ready
                return ready
            except TypeError:  # not hashable
                return target.get_db_prep_save(value, connection)

        return prepare

    def insert(self, rows: list[SimpleNamespace]) -> None:
        prepare = self.values(self.insert_columns)
        _insert(self.table, [self.fields[c].column for c in self.insert_columns], [prepare(r) for r in rows])

    def update(self, rows: list[SimpleNamespace], columns: tuple[str, ...]) -> None:
        prepare = self.values(columns)
        _update(self.table, [self.fields[c].column for c in columns], [(*prepare(r), r.id) for r in rows])


class _Taxonomy:
    """Capabilities and standards with their rank in the database's own order (the order `.all()` gives on
    the profile pages, in the database's collation), so that search documents list them the same way."""

    def __init__(self) -> None:
        self.capabilities = {c.pk: c for c in Capability.objects.all()}
        self.cap_rank = {pk: rank for rank, pk in enumerate(self.capabilities)}
        standards = list(Standard.objects.all())
        self.std_label = {s.pk: s.search_label for s in standards}
        self.std_rank = {s.pk: rank for rank, s in enumerate(standards)}

    def caps(self, ids: Iterable[str]) -> list[Capability]:
        return [self.capabilities[pk] for pk in sorted(ids, key=self.cap_rank.__getitem__)]

    def labels(self, ids: Iterable[str]) -> list[str]:
        return [self.std_label[pk] for pk in sorted(ids, key=self.std_rank.__getitem__)]


@dataclass
class _Chunk:
    """One chunk's rows, computed before anything of it is written."""

    entries: list[dict]
    companies: list[SimpleNamespace]
    existing_companies: set[str]
    solutions: list[tuple[SimpleNamespace, dict, dict]]  # row, entry, final links by relation
    existing_solutions: set[str]
    others: dict[int, list[tuple[int, str, str, list[str]]]]  # existing solutions the file does not name
    name_ranks: dict[str, int]  # every solution name of the chunk's companies in the database's order


class BulkWriter:
    def __init__(self, *, attested_from_file: bool) -> None:
        self.attested = attested_from_file
        self.taxonomy = _Taxonomy()
        self.now = timezone.now()
        self.prefixes = hubs_by_prefix()  # read once (`assign_hub` alone would ask per company)
        self.company_table = _Table(Company, self.now)
        self.solution_table = _Table(Solution, self.now)
        self.company_pk: dict[str, int] = {}
        self.labels: set[str] = set(Label.objects.values_list("pk", flat=True))
        self.counts = {"cc": 0, "cu": 0, "sc": 0, "su": 0}
        self.last_reserved: dict[type[models.Model], int] = {}
        self.through = {name: getattr(Solution, name).through for name in SOLUTION_RELATIONS}

    def write(self, companies: list[dict], progress: Progress | None) -> ImportSummary:
        rebuilt = _SearchIndexes.set_aside_for(sum(len(e.get("solutions", ())) for e in companies))
        done = 0

        def written(chunk: _Chunk, tokenised: Future) -> None:
            nonlocal done
            done += self._written(chunk, tokenised)
            if progress:
                progress(done, len(companies))

        # A pipeline of two: while the database takes chunk N (the main thread waits on its connection,
        # which releases the GIL), a worker thread tokenises chunk N+1's search documents. On PostgreSQL
        # the server's work (the stored search vectors above all) and the tokenising each take about half
        # of a large import; one after the other they added up. Only the main thread touches the
        # connection: the worker computes from rows already read.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-documents") as documents:
            pending: tuple[_Chunk, Future] | None = None
            for entries in _chunks(companies, CHUNK_COMPANIES):
                chunk = self._computed_chunk(entries)
                tokenised = documents.submit(self._search_documents, chunk)
                if pending is not None:
                    written(*pending)
                pending = (chunk, tokenised)
            if pending is not None:
                written(*pending)
        self._write_cooperations(companies)
        if rebuilt is not None:
            rebuilt.restore()
        c = self.counts
        if c["cc"] + c["sc"] >= ANALYZE_AFTER_NEW_ROWS:
            analyze_catalog_tables()
        return ImportSummary(c["cc"], c["cu"], c["sc"], c["su"])

    # --- reading and computing ------------------------------------------------------------------------

    def _computed_chunk(self, entries: list[dict]) -> _Chunk:
        existing = {
            row.external_id: row
            for row in self.company_table.read(
                Company.objects.select_for_update(), "external_id", [e["id"] for e in entries]
            )
        }
        companies = [self._company(entry, existing.get(entry["id"])) for entry in entries]
        new = [c for c in companies if c.id is None]
        for row, pk in zip(new, self._reserved(Company, len(new)), strict=True):
            row.id = pk
        for company in companies:
            self.company_pk[company.external_id] = company.id
        solutions, existing_solutions = self._solutions(entries, companies)
        others = self._other_solutions([c.id for c in companies if c.external_id in existing], solutions)
        ranks = _name_ranks(
            [row.name for row, _, _ in solutions]
            + [name for listed in others.values() for _, name, _, _ in listed]
        )
        return _Chunk(entries, companies, set(existing), solutions, existing_solutions, others, ranks)

    def _reserved(self, model: type[models.Model], count: int) -> list[int]:
        """Ids for a chunk's new rows; the chunk before may not be written yet (see `write`)."""
        ids = _reserve_ids(model, count, above=self.last_reserved.get(model, 0))
        if ids:
            self.last_reserved[model] = ids[-1]
        return ids

    def _written(self, chunk: _Chunk, tokenised: Future) -> int:
        tokenised.result()  # raises what the worker raised
        self._write_chunk(chunk)
        return len(chunk.entries)

    def _company(self, entry: dict, company: SimpleNamespace | None) -> SimpleNamespace:
        """The company of an entry with the keys it names applied (as `_upsert_company` does)."""
        entry = as_country_codes(entry, ("country", "export_markets"))
        if company is None:
            company = self.company_table.new(external_id=entry["id"])
            postcode_before = None
        else:
            company.updated = self.now
            postcode_before = company.postal_code
        for key in (*COMPANY_SCALARS, *COMPANY_LISTS, "kind"):
            if key in entry:
                setattr(company, key, entry[key])
        if "hub" in entry:
            company.hub_id = entry["hub"] or None
        assign_hub(
            company,
            postcode_before=postcode_before,
            hub_chosen=bool(entry.get("hub")),
            prefixes=self.prefixes,
        )
        if self.attested and "verified" in entry and entry["verified"] != company.verified:
            company.verified = entry["verified"]
            company.verified_by_id = None  # attested by the file's staff, not by an account here
            company.verified_at = self.now if company.verified else None
        return company

    def _solutions(self, entries: list[dict], companies: list[SimpleNamespace]):
        """The chunk's solutions with the keys their entries name applied, and the links each ends with."""
        pairs = [
            (company, s)
            for company, e in zip(companies, entries, strict=True)
            for s in e.get("solutions", [])
        ]
        existing = {
            row.external_id: row
            for row in self.solution_table.read(
                Solution.objects.select_for_update(), "external_id", [s["id"] for _, s in pairs]
            )
        }
        kept = self._kept_links(pairs, existing)
        solutions = []
        for company, entry in pairs:
            entry = as_country_codes(entry, ("hosting_country",))
            row = existing.get(entry["id"])
            if row is None:
                row = self.solution_table.new(external_id=entry["id"], company_id=company.id)
            else:
                row.updated = self.now
            for key in (*SOLUTION_SCALARS, *SOLUTION_LISTS):
                if key in entry:
                    setattr(row, key, entry[key])
            final = {
                key: _unique(entry[key]) if key in entry else kept.get((row.id, key), [])
                for key in SOLUTION_RELATIONS
            }
            solutions.append((row, entry, final))
        new = [row for row, _, _ in solutions if row.id is None]
        for row, pk in zip(new, self._reserved(Solution, len(new)), strict=True):
            row.id = pk
        return solutions, set(existing)

    def _kept_links(self, pairs, existing: dict[str, SimpleNamespace]) -> dict[tuple[int, str], list[str]]:
        """The links of existing solutions whose entries do not name them: they stay as they are."""
        kept: dict[tuple[int, str], list[str]] = {}
        for key in SOLUTION_RELATIONS:
            pks = [existing[e["id"]].id for _, e in pairs if e["id"] in existing and key not in e]
            for part in _chunks(pks, _max_params()):
                rows = (
                    self.through[key]
                    .objects.filter(solution_id__in=part)
                    .values_list("solution_id", _LINK_TARGET[key])
                )
                for solution_pk, target in rows:
                    kept.setdefault((solution_pk, key), []).append(target)
        return kept

    def _other_solutions(self, company_pks: list[int], named) -> dict[int, list]:
        """Existing solutions of existing companies that the file does not name, with their capabilities:
        a company's search document lists all its solutions."""
        named_pks = {row.id for row, _, _ in named}
        others: dict[int, list] = {}
        rows = []
        for part in _chunks(company_pks, _max_params()):
            for company_pk, pk, name, description in Solution.objects.filter(company_id__in=part).values_list(
                "company_id", "pk", "name", "description"
            ):
                if pk not in named_pks:
                    rows.append((company_pk, pk, name, description))
        caps: dict[int, list[str]] = {}
        through = self.through["capabilities"]
        for part in _chunks([pk for _, pk, _, _ in rows], _max_params()):
            for solution_pk, cap in through.objects.filter(solution_id__in=part).values_list(
                "solution_id", "capability_id"
            ):
                caps.setdefault(solution_pk, []).append(cap)
        for company_pk, pk, name, description in rows:
            others.setdefault(company_pk, []).append((pk, name, description, caps.get(pk, [])))
        return others

    def _search_documents(self, chunk: _Chunk) -> None:
        """Every solution's and company's search document, company by company: the texts a company shares
        with its solutions (names, descriptions) are tokenised once and found in the tokeniser's cache.
        Runs in the worker thread of `write`: reads nothing from the database.

        A company's document holds all its solutions in page order: by name in the database's collation
        (`_name_ranks`), equal names by id."""
        by_company: dict[int, list[tuple[int, str, str, list[str]]]] = {c.id: [] for c in chunk.companies}
        company_name = {c.id: c.name for c in chunk.companies}
        for row, _, final in chunk.solutions:
            by_company[row.company_id].append((row.id, row, final))
        for company_pk, others in chunk.others.items():
            by_company[company_pk].extend(
                (pk, None, (name, description, caps)) for pk, name, description, caps in others
            )
        ranks = chunk.name_ranks
        for company in chunk.companies:
            listed = []
            for pk, row, final in by_company[company.id]:
                if row is None:  # an existing solution the file does not name: its document stays
                    name, description, caps = final
                    listed.append((ranks[name], pk, name, description, self.taxonomy.caps(caps)))
                    continue
                capabilities = self.taxonomy.caps(final["capabilities"])
                row.search_document = solution_search_document(
                    name=row.name,
                    description=row.description,
                    company_name=company_name[company.id],
                    capabilities=capabilities,
                    provides=self.taxonomy.labels(final["provides"]),
                    consumes=self.taxonomy.labels(final["consumes"]),
                )
                listed.append((ranks[row.name], pk, row.name, row.description, capabilities))
            listed.sort(key=operator.itemgetter(0, 1))
            company.search_document = company_search_document(
                name=company.name,
                description=company.description,
                description_en=company.description_en,
                city=company.city,
                keywords=company.keywords,
                industries=company.industries,
                solutions=[(name, description, caps) for _, _, name, description, caps in listed],
            )

    # --- writing --------------------------------------------------------------------------------------

    def _write_chunk(self, chunk: _Chunk) -> None:
        companies = chunk.companies
        self.company_table.insert([c for c in companies if c.external_id not in chunk.existing_companies])
        self.company_table.update(
            [c for c in companies if c.external_id in chunk.existing_companies], _COMPANY_UPDATE_FIELDS
        )
        self.counts["cc"] += len(companies) - len(chunk.existing_companies)
        self.counts["cu"] += len(chunk.existing_companies)
        if self.attested:
            self._write_labels(chunk.entries, chunk.existing_companies)
        rows = [row for row, _, _ in chunk.solutions]
        self.solution_table.insert([r for r in rows if r.external_id not in chunk.existing_solutions])
        self.solution_table.update(
            [r for r in rows if r.external_id in chunk.existing_solutions], _SOLUTION_UPDATE_FIELDS
        )
        self.counts["sc"] += len(rows) - len(chunk.existing_solutions)
        self.counts["su"] += len(chunk.existing_solutions)
        self._write_links(chunk)

    def _write_labels(self, entries: list[dict], existing: set[str]) -> None:
        named = [e for e in entries if "labels" in e]
        new_slugs = _unique(s for e in named for s in e["labels"] if s not in self.labels)
        Label.objects.bulk_create([Label(slug=s, name=s.replace("-", " ").title()) for s in new_slugs])
        self.labels.update(new_slugs)
        through = Company.labels.through
        replaced = [self.company_pk[e["id"]] for e in named if e["id"] in existing]
        for part in _chunks(replaced, _max_params()):
            through.objects.filter(company_id__in=part).delete()
        rows = [(self.company_pk[e["id"]], slug) for e in named for slug in _unique(e["labels"])]
        _insert(through._meta.db_table, ("company_id", "label_id"), rows)

    def _write_links(self, chunk: _Chunk) -> None:
        """Lists an entry names replace the solution's links (delete, then insert the new set)."""
        for key in SOLUTION_RELATIONS:
            through = self.through[key]
            replaced = [
                row.id
                for row, entry, _ in chunk.solutions
                if row.external_id in chunk.existing_solutions and key in entry
            ]
            for part in _chunks(replaced, _max_params()):
                through.objects.filter(solution_id__in=part).delete()
            rows = [
                (row.id, target)
                for row, entry, final in chunk.solutions
                if key in entry
                for target in final[key]
            ]
            _insert(through._meta.db_table, ("solution_id", _LINK_TARGET[key]), rows)

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
        PastCooperation.objects.bulk_create([r for r in records.values() if r.pk is None], batch_size=1000)
        PastCooperation.objects.bulk_update(list(changed.values()), ["year", "description"], batch_size=1000)


class _SearchIndexes:
    """PostgreSQL's full-text (GIN) indexes of the catalog, set aside while a large import fills the tables
    and built anew at its end, inside its transaction. Taking a row at a time into a GIN index cost about a
    fifth of the server's work of a first import of 100k solutions; one build over all rows costs a few
    seconds. Only when the import at least doubles the solutions: dropping an index locks its table
    against reads until the import commits (a large first import, when nobody searches yet), and a rebuild
    reads every row, new and old."""

    MIN_SOLUTIONS = 20_000  # below that the rebuild saves nothing worth the lock

    def __init__(self, definitions: list[tuple[str, str]]) -> None:
        self.definitions = definitions

    @classmethod
    def set_aside_for(cls, new_solutions: int) -> _SearchIndexes | None:
        if connection.vendor != "postgresql" or new_solutions < cls.MIN_SOLUTIONS:
            return None
        if Solution.objects.count() > new_solutions:
            return None
        tables = [Company._meta.db_table, Solution._meta.db_table]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename = ANY(%s) AND indexdef LIKE %s ORDER BY indexname",
                [tables, "% USING gin %"],
            )
            definitions = cursor.fetchall()
            for name, _ in definitions:
                cursor.execute(f"DROP INDEX {_quoted(name)}")
        return cls(definitions)

    def restore(self) -> None:
        with connection.cursor() as cursor:
            # An index cannot be built on a table with deferred foreign-key checks pending: run them now
            # (at the commit they would run all the same).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for _, definition in self.definitions:
                cursor.execute(definition)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


# --- statistics ------------------------------------------------------------------------------------------

# A catalog this many rows larger than before is a new one for the query planner (a first import above all).
ANALYZE_AFTER_NEW_ROWS = 1000


def analyze_catalog_tables() -> None:
    """Refresh the planner's statistics of the tables a large import filled, inside its transaction (a
    rollback takes them back too). Without statistics PostgreSQL takes a word of the search or a capability
    for a rare one and plans as for a few rows (a search joining 7,000 rows one by one, 100-200 ms instead of
    a few); autovacuum would catch up only later, or never where it is switched off. SQLite's planner reads
    the same kind of statistics (sqlite_stat1)."""
    tables = [
        Company._meta.db_table,
        Solution._meta.db_table,
        Company.labels.through._meta.db_table,
        PastCooperation._meta.db_table,
        *(getattr(Solution, name).through._meta.db_table for name in SOLUTION_RELATIONS),
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {_quoted(table)}")
        if connection.vendor == "postgresql":
            # The search's GIN indexes take new rows into a pending list first, which every search reads in
            # full until a VACUUM merges it: a bulk import leaves megabytes there.
            cursor.execute(
                "SELECT gin_clean_pending_list(indexrelid) FROM pg_index "
                "JOIN pg_class i ON i.oid = indexrelid JOIN pg_am ON pg_am.oid = i.relam "
                "WHERE amname = 'gin' AND indrelid = ANY(%s::regclass[])",
                [[Company._meta.db_table, Solution._meta.db_table]],
            )
