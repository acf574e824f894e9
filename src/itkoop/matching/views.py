"""Need form -> joint offers with integration diagrams; partners. The offer as PDF is made by the document
service (itkoop.documents, kind "matching.offer") from the hidden fields of the form beside each offer.
Inviting a joint offer's providers is the cooperation app's review page (cooperation:bundle_invite), fed by
the token made here."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from itkoop.core.ratelimit import throttle_by_ip
from itkoop.registry import selectors as registry

from . import presenters, services
from .forms import NeedForm


def _customer_company_id(user) -> str | None:
    company = registry.companies_of_user(user).first() if user.is_authenticated else None
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


#: Matching runs the engine over the whole catalog (and the PDF renders it): per client address and minute,
#: enough for a person trying variants of a need, not for a script.
MATCHES_PER_MINUTE = 30


@throttle_by_ip("matching", limit=MATCHES_PER_MINUTE, window=60, when=lambda r: bool(r.GET.get("text")))
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
            # Invitations are sent by signed-in users; each token is bound to the one it is shown to.
            for bundle in bundles if request.user.is_authenticated else []:
                bundle["invite_token"] = services.bundle_invite_token(
                    user_id=request.user.pk,
                    companies=bundle["company_ids"],
                    need_text=result.need.text,
                    rank=bundle["rank"],
                    bundle=services.bundle_snapshot(result, bundle["bundle"]),
                )
    return render(
        request,
        "matching/need.html",
        {
            "form": form,
            "result": result,
            "bundles": bundles,
            "need_capabilities": presenters.present_need(result) if result else [],
            "understanding": presenters.present_understanding(result) if result else None,
            "search_notice": presenters.search_notice(result) if result else None,
            "ranking_rule": presenters.ranking_rule() if bundles else "",
            # The need as hidden fields of each offer's "PDF erstellen" form (the document service's).
            "need_fields": [(k, v) for k, values in request.GET.lists() if k != "rank" for v in values],
        },
    )


@throttle_by_ip("matching", limit=MATCHES_PER_MINUTE, window=60, when=lambda r: bool(r.GET.get("need")))
def partners(request, external_id: str):
    company = get_object_or_404(registry.companies(), external_id=external_id)
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
