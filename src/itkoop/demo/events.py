"""Demo events for ``itkoop demo``: workshops at every hub, one full event with a waiting list, and a B2B
meeting day in Kassel with participants from demo provider companies, their requests and a built schedule.

Call :func:`build_demo_events` after the demo catalog and users exist (itkoop.demo.catalog builds those).
Clearly fictional, deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from itkoop import scheduler
from itkoop.accounts.models import Membership, User
from itkoop.core.models import Hub
from itkoop.demo.catalog import DEMO_DOMAIN, DEMO_PASSWORD
from itkoop.events import scheduling
from itkoop.events.models import (
    Event,
    Meeting,
    MeetingRating,
    MeetingRequest,
    ParticipantProfile,
    Registration,
    ScheduleRun,
)
from itkoop.registry.models import Company

WORKSHOPS = [
    (
        "Kooperative Geschäftsmodelle für IT-Anbieter",
        "Wie kleine IT-Unternehmen gemeinsam Gesamtangebote "
        "schnüren: Rollen, Verträge, Vertrieb. Mit Praxisbeispielen aus dem Netzwerk.",
    ),
    (
        "E-Rechnung ab 2025: XRechnung und ZUGFeRD im Mittelstand",
        "Was Anbieter von ERP- und "
        "Buchhaltungssoftware jetzt umsetzen müssen – mit Schnittstellen-Sprechstunde.",
    ),
    (
        "Internationalisierung: mit Software in die Nachbarländer",
        "Export, Lokalisierung und Partner im Zielmarkt – ein Infotag mit Erfahrungsberichten.",
    ),
]


@dataclass(frozen=True)
class DemoEvents:
    events: int
    registrations: int
    meeting_requests: int
    meetings: int


def _at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day.date(), time(hour, minute)))


@transaction.atomic
def build_demo_events(*, seed: int = 2026, now: datetime | None = None, participants: int = 24) -> DemoEvents:
    rng = random.Random(seed)
    now = timezone.localtime(now or timezone.now())
    admin = User.objects.filter(role=User.Role.CENTER_ADMIN).order_by("pk").first()
    events: list[Event] = []
    for i, hub in enumerate(Hub.objects.order_by("slug")):
        title, description = WORKSHOPS[i % len(WORKSHOPS)]
        day = now + timedelta(days=14 + 7 * i)
        events.append(
            Event.objects.create(
                title=f"{title} ({hub.city})",
                description=description,
                hub=hub,
                format=Event.Format.AT_HUB,
                start=_at(day, 9, 30),
                end=_at(day, 13),
                capacity=25,
                location=f"Stützpunkt {hub.city}",
                created_by=admin,
            )
        )
    online = Event.objects.create(
        title="Sprechstunde Fördermittel (online)",
        description="Offene Fragerunde zu Förderprogrammen für Digitalisierungsprojekte.",
        format=Event.Format.ONLINE,
        start=_at(now + timedelta(days=9), 16),
        end=_at(now + timedelta(days=9), 17),
        capacity=3,
        meeting_link="https://meet.example.org/itkoop-foerderung",
        created_by=admin,
    )
    events.append(online)
    kassel = Hub.objects.filter(slug="kassel").first() or Hub.objects.order_by("slug").first()
    day = now + timedelta(days=30)
    meeting_day = Event.objects.create(
        title="Kooperationsbörse IT-Wirtschaft Nordhessen",
        description="Vorab vereinbarte Zweiergespräche "
        "von 20 Minuten: IT-Anbieter treffen Partner und Anwenderunternehmen.",
        hub=kassel,
        format=Event.Format.HYBRID,
        start=_at(day, 9),
        end=_at(day, 16),
        capacity=60,
        location=f"Stützpunkt {kassel.city}",
        meeting_link="https://meet.example.org/itkoop-boerse",
        is_meeting_day=True,
        consent_mode=Event.Consent.OPT_IN,
        slots_start=_at(day, 10),
        slot_minutes=20,
        slot_count=12,
        breaks=[6, 7],
        tables=8,
        online_rooms=4,
        room_link_pattern="https://meet.example.org/itkoop-{event}-runde-{slot}-raum-{room}",
        venue_name=f"Stützpunkt {kassel.city}, Saal Nordhessen",
        venue_street="Beispielstraße 12",
        venue_postcode="34117",
        venue_city=kassel.city,
        latitude=Decimal("51.31667"),
        longitude=Decimal("9.49800"),
        arrival_notes="Fünf Gehminuten vom Hauptbahnhof; Parkhaus gegenüber (kostenpflichtig).",
        accessibility_notes="Stufenloser Zugang über den Hof, Aufzug ins 1. Obergeschoss, barrierefreies WC.",
        created_by=admin,
    )
    events.append(meeting_day)

    people = _demo_participants(rng, participants)
    registrations = 0
    for user in people[:3]:
        Registration.objects.create(event=online, user=user, status=Registration.Status.CONFIRMED)
        registrations += 1
    for position, user in enumerate(people[3:5], start=1):
        Registration.objects.create(
            event=online, user=user, status=Registration.Status.WAITLISTED, position=position
        )
        registrations += 1
    for index, (user, company) in enumerate(people_with_companies(people)):
        # A hybrid day: every third company takes part online (its meetings go to online rooms).
        Registration.objects.create(
            event=meeting_day,
            user=user,
            status=Registration.Status.CONFIRMED,
            attendance=Registration.Attendance.ONLINE if index % 3 == 2 else Registration.Attendance.ON_SITE,
        )
        registrations += 1
        # The products by name only: the pages list the company's capabilities from the catalog in the
        # reader's language, which a text written here in German could not follow.
        offers = "; ".join(company.solutions.order_by("name").values_list("name", flat=True)[:3])
        ParticipantProfile.objects.create(
            event=meeting_day,
            user=user,
            company_name=company.name,
            offers=offers or company.description[:300],
            seeks=rng.choice(
                [
                    "Vertriebspartner im Handwerk",
                    "Partner für Schnittstellen zu DATEV",
                    "Referenzkunden im Maschinenbau",
                    "Hosting-Partner in Deutschland",
                    "Partner für ein Gesamtangebot Warenwirtschaft und Onlineshop",
                ]
            ),
            unavailable=sorted(rng.sample(range(1, 13), rng.choice([0, 0, 1, 2]))),
        )
    requests = _demo_requests(rng, meeting_day, people)
    adapted = scheduling.build_problem(meeting_day)
    result = scheduler.solve(adapted.problem, time_limit_s=5, seed=seed)
    ScheduleRun.objects.create(
        event=meeting_day,
        status=ScheduleRun.Status.DONE,
        progress=1.0,
        message="Fertig.",
        value=result.value,
        bound=result.bound,
        idle_gaps=result.idle_gaps,
        result_status=str(result.status),
        meetings=len(result.meetings),
        requests=len(adapted.requests),
        finished=timezone.now(),
    )
    Meeting.objects.bulk_create(
        Meeting(event=meeting_day, request_id=m.request, slot=m.slot, table=m.table, online=m.online)
        for m in result.meetings
    )
    past = _past_meeting_day(rng, now, kassel, people, admin)
    events.append(past)
    return DemoEvents(
        events=len(events),
        registrations=registrations + past.registrations.count(),
        meeting_requests=requests + past.meeting_requests.count(),
        meetings=len(result.meetings) + past.meetings.count(),
    )


def _past_meeting_day(rng: random.Random, now: datetime, hub: Hub, people: list[User], admin) -> Event:
    """A meeting day three weeks ago: everyone came (checked in), each met a few others, some have rated
    their meetings already; the first demo participant has meetings left to rate."""
    day = now - timedelta(days=21)
    event = Event.objects.create(
        title="Kooperationsbörse Digitales Handwerk",
        description="Zweiergespräche von 20 Minuten zwischen IT-Anbietern und Handwerksbetrieben.",
        hub=hub,
        format=Event.Format.AT_HUB,
        start=_at(day, 9),
        end=_at(day, 13),
        capacity=40,
        location=f"Stützpunkt {hub.city}",
        is_meeting_day=True,
        slots_start=_at(day, 10),
        slot_minutes=20,
        slot_count=6,
        breaks=[4],
        tables=6,
        schedule_published=_at(day - timedelta(days=3), 12),
        created_by=admin,
    )
    group = people[: min(12, len(people)) // 2 * 2]  # the round robin below pairs an even number
    for user in group:
        Registration.objects.create(
            event=event, user=user, status=Registration.Status.CONFIRMED, checked_in=_at(day, 9, 40)
        )
    slots = [s for s in range(6) if s != 3]
    for round_no, slot in enumerate(slots[: min(3, len(group) - 1)]):
        # A round robin: in each round everyone meets a different partner, at one table per pair.
        order = group[:1] + group[1:][round_no:] + group[1:][:round_no]
        for table in range(len(order) // 2):
            a, b = order[table], order[-1 - table]
            request = MeetingRequest.objects.create(
                event=event,
                sender=a,
                recipient=b,
                priority=2,
                reason=rng.choice(["Gemeinsames Angebot prüfen", "Schnittstelle abstimmen"]),
                status=MeetingRequest.Status.ACCEPTED,
                expires=event.start - timedelta(days=2),
                answered=event.start - timedelta(days=5),
            )
            Meeting.objects.create(event=event, request=request, slot=slot, table=table)
            for rater in (b,) if rng.random() < 0.6 else ():
                MeetingRating.objects.create(
                    event=event,
                    request=request,
                    user=rater,
                    took_place=True,
                    usefulness=rng.choice([3, 4, 4, 5]),
                    next_step=rng.choice(["follow_up", "documents", "none"]),
                )
    return event


def people_with_companies(people: list[User]) -> list[tuple[User, Company]]:
    memberships = (
        Membership.objects.filter(user__in=people).select_related("company", "user").order_by("user_id")
    )
    return [(m.user, m.company) for m in memberships]


def _demo_participants(rng: random.Random, count: int) -> list[User]:
    """Demo people, each the owner of one demo provider company (companies picked by the seed)."""
    companies = list(Company.objects.filter(kind="provider").order_by("external_id"))
    chosen = rng.sample(companies, min(count, len(companies)))
    password = make_password(DEMO_PASSWORD)
    first = [
        "Anna",
        "Ben",
        "Carla",
        "Deniz",
        "Emil",
        "Fatma",
        "Gero",
        "Hanna",
        "Ilias",
        "Jana",
        "Kai",
        "Lena",
        "Malte",
        "Nora",
        "Ole",
        "Pia",
        "Rafael",
        "Sina",
        "Tim",
        "Ute",
        "Vito",
        "Wiebke",
        "Yusuf",
        "Zoe",
    ]
    people = []
    for i, company in enumerate(chosen):
        user = User(
            email=f"teilnehmer{i + 1}@{DEMO_DOMAIN}",
            first_name=first[i % len(first)],
            last_name="(Demo)",
            password=password,
        )
        user.save()
        Membership.objects.create(user=user, company=company, role=Membership.Role.MEMBER)
        people.append(user)
    return people


def _demo_requests(rng: random.Random, event: Event, people: list[User]) -> int:
    """Skewed popularity: a few participants get many requests; most are accepted, some still open."""
    weights = [1 / (i + 1) for i in range(len(people))]
    made = 0
    pairs: set[frozenset[int]] = set()
    for sender in people:
        for _ in range(rng.randint(2, 5)):
            recipient = rng.choices(people, weights)[0]
            pair = frozenset((sender.pk, recipient.pk))
            if recipient == sender or pair in pairs:
                continue
            pairs.add(pair)
            status = rng.choices(
                [
                    MeetingRequest.Status.ACCEPTED,
                    MeetingRequest.Status.PENDING,
                    MeetingRequest.Status.DECLINED,
                ],
                [7, 2, 1],
            )[0]
            MeetingRequest.objects.create(
                event=event,
                sender=sender,
                recipient=recipient,
                priority=rng.choice([1, 2, 2, 3]),
                reason=rng.choice(
                    [
                        "Gemeinsames Angebot prüfen",
                        "Schnittstelle abstimmen",
                        "Vertriebskooperation besprechen",
                        "Referenzprojekt vorstellen",
                    ]
                ),
                status=status,
                expires=event.start - timedelta(days=2),
            )
            made += 1
    return made
