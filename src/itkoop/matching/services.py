"""Matching use cases: a need in words -> joint offers; a company -> complementary partners.

Web pages, the API and the `itkoop` command all call these functions; they validate the request, load the
current catalog through the adapter, run the engine and return its typed result (engine/results.py). The
result becomes the contract's JSON only at the edges (API, `itkoop --json`, stored or signed snapshots,
through engine/serialize.py); presenters.py turns its ids into names for people."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from itkoop.core.models import Hub
from itkoop.engine.catalog import CatalogError
from itkoop.engine.compose import compose_bundles
from itkoop.engine.need import need_from_text
from itkoop.engine.partners import rank_partners
from itkoop.engine.results import MatchResult, PartnerResult

from .adapter import current_catalog

MAX_TEXT = 2000
MAX_TOP = 50


class MatchRequestError(Exception):
    """A matching request we cannot serve as asked; the message tells the user what to change."""


def _lang() -> str:
    return "en" if (get_language() or "de").startswith("en") else "de"


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
    if hub and not Hub.objects.filter(slug=hub).exists():
        known = ", ".join(Hub.objects.order_by("slug").values_list("slug", flat=True))
        raise MatchRequestError(
            _("Unbekannter Stützpunkt '%(hub)s' (bekannt: %(known)s).") % {"hub": hub, "known": known}
        )


def hub_for_postal_code(postal_code: str) -> str | None:
    """The hub whose region holds a German postcode (by its two-digit prefix)."""
    prefix = (postal_code or "").strip()[:2]
    if len(prefix) < 2 or not prefix.isdigit():
        return None
    for hub in Hub.objects.all():
        if prefix in hub.postcode_prefixes:
            return hub.slug
    return None


def match_need(
    *,
    text: str,
    top_k: int = 5,
    hub: str | None = None,
    max_partners: int | None = None,
    labels: tuple[str, ...] = (),
    customer_company_id: str | None = None,
) -> MatchResult:
    """Joint offers for a need text: the engine's result, ids as in the catalog."""
    text = (text or "").strip()
    if not text:
        raise MatchRequestError(_("Bitte beschreiben Sie Ihren Bedarf in einigen Worten."))
    _check_length(text)
    _check_common(top_k, max_partners)
    _check_hub(hub)
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
        result = compose_bundles(need, catalog, top_k=top_k, lang=_lang(), analysis=analysis)
    except (CatalogError, ValueError) as exc:
        raise MatchRequestError(str(exc)) from exc
    return result


def rank_partners_for(*, company_id: str, need_text: str | None = None, top_k: int = 10) -> PartnerResult:
    """Complementary partners of a company, optionally for a need: the engine's ranking, catalog ids."""
    _check_common(top_k, None)
    if need_text is not None:
        _check_length(need_text)  # before any work: the partners page takes the text from the URL
    catalog = current_catalog()
    if company_id not in catalog.companies:
        raise MatchRequestError(_("Unbekanntes Unternehmen '%(id)s'.") % {"id": company_id})
    need = None
    if need_text is not None:
        if not need_text.strip():
            raise MatchRequestError(_("Der Bedarfstext ist leer."))
        need, _analysis = need_from_text(need_text, catalog)
    try:
        result = rank_partners(company_id, catalog, need=need, top_k=top_k, lang=_lang())
    except (CatalogError, ValueError) as exc:
        raise MatchRequestError(str(exc)) from exc
    return result
