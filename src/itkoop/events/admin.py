"""Admin for events: hub staff see and change only their hub's events; center admins everything.

Saving an event goes through `services.event_save`, so the admin keeps the same rules as the pages (more
seats promote from the waiting list, never fewer seats than confirmed, hub staff stay in their hub).
Registrations and meeting requests are read-only here: their changes go through the pages' services."""

from django import forms
from django.contrib import admin
from django.db import models

from . import services
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


class EventAdminForm(forms.ModelForm):
    """The admin's event form (the admin supplies model and fields) with the service's capacity rule."""

    def clean_capacity(self):
        value = self.cleaned_data["capacity"]
        try:
            services.check_capacity(event_id=self.instance.pk, capacity=value)
        except services.EventError as error:
            raise forms.ValidationError(str(error)) from error
        return value


@admin.register(Event)
class EventAdmin(EventScopedAdmin):
    form = EventAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "hub", "format", "start", "capacity", "is_meeting_day"]
    list_filter = ["hub", "format", "is_meeting_day"]
    search_fields = ["title"]

    def get_readonly_fields(self, request, obj=None):
        # Hub staff must not move an event out of their hub (the service refuses it too).
        fixed = ["created_by", "created", "updated"]
        return fixed if request.user.is_center_admin else [*fixed, "hub"]

    def save_model(self, request, obj, form, change):
        saved = services.event_save(
            actor=request.user,
            event_id=obj.pk if change else None,
            fields=services.event_fields_from(form.cleaned_data),
        )
        obj.pk = saved.pk


@admin.register(Registration)
class RegistrationAdmin(EventScopedAdmin):
    list_display = ["event", "user", "status", "position", "created", "checked_in"]
    list_filter = ["status"]
    search_fields = ["user__email", "event__title"]

    def has_change_permission(self, request, obj=None):
        return False  # seats, waiting list and check-in change through the services only


@admin.register(MeetingRequest)
class MeetingRequestAdmin(EventScopedAdmin):
    list_display = ["event", "sender", "recipient", "priority", "status", "created"]
    list_filter = ["status"]

    def has_change_permission(self, request, obj=None):
        return False  # requests are answered, withdrawn and expired through the services only
