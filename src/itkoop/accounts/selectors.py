"""Reads of users and memberships that other apps share (who to notify, whose company a user is)."""

from django.db.models import QuerySet

from .models import ApiToken, Membership, User


def users() -> QuerySet[User]:
    """Active users: the base query other apps narrow (members of a company, of a cooperation ...)."""
    return User.objects.filter(is_active=True)


def center_admins() -> QuerySet[User]:
    return users().filter(role=User.Role.CENTER_ADMIN)


def hub_staff(hub_id: str) -> QuerySet[User]:
    return users().filter(role=User.Role.HUB_STAFF, hub_id=hub_id)


def company_members(company) -> QuerySet[User]:
    return users().filter(memberships__company=company)


def memberships_of_users(user_ids) -> QuerySet[Membership]:
    """The memberships of these users, oldest first."""
    return Membership.objects.filter(user_id__in=user_ids).order_by("created")


def confirmed_email_addresses(user) -> list[str]:
    """The addresses the person has confirmed (clicked the link allauth sent), lower-cased."""
    from allauth.account.models import EmailAddress

    if not getattr(user, "is_authenticated", False):
        return []
    return [
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    ]


def api_tokens_of(user) -> QuerySet[ApiToken]:
    """The person's API keys, newest first (only prefix and dates: the keys themselves are not stored)."""
    if not getattr(user, "is_authenticated", False):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user).order_by("-created")
