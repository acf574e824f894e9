"""The figures page's downloads: each export defined once (a header and rows, in the page's language) and
written by the shared writers of itkoop.core.tables, CSV and XLSX, so both files always hold the same columns
and values (and no text a spreadsheet would run as a formula)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from itkoop.core.tables import FORMATS, XLSX_TYPE, Cell, Table, csv_bytes, download, xlsx_bytes

from . import selectors

__all__ = ["FORMATS", "XLSX_TYPE", "Cell", "Table", "csv_bytes", "download", "figures_table", "xlsx_bytes"]


def kpi_table(kpis: dict) -> Table:
    return Table(
        title=_("Kennzahlen"),
        header=[_("Kennzahl"), _("Wert")],
        rows=[[str(label), kpis.get(key)] for key, label in selectors.KPI_LABELS],
    )


def funnel_table(funnels: Iterable, *, by_hub: bool) -> Table:
    columns = [c for c in selectors.FUNNEL_COLUMNS if not by_hub or c[0] not in {"label", "date"}]
    return Table(
        title=_("Trichter je Stützpunkt") if by_hub else _("Trichter je Kooperationsbörse"),
        header=[str(label) for _key, label in columns],
        rows=[[getattr(funnel, key) for key, _label in columns] for funnel in funnels],
    )


def figures_table(kind: str, *, events, hubs, kpis) -> Table:
    if kind == "kpis":
        return kpi_table(kpis)
    return funnel_table(events if kind == "events" else hubs, by_hub=kind == "hubs")
