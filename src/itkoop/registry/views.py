"""The front page and the catalog pages: search, company and solution profiles, and the edits their owners
and hub staff make."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core import selectors as core_selectors

from . import selectors, services
from .forms import CatalogSearchForm, CompanyForm, SolutionForm
from .linked_data import company_linked_data, solution_linked_data
from .models import Company, Solution
from .permissions import can_edit_company, can_verify_company

PAGE_SIZE = 20


class CappedPaginator(Paginator):
    """A paginator over a count from selectors.count_hits: at most HIT_LIMIT hits and their pages; `capped`
    says there are more."""

    def __init__(self, object_list, per_page, *, counted: int) -> None:
        super().__init__(object_list, per_page)
        self.capped = counted > selectors.HIT_LIMIT
        self.count = min(counted, selectors.HIT_LIMIT)


def result_page(filters: selectors.CatalogFilters, show: str, number) -> Page:
    """The page `number` of the catalog's hits (solutions, or companies with `show="companies"`). One capped
    count decides the order (ranked up to HIT_LIMIT hits) and gives the pages."""
    find = selectors.search_companies if show == "companies" else selectors.search_solutions
    counted = selectors.count_hits(find(filters, rank=False))
    results = find(filters, rank=counted <= selectors.HIT_LIMIT)
    return CappedPaginator(results, PAGE_SIZE, counted=counted).get_page(number)


def home(request):
    """The site's front page: the need form, the steps of the flow and the catalog's figures."""
    context = {
        "hubs": core_selectors.hubs(),
        "company_count": Company.objects.count(),
        "solution_count": Solution.objects.count(),
    }
    return render(request, "registry/home.html", context)


def search(request):
    form = CatalogSearchForm(request.GET or None)
    show = "solutions"
    page = None
    if form.is_valid() or not request.GET:
        data = form.cleaned_data if request.GET else {}
        show = data.get("show") or "solutions"
        filters = selectors.CatalogFilters(
            text=data.get("q", ""),
            capabilities=[c.id for c in data.get("capability", [])],
            standards=[s.id for s in data.get("standard", [])],
            hub=data["hub"].slug if data.get("hub") else "",
            postal_code=data.get("plz", ""),
            labels=[label.slug for label in data.get("label", [])],
            verified_only=data.get("verified", False),
        )
        page = result_page(filters, show, request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    zero_hits = page is not None and not page.paginator.count
    return render(
        request,
        "registry/search.html",
        {
            "form": form,
            "page": page,
            "show": show,
            "querystring": query_without_page.urlencode(),
            "suggestions": _suggestions(filters, show) if zero_hits else [],
            "has_filters": zero_hits and _has_filters(filters),
        },
    )


def _has_filters(filters) -> bool:
    return bool(
        filters.capabilities
        or filters.standards
        or filters.hub
        or filters.postal_code
        or filters.labels
        or filters.verified_only
    )


def _suggestions(filters, show: str) -> list[dict]:
    """What to try after a search that found nothing, each with its number of hits (at most four queries):
    the words without the filters, then each word alone."""
    search = selectors.search_companies if show == "companies" else selectors.search_solutions
    words = filters.text.split()
    tries = []
    if filters.text and _has_filters(filters):
        tries.append(filters.text)
    if len(words) > 1:
        tries.extend(dict.fromkeys(w for w in words if len(w) > 2))
    suggestions = []
    for text in tries[:4]:
        count = selectors.count_hits(search(selectors.CatalogFilters(text=text), rank=False))
        if count:
            query = QueryDict(mutable=True)
            query.update({"q": text, "show": show})
            suggestions.append(
                {
                    "text": text,
                    "count": min(count, selectors.HIT_LIMIT),
                    "capped": count > selectors.HIT_LIMIT,
                    "query": query.urlencode(),
                }
            )
    return suggestions


def company(request, external_id: str):
    try:
        obj = selectors.company_detail(external_id)
    except Company.DoesNotExist:
        raise Http404 from None
    can_edit = can_edit_company(request.user, obj)
    return render(
        request,
        "registry/company.html",
        {
            "company": obj,
            "can_edit": can_edit,
            "can_verify": can_verify_company(request.user, obj),
            "verifies_own": request.user.is_authenticated
            and services.verifies_own_company(request.user, obj),
            # Unpublished contact data only for the company's members and its hub staff.
            "show_contact": obj.has_contact and (obj.publish_contact or can_edit),
            "has_members": selectors.company_has_members(obj),
            "linked_data": company_linked_data(obj, request),
            # Tags of labels the center certifies are the company's own word until a solution holds one.
            "self_declared": selectors.label_authority().governed(),
            "certified_labels": selectors.label_authority().company_labels(obj.pk),
        },
    )


def solution(request, external_id: str):
    try:
        obj = selectors.solution_detail(external_id)
    except Solution.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "registry/solution.html",
        {
            "solution": obj,
            "can_edit": can_edit_company(request.user, obj.company),
            "linked_data": solution_linked_data(obj, request),
            "certified_labels": selectors.label_authority().solution_labels(obj.pk),
        },
    )


def _editable_company(request, external_id: str) -> Company:
    obj = get_object_or_404(Company, external_id=external_id)
    if not can_edit_company(request.user, obj):
        raise PermissionDenied
    return obj


@login_required
def company_edit(request, external_id: str):
    obj = _editable_company(request, external_id)
    form = CompanyForm(request.POST or None, instance=obj, staff=can_verify_company(request.user, obj))
    if request.method == "POST" and form.is_valid():
        fields, relations = form.plain_data()
        was_verified = obj.verified
        company = services.company_update(
            actor=request.user, company_id=obj.pk, fields=fields, relations=relations
        )
        if was_verified and not company.verified:
            messages.success(
                request,
                _(
                    "Das Profil wurde gespeichert. Sie haben geprüfte Angaben geändert; "
                    "das Stützpunkt-Team prüft es erneut."
                ),
            )
        else:
            messages.success(request, _("Das Profil wurde gespeichert."))
        return redirect(obj)
    return render(request, "registry/company_form.html", {"form": form, "company": obj})


@login_required
@require_POST
def company_verify(request, external_id: str):
    obj = get_object_or_404(Company, external_id=external_id)
    verified = request.POST.get("verified", "1") == "1"
    try:
        services.company_set_verified(actor=request.user, company=obj, verified=verified)
    except services.VerificationError as error:
        messages.error(request, str(error))
        return redirect(obj)
    messages.success(
        request, _("Das Profil ist jetzt geprüft.") if verified else _("Die Prüfung wurde zurückgenommen.")
    )
    return redirect(obj)


@login_required
def solution_create(request, external_id: str):
    obj = _editable_company(request, external_id)
    form = SolutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields, relations = form.plain_data()
        created = services.solution_save(
            actor=request.user, company_id=obj.pk, fields=fields, relations=relations
        )
        messages.success(request, _("Die Lösung wurde angelegt."))
        return redirect(created)
    return render(request, "registry/solution_form.html", {"form": form, "company": obj})


@login_required
def solution_edit(request, external_id: str):
    obj = get_object_or_404(Solution.objects.select_related("company"), external_id=external_id)
    if not can_edit_company(request.user, obj.company):
        raise PermissionDenied
    form = SolutionForm(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        fields, relations = form.plain_data()
        services.solution_save(
            actor=request.user,
            company_id=obj.company_id,
            solution_id=obj.pk,
            fields=fields,
            relations=relations,
        )
        messages.success(request, _("Die Lösung wurde gespeichert."))
        return redirect(obj)
    return render(
        request, "registry/solution_form.html", {"form": form, "company": obj.company, "solution": obj}
    )


@login_required
@require_POST
def solution_delete(request, external_id: str):
    obj = get_object_or_404(Solution.objects.select_related("company"), external_id=external_id)
    company_obj = obj.company
    services.solution_delete(actor=request.user, solution=obj)
    messages.success(request, _("Die Lösung wurde gelöscht."))
    return redirect(company_obj)
