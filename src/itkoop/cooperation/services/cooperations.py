"""Cooperations from invitation to result: invite (after a review, once per form), accept or decline, withdraw
an invitation, record the result."""

from __future__ import annotations

import hashlib
import logging
import secrets
from typing import TYPE_CHECKING

from django.core import signing
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
MAX_TITLE_CHARS = Cooperation._meta.get_field("title").max_length
MAX_MESSAGE_CHARS = 2000
#: The invitation form's one-time nonce: signed for one user, valid for a day.
NONCE_SALT = "itkoop.cooperation.invite-form"
NONCE_MAX_AGE = 24 * 3600
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


def _check_companies(actor, companies: list[Company]) -> None:
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
    _require_taking_part(actor, companies)


def cooperation_invite_check(*, actor, companies: list[Company]) -> list[Company]:
    """What `cooperation_invite` would refuse about these companies, checked before the review page is shown
    (reads only). Returns the inviter's own companies among them: they take part and accept at once."""
    _require_active_user(actor)
    _check_companies(actor, companies)
    return inviter_companies(actor, companies)


def inviter_companies(actor, companies: list[Company]) -> list[Company]:
    """The actor's own companies among `companies`."""
    mine = set(registry.companies_of_user(actor).values_list("pk", flat=True))
    return [c for c in companies if c.pk in mine]


def default_title(text: str) -> str:
    """A cooperation's title from a need or subject: its words as written, cut at a word boundary with an
    ellipsis when longer than a title may be. Only a single word longer than a title is cut inside."""
    text = " ".join((text or "").split())
    if len(text) <= MAX_TITLE_CHARS:
        return text
    head = text[: MAX_TITLE_CHARS - 1]  # room for the ellipsis
    if text[MAX_TITLE_CHARS - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:.-–") + "…"


def invite_form_nonce(*, actor) -> str:
    """A one-time nonce for the invitation form: the cooperation keeps its digest, so sending the same form
    twice invites once (see `invite_form_digest`)."""
    return signing.dumps({"user": actor.pk, "nonce": secrets.token_urlsafe(16)}, salt=NONCE_SALT)


def invite_form_digest(nonce: str, *, actor) -> str | None:
    """The digest `cooperation_invite` stores for this form's nonce; None when the nonce is forged, older
    than a day or was made for someone else."""
    try:
        payload = signing.loads(nonce, salt=NONCE_SALT, max_age=NONCE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("user") != getattr(actor, "pk", None):
        return None
    return hashlib.sha256(nonce.encode()).hexdigest()


def _clean_title_and_message(title: str, message: str) -> tuple[str, str]:
    title = " ".join((title or "").split())
    if not title:
        raise CooperationError(_("Bitte geben Sie der Kooperation einen Titel."))
    if len(title) > MAX_TITLE_CHARS:
        raise CooperationError(
            _("Der Titel darf höchstens %(n)d Zeichen lang sein.") % {"n": MAX_TITLE_CHARS}
        )
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE_CHARS:
        raise CooperationError(
            _("Die persönliche Nachricht darf höchstens %(n)d Zeichen lang sein.") % {"n": MAX_MESSAGE_CHARS}
        )
    return title, message


@transaction.atomic
def cooperation_invite(
    *,
    actor,
    companies: list[Company],
    title: str,
    need_text: str = "",
    bundle: dict | None = None,
    subject: str = "",
    message: str = "",
    accept_code_of_conduct: bool = False,
    invite_digest: str | None = None,
) -> Cooperation:
    """Invite companies to cooperate: a member of one of them (typically a customer with the providers of an
    offer), or hub staff. At most INVITATIONS_PER_HOUR per user.

    The inviter's own companies among them take part and accept at once, so the inviter accepts the code of
    conduct for them (`accept_code_of_conduct`); the others are invited and told, with the inviter's
    personal `message`. `invite_digest` names a single-use token (from the need page or the invitation
    form): the cooperation keeps it, so the token invites once; sent again, even at the same moment, it
    answers with that same cooperation."""
    _require_active_user(actor)
    title, message = _clean_title_and_message(title, message)
    if bundle is not None and not isinstance(bundle, dict):
        raise CooperationError(_("Das Gesamtangebot hat ein ungültiges Format."))
    _check_companies(actor, companies)
    own = inviter_companies(actor, companies)
    if own and not accept_code_of_conduct:
        raise CooperationError(
            _(
                "Ihr Unternehmen nimmt an der Kooperation teil: Bitte akzeptieren Sie dafür den "
                "Verhaltenskodex für faire Kooperation."
            )
        )
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
                title=title,
                subject=(subject or need_text or "").strip(),
                need_text=(need_text or "").strip(),
                message=message,
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
    now = timezone.now()
    accepted = CooperationParticipant.State.ACCEPTED
    CooperationParticipant.objects.bulk_create(
        [
            CooperationParticipant(cooperation=cooperation, company=c)
            if c not in own
            else CooperationParticipant(
                cooperation=cooperation,
                company=c,
                state=accepted,
                accepted_code_of_conduct_at=now,
                responded_by=actor,
                responded_at=now,
            )
            for c in companies
        ]
    )
    invited = [c for c in companies if c not in own]
    _notify_invited(cooperation, invited, actor)
    _update_state_after_answer(cooperation, now)
    logger.info("cooperation %s invited %d companies by user %s", cooperation.pk, len(invited), actor.pk)
    return cooperation


def _inviter_label(cooperation: Cooperation, actor) -> tuple[str, str]:
    """Who invites, as the invited read it: the person, and their company in the cooperation (the hub for
    hub staff who broker it)."""
    own = inviter_companies(actor, [p.company for p in cooperation.participants.select_related("company")])
    if own:
        company = own[0].name
    elif cooperation.hub_id:
        company = cooperation.hub.name
    else:
        company = ""
    person = str(actor)
    return (f"{person} ({company})" if company else person), company


def _notify_invited(cooperation: Cooperation, companies: list[Company], actor) -> None:
    """Each invited company's members hear who invites them to what; the mail adds the need and the
    inviter's message (kinds.INVITED renders them from the cooperation)."""
    inviter, inviter_company = _inviter_label(cooperation, actor)
    for company in companies:
        notify(
            recipients=company_members(company),
            kind=kinds.INVITED,
            params={
                "cooperation_id": cooperation.pk,
                "company": company.name,
                "title": cooperation.title,
                "inviter": inviter,
                "inviter_company": inviter_company,
            },
            url=("cooperation:detail", [cooperation.pk]),
        )
    # Companies without members have nobody to notify: mail them a claim link, or their hub staff phone them.
    for company in companies:
        claims.reach_unclaimed_company(
            company=company, reason=cooperation.title, cooperation=cooperation, actor=actor
        )


class OwnCompanyRequired(CooperationError):
    """Inviting a one-provider offer needs the customer's own company as the second partner."""


def offer_companies(*, actor, company_ids: list[str]) -> list[Company]:
    """The companies a joint offer's invitation goes to: its providers and the customer's own company (reads
    only; the review page shows them). A customer without a company gets `OwnCompanyRequired`."""
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
    return companies


def offer_invite(
    *,
    actor,
    company_ids: list[str],
    need_text: str,
    bundle: dict | None = None,
    title: str | None = None,
    message: str = "",
    accept_code_of_conduct: bool = False,
    invite_digest: str | None = None,
) -> Cooperation:
    """Invite the providers of a joint offer (from the need page) to a cooperation with the customer.

    The customer's own company always takes part: it is who the providers would work for, and it makes the
    customer a member of the cooperation they started. An offer of one provider thus becomes a cooperation of
    the two; a customer without a company gets `OwnCompanyRequired`. The title is the one the customer
    reviewed, by default the need itself; `invite_digest` makes the page's token single-use."""
    companies = offer_companies(actor=actor, company_ids=company_ids)
    need_text = (need_text or "").strip()
    return cooperation_invite(
        actor=actor,
        companies=companies,
        title=default_title(need_text) if title is None else title,
        need_text=need_text,
        bundle=bundle,
        message=message,
        accept_code_of_conduct=accept_code_of_conduct,
        invite_digest=invite_digest,
    )


@transaction.atomic
def participant_respond(
    *, actor, participant: CooperationParticipant, accept: bool, accept_code_of_conduct: bool = False
) -> CooperationParticipant:
    """A member of the invited company accepts (with the code of conduct) or declines; the inviter and the
    partners who accepted hear of it."""
    if not permissions.can_respond(actor, participant):
        raise PermissionDenied
    participant = CooperationParticipant.objects.select_for_update().get(pk=participant.pk)
    cooperation = Cooperation.objects.select_for_update().get(pk=participant.cooperation_id)
    if cooperation.state == Cooperation.State.WITHDRAWN:
        raise CooperationError(_("Diese Einladung wurde zurückgezogen. Eine Antwort ist nicht mehr nötig."))
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
    _notify_answer(cooperation, participant, actor)
    _update_state_after_answer(cooperation, now)
    return participant


def _notify_answer(cooperation: Cooperation, participant: CooperationParticipant, actor) -> None:
    """The inviter and the members of the other companies that accepted hear each answer."""
    others = _members_of(cooperation, state=CooperationParticipant.State.ACCEPTED).exclude(
        memberships__company=participant.company_id
    )
    recipients = [u for u in [*others, cooperation.created_by] if u is not None and u.pk != actor.pk]
    accepted = participant.state == CooperationParticipant.State.ACCEPTED
    notify(
        recipients=recipients,
        kind=kinds.ANSWER_ACCEPTED if accepted else kinds.ANSWER_DECLINED,
        params={
            "cooperation_id": cooperation.pk,
            "title": cooperation.title,
            "company": participant.company.name,
        },
        url=("cooperation:detail", [cooperation.pk]),
    )


def _update_state_after_answer(cooperation: Cooperation, now) -> None:
    states = list(cooperation.participants.values_list("state", flat=True))
    accepted = states.count(CooperationParticipant.State.ACCEPTED)
    open_ = states.count(CooperationParticipant.State.INVITED)
    if cooperation.state == Cooperation.State.INVITED and accepted >= MIN_ACCEPTED_FOR_ACTIVE:
        cooperation.state = Cooperation.State.ACTIVE
        cooperation.activated_at = now
        cooperation.save(update_fields=["state", "activated_at"])
        notify(
            recipients=_members_of(cooperation, state=CooperationParticipant.State.ACCEPTED),
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


def _members_of(cooperation: Cooperation, **participation):
    """The active members of the companies in the cooperation, narrowed by their participation's fields
    (one filter, so both conditions hold for the same participation)."""
    from itkoop.accounts import selectors as accounts

    path = "memberships__company__cooperation_participations__"
    conditions = {f"{path}cooperation": cooperation} | {f"{path}{k}": v for k, v in participation.items()}
    return accounts.users().filter(**conditions).distinct()


@transaction.atomic
def cooperation_withdraw(*, actor, cooperation: Cooperation) -> Cooperation:
    """The inviter takes an invitation back while answers are pending. It changes no answer; the members of
    every company in it are told, and answering it afterwards is refused."""
    if not permissions.can_withdraw(actor, cooperation):
        raise PermissionDenied
    cooperation = Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    if cooperation.state == Cooperation.State.WITHDRAWN:
        raise CooperationError(_("Diese Einladung ist bereits zurückgezogen."))
    if cooperation.state != Cooperation.State.INVITED:
        raise CooperationError(
            _("Zurückziehen können Sie eine Einladung nur, solange sie noch auf Antworten wartet.")
        )
    cooperation.state = Cooperation.State.WITHDRAWN
    cooperation.withdrawn_at = timezone.now()
    cooperation.save(update_fields=["state", "withdrawn_at"])
    claims.cooperation_withdrawn(cooperation_id=cooperation.pk)
    notify(
        recipients=_members_of(cooperation).exclude(pk=actor.pk),
        kind=kinds.WITHDRAWN,
        params={"cooperation_id": cooperation.pk, "title": cooperation.title, "inviter": str(actor)},
        url=("cooperation:detail", [cooperation.pk]),
    )
    logger.info("cooperation %s withdrawn by user %s", cooperation.pk, actor.pk)
    return cooperation


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
