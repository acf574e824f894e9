"""Reads of conversations: whose they are, and the thread of one. A person who is not a party finds none."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from itkoop.accounts import selectors as accounts

from .models import Conversation, Message, Participant


def company_ids_of(user) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(accounts.memberships_of_users([user.pk]).values_list("company_id", flat=True))


def _party_condition(user, prefix: str = "") -> Q:
    return Q(**{f"{prefix}user": user}) | Q(**{f"{prefix}company_id__in": company_ids_of(user)})


def conversations_of_user(user) -> QuerySet[Conversation]:
    """The conversations the user is a party of (through a company or in person), newest activity first."""
    if not getattr(user, "is_authenticated", False):
        return Conversation.objects.none()
    ids = Participant.objects.filter(_party_condition(user)).values("conversation_id")
    return Conversation.objects.filter(pk__in=ids).prefetch_related(
        "participants__company", "participants__user"
    )


def conversation_of_party(user, pk: int) -> Conversation | None:
    """The conversation if the user is a party of it; None for everyone else (the page answers 404)."""
    return conversations_of_user(user).filter(pk=pk).first()


def is_party(user, conversation: Conversation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return conversation.participants.filter(_party_condition(user)).exists()


def conversation_about(kind: str, object_id: int) -> Conversation | None:
    return Conversation.objects.filter(kind=kind, object_id=object_id).first()


def messages_of(conversation: Conversation) -> QuerySet[Message]:
    return conversation.messages.select_related("author")


def recipients_of(conversation: Conversation, *, exclude=None) -> list:
    """Everyone a message reaches: the members of party companies and the party people, active ones."""
    # Read afresh: a prefetched list would miss the parties added since (the hub team just asked in).
    parties = list(Participant.objects.filter(conversation=conversation))
    company_ids = [p.company_id for p in parties if p.company_id]
    user_ids = [p.user_id for p in parties if p.user_id]
    people = (
        accounts.users().filter(Q(pk__in=user_ids) | Q(memberships__company_id__in=company_ids)).distinct()
    )
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return list(people)
