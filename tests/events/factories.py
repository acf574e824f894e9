"""Factories for events tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from itkoop.events.models import Event, Registration


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Workshop {n}")
    hub_id = "kassel"
    format = Event.Format.AT_HUB
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=6))
    capacity = 10
    location = "Kassel, Science Park"


def meeting_day(**kwargs) -> Event:
    """A meeting day with 6 rounds of 20 minutes (round 4 a break) and 3 tables."""
    event = EventFactory(is_meeting_day=True, **kwargs)
    event.slots_start = event.start + timedelta(hours=1)
    event.slot_minutes = 20
    event.slot_count = 6
    event.breaks = [4]
    event.tables = 3
    event.save()
    return event


def confirmed(event: Event, user) -> Registration:
    return Registration.objects.create(event=event, user=user, status=Registration.Status.CONFIRMED)
