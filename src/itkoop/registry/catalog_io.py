"""Import and export of the catalog interchange format (shared/spec/catalog.schema.json).

An import validates the whole file first and only then writes, in one transaction, idempotent by the file's
ids. Nothing is written when anything is wrong. Validation runs in three steps:

1. parsing: strict JSON (no NaN or Infinity, no key twice in one object, no numbers Python cannot hold);
2. shape, without a database: the packaged schema, then every value against what the database can hold
   (finite numbers, integer and string sizes of the model fields, no NUL bytes, valid Unicode), so that
   SQLite and PostgreSQL refuse and accept the same files;
3. references, reading the database: capabilities, standards, hubs, cooperation partners, and the owner of
   every solution that exists already (a solution never moves to another company silently).

An entry for an existing id changes only the keys it names; lists given replace, lists not given stay.
Attested fields (whether staff checked a company, its labels) are taken from a file only when the caller says
the file comes from staff (`attested_from_file`)."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
from django.db import models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core.countries import country_code

from .catalog_bulk import (
    COMPANY_LISTS,
    COMPANY_SCALARS,
    SOLUTION_LISTS,
    SOLUTION_SCALARS,
    BulkWriter,
    ImportSummary,
    as_country_codes,
)
from .models import PRICE_EUR_MONTH_MAX, Capability, Company, Label, PastCooperation, Solution, Standard
from .reference_data import DATA_DIR
from .schema_messages import schema_error_text
from .services import (
    CatalogError,
    assign_hub,
    ensure_labels,
    refresh_company_search,
    refresh_solution_search,
    taxonomy_sync,
)
from .versioning import catalog_changed

Progress = Callable[[int, int], None]

# Which model field each key of a file entry lands in, so every value is checked against its column before
# anything is written (PostgreSQL refuses an over-long CharField or a too large integer, SQLite stores it).
_CAPABILITY_FIELDS = {"id": "id", "label_de": "label_de", "label_en": "label_en", "parent": "id"}
_STANDARD_FIELDS = {"id": "id", "label": "label", "label_en": "label_en", "url": "url"}
_COMPANY_FIELDS = {"id": "external_id", "kind": "kind", **{key: key for key in COMPANY_SCALARS}}
_SOLUTION_FIELDS = {"id": "external_id", **{key: key for key in SOLUTION_SCALARS}}
_COOPERATION_FIELDS = {"year": "year", "title": "title", "description": "description"}
# The column ranges PostgreSQL enforces (Django's portable ranges); SQLite would take more, we take the same.
_INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges
# Free text in a file (descriptions): longer than the form and the API take (core.forms.TEXT_MAX, 5,000),
# since descriptions of other sources run longer, but bounded as every text input is.
FILE_TEXT_MAX = 100_000
# One entry of a list of words (keywords, industries, languages, synonyms).
FILE_LIST_ITEM_MAX = 200
_TEXT_LISTS = {
    "capability": ("synonyms_de", "synonyms_en"),
    "company": ("languages", "industries", "keywords"),
    "solution": ("languages",),
}
# Number fields whose values the platform bounds beyond what the column holds (field name: low, high).
_FLOAT_RANGES = {"price_eur_month": (0, PRICE_EUR_MONTH_MAX)}


def _schema() -> dict:
    return json.loads((DATA_DIR / "catalog.schema.json").read_text(encoding="utf-8"))


def _where(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or _("(Wurzel)")


class _StrictJsonError(ValueError):
    """Raised from inside the JSON parser's hooks; the message is the German description."""


def _refuse_constant(name: str):
    raise _StrictJsonError(
        _("'%(name)s' ist keine JSON-Zahl (NaN und Infinity gibt es in JSON nicht)") % {"name": name}
    )


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: look for the key that came twice only then
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _StrictJsonError(
                    _("der Schlüssel '%(key)s' kommt in einem Objekt doppelt vor") % {"key": key}
                )
            seen.add(key)
    return result


def parse_catalog_text(text: str, *, source: str = "catalog") -> Any:
    """Strict JSON: NaN, Infinity and a key twice in one object are errors, as are numbers too long to read
    and nesting too deep to parse; each is one CatalogError line."""
    try:
        return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_object_without_duplicates)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            _("%(source)s: kein gültiges JSON in Zeile %(line)d, Spalte %(column)d: %(problem)s")
            % {"source": source, "line": exc.lineno, "column": exc.colno, "problem": exc.msg}
        ) from exc
    except _StrictJsonError as exc:
        raise CatalogError(
            _("%(source)s: kein gültiges JSON: %(problem)s") % {"source": source, "problem": exc}
        ) from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise CatalogError(
            _("%(source)s: kein gültiges JSON: eine Zahl hat zu viele Ziffern") % {"source": source}
        ) from exc
    except RecursionError as exc:
        raise CatalogError(
            _("%(source)s: kein gültiges JSON: zu tief verschachtelt") % {"source": source}
        ) from exc


def read_catalog_file(path: str | Path) -> dict:
    """Parse and check a file without a database; raise CatalogError with one line naming what and where."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogError(_("%(path)s: Datei nicht gefunden") % {"path": path}) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(
            _("%(path)s: Datei nicht lesbar (%(problem)s)")
            % {"path": path, "problem": exc.__class__.__name__}
        ) from exc
    data = parse_catalog_text(text, source=str(path))
    check_catalog_shape(data, source=str(path))
    return data


def validate_catalog(data: Any, *, source: str = "catalog") -> None:
    """Shape and references; reads the database (known capabilities, standards, hubs) but writes nothing."""
    check_catalog_shape(data, source=source)
    _check_references(data, source)


def check_catalog_shape(data: Any, *, source: str = "catalog") -> None:
    """Values JSON and the database can hold, the JSON schema, the model's column sizes; needs no database.

    Each check runs a fast pass over the whole catalog first (in C or Rust: a large catalog is a hundred
    thousand entries) and only when that finds a fault the thorough one that names its place."""
    if not _holdable_at_a_glance(data):
        for path, message in _unholdable_values(data, []):
            raise CatalogError(f"{source}: {_where(path)}: {message}")
    if not _fast_schema_validator().is_valid(data):
        validator = jsonschema.Draft202012Validator(_schema())
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            best = jsonschema.exceptions.best_match(errors)
            raise CatalogError(f"{source}: {_where(best.absolute_path)}: {schema_error_text(best)}")
    for path, message in _column_misfits(data):
        raise CatalogError(f"{source}: {_where(path)}: {message}")


@functools.cache
def _fast_schema_validator():
    """The same schema (draft 2020-12) in a compiled validator: it only says yes or no; for a no,
    python-jsonschema finds the place and the message."""
    return jsonschema_rs.validator_for(_schema())


def _holdable_at_a_glance(data: Any) -> bool:
    """True when JSON can hold every value (no NaN or infinite number, no lone surrogate) and no text has a
    NUL byte; False when one might not (then `_unholdable_values` finds which, or that none does)."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        text.encode("utf-8")
    except (ValueError, TypeError, RecursionError):
        return False  # UnicodeEncodeError is a ValueError
    return "\\u0000" not in text


def _unholdable_values(value: Any, path: list) -> Iterator[tuple[list, str]]:
    """Values no database column (or JSON itself) can hold, wherever they are: non-finite numbers (a dict
    built in Python, or 1e400 in a file), NUL bytes (PostgreSQL refuses them), lone surrogates (no UTF-8)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _unholdable_values(key, path)
            yield from _unholdable_values(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unholdable_values(item, [*path, index])
    elif isinstance(value, float) and not math.isfinite(value):
        yield path, _("die Zahl ist nicht endlich oder zu groß (NaN und Infinity gibt es in JSON nicht)")
    elif isinstance(value, str):
        if "\x00" in value:
            yield path, _("der Text enthält ein NUL-Zeichen (\\u0000)")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            yield path, _("der Text enthält ein ungültiges Unicode-Zeichen (einzelnes Surrogat)")


def _column_misfits(data: dict) -> Iterator[tuple[list, str]]:
    """Every value of a schema-valid catalog against the model field it is written to."""
    for i, entry in enumerate(data.get("capabilities", [])):
        yield from _misfits(Capability, _CAPABILITY_FIELDS, entry, ["capabilities", i])
        yield from _long_list_items(entry, _TEXT_LISTS["capability"], ["capabilities", i])
    for i, entry in enumerate(data.get("standards", [])):
        yield from _misfits(Standard, _STANDARD_FIELDS, entry, ["standards", i])
    label_slug = Label._meta.get_field("slug")
    for i, company in enumerate(data["companies"]):
        where = ["companies", i]
        yield from _misfits(Company, _COMPANY_FIELDS, company, where)
        yield from _long_list_items(company, _TEXT_LISTS["company"], where)
        if "kind" in company and company["kind"] not in Company.Kind.values:
            yield (
                [*where, "kind"],
                _("unbekannte Art (erlaubt: %(allowed)s)") % {"allowed": ", ".join(Company.Kind.values)},
            )
        if "verified" in company and not isinstance(company["verified"], bool):
            yield [*where, "verified"], _("muss true oder false sein")
        for j, slug in enumerate(company.get("labels", [])):
            yield from _misfit(label_slug, slug, [*where, "labels", j])
        for j, solution in enumerate(company.get("solutions", [])):
            yield from _misfits(Solution, _SOLUTION_FIELDS, solution, [*where, "solutions", j])
            yield from _long_list_items(solution, _TEXT_LISTS["solution"], [*where, "solutions", j])
        for j, coop in enumerate(company.get("cooperations", [])):
            yield from _misfits(PastCooperation, _COOPERATION_FIELDS, coop, [*where, "cooperations", j])


def _too_long(limit: int, length: int) -> str:
    return _("höchstens %(limit)d Zeichen erlaubt, hier %(length)d") % {"limit": limit, "length": length}


def _long_list_items(entry: dict, keys: tuple[str, ...], where: list) -> Iterator[tuple[list, str]]:
    for key in keys:
        for k, item in enumerate(entry.get(key, ())):
            if isinstance(item, str) and len(item) > FILE_LIST_ITEM_MAX:
                yield [*where, key, k], _too_long(FILE_LIST_ITEM_MAX, len(item))


def _misfits(model, fields: dict[str, str], entry: dict, where: list) -> Iterator[tuple[list, str]]:
    for key, name in fields.items():
        if key in _COUNTRY_KEYS and isinstance(entry.get(key), str) and entry[key]:
            if country_code(entry[key]) is None:
                yield [*where, key], _unknown_country(entry[key])
        elif key in entry:
            yield from _misfit(model._meta.get_field(name), entry[key], [*where, key])


def _misfit(field: models.Field, value: Any, where: list) -> Iterator[tuple[list, str]]:
    if isinstance(field, models.CharField):
        if not isinstance(value, str):
            yield where, _("muss ein Text sein")
        elif len(value) > field.max_length:
            yield where, _too_long(field.max_length, len(value))
    elif isinstance(field, models.TextField):
        if isinstance(value, str) and len(value) > FILE_TEXT_MAX:
            yield where, _too_long(FILE_TEXT_MAX, len(value))
    elif isinstance(field, models.IntegerField):
        low, high = _INTEGER_RANGES[field.get_internal_type()]
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            yield where, _("muss eine ganze Zahl sein")
        elif not low <= value <= high:
            yield where, _("die Zahl muss zwischen %(low)d und %(high)d liegen") % {"low": low, "high": high}
    elif isinstance(field, models.FloatField):
        try:
            finite = not isinstance(value, bool) and math.isfinite(float(value))
        except (TypeError, ValueError, OverflowError):
            finite = False
        if not finite:
            yield where, _("muss eine endliche Zahl sein, die die Datenbank speichern kann")
        elif field.name in _FLOAT_RANGES:
            low, high = _FLOAT_RANGES[field.name]
            if not low <= float(value) <= high:
                yield (
                    where,
                    _("die Zahl muss zwischen %(low)d und %(high)d liegen") % {"low": low, "high": high},
                )


_COUNTRY_KEYS = frozenset({"country", "hosting_country"})  # a name or a code; stored as the code


def _unknown_country(value: str) -> str:
    return _("unbekanntes Land '%(value)s' (Name oder zweistelliger Ländercode, z. B. DE)") % {"value": value}


def _unknown_capability(value: str) -> str:
    return _("unbekannte Fähigkeit '%(value)s'") % {"value": value}


def _unknown_standard(value: str) -> str:
    return _("unbekannter Standard '%(value)s'") % {"value": value}


def _twice(value: str) -> str:
    return _("Kennung '%(value)s' kommt doppelt vor") % {"value": value}


def _country_values(company: dict, where: list) -> Iterator[tuple[list, str]]:
    """(place, value) of every country a company entry names: its seat, export markets, hosting countries."""
    if "country" in company:
        yield [*where, "country"], company["country"]
    for k, market in enumerate(company.get("export_markets", [])):
        yield [*where, "export_markets", k], market
    for j, solution in enumerate(company.get("solutions", [])):
        if "hosting_country" in solution:
            yield [*where, "solutions", j, "hosting_country"], solution["hosting_country"]


def _check_references(data: dict, source: str) -> None:
    capabilities = set(Capability.objects.values_list("id", flat=True))
    capabilities |= {c["id"] for c in data.get("capabilities", [])}
    standards = set(Standard.objects.values_list("id", flat=True)) | {
        s["id"] for s in data.get("standards", [])
    }
    hubs = set(core_selectors.hubs().values_list("slug", flat=True))
    file_companies = [c["id"] for c in data["companies"]]
    known_companies = set(file_companies) | set(Company.objects.values_list("external_id", flat=True))
    owners = dict(Solution.objects.values_list("external_id", "company__external_id"))

    def fail(path: list, message: str) -> None:
        raise CatalogError(f"{source}: {_where(path)}: {message}")

    for i, cap in enumerate(data.get("capabilities", [])):
        if cap.get("parent") and cap["parent"] not in capabilities:
            fail(["capabilities", i, "parent"], _unknown_capability(cap["parent"]))
        for j, other in enumerate(cap.get("exchanges_with", [])):
            if other not in capabilities:
                fail(["capabilities", i, "exchanges_with", j], _unknown_capability(other))
    seen_companies: set[str] = set()
    seen_solutions: set[str] = set()
    for i, company in enumerate(data["companies"]):
        if company["id"] in seen_companies:
            fail(["companies", i, "id"], _twice(company["id"]))
        seen_companies.add(company["id"])
        for path, value in _country_values(company, ["companies", i]):
            if value and country_code(value) is None:
                fail(path, _unknown_country(value))
        if company.get("hub") and company["hub"] not in hubs:
            fail(
                ["companies", i, "hub"],
                _("unbekannter Stützpunkt '%(hub)s' (erlaubt: %(allowed)s)")
                % {"hub": company["hub"], "allowed": ", ".join(sorted(hubs))},
            )
        for j, solution in enumerate(company.get("solutions", [])):
            where = ["companies", i, "solutions", j]
            if solution["id"] in seen_solutions:
                fail([*where, "id"], _twice(solution["id"]))
            seen_solutions.add(solution["id"])
            owner = owners.get(solution["id"])
            if owner is not None and owner != company["id"]:
                fail(
                    [*where, "id"],
                    _(
                        "die Lösung '%(solution)s' gehört dem Unternehmen '%(owner)s', nicht '%(company)s' "
                        "(eine Lösung wechselt das Unternehmen nicht per Import)"
                    )
                    % {"solution": solution["id"], "owner": owner, "company": company["id"]},
                )
            for key, known, unknown in (
                ("capabilities", capabilities, _unknown_capability),
                ("provides", standards, _unknown_standard),
                ("consumes", standards, _unknown_standard),
            ):
                for k, ref in enumerate(solution.get(key, [])):
                    if ref not in known:
                        fail([*where, key, k], unknown(ref))
        for j, coop in enumerate(company.get("cooperations", [])):
            if coop["partner"] not in known_companies:
                fail(
                    ["companies", i, "cooperations", j, "partner"],
                    _("unbekanntes Unternehmen '%(company)s'") % {"company": coop["partner"]},
                )
            if coop["partner"] == company["id"]:
                fail(
                    ["companies", i, "cooperations", j, "partner"],
                    _("ein Unternehmen kooperiert nicht mit sich selbst"),
                )


@transaction.atomic
def import_catalog(
    data: dict,
    *,
    attested_from_file: bool,
    progress: Progress | None = None,
    source: str = "catalog",
) -> ImportSummary:
    """Validate a catalog dict completely, then write it in bulk; on any error nothing is written.

    ``attested_from_file`` says whether the file comes from staff: only then are the attested fields
    (``verified``, ``labels``) taken from it. Otherwise an existing company keeps its own, and a new company
    starts unverified without labels. Every caller must choose; a web or API import by members must pass
    False. ``progress(done, total)`` is called after each chunk of companies."""
    validate_catalog(data, source=source)
    taxonomy_sync({"capabilities": data.get("capabilities", []), "standards": data.get("standards", [])})
    writer = BulkWriter(attested_from_file=attested_from_file)
    summary = writer.write(data["companies"], progress)
    catalog_changed()  # bulk writes send no signals (versioning.py)
    return summary


@transaction.atomic
def import_catalog_row_by_row(
    data: dict,
    *,
    attested_from_file: bool,
    progress: Progress | None = None,
    source: str = "catalog",
) -> ImportSummary:
    """The former writer, entry by entry through the ORM (about twenty statements per solution); kept as
    the reference the bulk writer is compared with, in the tests and in bench/import.py."""
    validate_catalog(data, source=source)
    taxonomy_sync({"capabilities": data.get("capabilities", []), "standards": data.get("standards", [])})
    counts = {"cc": 0, "cu": 0, "sc": 0, "su": 0}
    companies = data["companies"]
    total = len(companies)
    by_id: dict[str, Company] = {}
    for n, entry in enumerate(companies, start=1):
        company, created = _upsert_company(entry, attested_from_file=attested_from_file)
        counts["cc" if created else "cu"] += 1
        by_id[entry["id"]] = company
        for solution_entry in entry.get("solutions", []):
            created = _upsert_solution(company, solution_entry)
            counts["sc" if created else "su"] += 1
        if progress:
            progress(n, total)
    for entry in companies:
        company = by_id[entry["id"]]
        for coop in entry.get("cooperations", []):
            partner = by_id.get(coop["partner"]) or Company.objects.get(external_id=coop["partner"])
            PastCooperation.objects.update_or_create(
                company=company,
                partner=partner,
                title=coop.get("title", ""),
                defaults={key: coop[key] for key in ("year", "description") if key in coop},
            )
        refresh_company_search(company)
    return ImportSummary(counts["cc"], counts["cu"], counts["sc"], counts["su"])


def _upsert_company(entry: dict, *, attested_from_file: bool) -> tuple[Company, bool]:
    """Create the company or change the keys its entry names; the rest of an existing profile stays."""
    entry = as_country_codes(entry, ("country", "export_markets"))
    company = Company.objects.select_for_update().filter(external_id=entry["id"]).first()
    created = company is None
    if created:
        company = Company(external_id=entry["id"])
    postcode_before = None if created else company.postal_code
    for key in (*COMPANY_SCALARS, *COMPANY_LISTS, "kind"):
        if key in entry:
            setattr(company, key, entry[key])
    if "hub" in entry:
        company.hub_id = entry["hub"] or None
    assign_hub(company, postcode_before=postcode_before, hub_chosen=bool(entry.get("hub")))
    if attested_from_file and "verified" in entry and entry["verified"] != company.verified:
        company.verified = entry["verified"]
        company.verified_by = None  # attested by the file's staff, not by an account here
        company.verified_at = timezone.now() if company.verified else None
    company.save()
    if attested_from_file and "labels" in entry:
        company.labels.set(ensure_labels(entry["labels"]))
    return company, created


def _upsert_solution(company: Company, entry: dict) -> bool:
    """Create the solution for this company or change the keys its entry names (its owner was checked)."""
    entry = as_country_codes(entry, ("hosting_country",))
    solution = Solution.objects.select_for_update().filter(external_id=entry["id"]).first()
    created = solution is None
    if created:
        solution = Solution(external_id=entry["id"], company=company)
    for key in (*SOLUTION_SCALARS, *SOLUTION_LISTS):
        if key in entry:
            setattr(solution, key, entry[key])
    solution.save()
    for key in ("capabilities", "provides", "consumes"):
        if key in entry:
            getattr(solution, key).set(entry[key])
    refresh_solution_search(solution)
    return created


def export_catalog() -> dict:
    """The whole registry in the interchange format; `import_catalog(export_catalog())` changes nothing."""
    capabilities = []
    for cap in Capability.objects.prefetch_related("exchanges_with").order_by("id"):
        item = {"id": cap.id, "label_de": cap.label_de}
        if cap.label_en:
            item["label_en"] = cap.label_en
        item["synonyms_de"] = cap.synonyms_de
        item["synonyms_en"] = cap.synonyms_en
        if cap.parent_id:
            item["parent"] = cap.parent_id
        item["exchanges_with"] = sorted(c.id for c in cap.exchanges_with.all())
        capabilities.append(item)
    standards = []
    for std in Standard.objects.prefetch_related("used_by").order_by("id"):
        item = {"id": std.id, "label": std.label}
        if std.label_en:
            item["label_en"] = std.label_en
        if std.url:
            item["url"] = std.url
        item["used_by"] = sorted(c.id for c in std.used_by.all())
        standards.append(item)
    companies = [
        _company_entry(c)
        for c in Company.objects.select_related("hub")
        .prefetch_related(
            "labels",
            "solutions__capabilities",
            "solutions__provides",
            "solutions__consumes",
            "past_cooperations__partner",
        )
        .order_by("external_id")
    ]
    return {
        "format": "itkoop-catalog/1",
        "capabilities": capabilities,
        "standards": standards,
        "companies": companies,
    }


def _company_entry(company: Company) -> dict:
    item: dict[str, Any] = {"id": company.external_id}
    for key in COMPANY_SCALARS:
        value = getattr(company, key)
        if value not in (None, ""):
            item[key] = value
    if company.hub_id:
        item["hub"] = company.hub_id
    if company.kind != Company.Kind.PROVIDER:
        item["kind"] = company.kind
    if company.verified:
        item["verified"] = True
    item["labels"] = sorted(label.slug for label in company.labels.all())
    for key in COMPANY_LISTS:
        item[key] = getattr(company, key)
    item["solutions"] = [
        _solution_entry(s) for s in sorted(company.solutions.all(), key=lambda s: s.external_id)
    ]
    item["cooperations"] = [
        {
            k: v
            for k, v in (
                ("partner", pc.partner.external_id),
                ("year", pc.year),
                ("title", pc.title),
                ("description", pc.description),
            )
            if v not in (None, "")
        }
        for pc in company.past_cooperations.all()
    ]
    return item


def _solution_entry(solution: Solution) -> dict:
    item: dict[str, Any] = {"id": solution.external_id}
    for key in SOLUTION_SCALARS:
        value = getattr(solution, key)
        if value not in (None, ""):
            item[key] = value
    item["capabilities"] = sorted(c.id for c in solution.capabilities.all())
    item["provides"] = sorted(s.id for s in solution.provides.all())
    item["consumes"] = sorted(s.id for s in solution.consumes.all())
    for key in SOLUTION_LISTS:
        item[key] = getattr(solution, key)
    return item
