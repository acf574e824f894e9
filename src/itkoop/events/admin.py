"""Admin for events: hub staff see and change only their hub's events; center admins everything."""

from django.contrib import admin

from .models import Event, MeetingRequest, Registration
from .permissions import can_create_events, can_manage_event


class EventScopedAdmin(admin.ModelAdmin):
    event_path = "pk"

    def _event(self, obj) -> Event:
        return obj if isinstance(obj, Event) else obj.event

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_center_admin:
            return queryset
        if request.user.is_hub_staff:
            prefix = "" if self.model is Event else "event__"
            return queryset.filter(**{f"{prefix}hub_id": request.user.hub_id})
        return queryset.none()

    def has_module_permission(self, request):
        return can_create_events(request.user)

    def has_view_permission(self, request, obj=None):
        return can_create_events(request.user) and (
            obj is None or can_manage_event(request.user, self._event(obj))
        )

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_center_admin


@admin.register(Event)
class EventAdmin(EventScopedAdmin):
    list_display = ["title", "hub", "format", "start", "capacity", "is_meeting_day"]
    list_filter = ["hub", "format", "is_meeting_day"]
    search_fields = ["title"]
    readonly_fields = ["created_by", "created", "updated"]


@admin.register(Registration)
class RegistrationAdmin(EventScopedAdmin):
    list_display = ["event", "user", "status", "position", "created", "checked_in"]
    list_filter = ["status"]
    readonly_fields = ["event", "user", "status", "position", "created", "language"]
    search_fields = ["user__email", "event__title"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(EventScopedAdmin):
    list_display = ["event", "sender", "recipient", "priority", "status", "created"]
    list_filter = ["status"]
    readonly_fields = ["event", "sender", "recipient"]
