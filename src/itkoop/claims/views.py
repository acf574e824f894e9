"""Claim pages: the link from the e-mail (sign up or log in, keeping the link through `next`), the claim from
a company page, and the hub staff's list of waiting claims with approve and reject."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core.shortcuts import get_visible_or_404
from itkoop.registry import selectors as registry

from . import selectors, services
from .domains import email_at_domain, registrable_domain
from .forms import ClaimForm, DecisionForm
from .models import Claim
from .permissions import can_claim, can_decide, can_review


def _refused(request, error: services.ClaimError):
    return render(request, "claims/refused.html", {"message": str(error)}, status=error.status)


def _after_claim(request, claim: Claim):
    company = claim.company
    if claim.status == Claim.Status.APPROVED:
        messages.success(
            request,
            _("Sie sind jetzt Mitglied von %(company)s und können das Profil pflegen.")
            % {"company": company.name},
        )
        if claim.invitation_id and claim.invitation.cooperation_id:
            messages.info(request, _("Die Einladung zur Kooperation finden Sie jetzt in Ihrem Bereich."))
            return redirect("dashboard:index")
        return redirect(company)
    return redirect("claims:start", company.external_id)


def _claim_context(user, company) -> dict:
    """Whether the person may claim at all (staff accounts may not: their page says so instead of offering
    a form that is always refused), and how a claim would be settled."""
    domain = registrable_domain(company.website)
    confirmed = user.is_authenticated and services.domain_confirmed(user, company)
    return {
        "staff_refusal": services.staff_claim_refusal()
        if user.is_authenticated and not can_claim(user)
        else "",
        "domain": domain,
        "domain_confirmed": confirmed,
        # At the domain but not confirmed yet: confirming it settles the claim (services.settle_after_...).
        "domain_unconfirmed": user.is_authenticated and not confirmed and email_at_domain(user.email, domain),
    }


def link(request, token: str):
    """GET shows whose profile the link offers (and, to a visitor, sign-up and login that come back here);
    POST claims it."""
    try:
        invitation = services.invitation_for_token(token)
    except services.ClaimError as error:
        return _refused(request, error)
    form = ClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                claim = services.claim_by_link(
                    actor=request.user, token=token, note=form.cleaned_data["note"]
                )
            except services.ClaimError as error:
                return _refused(request, error)
            return _after_claim(request, claim)
    return render(
        request,
        "claims/link.html",
        {
            "invitation": invitation,
            "company": invitation.company,
            "form": form,
            **_claim_context(request.user, invitation.company),
        },
        status=400 if form.errors else 200,
    )


@login_required
def start(request, external_id: str):
    """A company page's "Ist das Ihr Unternehmen?": the claim, or where it stands."""
    company = registry.companies().select_related("hub").filter(external_id=external_id).first()
    if company is None:
        raise Http404
    form = ClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            claim = services.claim_start(
                actor=request.user, company_id=company.pk, note=form.cleaned_data["note"]
            )
        except services.ClaimError as error:
            messages.error(request, str(error))
            return redirect("claims:start", company.external_id)
        return _after_claim(request, claim)
    return render(
        request,
        "claims/start.html",
        {
            "company": company,
            "form": form,
            "has_members": registry.company_has_members(company),
            "pending": selectors.pending_claim_of(request.user, company),
            **_claim_context(request.user, company),
        },
        status=400 if form.errors else 200,
    )


@login_required
def review(request):
    """The hub staff's list: waiting claims of their hub's companies (center admins: all)."""
    if not can_review(request.user):
        raise PermissionDenied
    waiting = list(selectors.claims_to_review(request.user)[:200])
    for claim in waiting:
        claim.domain = registrable_domain(claim.company.website)
    return render(
        request,
        "claims/review.html",
        {"claims": waiting, "decided": selectors.recently_decided(request.user), "form": DecisionForm()},
    )


@login_required
@require_POST
def decide(request, pk: int):
    get_visible_or_404(Claim.objects.select_related("company"), pk, lambda c: can_decide(request.user, c))
    form = DecisionForm(request.POST)
    approve = request.POST.get("approve") == "1"
    if not form.is_valid():
        messages.error(request, _("Die Begründung darf höchstens 500 Zeichen lang sein."))
        return redirect("claims:review")
    try:
        claim = services.claim_decide(
            actor=request.user, claim_id=pk, approve=approve, note=form.cleaned_data["note"]
        )
    except services.ClaimError as error:
        messages.error(request, str(error))
    else:
        company, person = claim.company.name, str(claim.user)
        if approve:
            messages.success(
                request,
                _("%(person)s ist jetzt Mitglied von %(company)s.") % {"person": person, "company": company},
            )
        else:
            messages.success(
                request,
                _("Die Anfrage wurde abgelehnt; %(person)s wird benachrichtigt.") % {"person": person},
            )
    return redirect("claims:review")
