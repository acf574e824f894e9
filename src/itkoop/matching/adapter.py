"""Builds the engine's Catalog from the database: the one bridge between Django models and the engine.

The catalog is cached per process and rebuilt when the registry changes (a cheap signature query), so the
web pages, the API and the CLI all match against the same, current data through the same code."""

from __future__ import annotations

import threading

from django.db.models import Count, Max

from itkoop.cooperation.selectors import cooperation_trust_pairs
from itkoop.core.models import Hub
from itkoop.engine.catalog import Capability as EngineCapability
from itkoop.engine.catalog import Catalog, Taxonomy
from itkoop.engine.catalog import Company as EngineCompany
from itkoop.engine.catalog import Cooperation as EngineCooperation
from itkoop.engine.catalog import Solution as EngineSolution
from itkoop.engine.catalog import Standard as EngineStandard
from itkoop.registry.models import Capability, Company, Solution, Standard

_lock = threading.Lock()
_cache: dict[str, object] = {}


def _signature() -> tuple:
    companies = Company.objects.aggregate(n=Count("id"), last=Max("updated"))
    solutions = Solution.objects.aggregate(n=Count("id"), last=Max("updated"))
    return (
        companies["n"],
        companies["last"],
        solutions["n"],
        solutions["last"],
        Capability.objects.count(),
        Capability.exchanges_with.through.objects.count(),
        Standard.objects.count(),
        Solution.provides.through.objects.count(),
        Solution.consumes.through.objects.count(),
        Solution.capabilities.through.objects.count(),
        tuple(sorted(cooperation_trust_pairs().items())),
    )


def build_taxonomy() -> Taxonomy:
    exchanges: dict[str, list[str]] = {}
    for source, target in Capability.exchanges_with.through.objects.values_list(
        "from_capability_id", "to_capability_id"
    ):
        exchanges.setdefault(source, []).append(target)
    used_by: dict[str, list[str]] = {}
    for standard_id, capability_id in Standard.used_by.through.objects.values_list(
        "standard_id", "capability_id"
    ):
        used_by.setdefault(standard_id, []).append(capability_id)
    capabilities = [
        EngineCapability(
            id=c.id,
            label_de=c.label_de,
            label_en=c.label_en,
            synonyms_de=tuple(c.synonyms_de),
            synonyms_en=tuple(c.synonyms_en),
            parent=c.parent_id,
            exchanges_with=tuple(sorted(exchanges.get(c.id, ()))),
        )
        for c in Capability.objects.order_by("id")
    ]
    standards = [
        EngineStandard(
            id=s.id, label=s.label, url=s.url or None, used_by=tuple(sorted(used_by.get(s.id, ())))
        )
        for s in Standard.objects.order_by("id")
    ]
    return Taxonomy(capabilities, standards)


def _m2m(through, owner_field: str, target_field: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for owner, target in through.objects.values_list(owner_field, target_field):
        out.setdefault(owner, []).append(target)
    return out


def build_catalog() -> Catalog:
    labels = _m2m(Company.labels.through, "company_id", "label_id")
    # A company without a hub of its own belongs, for matching, to the hub whose region holds its postcode.
    hub_of_prefix = {prefix: hub.slug for hub in Hub.objects.all() for prefix in hub.postcode_prefixes}
    companies = []
    external: dict[int, str] = {}
    for c in Company.objects.order_by("external_id"):
        external[c.pk] = c.external_id
        companies.append(
            EngineCompany(
                id=c.external_id,
                name=c.name,
                hub=c.hub_id or hub_of_prefix.get((c.postal_code or "")[:2]),
                postal_code=c.postal_code or None,
                city=c.city or None,
                lat=c.lat if c.lon is not None else None,
                lon=c.lon if c.lat is not None else None,
                labels=tuple(sorted(labels.get(c.pk, ()))),
                verified=c.verified,
                description=c.description,
                keywords=tuple(c.keywords),
            )
        )
    capabilities = _m2m(Solution.capabilities.through, "solution_id", "capability_id")
    provides = _m2m(Solution.provides.through, "solution_id", "standard_id")
    consumes = _m2m(Solution.consumes.through, "solution_id", "standard_id")
    solutions = [
        EngineSolution(
            id=s.external_id,
            company_id=external[s.company_id],
            name=s.name,
            description=s.description,
            capabilities=tuple(sorted(capabilities.get(s.pk, ()))),
            provides=tuple(sorted(provides.get(s.pk, ()))),
            consumes=tuple(sorted(consumes.get(s.pk, ()))),
            deployment=tuple(s.deployment),
            price_eur_month=s.price_eur_month,
        )
        for s in Solution.objects.filter(company_id__in=external).order_by("external_id")
    ]
    known = set(external.values())
    cooperations = [
        EngineCooperation(company_a=a, company_b=b)
        for (a, b), count in sorted(cooperation_trust_pairs().items())
        if a in known and b in known and a != b
        for _ in range(count)
    ]
    return Catalog(build_taxonomy(), companies, solutions, cooperations)


def current_catalog() -> Catalog:
    """The catalog of the database as it is now; rebuilt only when the registry has changed."""
    signature = _signature()
    with _lock:
        if _cache.get("signature") == signature:
            return _cache["catalog"]  # type: ignore[return-value]
    catalog = build_catalog()
    with _lock:
        _cache.update(signature=signature, catalog=catalog)
    return catalog
