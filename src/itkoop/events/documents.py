"""The document kinds of the events app: a participant's agenda of a meeting day as PDF, rendered by the task
queue (WeasyPrint takes seconds). Registered by EventsConfig.ready()."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from itkoop.documents.services import DocumentKind, DocumentRequestError, posted_id, register

from .models import Event

AGENDA = "events.agenda"


def _params(user, data: Mapping[str, Any]) -> dict[str, Any]:
    pk = posted_id(data, "event")
    if pk is None or not Event.objects.filter(pk=pk).exists():
        raise Http404
    # The agenda is the person's own: whose it is belongs to the request, not to the form.
    return {"event": pk, "person": user.pk}


def _may_access(user, params: dict[str, Any]) -> bool:
    # imported here and in _render: this module is loaded at every start (EventsConfig.ready registers the
    # kind), the meeting day's modules only where an agenda is asked for or rendered
    from . import meetings

    event = Event.objects.filter(pk=params["event"]).first()
    return (
        event is not None
        and event.is_meeting_day
        and params.get("person") == user.pk
        and meetings.is_participant(user, event)
    )


def _render(params: dict[str, Any], language: str) -> tuple[str, bytes]:
    from weasyprint import HTML  # imported late: it is heavy and only the rendering task needs it

    from . import checkin, selectors

    event = Event.objects.select_related("hub").filter(pk=params["event"]).first()
    person = get_user_model().objects.filter(pk=params["person"]).first()
    if event is None or person is None:
        raise DocumentRequestError(_("Diese Veranstaltung gibt es nicht mehr."))
    context = {**selectors.agenda_context(event, person), **checkin.code_context(event, person)}
    html = render_to_string("events/agenda_pdf.html", context)
    pdf = HTML(string=html, base_url=settings.ITKOOP_SITE_URL + "/").write_pdf()
    return f"agenda-{event.pk}.pdf", pdf


register(
    DocumentKind(
        key=AGENDA,
        label=gettext_lazy("Gesprächsplan als PDF"),
        params_from=_params,
        may_access=_may_access,
        render=_render,
    )
)
