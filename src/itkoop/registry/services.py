"""Writes to the registry: the built-in taxonomy, catalog import, profile edits and verification.

Every function here is one use case, runs in a transaction and checks who may do it."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core.converters import EXTERNAL_ID_MAX_LENGTH
from itkoop.core.services import audit_record
from itkoop.engine.text import index_tokens_of_parts

from .models import PRICE_EUR_MONTH_MAX as PRICE_EUR_MONTH_MAX  # the bound other apps check prices by
from .models import Capability, Company, Label, Solution, Standard
from .permissions import can_edit_company, can_verify_company
from .versioning import catalog_changed

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
    return " " + " ".join(index_tokens_of_parts(text_parts)) + " "


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
    """The search text of a solution; `provides`/`consumes` are standard labels (German and English, see
    Standard.search_label) in label order."""
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
        provides=[s.search_label for s in solution.provides.all()],
        consumes=[s.search_label for s in solution.consumes.all()],
    )
    Solution.objects.filter(pk=solution.pk).update(search_document=solution.search_document)


# --- taxonomy -------------------------------------------------------------------------------------------


def _named(entry: dict, keys: tuple[str, ...]) -> dict:
    """The keys an entry names: an update changes only those (the catalog schema's rule)."""
    return {key: entry[key] for key in keys if key in entry}


def _upsert(model, entries: list[dict], fields: tuple[str, ...]) -> dict:
    """Create or update the entries' rows by id in a few queries (every migrate and every test flush syncs
    the whole taxonomy: one query per row and link took seconds); returns the rows by id."""
    rows = model.objects.in_bulk([entry["id"] for entry in entries])
    new, changed = [], []
    for entry in entries:
        row = rows.get(entry["id"])
        if row is None:
            row = rows[entry["id"]] = model(id=entry["id"])
            new.append(row)
        else:
            changed.append(row)
        for name, value in _named(entry, fields).items():
            setattr(row, name, value)
    model.objects.bulk_create(new)
    if changed:
        model.objects.bulk_update(changed, fields)
    return rows


def _relink(through, owner: str, target: str, links: dict[str, list[str]]) -> None:
    """Replace the links of each owner named in ``links`` (as ``.set()`` would, without a query per link)."""
    through.objects.filter(**{f"{owner}_id__in": list(links)}).delete()
    through.objects.bulk_create(
        [
            through(**{f"{owner}_id": key, f"{target}_id": other})
            for key, others in links.items()
            for other in dict.fromkeys(others)
        ]
    )


def _upsert_capabilities(entries: list[dict]) -> None:
    rows = _upsert(Capability, entries, ("label_de", "label_en", "synonyms_de", "synonyms_en"))
    parented = []
    for entry in entries:
        if "parent" in entry:
            rows[entry["id"]].parent_id = entry["parent"] or None
            parented.append(rows[entry["id"]])
    if parented:
        Capability.objects.bulk_update(parented, ["parent"])
    linked = {entry["id"]: entry["exchanges_with"] for entry in entries if "exchanges_with" in entry}
    _relink(Capability.exchanges_with.through, "from_capability", "to_capability", linked)


def _upsert_standards(entries: list[dict]) -> None:
    _upsert(Standard, entries, ("label", "label_en", "url"))
    known = set(Capability.objects.values_list("id", flat=True))
    used = {
        entry["id"]: [c for c in entry["used_by"] if c in known] for entry in entries if "used_by" in entry
    }
    _relink(Standard.used_by.through, "standard", "capability", used)


@transaction.atomic
def taxonomy_sync(data: dict) -> None:
    """Create or update the capabilities and standards of a catalog-shaped dict, by id."""
    _upsert_capabilities(data.get("capabilities", []))
    _upsert_standards(data.get("standards", []))
    catalog_changed()  # bulk writes send no signals


# --- profile edits and verification --------------------------------------------------------------------


@dataclass(frozen=True)
class VerificationResult:
    company: Company
    verified: bool


class VerificationError(Exception):
    """A verification refused with a message for the person (staff marking their own company)."""


def verifies_own_company(actor, company: Company) -> bool:
    """Staff who belong to the company would vouch for themselves: another person of the hub or the center
    marks it as verified."""
    return bool(actor.pk) and company.memberships.filter(user_id=actor.pk).exists()


@transaction.atomic
def company_set_verified(*, actor, company: Company, verified: bool) -> VerificationResult:
    if not can_verify_company(actor, company):
        raise PermissionDenied
    if verified and verifies_own_company(actor, company):
        raise VerificationError(
            _(
                "Ihr eigenes Unternehmen markiert eine andere Person des Stützpunkts oder der "
                "Zentrumsleitung als geprüft."
            )
        )
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

# What the hub staff attest when they mark a company "geprüft": who it is (name, kind), where it is (legal
# address, website, hub) and the quality seals it holds. When a member changes any of them, the company goes
# back to review (verified cleared, hub staff told). Description, keywords, languages and the like are the
# company's own words and do not need a new check.
ATTESTED_FIELDS = frozenset({"name", "kind", "website", "street", "postal_code", "city", "country", "hub_id"})
ATTESTED_RELATIONS = frozenset({"labels"})
# What only hub staff and center admins set: quality seals (ISO 27001, TISAX, BSI C5, ...) are checked
# against certificates, and the hub follows from the postcode (`hub_for_postal_code`) unless staff choose.
STAFF_ONLY_FIELDS = frozenset({"hub_id"})
STAFF_ONLY_RELATIONS = frozenset({"labels"})


@dataclass(frozen=True)
class ReviewRequest:
    """A verified company a member changed in attested data: it is back in review."""

    company: Company
    actor: Any
    changed: frozenset[str]


ReviewListener = Callable[[ReviewRequest], None]
_review_listeners: list[ReviewListener] = []


def register_review_listener(listener: ReviewListener) -> None:
    """The port through which an app above the registry learns that a company went back to review (to tell
    the hub staff: the registry sits below the notifications and cannot send). Call it from the app's
    AppConfig.ready(); registering one twice is harmless. Listeners run inside the write transaction."""
    if listener not in _review_listeners:
        _review_listeners.append(listener)


def hubs_by_prefix() -> dict[str, str]:
    """The hub of each two-digit postcode prefix, read in one query (the first hub naming a prefix holds
    it). An import of many companies reads it once and passes it to `hub_for_postal_code`."""
    prefixes: dict[str, str] = {}
    for hub in core_selectors.hubs().all():
        for prefix in hub.postcode_prefixes:
            prefixes.setdefault(prefix, hub.slug)
    return prefixes


def hub_for_postal_code(postal_code: str, prefixes: dict[str, str] | None = None) -> str | None:
    """The hub whose region holds a German postcode (by its two-digit prefix); None outside every region.
    ``prefixes`` is `hubs_by_prefix()` when the caller has it already."""
    prefix = (postal_code or "").strip()[:2]
    if len(prefix) < 2 or not prefix.isdigit():
        return None
    return (hubs_by_prefix() if prefixes is None else prefixes).get(prefix)


def assign_hub(
    company: Company,
    *,
    postcode_before: str | None = None,
    hub_chosen: bool = False,
    prefixes: dict[str, str] | None = None,
) -> None:
    """The hub follows the postcode, so that a hub's staff see every company of their region to verify it:
    on creation (``postcode_before`` None) and whenever the postcode changes, unless the same change chose
    a hub (staff may). A postcode outside every region keeps the hub the company has. Every way in calls
    this: the web form, the admin, the catalog import (which passes `hubs_by_prefix()` read once)."""
    if hub_chosen and company.hub_id:
        return
    if postcode_before is None or company.postal_code != postcode_before or company.hub_id is None:
        company.hub_id = hub_for_postal_code(company.postal_code, prefixes) or company.hub_id


def _is_staff_for(actor, hub_id: str | None) -> bool:
    return bool(
        actor.is_center_admin or (actor.is_hub_staff and hub_id is not None and actor.hub_id == hub_id)
    )


def _check_staff_only(actor, fields: dict[str, Any], relations: dict[str, list], hub_id: str | None) -> None:
    """Members never set the hub or quality seals; the forms leave them out, the services refuse them too."""
    if _is_staff_for(actor, hub_id):
        return
    if STAFF_ONLY_FIELDS & set(fields) or STAFF_ONLY_RELATIONS & set(relations):
        raise PermissionDenied


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


#: Generated ids are checked, then inserted; a parallel request may take the same id in between. The insert
#: is retried in a savepoint with a fresh id this many times (later tries add a random part).
ID_ATTEMPTS = 6


def _unique_external_id(name: str, attempt: int = 0) -> str:
    """A fresh company id from its name: ASCII letters, digits and '-' (slugify), so it fits the catalog
    schema's id pattern and is one URL path segment."""
    base = slugify(name)[:60].strip("-_") or "unternehmen"
    if attempt >= ID_ATTEMPTS // 2:  # crowded: sequential numbers keep colliding with parallel requests
        return f"{base}-{secrets.token_hex(3)}"
    candidate, n = base, 1
    while Company.objects.filter(external_id=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _insert_with_generated_id(obj, make_id: Callable[[int], str]) -> None:
    """Save a new object under a generated external id; when a parallel request committed the same id in the
    meantime (IntegrityError on PostgreSQL), roll back to the savepoint and try the next id."""
    for attempt in range(ID_ATTEMPTS):
        obj.external_id = make_id(attempt)
        try:
            with transaction.atomic():
                obj.save(force_insert=True)
            return
        except IntegrityError:
            if attempt == ID_ATTEMPTS - 1:
                raise
            logger.info("generated id %s taken in parallel; trying another", obj.external_id)


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
    _check_staff_only(actor, fields, relations or {}, fields.get("hub_id"))
    with transaction.atomic():
        company = Company(**fields)
        assign_hub(company, hub_chosen=fields.get("hub_id") is not None)
        company.verified = False  # only hub staff verify
        _insert_with_generated_id(company, lambda attempt: _unique_external_id(company.name, attempt))
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
    search text after the commit (tokenising holds no write lock), so the catalog finds what it now says.

    Members may not set the hub or the quality seals (STAFF_ONLY_*); a member's new postcode moves the
    company to the hub of its region. A member's change to ATTESTED_FIELDS takes a verified company back to
    review: verified is cleared and the review listeners (the hub staff's notification) are told."""
    relations = relations or {}
    _check_keys(fields, COMPANY_FIELDS, "company fields")
    _check_keys(relations, COMPANY_RELATIONS, "company relations")
    with transaction.atomic():
        company = Company.objects.select_for_update().get(pk=company_id)
        if not can_edit_company(actor, company):
            raise PermissionDenied
        staff = _is_staff_for(actor, company.hub_id)
        _check_staff_only(actor, fields, relations, company.hub_id)
        _check_hub_move(actor, company.hub_id, fields.get("hub_id", company.hub_id))
        before = {name: getattr(company, name) for name in ATTESTED_FIELDS}
        labels_before = set(company.labels.values_list("pk", flat=True))
        for name, value in fields.items():
            setattr(company, name, value)
        assign_hub(
            company,
            postcode_before=before["postal_code"],
            hub_chosen=staff and fields.get("hub_id", before["hub_id"]) != before["hub_id"],
        )
        changed = frozenset(name for name in ATTESTED_FIELDS if getattr(company, name) != before[name])
        for name, ids in relations.items():
            getattr(company, name).set(ids)
        if "labels" in relations and set(relations["labels"]) != labels_before:
            changed |= {"labels"}
        review = bool(changed) and not staff and company.verified
        if review:
            company.verified, company.verified_by, company.verified_at = False, None, None
        company.save()
        if review:
            request = ReviewRequest(company=company, actor=actor, changed=changed)
            for listener in _review_listeners:
                listener(request)
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
            solution = Solution(company=company)
        else:
            solution = Solution.objects.select_for_update().get(pk=solution_id, company=company)
        for name, value in fields.items():
            setattr(solution, name, value)
        if solution_id is None:
            _insert_with_generated_id(solution, lambda attempt: _new_solution_id(company, attempt))
        else:
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


def _new_solution_id(company: Company, attempt: int = 0) -> str:
    """A fresh solution id '<company id>-s<n>', shortened where needed to fit the id pattern's 128 characters
    (a company id from a catalog file may already be that long)."""
    if attempt >= ID_ATTEMPTS // 2:
        suffix = f"-s{secrets.token_hex(3)}"
        return company.external_id[: EXTERNAL_ID_MAX_LENGTH - len(suffix)] + suffix
    n = company.solutions.count() + 1
    while True:
        suffix = f"-s{n}"
        candidate = company.external_id[: EXTERNAL_ID_MAX_LENGTH - len(suffix)] + suffix
        if not Solution.objects.filter(external_id=candidate).exists():
            return candidate
        n += 1


def ensure_labels(slugs: Iterable[str]) -> list[Label]:
    labels = []
    for slug in slugs:
        name = slug.replace("-", " ").title()
        label, _ = Label.objects.get_or_create(slug=slug, defaults={"name": name})
        labels.append(label)
    return labels
