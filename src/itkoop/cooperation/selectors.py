"""Reads of the cooperation app that pages, the API and the matching engine's adapter share.

`cooperation_trust_pairs` is the single place where trust is computed from the cooperation history."""

from __future__ import annotations

import logging
from collections import Counter
from itertools import combinations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import ngettext

from itkoop.registry import selectors as registry

from . import permissions
from .models import (
    Cooperation,
    CooperationParticipant,
    CooperationProfile,
    ExpressionOfInterest,
    Inquiry,
)

logger = logging.getLogger(__name__)

# Cooperations that count as trust: running ones and those that ended with a success.
TRUSTED_STATES = (Cooperation.State.ACTIVE, Cooperation.State.RESULT)


def pair_key(a: str, b: str) -> tuple[str, str]:
    """Trust is symmetric: a pair is keyed by its two external ids in sorted order."""
    return (a, b) if a <= b else (b, a)


def cooperation_trust_records() -> list[tuple[str, str, int | None, str]]:
    """Every trusted cooperation between two companies as (a, b, year, title), a < b (external ids).

    Both cooperations on the platform (companies that accepted, cooperation active or with a result "offer
    won"/"project done"; one record per pair, titled and dated as the cooperation) and the past cooperations
    recorded in imported catalogs (a record entered from both sides with the same title and year counts
    once)."""
    records: list[tuple[str, str, int | None, str]] = []
    rows = (
        CooperationParticipant.objects.filter(
            state=CooperationParticipant.State.ACCEPTED, cooperation__state__in=TRUSTED_STATES
        )
        .values_list("cooperation_id", "company__external_id", "cooperation__title", "cooperation__created")
        .order_by("cooperation_id")
    )
    members: dict[int, list[str]] = {}
    about: dict[int, tuple[int | None, str]] = {}
    for cooperation_id, external_id, title, created in rows:
        members.setdefault(cooperation_id, []).append(external_id)
        about[cooperation_id] = (created.year if created else None, title)
    for cooperation_id, ids in members.items():
        year, title = about[cooperation_id]
        for a, b in combinations(sorted(set(ids)), 2):
            records.append((a, b, year, title))
    seen: set[tuple] = set()
    for a, b, title, year in registry.past_cooperations().values_list(
        "company__external_id", "partner__external_id", "title", "year"
    ):
        if a == b:
            continue
        key = pair_key(a, b)
        if (key, title, year) in seen:
            continue
        seen.add((key, title, year))
        records.append((*key, year, title))
    return records


def cooperation_trust_pairs() -> dict[tuple[str, str], int]:
    """Company pairs (sorted external ids) -> number of trusted cooperations between them (see
    `cooperation_trust_records`)."""
    return dict(Counter((a, b) for a, b, _year, _title in cooperation_trust_records()))


def cooperations_of_user(user) -> QuerySet[Cooperation]:
    """Cooperations the user takes part in (through a company), created, or looks after as staff."""
    if not getattr(user, "is_authenticated", False):
        return Cooperation.objects.none()
    condition = Q(participants__company__memberships__user=user) | Q(created_by=user)
    if user.is_center_admin:
        condition = Q()
    elif user.is_hub_staff:
        condition |= Q(hub_id=user.hub_id)
    ids = Cooperation.objects.filter(condition).values("pk")
    return (
        Cooperation.objects.filter(pk__in=ids)
        .select_related("hub")
        .prefetch_related("participants__company")
        .order_by("-created")
    )


def cooperation_detail(pk: int) -> Cooperation:
    return (
        Cooperation.objects.select_related("hub", "created_by")
        .prefetch_related("participants__company", "participants__responded_by")
        .get(pk=pk)
    )


def cooperation_invited_with(digest: str) -> Cooperation | None:
    """The cooperation a single-use invitation token (its digest) already created, if any."""
    return Cooperation.objects.filter(invite_digest=digest).first() if digest else None


def open_invitations_of_user(user) -> QuerySet[CooperationParticipant]:
    if not getattr(user, "is_authenticated", False):
        return CooperationParticipant.objects.none()
    return CooperationParticipant.objects.filter(
        company__memberships__user=user,
        state=CooperationParticipant.State.INVITED,
        cooperation__state__in=(Cooperation.State.INVITED, Cooperation.State.ACTIVE),
    ).select_related("cooperation", "company")


# --- marketplace ------------------------------------------------------------------------------------------


def published_profiles(
    *, kind: str = "", capability: str = "", text: str = ""
) -> QuerySet[CooperationProfile]:
    """Profiles everyone sees: released by the hub staff and not expired."""
    queryset = (
        CooperationProfile.objects.filter(
            moderation=CooperationProfile.Moderation.PUBLISHED, expires_at__gt=timezone.now()
        )
        .select_related("company")
        .prefetch_related("capabilities")
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if capability:
        queryset = queryset.filter(capabilities__id=capability)
    if text:
        queryset = queryset.filter(Q(title__icontains=text) | Q(body__icontains=text))
    return queryset.distinct().order_by("-created")


def profile_visible_to(viewer, pk: int) -> CooperationProfile | None:
    """The profile if the viewer may see it (permissions.can_see_profile); None when it is missing or
    hidden, so both answer alike. For the API, which reaches this app only through its selectors."""
    profile = CooperationProfile.objects.select_related("company", "company__hub").filter(pk=pk).first()
    if profile is None or not permissions.can_see_profile(viewer, profile):
        return None
    return profile


def author_visible_to(viewer, profile: CooperationProfile) -> bool:
    """Whether the viewer may know which company wrote the profile (permissions.can_see_author)."""
    return permissions.can_see_author(viewer, profile)


def profiles_of_user(user) -> QuerySet[CooperationProfile]:
    if not getattr(user, "is_authenticated", False):
        return CooperationProfile.objects.none()
    return (
        CooperationProfile.objects.filter(company__memberships__user=user)
        .select_related("company")
        .annotate(interest_count=Count("interests", distinct=True))
        .order_by("-created")
    )


def profiles_to_moderate(user) -> QuerySet[CooperationProfile]:
    if not getattr(user, "is_authenticated", False):
        return CooperationProfile.objects.none()
    queryset = CooperationProfile.objects.filter(
        moderation=CooperationProfile.Moderation.PENDING
    ).select_related("company")
    if user.is_center_admin:
        return queryset
    if user.is_hub_staff:
        return queryset.filter(company__hub_id=user.hub_id)
    return CooperationProfile.objects.none()


def similar_profiles(profile: CooperationProfile, limit: int = 5) -> list[CooperationProfile]:
    """Other published profiles sharing capabilities, most shared first."""
    capability_ids = list(profile.capabilities.values_list("id", flat=True))
    if not capability_ids:
        return []
    return list(
        published_profiles()
        .exclude(pk=profile.pk)
        .filter(capabilities__id__in=capability_ids)
        .annotate(shared=Count("capabilities", filter=Q(capabilities__id__in=capability_ids), distinct=True))
        .order_by("-shared", "-created")[:limit]
    )


def matching_companies(profile: CooperationProfile, *, viewer, limit: int = 6) -> list[dict]:
    """Companies that fit the profile. Each entry: {"company": Company, "reasons": [text]}.

    A viewer who may see the author (permissions.can_see_author) gets the matching engine's partner ranking
    for the author's company and the profile's text (complementary solutions, distance, trust from past
    cooperations); if the engine cannot rank, the registry's companies offering the profile's capabilities,
    without the author.

    Every other viewer gets a list computed from the profile's own text and capabilities only: the companies
    offering them, the author's company not left out. The author's solutions, location, partners or even its
    absence from the list would single it out among the registry's companies (issue 16.1)."""
    if not permissions.can_see_author(viewer, profile):
        return _capability_providers(_profile_capabilities(profile, with_text=True), limit)
    entries = _engine_partners(profile, limit)
    if entries:
        return entries
    return _capability_providers(
        _profile_capabilities(profile, with_text=False), limit, exclude_company_id=profile.company_id
    )


def _profile_text(profile: CooperationProfile) -> str:
    labels = " ".join(c.label_de for c in profile.capabilities.all())
    return f"{profile.title}. {profile.body} {labels}".strip()[:2000]


def _profile_capabilities(profile: CooperationProfile, *, with_text: bool) -> list[str]:
    """The capabilities the profile names, then (with_text) those the need analysis reads in its text."""
    ids = list(profile.capabilities.order_by("id").values_list("id", flat=True))
    if with_text:
        from itkoop.matching.services import capabilities_in_text

        try:
            found = capabilities_in_text(text=_profile_text(profile))
        except Exception:  # suggestions are a help, never a reason for the page to fail
            logger.exception("need analysis for profile %s failed", profile.pk)
            found = []
        ids += [c for c in found if c not in ids]
    return ids


def _capability_providers(
    capability_ids: list[str], limit: int, *, exclude_company_id: int | None = None
) -> list[dict]:
    """The registry's companies offering most of the capabilities, verified ones first among equals."""
    if not capability_ids:
        return []
    companies = registry.companies()
    if exclude_company_id is not None:
        companies = companies.exclude(pk=exclude_company_id)
    companies = (
        companies.filter(solutions__capabilities__id__in=capability_ids)
        .annotate(
            covered=Count(
                "solutions__capabilities",
                filter=Q(solutions__capabilities__id__in=capability_ids),
                distinct=True,
            )
        )
        .select_related("hub")
        .order_by("-covered", "-verified", "name", "pk")[:limit]
    )
    return [
        {
            "company": c,
            "reasons": [
                ngettext("bietet %(n)d der Fähigkeiten", "bietet %(n)d der Fähigkeiten", c.covered)
                % {"n": c.covered}
            ],
        }
        for c in companies
    ]


def _engine_partners(profile: CooperationProfile, limit: int) -> list[dict]:
    from itkoop.matching.selectors import present_partners
    from itkoop.matching.services import MatchRequestError, rank_partners_for

    try:
        result = rank_partners_for(
            company_id=profile.company.external_id, need_text=_profile_text(profile), top_k=limit
        )
    except MatchRequestError:
        return []
    except Exception:  # suggestions are a help, never a reason for the page to fail
        logger.exception("partner ranking for profile %s failed", profile.pk)
        return []
    return [
        {"company": p["company"], "reasons": p["reasons"][:3]}
        for p in present_partners(result)
        if p["company"].pk != profile.company_id
    ][:limit]


def interests_for(profile: CooperationProfile) -> QuerySet[ExpressionOfInterest]:
    return profile.interests.select_related("company", "created_by").order_by("-created")


def bundle_summary(cooperation: Cooperation) -> dict | None:
    """The joint offer the engine proposed when the cooperation was started, with names instead of ids."""
    from itkoop.matching.selectors import present_bundle_snapshot

    return present_bundle_snapshot(cooperation.bundle)


def accepted_participations() -> QuerySet[CooperationParticipant]:
    """Participations of companies that accepted their invitation."""
    return CooperationParticipant.objects.filter(state=CooperationParticipant.State.ACCEPTED)


def cooperations() -> QuerySet[Cooperation]:
    return Cooperation.objects.all()


def cooperations_initiated() -> QuerySet[Cooperation]:
    """Cooperations whose invitation went out and stands: one the inviter withdrew counts as never sent (a
    mistaken or duplicate invitation must not inflate the figures)."""
    return Cooperation.objects.exclude(state=Cooperation.State.WITHDRAWN)


def cooperations_with_result() -> QuerySet[Cooperation]:
    return Cooperation.objects.filter(state=Cooperation.State.RESULT)


def inquiries() -> QuerySet[Inquiry]:
    return Inquiry.objects.all()


def interests() -> QuerySet[ExpressionOfInterest]:
    return ExpressionOfInterest.objects.all()


def interests_of_user(user) -> QuerySet[ExpressionOfInterest]:
    """The expressions of interest the user's companies sent, newest first (for "Mein Bereich")."""
    if not getattr(user, "is_authenticated", False):
        return ExpressionOfInterest.objects.none()
    return (
        ExpressionOfInterest.objects.filter(company__memberships__user=user)
        .select_related("profile", "company")
        .order_by("-created")
    )


def released_profiles() -> QuerySet[CooperationProfile]:
    """Profiles the hub staff released, expired or not (published_profiles: what visitors see now)."""
    return CooperationProfile.objects.filter(moderation=CooperationProfile.Moderation.PUBLISHED)


# --- who is told ---


def company_members(company):
    """The active people of a company: who hears about its invitations, profiles and interests."""
    from itkoop.accounts import selectors as accounts

    return accounts.company_members(company).distinct()  # active people only (accounts.users)


def hub_team(hub_id: str | None):
    """The active staff of a hub; the center admins when there is no hub or nobody works there."""
    from itkoop.accounts import selectors as accounts

    staff = accounts.hub_staff(hub_id) if hub_id else None
    if staff is not None and staff.exists():
        return staff
    return accounts.center_admins()
