"""The figures page for hub staff and center admins, with CSV exports for reports."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from itkoop.core import selectors as core_selectors
from itkoop.core.services import RoleRequired, audit_record

from . import selectors


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
    export = request.GET.get("export", "")
    if export in {"events", "hubs", "kpis"}:
        audit_record(actor=request.user, action="figures_export", details={"kind": export, "hub": hub or ""})
        return _csv(export, events=events, hubs=hubs, kpis=kpis, hub=hub)
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
        },
    )


def _steps(total) -> list[tuple[str, int, int]]:
    """(label, value, bar width in percent of the first step) for the funnel chart."""
    steps = [
        (_("Teilnehmende"), total.participants),
        (_("Teilnehmende mit Gesprächen"), total.participants_with_meetings),
        (_("Gespräche"), total.meetings),
        (_("Gespräche mit Kooperation"), total.meetings_to_cooperation),
        (_("Kooperationen"), total.cooperations),
        (_("Kooperationen mit Ergebnis"), total.cooperations_with_result),
    ]
    top = max([value for _label, value in steps] + [1])
    return [(label, value, max(1, round(100 * value / top))) for label, value in steps]


def _csv(kind: str, *, events, hubs, kpis, hub) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="itkoop-{kind}-{hub or "alle"}-{stamp}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 CSV with umlauts correctly only with a BOM
    writer = csv.writer(response, delimiter=";")
    if kind == "kpis":
        writer.writerow([_("Kennzahl"), _("Wert")])
        for key, label in selectors.KPI_LABELS:
            value = kpis.get(key)
            writer.writerow([str(label), "" if value is None else value])
        return response
    rows = events if kind == "events" else hubs
    columns = (
        selectors.FUNNEL_COLUMNS
        if kind == "events"
        else [c for c in selectors.FUNNEL_COLUMNS if c[0] not in {"label", "date"}]
    )
    writer.writerow([str(label) for _, label in columns])
    for funnel in rows:
        writer.writerow([_cell(getattr(funnel, key)) for key, _ in columns])
    return response


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet: neutralise it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
