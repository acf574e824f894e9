"""The label figures on the KPI page and in its exports: CSV and XLSX from one definition."""

from __future__ import annotations

import pytest
from django.urls import reverse

from itkoop.reporting import exports

from ..factories import center_admin, hub_staff
from ..labels.helpers import grant, provider
from .test_exports import _as_text, _csv_rows, _xlsx_rows

pytestmark = pytest.mark.django_db


def test_the_label_export_holds_the_same_rows_as_csv_and_xlsx(client):
    member, solution = provider(hub="kassel")
    grant(member, solution)
    client.force_login(center_admin())
    as_csv = _csv_rows(client.get(reverse("reporting:figures"), {"export": "labels"}))
    response = client.get(reverse("reporting:figures"), {"export": "labels", "format": "xlsx"})
    assert response["Content-Type"] == exports.XLSX_TYPE
    as_xlsx = _xlsx_rows(response)
    assert as_csv[0] == ["Quartal", "Stützpunkt", "Siegel beantragt", "Siegel erteilt", "Siegel verlängert",
                         "Siegel abgelaufen"]  # fmt: skip
    assert [[_as_text(v) for v in row] for row in as_xlsx] == as_csv
    assert as_xlsx[1][2:] == [1, 1, 0, 0]


def test_hub_staff_see_the_labels_of_their_hub_only(client):
    member, solution = provider(hub="aachen")
    grant(member, solution)
    client.force_login(hub_staff("kassel"))
    page = client.get(reverse("reporting:figures")).content.decode()
    assert "Siegel je Quartal" in page and "Noch keine Siegel-Anträge." in page
    client.force_login(hub_staff("aachen"))
    rows = _csv_rows(client.get(reverse("reporting:figures"), {"export": "labels"}))
    assert len(rows) == 2 and rows[1][2:] == ["1", "1", "0", "0"]
