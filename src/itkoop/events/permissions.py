"""Who may do what with events: object level, one place, used by views, services and the admin alike."""

from __future__ import annotations

from .models import Event


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_create_events(user) -> bool:
    return _active(user) and (user.is_center_admin or user.is_hub_staff)


def can_manage_event(user, event: Event) -> bool:
    """Hub staff of the event's hub and center admins; an event without a hub only center admins."""
    if not _active(user):
        return False
    if user.is_center_admin:
        return True
    return user.is_hub_staff and event.hub_id is not None and event.hub_id == user.hub_id


def can_hold_event_at(user, hub_id: str | None) -> bool:
    """Whether ``user`` may create or move an event to ``hub_id`` (None: a network-wide online event)."""
    if not _active(user):
        return False
    if user.is_center_admin:
        return True
    return user.is_hub_staff and hub_id == user.hub_id
