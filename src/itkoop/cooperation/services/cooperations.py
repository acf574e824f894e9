"""Cooperations from invitation to result: invite, accept or decline, record the result."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from itkoop.claims import services as claims
from itkoop.core.ratelimit import hit
from itkoop.notifications.services import notify
from itkoop.registry import selectors as registry

from .. import notifications as kinds
from .. import permissions
from ..models import Cooperation, CooperationParticipant
from ..selectors import company_members

if TYPE_CHECKING:  # type hints only: other apps' models are reached through their selectors
    from itkoop.registry.models import Company

logger = logging.getLogger(__name__)

MIN_ACCEPTED_FOR_ACTIVE = 2
MAX_COMPANIES = 20
MAX_RECORD_CHARS = 2000
#: Each invitation mails every member of every invited company: per user and hour at most this many.
INVITATIONS_PER_HOUR = 10


class CooperationError(Exception):
    """The user asked for something the cooperation's rules don't allow; the message says why."""


def _require_active_user(actor) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied


def _hub_for(actor, companies: list[Company]) -> str | None:
    if actor.is_hub_staff:
        return actor.hub_id
    own = (
        registry.companies()
        .filter(memberships__user=actor, hub__isnull=False)
        .values_list("hub_id", flat=True)
        .first()
    )
    if own:
        return own
    return next((c.hub_id for c in companies if c.hub_id), None)


def _require_taking_part(actor, companies: list[Company]) -> None:
    """The inviter's own company takes part: nobody mails invitations on behalf of strangers. The hub staff
    and the center's admins broker cooperations between others."""
    if actor.is_hub_staff or actor.is_center_admin:
        return
    if not registry.companies_of_user(actor).filter(pk__in=[c.pk for c in companies]).exists():
        raise CooperationError(
            _("Sie können nur zu Kooperationen einladen, an denen Ihr eigenes Unternehmen teilnimmt.")
        )


def _within_invitation_limit(actor) -> None:
    if not hit("invitations", str(actor.pk), limit=INVITATIONS_PER_HOUR, window=3600):
        raise CooperationError(
            _(
                "Sie haben in der letzten Stunde bereits %(n)d Kooperationen angestoßen. "
                "Bitte versuchen Sie es später erneut."
            )
            % {"n": INVITATIONS_PER_HOUR}
        )


@transaction.atomic
def cooperation_invite(
    *,
    actor,
    companies: list[Company],
    title: str,
    need_text: str = "",
    bundle: dict | None = None,
    subject: str = "",
    invite_digest: str | None = None,
) -> Cooperation:
    """Invite companies to cooperate: a member of one of them (typically a customer with the providers of an
    offer), or hub staff. At most INVITATIONS_PER_HOUR per user.

    `invite_digest` names a single-use invitation token (from the need page): the cooperation keeps it, so
    the token invites once; sent again, even at the same moment, it answers with that same cooperation."""
    _require_active_user(actor)
    title = (title or "").strip()
    if not title:
        raise CooperationError(_("Bitte geben Sie der Kooperation einen Titel."))
    if not companies:
        raise CooperationError(_("Bitte wählen Sie mindestens zwei Unternehmen aus."))
    ids = [c.pk for c in companies]
    if len(set(ids)) != len(ids):
        raise CooperationError(_("Jedes Unternehmen kann nur einmal eingeladen werden."))
    if len(ids) < MIN_ACCEPTED_FOR_ACTIVE:
        raise CooperationError(_("Eine Kooperation braucht mindestens zwei Unternehmen."))
    if len(ids) > MAX_COMPANIES:
        raise CooperationError(
            _("Höchstens %(n)d Unternehmen können eingeladen werden.") % {"n": MAX_COMPANIES}
        )
    if bundle is not None and not isinstance(bundle, dict):
        raise CooperationError(_("Das Gesamtangebot hat ein ungültiges Format."))
    _require_taking_part(actor, companies)
    if invite_digest:
        used = Cooperation.objects.filter(invite_digest=invite_digest).first()
        if used is not None:
            if used.created_by_id != actor.pk:
                raise CooperationError(_("Diese Einladung wurde bereits verwendet."))
            return used
    _within_invitation_limit(actor)
    try:
        with transaction.atomic():
            cooperation = Cooperation.objects.create(
                title=title[:200],
                subject=(subject or need_text or "").strip(),
                need_text=(need_text or "").strip(),
                bundle=bundle,
                created_by=actor,
                hub_id=_hub_for(actor, companies),
                invite_digest=invite_digest or None,
            )
    except IntegrityError:
        # The same token sent twice at once: the other request created the cooperation.
        used = Cooperation.objects.filter(invite_digest=invite_digest).first() if invite_digest else None
        if used is None:
            raise
        return used
    CooperationParticipant.objects.bulk_create(
        [CooperationParticipant(cooperation=cooperation, company=c) for c in companies]
    )
    for company in companies:
        notify(
            recipients=company_members(company),
            kind=kinds.INVITED,
            params={"cooperation_id": cooperation.pk, "company": company.name, "title": cooperation.title},
            url=("cooperation:detail", [cooperation.pk]),
        )
    # Companies without members have nobody to notify: mail them a claim link, or their hub staff phone them.
    for company in companies:
        claims.reach_unclaimed_company(
            company=company, reason=cooperation.title, cooperation=cooperation, actor=actor
        )
    logger.info("cooperation %s invited %d companies by user %s", cooperation.pk, len(ids), actor.pk)
    return cooperation


class OwnCompanyRequired(CooperationError):
    """Inviting a one-provider offer needs the customer's own company as the second partner."""


def offer_invite(
    *,
    actor,
    company_ids: list[str],
    need_text: str,
    bundle: dict | None = None,
    invite_digest: str | None = None,
) -> Cooperation:
    """Invite the providers of a joint offer (from the need page) to a cooperation with the customer.

    The customer's own company always takes part: it is who the providers would work for, and it makes the
    customer a member of the cooperation they started. An offer of one provider thus becomes a cooperation of
    the two; a customer without a company gets `OwnCompanyRequired` (the page offers to create one). The
    title is derived from the need text; `invite_digest` makes the page's token single-use."""
    _require_active_user(actor)
    companies = list(registry.companies().filter(external_id__in=company_ids))
    mine = registry.companies_of_user(actor)
    own = next((c for c in companies if mine.filter(pk=c.pk).exists()), None) or mine.first()
    if own is None:
        raise OwnCompanyRequired(
            _(
                "Um Anbieter einzuladen, legen Sie bitte zuerst Ihr Unternehmen an; "
                "die Kooperation entsteht dann zwischen Ihnen und den Anbietern."
            )
        )
    if own not in companies:
        companies.append(own)
    need_text = (need_text or "").strip()
    return cooperation_invite(
        actor=actor,
        companies=companies,
        title=_("Gesamtangebot: %(text)s") % {"text": need_text[:120]},
        need_text=need_text,
        bundle=bundle,
        invite_digest=invite_digest,
    )


@transaction.atomic
def participant_respond(
    *, actor, participant: CooperationParticipant, accept: bool, accept_code_of_conduct: bool = False
) -> CooperationParticipant:
    """A member of the invited company accepts (with the code of conduct) or declines."""
    if not permissions.can_respond(actor, participant):
        raise PermissionDenied
    participant = CooperationParticipant.objects.select_for_update().get(pk=participant.pk)
    cooperation = Cooperation.objects.select_for_update().get(pk=participant.cooperation_id)
    if cooperation.state not in permissions.ANSWERABLE_STATES:
        raise CooperationError(_("Diese Kooperation ist bereits abgeschlossen."))
    if participant.state != CooperationParticipant.State.INVITED:
        raise CooperationError(_("Ihr Unternehmen hat auf diese Einladung bereits geantwortet."))
    now = timezone.now()
    if accept:
        if not accept_code_of_conduct:
            raise CooperationError(
                _("Zum Zusagen müssen Sie den Verhaltenskodex für faire Kooperation akzeptieren.")
            )
        participant.state = CooperationParticipant.State.ACCEPTED
        participant.accepted_code_of_conduct_at = now
    else:
        participant.state = CooperationParticipant.State.DECLINED
    participant.responded_by = actor
    participant.responded_at = now
    participant.save(update_fields=["state", "accepted_code_of_conduct_at", "responded_by", "responded_at"])
    _update_state_after_answer(cooperation, now)
    return participant


def _update_state_after_answer(cooperation: Cooperation, now) -> None:
    states = list(cooperation.participants.values_list("state", flat=True))
    accepted = states.count(CooperationParticipant.State.ACCEPTED)
    open_ = states.count(CooperationParticipant.State.INVITED)
    if cooperation.state == Cooperation.State.INVITED and accepted >= MIN_ACCEPTED_FOR_ACTIVE:
        cooperation.state = Cooperation.State.ACTIVE
        cooperation.activated_at = now
        cooperation.save(update_fields=["state", "activated_at"])
        notify(
            recipients=_members_of_accepted(cooperation),
            kind=kinds.ACTIVE,
            params={"cooperation_id": cooperation.pk, "title": cooperation.title},
            url=("cooperation:detail", [cooperation.pk]),
        )
    elif cooperation.state == Cooperation.State.INVITED and accepted + open_ < MIN_ACCEPTED_FOR_ACTIVE:
        # Too many declined: it can never become active.
        cooperation.state = Cooperation.State.ENDED
        cooperation.result_kind = Cooperation.ResultKind.ENDED
        cooperation.result_at = now
        cooperation.save(update_fields=["state", "result_kind", "result_at"])


def _members_of_accepted(cooperation: Cooperation):
    from itkoop.accounts import selectors as accounts

    return (
        accounts.users()
        .filter(
            memberships__company__cooperation_participations__cooperation=cooperation,
            memberships__company__cooperation_participations__state=CooperationParticipant.State.ACCEPTED,
        )
        .distinct()
    )


@transaction.atomic
def cooperation_record_result(*, actor, cooperation: Cooperation, kind: str, record: str) -> Cooperation:
    """Members of an accepted partner record how an active cooperation ended, with a short record."""
    if not permissions.can_record_result(actor, cooperation):
        raise PermissionDenied
    cooperation = Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    if cooperation.state != Cooperation.State.ACTIVE:
        raise CooperationError(_("Ein Ergebnis kann nur für eine aktive Kooperation festgehalten werden."))
    if kind not in Cooperation.ResultKind.values:
        raise CooperationError(_("Bitte wählen Sie ein gültiges Ergebnis."))
    record = (record or "").strip()
    if not record:
        raise CooperationError(_("Bitte halten Sie das Ergebnis in ein paar Sätzen fest."))
    if len(record) > MAX_RECORD_CHARS:
        raise CooperationError(
            _("Das Kurzprotokoll darf höchstens %(n)d Zeichen lang sein.") % {"n": MAX_RECORD_CHARS}
        )
    cooperation.result_kind = kind
    cooperation.result_record = record
    cooperation.result_recorded_by = actor
    cooperation.result_at = timezone.now()
    cooperation.state = (
        Cooperation.State.ENDED if kind == Cooperation.ResultKind.ENDED else Cooperation.State.RESULT
    )
    cooperation.save(
        update_fields=["result_kind", "result_record", "result_recorded_by", "result_at", "state"]
    )
    logger.info("cooperation %s result %s by user %s", cooperation.pk, kind, actor.pk)
    return cooperation
