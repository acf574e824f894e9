"""The notification kinds of labels: the center admins hear of each submitted application; the applying
company's members hear each step (received, more asked, granted, rejected) and the coming end of a label.
Registered by LabelsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from itkoop.notifications.services import Kind, register

SUBMITTED = "labels.submitted"
RECEIVED = "labels.received"
CHANGES_REQUESTED = "labels.changes_requested"
APPROVED = "labels.approved"
REJECTED = "labels.rejected"
EXPIRING = "labels.expiring"
EXPIRED = "labels.expired"

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
        title=_("Das Siegel „%(label)s“ für %(solution)s ist erteilt und gilt bis zum %(until)s."),
    ),
    Kind(
        key=REJECTED,
        label=_("Abgelehnte Siegel-Anträge"),
        title=_("Ihr Antrag auf das Siegel „%(label)s“ für %(solution)s wurde abgelehnt: %(note)s"),
    ),
    Kind(
        key=EXPIRING,
        label=_("Siegel, die bald ablaufen"),
        title=_(
            "Das Siegel „%(label)s“ für %(solution)s läuft am %(until)s ab (in %(days)s Tagen). "
            "Sie können die Verlängerung jetzt beantragen."
        ),
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
