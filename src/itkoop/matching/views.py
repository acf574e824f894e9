"""Need form -> joint offers with integration diagrams; invite the providers; the offer as PDF; partners."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.engine.serialize import bundle_to_dict
from itkoop.registry.models import Company
from itkoop.registry.selectors import companies_of_user

from . import presenters, services
from .forms import NeedForm

INVITE_SALT = "itkoop.matching.invite"


def _customer_company_id(user) -> str | None:
    company = companies_of_user(user).first() if user.is_authenticated else None
    return company.external_id if company else None


def _run(request, form: NeedForm, top_k: int = 5):
    data = form.cleaned_data
    return services.match_need(
        text=data["text"],
        top_k=top_k,
        hub=data["hub"].slug if data.get("hub") else None,
        postal_code=data.get("plz", ""),
        max_partners=data.get("max_partners"),
        labels=tuple(label.slug for label in data.get("labels", [])),
        customer_company_id=_customer_company_id(request.user),
    )


def need(request):
    form = NeedForm(request.GET or None)
    result = None
    bundles = []
    if request.GET and form.is_valid():
        try:
            result = _run(request, form)
        except services.MatchRequestError as exc:
            form.add_error("text", str(exc))
        else:
            bundles = presenters.present_bundles(result)
            for bundle in bundles:
                # Signed in the contract's JSON shape; the cooperation stores it as its bundle snapshot.
                bundle["invite_token"] = signing.dumps(
                    {
                        "companies": bundle["company_ids"],
                        "text": result.need.text,
                        "rank": bundle["rank"],
                        "bundle": bundle_to_dict(bundle["bundle"]),
                    },
                    salt=INVITE_SALT,
                    compress=True,
                )
    return render(
        request,
        "matching/need.html",
        {
            "form": form,
            "result": result,
            "bundles": bundles,
            "need_capabilities": presenters.present_need(result) if result else [],
            "querystring": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def invite(request):
    try:
        payload = signing.loads(request.POST.get("token", ""), salt=INVITE_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature:
        return HttpResponseBadRequest(
            _("Die Einladung ist ungültig oder abgelaufen. Bitte suchen Sie erneut.")
        )
    from itkoop.cooperation.services import CooperationError

    try:
        cooperation = services.invite_offer(
            actor=request.user,
            company_ids=payload["companies"],
            need_text=payload["text"],
            bundle=payload["bundle"],
        )
    except services.OwnCompanyRequired as exc:
        messages.info(request, str(exc))
        return redirect("accounts:company_create")
    except CooperationError as exc:
        messages.error(request, str(exc))
        return redirect("matching:need")
    messages.success(request, _("Die Anbieter wurden eingeladen. Sie sehen hier, wer zusagt."))
    return redirect(cooperation)


def offer_pdf(request):
    form = NeedForm(request.GET or None)
    try:
        rank = int(request.GET.get("rank", "1"))
    except ValueError:
        rank = 0
    if not form.is_valid() or rank < 1:
        return HttpResponseBadRequest(_("Bitte geben Sie einen Bedarf und ein Angebot an."))
    try:
        result = _run(request, form, top_k=max(rank, 5))
    except services.MatchRequestError as exc:
        return HttpResponseBadRequest(str(exc))
    bundles = [b for b in presenters.present_bundles(result) if b["rank"] == rank]
    if not bundles:
        raise Http404
    from weasyprint import HTML

    html = render_to_string(
        "matching/offer_pdf.html",
        {
            "bundle": bundles[0],
            "result": result,
            "need_capabilities": presenters.present_need(result),
        },
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="gesamtangebot-{rank}.pdf"'
    return response


def partners(request, external_id: str):
    company = get_object_or_404(Company, external_id=external_id)
    need_text = request.GET.get("need") or None
    error = None
    partners = []
    try:
        result = services.rank_partners_for(company_id=company.external_id, need_text=need_text, top_k=10)
    except services.MatchRequestError as exc:
        error = str(exc)
    else:
        partners = presenters.present_partners(result)
    return render(
        request,
        "matching/partners.html",
        {
            "company": company,
            "partners": partners,
            "error": error,
            "need_text": need_text,
        },
    )
