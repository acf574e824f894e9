"""Downloads as tables, each defined once (a header and rows of plain values) and written by two writers, CSV
and XLSX, so both files always hold the same columns and values. The figures page (reporting) and the
organiser's lists of an event (events) write through here.

A download holds one table or several (the meeting plan per person: one per person). XLSX puts each on a
sheet of its own; CSV writes them one below the other, each under its caption and separated by an empty line,
so the file prints in sections as well.

Spreadsheet programs run a cell that starts with = + - @ as a formula; a title such as
'=HYPERLINK("http://evil")' must stay text. The CSV writer prefixes such texts with an apostrophe (the CSV
format has no other way); the XLSX writer stores every text as a text cell, which no program evaluates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

Cell = str | int | float | dt.date | None
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
SHEET_TITLE_MAX = 31  # Excel's limit
COLUMN_WIDTH_MAX = 60


@dataclass(frozen=True)
class Table:
    """One table: a sheet title, the column names and the rows (plain values, None for "not known").

    ``caption`` is an optional line above the header (a person's name and company on their printed plan);
    a date-time value must be naive local time (spreadsheets know no time zones)."""

    title: str
    header: list[str]
    rows: list[list[Cell]]
    caption: str = ""


def _as_tables(tables: Table | Sequence[Table]) -> list[Table]:
    return [tables] if isinstance(tables, Table) else list(tables)


def _csv_text(value: Cell) -> str:
    if value is None:
        text = ""
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ", timespec="minutes")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and isinstance(value, str) else text


def csv_bytes(tables: Table | Sequence[Table]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # Excel opens UTF-8 CSV with umlauts correctly only with a BOM
    writer = csv.writer(out, delimiter=";")
    for number, table in enumerate(_as_tables(tables)):
        if number:
            writer.writerow([])
        if table.caption:
            writer.writerow([_csv_text(table.caption)])
        writer.writerow([_csv_text(h) for h in table.header])
        for row in table.rows:
            writer.writerow([_csv_text(value) for value in row])
    return out.getvalue().encode("utf-8")


def _xlsx_cell(sheet, value: Cell, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with "=": openpyxl would store a formula
    if isinstance(value, dt.datetime):
        cell.number_format = "DD.MM.YYYY HH:MM"
    elif isinstance(value, dt.date):
        cell.number_format = "DD.MM.YYYY"
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_bytes(tables: Table | Sequence[Table]) -> bytes:
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for table in _as_tables(tables):
        sheet = workbook.create_sheet(title=_unique(_sheet_title(table.title), used))
        for index, width in enumerate(_widths(table), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        if table.caption:
            sheet.append([_xlsx_cell(sheet, table.caption, bold=True)])
        sheet.append([_xlsx_cell(sheet, h, bold=True) for h in table.header])
        for row in table.rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    if not used:  # a workbook needs a sheet
        workbook.create_sheet(title="Tabelle")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _widths(table: Table) -> list[int]:
    """Column widths (in characters) that fit the longest value up to a limit, so a printed sheet is read
    without widening columns first."""
    widths = [len(str(h)) for h in table.header]
    for row in table.rows:
        for index, value in enumerate(row[: len(widths)]):
            shown = 16 if isinstance(value, dt.datetime) else len(_csv_text(value))
            widths[index] = max(widths[index], shown)
    return [min(COLUMN_WIDTH_MAX, width + 2) for width in widths]


def _sheet_title(title: str) -> str:
    """Excel's sheet names: at most 31 characters, none of : \\ / ? * [ ] and not starting with '."""
    return "".join(c for c in title if c not in ":\\/?*[]").strip("'")[:SHEET_TITLE_MAX] or "Tabelle"


def _unique(title: str, used: set[str]) -> str:
    """Sheet names are unique without regard to case: two people of one name get "Name (2)"."""
    candidate, number = title, 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = title[: SHEET_TITLE_MAX - len(suffix)] + suffix
    used.add(candidate.casefold())
    return candidate


def download(tables: Table | Sequence[Table], *, file_format: str, name: str) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    if file_format == "xlsx":
        response = HttpResponse(xlsx_bytes(tables), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(csv_bytes(tables), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{file_format}"'
    return response
