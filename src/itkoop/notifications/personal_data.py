"""The notifications to a person: exported with the rest, deleted with the account (no figure counts them)."""

from itkoop.core.services import plain_rows, register_personal_data

from .models import Notification, NotificationPreference


def export_notifications(user) -> dict[str, list[dict]]:
    return {
        "notifications": plain_rows(
            Notification.objects.filter(recipient=user).order_by("created"),
            ["kind", "params", "created", "read_at", "emailed_at"],
        ),
        "preferences": plain_rows(NotificationPreference.objects.filter(user=user), ["kind", "delivery"]),
    }


def erase_notifications(user) -> None:
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()


def register() -> None:
    register_personal_data(name="notifications", exporter=export_notifications, eraser=erase_notifications)
