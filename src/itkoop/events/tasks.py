"""Background jobs of the events app: building a meeting-day schedule, and the periodic housekeeping of
meeting days (expiring unanswered requests, reminding participants without meetings, asking for ratings of
meetings and their outcomes).

Thin on purpose: load by id, call the service, done. The schedule of the periodic ones is in
settings.ITKOOP_PERIODIC_JOBS."""

from __future__ import annotations

from django.conf import settings

from itkoop.taskqueue import app

from . import meetings, ratings, scheduling

# Past this the solver (bounded by ITKOOP_SCHEDULE_TIME_LIMIT_S) is stuck: the task is interrupted and the run
# marked failed, so it does not block the event's next build. Enforced by the prefork pool of `itkoop worker`.
_BUILD_SOFT_LIMIT_S = int(4 * settings.ITKOOP_SCHEDULE_TIME_LIMIT_S + 120)


@app.task(soft_time_limit=_BUILD_SOFT_LIMIT_S, time_limit=_BUILD_SOFT_LIMIT_S + 60)
def build_schedule(run_pk: int) -> None:
    """Build the schedule of one ScheduleRun (queued by meetings.schedule_build after commit).

    Acknowledged late: if the worker dies mid-run, the broker hands the run to the next worker, which
    starts it again."""
    scheduling.execute_run(run_pk)


@app.task
def expire_requests() -> int:
    """Unanswered meeting requests past their time: expired (opt-in) or accepted (opt-out)."""
    return meetings.expire_requests()


@app.task
def send_reminders() -> int:
    """Remind confirmed participants of meeting days in the next two weeks who have no meeting yet."""
    return meetings.send_reminders()


@app.task
def request_meeting_ratings() -> int:
    """Ask participants of past meeting days to rate their meetings, later for the outcome; remind once."""
    return ratings.send_rating_requests()
