"""Every URL of the site, derived from the URL patterns, with its parameters filled from the test world
(tests/world.py).

`routes()` walks the resolver (including the language-prefixed patterns); `PARAMS` says how each route's
parameters are filled. tests/core/test_url_inventory.py fails when a route has no row here or in the security
matrix (tests/security_matrix.py), so a new page cannot escape the checks:

    To add a page: give its route name a row in PARAMS below (a function of the world returning the URL's
    keyword arguments; `_none` when it has none), and a row in tests/security_matrix.py MATRIX saying who
    may GET it and POST its form. The browser check (tests/browser/test_every_page.py) then visits it for
    each role the matrix allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from itkoop.registry.models import Standard

from .world import World

# Not walked: Django's own admin (its permissions are Django's, the admin tests cover what the site adds).
SKIPPED_NAMESPACES = {"admin"}


@dataclass(frozen=True)
class Route:
    key: str  # the route name; DRF's ".json"-style twin of a route gets the suffix ".format"
    name: str
    pattern: str
    params: tuple[str, ...]
    localized: bool  # under i18n_patterns: /en/... in English


def _walk(patterns, prefix: str, namespace: str, localized: bool):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            is_locale = isinstance(entry.pattern, LocalePrefixPattern)
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner, localized or is_locale)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else str(entry.name)
            params = tuple(sorted(entry.pattern.regex.groupindex))
            key = f"{name}.format" if "format" in params else name
            yield Route(
                key=key, name=name, pattern=prefix + str(entry.pattern), params=params, localized=localized
            )


def routes() -> list[Route]:
    """Every route of the site but the skipped namespaces, sorted by key; keys are unique."""
    found = {}
    for route in _walk(get_resolver().url_patterns, "", "", False):
        assert route.key not in found, f"two routes share the key {route.key}"
        found[route.key] = route
    return [found[key] for key in sorted(found)]


def _none(w: World) -> dict:
    return {}


def _event(w: World) -> dict:
    return {"pk": w.event.pk}


def _company(company_attr: str) -> Callable[[World], dict]:
    return lambda w: {"external_id": getattr(w, company_attr).external_id}


def _pk(attr: str) -> Callable[[World], dict]:
    return lambda w: {"pk": getattr(w, attr).pk}


# How each route's parameters come from the world: A's objects throughout, so that the matrix can say that B,
# the staff of another hub and anonymous visitors are kept out.
PARAMS: dict[str, Callable[[World], dict]] = {
    "set_language": _none,
    "favicon": _none,
    # api
    "api:company-detail": _company("company_a"),
    "api:company-list": _none,
    "api:capability-detail": lambda w: {"pk": "erp"},
    "api:capability-list": _none,
    "api:event-detail": _event,
    "api:event-ics": _event,
    "api:event-list": _none,
    "api:not_found": lambda w: {"path": "gibt-es-nicht/"},
    "api:profile-detail": _pk("profile_pending"),
    "api:profile-list": _none,
    "api:schema": _none,
    "api:standard-detail": lambda w: {"pk": Standard.objects.order_by("pk").values_list("pk", flat=True)[0]},
    "api:standard-list": _none,
    "api_pages:docs": _none,
    "api:match": _none,
    "api:partners": _company("company_a"),
    "api:solution-detail": lambda w: {"external_id": w.solution_a.external_id},
    "api:solution-list": _none,
    # allauth (under konto/)
    "account_login": _none,
    "account_logout": _none,
    "account_inactive": _none,
    "account_signup": _none,
    "account_reauthenticate": _none,
    "account_request_reauthentication_code": _none,
    "account_confirm_reauthentication_code": _none,
    "account_email": _none,
    "account_email_verification_sent": _none,
    "account_change_password": _none,
    "account_set_password": _none,
    "account_reset_password": _none,
    "account_confirm_login_code": _none,
    "account_confirm_email": lambda w: {"key": "no-such-key"},
    "account_reset_password_from_key_done": _none,
    "account_reset_password_from_key": lambda w: {"uidb36": "0", "key": "no-such-key"},
    "account_reset_password_done": _none,
    # the platform
    "accounts:account_delete": _none,
    "accounts:company_create": _none,
    "accounts:data_download": _none,
    "accounts:api_tokens": _none,
    "accounts:api_token_revoke": lambda w: {"pk": w.api_token_id},
    "claims:decide": _pk("claim"),
    "claims:link": lambda w: {"token": w.claim_token},
    "claims:review": _none,
    "claims:start": _company("company_u"),
    "labels:application": _pk("label_application"),
    "labels:application_edit": _pk("label_application_changes"),
    "labels:applications": _none,
    "labels:apply": lambda w: {"external_id": w.solution_a.external_id, "scheme": "software-made-in-germany"},
    "labels:badge": lambda w: {"code": w.label_certificate.code},
    "labels:decide": _pk("label_application"),
    "labels:evidence": _pk("label_evidence"),
    "labels:register": _none,
    "labels:review": _none,
    "labels:verify": lambda w: {"code": w.label_certificate.code},
    "conversations:company_contact": _company("company_c"),
    "conversations:detail": lambda w: {"pk": w.conversation_id},
    "conversations:for_cooperation": _pk("cooperation"),
    "conversations:for_interest": _pk("interest"),
    "conversations:for_meeting_request": _pk("meeting_request"),
    "conversations:hub_team_add": lambda w: {"pk": w.conversation_id},
    "conversations:list": _none,
    "cooperation:bundle_invite": _none,
    "cooperation:code_of_conduct": _none,
    "cooperation:contract": _pk("cooperation"),
    "cooperation:contract_template_edit": _pk("template"),
    "cooperation:contract_templates": _none,
    "cooperation:detail": _pk("cooperation"),
    "cooperation:interest_answer": _pk("interest_pending"),
    "cooperation:interest_submit": _pk("profile_published"),
    "cooperation:invite": _none,
    "cooperation:list": _none,
    "cooperation:market": _none,
    "cooperation:network": _none,
    "cooperation:profile": _pk("profile_pending"),
    "cooperation:profile_create": _none,
    "cooperation:profile_edit": _pk("profile_pending"),
    "cooperation:profile_moderate": _pk("profile_pending"),
    "cooperation:profile_renew": _pk("profile_published"),
    "cooperation:respond": _pk("participant_a"),
    "cooperation:result": _pk("cooperation"),
    "cooperation:withdraw": _pk("cooperation_invited"),
    "dashboard:index": _none,
    "documents:create": lambda w: {"kind": "cooperation.contract"},
    "documents:download": _pk("document"),
    "documents:status": _pk("document"),
    "documents:status_json": _pk("document"),
    "events:agenda": _event,
    "events:agenda_ics": _event,
    "events:attendance": _event,
    "events:cancel": _event,
    "events:checkin": _event,
    "events:checkin_code": _event,
    "events:checkin_toggle": lambda w: {"pk": w.event.pk, "registration_pk": w.registration_a.pk},
    "events:create": _none,
    "events:detail": _event,
    "events:edit": _event,
    "events:feed": lambda w: {"token": w.calendar_token},
    "events:ics": _event,
    "events:list": _none,
    "events:meeting_lock": lambda w: {"pk": w.event.pk, "request_pk": w.meeting_request.pk},
    "events:meeting_move": lambda w: {"pk": w.event.pk, "request_pk": w.meeting_request.pk},
    "events:meeting_settings": _event,
    "events:mine": _none,
    "events:no_show": lambda w: {"pk": w.event.pk, "registration_pk": w.registration_a.pk},
    "events:organiser_export": lambda w: {"pk": w.event.pk, "export": "plan-je-tisch", "file_format": "xlsx"},
    "events:mailing": _event,
    "events:mailing_send": _event,
    "events:participants": _event,
    "events:profile": _event,
    "events:register": _event,
    "events:renew_feed": _none,
    "events:request_answer": lambda w: {"pk": w.event.pk, "request_pk": w.request_to_a.pk},
    "events:request_create": lambda w: {"pk": w.event.pk, "user_pk": w.unasked_participant.pk},
    "events:request_withdraw": lambda w: {"pk": w.event.pk, "request_pk": w.request_from_a.pk},
    "events:requests": _event,
    "events:ratings": _event,
    "events:rate": lambda w: {"pk": w.event.pk, "request_pk": w.meeting_request.pk},
    "events:outcome": lambda w: {"pk": w.event.pk, "request_pk": w.meeting_request.pk},
    "events:schedule": _event,
    "events:schedule_build": _event,
    "events:schedule_status": _event,
    "knowledge:article": lambda w: {"slug": w.article.slug},
    "knowledge:article_create": _none,
    "knowledge:article_edit": lambda w: {"slug": w.article.slug},
    "knowledge:list": _none,
    "knowledge:selfcheck": _none,
    "knowledge:selfcheck_history": _company("company_a"),
    "knowledge:selfcheck_result": _none,
    "knowledge:selfcheck_saved": _pk("selfcheck"),
    "legal:audit_log": _none,
    "legal:edit": lambda w: {"kind": "impressum"},
    "legal:impressum": _none,
    "legal:privacy": _none,
    "matching:need": _none,
    "matching:partners": _company("company_a"),
    "notifications:inbox": _none,
    "notifications:mark_all_read": _none,
    "notifications:open": _pk("notification"),
    "notifications:preferences": _none,
    "registry:company": _company("company_a"),
    "registry:company_edit": _company("company_a"),
    "registry:company_verify": _company("company_a"),
    "registry:home": _none,
    "registry:catalog_import": _none,
    "registry:catalog_template": _none,
    "registry:search": _none,
    "registry:solution": lambda w: {"external_id": w.solution_a.external_id},
    "registry:solution_create": _company("company_a"),
    "registry:solution_delete": lambda w: {"external_id": w.solution_a.external_id},
    "registry:solution_edit": lambda w: {"external_id": w.solution_a.external_id},
    "reporting:figures": _none,
}


def url_of(route: Route, world: World, language: str = "de") -> str:
    """The route's address for the world's objects, in the given language (German has no prefix)."""
    with translation.override(language):
        url = reverse(route.name, kwargs=PARAMS[route.key](world))
    if route.key.endswith(
        ".format"
    ):  # DRF's twin: the same address with ".json" (the format param is left out)
        url = url + ".json" if route.pattern.endswith(">") else url.rstrip("/") + ".json"
    return url
