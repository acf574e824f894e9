"""'Build schedule' never blocks the web worker: the request returns at once, a thread solves and reports
progress into the ScheduleRun row, the status endpoint shows it, and the meetings appear when it is done."""

import threading
import time

import pytest
from django.urls import reverse

from itkoop.events import meetings
from itkoop.events.models import Meeting, ScheduleRun

from ..factories import UserFactory, hub_staff
from .factories import confirmed, meeting_day

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("threads_share_database")]


def test_build_runs_in_the_background_and_reports_progress(client):
    day = meeting_day(hub_id="kassel")
    people = [UserFactory() for _ in range(8)]
    for user in people:
        confirmed(day, user)
    for i, a in enumerate(people):
        for b in people[i + 1 : i + 4]:
            request = meetings.request_send(
                actor=a, event=day, recipient_id=b.pk, reason="Gespräch", priority=2
            )
            meetings.request_answer(actor=b, request=request, accept=True)
    client.force_login(hub_staff("kassel"))
    started = time.monotonic()
    response = client.post(reverse("events:schedule_build", args=[day.pk]))
    assert response.status_code == 302
    assert time.monotonic() - started < 5
    status = {}
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status = client.get(reverse("events:schedule_status", args=[day.pk])).json()
        if not status["active"]:
            break
        time.sleep(0.2)
    for thread in threading.enumerate():
        if thread.name.startswith("schedule-run-"):
            thread.join(timeout=30)  # it closes its own connection last
    assert status["status"] == ScheduleRun.Status.DONE, status
    assert status["percent"] == 100 and status["value"] is not None and status["bound"] >= status["value"]
    assert Meeting.objects.filter(event=day).count() > 0
    page = client.get(reverse("events:schedule", args=[day.pk])).content.decode()
    assert "bewiesene Obergrenze" in page
