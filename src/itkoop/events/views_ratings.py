"""Rating one's meetings after a meeting day, and months later their outcome: one page listing the person's
meetings, each with its own small form. Thin: parse, call the ratings service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core.shortcuts import get_visible_or_404

from . import meetings, ratings
from .forms import MeetingOutcomeForm, MeetingRatingForm
from .models import Event, MeetingRequest
from .services import EventError


def _event_of_participant(request, pk: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("hub"), pk=pk, is_meeting_day=True)
    if not meetings.is_participant(request.user, event):
        raise PermissionDenied
    return event


def _my_meeting(request, event: Event, request_pk: int) -> MeetingRequest:
    """The request of one of the viewer's meetings at this event; any other answers 404 like a missing id."""
    return get_visible_or_404(
        MeetingRequest.objects.filter(event=event, meeting__isnull=False),
        request_pk,
        lambda r: request.user.pk in (r.sender_id, r.recipient_id),
    )


def _prefix(request_pk: int) -> str:
    return f"m{request_pk}"


def _page(request, event: Event, *, bound: dict | None = None, status: int = 200):
    """The page; ``bound`` holds the one posted form (by request id and stage) to show with its errors."""
    bound = bound or {}
    outcome_open = timezone.now() >= ratings.outcome_due(event)
    rows = []
    for row in ratings.rating_rows(event, request.user):
        key = row.meeting.request_id
        form = None
        if row.needs_rating:
            form = bound.get(("rating", key)) or MeetingRatingForm(prefix=_prefix(key))
        elif row.needs_outcome and outcome_open:
            form = bound.get(("outcome", key)) or MeetingOutcomeForm(prefix=_prefix(key))
        rows.append((row, form))
    return render(
        request,
        "events/ratings.html",
        {
            "event": event,
            "rows": rows,
            "ended": event.has_ended,
            "outcome_open": outcome_open,
            "outcome_due": ratings.outcome_due(event),
        },
        status=status,
    )


@login_required
def rating_page(request, pk: int):
    return _page(request, _event_of_participant(request, pk))


@login_required
@require_POST
def rate(request, pk: int, request_pk: int):
    event = _event_of_participant(request, pk)
    meeting_request = _my_meeting(request, event, request_pk)
    form = MeetingRatingForm(request.POST, prefix=_prefix(meeting_request.pk))
    if form.is_valid():
        data = form.cleaned_data
        try:
            ratings.meeting_rate(
                actor=request.user,
                event=event,
                request_id=meeting_request.pk,
                took_place=data["took_place"] == "yes",
                usefulness=data.get("usefulness") or None,
                next_step=data.get("next_step", ""),
            )
        except EventError as error:
            messages.error(request, str(error))
            return redirect("events:ratings", pk=event.pk)
        messages.success(request, _("Danke, Ihre Bewertung ist gespeichert."))
        return redirect("events:ratings", pk=event.pk)
    return _page(request, event, bound={("rating", meeting_request.pk): form}, status=400)


@login_required
@require_POST
def outcome(request, pk: int, request_pk: int):
    event = _event_of_participant(request, pk)
    meeting_request = _my_meeting(request, event, request_pk)
    form = MeetingOutcomeForm(request.POST, prefix=_prefix(meeting_request.pk))
    if form.is_valid():
        try:
            ratings.meeting_outcome_save(
                actor=request.user,
                event=event,
                request_id=meeting_request.pk,
                outcome=form.cleaned_data["outcome"],
            )
        except EventError as error:
            messages.error(request, str(error))
            return redirect("events:ratings", pk=event.pk)
        messages.success(request, _("Danke, das Ergebnis ist gespeichert."))
        return redirect("events:ratings", pk=event.pk)
    return _page(request, event, bound={("outcome", meeting_request.pk): form}, status=400)
