"""The Impressum and the privacy notice (public), their editing and the audit log (center admins only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from itkoop.core import selectors as core
from itkoop.core import services as core_services
from itkoop.core.services import RoleRequired
from itkoop.knowledge.selectors import render_markdown

from .forms import AuditFilterForm, LegalTextForm

KINDS = {"impressum": "legal:impressum", "privacy": "legal:privacy"}


def _legal_page(request, kind: str):
    text = core.legal_text_current(kind)
    if text is None:
        raise Http404
    return render(
        request,
        "legal/legal_text.html",
        {"text": text, "body": render_markdown(text.body), "kind": kind},
    )


def impressum(request):
    return _legal_page(request, "impressum")


def privacy(request):
    return _legal_page(request, "privacy")


def _require_center_admin(request) -> None:
    if not getattr(request.user, "is_center_admin", False):
        raise RoleRequired(_("Zentrumsleitung"))


def edit(request, kind: str):
    _require_center_admin(request)
    if kind not in KINDS:
        raise Http404
    current = core.legal_text_current(kind)
    initial = {"body_de": current.body_de, "body_en": current.body_en} if current else {}
    form = LegalTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            text = core_services.legal_text_publish(actor=request.user, kind=kind, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Version %(version)s ist veröffentlicht.") % {"version": text.version}
            )
            return redirect(KINDS[kind])
    return render(
        request,
        "legal/legal_text_edit.html",
        {"form": form, "kind": kind, "current": current, "versions": core.legal_text_versions(kind)[:20]},
    )


def audit_log(request):
    _require_center_admin(request)
    form = AuditFilterForm(request.GET or None, actions=core.audit_actions(), actors=core.audit_actors())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = core.audit_entries(
        action=filters.get("action") or "",
        actor_id=filters.get("actor"),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "legal/audit_log.html", {"form": form, "page": page})
