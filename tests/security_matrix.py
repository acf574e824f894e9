"""Who may do what: for every route of the site (tests/url_inventory.py), the expected answer to a GET and to
its form's POST for each role of the test world (tests/world.py). tests/core/test_security_matrix.py walks it.

Roles, in this order in every row:
    anonymous   not logged in
    a           member of company A, which owns every object the URLs name (A's cooperation, profile, ...)
    b           member of company B (same hub, no part in A's objects)
    staff_k     hub staff of Kassel, the hub of A and B
    staff_x     hub staff of Aachen, another hub
    admin       center admin

Answers:
    ok    allowed: 2xx, or a redirect that is not to the login page; for a POST, the database changed
    no    (POST only) answered like an allowed one, but the form or a business rule refused: nothing changed
          (e.g. B posting A's company into a form that offers B's only)
    in    redirected to the login page
    403   refused for the role (the page names the role it needs)
    404   hidden: private objects do not exist for those who may not see them
    405   method not allowed
A POST whose answer is not `ok` must change nothing in the database; no GET may change anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from itkoop.accounts.models import User
from itkoop.cooperation import services as cooperation_services
from itkoop.events import mailings
from itkoop.matching import services as matching_services

from .knowledge.helpers import answers
from .world import World

PUBLIC = "ok ok ok ok ok ok"
LOGGED_IN = "in ok ok ok ok ok"
ONLY_A = "in ok 404 404 404 404"  # A's private object: no one else (not even staff) sees it
ONLY_ADMIN = "in 403 403 403 403 ok"
NOT_GET = "in 405 405 405 405 405"  # a POST-only action behind the login
OWN_HUB_STAFF = "in 403 403 ok 403 ok"  # managing the event of the Kassel hub
# Check-in at the Kassel meeting day and deciding a claim of a Kassel company: the hub's staff and center
# admins; to everyone else it does not exist (events/views_checkin.py, claims.permissions.can_decide).
HUB_STAFF_ONLY = "in 404 404 ok 404 ok"
PARTICIPANT = "in ok 403 403 403 403"
# A label application and its evidence: A's company and the center admins who review it; nobody else.
LABEL_APPLICATION = "in ok 404 404 404 ok"  # the meeting day's pages for its participants (A takes part)


def _empty(w: World) -> dict:
    return {}


@dataclass(frozen=True)
class Row:
    get: str
    post: str | None = None  # None: no form posts here (the POST is not tried)
    data: Callable[[World], dict] = field(default=_empty)
    # Added to the GET address, e.g. the choices a preview needs; {language}: the page's, {w}: the world.
    query: str = ""
    # Fields signed for the person who asks (a form's nonce, the need page's invitation token): added to the
    # GET address and to the POST data of each role that is logged in, so the row tests who may, not whose
    # signature it is.
    signed: Callable[[World, User], dict] | None = None


def query_of(row: Row, world: World, language: str, role: str) -> str:
    query = row.query.format(language=language, w=world)
    user = world.users[role]
    if row.signed is None or user is None:
        return query
    return query + ("&" if query else "?") + urlencode(row.signed(world, user))


def data_of(row: Row, world: World, role: str) -> dict:
    user = world.users[role]
    signed = row.signed(world, user) if row.signed is not None and user is not None else {}
    return {**row.data(world), **signed}


def _mailing(w: World) -> dict:
    """A mailing to the people with meetings at the Kassel meeting day (A and C)."""
    return {"segment": "with_meetings", "subject_de": "Hinweis", "body_de": "Bitte pünktlich sein."}


def _mailing_nonce(w: World, user: User) -> dict:
    return {"nonce": mailings.form_nonce(actor=user, event=w.event)}


def _invitation_token(w: World, user: User) -> dict:
    """The need page's token for inviting C's offer, made for this person."""
    bundle = {
        "rank": 1,
        "score": 0.8,
        "companies": [w.company_c.external_id],
        "solutions": [{"id": w.solution_c.external_id, "company": w.company_c.external_id, "covers": []}],
        "links": [],
        "uncovered": [],
        "explanation": "",
    }
    token = matching_services.bundle_invite_token(
        user_id=user.pk, companies=[w.company_c.external_id], need_text="Onlineshop", rank=1, bundle=bundle
    )
    return {"token": token}


def _label_form(version) -> dict:
    """The application form confirming every criterion of the version, with an explanation."""
    data = {}
    for criterion in version.criteria.all():
        data[f"confirm_{criterion.pk}"] = "on"
        data[f"explain_{criterion.pk}"] = "Seit 1998 in Kassel."
    return data


def _selfcheck(w: World) -> dict:
    return {**{key: str(value) for key, value in answers().items()}, "company": w.company_a.pk}


MATRIX: dict[str, Row] = {
    "set_language": Row(get=PUBLIC, post="no no no no no no", data=lambda w: {"language": "en", "next": "/"}),
    "favicon": Row(get=PUBLIC),
    # --- the API: read-only for everyone, match for everyone (it has no form; a POST of JSON)
    "api:company-detail": Row(get=PUBLIC),
    "api:company-list": Row(get=PUBLIC),
    "api:capability-detail": Row(get=PUBLIC),
    "api:capability-list": Row(get=PUBLIC),
    "api:event-detail": Row(get=PUBLIC),
    "api:event-ics": Row(get=PUBLIC),
    "api:event-list": Row(get=PUBLIC),
    "api:not_found": Row(get="404 404 404 404 404 404"),
    # A profile waiting for moderation: its author and the moderators (as on cooperation:profile).
    "api:profile-detail": Row(get="404 ok 404 ok 404 ok"),
    "api:profile-list": Row(get=PUBLIC),
    "api:schema": Row(get=PUBLIC),
    "api:standard-detail": Row(get=PUBLIC),
    "api:standard-list": Row(get=PUBLIC),
    "api_pages:docs": Row(get=PUBLIC),
    "api:match": Row(get="405 405 405 405 405 405"),
    "api:partners": Row(get=PUBLIC),
    "api:solution-detail": Row(get=PUBLIC),
    "api:solution-list": Row(get=PUBLIC),
    "account_login": Row(
        get=PUBLIC, post="no no no no no no", data=lambda w: {"login": "x@example.org", "password": "nope"}
    ),
    "account_logout": Row(get=PUBLIC, post="no no no no no no"),
    "account_inactive": Row(get=PUBLIC),
    "account_signup": Row(get=PUBLIC, post="no no no no no no"),
    "account_reauthenticate": Row(get=LOGGED_IN, post="in no no no no no"),
    "account_request_reauthentication_code": Row(get=LOGGED_IN),
    "account_confirm_reauthentication_code": Row(get=LOGGED_IN),
    "account_email": Row(get=LOGGED_IN, post="in no no no no no"),
    "account_email_verification_sent": Row(get=PUBLIC),
    "account_change_password": Row(get=LOGGED_IN, post="in no no no no no"),
    "account_set_password": Row(get=LOGGED_IN),
    "account_reset_password": Row(
        get=PUBLIC, post="no no no no no no", data=lambda w: {"email": "x@example.org"}
    ),
    "account_confirm_login_code": Row(get=LOGGED_IN),
    "account_confirm_email": Row(get=PUBLIC),
    "account_reset_password_from_key_done": Row(get=PUBLIC),
    "account_reset_password_from_key": Row(get=PUBLIC),
    "account_reset_password_done": Row(get=PUBLIC),
    "accounts:account_delete": Row(
        get=LOGGED_IN, post=LOGGED_IN, data=lambda w: {"password": "a-long-test-password", "confirm": "on"}
    ),
    "accounts:company_create": Row(
        get=LOGGED_IN,
        post="in no no no no no",
        data=lambda w: {"name": "Neue Firma GmbH", "postal_code": "34117", "city": "Kassel"},
    ),
    "accounts:data_download": Row(get=LOGGED_IN),
    # API keys: for members, hub staff and center admins (accounts.services.api_token_create); a key is
    # revoked only by its owner, anyone else finds none.
    "accounts:api_tokens": Row(get=LOGGED_IN, post="in ok ok ok ok ok", data=lambda w: {"name": "Skript"}),
    "accounts:api_token_revoke": Row(get=NOT_GET, post=ONLY_A),
    # --- claims: the link works for anyone who has it (claiming needs an account, staff claim nothing);
    # deciding only for the staff of the company's hub (claims/permissions.py)
    "claims:decide": Row(get=NOT_GET, post=HUB_STAFF_ONLY, data=lambda w: {"approve": "1"}),
    "claims:link": Row(get=PUBLIC, post="in ok ok no no no", data=lambda w: {"note": "Inhaberin"}),
    "claims:review": Row(get="in 403 403 ok ok ok"),
    "claims:start": Row(get=LOGGED_IN, post="in ok ok no no no", data=lambda w: {"note": "Inhaberin"}),
    # --- labels: the register, verification and badge are public; applications are the company's (A) and
    # the center admins' (labels/permissions.py), hub staff and other companies find none; only center
    # admins decide (A sees the application, may not decide: 403); A renews its granted label.
    "labels:application": Row(get=LABEL_APPLICATION),
    "labels:application_edit": Row(
        get="in ok 404 404 404 403",
        post="in ok 404 404 404 403",
        data=lambda w: _label_form(w.label_application_changes.version),
    ),
    "labels:applications": Row(get=LOGGED_IN),
    "labels:apply": Row(
        get="in ok 404 404 404 404",
        post="in ok 404 404 404 404",
        data=lambda w: _label_form(w.label_certificate.application.version),
    ),
    "labels:badge": Row(get=PUBLIC),
    "labels:decide": Row(get=NOT_GET, post="in 403 404 404 404 ok", data=lambda w: {"decision": "approve"}),
    "labels:evidence": Row(get=LABEL_APPLICATION),
    "labels:register": Row(get=PUBLIC),
    "labels:review": Row(get=ONLY_ADMIN),
    "labels:verify": Row(get=PUBLIC),
    "conversations:company_contact": Row(
        get=LOGGED_IN, post=LOGGED_IN, data=lambda w: {"subject": "Anfrage", "body": "Guten Tag"}
    ),
    "conversations:detail": Row(get=ONLY_A, post=ONLY_A, data=lambda w: {"body": "Antwort"}),
    "conversations:for_cooperation": Row(get=ONLY_A, post="in no 404 404 404 404"),
    # accepting the interest opened its conversation: A's POST finds it, nothing new
    "conversations:for_interest": Row(get=ONLY_A, post="in no 404 404 404 404"),
    "conversations:for_meeting_request": Row(get=ONLY_A, post=ONLY_A),
    "conversations:hub_team_add": Row(get=NOT_GET, post=ONLY_A),
    "conversations:list": Row(get=LOGGED_IN),
    # the review of the invitation from the need page: whoever has a company invites with it (A and B);
    # staff have none and are sent to create one (cooperation.services.offer_companies)
    "cooperation:bundle_invite": Row(
        get=LOGGED_IN,
        post="in ok ok no no no",
        data=lambda w: {"title": "Shop", "accept_code_of_conduct": "on"},
        signed=_invitation_token,
    ),
    "cooperation:code_of_conduct": Row(get=PUBLIC),
    "cooperation:contract": Row(get="in ok 404 ok 404 ok", query="?kind=nda&language={language}"),
    "cooperation:contract_template_edit": Row(
        get=ONLY_ADMIN,
        post=ONLY_ADMIN,
        data=lambda w: {"title": "Vorlage", "body": "Text {{ cooperation }}", "action": "save"},
    ),
    "cooperation:contract_templates": Row(get=ONLY_ADMIN),
    "cooperation:detail": Row(get="in ok 404 ok 404 ok"),
    "cooperation:interest_answer": Row(
        get=NOT_GET, post="in ok 404 403 404 403", data=lambda w: {"accept": "1"}
    ),
    "cooperation:interest_submit": Row(
        get=NOT_GET,
        post="in no ok no no no",
        data=lambda w: {"company": w.company_b.pk, "cooperation_sought": "Partner", "about": "Wir"},
    ),
    # members invite with their own company (accepting the code of conduct for it), staff broker
    "cooperation:invite": Row(
        get=LOGGED_IN,
        post=LOGGED_IN,
        data=lambda w: {
            "title": "Neu",
            "companies": [w.company_a.external_id, w.company_b.external_id],
            "accept_code_of_conduct": "on",
        },
        signed=lambda w, user: {"nonce": cooperation_services.invite_form_nonce(actor=user)},
    ),
    "cooperation:list": Row(get=LOGGED_IN),
    "cooperation:market": Row(get=PUBLIC),
    "cooperation:network": Row(
        get=PUBLIC,
        post="no no no no no no",
        data=lambda w: {
            "name": "Max",
            "email": "max@example.org",
            "postal_code": "34117",
            "topic": "x",
            "question": "Frage",
        },
    ),
    "cooperation:profile": Row(get="404 ok 404 ok 404 ok"),
    "cooperation:profile_create": Row(
        get=LOGGED_IN,
        post="in ok no no no no",
        data=lambda w: {"company": w.company_a.pk, "kind": "business_offer", "title": "T", "body": "B"},
    ),
    "cooperation:profile_edit": Row(
        get="in ok 404 403 404 403",
        post="in ok 404 403 404 403",
        data=lambda w: {"kind": "business_offer", "title": "T", "body": "B"},
    ),
    "cooperation:profile_moderate": Row(
        get=NOT_GET, post="in 403 404 ok 404 ok", data=lambda w: {"publish": "1"}
    ),
    "cooperation:profile_renew": Row(get=NOT_GET, post=PARTICIPANT),
    "cooperation:respond": Row(
        get=NOT_GET,
        post="in ok 404 403 404 403",
        data=lambda w: {"accept": "1", "accept_code_of_conduct": "on"},
    ),
    "cooperation:result": Row(
        get=NOT_GET, post="in ok 404 403 404 403", data=lambda w: {"kind": "offer_won", "record": "Gewonnen"}
    ),
    # only who sent the invitation takes it back (cooperation.permissions.can_withdraw); those who see it
    # otherwise are refused, the others do not see it
    "cooperation:withdraw": Row(get=NOT_GET, post="in ok 404 403 404 403"),
    "dashboard:index": Row(get=LOGGED_IN),
    "documents:create": Row(
        get=NOT_GET,
        post="in ok 404 ok 404 ok",
        data=lambda w: {"cooperation": w.cooperation.pk, "kind": "nda", "language": "de"},
    ),
    "documents:download": Row(get=ONLY_A),
    "documents:status": Row(get=ONLY_A),
    "documents:status_json": Row(get=ONLY_A),
    "events:agenda": Row(get=PARTICIPANT),
    "events:agenda_ics": Row(get=PARTICIPANT),
    # The world's meeting day is on site: nobody may switch to online there (see tests/events/test_hybrid.py).
    "events:attendance": Row(get=NOT_GET, post="in no no no no no", data=lambda w: {"attendance": "online"}),
    "events:cancel": Row(
        get=NOT_GET, post="in ok 404 ok 404 ok", data=lambda w: {"registration": w.registration_a.pk}
    ),
    "events:checkin": Row(get=HUB_STAFF_ONLY),
    # The code is A's own: A's camera app opening it shows A that it is their ticket (no check-in).
    "events:checkin_code": Row(
        get="in ok 404 ok 404 ok",
        post=HUB_STAFF_ONLY,
        data=lambda w: {"code": w.checkin_code},
        query="?code={w.checkin_code}",
    ),
    "events:checkin_toggle": Row(get=NOT_GET, post=HUB_STAFF_ONLY, data=lambda w: {"present": "1"}),
    "events:create": Row(
        get="in 403 403 ok ok ok", post="in 403 403 no no no", data=lambda w: {"title": "Neu"}
    ),
    "events:detail": Row(get=PUBLIC),
    "events:edit": Row(get=OWN_HUB_STAFF, post="in 403 403 no 403 no", data=lambda w: {"title": "Neu"}),
    "events:feed": Row(get=PUBLIC),
    "events:ics": Row(get=PUBLIC),
    "events:list": Row(get=PUBLIC),
    "events:meeting_lock": Row(get=NOT_GET, post=OWN_HUB_STAFF, data=lambda w: {"locked": "1"}),
    "events:meeting_move": Row(
        get=OWN_HUB_STAFF, post=OWN_HUB_STAFF, data=lambda w: {"slot": "2", "table": "2", "do": "move"}
    ),
    "events:meeting_settings": Row(
        get=OWN_HUB_STAFF, post="in 403 403 no 403 no", data=lambda w: {"slot_minutes": "20"}
    ),
    "events:mine": Row(get=LOGGED_IN),
    "events:no_show": Row(get=NOT_GET, post=HUB_STAFF_ONLY),
    # The organiser's tools: a preview writes nothing (no), the send form carries a nonce signed per person.
    "events:organiser_export": Row(get=HUB_STAFF_ONLY),
    "events:mailing": Row(get=HUB_STAFF_ONLY, post="in 404 404 no 404 no", data=_mailing),
    "events:mailing_send": Row(get=NOT_GET, post=HUB_STAFF_ONLY, data=_mailing, signed=_mailing_nonce),
    "events:participants": Row(get=PARTICIPANT),
    "events:profile": Row(
        get=PARTICIPANT, post=PARTICIPANT, data=lambda w: {"company_name": "A", "offers": "o", "seeks": "s"}
    ),
    "events:register": Row(get=NOT_GET, post="in no ok ok ok ok"),
    "events:renew_feed": Row(get=NOT_GET, post=LOGGED_IN),
    "events:request_answer": Row(get=NOT_GET, post="in ok 404 403 404 403", data=lambda w: {"accept": "1"}),
    "events:request_create": Row(
        get=PARTICIPANT, post=PARTICIPANT, data=lambda w: {"reason": "Gespräch", "priority": "2"}
    ),
    "events:request_withdraw": Row(get=NOT_GET, post="in ok 404 403 404 403"),
    "events:requests": Row(get=PARTICIPANT),
    # Ratings: the participants rate their own meetings once the day has ended (the world's day has not:
    # refused with a message, nothing changed).
    "events:ratings": Row(get=PARTICIPANT),
    "events:rate": Row(
        get=NOT_GET,
        post="in no 403 403 403 403",
        data=lambda w: {
            f"m{w.meeting_request.pk}-took_place": "yes",
            f"m{w.meeting_request.pk}-usefulness": "4",
        },
    ),
    "events:outcome": Row(
        get=NOT_GET,
        post="in no 403 403 403 403",
        data=lambda w: {f"m{w.meeting_request.pk}-outcome": "agreement"},
    ),
    "events:schedule": Row(get=OWN_HUB_STAFF),
    "events:schedule_build": Row(get=NOT_GET, post=OWN_HUB_STAFF),
    "events:schedule_status": Row(get=OWN_HUB_STAFF),
    "knowledge:article": Row(get=PUBLIC),
    "knowledge:article_create": Row(
        get=ONLY_ADMIN,
        post="in 403 403 403 403 no",
        data=lambda w: {"slug": "neu", "title_de": "Neu", "action": "save"},
    ),
    "knowledge:article_edit": Row(
        get=ONLY_ADMIN, post="in 403 403 403 403 no", data=lambda w: {"title_de": "Neu", "action": "save"}
    ),
    "knowledge:list": Row(get=PUBLIC),
    "knowledge:selfcheck": Row(get=PUBLIC, post="no ok no no no no", data=_selfcheck),
    "knowledge:selfcheck_history": Row(get="in ok 403 ok 403 ok"),
    "knowledge:selfcheck_result": Row(get=PUBLIC),
    "knowledge:selfcheck_saved": Row(get="in ok 404 ok 404 ok"),
    "legal:audit_log": Row(get="403 403 403 403 403 ok"),
    "legal:edit": Row(
        get="403 403 403 403 403 ok",
        post="403 403 403 403 403 ok",
        data=lambda w: {"body_de": "Impressum", "body_en": "Imprint"},
    ),
    "legal:impressum": Row(get=PUBLIC),
    "legal:privacy": Row(get=PUBLIC),
    "matching:need": Row(get=PUBLIC),
    "matching:partners": Row(get=PUBLIC),
    "notifications:inbox": Row(get=LOGGED_IN),
    # changes something for whoever has unread notifications: A, the Kassel staff, the center admin (told of
    # A's label applications)
    "notifications:mark_all_read": Row(get=NOT_GET, post="in ok no ok no ok"),
    "notifications:open": Row(get=NOT_GET, post=ONLY_A),
    "notifications:preferences": Row(get=LOGGED_IN, post="in no no no no no"),
    "registry:company": Row(get=PUBLIC),
    "registry:company_edit": Row(
        get="in ok 403 ok 403 ok", post="in no 403 no 403 no", data=lambda w: {"name": "Neu"}
    ),
    "registry:company_verify": Row(get=NOT_GET, post=OWN_HUB_STAFF, data=lambda w: {"verified": "1"}),
    "registry:home": Row(get=PUBLIC),
    "registry:search": Row(get=PUBLIC),
    "registry:solution": Row(get=PUBLIC),
    "registry:solution_create": Row(
        get="in ok 403 ok 403 ok", post="in no 403 no 403 no", data=lambda w: {"name": "Neu"}
    ),
    "registry:solution_delete": Row(get=NOT_GET, post="in ok 403 ok 403 ok"),
    "registry:solution_edit": Row(
        get="in ok 403 ok 403 ok", post="in no 403 no 403 no", data=lambda w: {"name": "Neu"}
    ),
    "reporting:figures": Row(get="in 403 403 ok ok ok"),
    # The catalog import changes any company: the center's management only (registry/views_import.py).
    # Hub staff import the companies of their hub (the posted file is refused by content: "no").
    "registry:catalog_import": Row(get="in 403 403 ok ok ok", post="in 403 403 no no no"),
    "registry:catalog_template": Row(get="in 403 403 ok ok ok"),
}
