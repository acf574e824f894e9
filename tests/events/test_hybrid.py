"""Hybrid meeting days: registration asks on site or online (changeable until the plan is published), the
schedule puts pairs with an online side in online rooms, and the agenda, PDF and .ics say where (the room's
link only to the two people of the meeting)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from itkoop import scheduler
from itkoop.events import meetings, scheduling, services
from itkoop.events.models import Event, Meeting, Registration, ScheduleRun
from itkoop.events.services import EventError

from ..documents.flow import request_pdf
from ..factories import UserFactory, hub_staff
from .factories import EventFactory, meeting_day

pytestmark = pytest.mark.django_db
ONLINE, ON_SITE = Registration.Attendance.ONLINE, Registration.Attendance.ON_SITE
PATTERN = "https://meet.example/{event}-{slot}-{room}"


@pytest.fixture
def day():
    event = meeting_day(
        hub_id="kassel", format=Event.Format.HYBRID, meeting_link="https://meet.example/plenum", capacity=20
    )
    event.online_rooms = 1
    event.room_link_pattern = PATTERN
    event.save()
    return event


@pytest.fixture
def people(day):
    """Person0 online, the others on site; everyone registered through the service."""
    users = [UserFactory(first_name=f"Person{i}", last_name="Hybrid") for i in range(5)]
    for i, user in enumerate(users):
        services.register(actor=user, event=day, attendance=ONLINE if i == 0 else ON_SITE)
    return users


def _accepted(day, a, b, priority=2):
    request = meetings.request_send(
        actor=a, event=day, recipient_id=b.pk, reason="Kooperation Cloud", priority=priority
    )
    meetings.request_answer(actor=b, request=request, accept=True)
    return request


def _build(day, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = meetings.schedule_build(actor=hub_staff("kassel"), event=day)
    run.refresh_from_db()
    return run


# --- registration ---


def test_a_hybrid_registration_without_a_choice_is_refused_and_nothing_stored(day):
    user = UserFactory()
    with pytest.raises(EventError, match="vor Ort oder online"):
        services.register(actor=user, event=day)
    with pytest.raises(EventError, match="vor Ort oder online"):
        services.register(actor=user, event=day, attendance="teleport")
    assert not Registration.objects.filter(event=day).exists()


def test_the_choice_is_stored_and_other_formats_decide_themselves(day):
    user = UserFactory()
    assert services.register(actor=user, event=day, attendance=ONLINE).attendance == ONLINE
    on_site = EventFactory(format=Event.Format.AT_HUB)
    online = EventFactory(format=Event.Format.ONLINE, meeting_link="https://meet.example/x")
    assert services.register(actor=user, event=on_site, attendance=ONLINE).attendance == ON_SITE
    registration = services.register(actor=user, event=online)
    assert registration.attendance == ONLINE and registration.attends_online


def test_the_register_page_posts_the_choice(client, day):
    user = UserFactory()
    client.force_login(user)
    page = client.get(day.get_absolute_url()).content.decode()
    assert 'name="attendance"' in page and "Wie nehmen Sie teil?" in page
    response = client.post(reverse("events:register", args=[day.pk]), {}, follow=True)
    assert "vor Ort oder online" in response.content.decode()
    assert not Registration.objects.filter(event=day).exists()
    client.post(reverse("events:register", args=[day.pk]), {"attendance": "online"})
    assert Registration.objects.get(event=day, user=user).attendance == ONLINE


def test_the_participant_changes_the_choice_until_the_plan_is_published(client, day, people):
    client.force_login(people[1])
    url = reverse("events:attendance", args=[day.pk])
    client.post(url, {"attendance": "online"})
    assert Registration.objects.get(event=day, user=people[1]).attendance == ONLINE
    response = client.post(url, {"attendance": "somewhere"}, follow=True)
    assert "vor Ort oder online" in response.content.decode()
    assert Registration.objects.get(event=day, user=people[1]).attendance == ONLINE
    Event.objects.filter(pk=day.pk).update(schedule_published=timezone.now())
    response = client.post(url, {"attendance": "on_site"}, follow=True)
    assert "Gesprächsplan ist veröffentlicht" in response.content.decode()
    assert Registration.objects.get(event=day, user=people[1]).attendance == ONLINE


def test_only_the_person_changes_their_own_choice(day, people):
    registration = Registration.objects.get(event=day, user=people[1])
    with pytest.raises(PermissionDenied):
        services.attendance_change(actor=people[2], registration=registration, attendance=ONLINE)
    assert Registration.objects.get(pk=registration.pk).attendance == ON_SITE


def test_attendance_cannot_be_chosen_at_an_on_site_event():
    event = EventFactory(format=Event.Format.AT_HUB)
    user = UserFactory()
    registration = services.register(actor=user, event=event)
    with pytest.raises(EventError, match="hybriden"):
        services.attendance_change(actor=user, registration=registration, attendance=ONLINE)
    assert Registration.objects.get(pk=registration.pk).attendance == ON_SITE


# --- scheduling ---


def test_the_problem_marks_online_people_and_counts_rooms(day, people):
    _accepted(day, people[0], people[1])
    _accepted(day, people[2], people[3])
    problem = scheduling.build_problem(day).problem
    assert [p.online for p in problem.participants] == [True, False, False, False]
    assert problem.room_count(0) == 1 and problem.table_count(0) == 3
    assert problem.room_count(3) == 0  # round 4 is a break


def test_the_schedule_puts_online_pairs_in_rooms(day, people, django_capture_on_commit_callbacks):
    a, b, c, d, e = people
    # Person0 (online) wants to meet all four: one room per round, five rounds, so all four fit in rooms.
    online_requests = [_accepted(day, a, x) for x in (b, c, d, e)]
    on_site = [_accepted(day, b, c), _accepted(day, d, e)]
    run = _build(day, django_capture_on_commit_callbacks)
    assert run.status == ScheduleRun.Status.DONE, run.message
    stored = {m.request_id: m for m in Meeting.objects.filter(event=day)}
    for request in online_requests:
        assert stored[request.pk].online and stored[request.pk].table == 0
    for request in on_site:
        assert not stored[request.pk].online
    rounds = [stored[r.pk].slot for r in online_requests]
    assert len(set(rounds)) == len(rounds)  # one room: never two online meetings in one round
    adapted = scheduling.build_problem(day)
    result = scheduling.current_result(day, adapted)
    checked = scheduler.ScheduleResult(
        meetings=result.meetings,
        value=run.value,
        bound=run.bound,
        idle_gaps=run.idle_gaps,
        status=scheduler.Status.FEASIBLE,
    )
    assert scheduler.validate(adapted.problem, checked) == []


def test_room_capacity_limits_the_online_meetings(day, people, django_capture_on_commit_callbacks):
    a, b, c, d, _e = people
    Registration.objects.filter(event=day, user=b).update(attendance=ONLINE)
    # Two online pairs, disjoint, one round, plenty of tables but one room: only one of them can meet.
    first, second = _accepted(day, a, c), _accepted(day, b, d)
    Event.objects.filter(pk=day.pk).update(slot_count=1, breaks=[])
    day.refresh_from_db()
    run = _build(day, django_capture_on_commit_callbacks)
    assert run.status == ScheduleRun.Status.DONE, run.message
    assert Meeting.objects.filter(event=day, online=True).count() == 1
    assert run.value == run.bound == 2  # the bound knows the single room too: 2, not 4
    assert {first.pk, second.pk} & set(Meeting.objects.values_list("request_id", flat=True))


def test_staff_move_an_online_meeting_between_rooms(day, people, django_capture_on_commit_callbacks):
    request = _accepted(day, people[0], people[1])
    _build(day, django_capture_on_commit_callbacks)
    staff = hub_staff("kassel")
    # Room 2 does not exist (one room), although table 2 does.
    assert meetings.move_check(event=day, request=request, slot=2, table=2) == [
        "Online-Raum 2 gibt es in Runde 2 nicht."
    ]
    meeting = meetings.meeting_move(actor=staff, event=day, request=request, slot=5, table=1)
    assert meeting.online and (meeting.slot, meeting.table, meeting.locked) == (4, 0, True)


# --- where: agenda, PDF, .ics ---


def test_agenda_pdf_and_ics_say_where_with_the_link_only_for_the_pair(
    client, day, people, django_capture_on_commit_callbacks
):
    request = _accepted(day, people[0], people[1])
    _accepted(day, people[2], people[3])
    _build(day, django_capture_on_commit_callbacks)
    meeting = Meeting.objects.get(request=request)
    link = f"https://meet.example/{day.pk}-{meeting.slot + 1}-1"
    assert meeting.room_link == link
    Event.objects.filter(pk=day.pk).update(venue_street="Beispielstraße 12", venue_city="Kassel")
    client.force_login(people[1])
    agenda = client.get(reverse("events:agenda", args=[day.pk])).content.decode()
    assert "Online-Raum 1" in agenda and link in agenda
    assert "Beispielstraße 12, Kassel" in agenda  # the venue's address heads the agenda
    ics = client.get(reverse("events:agenda_ics", args=[day.pk])).content.decode().replace("\r\n ", "")
    assert "LOCATION:online · Online-Raum 1 · " + link in ics and f"URL:{link}" in ics
    _response, document, pdf = request_pdf(
        client, django_capture_on_commit_callbacks, "events.agenda", {"event": day.pk}
    )
    assert document.status == "done" and pdf.body.startswith(b"%PDF")
    # The on-site pair sees its table and not the room link of others.
    client.force_login(people[2])
    agenda = client.get(reverse("events:agenda", args=[day.pk])).content.decode()
    assert "Tisch 1" in agenda and link not in agenda
    ics = client.get(reverse("events:agenda_ics", args=[day.pk])).content.decode()
    assert link not in ics and "LOCATION:Tisch 1 · Beispielstraße 12\\, Kassel" in ics.replace("\r\n ", "")
    public = client.get(reverse("events:ics", args=[day.pk])).content.decode()
    assert link not in public


def test_staff_enter_a_link_for_one_meeting_and_a_rebuild_keeps_it(
    client, day, people, django_capture_on_commit_callbacks
):
    request = _accepted(day, people[0], people[1])
    _build(day, django_capture_on_commit_callbacks)
    client.force_login(hub_staff("kassel"))
    url = reverse("events:meeting_move", args=[day.pk, request.pk])
    response = client.post(url, {"do": "link", "link": "ftp://files.example/room"})
    assert response.status_code == 400
    assert Meeting.objects.get(request=request).link == ""
    client.post(url, {"do": "link", "link": "https://video.example/room-7"})
    assert Meeting.objects.get(request=request).room_link == "https://video.example/room-7"
    _build(day, django_capture_on_commit_callbacks)
    assert Meeting.objects.get(request=request).link == "https://video.example/room-7"


def test_a_table_meeting_takes_no_link(day, people, django_capture_on_commit_callbacks):
    request = _accepted(day, people[1], people[2])
    _build(day, django_capture_on_commit_callbacks)
    meeting = Meeting.objects.get(request=request)
    with pytest.raises(EventError, match="an einem Tisch"):
        meetings.meeting_link_save(actor=hub_staff("kassel"), meeting=meeting, link="https://x.example/")
    assert Meeting.objects.get(pk=meeting.pk).link == ""


def test_rooms_and_a_link_pattern_are_set_with_the_rounds(client, day):
    client.force_login(hub_staff("kassel"))
    url = reverse("events:meeting_settings", args=[day.pk])
    data = {
        "slots_start": (timezone.localtime(day.start) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "slot_minutes": 20,
        "slot_count": 6,
        "tables": 2,
        "online_rooms": 3,
        "breaks_text": "4",
    }
    response = client.post(url, {**data, "room_link_pattern": "https://meet.example/{event}-{table}"})
    assert "Platzhalter" in response.content.decode()
    response = client.post(url, {**data, "tables": 0, "online_rooms": 0, "room_link_pattern": ""})
    assert "mindestens einen Tisch oder Online-Raum" in response.content.decode()
    client.post(url, {**data, "room_link_pattern": "https://meet.example/{event}/{slot}/{room}"})
    day.refresh_from_db()
    assert (day.tables, day.online_rooms) == (2, 3)
    assert day.room_link(0, 2) == f"https://meet.example/{day.pk}/1/3"


def test_notices_name_the_online_room(day, people, django_capture_on_commit_callbacks):
    request = _accepted(day, people[0], people[1])
    _build(day, django_capture_on_commit_callbacks)
    published = [m.body for m in mail.outbox if people[1].email in m.to][-1]
    assert "Uhr, Online-Raum 1: " in published and "Tisch" not in published
    mail.outbox.clear()
    current = Meeting.objects.get(request=request)
    target = 5 if current.slot != 4 else 1
    with django_capture_on_commit_callbacks(execute=True):
        meetings.meeting_move(actor=hub_staff("kassel"), event=day, request=request, slot=target, table=1)
    bodies = [m.body for m in mail.outbox if people[1].email in m.to]
    assert bodies and "Verlegt" in bodies[0]
    assert "Uhr, Online-Raum 1, mit" in bodies[0] and "Tisch 1" not in bodies[0]


def test_the_plan_page_warns_when_online_people_have_no_rooms(client, day, people):
    client.force_login(hub_staff("kassel"))
    url = reverse("events:schedule", args=[day.pk])
    assert "keine Online-Räume" not in client.get(url).content.decode()
    Event.objects.filter(pk=day.pk).update(online_rooms=0)
    assert "1 Person nimmt online teil, es gibt aber keine Online-Räume" in client.get(url).content.decode()


def test_the_organiser_plan_per_table_keeps_rooms_apart_from_tables(
    day, people, django_capture_on_commit_callbacks
):
    from itkoop.events.exports_organiser import plan_per_person, plan_per_table

    online = _accepted(day, people[0], people[1])
    on_site = _accepted(day, people[2], people[3])
    _build(day, django_capture_on_commit_callbacks)
    Meeting.objects.filter(request=online).update(slot=0, table=0)
    Meeting.objects.filter(request=on_site).update(slot=1, table=0)
    titles = [t.title for t in plan_per_table(day)]
    assert titles == ["Tisch 1", "Online-Raum 1"]
    person = next(t for t in plan_per_person(day) if t.title == "Person1 Hybrid")
    assert person.header[2] == "Wo" and person.rows[0][2] == "Online-Raum 1"
