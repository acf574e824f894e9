"""The check-in for the event's staff, made for a phone at the entrance: find a person by name or company,
check them in by the code of their QR code (any camera app opens the code's page) or from the list, mark a
no-show and free their meetings. Every page and action answers only the event's staff."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from itkoop.core.shortcuts import get_visible_or_404

from . import checkin, selectors, services
from .forms import CheckinCodeForm, CheckinSearchForm
from .models import Event, Registration
from .permissions import can_manage_event
from .services import EventError


def _staff_event(request, pk: int) -> Event:
    """The event, for its staff; to anyone else 404 like a missing id."""
    event = get_object_or_404(Event.objects.select_related("hub"), pk=pk)
    if not can_manage_event(request.user, event):
        raise Http404
    return event


@login_required
def checkin_list(request, pk: int):
    event = _staff_event(request, pk)
    search = CheckinSearchForm(request.GET or None)
    query = search.cleaned_data.get("q", "") if search.is_valid() else ""
    rows = selectors.checkin_search(event, query) if search.is_valid() or not request.GET else []
    counts = selectors.event_counts(event)
    response = render(
        request,
        "events/checkin.html",
        {
            "event": event,
            "search": search,
            "code_form": CheckinCodeForm(),
            "query": query,
            "rows": rows,
            "checked_in": selectors.checkin_list(event).filter(checked_in__isnull=False).count(),
            "waiting": selectors.waiting_list(event),
            "counts": counts,
        },
    )
    # The one page that uses the camera (scanning QR codes), and only from this site.
    response["Permissions-Policy"] = camera_allowed(settings.ITKOOP_PERMISSIONS_POLICY)
    return response


def camera_allowed(policy: str) -> str:
    """The site's Permissions-Policy with the camera allowed for the page itself."""
    return policy.replace("camera=()", "camera=(self)")


@login_required
def checkin_code(request, pk: int):
    """GET (a scanned QR code) shows whose code it is and asks to confirm; POST checks the person in. A
    participant who opens the link of their own code (their phone's camera app on their own QR code) learns
    that it is their ticket, with the way to their agenda; any other code is a 404 to them as before."""
    event = get_object_or_404(Event.objects.select_related("hub"), pk=pk)
    if not can_manage_event(request.user, event):
        return _own_code(request, event)
    data = request.POST if request.method == "POST" else (request.GET if "code" in request.GET else None)
    form = CheckinCodeForm(data)
    found, problem = None, ""
    if data is not None and form.is_valid():
        try:
            if request.method == "POST":
                registration = checkin.check_in_by_code(
                    actor=request.user, event=event, token=form.cleaned_data["code"]
                )
                messages.success(request, _("%(name)s ist eingecheckt.") % {"name": registration.user})
                return redirect("events:checkin", pk=event.pk)
            found = checkin.registration_for(event, form.cleaned_data["code"])
        except EventError as error:
            problem = str(error)
    person = selectors.people_of(event, [found.user])[found.user_id] if found is not None else None
    return render(
        request,
        "events/checkin_code.html",
        {"event": event, "form": form, "found": found, "person": person, "problem": problem},
        status=400 if request.method == "POST" and (problem or not form.is_valid()) else 200,
    )


def _own_code(request, event: Event):
    own = None
    if request.method == "GET" and "code" in request.GET:
        own = checkin.own_registration(event, request.GET["code"], request.user)
    if own is None:
        raise Http404
    return render(
        request,
        "events/checkin_own_code.html",
        {"event": event, "registration": own, **checkin.code_context(event, request.user)},
    )


def _registration(request, event: Event, registration_pk: int) -> Registration:
    return get_visible_or_404(
        Registration.objects.select_related("user"),
        registration_pk,
        lambda r: can_manage_event(request.user, event),
        event=event,
    )


@login_required
@require_POST
def checkin_toggle(request, pk: int, registration_pk: int):
    event = _staff_event(request, pk)
    registration = _registration(request, event, registration_pk)
    present = request.POST.get("present", "1") == "1"
    try:
        services.set_checked_in(actor=request.user, registration=registration, checked_in=present)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            (_("%(name)s ist eingecheckt.") if present else _("Check-in von %(name)s zurückgenommen."))
            % {"name": registration.user},
        )
    return redirect("events:checkin", pk=event.pk)


@login_required
@require_POST
def no_show(request, pk: int, registration_pk: int):
    event = _staff_event(request, pk)
    registration = _registration(request, event, registration_pk)
    try:
        freed = checkin.mark_no_show(actor=request.user, event=event, registration=registration)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext(
                "%(name)s ist als nicht erschienen vermerkt; %(n)s Gespräch ist frei, die Person dort ist "
                "benachrichtigt.",
                "%(name)s ist als nicht erschienen vermerkt; %(n)s Gespräche sind frei, die Personen dort "
                "sind benachrichtigt.",
                freed,
            )
            % {"name": registration.user, "n": freed},
        )
    return redirect("events:checkin", pk=event.pk)
