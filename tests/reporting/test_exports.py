"""Every figures export as CSV and as XLSX from one definition: same header and values, header in the page's
language, and no text that a spreadsheet would run as a formula."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from itkoop.reporting import exports

from ..factories import center_admin
from .test_figures import _event, meeting_day  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _as_text(value) -> str:
    if value is None:
        return ""
    return value.date().isoformat() if hasattr(value, "date") and callable(value.date) else str(value)


@pytest.mark.parametrize("kind", ["kpis", "hubs", "events"])
def test_xlsx_holds_what_the_csv_holds(client, meeting_day, kind):  # noqa: F811
    client.force_login(center_admin())
    as_csv = client.get(reverse("reporting:figures"), {"export": kind})
    as_xlsx = client.get(reverse("reporting:figures"), {"export": kind, "format": "xlsx"})
    assert as_xlsx["Content-Type"] == exports.XLSX_TYPE
    assert as_xlsx["Content-Disposition"].endswith('.xlsx"')
    csv_rows = _csv_rows(as_csv)
    xlsx_rows = _xlsx_rows(as_xlsx)
    assert len(xlsx_rows) == len(csv_rows) > 1
    assert [[_as_text(v) for v in row] for row in xlsx_rows] == csv_rows


def test_numbers_are_numbers_in_the_spreadsheet(client, meeting_day):  # noqa: F811
    client.force_login(center_admin())
    rows = _xlsx_rows(client.get(reverse("reporting:figures"), {"export": "events", "format": "xlsx"}))
    assert rows[0][:4] == ["Veranstaltung", "Stützpunkt", "Datum", "Teilnehmende"]
    # participants, with meetings, meetings, to cooperation, with agreement, cooperations, with result
    assert rows[1][3:] == [5, 3, 2, 1, 0, 1, 1]


def test_headers_follow_the_page_language(client, meeting_day):  # noqa: F811
    client.force_login(center_admin())
    url = "/en" + reverse("reporting:figures")
    csv_rows = _csv_rows(client.get(url, {"export": "kpis"}))
    xlsx_rows = _xlsx_rows(client.get(url, {"export": "kpis", "format": "xlsx"}))
    assert csv_rows[0] == ["Key figure", "Value"] == xlsx_rows[0]


def test_xlsx_text_is_never_a_formula(client):
    _event(title='=HYPERLINK("http://evil")')
    client.force_login(center_admin())
    response = client.get(reverse("reporting:figures"), {"export": "events", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=1)
    assert cell.value == '=HYPERLINK("http://evil")' and cell.data_type == "s"


def test_unknown_format_falls_back_to_csv(client, meeting_day):  # noqa: F811
    client.force_login(center_admin())
    response = client.get(reverse("reporting:figures"), {"export": "kpis", "format": "pdf"})
    assert response["Content-Type"].startswith("text/csv")


def test_figures_page_offers_both_formats(client, meeting_day):  # noqa: F811
    client.force_login(center_admin())
    html = client.get(reverse("reporting:figures")).content.decode()
    for kind in ("kpis", "hubs", "events"):
        assert f"export={kind}&amp;format=xlsx" in html and f'export={kind}"' in html
