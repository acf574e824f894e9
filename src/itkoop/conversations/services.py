"""Writes of conversations: start one for a cooperation, an accepted interest, a meeting request or a company
contact; send a message; add the hub team. Every function checks that the actor is a party."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from itkoop.accounts import selectors as accounts
from itkoop.claims import services as claims
from itkoop.cooperation import selectors as cooperation
from itkoop.core.ratelimit import hit
from itkoop.events import selectors as events
from itkoop.notifications.services import notify
from itkoop.registry import selectors as registry

from . import notifications, selectors
from .models import MAX_BODY, Conversation, Message, Participant

# The same text from the same person within this time counts as one message (a double submit).
DOUBLE_SUBMIT_WINDOW = dt.timedelta(seconds=30)

Kind = Conversation.Kind

MESSAGE_LIMIT = (30, 10 * 60)  # messages per user in ten minutes
CONTACT_LIMIT = (5, 60 * 60)  # new company contacts per user in an hour
EXCERPT = 300


def _within_limit(user, name: str, limit: tuple[int, int]) -> bool:
    """Counts one more action of the user in a fixed window; False once the limit is reached."""
    count, seconds = limit
    return hit(f"conversations:{name}", str(user.pk), limit=count, window=seconds)


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Bitte schreiben Sie eine Nachricht."))
    if len(body) > MAX_BODY:
        raise ValidationError(
            _("Eine Nachricht darf höchstens %(max)d Zeichen lang sein.") % {"max": MAX_BODY}
        )
    return body


def _parties_of(kind: str, object_id: int, actor) -> tuple[str, list, list]:
    """(subject, companies, people) of the object the conversation belongs to; PermissionDenied when the
    actor is no party of it or it does not exist."""
    my_companies = set(selectors.company_ids_of(actor))
    if kind == Kind.COOPERATION:
        item = cooperation.cooperations().filter(pk=object_id).first()
        if item is None:
            raise PermissionDenied
        companies = [
            p.company
            for p in cooperation.cooperation_detail(item.pk).participants.all()
            if p.state != "declined"
        ]
        if not my_companies & {c.pk for c in companies}:
            raise PermissionDenied
        return item.title, companies, []
    if kind == Kind.INTEREST:
        item = (
            cooperation.interests().select_related("profile__company", "company").filter(pk=object_id).first()
        )
        if item is None or item.status != "accepted":
            raise PermissionDenied
        companies = [item.profile.company, item.company]
        if not my_companies & {c.pk for c in companies}:
            raise PermissionDenied
        return item.profile.title, companies, []
    if kind == Kind.MEETING_REQUEST:
        item = events.meeting_requests().filter(pk=object_id).first()
        if item is None or actor.pk not in (item.sender_id, item.recipient_id):
            raise PermissionDenied
        return item.event.title, [], [item.sender, item.recipient]
    raise PermissionDenied


def conversation_find(*, actor, kind: str, object_id: int) -> Conversation | None:
    """The conversation about an object if there is one, for a party of the object (reads only)."""
    _parties_of(kind, object_id, actor)
    return selectors.conversation_about(kind, object_id)


@transaction.atomic
def conversation_for(*, actor, kind: str, object_id: int) -> Conversation:
    """Get or create the conversation of a cooperation (its companies that did not decline), an accepted
    interest (both companies) or a meeting request (both people); parties that joined later are added."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    subject, companies, people = _parties_of(kind, object_id, actor)
    conversation = selectors.conversation_about(kind, object_id)
    if conversation is None:
        try:
            with transaction.atomic():
                conversation = Conversation.objects.create(
                    subject=subject[:200], kind=kind, object_id=object_id
                )
        except IntegrityError:  # started at the same moment by the other side
            conversation = Conversation.objects.get(kind=kind, object_id=object_id)
    for company in companies:
        Participant.objects.get_or_create(conversation=conversation, company=company)
    for person in people:
        Participant.objects.get_or_create(conversation=conversation, user=person)
    return conversation


def interest_accepted(interest, actor) -> None:
    """The marketplace's listener (registered by ConversationsConfig.ready()): an accepted interest opens the
    conversation of the two companies at once, so both find it among their messages."""
    conversation_for(actor=actor, kind=Kind.INTEREST, object_id=interest.pk)


def _send(conversation: Conversation, actor, body: str) -> Message:
    message = Message.objects.create(conversation=conversation, author=actor, body=body)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created)
    excerpt = body if len(body) <= EXCERPT else body[: EXCERPT - 1] + "…"
    notify(
        recipients=selectors.recipients_of(conversation, exclude=actor),
        kind=notifications.MESSAGE,
        params={"sender": str(actor), "subject": conversation.subject, "excerpt": excerpt},
        url=("conversations:detail", [conversation.pk]),
    )
    return message


@transaction.atomic
def message_send(*, actor, conversation_id: int, body: str) -> Message:
    """Post a message as a party; the other parties are notified. Empty or over-long text is refused."""
    conversation = selectors.conversation_of_party(actor, conversation_id)
    if conversation is None:
        raise PermissionDenied
    body = _clean_body(body)
    # A double submit (two clicks, a resent form) posts the same text again at once: it is one message.
    Conversation.objects.select_for_update().filter(pk=conversation.pk).first()
    repeated = (
        Message.objects.filter(conversation=conversation, author=actor, body=body)
        .filter(created__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW)
        .first()
    )
    if repeated is not None:
        return repeated
    if not _within_limit(actor, "message", MESSAGE_LIMIT):
        raise ValidationError(
            _("Sie haben gerade sehr viele Nachrichten gesendet. Bitte warten Sie einige Minuten.")
        )
    return _send(conversation, actor, body)


@transaction.atomic
def company_contact(*, actor, company_external_id: str, subject: str, body: str) -> Conversation:
    """Start a conversation between the actor's company (or the actor alone if they have none) and the
    contacted company, with the first message."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    target = registry.companies().filter(external_id=company_external_id).first()
    if target is None:
        raise PermissionDenied
    subject = (subject or "").strip()
    if not subject:
        raise ValidationError(_("Bitte geben Sie einen Betreff an."))
    if len(subject) > 200:
        raise ValidationError(_("Der Betreff darf höchstens 200 Zeichen lang sein."))
    body = _clean_body(body)
    own = registry.companies_of_user(actor).exclude(pk=target.pk).first()
    if target.pk in selectors.company_ids_of(actor) and own is None:
        raise ValidationError(_("Das ist Ihr eigenes Unternehmen."))
    # A double submit (two clicks, the form sent again after going back) starts one conversation.
    registry.companies().select_for_update().filter(pk=target.pk).first()
    repeated = Conversation.objects.filter(
        kind=Kind.COMPANY_CONTACT,
        object_id=target.pk,
        subject=subject,
        messages__author=actor,
        messages__body=body,
        messages__created__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if repeated is not None:
        return repeated
    if not _within_limit(actor, "contact", CONTACT_LIMIT):
        raise ValidationError(
            _(
                "Sie haben in der letzten Stunde schon mehrere Unternehmen angeschrieben. "
                "Bitte versuchen Sie es später erneut."
            )
        )
    conversation = Conversation.objects.create(
        subject=subject, kind=Kind.COMPANY_CONTACT, object_id=target.pk
    )
    Participant.objects.create(conversation=conversation, company=target)
    if own is not None:
        Participant.objects.create(conversation=conversation, company=own)
    else:
        Participant.objects.create(conversation=conversation, user=actor)
    _send(conversation, actor, body)
    # Nobody at the company has an account: its contact address gets a claim link (or the hub staff a task
    # to phone), so the message does not wait unseen.
    claims.reach_unclaimed_company(company=target, reason=subject, actor=actor)
    return conversation


@transaction.atomic
def hub_team_add(*, actor, conversation_id: int) -> int:
    """A party asks the hub team in: the staff of the hub of the party companies (center admins when the
    hub has none) become parties in person. Returns how many were added."""
    conversation = selectors.conversation_of_party(actor, conversation_id)
    if conversation is None:
        raise PermissionDenied
    hubs = {p.company.hub_id for p in conversation.participants.select_related("company") if p.company_id}
    hubs.discard(None)
    staff = list(accounts.users().filter(role="hub_staff", hub_id__in=hubs)) or list(accounts.center_admins())
    added = 0
    for person in staff:
        __, created = Participant.objects.get_or_create(
            conversation=conversation, user=person, defaults={"added_by": actor, "created": timezone.now()}
        )
        added += created
    if added:
        # A line of the platform's, stored as a kind: each reader sees it in their language.
        message = Message.objects.create(
            conversation=conversation, author=actor, system_kind=Message.SystemKind.HUB_TEAM_ADDED
        )
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created)
        notify(
            recipients=selectors.recipients_of(conversation, exclude=actor),
            kind=notifications.HUB_TEAM_ADDED,
            params={"person": str(actor), "subject": conversation.subject},
            url=("conversations:detail", [conversation.pk]),
        )
    return added
