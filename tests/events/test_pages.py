"""Every page of the events app renders in German and in English for the people who may see it, and bad
input never ends in a server error."""

import pytest
from django.urls import reverse
from django.utils import translation

from itkoop.events import meetings
from itkoop.events.models import Meeting, ScheduleRun

from ..factories import UserFactory, hub_staff
from .factories import EventFactory, confirmed, meeting_day

pytestmark = pytest.mark.django_db


def _url(prefix, name, *args):
    with translation.override("de"):
        return prefix + reverse(f"events:{name}", args=args)


PARTICIPANT_PAGES = ["detail", "profile", "participants", "requests", "agenda"]
STAFF_PAGES = ["edit", "checkin", "meeting_settings", "schedule"]


@pytest.fixture
def setup(day=None):
    day = meeting_day(hub_id="kassel", title="Börse")
    a, b = UserFactory(), UserFactory()
    confirmed(day, a)
    confirmed(day, b)
    request = meetings.request_send(actor=a, event=day, recipient_id=b.pk, reason="Angebot", priority=3)
    meetings.request_answer(actor=b, request=request, accept=True)
    Meeting.objects.create(event=day, request=request, slot=0, table=0)
    ScheduleRun.objects.create(
        event=day,
        status=ScheduleRun.Status.DONE,
        progress=1,
        message="Fertig.",
        value=3,
        bound=3,
        idle_gaps=0,
        meetings=1,
        requests=1,
    )
    return day, a, request


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("page", PARTICIPANT_PAGES)
def test_participant_pages_render(client, setup, page, prefix):
    day, person, _request = setup
    client.force_login(person)
    response = client.get(_url(prefix, page, day.pk))
    assert response.status_code == 200
    assert f'lang="{prefix.strip("/") or "de"}"' in response.content.decode()


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("page", STAFF_PAGES)
def test_staff_pages_render(client, setup, page, prefix):
    day, _person, _request = setup
    client.force_login(hub_staff("kassel"))
    assert client.get(_url(prefix, page, day.pk)).status_code == 200


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_public_pages_render(client, setup, prefix):
    day, person, request = setup
    assert client.get(_url(prefix, "list")).status_code == 200
    assert client.get(_url(prefix, "detail", day.pk)).status_code == 200
    client.force_login(person)
    assert client.get(_url(prefix, "mine")).status_code == 200
    client.force_login(hub_staff("kassel"))
    assert client.get(_url(prefix, "create")).status_code == 200
    assert client.get(_url(prefix, "meeting_move", day.pk, request.pk)).status_code == 200


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/veranstaltungen/999999/", None),
        ("get", "/veranstaltungen/?hub=nirgendwo&page=abc", None),
        ("post", "/veranstaltungen/{day}/stornieren/", {"registration": "abc"}),
        ("post", "/veranstaltungen/{day}/plan/gespraech/{req}/", {"slot": "x", "table": "-1", "do": "move"}),
        ("get", "/veranstaltungen/{day}/plan/gespraech/{req}/?slot=99&table=0", None),
        ("post", "/veranstaltungen/{day}/runden/", {"slots_start": "gestern", "tables": "viele"}),
        ("post", "/veranstaltungen/{day}/anfragen/999999/antworten/", {"accept": "1"}),
        ("get", "/veranstaltungen/kalender/..%2F..%2Fetc.ics", None),
    ],
)
def test_bad_input_never_a_server_error(client, setup, method, url, data):
    day, _person, request = setup
    client.force_login(hub_staff("kassel"))
    response = getattr(client, method)(url.format(day=day.pk, req=request.pk), data)
    assert response.status_code < 500


def test_event_on_a_plain_workshop_has_no_meeting_pages(client):
    event = EventFactory(hub_id="kassel")
    person = UserFactory()
    confirmed(event, person)
    client.force_login(person)
    assert client.get(reverse("events:participants", args=[event.pk])).status_code in (403, 404)


@pytest.mark.parametrize("page", ["profile", "participants", "requests", "agenda"])
def test_a_meeting_page_for_someone_not_registered_leads_to_the_registration(client, setup, page):
    day, _a, _request = setup
    client.force_login(UserFactory())
    response = client.get(_url("", page, day.pk))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Melden Sie sich zuerst zur Veranstaltung an" in html
    assert f'href="{day.get_absolute_url()}"' in html
