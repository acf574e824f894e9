"""The notification kinds of conversations: a new message, the hub team asked in. The excerpt is plain text;
the mail's HTML part and the inbox escape it."""

from django.utils.translation import gettext_lazy as _

from itkoop.notifications.services import Kind, register

MESSAGE = "conversations.message"
HUB_TEAM_ADDED = "conversations.hub_team_added"

register(
    Kind(
        key=MESSAGE,
        label=_("Neue Nachrichten in Ihren Unterhaltungen"),
        title=_("Neue Nachricht von %(sender)s: %(subject)s"),
        body="conversations/notifications/message.txt",
    ),
    Kind(
        key=HUB_TEAM_ADDED,
        label=_("Das Stützpunkt-Team liest in Ihren Unterhaltungen mit"),
        title=_("%(person)s hat das Team des Stützpunkts zur Unterhaltung „%(subject)s“ hinzugefügt."),
    ),
)
