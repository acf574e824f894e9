"""The conversations' share of a person's data: the messages they wrote.

Erasing keeps the messages (the other parties' conversation stays readable); the author becomes the anonymous
placeholder account that deletion leaves behind."""

from itkoop.core.services import plain_rows, register_personal_data

from .models import Message


def export_messages(user) -> list[dict]:
    return plain_rows(
        Message.objects.filter(author=user).order_by("created"),
        ["conversation_id", "conversation__subject", "body", "created"],
    )


def register() -> None:
    register_personal_data(name="messages", exporter=export_messages)
