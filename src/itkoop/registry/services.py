"""Writes to the registry: the built-in taxonomy, catalog import, profile edits and verification.

Every function here is one use case, runs in a transaction and checks who may do it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

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
    return VerificationResult(company=company, verified=verified)


def company_update(*, actor, company: Company, form) -> Company:
    """Save a validated company form; the caller passes the bound form so field rules live in one place."""
    if not can_edit_company(actor, company):
        raise PermissionDenied
    with transaction.atomic():
        company = form.save()
    refresh_company_search(company)
    return company


def solution_save(*, actor, company: Company, form) -> Solution:
    if not can_edit_company(actor, company):
        raise PermissionDenied
    with transaction.atomic():
        solution = form.save(commit=False)
        solution.company = company
        if not solution.external_id:
            solution.external_id = _new_solution_id(company)
        solution.save()
        form.save_m2m()
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
