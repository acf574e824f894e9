"""Claims of companies without members: reach such a company when it is invited (an e-mail with a signed,
expiring, single-use link to its contact address, or a phone task for its hub staff), let a person claim it
from that link or from its page, and settle the claim (a confirmed address at the company's web domain, or the
hub staff's decision).

The claim link is a ``django.core.signing`` token (salted, timestamped, checked with ``max_age``); the
invitation row keeps only its SHA-256 digest, so the link works once and a copy of the database opens none."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from itkoop.accounts import selectors as accounts
from itkoop.accounts import services as accounts_services
from itkoop.core.ratelimit import hit
from itkoop.core.services import audit_record
from itkoop.notifications.services import notify
from itkoop.registry import selectors as registry

from . import notifications as kinds
from .domains import email_at_domain, registrable_domain
from .models import MAX_NOTE, MAX_REASON, Claim, ClaimInvitation
from .permissions import can_claim, can_decide

logger = logging.getLogger(__name__)

TOKEN_SALT = "itkoop.claims.link"  # noqa: S105 - a signing namespace, not a secret
MAX_TOKEN_LENGTH = 300
PLATFORM_NAME = "Kooperationsplattform IT-Wirtschaft"
#: Claims a person may start in an hour (from company pages and links together).
CLAIMS_PER_HOUR = 5
#: Claim e-mails to one company's address in a day, whoever invites: more invitations in a day reach it
#: through the first mail's link (it shows every open invitation once the profile is claimed).
MAILS_PER_COMPANY_DAY = 3


class ClaimError(Exception):
    """A claim the rules do not allow; the message says why. ``status`` is the HTTP status a page answers."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class Reached(StrEnum):
    """What `reach_unclaimed_company` did."""

    HAS_MEMBERS = "has_members"  # nothing to do: the members were notified as usual
    MAILED = "mailed"  # a claim link goes to the company's contact address
    STAFF_ASKED = "staff_asked"  # no address: the hub staff are asked to phone
    THROTTLED = "throttled"  # the company got enough claim e-mails today


def link_max_age() -> dt.timedelta:
    return dt.timedelta(days=settings.ITKOOP_CLAIM_LINK_DAYS)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _staff_for(company) -> list:
    """Who looks after the company: its hub's staff, or the center admins when it has no hub (or the hub no
    staff)."""
    staff = list(accounts.hub_staff(company.hub_id)) if company.hub_id else []
    return staff or list(accounts.center_admins())


def _inviter_name(actor) -> str:
    """How the invited company learns who invites: the person's name (never their address) and their company
    or hub. Names only, so the mail's German and English parts both read it as it is."""
    if actor is None:
        return PLATFORM_NAME
    name = actor.get_full_name()
    if actor.is_hub_staff:
        organisation = actor.hub.name
    else:
        company = registry.companies_of_user(actor).first()
        organisation = company.name if company else ""
    if name and organisation:
        return f"{name} ({organisation})"
    return name or organisation or PLATFORM_NAME


def reach_unclaimed_company(
    *, company, reason: str, cooperation=None, actor=None, now: dt.datetime | None = None
) -> Reached:
    """Tell a company without active members that someone invites it (call inside the inviting transaction).

    With a contact e-mail address (published or not: the company gave it for the platform to reach it), a
    claim link goes there after commit. Without one, the hub staff get a task in their inbox: phone the
    company. ``reason`` is the occasion in the inviter's words (the cooperation's title)."""
    if registry.company_has_members(company):
        return Reached.HAS_MEMBERS
    now = now or timezone.now()
    reason = (reason or "").strip()[:MAX_REASON]
    inviter = _inviter_name(actor)
    if not company.contact_email:
        notify(
            recipients=_staff_for(company),
            kind=kinds.CONTACT_BY_PHONE,
            params={
                "company": company.name,
                "phone": company.contact_phone or "–",
                "inviter": inviter,
                "reason": reason,
            },
            url=("registry:company", [company.external_id]),
        )
        return Reached.STAFF_ASKED
    if not hit("claims:mail", str(company.pk), limit=MAILS_PER_COMPANY_DAY, window=24 * 3600):
        logger.info("claim mail to company %s skipped: enough mails today", company.pk)
        return Reached.THROTTLED
    token = signing.dumps({"c": company.pk, "n": secrets.token_urlsafe(12)}, salt=TOKEN_SALT)
    invitation = ClaimInvitation.objects.create(
        company=company,
        email=company.contact_email,
        token_digest=_digest(token),
        invited_by=actor,
        cooperation_id=getattr(cooperation, "pk", None),
        reason=reason,
        created=now,
        expires_at=now + link_max_age(),
    )
    from .tasks import send_claim_invitation

    transaction.on_commit(lambda: send_claim_invitation.delay(invitation.pk, token, inviter))
    return Reached.MAILED


def cooperation_withdrawn(*, cooperation_id: int) -> int:
    """The inviter took a cooperation back: its unused claim links stay good for taking over the profile,
    but no longer speak of the invitation (their page would call the company invited). Returns how many."""
    return ClaimInvitation.objects.filter(cooperation_id=cooperation_id, used_at__isnull=True).update(
        cooperation_id=None, reason=""
    )


def invitation_for_token(
    token: str, *, now: dt.datetime | None = None, lock: bool = False
) -> ClaimInvitation:
    """The invitation of a claim link, if the link is genuine, unused, unexpired and its company still has no
    members; otherwise ClaimError with the reason (and the status the page answers)."""
    now = now or timezone.now()
    token = (token or "").strip()
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise ClaimError(_("Dieser Link ist ungültig. Bitte prüfen Sie, ob er vollständig ist."))
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=link_max_age())
    except signing.SignatureExpired:
        raise ClaimError(_("Dieser Link ist abgelaufen."), status=410) from None
    except signing.BadSignature:
        raise ClaimError(_("Dieser Link ist ungültig. Bitte prüfen Sie, ob er vollständig ist.")) from None
    queryset = ClaimInvitation.objects.select_related("company", "company__hub", "invited_by")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    digest = _digest(token)
    invitation = queryset.filter(token_digest=digest).first()
    if (
        invitation is None
        or not isinstance(payload, dict)
        or payload.get("c") != invitation.company_id
        or not hmac.compare_digest(invitation.token_digest, digest)
    ):
        raise ClaimError(_("Dieser Link ist ungültig. Bitte prüfen Sie, ob er vollständig ist."))
    if invitation.used_at is not None:
        raise ClaimError(_("Dieser Link wurde bereits verwendet. Jeder Link gilt nur einmal."), status=410)
    if invitation.expires_at <= now:
        raise ClaimError(_("Dieser Link ist abgelaufen."), status=410)
    if registry.company_has_members(invitation.company):
        raise ClaimError(_already_claimed(invitation.company), status=409)
    return invitation


def _already_claimed(company) -> str:
    return _(
        "Das Profil von %(company)s wird bereits von Mitgliedern des Unternehmens gepflegt. "
        "Bitte wenden Sie sich an sie, um aufgenommen zu werden."
    ) % {"company": company.name}


def staff_claim_refusal() -> str:
    return _(
        "Konten des Stützpunkt-Teams übernehmen keine Unternehmensprofile; Sie können sie direkt bearbeiten."
    )


def _require_claimant(actor) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied
    if not can_claim(actor):
        raise ClaimError(staff_claim_refusal())


def _within_claim_limit(actor) -> None:
    if not hit("claims:start", str(actor.pk), limit=CLAIMS_PER_HOUR, window=3600):
        raise ClaimError(
            _(
                "Sie haben in der letzten Stunde schon mehrere Profile beansprucht. "
                "Bitte versuchen Sie es später."
            ),
            status=429,
        )


def domain_confirmed(user, company) -> bool:
    """Whether one of the person's confirmed addresses is at the company's web domain."""
    domain = registrable_domain(company.website)
    return any(email_at_domain(address, domain) for address in accounts.confirmed_email_addresses(user))


def _approve(claim: Claim, *, decided_by=None, now: dt.datetime) -> Claim:
    """Make the claimant the company's owner (the caller holds the company's lock and has checked that it has
    no members)."""
    accounts_services.membership_grant(user=claim.user, company=claim.company)
    claim.status = Claim.Status.APPROVED
    claim.decided_by = decided_by
    claim.decided_at = now
    claim.save(update_fields=["status", "decided_by", "decided_at", "by_domain"])
    return claim


def _settle(claim: Claim, *, now: dt.datetime) -> Claim:
    """A new claim: approved at once with a confirmed address at the company's domain, else the hub staff
    are asked."""
    if domain_confirmed(claim.user, claim.company):
        claim.by_domain = True
        return _approve(claim, now=now)
    notify(
        recipients=_staff_for(claim.company),
        kind=kinds.CLAIM_PENDING,
        params={"claim_id": claim.pk, "person": str(claim.user), "company": claim.company.name},
        url=("claims:review", []),
    )
    return claim


def _locked_company(company_id: int):
    """The company, its row locked: two claims settling at once cannot both make an owner."""
    return registry.companies().select_for_update(of=("self",)).select_related("hub").get(pk=company_id)


def _create_claim(*, actor, company, route: str, note: str, invitation=None, now) -> Claim:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ClaimError(_("Bitte fassen Sie sich kürzer (höchstens %(n)d Zeichen).") % {"n": MAX_NOTE})
    if Claim.objects.filter(company=company, user=actor, status=Claim.Status.PENDING).exists():
        raise ClaimError(
            _("Sie haben dieses Profil bereits beansprucht; das Stützpunkt-Team prüft Ihre Anfrage."),
            status=409,
        )
    try:
        with transaction.atomic():
            claim = Claim.objects.create(
                company=company, user=actor, route=route, note=note, invitation=invitation, created=now
            )
    except IntegrityError:  # the same claim sent twice at once
        raise ClaimError(
            _("Sie haben dieses Profil bereits beansprucht; das Stützpunkt-Team prüft Ihre Anfrage."),
            status=409,
        ) from None
    return _settle(claim, now=now)


@transaction.atomic
def claim_by_link(*, actor, token: str, note: str = "", now: dt.datetime | None = None) -> Claim:
    """The person who opened a claim link claims its company; the link is used up."""
    now = now or timezone.now()
    _require_claimant(actor)
    invitation = invitation_for_token(token, now=now, lock=True)
    company = _locked_company(invitation.company_id)
    if registry.company_has_members(company):
        raise ClaimError(_already_claimed(company), status=409)
    _within_claim_limit(actor)
    claim = _create_claim(
        actor=actor, company=company, route=Claim.Route.LINK, note=note, invitation=invitation, now=now
    )
    invitation.used_at, invitation.used_by = now, actor
    invitation.save(update_fields=["used_at", "used_by"])
    logger.info("company %s claimed through a link by user %s: %s", company.pk, actor.pk, claim.status)
    return claim


@transaction.atomic
def claim_start(*, actor, company_id: int, note: str = "", now: dt.datetime | None = None) -> Claim:
    """A signed-in person claims a company profile from its page."""
    now = now or timezone.now()
    _require_claimant(actor)
    company = _locked_company(company_id)
    if registry.company_has_members(company):
        raise ClaimError(_already_claimed(company), status=409)
    _within_claim_limit(actor)
    claim = _create_claim(actor=actor, company=company, route=Claim.Route.PAGE, note=note, now=now)
    logger.info("company %s claimed from its page by user %s: %s", company.pk, actor.pk, claim.status)
    return claim


@transaction.atomic
def claim_decide(
    *, actor, claim_id: int, approve: bool, note: str = "", now: dt.datetime | None = None
) -> Claim:
    """Hub staff of the company's hub (or a center admin) approve or reject a waiting claim; the claimant is
    told. An approval makes the claimant the company's owner, unless someone else took the company over."""
    now = now or timezone.now()
    claim = (
        Claim.objects.select_for_update(of=("self",))
        .select_related("company", "user")
        .filter(pk=claim_id)
        .first()
    )
    if claim is None or not can_decide(actor, claim):
        raise PermissionDenied
    note = (note or "").strip()
    if claim.status != Claim.Status.PENDING:
        raise ClaimError(_("Über diese Anfrage wurde bereits entschieden."), status=409)
    if not approve and not note:
        raise ClaimError(_("Bitte begründen Sie die Ablehnung kurz; die Person erhält die Begründung."))
    if len(note) > 500:
        raise ClaimError(_("Die Begründung darf höchstens 500 Zeichen lang sein."))
    if approve:
        company = _locked_company(claim.company_id)
        if registry.company_has_members(company):
            raise ClaimError(
                _(
                    "Das Profil von %(company)s hat inzwischen Mitglieder. Bitte lehnen Sie diese Anfrage ab "
                    "oder klären Sie sie mit dem Unternehmen."
                )
                % {"company": company.name},
                status=409,
            )
        _approve(claim, decided_by=actor, now=now)
    else:
        claim.status, claim.decided_by, claim.decided_at = Claim.Status.REJECTED, actor, now
        claim.decision_note = note
        claim.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action="claim_approve" if approve else "claim_reject",
        obj=claim,
        details={"company": claim.company.name, "note": note},
    )
    notify(
        recipients=[claim.user],
        kind=kinds.CLAIM_APPROVED if approve else kinds.CLAIM_REJECTED,
        params={"claim_id": claim.pk, "company": claim.company.name, "note": note},
        url=("registry:company", [claim.company.external_id]),
    )
    return claim


def settle_after_email_confirmed(*, request=None, email_address: Any = None, **kwargs) -> None:
    """allauth's email_confirmed: the person's waiting claims of companies at that address's domain are
    approved now, and the person is told."""
    user = getattr(email_address, "user", None)
    if user is None or not user.is_active:
        return
    now = timezone.now()
    with transaction.atomic():
        pending = Claim.objects.select_for_update().filter(user=user, status=Claim.Status.PENDING)
        for claim in pending.select_related("company"):
            domain = registrable_domain(claim.company.website)
            if not email_at_domain(email_address.email, domain):
                continue
            company = _locked_company(claim.company_id)
            if registry.company_has_members(company):
                continue
            claim.by_domain = True
            _approve(claim, now=now)
            notify(
                recipients=[user],
                kind=kinds.CLAIM_APPROVED,
                params={"claim_id": claim.pk, "company": company.name, "note": ""},
                url=("registry:company", [company.external_id]),
            )
