"""Marketplace pages: list, profile with interests, posting, renewal, moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core.shortcuts import get_visible_or_404

from . import permissions, selectors, services
from .forms import InterestForm, MarketFilterForm, ModerationForm, ProfileForm
from .models import CooperationProfile, ExpressionOfInterest


def market(request):
    form = MarketFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.published_profiles(
        kind=filters.get("kind", ""),
        capability=filters["capability"].id if filters.get("capability") else "",
        text=filters.get("q", ""),
    )
    page = Paginator(profiles, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cooperation/market.html",
        {
            "form": form,
            "page": page,
            "querystring": query.urlencode(),
            "my_profiles": selectors.profiles_of_user(request.user)[:50],
            "to_moderate": selectors.profiles_to_moderate(request.user)[:50],
        },
    )


def _profile_or_404(request, pk: int) -> CooperationProfile:
    """The profile if the viewer may see it; otherwise 404 exactly like a missing id."""
    return get_visible_or_404(
        CooperationProfile.objects.select_related("company", "company__hub", "created_by"),
        pk,
        lambda p: permissions.can_see_profile(request.user, p),
    )


def profile_detail(request, pk: int):
    profile = _profile_or_404(request, pk)
    user = request.user
    is_author = permissions.can_edit_profile(user, profile)
    own_interest = None
    interest_form = None
    if user.is_authenticated and not is_author:
        own_interest = (
            ExpressionOfInterest.objects.filter(profile=profile, company__memberships__user=user)
            .select_related("company", "created_by")
            .first()
        )
        if own_interest is None:
            interest_form = InterestForm(user=user, exclude_company=profile.company_id)
            if not interest_form.fields["company"].queryset.exists():
                interest_form = None
    return render(
        request,
        "cooperation/profile.html",
        {
            "profile": profile,
            "show_author": permissions.can_see_author(user, profile),
            "is_author": is_author,
            "can_moderate": permissions.can_moderate_profile(user, profile)
            and profile.moderation == CooperationProfile.Moderation.PENDING,
            "moderates_own": permissions.moderates_own_profile(user, profile),
            "interests": selectors.interests_for(profile) if is_author else [],
            "own_interest": own_interest,
            "interest_form": interest_form,
            "moderation_form": ModerationForm(),
            "similar": selectors.similar_profiles(profile),
            "matching_companies": selectors.matching_companies(profile, viewer=user),
        },
    )


def _profile_kwargs(data) -> dict:
    return {
        "kind": data["kind"],
        "title": data["title"],
        "body": data["body"],
        "capabilities": list(data["capabilities"]),
        "anonymous": data["anonymous"],
        "deadline": data["deadline"],
    }


@login_required
def profile_create(request):
    form = ProfileForm(request.POST or None, user=request.user)
    if not form.fields["company"].queryset.exists():
        messages.info(
            request, _("Um ein Kooperationsprofil zu veröffentlichen, legen Sie zuerst Ihr Unternehmen an.")
        )
        return redirect("accounts:company_create")
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.profile_create(
                actor=request.user, company=form.cleaned_data["company"], **_profile_kwargs(form.cleaned_data)
            )
        except services.MarketplaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihr Profil ist angelegt und wird vom Stützpunkt-Team geprüft."))
            return redirect(profile)
    return render(request, "cooperation/profile_form.html", {"form": form})


@login_required
def profile_edit(request, pk: int):
    profile = _profile_or_404(request, pk)
    if not permissions.can_edit_profile(request.user, profile):
        raise PermissionDenied
    initial = {
        "company": profile.company,
        "kind": profile.kind,
        "title": profile.title,
        "body": profile.body,
        "capabilities": profile.capabilities.all(),
        "anonymous": profile.anonymous,
        "deadline": profile.deadline,
    }
    form = ProfileForm(request.POST or None, user=request.user, initial=initial)
    form.fields["company"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(actor=request.user, profile=profile, **_profile_kwargs(form.cleaned_data))
        except services.MarketplaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihre Änderungen sind gespeichert und werden erneut geprüft."))
            return redirect(profile)
    return render(request, "cooperation/profile_form.html", {"form": form, "profile": profile})


@login_required
@require_POST
def profile_renew(request, pk: int):
    profile = _profile_or_404(request, pk)
    try:
        services.profile_renew(actor=request.user, profile=profile)
    except services.MarketplaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Das Profil ist verlängert."))
    return redirect(profile)


@login_required
@require_POST
def profile_moderate(request, pk: int):
    profile = _profile_or_404(request, pk)
    form = ModerationForm(request.POST)
    note = form.cleaned_data.get("note", "") if form.is_valid() else ""
    publish = request.POST.get("publish") == "1"
    try:
        services.profile_moderate(actor=request.user, profile=profile, publish=publish, note=note)
    except services.MarketplaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Das Profil ist veröffentlicht.") if publish else _("Das Profil ist abgelehnt.")
        )
    return redirect(profile)


@login_required
@require_POST
def interest_submit(request, pk: int):
    profile = _profile_or_404(request, pk)
    form = InterestForm(request.POST, user=request.user, exclude_company=profile.company_id)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(profile)
    data = form.cleaned_data
    try:
        services.interest_submit(
            actor=request.user,
            profile=profile,
            company=data["company"],
            cooperation_sought=data["cooperation_sought"],
            questions=data["questions"],
            about=data["about"],
        )
    except services.MarketplaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Ihr Interesse ist übermittelt. Die Autorin oder der Autor wird benachrichtigt.")
        )
    return redirect(profile)


@login_required
@require_POST
def interest_answer(request, pk: int):
    interest = get_visible_or_404(
        ExpressionOfInterest.objects.select_related("profile", "profile__company"),
        pk,
        lambda i: permissions.can_view_interest(request.user, i),
    )
    accept = request.POST.get("accept") == "1"
    try:
        services.interest_answer(actor=request.user, interest=interest, accept=accept)
    except services.MarketplaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Interesse angenommen.") if accept else _("Interesse abgelehnt."))
    return redirect(interest.profile)
