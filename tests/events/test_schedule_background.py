"""'Build schedule' goes through the task queue (events.tasks.build_schedule, queued after commit).

Without a broker, as here, the task runs eagerly right after the request's commit: the status endpoint then
reports the finished run and the plan page shows it. tests/events/test_schedule_worker.py runs the same flow
with Redis and a real worker process."""

import pytest
from django.urls import reverse

from itkoop.events import meetings
from itkoop.events.models import Meeting, MeetingNotice, ScheduleRun

from ..factories import UserFactory, hub_staff
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db


def meeting_day_with_requests(*, hub_id: str = "kassel", people: int = 8):
    """A meeting day whose participants each accepted a few requests: enough for a schedule."""
    day = meeting_day(hub_id=hub_id)
    users = [UserFactory() for _ in range(people)]
    for user in users:
        confirmed(day, user)
    for i, a in enumerate(users):
        for b in users[i + 1 : i + 4]:
            request = meetings.request_send(
                actor=a, event=day, recipient_id=b.pk, reason="Gespräch", priority=2
            )
            meetings.request_answer(actor=b, request=request, accept=True)
    return day


def test_build_runs_as_a_task_after_commit_and_reports_its_result(client, django_capture_on_commit_callbacks):
    day = meeting_day_with_requests()
    client.force_login(hub_staff("kassel"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("events:schedule_build", args=[day.pk]))
    # The build's own task, then the publication's mails (one per person told their plan).
    told = MeetingNotice.objects.filter(event=day).count()
    assert response.status_code == 302 and len(callbacks) == 1 + told
    status = client.get(reverse("events:schedule_status", args=[day.pk])).json()
    assert status["status"] == ScheduleRun.Status.DONE, status
    assert not status["active"]
    assert status["percent"] == 100 and status["value"] is not None and status["bound"] >= status["value"]
    assert Meeting.objects.filter(event=day).count() > 0
    page = client.get(reverse("events:schedule", args=[day.pk])).content.decode()
    assert "Der Gesprächsplan ist fertig." in page and "so gut wie der bestmögliche Plan" in page
    assert "bewiesene Obergrenze" not in page and "fertig: Fertig." not in page


def test_the_run_waits_until_the_commit_queues_its_task(django_capture_on_commit_callbacks):
    day = meeting_day_with_requests(people=4)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = meetings.schedule_build(actor=hub_staff("kassel"), event=day)
    # The task is only queued by the commit callback: before it, the run waits.
    run.refresh_from_db()
    assert run.status == ScheduleRun.Status.QUEUED and len(callbacks) == 1
