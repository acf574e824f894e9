"""Builds the engine's Catalog from the database: the one bridge between Django models and the engine.

The catalog is kept per process and replaced when the catalog's stamp changes (core.versions: one primary-key
read per request; every write to companies, solutions, the taxonomy, hubs or trusted cooperations gives it a
new stamp), so the web pages, the API and the CLI all match against the same, current data through the same
code. catalog_cache.py keeps it: one build at a time, snapshots on disk, rebuilds in the background.

Which companies trust each other (they cooperated) is known to the cooperation app, which sits above this one:
it registers a trust source here (`register_trust_source`, called from its AppConfig.ready), so that matching
imports nothing from it."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable

from itkoop.engine.catalog import Capability as EngineCapability
from itkoop.engine.catalog import Catalog, Taxonomy
from itkoop.engine.catalog import Company as EngineCompany
from itkoop.engine.catalog import Cooperation as EngineCooperation
from itkoop.engine.catalog import Solution as EngineSolution
from itkoop.engine.catalog import Standard as EngineStandard
from itkoop.engine.partner_store import PartnerCatalog
from itkoop.registry import selectors as registry
from itkoop.registry import services as registry_services

from .catalog_cache import CatalogCache

TrustSource = Callable[[], Iterable[tuple[str, str, int | None, str]]]
"""Returns the trusted cooperations between two companies: (a, b, year or None, title), external ids."""

_trust_sources: list[TrustSource] = []


def _engine_price(value: float | None) -> float | None:
    """A price the engine may add up: one beyond the bound of forms and files (stored before there was a
    bound) counts as not given, so a bundle's sum stays finite and printable."""
    if value is None or not 0 <= value <= registry_services.PRICE_EUR_MONTH_MAX:
        return None
    return value


def register_trust_source(source: TrustSource) -> None:
    """Adds a source of trust pairs to every catalog built from now on (registering one twice is harmless)."""
    if source not in _trust_sources:
        _trust_sources.append(source)


def trust_records() -> list[tuple[str, str, int | None, str]]:
    """The cooperations of every registered trust source."""
    return [record for source in _trust_sources for record in source()]


def trust_pairs() -> dict[tuple[str, str], int]:
    """Company pairs (in sorted order) -> how many trusted cooperations they had together."""
    return dict(Counter(tuple(sorted((a, b))) for a, b, _year, _title in trust_records()))


def freshness_signature() -> tuple:
    """The former freshness check, a fingerprint of every table the catalog is built from (11 queries and a
    scan of the cooperations): kept for bench/warm.py, which compares it with the stamp read of now."""
    return (*registry.catalog_signature(), tuple(sorted(trust_pairs().items())))


def build_taxonomy() -> Taxonomy:
    exchanges: dict[str, list[str]] = {}
    for source, target in registry.capability_exchanges():
        exchanges.setdefault(source, []).append(target)
    used_by: dict[str, list[str]] = {}
    for standard_id, capability_id in registry.standard_users():
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
        for c in registry.capabilities().order_by("id")
    ]
    standards = [
        EngineStandard(
            id=s.id,
            label=s.label,
            label_en=s.label_en,
            url=s.url or None,
            used_by=tuple(sorted(used_by.get(s.id, ()))),
        )
        for s in registry.standards().order_by("id")
    ]
    return Taxonomy(capabilities, standards)


def _m2m(pairs) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for owner, target in pairs:
        out.setdefault(owner, []).append(target)
    return out


def build_catalog() -> Catalog:
    # Labels nobody certifies hold for the company; certified ones for the product that holds them.
    labels = _m2m(registry.company_own_label_links())
    solution_labels = _m2m(registry.solution_label_links())
    # A company without a hub of its own belongs, for matching, to the hub whose region holds its postcode.
    prefixes = registry_services.hubs_by_prefix()
    companies = []
    external: dict[int, str] = {}
    for c in registry.companies().order_by("external_id"):
        external[c.pk] = c.external_id
        companies.append(
            EngineCompany(
                id=c.external_id,
                name=c.name,
                hub=c.hub_id or registry_services.hub_for_postal_code(c.postal_code, prefixes),
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
    capabilities = _m2m(registry.solution_capability_links())
    provides = _m2m(registry.solution_provides_links())
    consumes = _m2m(registry.solution_consumes_links())
    # One string per distinct text: the partners of a project each describe it with the same text, and a
    # snapshot pickles a shared string once (a tenth of the size on the development data).
    texts: dict[str, str] = {}
    solutions = [
        EngineSolution(
            id=s.external_id,
            company_id=external[s.company_id],
            name=texts.setdefault(s.name, s.name),
            description=texts.setdefault(s.description, s.description),
            capabilities=tuple(sorted(capabilities.get(s.pk, ()))),
            provides=tuple(sorted(provides.get(s.pk, ()))),
            consumes=tuple(sorted(consumes.get(s.pk, ()))),
            deployment=tuple(s.deployment),
            price_eur_month=_engine_price(s.price_eur_month),
            labels=tuple(sorted(solution_labels.get(s.pk, ()))),
        )
        for s in registry.solutions().filter(company_id__in=external).order_by("external_id")
    ]
    known = set(external.values())
    cooperations = [
        EngineCooperation(company_a=a, company_b=b, year=year, title=title or "")
        for a, b, year, title in sorted(trust_records(), key=lambda r: (r[0], r[1], r[2] or 0, r[3] or ""))
        if a in known and b in known and a != b
    ]
    return Catalog(build_taxonomy(), companies, solutions, cooperations)


def current_catalog() -> Catalog:
    """The catalog of the database as it is now (see CatalogCache): one primary-key read per call when it has
    not changed; when it has, this process's copy is replaced by one build (or a snapshot's load)."""
    return _catalogs.get()


def current_partner_data() -> Catalog | PartnerCatalog:
    """What partner ranking reads of the current catalog, for a process that ranks once and stops (`itkoop
    partners`): from the partner store on disk when it has the current stamp (see CatalogCache.partner_data),
    else the catalog itself."""
    return _catalogs.partner_data()


def catalog_builds() -> int:
    """How many catalogs this process has built from the database (snapshot loads not counted)."""
    return _catalogs.builds


def wait_for_catalog_rebuild(timeout: float | None = None) -> None:
    """Returns when no background rebuild of this process's catalog runs."""
    _catalogs.wait_for_rebuild(timeout)


def load_catalog_at_start() -> None:
    """Loads (or builds) the catalog before the web server starts its workers: under `itkoop serve` the WSGI
    module runs in gunicorn's master (--preload), so every worker forks with it (sharing its memory until
    they write to it) and no first request loads it. No thread is started here: a thread's lock held at the
    fork would be held forever in the worker. The connection is closed again, as workers must not share it."""
    from django.db import connections

    try:
        current_catalog()
    except Exception:
        logging.getLogger(__name__).exception("catalog could not be loaded at start; the first request will")
    finally:
        connections.close_all()


def forget_catalog() -> None:
    """Drops this process's copy (tests, benchmarks): the next call loads or builds it again."""
    _catalogs.forget()


_catalogs = CatalogCache(build_catalog)
