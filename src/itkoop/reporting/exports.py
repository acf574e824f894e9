"""The figures page's downloads: each export defined once (a header and rows, in the page's language) and
written by two writers, CSV and XLSX, so both files always hold the same columns and values.

Spreadsheet programs run a cell that starts with = + - @ as a formula; a title such as
'=HYPERLINK("http://evil")' must stay text. The CSV writer prefixes such texts with an apostrophe (the CSV
format has no other way); the XLSX writer stores every text as a text cell, which no program evaluates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from . import selectors

Cell = str | int | float | dt.date | None
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Table:
    """One export: a sheet title, the column names and the rows (plain values, None for "not known")."""

    title: str
    header: list[str]
    rows: list[list[Cell]]


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


def label_table(rows: Iterable) -> Table:
    return Table(
        title=_("Siegel je Quartal"),
        header=[str(label) for _key, label in selectors.LABEL_COLUMNS],
        rows=[[getattr(row, key) for key, _label in selectors.LABEL_COLUMNS] for row in rows],
    )


def figures_table(kind: str, *, events, hubs, kpis, labels=()) -> Table:
    if kind == "kpis":
        return kpi_table(kpis)
    if kind == "labels":
        return label_table(labels)
    return funnel_table(events if kind == "events" else hubs, by_hub=kind == "hubs")


def _csv_text(value: Cell) -> str:
    text = "" if value is None else (value.isoformat() if isinstance(value, dt.date) else str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@") and isinstance(value, str) else text


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # Excel opens UTF-8 CSV with umlauts correctly only with a BOM
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_csv_text(h) for h in table.header])
    for row in table.rows:
        writer.writerow([_csv_text(value) for value in row])
    return out.getvalue().encode("utf-8")


def _xlsx_cell(sheet, value: Cell, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with "=": openpyxl would store a formula
    if isinstance(value, dt.date):
        cell.number_format = "DD.MM.YYYY"
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_bytes(table: Table) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(table.title))
    sheet.append([_xlsx_cell(sheet, h, bold=True) for h in table.header])
    for row in table.rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    """Excel's sheet names: at most 31 characters, none of : \\ / ? * [ ]."""
    return "".join(c for c in title if c not in ":\\/?*[]")[:31] or "Tabelle"


def download(table: Table, *, file_format: str, name: str) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    if file_format == "xlsx":
        response = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(csv_bytes(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{file_format}"'
    return response
