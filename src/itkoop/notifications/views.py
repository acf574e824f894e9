"""The inbox (notifications, newest first) and the person's notification settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import PreferencesForm
from .rendering import render as render_notification

PAGE_SIZE = 50


@login_required
def inbox(request):
    try:
        page = max(1, min(int(request.GET.get("seite", "1")), 10_000))
    except ValueError:
        page = 1
    items = selectors.inbox_of(request.user, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    return render(
        request,
        "notifications/inbox.html",
        {
            "notifications": items[:PAGE_SIZE],
            "page": page,
            "has_next": len(items) > PAGE_SIZE,
            "unread": selectors.unread_count(request.user),
        },
    )


@login_required
@require_POST
def open_notification(request, pk: int):
    """Mark read and go where the notification leads (a path of this site only)."""
    try:
        notification = services.notification_mark_read(actor=request.user, notification_id=pk)
    except PermissionDenied:
        # Someone else's notification answers exactly like a missing one.
        raise Http404 from None
    target = render_notification(notification).url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    count = services.notifications_mark_all_read(actor=request.user)
    if count:
        messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    current = selectors.preferences_of(request.user)
    form = PreferencesForm(
        request.POST or None,
        preferences=current,
        initial={"language": request.user.language},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_set(actor=request.user, deliveries=form.deliveries())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            from itkoop.accounts.services import user_set_language

            user_set_language(actor=request.user, language=form.cleaned_data["language"])
            messages.success(request, _("Ihre Einstellungen sind gespeichert."))
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
