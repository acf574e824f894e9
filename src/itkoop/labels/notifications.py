"""The notification kinds of labels: the center admins hear of each submitted application; the applying
company's members hear each step (received, more asked, granted, rejected) and the coming end of a label.
Registered by LabelsConfig.ready()."""

import contextlib
import datetime as dt
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from itkoop.notifications.services import Kind, register

SUBMITTED = "labels.submitted"
RECEIVED = "labels.received"
CHANGES_REQUESTED = "labels.changes_requested"
APPROVED = "labels.approved"
REJECTED = "labels.rejected"
EXPIRING = "labels.expiring"
EXPIRED = "labels.expired"


def _dated(title):
    """A title_of that writes `until` (stored as an ISO date) the way the reader's language does; notices
    stored before held German text, which is shown as it is."""

    def title_of(params: dict[str, Any]) -> str:
        shown = dict(params)
        with contextlib.suppress(ValueError):
            shown["until"] = date_format(dt.date.fromisoformat(str(params.get("until"))), "SHORT_DATE_FORMAT")
        try:
            return str(title % shown)
        except (KeyError, TypeError, ValueError):
            return ""

    return title_of


_APPROVED_TITLE = _("Das Siegel „%(label)s“ für %(solution)s ist erteilt und gilt bis zum %(until)s.")
_EXPIRING_TITLE = _(
    "Das Siegel „%(label)s“ für %(solution)s läuft am %(until)s ab (in %(days)s Tagen). "
    "Sie können die Verlängerung jetzt beantragen."
)
# What a reminder reads (one day, or several): the title above stays the fallback of stored notices.
_EXPIRING_IN_DAYS = ngettext_lazy(
    "Das Siegel „%(label)s“ für %(solution)s läuft am %(until)s ab (in %(days)s Tag). "
    "Sie können die Verlängerung jetzt beantragen.",
    "Das Siegel „%(label)s“ für %(solution)s läuft am %(until)s ab (in %(days)s Tagen). "
    "Sie können die Verlängerung jetzt beantragen.",
    "days",
)

register(
    Kind(
        key=SUBMITTED,
        staff_only=True,
        label=_("Anträge auf ein Siegel, die zu prüfen sind"),
        title=_(
            "%(company)s beantragt das Siegel „%(label)s“ für %(solution)s; bitte prüfen Sie den Antrag."
        ),
    ),
    Kind(
        key=RECEIVED,
        label=_("Eingegangene Siegel-Anträge"),
        title=_("Ihr Antrag auf das Siegel „%(label)s“ für %(solution)s ist eingegangen und wird geprüft."),
    ),
    Kind(
        key=CHANGES_REQUESTED,
        label=_("Rückfragen zu Siegel-Anträgen"),
        title=_("Bitte ergänzen Sie Ihren Antrag auf das Siegel „%(label)s“ für %(solution)s: %(note)s"),
    ),
    Kind(
        key=APPROVED,
        label=_("Erteilte Siegel"),
        title=_APPROVED_TITLE,
        title_of=_dated(_APPROVED_TITLE),
    ),
    Kind(
        key=REJECTED,
        label=_("Abgelehnte Siegel-Anträge"),
        title=_("Ihr Antrag auf das Siegel „%(label)s“ für %(solution)s wurde abgelehnt: %(note)s"),
    ),
    Kind(
        key=EXPIRING,
        label=_("Siegel, die bald ablaufen"),
        title=_EXPIRING_TITLE,
        title_of=_dated(_EXPIRING_IN_DAYS),
    ),
    Kind(
        key=EXPIRED,
        label=_("Abgelaufene Siegel"),
        title=_(
            "Das Siegel „%(label)s“ für %(solution)s ist abgelaufen und wird nicht mehr angezeigt. "
            "Mit einer Verlängerung erhalten Sie es wieder."
        ),
    ),
)
