"""Add the demo events (workshops, a full online event with a waiting list, a meeting day with a schedule) to
a demo database that already holds the demo catalog and users."""

from django.core.management.base import BaseCommand

from itkoop.events.demo import build_demo_events


class Command(BaseCommand):
    help = "Add demo events and a B2B meeting day with a built schedule to the demo database."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        summary = build_demo_events(seed=options["seed"])
        self.stdout.write(
            f"events: {summary.events}, registrations: {summary.registrations}, "
            f"meeting requests: {summary.meeting_requests}, meetings scheduled: {summary.meetings}"
        )
