"""Dates shown and exported are Berlin dates (issue 10, 8c): a meeting day that starts at 00:30 Berlin time
(22:30 or 23:30 UTC of the day before) showed the previous day on the figures page and in its CSV."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from itkoop.accounts.models import ConsentRecord
from itkoop.core.models import AuditEntry
from itkoop.core.personal_data import plain_rows

from ..factories import center_admin

pytestmark = pytest.mark.django_db
events = pytest.importorskip("itkoop.events.models")
BERLIN = ZoneInfo("Europe/Berlin")


def _meeting_day(start):
    return events.Event.objects.create(
        title="Nachtbörse", hub_id="kassel", start=start, end=start + dt.timedelta(hours=2), capacity=10,
        is_meeting_day=True,
    )  # fmt: skip


@pytest.mark.parametrize(
    "local_start",
    [
        dt.datetime(2026, 3, 10, 0, 30, tzinfo=BERLIN),  # winter time: 23:30 UTC on the 9th
        dt.datetime(2026, 7, 10, 0, 30, tzinfo=BERLIN),  # summer time: 22:30 UTC on the 9th
        dt.datetime(2026, 3, 10, 23, 30, tzinfo=BERLIN),  # late evening: still the 10th in UTC
    ],
)
def test_figures_page_and_csv_show_the_local_date(client, local_start):
    _meeting_day(local_start.astimezone(dt.UTC))
    client.force_login(center_admin())
    page = client.get(reverse("reporting:figures")).content.decode()
    assert local_start.strftime("%d.%m.%Y") in page
    assert (local_start - dt.timedelta(days=1)).strftime("%d.%m.%Y") not in page
    csv = client.get(reverse("reporting:figures"), {"export": "events"}).content.decode("utf-8-sig")
    assert f";{local_start.date().isoformat()};" in csv.splitlines()[1]


def test_texts_of_stored_times_use_the_local_time():
    at = dt.datetime(2026, 3, 10, 0, 30, tzinfo=BERLIN).astimezone(dt.UTC)
    entry = AuditEntry.objects.create(action="verify", object_type="company", object_id="x")
    AuditEntry.objects.filter(pk=entry.pk).update(at=at)
    entry.refresh_from_db()
    assert str(entry).startswith("2026-03-10 00:30")
    record = ConsentRecord.objects.create(purpose="signup_privacy", text_kind="privacy")
    ConsentRecord.objects.filter(pk=record.pk).update(given_at=at)
    record.refresh_from_db()
    assert str(record).endswith("(2026-03-10)")


def test_personal_data_downloads_give_local_times():
    at = dt.datetime(2026, 3, 10, 0, 30, tzinfo=BERLIN).astimezone(dt.UTC)
    record = ConsentRecord.objects.create(purpose="signup_privacy", text_kind="privacy")
    ConsentRecord.objects.filter(pk=record.pk).update(given_at=at)
    [row] = plain_rows(ConsentRecord.objects.all(), ["given_at"])
    assert row["given_at"].startswith("2026-03-10T00:30:00") and row["given_at"].endswith("+01:00")
