"""Refusals that tell the 403 page what is missing: a role, or a step the person can take themselves."""

from django.core.exceptions import PermissionDenied


class RoleRequired(PermissionDenied):
    def __init__(self, role: str):
        self.role = str(role)
        super().__init__(self.role)


class StepRequired(PermissionDenied):
    """Refused until the person does something they may do: the 403 page says what and links to it
    (for example "register for the event first" on a meeting day's pages)."""

    def __init__(self, message: str, url: str, link_text: str):
        self.message, self.url, self.link_text = str(message), url, str(link_text)
        super().__init__(self.message)
