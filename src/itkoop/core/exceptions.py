"""A refusal that names the role a page needs, so the 403 page can say it."""

from django.core.exceptions import PermissionDenied


class RoleRequired(PermissionDenied):
    def __init__(self, role: str):
        self.role = str(role)
        super().__init__(self.role)
