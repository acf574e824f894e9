"""Meeting days: profiles, requests and their validation (criterion 7), consent modes and expiry, rounds and
tables, building the schedule, the agenda (web, PDF, .ics), locking and moving meetings, reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from itkoop import scheduler
from itkoop.events import meetings, scheduling, services, tasks
from itkoop.events.models import Event, Meeting, MeetingRequest, ParticipantProfile, Registration, ScheduleRun
from itkoop.events.services import EventError

from ..documents.flow import request_pdf
from ..factories import UserFactory, hub_staff
from .factories import EventFactory, confirmed, meeting_day

pytestmark = pytest.mark.django_db
RS = MeetingRequest.Status


@pytest.fixture
def day():
    return meeting_day(hub_id="kassel")


@pytest.fixture
def people(day):
    users = [UserFactory(first_name=f"Person{i}", last_name="Test") for i in range(4)]
    for user in users:
        confirmed(day, user)
    return users


def _send(day, sender, recipient, priority=2):
    return meetings.request_send(
        actor=sender, event=day, recipient_id=recipient.pk, reason="Kooperation ERP", priority=priority
    )


# --- criterion 7: bad requests are refused clearly and change nothing ---


def test_request_to_oneself_is_refused(day, people):
    with pytest.raises(EventError, match="mit sich selbst"):
        _send(day, people[0], people[0])
    assert not MeetingRequest.objects.exists()


def test_double_request_is_refused_in_both_directions(day, people):
    _send(day, people[0], people[1])
    with pytest.raises(EventError, match="bereits angefragt"):
        _send(day, people[0], people[1])
    with pytest.raises(EventError, match="hat Sie bereits angefragt"):
        _send(day, people[1], people[0])
    assert MeetingRequest.objects.count() == 1


def test_request_to_non_participant_is_refused(day, people):
    outsider = UserFactory()
    waiting = UserFactory()
    Registration.objects.create(event=day, user=waiting, status=Registration.Status.WAITLISTED, position=1)
    for who in (outsider, waiting):
        with pytest.raises(EventError, match="nimmt nicht"):
            _send(day, people[0], who)
    assert not MeetingRequest.objects.exists()


def test_request_form_shows_the_refusal(client, day, people):
    client.force_login(people[0])
    response = client.post(
        reverse("events:request_create", args=[day.pk, people[0].pk]), {"reason": "Hallo", "priority": "2"}
    )
    assert response.status_code == 200 and "mit sich selbst" in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_request_with_bad_priority_is_refused(client, day, people):
    client.force_login(people[0])
    response = client.post(
        reverse("events:request_create", args=[day.pk, people[1].pk]), {"reason": "Hallo", "priority": "7"}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_expired_request_may_be_asked_again(day, people):
    request = _send(day, people[0], people[1])
    MeetingRequest.objects.filter(pk=request.pk).update(expires=timezone.now() - timedelta(hours=1))
    again = _send(day, people[0], people[1])
    assert again.status == RS.PENDING and MeetingRequest.objects.count() == 1


def test_request_mail_goes_to_the_recipient(day, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send(day, people[0], people[1])
    message = mail.outbox[-1]
    assert message.to == [people[1].email] and "Kooperation ERP" in message.body
    assert "Gesprächsanfrage" in message.subject and "Kooperation ERP" in message.alternatives[0][0]
    assert f"http://testserver/veranstaltungen/{day.pk}/anfragen/" in message.body


# --- consent and expiry ---


def test_opt_in_needs_consent(day, people):
    request = _send(day, people[0], people[1])
    assert request.pk not in {r.pk for r in scheduling.schedulable_requests(day)}
    meetings.request_answer(actor=people[1], request=request, accept=True)
    assert request.pk in {r.pk for r in scheduling.schedulable_requests(day)}


def test_opt_out_counts_unless_declined(day, people):
    day.consent_mode = Event.Consent.OPT_OUT
    day.save()
    request = _send(day, people[0], people[1])
    assert request.pk in {r.pk for r in scheduling.schedulable_requests(day)}
    meetings.request_answer(actor=people[1], request=request, accept=False)
    assert not scheduling.schedulable_requests(day).exists()


@pytest.mark.parametrize(("mode", "status"), [("opt_in", RS.EXPIRED), ("opt_out", RS.ACCEPTED)])
def test_unanswered_requests_expire_by_consent_mode(day, people, mode, status):
    day.consent_mode = mode
    day.save()
    request = _send(day, people[0], people[1])
    MeetingRequest.objects.filter(pk=request.pk).update(expires=timezone.now() - timedelta(minutes=1))
    tasks.expire_requests.delay()
    request.refresh_from_db()
    assert request.status == status


def test_only_the_recipient_answers(day, people):
    request = _send(day, people[0], people[1])
    from django.core.exceptions import PermissionDenied

    for who in (people[0], people[2]):
        with pytest.raises(PermissionDenied):
            meetings.request_answer(actor=who, request=request, accept=True)
    request.refresh_from_db()
    assert request.status == RS.PENDING


def test_expired_request_cannot_be_accepted(day, people):
    request = _send(day, people[0], people[1])
    MeetingRequest.objects.filter(pk=request.pk).update(expires=timezone.now() - timedelta(minutes=1))
    with pytest.raises(EventError, match="verfallen"):
        meetings.request_answer(actor=people[1], request=request, accept=True)


# --- rounds and tables (criterion 7) ---


def _settings_post(client, day, **changes):
    data = {
        "slots_start": (day.start + timedelta(hours=1))
        .astimezone(timezone.get_current_timezone())
        .strftime("%Y-%m-%dT%H:%M"),
        "slot_minutes": "20",
        "slot_count": "6",
        "tables": "4",
        "breaks_text": "3",
    }
    data.update(changes)
    return client.post(reverse("events:meeting_settings", args=[day.pk]), data)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"tables": "0"}, "mindestens einen Tisch"),
        (
            {"slots_start": (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")},
            "in der Vergangenheit",
        ),
        ({"slot_count": "0"}, "zwischen 1 und 48"),
        ({"breaks_text": "9"}, "keine Runde"),
        ({"breaks_text": "1,2,3,4,5,6"}, "keine Pause"),
        ({"slot_minutes": "400"}, "zwischen 5 und 120"),
        ({"slot_count": "40"}, "zwischen Beginn und Ende"),
    ],
)
def test_bad_rounds_and_tables_are_refused_clearly(client, day, changes, message):
    client.force_login(hub_staff("kassel"))
    response = _settings_post(client, day, **changes)
    assert response.status_code == 200 and message in response.content.decode()
    day.refresh_from_db()
    assert (day.tables, day.slot_count, day.breaks) == (3, 6, [4])


def test_good_rounds_and_tables_are_saved(client, day):
    client.force_login(hub_staff("kassel"))
    response = _settings_post(client, day)
    day.refresh_from_db()
    assert response.status_code == 302 and (day.tables, day.slot_count, day.breaks) == (4, 6, [3])


def test_staff_event_with_a_start_in_the_past_is_refused(client):
    client.force_login(hub_staff("kassel"))
    past = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("events:create"),
        {
            "title": "Alt",
            "hub": "kassel",
            "format": "at_hub",
            "start": past,
            "end": past,
            "capacity": "5",
            "language": "de",
            "consent_mode": "opt_in",
            "request_expiry_hours": "72",
        },
    )
    assert response.status_code == 200 and "in der Vergangenheit" in response.content.decode()
    assert not Event.objects.filter(title="Alt").exists()


# --- the schedule ---


def _accepted(day, a, b, priority=2):
    request = _send(day, a, b, priority)
    meetings.request_answer(actor=b, request=request, accept=True)
    return request


@pytest.fixture
def requests_accepted(day, people):
    a, b, c, d = people
    return [
        _accepted(day, a, b, 3),
        _accepted(day, a, c),
        _accepted(day, b, c),
        _accepted(day, c, d, 1),
        _accepted(day, d, a),
    ]


def _build(day, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = meetings.schedule_build(actor=hub_staff("kassel"), event=day)
    run.refresh_from_db()
    return run


def test_build_schedules_every_request_validly(day, requests_accepted, django_capture_on_commit_callbacks):
    run = _build(day, django_capture_on_commit_callbacks)
    assert run.status == ScheduleRun.Status.DONE, run.message
    assert run.meetings == 5 and run.value == run.bound == 10
    adapted = scheduling.build_problem(day)
    stored = scheduling.current_result(day, adapted)
    result = scheduler.ScheduleResult(
        meetings=stored.meetings,
        value=run.value,
        bound=run.bound,
        idle_gaps=run.idle_gaps,
        status=scheduler.Status.FEASIBLE,
    )
    assert scheduler.validate(adapted.problem, result) == []
    assert not Meeting.objects.filter(event=day, slot=3).exists()  # round 4 is a break


def test_unavailable_rounds_are_respected(day, people, requests_accepted, django_capture_on_commit_callbacks):
    ParticipantProfile.objects.create(event=day, user=people[0], offers="ERP", unavailable=[1, 2])
    _build(day, django_capture_on_commit_callbacks)
    slots = Meeting.objects.filter(event=day, request__sender=people[0]).values_list("slot", flat=True)
    assert slots and not {0, 1} & set(slots)


def test_locked_meeting_survives_a_rebuild(day, requests_accepted, django_capture_on_commit_callbacks):
    _build(day, django_capture_on_commit_callbacks)
    meeting = Meeting.objects.filter(event=day).first()
    staff = hub_staff("kassel")
    meetings.meeting_move(actor=staff, event=day, request=meeting.request, slot=6, table=3)
    run = _build(day, django_capture_on_commit_callbacks)
    assert run.status == ScheduleRun.Status.DONE, run.message
    moved = Meeting.objects.get(request=meeting.request)
    assert (moved.slot, moved.table, moved.locked) == (5, 2, True)
    from itkoop.core.models import AuditEntry

    entry = AuditEntry.objects.get(action="meeting_move")
    assert (entry.actor, entry.details["round"], entry.details["table"]) == (staff, 6, 3)


def test_move_check_explains_infeasible_moves(
    day, people, requests_accepted, django_capture_on_commit_callbacks
):
    _build(day, django_capture_on_commit_callbacks)
    first = Meeting.objects.filter(event=day).order_by("slot", "table").first()
    problems = meetings.move_check(event=day, request=first.request, slot=4, table=1)
    assert any("Pause" in p for p in problems)
    other = Meeting.objects.filter(event=day).exclude(pk=first.pk).first()
    problems = meetings.move_check(
        event=day, request=first.request, slot=other.slot + 1, table=other.table + 1
    )
    assert any("belegt" in p or "schon ein Gespräch" in p for p in problems)


def test_move_page_says_feasible_and_moves(
    client, day, requests_accepted, django_capture_on_commit_callbacks
):
    _build(day, django_capture_on_commit_callbacks)
    taken = set(Meeting.objects.filter(event=day).values_list("slot", "table"))
    meeting = Meeting.objects.filter(event=day).first()
    a, b = meeting.request.sender_id, meeting.request.recipient_id
    busy = set(
        Meeting.objects.filter(event=day, request__sender_id__in=[a, b]).values_list("slot", flat=True)
    )
    busy |= set(
        Meeting.objects.filter(event=day, request__recipient_id__in=[a, b]).values_list("slot", flat=True)
    )
    free_slot = next(s for s in range(6) if s != 3 and s not in busy)
    free_table = next(t for t in range(3) if (free_slot, t) not in taken)
    client.force_login(hub_staff("kassel"))
    url = reverse("events:meeting_move", args=[day.pk, meeting.request_id])
    body = client.get(url, {"slot": free_slot + 1, "table": free_table + 1}).content.decode()
    assert "kann dorthin" in body
    response = client.post(url, {"slot": free_slot + 1, "table": free_table + 1, "do": "move"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.slot, meeting.table, meeting.locked) == (free_slot, free_table, True)
    response = client.post(url, {"slot": 4, "table": 1, "do": "move"})
    assert response.status_code == 400 and "Pause" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.slot == free_slot


def test_build_without_rounds_is_refused(people):
    event = EventFactory(is_meeting_day=True, hub_id="kassel")
    with pytest.raises(EventError, match="Runden und Tische"):
        meetings.schedule_build(actor=hub_staff("kassel"), event=event)
    assert not ScheduleRun.objects.exists()


def test_second_build_while_running_is_refused(day):
    ScheduleRun.objects.create(event=day, status=ScheduleRun.Status.RUNNING)
    with pytest.raises(EventError, match="bereits berechnet"):
        meetings.schedule_build(actor=hub_staff("kassel"), event=day)


def test_at_most_one_unfinished_run_per_event_is_a_database_rule(day):
    ScheduleRun.objects.create(event=day, status=ScheduleRun.Status.QUEUED)
    ScheduleRun.objects.create(event=day, status=ScheduleRun.Status.DONE)
    with pytest.raises(IntegrityError), transaction.atomic():
        ScheduleRun.objects.create(event=day, status=ScheduleRun.Status.RUNNING)


def test_a_run_handed_on_after_its_worker_died_is_built(day, requests_accepted):
    run = ScheduleRun.objects.create(event=day, status=ScheduleRun.Status.RUNNING, progress=0.3)
    tasks.build_schedule.delay(run.pk)
    run.refresh_from_db()
    assert run.status == ScheduleRun.Status.DONE and run.meetings == 5


def test_a_finished_run_delivered_again_is_left_alone(day, requests_accepted):
    run = ScheduleRun.objects.create(event=day, status=ScheduleRun.Status.FAILED, message="x")
    tasks.build_schedule.delay(run.pk)
    run.refresh_from_db()
    assert run.status == ScheduleRun.Status.FAILED and run.message == "x"
    assert not Meeting.objects.filter(event=day).exists()


def test_status_endpoint_reports_progress(client, day):
    ScheduleRun.objects.create(event=day, status=ScheduleRun.Status.RUNNING, progress=0.42, message="läuft")
    client.force_login(hub_staff("kassel"))
    data = client.get(reverse("events:schedule_status", args=[day.pk])).json()
    assert data["active"] and data["percent"] == 42


def test_declining_removes_the_meeting(day, people, requests_accepted, django_capture_on_commit_callbacks):
    _build(day, django_capture_on_commit_callbacks)
    request = requests_accepted[0]
    meetings.request_answer(actor=request.recipient, request=request, accept=False)
    assert not Meeting.objects.filter(request=request).exists()


def test_cancelling_the_seat_removes_meetings(
    day, people, requests_accepted, django_capture_on_commit_callbacks
):
    _build(day, django_capture_on_commit_callbacks)
    registration = Registration.objects.get(event=day, user=people[0])
    services.cancel(actor=people[0], registration=registration)
    assert not Meeting.objects.filter(request__sender=people[0]).exists()
    assert not Meeting.objects.filter(request__recipient=people[0]).exists()


# --- the agenda ---


def test_agenda_web_pdf_and_ics(client, day, people, requests_accepted, django_capture_on_commit_callbacks):
    _build(day, django_capture_on_commit_callbacks)
    client.force_login(people[0])
    body = client.get(reverse("events:agenda", args=[day.pk])).content.decode()
    assert "Person1 Test" in body and "Kooperation ERP" in body
    assert reverse("documents:create", args=["events.agenda"]) in body
    _response, document, pdf = request_pdf(
        client, django_capture_on_commit_callbacks, "events.agenda", {"event": day.pk}
    )
    assert document.status == "done" and document.params["person"] == people[0].pk
    content = pdf.body
    assert pdf["Content-Type"] == "application/pdf" and content.startswith(b"%PDF")
    ics = client.get(reverse("events:agenda_ics", args=[day.pk])).content.decode()
    assert (
        ics.count("BEGIN:VEVENT")
        == Meeting.objects.filter(event=day, request__sender=people[0]).count()
        + Meeting.objects.filter(event=day, request__recipient=people[0]).count()
    )
    assert "Tisch" in ics


def test_person_feed_has_events_and_meetings(
    client, day, people, requests_accepted, django_capture_on_commit_callbacks
):
    _build(day, django_capture_on_commit_callbacks)
    token = services.calendar_token_for(people[0]).token
    ics = client.get(reverse("events:feed", args=[token])).content.decode()
    assert f"event-{day.pk}@itkoop" in ics and "meeting-" in ics


# --- participants and reminders ---


def test_participants_page_suggests_matching_profiles(client, day, people):
    ParticipantProfile.objects.create(
        event=day, user=people[0], seeks="Partner für Rechnungsstellung mit DATEV"
    )
    ParticipantProfile.objects.create(
        event=day,
        user=people[1],
        company_name="Rechnungs GmbH",
        offers="DATEV-Schnittstelle und Rechnungsstellung",
    )
    ParticipantProfile.objects.create(event=day, user=people[2], company_name="Robotik AG", offers="Roboter")
    client.force_login(people[0])
    response = client.get(reverse("events:participants", args=[day.pk]))
    suggestions = response.context["suggestions"]
    assert [c.user for c in suggestions] == [people[1]]
    assert "Robotik AG" in response.content.decode()


def test_reminders_go_to_participants_without_meetings(day, people, django_capture_on_commit_callbacks):
    _accepted(day, people[0], people[1])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("meeting_day_tasks")
    reminded = sorted(m.to[0] for m in mail.outbox)
    assert reminded == sorted([people[2].email, people[3].email])
    assert people[2].notifications.filter(kind="events.meeting_reminder").count() == 1
    assert "Für die Kooperationsbörse" in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("meeting_day_tasks")
    assert mail.outbox == []  # once a day at most


def test_participants_page_shows_the_engines_partner_suggestions(client, day, people, mini_catalog):
    from itkoop.accounts.models import Membership
    from itkoop.registry.models import Company

    Membership.objects.create(user=people[0], company=Company.objects.get(external_id="c1"))
    Membership.objects.create(user=people[1], company=Company.objects.get(external_id="c3"))
    Membership.objects.create(user=people[2], company=Company.objects.get(external_id="c2"))
    client.force_login(people[0])
    response = client.get(reverse("events:participants", args=[day.pk]))
    suggestions = response.context["suggestions"]
    from itkoop.matching.services import rank_partners_for

    engine_order = [p.id for p in rank_partners_for(company_id="c1", top_k=50).partners]
    by_company = {"c3": people[1], "c2": people[2]}
    expected = [by_company[c] for c in engine_order if c in by_company]
    assert [c.user for c in suggestions] == expected and set(expected) == {people[1], people[2]}
    assert "Datenaustausch über DATEV" in response.content.decode()
