"""Notifications stored by the cooperation app as rendered text move here, as the kind "legacy.text"."""

from django.db import migrations


def copy(apps, schema_editor):
    Old = apps.get_model("cooperation", "Notification")
    New = apps.get_model("notifications", "Notification")
    New.objects.bulk_create(
        [
            New(
                recipient_id=old.recipient_id,
                kind="legacy.text",
                params={"text": old.text},
                created=old.created,
                read_at=old.read_at,
                emailed_at=old.created,
            )
            for old in Old.objects.all().iterator()
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("cooperation", "0002_seed_contract_templates"),
    ]
    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
