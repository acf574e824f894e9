"""The figures page for hub staff and center admins, with CSV and XLSX exports for reports."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core.services import RoleRequired, audit_record

from . import exports, selectors


def _scope(request) -> str | None:
    """Hub staff see their hub; center admins all hubs or the one they choose."""
    user = request.user
    if user.is_active and user.is_center_admin:
        chosen = request.GET.get("hub", "")
        return chosen if core_selectors.hubs().filter(slug=chosen).exists() else None
    if user.is_active and user.is_hub_staff:
        return user.hub_id
    raise RoleRequired(_("Stützpunkt-Team oder Zentrumsleitung"))


@login_required
def figures(request):
    hub = _scope(request)
    events = selectors.event_funnels(hub=hub)
    hubs = selectors.hub_funnels(events)
    total = selectors.total_funnel(events)
    kpis = selectors.kpis(hub=hub)
    labels = selectors.label_figures(hub=hub)
    export = request.GET.get("export", "")
    if export in {"events", "hubs", "kpis", "labels"}:
        file_format = request.GET.get("format", "csv")
        file_format = file_format if file_format in exports.FORMATS else "csv"
        audit_record(
            actor=request.user,
            action="figures_export",
            details={"kind": export, "hub": hub or "", "format": file_format},
        )
        table = exports.figures_table(export, events=events, hubs=hubs, kpis=kpis, labels=labels)
        return exports.download(table, file_format=file_format, name=f"itkoop-{export}-{hub or 'alle'}")
    return render(
        request,
        "reporting/figures.html",
        {
            "hub": core_selectors.hubs().filter(slug=hub).first() if hub else None,
            "hubs_to_choose": core_selectors.hubs().all() if request.user.is_center_admin else None,
            "event_funnels": events,
            "hub_funnels": hubs,
            "total": total,
            "total_steps": _steps(total),
            "kpis": [(key, label, kpis.get(key)) for key, label in selectors.KPI_LABELS],
            "hub_param": hub or "",
            "label_figures": labels,
            "label_columns": selectors.LABEL_COLUMNS,
        },
    )


def _steps(total) -> list[tuple[str, int, int]]:
    """(label, value, bar width in percent of the first step) for the funnel chart."""
    steps = [
        (_("Teilnehmende"), total.participants),
        (_("Teilnehmende mit Gesprächen"), total.participants_with_meetings),
        (_("Gespräche"), total.meetings),
        (_("Gespräche mit Kooperation"), total.meetings_to_cooperation),
        (_("Gespräche mit Kooperationsvereinbarung"), total.agreements),
        (_("Kooperationen"), total.cooperations),
        (_("Kooperationen mit Ergebnis"), total.cooperations_with_result),
    ]
    top = max([value for _label, value in steps] + [1])
    return [(label, value, max(1, round(100 * value / top))) for label, value in steps]
