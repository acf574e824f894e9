"""The organiser's tools for an event's staff: the participant list and the meeting plan (per person, per
table) as CSV or XLSX, and mailings to a segment of the participants with a preview and a log. Every page and
action answers only the event's staff (its hub's staff and center admins); to anyone else the event's tools
do not exist (404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from itkoop.core.tables import FORMATS, download

from . import exports_organiser, mailings
from .forms_mailing import MailingForm, MailingSendForm
from .mailings import MailingError
from .models import Event
from .permissions import can_manage_event


def _staff_event(request, pk: int) -> Event:
    """The event, for its staff; to anyone else 404 like a missing id."""
    event = get_object_or_404(Event.objects.select_related("hub"), pk=pk)
    if not can_manage_event(request.user, event):
        raise Http404
    return event


@login_required
def export(request, pk: int, export: str, file_format: str):
    event = _staff_event(request, pk)
    if export not in exports_organiser.EXPORTS or file_format not in FORMATS:
        raise Http404
    tables = exports_organiser.organiser_tables(event, export)
    return download(tables, file_format=file_format, name=f"itkoop-{event.pk}-{export}")


def _page(request, event: Event, form, *, preview=None, send_form=None, status: int = 200):
    return render(
        request,
        "events/mailing.html",
        {
            "event": event,
            "form": form,
            "preview": preview,
            "send_form": send_form,
            "log": mailings.mailing_log(event),
            "exports": exports_organiser.EXPORTS,
        },
        status=status,
    )


@login_required
def mailing(request, pk: int):
    """GET: the form and the log. POST: the preview (who gets it, what they read), or the form again to
    change it; writes nothing."""
    event = _staff_event(request, pk)
    if request.method != "POST":
        return _page(request, event, MailingForm())
    form = MailingForm(request.POST)
    if "change" in request.POST or not form.is_valid():
        return _page(request, event, form, status=200 if "change" in request.POST else 400)
    try:
        preview = mailings.mailing_preview(
            actor=request.user, event=event, segment=form.cleaned_data["segment"], texts=form.texts()
        )
    except MailingError as error:
        form.add_error(None, str(error))
        return _page(request, event, form, status=400)
    send_form = MailingSendForm(
        initial={**form.cleaned_data, "nonce": mailings.form_nonce(actor=request.user, event=event)}
    )
    return _page(request, event, form, preview=preview, send_form=send_form)


@login_required
@require_POST
def mailing_send(request, pk: int):
    event = _staff_event(request, pk)
    digest = mailings.nonce_digest(request.POST.get("nonce", ""), actor=request.user, event=event)
    form = MailingSendForm(request.POST)
    if digest is None or not form.is_valid():
        # Back to the form with what is wrong; a missing, expired or someone else's nonce: to look at the
        # preview again before sending.
        retry = MailingForm(request.POST)
        retry.is_valid()
        if digest is None:
            retry.add_error(
                None, _("Das Formular ist abgelaufen. Bitte sehen Sie sich die Vorschau erneut an.")
            )
        return _page(request, event, retry, status=400)
    try:
        sent, new = mailings.mailing_send(
            actor=request.user,
            event=event,
            segment=form.cleaned_data["segment"],
            texts=form.texts(),
            nonce_digest=digest,
        )
    except MailingError as error:
        retry = MailingForm(request.POST)
        retry.is_valid()
        retry.add_error(None, str(error))
        return _page(request, event, retry, status=400)
    if new:
        messages.success(
            request,
            ngettext(
                "Das Rundschreiben geht an %(n)s Person.",
                "Das Rundschreiben geht an %(n)s Personen.",
                sent.recipient_count,
            )
            % {"n": sent.recipient_count},
        )
    else:
        messages.info(
            request, _("Dieses Rundschreiben wurde bereits gesendet; es geht nicht noch einmal hinaus.")
        )
    return redirect("events:mailing", pk=event.pk)
