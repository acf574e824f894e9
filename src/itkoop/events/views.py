"""Event pages: the list, an event with registration and cancellation, my registrations, calendar files, and
for staff creating and editing events (the check-in is in views_checkin.py). Thin: parse, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core import selectors as core_selectors
from itkoop.core.converters import parse_id
from itkoop.core.shortcuts import get_visible_or_404

from . import calendars, checkin, selectors, services
from .forms import AttendanceForm, EventFilterForm, EventForm
from .linked_data import event_linked_data
from .models import CalendarToken, Event, Registration
from .permissions import can_create_events, can_manage_event
from .services import EventError


def event_list(request):
    form = EventFilterForm(request.GET or None)
    hub, past = "", False
    if form.is_valid():
        hub = form.cleaned_data["hub"].slug if form.cleaned_data.get("hub") else ""
        past = form.cleaned_data.get("past", False)
    page = Paginator(selectors.events_list(hub=hub, include_past=past), 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "page": page,
            "querystring": query.urlencode(),
            "can_create": can_create_events(request.user),
        },
    )


def event_detail(request, pk: int):
    event = get_object_or_404(Event.objects.select_related("hub"), pk=pk)
    registration = selectors.registration_of(request.user, event)
    counts = selectors.event_counts(event)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "counts": counts,
            "linked_data": event_linked_data(event, request, free_seats=counts["free"]),
            "registration": registration,
            "can_manage": can_manage_event(request.user, event),
            "attendance_form": AttendanceForm(
                initial={"attendance": registration.attendance}
                if registration is not None and registration.status != Registration.Status.CANCELLED
                else None
            )
            if event.is_hybrid
            else None,
            "venue_map": _venue_map(event),
            **(checkin.code_context(event, request.user) if registration is not None else {}),
        },
    )


def _venue_map(event: Event) -> dict | None:
    """Plain data for the venue map script (rendered with json_script): the outline, the marker, its label."""
    if not event.has_coordinates:
        return None
    return {
        "outline": core_selectors.germany_outline(),
        "lat": float(event.latitude),
        "lon": float(event.longitude),
        "label": ", ".join(event.venue_lines()) or event.title,
    }


@login_required
@require_POST
def register(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    try:
        registration = services.register(
            actor=request.user, event=event, attendance=request.POST.get("attendance")
        )
    except EventError as error:
        messages.error(request, str(error))
        return redirect(event)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("Sie sind angemeldet. Eine Bestätigung ist per E-Mail unterwegs."))
    else:
        messages.info(
            request,
            _("Die Veranstaltung ist ausgebucht. Sie stehen auf Platz %(n)s der Warteliste.")
            % {"n": registration.position},
        )
    return redirect(event)


@login_required
@require_POST
def attendance(request, pk: int):
    """A participant of a hybrid event switches between on site and online (until the plan is published)."""
    event = get_object_or_404(Event, pk=pk)
    registration = selectors.registration_of(request.user, event)
    if registration is None:
        messages.error(request, _("Sie sind für diese Veranstaltung nicht angemeldet."))
        return redirect(event)
    try:
        services.attendance_change(
            actor=request.user, registration=registration, attendance=request.POST.get("attendance", "")
        )
    except EventError as error:
        messages.error(request, str(error))
        return redirect(event)
    messages.success(request, _("Ihre Art der Teilnahme ist gespeichert."))
    return redirect(event)


@login_required
@require_POST
def cancel(request, pk: int):
    """Cancel one's own registration, or (staff) the registration named in the form."""
    event = get_object_or_404(Event, pk=pk)
    reg_pk = request.POST.get("registration")
    if reg_pk:
        # Someone else's registration is invisible unless one manages the event: 404 like a missing id.
        registration = get_visible_or_404(
            Registration.objects.select_related("event"),
            parse_id(reg_pk) or 0,
            lambda r: r.user_id == request.user.pk or can_manage_event(request.user, event),
            event=event,
        )
    else:
        registration = selectors.registration_of(request.user, event)
        if registration is None:
            messages.error(request, _("Sie sind für diese Veranstaltung nicht angemeldet."))
            return redirect(event)
    try:
        services.cancel(actor=request.user, registration=registration)
    except EventError as error:
        messages.error(request, str(error))
        return redirect(event)
    messages.success(request, _("Die Anmeldung ist storniert."))
    if registration.user_id != request.user.pk:
        return redirect("events:checkin", pk=event.pk)
    return redirect(event)


@login_required
def my_registrations(request):
    token = selectors.calendar_token_of(request.user)
    return render(
        request,
        "events/mine.html",
        {
            "registrations": selectors.registrations_of(request.user),
            "feed_url": request.build_absolute_uri(reverse("events:feed", args=[token.token]))
            if token
            else "",
        },
    )


@login_required
@require_POST
def renew_feed(request):
    services.calendar_token_renew(actor=request.user)
    messages.success(request, _("Ihre Kalender-Adresse ist erneuert; die alte gilt nicht mehr."))
    return redirect("events:mine")


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, pk: int):
    event = get_object_or_404(Event.objects.select_related("hub"), pk=pk)
    # Public: the online access link goes only to registered people (their mail and personal feed).
    return _ics(calendars.event_calendar(event, include_link=False), f"event-{event.pk}.ics")


def person_feed(request, token: str):
    """The personal feed: the secret token in the URL is the credential (calendar apps cannot log in)."""
    record = CalendarToken.objects.select_related("user").filter(token=token).first()
    if record is None or not record.user.is_active:
        raise Http404
    return _ics(calendars.person_calendar(record.user), "itkoop.ics")


# --- staff ---


@login_required
def event_create(request):
    if not can_create_events(request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_save(
                actor=request.user, fields=services.event_fields_from(form.cleaned_data)
            )
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Die Veranstaltung ist angelegt."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form})


@login_required
def event_edit(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    if not can_manage_event(request.user, event):
        raise PermissionDenied
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_save(
                actor=request.user, event_id=event.pk, fields=services.event_fields_from(form.cleaned_data)
            )
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Die Veranstaltung ist gespeichert."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": event})
