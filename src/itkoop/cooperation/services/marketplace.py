"""The marketplace: publish, moderate and renew cooperation profiles; express interest and answer it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from itkoop.core.services import audit_record
from itkoop.notifications.services import notify

from .. import notifications as kinds
from .. import permissions
from ..models import CooperationProfile, ExpressionOfInterest
from ..selectors import company_members, hub_team

if TYPE_CHECKING:  # type hints only: other apps' models are reached through their selectors
    from itkoop.registry.models import Capability, Company

logger = logging.getLogger(__name__)

PROFILE_LIFETIME = dt.timedelta(days=90)
#: How long before its expiry the company is reminded to renew a published profile (renewal ends at expiry).
EXPIRY_WARNING = dt.timedelta(days=7)
MAX_CAPABILITIES = 15


class MarketplaceError(Exception):
    """Input or state the marketplace's rules don't allow; the message says why."""


InterestListener = Callable[[ExpressionOfInterest, Any], None]
_accepted_listeners: list[InterestListener] = []


def register_interest_accepted_listener(listener: InterestListener) -> None:
    """The port through which an app above this one learns that an interest was accepted: the conversations
    app opens the conversation of the two companies then (this app sits below it and cannot). Called with
    (interest, actor) inside the answer's transaction; register from AppConfig.ready(), twice is harmless."""
    if listener not in _accepted_listeners:
        _accepted_listeners.append(listener)


def _check_profile_fields(*, kind: str, title: str, body: str, deadline, capabilities) -> None:
    if kind not in CooperationProfile.Kind.values:
        raise MarketplaceError(_("Bitte wählen Sie eine gültige Art des Profils."))
    if not (title or "").strip() or not (body or "").strip():
        raise MarketplaceError(_("Titel und Beschreibung dürfen nicht leer sein."))
    if deadline is not None and deadline < timezone.localdate():
        raise MarketplaceError(_("Die Frist darf nicht in der Vergangenheit liegen."))
    if len(capabilities) > MAX_CAPABILITIES:
        raise MarketplaceError(_("Bitte wählen Sie höchstens %(n)d Fähigkeiten.") % {"n": MAX_CAPABILITIES})


def _lock_and_reread(obj):
    """Lock the object's row (inside the caller's transaction) and re-read it into the same instance: its
    state as it is now, after any change that committed while we waited for the lock."""
    list(type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))
    obj.refresh_from_db()
    return obj


def _locked_profile(profile: CooperationProfile) -> CooperationProfile:
    return _lock_and_reread(profile)


@transaction.atomic
def profile_create(
    *,
    actor,
    company: Company,
    kind: str,
    title: str,
    body: str,
    capabilities: list[Capability] | None = None,
    anonymous: bool = False,
    deadline: dt.date | None = None,
) -> CooperationProfile:
    """A member of the company posts a profile; it waits for the hub staff's release."""
    if not permissions.is_member(actor, company.pk):
        raise PermissionDenied
    capabilities = list(capabilities or [])
    _check_profile_fields(kind=kind, title=title, body=body, deadline=deadline, capabilities=capabilities)
    now = timezone.now()
    profile = CooperationProfile.objects.create(
        kind=kind,
        title=title.strip()[:200],
        body=body.strip(),
        company=company,
        created_by=actor,
        anonymous=anonymous,
        deadline=deadline,
        expires_at=now + PROFILE_LIFETIME,
        created=now,
    )
    profile.capabilities.set(capabilities)
    notify(
        recipients=hub_team(company.hub_id),
        kind=kinds.PROFILE_PENDING,
        params={"profile_id": profile.pk, "title": profile.title},
        url=("cooperation:profile", [profile.pk]),
    )
    return profile


@transaction.atomic
def profile_update(
    *,
    actor,
    profile: CooperationProfile,
    kind: str,
    title: str,
    body: str,
    capabilities: list[Capability] | None = None,
    anonymous: bool = False,
    deadline: dt.date | None = None,
) -> CooperationProfile:
    """The author changes the profile; a changed profile goes back to moderation."""
    if not permissions.can_edit_profile(actor, profile):
        raise PermissionDenied
    capabilities = list(capabilities or [])
    _check_profile_fields(kind=kind, title=title, body=body, deadline=deadline, capabilities=capabilities)
    profile = _locked_profile(profile)
    profile.kind, profile.title, profile.body = kind, title.strip()[:200], body.strip()
    profile.anonymous, profile.deadline = anonymous, deadline
    profile.moderation = CooperationProfile.Moderation.PENDING
    profile.save()
    profile.capabilities.set(capabilities)
    return profile


@transaction.atomic
def profile_moderate(
    *, actor, profile: CooperationProfile, publish: bool, note: str = ""
) -> CooperationProfile:
    """Hub staff of the author's hub (or the center admins) publish or reject a profile."""
    if not permissions.can_moderate_profile(actor, profile):
        raise PermissionDenied
    if permissions.moderates_own_profile(actor, profile):
        raise MarketplaceError(
            _(
                "Dies ist ein Profil Ihres eigenen Unternehmens: Über die Freigabe entscheidet eine andere "
                "Person des Stützpunkts oder der Zentrumsleitung."
            )
        )
    if not publish and not (note or "").strip():
        raise MarketplaceError(_("Bitte begründen Sie die Ablehnung kurz."))
    # Two moderators deciding at once: the second sees the first's decision and changes nothing.
    profile = _locked_profile(profile)
    if profile.moderation != CooperationProfile.Moderation.PENDING:
        raise MarketplaceError(_("Über dieses Profil wurde bereits entschieden."))
    profile.moderation = (
        CooperationProfile.Moderation.PUBLISHED if publish else CooperationProfile.Moderation.REJECTED
    )
    profile.moderated_by = actor
    profile.moderation_note = (note or "").strip()[:500]
    profile.save(update_fields=["moderation", "moderated_by", "moderation_note"])
    audit_record(
        actor=actor,
        action="profile_publish" if publish else "profile_reject",
        obj=profile,
        details={"title": profile.title, "note": profile.moderation_note},
    )
    notify(
        recipients=company_members(profile.company),
        kind=kinds.PROFILE_PUBLISHED if publish else kinds.PROFILE_REJECTED,
        params={"profile_id": profile.pk, "title": profile.title, "note": profile.moderation_note},
        url=("cooperation:profile", [profile.pk]),
    )
    return profile


@transaction.atomic
def profile_renew(*, actor, profile: CooperationProfile) -> CooperationProfile:
    """The author extends a profile before it expires; an expired one stays hidden and must be posted anew."""
    if not permissions.can_edit_profile(actor, profile):
        raise PermissionDenied
    profile = _locked_profile(profile)
    if profile.is_expired:
        raise MarketplaceError(
            _(
                "Das Profil ist bereits abgelaufen und kann nicht mehr verlängert werden. "
                "Bitte legen Sie es neu an."
            )
        )
    now = timezone.now()
    profile.expires_at = now + PROFILE_LIFETIME
    profile.renewed_at = now
    profile.expiry_warned_at = None
    profile.save(update_fields=["expires_at", "renewed_at", "expiry_warned_at"])
    return profile


def _notify_once(profiles, *, flag: str, now, kind: str, extra=lambda profile: {}) -> int:
    """Tell each profile's company once: the profile is claimed by setting ``flag`` first, so a second run
    of the job at the same time skips it. Returns how many were told."""
    told = 0
    for profile in profiles.select_related("company").order_by("pk"):
        with transaction.atomic():
            if not CooperationProfile.objects.filter(pk=profile.pk, **{f"{flag}__isnull": True}).update(
                **{flag: now}
            ):
                continue
            notify(
                recipients=company_members(profile.company),
                kind=kind,
                params={"profile_id": profile.pk, "title": profile.title, **extra(profile)},
                url=("cooperation:profile", [profile.pk]),
            )
            told += 1
    return told


def profiles_notify_expiry(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Periodic: tell the company of each published profile that expires within EXPIRY_WARNING that it can
    still renew it, and of each that has expired that it is no longer shown. Each notice goes out once;
    returns (warned, expired).

    Visibility does not wait for this job: an expired profile is hidden the moment ``expires_at`` passes."""
    now = now or timezone.now()
    published = CooperationProfile.objects.filter(moderation=CooperationProfile.Moderation.PUBLISHED)
    soon = published.filter(
        expires_at__gt=now, expires_at__lte=now + EXPIRY_WARNING, expiry_warned_at__isnull=True
    )
    warned = _notify_once(
        soon,
        flag="expiry_warned_at",
        now=now,
        kind=kinds.PROFILE_EXPIRING,
        # ISO date: the same in every reader's language.
        extra=lambda p: {"date": timezone.localtime(p.expires_at).date().isoformat()},
    )
    gone = published.filter(expires_at__lte=now, expired_notified_at__isnull=True)
    expired = _notify_once(gone, flag="expired_notified_at", now=now, kind=kinds.PROFILE_EXPIRED)
    if warned or expired:
        logger.info("marketplace: %s profiles warned of expiry, %s expired", warned, expired)
    return warned, expired


@transaction.atomic
def interest_submit(
    *,
    actor,
    profile: CooperationProfile,
    company: Company,
    cooperation_sought: str,
    about: str,
    questions: str = "",
) -> ExpressionOfInterest:
    """A member of another company answers the short questions; the author is notified."""
    if not permissions.is_member(actor, company.pk):
        raise PermissionDenied
    if company.pk == profile.company_id:
        raise MarketplaceError(_("Sie können kein Interesse an Ihrem eigenen Profil bekunden."))
    if profile.moderation != CooperationProfile.Moderation.PUBLISHED or profile.is_expired:
        raise MarketplaceError(_("Dieses Profil ist nicht (mehr) veröffentlicht."))
    if profile.deadline is not None and profile.deadline < timezone.localdate():
        raise MarketplaceError(_("Die Frist für Rückmeldungen ist abgelaufen."))
    if not (cooperation_sought or "").strip() or not (about or "").strip():
        raise MarketplaceError(_("Bitte sagen Sie, welche Zusammenarbeit Sie suchen und wer Sie sind."))
    if ExpressionOfInterest.objects.filter(profile=profile, company=company).exists():
        raise MarketplaceError(_("Ihr Unternehmen hat bereits Interesse an diesem Profil bekundet."))
    try:
        with transaction.atomic():
            interest = ExpressionOfInterest.objects.create(
                profile=profile,
                company=company,
                created_by=actor,
                cooperation_sought=cooperation_sought.strip(),
                questions=(questions or "").strip(),
                about=about.strip(),
            )
    except IntegrityError:
        raise MarketplaceError(
            _("Ihr Unternehmen hat bereits Interesse an diesem Profil bekundet.")
        ) from None
    notify(
        recipients=company_members(profile.company),
        kind=kinds.INTEREST_RECEIVED,
        params={"profile_id": profile.pk, "interest_id": interest.pk, "title": profile.title},
        url=("cooperation:profile", [profile.pk]),
    )
    return interest


@transaction.atomic
def interest_answer(*, actor, interest: ExpressionOfInterest, accept: bool) -> ExpressionOfInterest:
    """The author accepts (revealing an anonymous profile's company to them) or declines an interest."""
    if not permissions.can_answer_interest(actor, interest):
        raise PermissionDenied
    # Accept and decline sent at once: the row is re-read under a lock, so the second sees the first's answer.
    _lock_and_reread(interest)
    if interest.status != ExpressionOfInterest.Status.PENDING:
        raise MarketplaceError(_("Diese Interessensbekundung wurde bereits beantwortet."))
    interest.status = ExpressionOfInterest.Status.ACCEPTED if accept else ExpressionOfInterest.Status.DECLINED
    interest.answered_at = timezone.now()
    interest.save(update_fields=["status", "answered_at"])
    profile = interest.profile
    if accept:
        for listener in _accepted_listeners:
            listener(interest, actor)
    notify(
        recipients=company_members(interest.company),
        kind=kinds.INTEREST_ACCEPTED if accept else kinds.INTEREST_DECLINED,
        params={"profile_id": profile.pk, "interest_id": interest.pk, "title": profile.title},
        url=("cooperation:profile", [profile.pk]),
    )
    return interest
