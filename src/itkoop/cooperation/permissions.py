"""Who may see and change cooperations and cooperation profiles: object level, one place."""

from __future__ import annotations

from .models import Cooperation, CooperationParticipant, CooperationProfile, ExpressionOfInterest


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_member(user, company_id: int) -> bool:
    return _active(user) and user.memberships.filter(company_id=company_id).exists()


def is_staff_for_hub(user, hub_id: str | None) -> bool:
    if not _active(user):
        return False
    return user.is_center_admin or (user.is_hub_staff and hub_id is not None and user.hub_id == hub_id)


def can_view_cooperation(user, cooperation: Cooperation) -> bool:
    if not _active(user):
        return False
    if cooperation.created_by_id == user.pk or is_staff_for_hub(user, cooperation.hub_id):
        return True
    company_ids = cooperation.participants.values_list("company_id", flat=True)
    return user.memberships.filter(company_id__in=company_ids).exists()


# A cooperation still takes answers while it is invited or active; afterwards it is closed.
ANSWERABLE_STATES = (Cooperation.State.INVITED, Cooperation.State.ACTIVE)


def can_respond(user, participant: CooperationParticipant) -> bool:
    """Members of the invited company answer for it."""
    return is_member(user, participant.company_id)


def invitations_to_answer(
    user, cooperation: Cooperation, participants: list[CooperationParticipant]
) -> list[CooperationParticipant]:
    """The invitations among `participants` that this user may answer now: their company's open invitations,
    while the cooperation still takes answers."""
    if cooperation.state not in ANSWERABLE_STATES:
        return []
    return [
        p for p in participants if p.state == CooperationParticipant.State.INVITED and can_respond(user, p)
    ]


def can_withdraw(user, cooperation: Cooperation) -> bool:
    """Only who sent the invitation takes it back."""
    return _active(user) and cooperation.created_by_id == user.pk


def can_withdraw_now(user, cooperation: Cooperation) -> bool:
    """While answers are pending: once active or closed there is nothing to withdraw."""
    return cooperation.state == Cooperation.State.INVITED and can_withdraw(user, cooperation)


def can_record_result(user, cooperation: Cooperation) -> bool:
    """Only members of companies that accepted take part in the result."""
    if not _active(user):
        return False
    accepted = cooperation.participants.filter(state=CooperationParticipant.State.ACCEPTED)
    return user.memberships.filter(company_id__in=accepted.values("company_id")).exists()


def can_record_result_now(user, cooperation: Cooperation) -> bool:
    """A result is recorded once, for an active cooperation, by an accepted partner."""
    return cooperation.state == Cooperation.State.ACTIVE and can_record_result(user, cooperation)


def can_edit_profile(user, profile: CooperationProfile) -> bool:
    return is_member(user, profile.company_id)


def can_moderate_profile(user, profile: CooperationProfile) -> bool:
    return is_staff_for_hub(user, profile.company.hub_id)


def moderates_own_profile(user, profile: CooperationProfile) -> bool:
    """A moderator who wrote the profile or belongs to its company would release their own: another person
    of the hub or the center decides."""
    return profile.created_by_id == user.pk or is_member(user, profile.company_id)


def can_see_profile(user, profile: CooperationProfile) -> bool:
    """Published, unexpired profiles are public; others only for the author and the moderators."""
    if profile.moderation == CooperationProfile.Moderation.PUBLISHED and not profile.is_expired:
        return True
    return can_edit_profile(user, profile) or can_moderate_profile(user, profile)


def can_see_author(user, profile: CooperationProfile) -> bool:
    """An anonymous profile shows its company to author, moderators and firms with an accepted interest."""
    if not profile.anonymous or can_edit_profile(user, profile) or can_moderate_profile(user, profile):
        return True
    if not _active(user):
        return False
    return profile.interests.filter(
        status=ExpressionOfInterest.Status.ACCEPTED, company__memberships__user=user
    ).exists()


def can_answer_interest(user, interest: ExpressionOfInterest) -> bool:
    return is_member(user, interest.profile.company_id)


def can_view_interest(user, interest: ExpressionOfInterest) -> bool:
    return (
        can_answer_interest(user, interest)
        or is_member(user, interest.company_id)
        or can_moderate_profile(user, interest.profile)
    )
