from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0003_delete_notification"),
    ]

    operations = [
        migrations.AddField(
            model_name="cooperationprofile",
            name="expired_notified_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="cooperationprofile",
            name="expiry_warned_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
    ]
