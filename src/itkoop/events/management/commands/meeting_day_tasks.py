"""Meeting-day housekeeping by hand: expire unanswered requests and remind participants without meetings.

`itkoop beat` runs the same jobs on schedule (settings.ITKOOP_PERIODIC_JOBS, events.tasks); this command is
for running them once, now: ``itkoop manage meeting_day_tasks``."""

from django.core.management.base import BaseCommand

from itkoop.events.meetings import expire_requests, send_reminders


class Command(BaseCommand):
    help = "Expire unanswered meeting requests and remind participants who have no meetings yet (once, now)."

    def add_arguments(self, parser):
        parser.add_argument("--no-reminders", action="store_true", help="only expire requests")
        parser.add_argument(
            "--days", type=int, default=14, help="remind for meeting days within this many days"
        )

    def handle(self, *args, **options):
        expired = expire_requests()
        sent = 0 if options["no_reminders"] else send_reminders(within_days=options["days"])
        self.stdout.write(f"requests expired or accepted: {expired}; reminders sent: {sent}")
