"""Import and export of the catalog interchange format (shared/spec/catalog.schema.json).

An import validates the whole file first (schema, then references), and only then writes, in one transaction,
idempotent by the file's ids. Nothing is written when anything is wrong."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
from django.db import transaction

from itkoop.core import selectors as core_selectors

from .models import Capability, Company, PastCooperation, Solution, Standard
from .reference_data import DATA_DIR
from .services import (
    CatalogError,
    ensure_labels,
    refresh_company_search,
    refresh_solution_search,
    taxonomy_sync,
)

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


@dataclass(frozen=True)
class ImportSummary:
    companies_created: int
    companies_updated: int
    solutions_created: int
    solutions_updated: int


def _schema() -> dict:
    return json.loads((DATA_DIR / "catalog.schema.json").read_text(encoding="utf-8"))


def _where(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(Wurzel)"


def read_catalog_file(path: str | Path) -> dict:
    """Parse and schema-check a file; raise CatalogError with one line naming what is wrong and where."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogError(f"{path}: Datei nicht gefunden") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: Datei nicht lesbar ({exc.__class__.__name__})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            f"{path}: kein gültiges JSON in Zeile {exc.lineno}, Spalte {exc.colno}: {exc.msg}"
        ) from exc
    check_catalog_shape(data, source=str(path))
    return data


def validate_catalog(data: Any, *, source: str = "catalog") -> None:
    """Shape and references; reads the database (known capabilities, standards, hubs) but writes nothing."""
    check_catalog_shape(data, source=source)
    _check_references(data, source)


def check_catalog_shape(data: Any, *, source: str = "catalog") -> None:
    """The JSON schema alone; needs no database."""
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        raise CatalogError(f"{source}: {_where(best.absolute_path)}: {best.message}")


def _check_references(data: dict, source: str) -> None:
    capabilities = set(Capability.objects.values_list("id", flat=True))
    capabilities |= {c["id"] for c in data.get("capabilities", [])}
    standards = set(Standard.objects.values_list("id", flat=True)) | {
        s["id"] for s in data.get("standards", [])
    }
    hubs = set(core_selectors.hubs().values_list("slug", flat=True))
    file_companies = [c["id"] for c in data["companies"]]
    known_companies = set(file_companies) | set(Company.objects.values_list("external_id", flat=True))

    def fail(path: list, message: str) -> None:
        raise CatalogError(f"{source}: {_where(path)}: {message}")

    for i, cap in enumerate(data.get("capabilities", [])):
        if cap.get("parent") and cap["parent"] not in capabilities:
            fail(["capabilities", i, "parent"], f"unbekannte Fähigkeit '{cap['parent']}'")
        for j, other in enumerate(cap.get("exchanges_with", [])):
            if other not in capabilities:
                fail(["capabilities", i, "exchanges_with", j], f"unbekannte Fähigkeit '{other}'")
    seen_companies: set[str] = set()
    seen_solutions: set[str] = set()
    for i, company in enumerate(data["companies"]):
        if company["id"] in seen_companies:
            fail(["companies", i, "id"], f"Kennung '{company['id']}' kommt doppelt vor")
        seen_companies.add(company["id"])
        if company.get("hub") and company["hub"] not in hubs:
            fail(
                ["companies", i, "hub"],
                f"unbekannter Stützpunkt '{company['hub']}' (erlaubt: {', '.join(sorted(hubs))})",
            )
        for j, solution in enumerate(company.get("solutions", [])):
            where = ["companies", i, "solutions", j]
            if solution["id"] in seen_solutions:
                fail([*where, "id"], f"Kennung '{solution['id']}' kommt doppelt vor")
            seen_solutions.add(solution["id"])
            for key, known, noun in (
                ("capabilities", capabilities, "Fähigkeit"),
                ("provides", standards, "Standard"),
                ("consumes", standards, "Standard"),
            ):
                for k, ref in enumerate(solution.get(key, [])):
                    if ref not in known:
                        fail(
                            [*where, key, k],
                            f"unbekannter {noun} '{ref}'"
                            if noun == "Standard"
                            else f"unbekannte {noun} '{ref}'",
                        )
        for j, coop in enumerate(company.get("cooperations", [])):
            if coop["partner"] not in known_companies:
                fail(
                    ["companies", i, "cooperations", j, "partner"],
                    f"unbekanntes Unternehmen '{coop['partner']}'",
                )
            if coop["partner"] == company["id"]:
                fail(
                    ["companies", i, "cooperations", j, "partner"],
                    "ein Unternehmen kooperiert nicht mit sich selbst",
                )


@transaction.atomic
def import_catalog(data: dict, *, progress: Progress | None = None, source: str = "catalog") -> ImportSummary:
    """Validate a catalog dict completely, then write it; on any error nothing is written."""
    validate_catalog(data, source=source)
    taxonomy_sync({"capabilities": data.get("capabilities", []), "standards": data.get("standards", [])})
    counts = {"cc": 0, "cu": 0, "sc": 0, "su": 0}
    companies = data["companies"]
    total = len(companies)
    by_id: dict[str, Company] = {}
    for n, entry in enumerate(companies, start=1):
        company, created = _upsert_company(entry)
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
                defaults={"year": coop.get("year"), "description": coop.get("description", "")},
            )
        refresh_company_search(company)
    return ImportSummary(counts["cc"], counts["cu"], counts["sc"], counts["su"])


def _upsert_company(entry: dict) -> tuple[Company, bool]:
    defaults: dict[str, Any] = {key: entry.get(key) for key in COMPANY_SCALARS if key in entry}
    for key in ("description", "description_en", "website", "street", "postal_code", "city"):
        if key in defaults and defaults[key] is None:
            defaults[key] = ""
    defaults.update({key: entry.get(key, []) for key in COMPANY_LISTS})
    defaults["hub_id"] = entry.get("hub") or None
    if "kind" in entry and entry["kind"] in Company.Kind.values:
        defaults["kind"] = entry["kind"]
    if "verified" in entry:
        defaults["verified"] = bool(entry["verified"])
    company, created = Company.objects.update_or_create(external_id=entry["id"], defaults=defaults)
    company.labels.set(ensure_labels(entry.get("labels", [])))
    return company, created


def _upsert_solution(company: Company, entry: dict) -> bool:
    defaults: dict[str, Any] = {key: entry[key] for key in SOLUTION_SCALARS if key in entry}
    defaults.update({key: entry.get(key, []) for key in SOLUTION_LISTS})
    defaults["company"] = company
    solution, created = Solution.objects.update_or_create(external_id=entry["id"], defaults=defaults)
    solution.capabilities.set(entry.get("capabilities", []))
    solution.provides.set(entry.get("provides", []))
    solution.consumes.set(entry.get("consumes", []))
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
