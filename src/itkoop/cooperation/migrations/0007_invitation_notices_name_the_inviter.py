"""Invitation notices written before they named the inviter get the inviter's name, so their title (which now
reads "<inviter> lädt <company> ... ein") still renders instead of falling back to the kind's label."""

from django.db import migrations


def name_the_inviter(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Cooperation = apps.get_model("cooperation", "Cooperation")
    for notification in Notification.objects.filter(kind="cooperation.invited").iterator():
        params = dict(notification.params or {})
        if "inviter" in params:
            continue
        cooperation = (
            Cooperation.objects.select_related("created_by").filter(pk=params.get("cooperation_id")).first()
        )
        person = cooperation.created_by if cooperation else None
        if person is None:
            name = "itkoop"
        else:
            name = " ".join(p for p in (person.first_name, person.last_name) if p) or person.email
        params.update(inviter=name, inviter_company="")
        notification.params = params
        notification.save(update_fields=["params"])


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0006_invitation_message_withdrawn"),
        ("notifications", "0002_copy_cooperation_notifications"),
    ]

    operations = [migrations.RunPython(name_the_inviter, migrations.RunPython.noop)]
