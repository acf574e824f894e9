"""Meeting-day pages: profile, participants and suggestions, requests and answers, the personal agenda (web,
.ics; its PDF is made by the document service, see events/documents.py), and for staff rounds and tables,
building the schedule with progress, locking and moving."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core.services import StepRequired
from itkoop.core.shortcuts import get_visible_or_404

from . import calendars, checkin, meetings, scheduling, selectors
from .forms import MeetingLinkForm, MeetingRequestForm, MeetingSettingsForm, MoveForm, ProfileForm
from .models import Event, Meeting, MeetingRequest, ParticipantProfile, Registration, ScheduleRun
from .permissions import can_manage_event
from .services import EventError


def _meeting_day(pk: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("hub"), pk=pk)
    if not event.is_meeting_day:
        raise PermissionDenied
    return event


def _participant_event(request, pk: int) -> Event:
    event = _meeting_day(pk)
    if not meetings.is_participant(request.user, event):
        raise StepRequired(
            _(
                "Die Seiten der Kooperationsbörse sind für die bestätigten Teilnehmenden. "
                "Melden Sie sich zuerst zur Veranstaltung an."
            ),
            event.get_absolute_url(),
            _("Zur Veranstaltung und Anmeldung"),
        )
    return event


def _managed_event(request, pk: int) -> Event:
    event = _meeting_day(pk)
    if not can_manage_event(request.user, event):
        raise PermissionDenied
    return event


def _visible_request(request, event: Event, request_pk: int) -> MeetingRequest:
    """A meeting request is seen by its two people and the event's staff; to others 404 like a missing id."""
    return get_visible_or_404(
        MeetingRequest.objects.all(),
        request_pk,
        lambda r: request.user.pk in (r.sender_id, r.recipient_id) or can_manage_event(request.user, event),
        event=event,
    )


# --- participants ---


@login_required
def profile(request, pk: int):
    event = _participant_event(request, pk)
    existing = ParticipantProfile.objects.filter(event=event, user=request.user).first()
    initial = {}
    if existing:
        initial = {
            "company_name": existing.company_name,
            "offers": existing.offers,
            "seeks": existing.seeks,
            "unavailable": existing.unavailable,
        }
    else:
        company = request.user.memberships.select_related("company").first()
        initial = {"company_name": company.company.name if company else ""}
    form = ProfileForm(request.POST or None, initial=initial, event=event)
    if request.method == "POST" and form.is_valid():
        meetings.profile_save(actor=request.user, event=event, data=form.cleaned_data)
        messages.success(request, _("Ihr Profil für die Kooperationsbörse ist gespeichert."))
        return redirect("events:participants", pk=event.pk)
    return render(request, "events/profile_form.html", {"event": event, "form": form})


@login_required
def participants(request, pk: int):
    event = _participant_event(request, pk)
    cards, suggestions = selectors.participants(event, request.user)
    return render(
        request,
        "events/participants.html",
        {
            "event": event,
            "cards": cards,
            "suggestions": suggestions,
            "has_profile": ParticipantProfile.objects.filter(event=event, user=request.user).exists(),
        },
    )


@login_required
def request_create(request, pk: int, user_pk: int):
    event = _participant_event(request, pk)
    # Only the people the participants page shows: any other id answers the same 404 as a missing one, so
    # the form reveals no name or e-mail of an account outside this meeting day.
    participants = get_user_model().objects.filter(
        registrations__event=event, registrations__status=Registration.Status.CONFIRMED
    )
    recipient = get_object_or_404(participants.distinct(), pk=user_pk)
    recipient_profile = ParticipantProfile.objects.filter(event=event, user=recipient).first()
    form = MeetingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.request_send(
                actor=request.user,
                event=event,
                recipient_id=recipient.pk,
                reason=form.cleaned_data["reason"],
                priority=form.cleaned_data["priority"],
            )
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ihre Anfrage an %(name)s ist gesendet.") % {"name": recipient})
            return redirect("events:requests", pk=event.pk)
    return render(
        request,
        "events/request_form.html",
        {
            "event": event,
            "form": form,
            "recipient": recipient,
            "recipient_profile": recipient_profile,
            "recipient_capabilities": selectors.people_of(event, [recipient], with_capabilities=True)[
                recipient.pk
            ].capabilities,
        },
    )


@login_required
def requests(request, pk: int):
    event = _participant_event(request, pk)
    # No expiry here: a GET writes nothing. The periodic `meeting_day_tasks` and every write on requests
    # (send, answer, build) expire the overdue ones first.
    incoming, outgoing = selectors.requests_of(event, request.user)
    return render(
        request, "events/requests.html", {"event": event, "incoming": incoming, "outgoing": outgoing}
    )


@login_required
@require_POST
def request_answer(request, pk: int, request_pk: int):
    event = _meeting_day(pk)
    meeting_request = _visible_request(request, event, request_pk)
    accept = request.POST.get("accept") == "1"
    try:
        meetings.request_answer(actor=request.user, request=meeting_request, accept=accept)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Anfrage angenommen.") if accept else _("Anfrage abgelehnt."))
    return redirect("events:requests", pk=event.pk)


@login_required
@require_POST
def request_withdraw(request, pk: int, request_pk: int):
    event = _meeting_day(pk)
    meeting_request = _visible_request(request, event, request_pk)
    meetings.request_withdraw(actor=request.user, request=meeting_request)
    messages.success(request, _("Anfrage zurückgezogen."))
    return redirect("events:requests", pk=event.pk)


@login_required
def agenda(request, pk: int):
    event = _participant_event(request, pk)
    context = selectors.agenda_context(event, request.user)
    return render(request, "events/agenda.html", {**context, **checkin.code_context(event, request.user)})


@login_required
def agenda_ics(request, pk: int):
    event = _participant_event(request, pk)
    content = calendars.agenda_calendar(event, request.user, scheduling.meetings_of(event, request.user))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{event.pk}.ics"'
    return response


# --- staff ---


@login_required
def meeting_settings(request, pk: int):
    event = _managed_event(request, pk)
    form = MeetingSettingsForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meetings.meeting_settings_save(
            actor=request.user,
            event=event,
            slots_start=data["slots_start"],
            slot_minutes=data["slot_minutes"],
            slot_count=data["slot_count"],
            tables=data.get("tables", event.tables),
            breaks=data.get("breaks", []),
            online_rooms=data.get("online_rooms"),
            room_link_pattern=data.get("room_link_pattern"),
        )
        messages.success(request, _("Runden und Tische sind gespeichert."))
        return redirect("events:schedule", pk=event.pk)
    return render(request, "events/meeting_settings.html", {"event": event, "form": form})


@login_required
def schedule(request, pk: int):
    event = _managed_event(request, pk)
    scheduled = selectors.schedule_overview(event)
    placed = {m.request_id for m in scheduled}
    unscheduled = [r for r in scheduling.schedulable_requests(event) if r.pk not in placed]
    return render(
        request,
        "events/schedule.html",
        {
            "event": event,
            "meetings": scheduled,
            "unscheduled": unscheduled,
            "run": event.schedule_runs.first(),
            "online_count": selectors.online_participant_count(event) if event.is_hybrid else 0,
        },
    )


@login_required
@require_POST
def schedule_build(request, pk: int):
    event = _meeting_day(pk)
    try:
        meetings.schedule_build(
            actor=request.user, event=event, from_scratch=request.POST.get("from_scratch") == "1"
        )
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.info(request, _("Der Plan wird berechnet. Diese Seite zeigt den Fortschritt."))
    return redirect("events:schedule", pk=event.pk)


@login_required
def schedule_status(request, pk: int):
    event = _managed_event(request, pk)
    run: ScheduleRun | None = event.schedule_runs.first()
    if run is None:
        return JsonResponse({"status": "none"})
    return JsonResponse(
        {
            "status": run.status,
            "active": run.is_active,
            "progress": run.progress,
            "percent": run.percent,
            "message": _(run.message) if run.message else "",
            "value": run.value,
            "bound": run.bound,
            "idle_gaps": run.idle_gaps,
            "moved": run.moved,
        }
    )


@login_required
@require_POST
def meeting_lock(request, pk: int, request_pk: int):
    event = _meeting_day(pk)
    meeting = get_object_or_404(Meeting, request_id=request_pk, event=event)
    locked = request.POST.get("locked") == "1"
    meetings.meeting_lock(actor=request.user, meeting=meeting, locked=locked)
    messages.success(request, _("Gespräch fixiert.") if locked else _("Fixierung aufgehoben."))
    return redirect("events:schedule", pk=event.pk)


@login_required
def meeting_move(request, pk: int, request_pk: int):
    """Check (GET with round and table, or POST do=check) says at once whether the move is feasible;
    POST do=move does it and locks the meeting there."""
    event = _managed_event(request, pk)
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("sender", "recipient"), pk=request_pk, event=event
    )
    current = Meeting.objects.filter(request=meeting_request).first()
    online = scheduling.meets_online(event, meeting_request)
    link_form = MeetingLinkForm(initial={"link": current.link}) if current and current.online else None
    if request.method == "POST" and request.POST.get("do") == "link":
        # Staff's own link for this meeting's online room (instead of the event's pattern).
        link_form = MeetingLinkForm(request.POST)
        if current is not None and link_form.is_valid():
            try:
                meetings.meeting_link_save(
                    actor=request.user, meeting=current, link=link_form.cleaned_data["link"]
                )
            except EventError as error:
                link_form.add_error(None, str(error))
            else:
                messages.success(request, _("Der Link zum Online-Raum ist gespeichert."))
                return redirect("events:meeting_move", pk=event.pk, request_pk=meeting_request.pk)
        elif current is None:
            link_form.add_error(None, _("Das Gespräch ist noch nicht eingeplant."))
        return render(
            request,
            "events/meeting_move.html",
            {
                "event": event,
                "meeting_request": meeting_request,
                "current": current,
                "form": MoveForm(None, event=event, online=online),
                "link_form": link_form,
                "online": online,
                "problems": None,
                "checked": False,
            },
            status=400,
        )
    data = request.POST if request.method == "POST" else (request.GET if "slot" in request.GET else None)
    initial = {"slot": current.slot + 1, "table": current.table + 1} if current else None
    form = MoveForm(data, initial=initial, event=event, online=online)
    problems = None
    moving = request.method == "POST" and request.POST.get("do") == "move"
    if data is not None and form.is_valid():
        slot, table = form.cleaned_data["slot"], form.cleaned_data["table"]
        if moving:
            try:
                meetings.meeting_move(
                    actor=request.user, event=event, request=meeting_request, slot=slot, table=table
                )
            except EventError as error:
                problems = [str(error)]
            else:
                done = (
                    _("Das Gespräch liegt jetzt in Runde %(slot)s in Online-Raum %(table)s und ist fixiert.")
                    if online
                    else _("Das Gespräch liegt jetzt in Runde %(slot)s an Tisch %(table)s und ist fixiert.")
                )
                messages.success(request, done % {"slot": slot, "table": table})
                return redirect("events:schedule", pk=event.pk)
        else:
            problems = meetings.move_check(event=event, request=meeting_request, slot=slot, table=table)
    return render(
        request,
        "events/meeting_move.html",
        {
            "event": event,
            "meeting_request": meeting_request,
            "current": current,
            "form": form,
            "link_form": link_form,
            "online": online,
            "problems": problems,
            "checked": problems is not None,
        },
        status=400 if moving and (problems or not form.is_valid()) else 200,
    )
