"""Criterion 2: no overbooking under concurrency, with real threads and real database connections.

50 people register at once for 10 seats: exactly 10 confirmed, 40 on the waiting list numbered 1..40
in the order their registrations were processed. Then parallel cancellations promote from the head of
the waiting list in order, and at no moment are more than 10 seats taken.

PostgreSQL serialises on ``SELECT ... FOR UPDATE`` of the event row. SQLite serialises whole write
transactions (``BEGIN IMMEDIATE``); that needs a test database in a file - an in-memory SQLite database
shared between threads uses table locks that fail at once instead of waiting, so the test is skipped
there (run with ITKOOP_TEST_DB_NAME=/tmp/file.sqlite3 to include it).
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from itkoop.accounts.models import User
from itkoop.events import services
from itkoop.events.models import Event, Registration

from ..factories import UserFactory
from ..threads import in_threads
from .factories import EventFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("threads_share_database")]
S = Registration.Status
CAPACITY = 10
PEOPLE = 50


def _in_threads(target, args_list):
    """Run target(*args) in one thread each, released together; return the exceptions raised."""
    return in_threads(target, args_list)[1]


class CapacityWatch:
    """Polls the number of confirmed seats from its own connection while the threads run."""

    def __init__(self, event_pk: int):
        self.event_pk = event_pk
        self.maximum = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run)

    def _run(self):
        try:
            while not self._stop.is_set():
                n = Registration.objects.filter(event_id=self.event_pk, status=S.CONFIRMED).count()
                self.maximum = max(self.maximum, n)
                time.sleep(0.002)
        finally:
            connection.close()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _register(user_pk: int, event_pk: int) -> None:
    services.register(actor=User.objects.get(pk=user_pk), event=Event(pk=event_pk))


def _cancel(registration_pk: int) -> None:
    registration = Registration.objects.select_related("user", "event").get(pk=registration_pk)
    services.cancel(actor=registration.user, registration=registration)


def _waitlist(event) -> list[tuple[int, int]]:
    return list(
        Registration.objects.filter(event=event, status=S.WAITLISTED)
        .order_by("position")
        .values_list("user_id", "position")
    )


def _assert_waitlist_consistent(event) -> None:
    rows = list(Registration.objects.filter(event=event, status=S.WAITLISTED).order_by("position"))
    assert [r.position for r in rows] == list(range(1, len(rows) + 1)), "positions must be 1..n without gaps"
    created = [r.created for r in rows]
    assert created == sorted(created), "the waiting list must be in order of arrival"


def test_fifty_parallel_registrations_for_ten_seats():
    event = EventFactory(capacity=CAPACITY)
    users = [UserFactory() for _ in range(PEOPLE)]
    with CapacityWatch(event.pk) as watch:
        errors = _in_threads(_register, [(u.pk, event.pk) for u in users])
    assert errors == []
    assert watch.maximum <= CAPACITY
    assert Registration.objects.filter(event=event, status=S.CONFIRMED).count() == CAPACITY
    assert Registration.objects.filter(event=event, status=S.WAITLISTED).count() == PEOPLE - CAPACITY
    _assert_waitlist_consistent(event)
    # Every confirmed registration was processed before every waitlisted one.
    last_confirmed = max(
        Registration.objects.filter(event=event, status=S.CONFIRMED).values_list("created", flat=True)
    )
    first_waiting = min(
        Registration.objects.filter(event=event, status=S.WAITLISTED).values_list("created", flat=True)
    )
    assert last_confirmed <= first_waiting


def test_parallel_cancellations_promote_in_order_without_overbooking():
    event = EventFactory(capacity=CAPACITY)
    users = [UserFactory() for _ in range(PEOPLE)]
    assert _in_threads(_register, [(u.pk, event.pk) for u in users]) == []
    before = _waitlist(event)
    leaving = list(Registration.objects.filter(event=event, status=S.CONFIRMED).values_list("pk", flat=True))[
        :7
    ]
    with CapacityWatch(event.pk) as watch:
        errors = _in_threads(_cancel, [(pk,) for pk in leaving])
    assert errors == []
    assert watch.maximum <= CAPACITY
    assert Registration.objects.filter(event=event, status=S.CONFIRMED).count() == CAPACITY
    promoted = {user for user, _position in before[:7]}
    now_confirmed = set(
        Registration.objects.filter(event=event, status=S.CONFIRMED).values_list("user_id", flat=True)
    )
    assert promoted <= now_confirmed, "the first seven on the waiting list move up"
    assert _waitlist(event) == [(user, i) for i, (user, _p) in enumerate(before[7:], start=1)]
    _assert_waitlist_consistent(event)


def test_parallel_mixed_cancellations_keep_the_list_dense():
    """Confirmed and waitlisted people cancel at the same time: seats stay full, the list stays 1..n."""
    event = EventFactory(capacity=CAPACITY)
    users = [UserFactory() for _ in range(30)]
    assert _in_threads(_register, [(u.pk, event.pk) for u in users]) == []
    confirmed = list(
        Registration.objects.filter(event=event, status=S.CONFIRMED).values_list("pk", flat=True)
    )
    waiting = list(
        Registration.objects.filter(event=event, status=S.WAITLISTED)
        .order_by("position")
        .values_list("pk", flat=True)
    )
    leaving = confirmed[:4] + waiting[5::3]
    with CapacityWatch(event.pk) as watch:
        errors = _in_threads(_cancel, [(pk,) for pk in leaving])
    assert errors == []
    assert watch.maximum <= CAPACITY
    assert Registration.objects.filter(event=event, status=S.CONFIRMED).count() == CAPACITY
    assert Registration.objects.filter(event=event, status=S.WAITLISTED).count() == 30 - CAPACITY - len(
        leaving
    )
    _assert_waitlist_consistent(event)
