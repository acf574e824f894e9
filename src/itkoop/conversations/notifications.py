"""The notification kind of conversations: a new message. The excerpt is plain text; the mail's HTML part
and the inbox escape it."""

from django.utils.translation import gettext_lazy as _

from itkoop.notifications.services import Kind, register

MESSAGE = "conversations.message"

register(
    Kind(
        key=MESSAGE,
        label=_("Neue Nachrichten in Ihren Unterhaltungen"),
        title=_("Neue Nachricht von %(sender)s: %(subject)s"),
        body="conversations/notifications/message.txt",
    ),
)
