"""The one rule for the Django admin: hub staff see the rows of their hub, center admins see everything."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied


class HubScopedAdmin(admin.ModelAdmin):
    """Rows and object permissions limited to the user's hub through `hub_path`.

    Read-only for hub staff by default (changes go through the pages, where the services check each rule);
    subclasses that let staff edit in the admin widen `has_change_permission`. Only center admins delete."""

    hub_path = "hub_id"

    def _is_staffer(self, request) -> bool:
        return request.user.is_active and (request.user.is_center_admin or request.user.is_hub_staff)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_center_admin:
            return queryset
        if request.user.is_hub_staff:
            return queryset.filter(**{self.hub_path: request.user.hub_id})
        return queryset.none()

    def has_module_permission(self, request):
        return self._is_staffer(request)

    def has_view_permission(self, request, obj=None):
        if not self._is_staffer(request):
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_center_admin

    def _hub_of(self, obj) -> str | None:
        """The hub of an object along `hub_path` (``company__hub_id`` -> obj.company.hub_id)."""
        value = obj
        for part in self.hub_path.split("__"):
            value = getattr(value, part, None) if value is not None else None
        return value

    def check_hub_write(self, request, obj, change: bool) -> None:
        """Validated on save, not only by the list: hub staff write only rows that are, and stay, in their hub
        (a forged POST for another hub's row, or one moving a row out of the hub, is refused)."""
        if request.user.is_active and request.user.is_center_admin:
            return
        was_ours = not change or self.get_queryset(request).filter(pk=obj.pk).exists()
        if not (was_ours and request.user.is_hub_staff and self._hub_of(obj) == request.user.hub_id):
            raise PermissionDenied

    def save_model(self, request, obj, form, change):
        self.check_hub_write(request, obj, change)
        super().save_model(request, obj, form, change)
