"""The funnel of a meeting day (participants -> meetings -> cooperations -> results), KPIs and CSV export."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from itkoop.cooperation import services
from itkoop.reporting import selectors

from ..factories import CompanyFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db

events = pytest.importorskip("itkoop.events.models")


def _event(hub="kassel", title="Kooperationsbörse Kassel"):
    start = timezone.now() - dt.timedelta(days=30)
    return events.Event.objects.create(
        title=title,
        hub_id=hub,
        start=start,
        end=start + dt.timedelta(hours=6),
        capacity=100,
        is_meeting_day=True,
    )


def _register(event, user, *, checked_in=True):
    """A confirmed seat; checked in at the door unless told otherwise (check-ins make meetings count)."""
    return events.Registration.objects.create(
        event=event, user=user, status="confirmed", checked_in=timezone.now() if checked_in else None
    )


def _meet(event, a, b, slot):
    request = events.MeetingRequest.objects.create(
        event=event,
        sender=a,
        recipient=b,
        reason="x",
        status="accepted",
        expires=timezone.now() + dt.timedelta(days=1),
    )
    return events.Meeting.objects.create(event=event, request=request, slot=slot, table=0)


def _cooperate(companies, *, result=None):
    cooperation = services.cooperation_invite(
        actor=member_of(companies[0]), companies=companies, title="K", accept_code_of_conduct=True
    )
    for company in companies[1:]:  # the inviter's company accepted with the invitation
        services.participant_respond(
            actor=member_of(company),
            participant=cooperation.participants.get(company=company),
            accept=True,
            accept_code_of_conduct=True,
        )
    if result:
        services.cooperation_record_result(
            actor=member_of(companies[0]), cooperation=cooperation, kind=result, record="fertig"
        )
    return cooperation


@pytest.fixture
def meeting_day():
    """5 participants, 3 of them in 2 meetings; one meeting led to a cooperation that won an offer."""
    event = _event()
    companies = [CompanyFactory(hub_id="kassel") for _ in range(5)]
    people = [member_of(c) for c in companies]
    for person in people:
        _register(event, person)
    _meet(event, people[0], people[1], slot=0)
    _meet(event, people[0], people[2], slot=1)
    _cooperate([companies[0], companies[1]], result="offer_won")
    _cooperate([companies[3], companies[4]])  # no meeting behind it
    return event


def test_event_funnel_counts_each_step(meeting_day):
    [funnel] = selectors.event_funnels()
    assert (funnel.participants, funnel.participants_with_meetings, funnel.meetings) == (5, 3, 2)
    assert (funnel.meetings_to_cooperation, funnel.cooperations, funnel.cooperations_with_result) == (1, 1, 1)
    assert funnel.share_with_meetings == 60 and funnel.share_to_cooperation == 50


def test_cooperations_before_the_event_do_not_count():
    event = _event()
    a, b = CompanyFactory(), CompanyFactory()
    _cooperate([a, b])
    event.start = timezone.now()  # after the cooperation became active
    event.end = event.start + dt.timedelta(hours=2)
    event.save()
    pa, pb = member_of(a), member_of(b)
    _register(event, pa)
    _register(event, pb)
    _meet(event, pa, pb, slot=0)
    [funnel] = selectors.event_funnels()
    assert funnel.meetings == 1 and funnel.meetings_to_cooperation == 0


def test_hub_funnel_sums_events_of_the_hub(meeting_day):
    _event(hub="berlin", title="Börse Berlin")
    rows = {f.label: f for f in selectors.hub_funnels(selectors.event_funnels())}
    assert rows["Stützpunkt Kassel"].meetings == 2 and rows["Stützpunkt Kassel"].cooperations == 1
    assert rows["Stützpunkt Berlin"].meetings == 0


def test_a_withdrawn_invitation_is_not_counted_as_initiated(meeting_day):
    before = selectors.kpis(hub="kassel")
    first, second = CompanyFactory(hub_id="kassel"), CompanyFactory(hub_id="kassel")
    inviter = member_of(first)
    cooperation = services.cooperation_invite(
        actor=inviter, companies=[first, second], title="Irrtum", accept_code_of_conduct=True
    )
    assert selectors.kpis(hub="kassel")["cooperations_invited"] == before["cooperations_invited"] + 1
    services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    after = selectors.kpis(hub="kassel")
    assert after["cooperations_invited"] == before["cooperations_invited"]
    assert after["cooperations_formed"] == before["cooperations_formed"]


def test_kpis(meeting_day):
    figures = selectors.kpis(hub="kassel")
    assert figures["events"] == 1 and figures["participants"] == 5 and figures["meetings"] == 2
    assert figures["cooperations_formed"] == 2 and figures["cooperations_with_result"] == 1
    assert figures["companies_reached"] >= 5
    assert selectors.kpis(hub="berlin")["events"] == 0


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("member", 403), ("staff", 200), ("admin", 200)]
)
def test_figures_page_for_staff_and_center_admins_only(client, meeting_day, role, status):
    user = {
        "anonymous": None,
        "member": member_of(CompanyFactory()),
        "staff": hub_staff("kassel"),
        "admin": center_admin(),
    }[role]
    if user:
        client.force_login(user)
    response = client.get(reverse("reporting:figures"))
    assert response.status_code == status


def test_hub_staff_see_only_their_hub(client, meeting_day):
    client.force_login(hub_staff("berlin"))
    body = client.get(reverse("reporting:figures"), {"hub": "kassel"}).content.decode()
    assert "Kooperationsbörse Kassel" not in body


def test_csv_export(client, meeting_day):
    client.force_login(center_admin())
    response = client.get(reverse("reporting:figures"), {"export": "events"})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Veranstaltung;Stützpunkt;Datum;Teilnehmende")
    assert lines[1].split(";")[3:] == ["5", "3", "2", "1", "0", "1", "1"]
    kpis = client.get(reverse("reporting:figures"), {"export": "kpis"}).content.decode("utf-8-sig")
    assert "gebildete Kooperationen;2" in kpis


def test_csv_cells_cannot_start_a_formula(client):
    _event(title='=HYPERLINK("http://evil")')
    client.force_login(center_admin())
    text = client.get(reverse("reporting:figures"), {"export": "events"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'


def test_total_funnel_and_chart(client, meeting_day):
    total = selectors.total_funnel(selectors.event_funnels())
    assert (total.participants, total.meetings, total.cooperations, total.cooperations_with_result) == (
        5,
        2,
        1,
        1,
    )
    client.force_login(center_admin())
    body = client.get(reverse("reporting:figures")).content.decode()
    assert "Vom Gespräch zum Ergebnis" in body and 'class="funnel"' in body


def test_a_member_is_told_which_role_the_figures_need(client):
    from django.utils import translation
    from django.utils.translation import gettext

    from ..factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/en/kennzahlen/")
    with translation.override("en"):
        role = gettext("Stützpunkt-Team oder Zentrumsleitung")
    assert response.status_code == 403 and role != "Stützpunkt-Team oder Zentrumsleitung"
    assert role in response.content.decode()
