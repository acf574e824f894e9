"""The figures' CSV exports neutralise cells a spreadsheet would run as formulas (= + - @ at the start), with
the test world's event whose title is a HYPERLINK formula carrying script payloads."""

import csv
import io

import pytest
from django.urls import reverse

from ..world import FORMULA, build_world

pytestmark = pytest.mark.django_db


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("export", ["events", "hubs", "kpis"])
def test_no_cell_starts_a_formula(client, export):
    world = build_world(xss=True)
    client.force_login(world.users["admin"])
    rows = _rows(client.get(reverse("reporting:figures"), {"export": export}))
    assert len(rows) >= 2
    for row in rows:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@"), cell


def test_the_formula_title_is_kept_as_text(client):
    world = build_world(xss=True)
    client.force_login(world.users["staff_k"])
    cells = [
        cell for row in _rows(client.get(reverse("reporting:figures"), {"export": "events"})) for cell in row
    ]
    assert any(cell.startswith("'" + FORMULA) for cell in cells), cells
