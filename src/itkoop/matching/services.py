"""Matching use cases: a need in words -> joint offers; a company -> complementary partners.

Web pages, the API and the `itkoop` command all call these functions; they validate the request, load the
current catalog through the adapter, run the engine and return its typed result (engine/results.py). The
result becomes the contract's JSON only at the edges (API, `itkoop --json`, stored or signed snapshots,
through engine/serialize.py); presenters.py turns its ids into names for people."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from itkoop.core import selectors as core_selectors
from itkoop.core.i18n import page_language
from itkoop.engine.catalog import Capability, CatalogError
from itkoop.engine.correct import MAX_REQUIRED_STANDARDS, corrected_need
from itkoop.engine.deployment import DEPLOYMENTS
from itkoop.engine.explain import explain_bundle
from itkoop.engine.need import MAX_NEED_CAPABILITIES, need_from_text
from itkoop.engine.partners import rank_partners
from itkoop.engine.results import Bundle, MatchResult, PartnerResult
from itkoop.engine.serialize import bundle_to_dict
from itkoop.engine.text import use_lemma_store as use_engine_lemma_store
from itkoop.registry import services as registry_services

from . import adapter
from .adapter import (
    TrustSource,
    current_catalog,
    load_catalog_at_start,  # noqa: F401 - the WSGI module calls it before the workers start
)

INVITE_SALT = "itkoop.matching.invite"
INVITE_MAX_AGE = 7 * 24 * 3600
MAX_TEXT = 2000
MAX_TOP = 50
MAX_REMOVED = 50  # capabilities removed from a need's understanding (a text names at most a few dozen)
MAX_ID_LENGTH = 100  # a taxonomy id (capability or standard)


class MatchRequestError(Exception):
    """A matching request we cannot serve as asked; the message tells the user what to change."""


class CorrectionError(MatchRequestError):
    """The customer's corrections of a need cannot be applied as asked (too many capabilities, unknown
    ids); the need without them can still be matched."""


def use_lemma_store() -> None:
    """For a process that matches once and stops (the `itkoop` command): the need analysis looks lemmas up in
    a store on disk beside the catalog snapshots (ITKOOP_CATALOG_CACHE_DIR) instead of decoding simplemma's
    dictionaries at start; nothing changes without that directory."""
    if settings.ITKOOP_CATALOG_CACHE_DIR:
        try:
            use_engine_lemma_store(settings.ITKOOP_CATALOG_CACHE_DIR)
        except (OSError, sqlite3.Error):  # a directory that cannot be written: simplemma's own dictionaries
            logging.getLogger(__name__).warning(
                "lemma store in %s cannot be used", settings.ITKOOP_CATALOG_CACHE_DIR, exc_info=True
            )


_partners_from_store = False


def use_partner_store() -> None:
    """For a process that ranks partners once and stops (the `itkoop partners` command): the ranking reads the
    partner store on disk (catalog_cache.PartnerStore: the same data, a fraction of the catalog snapshot's
    loading time) instead of the whole catalog; nothing changes without ITKOOP_CATALOG_CACHE_DIR."""
    global _partners_from_store
    _partners_from_store = True


def register_trust_source(source: TrustSource) -> None:
    """The port through which an app above matching (cooperation) tells it which companies cooperated: the
    partner ranking prefers them. Call it from the app's AppConfig.ready()."""
    adapter.register_trust_source(source)


def bundle_invite_token(
    *, user_id: int, companies: list[str], need_text: str, rank: int, bundle: dict[str, Any]
) -> str:
    """A signed token for inviting a joint offer's providers: the invitation page trusts what it carries.
    It is bound to the user it was shown to; the cooperation service uses each token once
    (`bundle_invite_digest`)."""
    payload = {"user": user_id, "companies": companies, "text": need_text, "rank": rank, "bundle": bundle}
    return signing.dumps(payload, salt=INVITE_SALT, compress=True)


def bundle_invite_payload(token: str, *, user_id: int) -> dict[str, Any] | None:
    """What `bundle_invite_token` signed for this user, or None when the token is forged, older than a week
    or made for someone else."""
    try:
        payload = signing.loads(token, salt=INVITE_SALT, max_age=INVITE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("user") != user_id:
        return None
    return payload


def bundle_invite_digest(token: str) -> str:
    """The fingerprint a cooperation keeps of the token that created it (the token itself is not stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _check_common(top_k: int, max_partners: int | None) -> None:
    if not 1 <= top_k <= MAX_TOP:
        raise MatchRequestError(
            _("Die Zahl der Vorschläge muss zwischen 1 und %(max)d liegen.") % {"max": MAX_TOP}
        )
    if max_partners is not None and max_partners < 1:
        raise MatchRequestError(_("Die Höchstzahl der Partner muss mindestens 1 sein."))


def _check_length(text: str) -> None:
    if len(text) > MAX_TEXT:
        raise MatchRequestError(
            _("Bitte fassen Sie den Bedarf kürzer (höchstens %(max)d Zeichen).") % {"max": MAX_TEXT}
        )


def _check_hub(hub: str | None) -> None:
    if hub and not core_selectors.hubs().filter(slug=hub).exists():
        known = ", ".join(core_selectors.hubs().order_by("slug").values_list("slug", flat=True))
        raise MatchRequestError(
            _("Unbekannter Stützpunkt '%(hub)s' (bekannt: %(known)s).") % {"hub": hub, "known": known}
        )


def hub_for_postal_code(postal_code: str) -> str | None:
    """The hub whose region holds a German postcode (by its two-digit prefix): the registry's rule."""
    return registry_services.hub_for_postal_code(postal_code)


def capabilities_in_text(*, text: str) -> list[str]:
    """The catalog capabilities the need analysis reads in a text, most certain first; none for an empty or
    overlong text. A function of the text alone: pages that must not reveal who wrote it rank with this."""
    text = (text or "").strip()[:MAX_TEXT]
    if not text:
        return []
    try:
        need, _analysis = need_from_text(text, current_catalog())
    except (CatalogError, ValueError):
        return []
    return list(need.capabilities)


def _group_ids(caps: Iterable[Capability]) -> set[str]:
    """The taxonomy's groups: capabilities other capabilities name as their parent."""
    return {c.parent for c in caps if c.parent}


def capability_options() -> list[tuple[str, str, str]]:
    """(id, German label, English label) of every capability a need can name, by German label: the choice
    of the "add a capability" field. Groups of the taxonomy ("Handel und E-Commerce") are left out: no
    solution covers a group, so one added would stay open in every offer."""
    caps = current_catalog().taxonomy.capabilities.values()
    groups = _group_ids(caps)
    return sorted(
        ((c.id, c.label_de, c.label_en or c.label_de) for c in caps if c.id not in groups),
        key=lambda o: o[1].lower(),
    )


def capability_for_words(typed: str) -> str | None:
    """The capability a customer typed into the "add" field: an id, a German or English label (any case), or
    words the need analysis reads as exactly one capability ("Webshop", "Dienstplanung"); None for a
    group's label (see capability_options) or words that name none or several."""
    folded = " ".join(typed.split()).casefold()
    if not folded:
        return None
    caps = current_catalog().taxonomy.capabilities.values()
    groups = _group_ids(caps)
    for c in caps:
        if folded in (c.id.casefold(), c.label_de.casefold(), (c.label_en or "").casefold()):
            return None if c.id in groups else c.id
    understood = capabilities_in_text(text=typed)
    return understood[0] if len(understood) == 1 else None


def standard_ids() -> frozenset[str]:
    """The ids of every standard a need can make a must."""
    return frozenset(current_catalog().taxonomy.standards)


def must_standard_options(result: MatchResult, must=()) -> list[tuple[str, str]]:
    """(id, label in the active language) of the standards worth offering as a must for this result, by label:
    those the text names, those already a must, and those the taxonomy says the need's capabilities use."""
    standards = current_catalog().taxonomy.standards
    caps = set(result.need.capabilities)
    named = set(result.analysis.standards) if result.analysis is not None else set()
    chosen = named | set(must) | {s.id for s in standards.values() if caps & set(s.used_by)}
    labels = [(s, standards[s].label_in(page_language())) for s in chosen if s in standards]
    return sorted(labels, key=lambda o: o[1].lower())


def _check_corrections(add: tuple[str, ...], remove: tuple[str, ...], must: tuple[str, ...]) -> None:
    """Lengths and ids of a need's corrections, with a message for the person before any work."""
    if len(add) > MAX_NEED_CAPABILITIES:
        raise CorrectionError(
            _("Sie können höchstens %(max)d Bausteine hinzufügen.") % {"max": MAX_NEED_CAPABILITIES}
        )
    if len(remove) > MAX_REMOVED:
        raise CorrectionError(_("Sie können höchstens %(max)d Bausteine entfernen.") % {"max": MAX_REMOVED})
    if len(must) > MAX_REQUIRED_STANDARDS:
        raise CorrectionError(
            _("Höchstens %(max)d Schnittstellen können Pflicht sein.") % {"max": MAX_REQUIRED_STANDARDS}
        )
    taxonomy = current_catalog().taxonomy
    for cap in (*add, *remove):
        if len(cap) > MAX_ID_LENGTH or cap not in taxonomy.capabilities:
            raise CorrectionError(_("Unbekannter Baustein „%(id)s“.") % {"id": cap[:MAX_ID_LENGTH]})
    for std in must:
        if len(std) > MAX_ID_LENGTH or std not in taxonomy.standards:
            raise CorrectionError(_("Unbekannte Schnittstelle „%(id)s“.") % {"id": std[:MAX_ID_LENGTH]})
    both = [c for c in add if c in remove]
    if both:
        raise CorrectionError(
            _("Der Baustein „%(id)s“ kann nicht zugleich hinzugefügt und entfernt werden.") % {"id": both[0]}
        )


#: How the customer may want every solution run (match_need's ``deployment``): "" as the text says,
#: "any" whatever the text says, or one of the engine's deployments.
ANY_DEPLOYMENT = "any"
DEPLOYMENT_OPTIONS = (ANY_DEPLOYMENT, *DEPLOYMENTS)
DEPLOYMENT_CHOICES = ("", *DEPLOYMENT_OPTIONS)
#: Told for any other value, which is not repeated (it may be long).
DEPLOYMENT_INVALID = gettext_lazy(
    "Bitte wählen Sie beim Betrieb der Lösungen „any“ (egal), „on-premise“ (vor Ort) oder „cloud“."
)


def match_need(
    *,
    text: str,
    top_k: int = 5,
    hub: str | None = None,
    postal_code: str = "",
    max_partners: int | None = None,
    labels: tuple[str, ...] = (),
    customer_company_id: str | None = None,
    add_capabilities: tuple[str, ...] = (),
    remove_capabilities: tuple[str, ...] = (),
    must_standards: tuple[str, ...] = (),
    deployment: str = "",
) -> MatchResult:
    """Joint offers for a need text: the engine's result, ids as in the catalog.

    A hub chosen explicitly wins; otherwise the customer's postcode decides the hub (none if it is outside
    every hub's region). The customer's corrections (engine/correct.py): capabilities added to and removed
    from what the text names, standards every offer must speak; CorrectionError when they cannot be
    applied (then nothing is matched). ``deployment``: how every solution must run, "on-premise" or
    "cloud"; "any" sets aside what the text says ("keine Cloud"), "" keeps it (engine/deployment.py)."""
    # imported here: the composer (and its search and baseline) is of no use to `itkoop partners`
    from itkoop.engine.compose import compose_bundles

    text = (text or "").strip()
    if not text:
        raise MatchRequestError(_("Bitte beschreiben Sie Ihren Bedarf in einigen Worten."))
    _check_length(text)
    _check_common(top_k, max_partners)
    _check_hub(hub)
    add, remove, must = (
        tuple(dict.fromkeys(ids)) for ids in (add_capabilities, remove_capabilities, must_standards)
    )
    _check_corrections(add, remove, must)
    if deployment not in DEPLOYMENT_CHOICES:
        raise MatchRequestError(str(DEPLOYMENT_INVALID))
    if not hub and postal_code:
        hub = hub_for_postal_code(postal_code)
    catalog = current_catalog()
    if customer_company_id and customer_company_id not in catalog.companies:
        customer_company_id = None
    try:
        need, analysis = need_from_text(
            text,
            catalog,
            hub=hub or None,
            max_partners=max_partners,
            labels=tuple(labels),
            customer_company_id=customer_company_id,
        )
        if add or remove or must:
            kept = [c for c in need.capabilities if c not in remove and c not in add]
            if add and len(kept) + len(add) > MAX_NEED_CAPABILITIES:
                raise CorrectionError(
                    _(
                        "Ein Bedarf umfasst höchstens %(max)d Bausteine. Bitte entfernen Sie zuerst einen "
                        "anderen, bevor Sie einen hinzufügen."
                    )
                    % {"max": MAX_NEED_CAPABILITIES}
                )
            need = corrected_need(need, analysis, catalog, add=add, remove=remove, must_standards=must)
        if deployment:
            need = replace(need, deployment=None if deployment == ANY_DEPLOYMENT else deployment)
        result = compose_bundles(
            need, catalog, top_k=top_k, lang=page_language(), analysis=analysis, budget_s=match_budget_s()
        )
    except (CatalogError, ValueError) as exc:
        raise MatchRequestError(str(exc)) from exc
    return result


def match_budget_s() -> float | None:
    """Seconds a composition may search (ITKOOP_MATCH_BUDGET_S); None when it is 0 (search until proven)."""
    budget = float(getattr(settings, "ITKOOP_MATCH_BUDGET_S", 0) or 0)
    return budget if budget > 0 else None


def bundle_snapshot(result: MatchResult, bundle: Bundle) -> dict[str, Any]:
    """A joint offer as stored with the cooperation it starts: the engine's shape plus its explanation in
    each language of the site, so every reader later sees it in their own (the engine explains in one)."""
    snapshot = bundle_to_dict(bundle)
    catalog = current_catalog()
    # With how it connects to the customer's existing systems; without why it ranked below another offer:
    # the cooperation shows this one bundle, not the list it was ranked in.
    existing = tuple(h.id for h in result.analysis.existing) if result.analysis is not None else ()
    left_out = result.analysis.beyond_limit if result.analysis is not None else ()
    snapshot["explanations"] = {
        lang: explain_bundle(bundle, catalog, result.need, lang, existing=existing, left_out=left_out)
        for lang in ("de", "en")
    }
    return snapshot


MAX_KM = 2000


def rank_partners_for(
    *, company_id: str, need_text: str | None = None, top_k: int = 10, max_km: int | None = None
) -> PartnerResult:
    """Likely partners of a company, optionally for a need and within ``max_km`` of it: the engine's
    ranking, catalog ids."""
    _check_common(top_k, None)
    if max_km is not None and not 1 <= max_km <= MAX_KM:
        raise MatchRequestError(_("Der Umkreis muss zwischen 1 und %(max)d km liegen.") % {"max": MAX_KM})
    if need_text is not None:
        _check_length(need_text)  # before any work: the partners page takes the text from the URL
    catalog = adapter.current_partner_data() if _partners_from_store else current_catalog()
    if company_id not in catalog.companies:
        raise MatchRequestError(_("Unbekanntes Unternehmen '%(id)s'.") % {"id": company_id})
    if max_km is not None and catalog.companies[company_id].lat is None:
        # Without a location every distance is unknown: an empty list would read as "nobody fits".
        raise MatchRequestError(
            _(
                "Für dieses Unternehmen ist kein Standort hinterlegt. Suchen Sie ohne Umkreis oder "
                "ergänzen Sie die Anschrift im Profil."
            )
        )
    need = None
    if need_text is not None:
        if not need_text.strip():
            raise MatchRequestError(_("Der Bedarfstext ist leer."))
        need, _analysis = need_from_text(need_text, catalog.taxonomy)
    try:
        result = rank_partners(
            company_id, catalog, need=need, top_k=top_k, lang=page_language(), max_km=max_km
        )
    except (CatalogError, ValueError) as exc:
        raise MatchRequestError(str(exc)) from exc
    return result


def offer_document_params(*, data: Mapping[str, Any], customer_company_id: str | None) -> dict[str, Any]:
    """The parameters of a joint offer's PDF from the need form's values and the rank; MatchRequestError with
    a message for the person if they are not valid."""
    from .offer_pdf import offer_params

    return offer_params(data, customer_company_id=customer_company_id)


def offer_document_render(params: Mapping[str, Any]) -> tuple[str, bytes]:
    """(file name, PDF) of a joint offer, rendered in the active language (slow: WeasyPrint). The document
    service's task calls it; MatchRequestError if the need no longer yields the offer."""
    from .offer_pdf import render_offer

    return render_offer(params)
