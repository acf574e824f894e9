"""Need form -> joint offers with integration diagrams; partners. The offer as PDF is made by the document
service (itkoop.documents, kind "matching.offer") from the hidden fields of the form beside each offer.
Inviting a joint offer's providers is the cooperation app's review page (cooperation:bundle_invite), fed by
the token made here."""

from __future__ import annotations

import hashlib

from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from itkoop.core.ratelimit import throttle_by_ip
from itkoop.registry import selectors as registry

from . import presenters, services
from .forms import CorrectionForm, NeedForm


def _customer_company_id(user) -> str | None:
    company = registry.companies_of_user(user).first() if user.is_authenticated else None
    return company.external_id if company else None


def _run(request, form: NeedForm, corrections: dict, top_k: int = 5):
    data = form.cleaned_data
    return services.match_need(
        **corrections,
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


def _run_corrected(request, form: NeedForm, correction: CorrectionForm):
    """The match with the customer's corrections. Corrections that cannot be applied (an addition beyond
    the limit of one need) are told in the correction form and left out, newest first: the search field's,
    then every addition, then all; what stays valid still applies. Returns (result, corrections applied)."""
    correction.is_valid()  # fields that are not valid are left out of corrections()
    candidates = [
        correction.corrections(),
        correction.corrections(with_typed=False),
        {**correction.corrections(with_typed=False), "add_capabilities": ()},
        {},
    ]
    told: set[str] = set()
    for attempt, corrections in enumerate(candidates):
        if attempt and corrections == candidates[attempt - 1]:
            continue
        try:
            return _run(request, form, corrections), corrections
        except services.CorrectionError as exc:
            if str(exc) not in told:
                told.add(str(exc))
                correction.add_error(None, str(exc))
    raise AssertionError("a need without corrections raises no CorrectionError")


#: The query's keys of the correction form (forms.CorrectionForm).
_CORRECTION_KEYS = ("add", "cap", "remove", "must", "deploy")
#: The query's key of the text the corrections were made on (the text form sends them again).
_BASIS = "basis"
#: Keys the page's links and the correction form set themselves rather than carry over from the query.
_NOT_CARRIED = (*_CORRECTION_KEYS, "rank", _BASIS)


def _text_digest(text: str) -> str:
    """A short digest of a need text, the same whatever its whitespace (a textarea sends CRLF)."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:12]


def _corrections_of_this_text(request) -> None:
    """The text form sends the corrections again (a new hub or postcode keeps them), with the digest of the
    text they were made on: when the customer typed another text, they belonged to the old one and go."""
    basis = request.GET.get(_BASIS)
    if basis and basis != _text_digest(request.GET.get("text", "")):
        params = request.GET.copy()
        for key in (*_CORRECTION_KEYS, _BASIS):
            params.pop(key, None)
        request.GET = QueryDict(params.urlencode())  # immutable, as Django's own


def _query(params: QueryDict, corrections: dict, **change) -> str:
    """The page's query with the corrections applied as canonical ids (``cap``/``remove``/``must``; the
    search field's text is consumed) and ``change`` (key -> list of values) on top: the links of the
    correction controls, so the page stays linkable and the back button works."""
    query = params.copy()
    for key in _NOT_CARRIED:
        query.pop(key, None)
    query.setlist("cap", list(corrections.get("add_capabilities", ())))
    query.setlist("remove", list(corrections.get("remove_capabilities", ())))
    query.setlist("must", list(corrections.get("must_standards", ())))
    if corrections.get("deployment"):
        query.setlist("deploy", [corrections["deployment"]])
    for key, values in change.items():
        query.setlist(key, values)
    return "?" + query.urlencode()


def _correction_link(params: QueryDict, corrections: dict, **change) -> str:
    """A correction control's link: it reloads the page at what was understood, not at its top (on a
    phone that is a screen or more away from the control)."""
    return _query(params, corrections, **change) + "#need-heading"


def _correction_context(request, result, corrections: dict, need_capabilities, understanding) -> dict:
    """Links that remove a capability or take a removed one back, the hidden state of the correction form,
    and the choices: every capability (the search field's list) and the standards that can be a must."""
    added = list(corrections.get("add_capabilities", ()))
    removed = list(corrections.get("remove_capabilities", ()))
    must = list(corrections.get("must_standards", ()))
    for cap in need_capabilities:
        if cap["source"] == "user":
            cap["remove_url"] = _correction_link(
                request.GET, corrections, cap=[c for c in added if c != cap["id"]]
            )
        else:
            cap["remove_url"] = _correction_link(request.GET, corrections, remove=[*removed, cap["id"]])
    for cap in understanding["removed"]:
        cap["restore_url"] = _correction_link(
            request.GET, corrections, remove=[c for c in removed if c != cap["id"]]
        )
    # a need holds MAX_NEED_CAPABILITIES: when it is full, one named in passing is only listed
    understanding["full"] = len(need_capabilities) >= understanding["limit"]
    for cap in understanding["in_passing"]:
        if not understanding["full"]:
            cap["add_url"] = _correction_link(request.GET, corrections, cap=[*added, cap["id"]])
    # one click makes the connection to an existing system a must (or takes it back): the corrections' must
    for system in understanding["existing"]:
        for std in system["standards"]:
            changed = [s for s in must if s != std["id"]] if std["must"] else [*must, std["id"]]
            std["toggle_url"] = _correction_link(request.GET, corrections, must=changed)
    hidden = [
        (key, value) for key, values in request.GET.lists() if key not in _NOT_CARRIED for value in values
    ]
    kept = [("cap", c) for c in added] + [("remove", c) for c in removed]
    hidden += kept
    lang = "en" if request.LANGUAGE_CODE.startswith("en") else "de"
    return {
        "correction_hidden": hidden,
        # the text form sends the corrections again: a new hub or postcode keeps what the user changed
        # ... but not how the solutions must run: a new text is read afresh ("keine Cloud" typed anew wins)
        "kept_corrections": [
            *kept,
            *(("must", s) for s in must),
            *([(_BASIS, _text_digest(request.GET.get("text", "")))] if kept or must else []),
        ],
        # the select shows how the solutions must run now: as the text says or as the customer chose
        "deployment_choice": result.need.deployment or "any",
        "capability_options": sorted(
            (
                {"id": cid, "label": en if lang == "en" else de}
                for cid, de, en in services.capability_options()
            ),
            key=lambda option: option["label"].casefold(),
        ),
        "standard_options": [
            {"id": sid, "label": label, "checked": sid in must}
            for sid, label in services.must_standard_options(result, must)
        ],
    }


@throttle_by_ip("matching", limit=MATCHES_PER_MINUTE, window=60, when=lambda r: bool(r.GET.get("text")))
def need(request):
    _corrections_of_this_text(request)
    form = NeedForm(request.GET or None)
    correction = CorrectionForm(request.GET or None)
    result = None
    bundles = []
    corrections: dict = {}
    if request.GET and form.is_valid():
        try:
            result, corrections = _run_corrected(request, form, correction)
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
    need_capabilities = presenters.present_need(result) if result else []
    understanding = presenters.present_understanding(result) if result else None
    context = {
        "form": form,
        "correction": correction,
        "result": result,
        "bundles": bundles,
        "need_capabilities": need_capabilities,
        "understanding": understanding,
        "search_notice": presenters.search_notice(result) if result else None,
        "ranking_rule": presenters.ranking_rule() if bundles else "",
        # The need as hidden fields of each offer's "PDF erstellen" form (the document service's): the
        # corrections as applied, so the PDF shows the offer on the page.
        "need_fields": [
            (k, v) for k, values in QueryDict(_query(request.GET, corrections)[1:]).lists() for v in values
        ],
    }
    if result:
        context |= _correction_context(request, result, corrections, need_capabilities, understanding)
    return render(request, "matching/need.html", context)


# The distances a partner search can be limited to (km): distance filters, it never ranks.
PARTNER_RADII = ("50", "100", "250", "500")


@throttle_by_ip("matching", limit=MATCHES_PER_MINUTE, window=60, when=lambda r: bool(r.GET.get("need")))
def partners(request, external_id: str):
    company = get_object_or_404(registry.companies(), external_id=external_id)
    # The need is optional: a field of only spaces is no need (the page says nothing is wrong with it).
    need_text = request.GET.get("need", "").strip() or None
    error = None
    partners = []
    radius = request.GET.get("km", "")
    max_km = int(radius) if radius in PARTNER_RADII else None
    if radius and max_km is None:
        error = _("Bitte wählen Sie einen Umkreis aus der Liste.")
    else:
        try:
            result = services.rank_partners_for(
                company_id=company.external_id, need_text=need_text, top_k=10, max_km=max_km
            )
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
            "radii": PARTNER_RADII,
            "radius": radius,
            "has_location": company.lat is not None and company.lon is not None,
            # The reasons speak to the company ("mit Ihnen"): anyone else is told whom "Sie" means.
            "for_own_company": registry.companies_of_user(request.user).filter(pk=company.pk).exists(),
        },
    )
