"""The meeting day's participant and request pages in English: what the catalog says a participant's
company offers reads in the page's language (capabilities keep a German and an English label), and a demo
profile does not freeze German labels into its text."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from itkoop.accounts.models import Membership
from itkoop.demo.events import build_demo_events
from itkoop.events import meetings
from itkoop.events.models import Event, ParticipantProfile
from itkoop.registry.models import Capability, Company

from ..factories import UserFactory
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def day(mini_catalog):
    """A meeting day of three people from the mini catalog's companies: ERP (c1), accounting (c3) and an
    online shop (c2)."""
    event = meeting_day(hub_id="kassel")
    people = [UserFactory(first_name=f"Person{i}", last_name="Test") for i in range(3)]
    for person, company in zip(people, ("c1", "c3", "c2"), strict=True):
        confirmed(event, person)
        Membership.objects.create(user=person, company=Company.objects.get(external_id=company))
    return event, people


def _english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def test_participants_page_names_the_capabilities_in_english(client, day):
    event, people = day
    client.force_login(people[0])
    page = client.get(_english("events:participants", event.pk)).content.decode()
    assert '<span class="tag">Accounting</span>' in page
    assert '<span class="tag">Online shop</span>' in page
    assert "Buchhaltung" not in page and "Onlineshop" not in page


def test_participants_page_names_the_capabilities_in_german_on_the_german_page(client, day):
    event, people = day
    client.force_login(people[0])
    page = client.get(reverse("events:participants", args=[event.pk])).content.decode()
    assert '<span class="tag">Buchhaltung</span>' in page
    assert '<span class="tag">Accounting</span>' not in page


def test_request_form_names_the_recipients_capabilities_in_english(client, day):
    event, people = day
    client.force_login(people[0])
    page = client.get(_english("events:request_create", event.pk, people[1].pk)).content.decode()
    assert '<span class="tag">Accounting</span>' in page
    assert "Buchhaltung" not in page


def test_requests_page_names_both_sides_capabilities_in_english(client, day):
    event, people = day
    meetings.request_send(
        actor=people[1], event=event, recipient_id=people[0].pk, reason="Kooperation", priority=2
    )
    meetings.request_send(
        actor=people[0], event=event, recipient_id=people[2].pk, reason="Kooperation", priority=2
    )
    client.force_login(people[0])
    page = client.get(_english("events:requests", event.pk)).content.decode()
    assert '<span class="tag">Accounting</span>' in page  # who asked me
    assert '<span class="tag">Online shop</span>' in page  # whom I asked
    assert "Buchhaltung" not in page and "Onlineshop" not in page


def test_demo_profiles_hold_no_german_capability_labels(mini_catalog):
    build_demo_events(seed=7)
    day = Event.objects.get(is_meeting_day=True, start__gt=timezone.now())
    offers = " ".join(ParticipantProfile.objects.filter(event=day).values_list("offers", flat=True))
    assert offers.strip()
    german = [c.label_de for c in Capability.objects.all() if c.label_de != c.label_en]
    assert [label for label in german if label in offers] == []
