"""Label pages under siegel/: the public register, the verification page and badge of each label, a company's
applications (apply, renew, edit and resubmit), the center's review, and the evidence download."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core.services import RoleRequired
from itkoop.core.shortcuts import get_visible_or_404
from itkoop.registry import selectors as registry

from . import badge, permissions, selectors, services
from .forms import ApplicationForm, DecisionForm, RegisterSearchForm
from .models import Application


def register(request):
    """The public register of labelled products: labels that hold today, with search."""
    form = RegisterSearchForm(request.GET or None, schemes=selectors.all_schemes())
    text, scheme = "", ""
    if form.is_bound and form.is_valid():
        text, scheme = form.cleaned_data["q"], form.cleaned_data["label"]
    page = Paginator(selectors.public_register(text=text, scheme=scheme), 50).get_page(
        request.GET.get("page")
    )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "labels/register.html",
        {
            "form": form,
            "page": page,
            "querystring": query_without_page.urlencode(),
            "schemes": selectors.all_schemes(),
        },
        status=400 if form.errors else 200,
    )


def _state(certificate) -> str:
    today = timezone.localdate()
    if certificate.holds_until < today:
        return "expired"
    if certificate.valid_from > today:
        return "future"
    return "valid"


def _site_url(path: str) -> str:
    """The platform's own address (ITKOOP_SITE_URL), not the Host of the request: a badge embedded elsewhere
    must lead to the real verification page."""
    return settings.ITKOOP_SITE_URL.rstrip("/") + path


def verify(request, code: str):
    """What anyone who reads a label's code (on a badge, a website, an offer) can check: which product, which
    label, and whether it holds today."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    verify_url = _site_url(reverse("labels:verify", args=[certificate.code]))
    badge_url = _site_url(reverse("labels:badge", args=[certificate.code]))
    return render(
        request,
        "labels/verify.html",
        {
            "certificate": certificate,
            "state": _state(certificate),
            "verify_url": verify_url,
            "badge_url": badge_url,
            # The HTML a company copies into its own site, escaped once here (a quote in the label's name
            # stays inside the alt attribute) and once more by the template that shows it in a textarea.
            "embed_code": format_html(
                '<a href="{}"><img src="{}" alt="{}"></a>', verify_url, badge_url, certificate.scheme.name
            ),
        },
    )


def badge_svg(request, code: str):
    """The embeddable badge: an SVG image naming the label and its end, linking to the verification page."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    svg = badge.render_badge(
        label=certificate.scheme.name,
        state=_state(certificate),
        until=certificate.holds_until,
        link=_site_url(reverse("labels:verify", args=[certificate.code])),
    )
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    # An image other sites embed: no scripts, no styles from elsewhere, loadable from any origin.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Cache-Control"] = f"public, max-age={_seconds_cacheable()}"
    return response


def _seconds_cacheable(limit: int = 3600) -> int:
    """An hour, but never past the next local midnight: a label ends with its last day."""
    now = timezone.localtime(timezone.now())
    midnight = timezone.make_aware(dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time()))
    return max(1, min(limit, int((midnight - now).total_seconds())))


@login_required
def applications(request):
    """A company's own page: its solutions with the labels they may apply for, and its applications."""
    solutions = selectors.solutions_to_apply_for(request.user)
    schemes = list(selectors.schemes())
    own = list(selectors.applications_of_user(request.user)[:200])
    held = set(
        selectors.current_certificates()
        .filter(solution__in=[s.pk for s in solutions])
        .values_list("solution_id", "scheme_id")
    )
    open_pairs = {(a.solution_id, a.scheme_id) for a in own if a.is_open}
    rows = [
        {
            "solution": s,
            "offers": [
                {
                    "scheme": scheme,
                    "held": (s.pk, scheme.pk) in held,
                    "open": (s.pk, scheme.pk) in open_pairs,
                }
                for scheme in schemes
            ],
        }
        for s in solutions
    ]
    return render(
        request,
        "labels/applications.html",
        {"rows": rows, "applications": own, "is_reviewer": permissions.is_reviewer(request.user)},
    )


def _refused(request, error: services.LabelError):
    if error.status == 404:
        raise Http404
    return render(request, "labels/refused.html", {"message": str(error)}, status=error.status)


@login_required
def apply(request, external_id: str, scheme: str):
    """Apply for a label for a solution, or renew it: the form starts from the last application."""
    solution = registry.solutions().select_related("company").filter(external_id=external_id).first()
    if solution is None or not permissions.can_apply(request.user, solution):
        raise Http404
    label = selectors.schemes().filter(slug=scheme).first()
    if label is None:
        raise Http404
    version = selectors.current_version(label)
    if version is None:
        return _refused(
            request, services.LabelError(_("Für dieses Siegel sind noch keine Kriterien veröffentlicht."))
        )
    pending = selectors.open_application(solution, label)
    if pending is not None:
        messages.info(request, _("Für diese Lösung liegt bereits ein offener Antrag auf dieses Siegel vor."))
        return redirect("labels:application", pending.pk)
    previous = selectors.last_application(solution, label)
    form = ApplicationForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        criteria=version.criteria.all(),
        initial_explanations=selectors.prefill(solution, label, version),
        can_carry=previous is not None and previous.evidence.exists(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_submit(
                actor=request.user,
                solution_id=solution.pk,
                scheme_slug=label.slug,
                declarations=form.declarations(),
                uploads=form.uploads(),
                carry_evidence=bool(form.cleaned_data.get("carry_evidence")),
            )
        except services.LabelError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihr Antrag ist eingegangen. Die Zentrumsleitung prüft ihn."))
            return redirect("labels:application", application.pk)
    return render(
        request,
        "labels/apply.html",
        {
            "form": form,
            "solution": solution,
            "scheme": label,
            "version": version,
            "renewal": selectors.last_certificate(solution, label) is not None,
        },
        status=400 if form.errors else 200,
    )


def _visible_application(request, pk: int) -> Application:
    return get_visible_or_404(
        Application.objects.select_related("scheme", "version", "solution", "solution__company"),
        pk,
        lambda a: permissions.can_view_application(request.user, a),
    )


@login_required
def application(request, pk: int):
    application = _visible_application(request, pk)
    declarations = list(application.declarations.select_related("criterion"))
    return render(
        request,
        "labels/application.html",
        {
            "application": application,
            "declarations": declarations,
            "evidence": list(application.evidence.select_related("criterion")),
            "certificate": getattr(application, "certificate", None),
            "can_edit": permissions.can_edit_application(request.user, application),
            "can_decide": permissions.can_decide(request.user, application),
            "own_company": permissions.is_reviewer(request.user)
            and permissions.has_conflict(request.user, application),
            "decision_form": DecisionForm(),
        },
    )


@login_required
def application_edit(request, pk: int):
    """Edit and resubmit what the center asked for."""
    application = _visible_application(request, pk)
    if application.status == Application.Status.SUBMITTED and permissions.is_member(
        request.user, application.solution.company_id
    ):
        # Sent already (a double click sends the form twice): the application waits for the center.
        messages.info(request, _("Ihr Antrag liegt der Zentrumsleitung vor; sie prüft ihn."))
        return redirect("labels:application", application.pk)
    if not permissions.can_edit_application(request.user, application):
        return _refused(
            request, services.LabelError(_("Dieser Antrag kann gerade nicht bearbeitet werden."), 403)
        )
    stored = {d.criterion_id: d.explanation for d in application.declarations.all()}
    form = ApplicationForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        criteria=application.version.criteria.all(),
        initial_explanations=stored,
        evidence=list(application.evidence.all()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.application_resubmit(
                actor=request.user,
                application_id=application.pk,
                declarations=form.declarations(),
                uploads=form.uploads(),
                remove_evidence=form.evidence_to_remove(),
            )
        except services.LabelError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Ihr ergänzter Antrag ist eingegangen. Die Zentrumsleitung prüft ihn.")
            )
            return redirect("labels:application", application.pk)
    return render(
        request,
        "labels/apply.html",
        {
            "form": form,
            "solution": application.solution,
            "scheme": application.scheme,
            "version": application.version,
            "application": application,
        },
        status=400 if form.errors else 200,
    )


@login_required
def review(request):
    """The center admins' list of applications waiting for a decision."""
    if not permissions.is_reviewer(request.user):
        raise RoleRequired(_("Zentrumsleitung"))
    mine = permissions.own_company_ids(request.user)
    return render(
        request,
        "labels/review.html",
        {
            "waiting": [
                (application, permissions.has_conflict(request.user, application, own_companies=mine))
                for application in selectors.applications_to_review()[:200]
            ],
            "decided": selectors.recently_decided(),
        },
    )


@login_required
@require_POST
def decide(request, pk: int):
    application = _visible_application(request, pk)
    if not permissions.is_reviewer(request.user):
        raise RoleRequired(_("Zentrumsleitung"))
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Bitte wählen Sie eine Entscheidung; die Begründung darf höchstens 2000 Zeichen lang sein."),
        )
        return redirect("labels:application", application.pk)
    try:
        services.application_decide(
            actor=request.user,
            application_id=application.pk,
            decision=form.cleaned_data["decision"],
            note=form.cleaned_data["note"],
        )
    except services.LabelError as error:
        messages.error(request, str(error))
        return redirect("labels:application", application.pk)
    messages.success(request, _("Die Entscheidung ist gespeichert; das Unternehmen wird benachrichtigt."))
    return redirect("labels:review")


@login_required
def evidence(request, pk: int):
    """An evidence file, to the applying company's members and the center admins only; no other URL serves
    it. Sent as a download with the type checked at upload, never rendered inline."""
    item = get_visible_or_404(selectors.visible_evidence(request.user), pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=item.filename, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
