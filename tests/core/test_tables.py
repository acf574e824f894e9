"""The shared table writers: several tables become sheets (XLSX) or captioned sections (CSV); sheet names
are valid and unique; a text that looks like a formula stays text in both."""

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from itkoop.core.tables import Table, csv_bytes, xlsx_bytes


def _tables() -> list[Table]:
    return [
        Table(title="Tisch: 1/2", caption="Tisch 1", header=["Runde", "Name"], rows=[[1, "=SUM(A1)"]]),
        Table(title="tisch 12", header=["Runde"], rows=[[2]]),
        Table(title="Tisch 12", header=["Zeit"], rows=[[dt.datetime(2026, 3, 4, 9, 30)]]),
    ]


def test_csv_writes_one_captioned_section_per_table():
    text = csv_bytes(_tables()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows == [
        ["Tisch 1"],
        ["Runde", "Name"],
        ["1", "'=SUM(A1)"],
        [],
        ["Runde"],
        ["2"],
        [],
        ["Zeit"],
        ["2026-03-04 09:30"],
    ]


def test_xlsx_writes_one_sheet_per_table_with_valid_unique_names():
    workbook = load_workbook(io.BytesIO(xlsx_bytes(_tables())))
    # ":" and "/" are dropped; Excel tells names apart without regard to case
    assert workbook.sheetnames == ["Tisch 12", "tisch 12 (2)", "Tisch 12 (3)"]
    first = [list(row) for row in workbook["Tisch 12"].iter_rows(values_only=True)]
    assert first[2] == [1, "=SUM(A1)"]
    assert workbook["Tisch 12"]["B3"].data_type == "s"  # text, not a formula
    assert workbook["Tisch 12 (3)"]["A2"].value == dt.datetime(2026, 3, 4, 9, 30)


def test_a_download_without_tables_is_still_a_workbook():
    assert load_workbook(io.BytesIO(xlsx_bytes([]))).sheetnames == ["Tabelle"]


def test_columns_are_as_wide_as_their_longest_value_up_to_a_limit():
    table = Table(title="Plan", header=["Runde", "Name"], rows=[[1, "Kranich Systeme GmbH"], [2, "x" * 200]])
    sheet = load_workbook(io.BytesIO(xlsx_bytes(table)))["Plan"]
    assert sheet.column_dimensions["A"].width == len("Runde") + 2
    assert sheet.column_dimensions["B"].width == 60
