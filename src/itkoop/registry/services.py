"""Writes to the registry: the built-in taxonomy, catalog import, profile edits and verification.

Every function here is one use case, runs in a transaction and checks who may do it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from itkoop.core.services import audit_record
from itkoop.engine.text import index_tokens

from .models import Capability, Company, Label, PastCooperation, Solution, Standard
from .permissions import can_edit_company, can_verify_company

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


class CatalogError(Exception):
    """The user gave a catalog we cannot take; the message says what and where."""


def build_search_document(*parts: str | Iterable[str] | None) -> str:
    """Normalised tokens, space-delimited with spaces at both ends so ' token ' matches whole tokens."""
    text_parts: list[str] = []
    for part in parts:
        if not part:
            continue
        text_parts.extend([part] if isinstance(part, str) else [str(p) for p in part])
    return " " + " ".join(index_tokens(" ".join(text_parts))) + " "


def company_search_document(
    *,
    name: str,
    description: str,
    description_en: str,
    city: str,
    keywords: list[str],
    industries: list[str],
    solutions: list[tuple[str, str, list]],
) -> str:
    """The search text of a company; `solutions` are (name, description, capabilities) in page order.

    One definition for the registry and the demo builder, so their search documents cannot drift apart."""
    return build_search_document(
        name,
        description,
        description_en,
        city,
        keywords,
        industries,
        [name for name, _, _ in solutions],
        [description for _, description, _ in solutions],
        [c.label_de + " " + c.label_en for _, _, caps in solutions for c in caps],
    )


def solution_search_document(
    *,
    name: str,
    description: str,
    company_name: str,
    capabilities: list,
    provides: list[str],
    consumes: list[str],
) -> str:
    """The search text of a solution; `provides`/`consumes` are standard labels in label order."""
    return build_search_document(
        name,
        description,
        company_name,
        [c.label_de + " " + c.label_en for c in capabilities],
        [" ".join(c.synonyms_de + c.synonyms_en) for c in capabilities],
        provides,
        consumes,
    )


# The refresh functions tokenise first and then write the document in one UPDATE. Use cases call them after
# their own transaction has committed: tokenising long texts inside it would hold SQLite's write lock (and
# PostgreSQL's row locks) for the whole time, and other people's writes would wait or fail.


def refresh_company_search(company: Company) -> None:
    """Recompute and store a company's search document (call outside the write transaction)."""
    solutions = list(company.solutions.prefetch_related("capabilities"))
    company.search_document = company_search_document(
        name=company.name,
        description=company.description,
        description_en=company.description_en,
        city=company.city,
        keywords=company.keywords,
        industries=company.industries,
        solutions=[(s.name, s.description, list(s.capabilities.all())) for s in solutions],
    )
    Company.objects.filter(pk=company.pk).update(search_document=company.search_document)


def refresh_solution_search(solution: Solution) -> None:
    """Recompute and store a solution's search document (call outside the write transaction)."""
    solution.search_document = solution_search_document(
        name=solution.name,
        description=solution.description,
        company_name=solution.company.name,
        capabilities=list(solution.capabilities.all()),
        provides=[s.label for s in solution.provides.all()],
        consumes=[s.label for s in solution.consumes.all()],
    )
    Solution.objects.filter(pk=solution.pk).update(search_document=solution.search_document)


# --- taxonomy -------------------------------------------------------------------------------------------


def _upsert_capabilities(entries: list[dict]) -> None:
    for entry in entries:
        Capability.objects.update_or_create(
            id=entry["id"],
            defaults={
                "label_de": entry["label_de"],
                "label_en": entry.get("label_en", ""),
                "synonyms_de": entry.get("synonyms_de", []),
                "synonyms_en": entry.get("synonyms_en", []),
            },
        )
    for entry in entries:
        capability = Capability.objects.get(id=entry["id"])
        if "parent" in entry:
            capability.parent_id = entry["parent"] or None
            capability.save(update_fields=["parent"])
        if "exchanges_with" in entry:
            capability.exchanges_with.set(entry["exchanges_with"])


def _upsert_standards(entries: list[dict]) -> None:
    for entry in entries:
        standard, _ = Standard.objects.update_or_create(
            id=entry["id"], defaults={"label": entry["label"], "url": entry.get("url", "")}
        )
        if "used_by" in entry:
            standard.used_by.set([c for c in entry["used_by"] if Capability.objects.filter(id=c).exists()])


@transaction.atomic
def taxonomy_sync(data: dict) -> None:
    """Create or update the capabilities and standards of a catalog-shaped dict, by id."""
    _upsert_capabilities(data.get("capabilities", []))
    _upsert_standards(data.get("standards", []))


# --- profile edits and verification --------------------------------------------------------------------


@dataclass(frozen=True)
class VerificationResult:
    company: Company
    verified: bool


@transaction.atomic
def company_set_verified(*, actor, company: Company, verified: bool) -> VerificationResult:
    if not can_verify_company(actor, company):
        raise PermissionDenied
    company.verified = verified
    company.verified_by = actor if verified else None
    company.verified_at = timezone.now() if verified else None
    company.save(update_fields=["verified", "verified_by", "verified_at", "updated"])
    logger.info("company %s verified=%s by %s", company.external_id, verified, actor.pk)
    audit_record(
        actor=actor,
        action="company_verify" if verified else "company_unverify",
        obj=company,
        object_id=company.external_id,
        details={"name": company.name},
    )
    return VerificationResult(company=company, verified=verified)


def plain_fields(model, cleaned_data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list]]:
    """Split a form's cleaned data into plain values by attribute name (a related object becomes its id,
    under `hub_id`) and many-to-many relations as lists of ids; other keys are left out."""
    fields: dict[str, Any] = {}
    relations: dict[str, list] = {}
    for field in model._meta.get_fields():
        if field.name not in cleaned_data or field.auto_created:
            continue
        value = cleaned_data[field.name]
        if field.many_to_many:
            relations[field.name] = [v.pk for v in value]
        elif field.is_relation:
            fields[field.attname] = value.pk if value is not None else None
        else:
            fields[field.name] = value
    return fields, relations


def _settable(model, exclude: set[str]) -> frozenset[str]:
    return frozenset(
        f.attname
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in exclude
    )


# What an editor sets; ids, verification and the derived search text are the services' business.
COMPANY_FIELDS = _settable(
    Company, {"external_id", "verified", "verified_by", "verified_at", "search_document"}
)
COMPANY_RELATIONS = frozenset({"labels"})
SOLUTION_FIELDS = _settable(Solution, {"external_id", "search_document"})
SOLUTION_RELATIONS = frozenset({"capabilities", "provides", "consumes"})


def _check_keys(given, allowed, what: str) -> None:
    unknown = set(given) - allowed
    if unknown:
        raise ValueError(f"not {what}: {', '.join(sorted(unknown))}")


def _check_hub_move(actor, old_hub: str | None, new_hub: str | None) -> None:
    """Hub staff keep a company in their hub: they must not move it (and so themselves) out of reach."""
    if old_hub != new_hub and not actor.is_center_admin and actor.is_hub_staff and new_hub != actor.hub_id:
        raise PermissionDenied


def _unique_external_id(name: str) -> str:
    base = slugify(name)[:60] or "unternehmen"
    candidate, n = base, 1
    while Company.objects.filter(external_id=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def company_create(
    *,
    actor,
    fields: dict[str, Any],
    relations: dict[str, list] | None = None,
    on_created: Callable[[Company], None] | None = None,
) -> Company:
    """A company a signed-in member registers from plain values (as `company_update` takes them);
    unverified until hub staff check it. ``on_created`` runs inside the write transaction (the accounts app
    makes the member its owner there); the search text is computed after the commit, holding no lock."""
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied
    _check_keys(fields, COMPANY_FIELDS, "company fields")
    _check_keys(relations or {}, COMPANY_RELATIONS, "company relations")
    with transaction.atomic():
        company = Company(**fields)
        company.external_id = _unique_external_id(company.name)
        company.verified = False  # only hub staff verify
        company.save()
        for name, ids in (relations or {}).items():
            getattr(company, name).set(ids)
        if on_created is not None:
            on_created(company)
    refresh_company_search(company)
    return company


def company_update(
    *, actor, company_id: int, fields: dict[str, Any], relations: dict[str, list] | None = None
) -> Company:
    """Change a company profile from plain values (attribute names, `labels` as ids), then refresh its
    search text after the commit (tokenising holds no write lock), so the catalog finds what it now says."""
    _check_keys(fields, COMPANY_FIELDS, "company fields")
    _check_keys(relations or {}, COMPANY_RELATIONS, "company relations")
    with transaction.atomic():
        company = Company.objects.select_for_update().get(pk=company_id)
        if not can_edit_company(actor, company):
            raise PermissionDenied
        _check_hub_move(actor, company.hub_id, fields.get("hub_id", company.hub_id))
        for name, value in fields.items():
            setattr(company, name, value)
        company.save()
        for name, ids in (relations or {}).items():
            getattr(company, name).set(ids)
    refresh_company_search(company)
    for solution in company.solutions.all():
        refresh_solution_search(solution)  # solutions' search text holds the company's name
    logger.info("company %s updated by %s", company.external_id, actor.pk)
    return company


def solution_save(
    *,
    actor,
    company_id: int,
    fields: dict[str, Any],
    relations: dict[str, list] | None = None,
    solution_id: int | None = None,
) -> Solution:
    """Create (no `solution_id`) or change a solution of a company from plain values; refreshes the search
    text of the solution and of its company after the commit. A solution stays with its company."""
    _check_keys(fields, SOLUTION_FIELDS - {"company_id"}, "solution fields")
    _check_keys(relations or {}, SOLUTION_RELATIONS, "solution relations")
    with transaction.atomic():
        company = Company.objects.get(pk=company_id)
        if not can_edit_company(actor, company):
            raise PermissionDenied
        if solution_id is None:
            solution = Solution(company=company, external_id=_new_solution_id(company))
        else:
            solution = Solution.objects.select_for_update().get(pk=solution_id, company=company)
        for name, value in fields.items():
            setattr(solution, name, value)
        solution.save()
        for name, ids in (relations or {}).items():
            getattr(solution, name).set(ids)
    refresh_solution_search(solution)
    refresh_company_search(company)
    return solution


def solution_delete(*, actor, solution: Solution) -> None:
    company = solution.company
    if not can_edit_company(actor, company):
        raise PermissionDenied
    with transaction.atomic():
        solution.delete()
    refresh_company_search(company)


def _new_solution_id(company: Company) -> str:
    n = company.solutions.count() + 1
    while Solution.objects.filter(external_id=f"{company.external_id}-s{n}").exists():
        n += 1
    return f"{company.external_id}-s{n}"


def ensure_labels(slugs: Iterable[str]) -> list[Label]:
    labels = []
    for slug in slugs:
        name = slug.replace("-", " ").title()
        label, _ = Label.objects.get_or_create(slug=slug, defaults={"name": name})
        labels.append(label)
    return labels


def record_past_cooperation(
    *, company: Company, partner: Company, year, title: str, description: str
) -> None:
    PastCooperation.objects.update_or_create(
        company=company, partner=partner, title=title, defaults={"year": year, "description": description}
    )
