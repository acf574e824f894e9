from django.db import migrations, models


def fail_older_unfinished_runs(apps, schema_editor):
    """Runs left queued or running by the old background thread: keep the newest per event, fail the rest,
    so the constraint can be added."""
    ScheduleRun = apps.get_model("events", "ScheduleRun")
    seen = set()
    for run in ScheduleRun.objects.filter(status__in=["queued", "running"]).order_by("-created", "-pk"):
        if run.event_id in seen:
            ScheduleRun.objects.filter(pk=run.pk).update(
                status="failed", message="Abgebrochen (Server neu gestartet?)."
            )
        seen.add(run.event_id)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(fail_older_unfinished_runs, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="schedulerun",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["queued", "running"])),
                fields=("event",),
                name="one_unfinished_schedule_run_per_event",
            ),
        ),
    ]
