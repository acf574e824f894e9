"""The notification kinds of the cooperation app: invitations, their answers and withdrawal, cooperations that
become active, the marketplace's moderation and interests, and inquiries to a hub. Registered by
CooperationConfig.ready()."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from itkoop.notifications.models import Notification

from itkoop.notifications.services import Kind, register

INVITED = "cooperation.invited"
WITHDRAWN = "cooperation.withdrawn"
ANSWER_ACCEPTED = "cooperation.answer_accepted"
ANSWER_DECLINED = "cooperation.answer_declined"
ACTIVE = "cooperation.active"
PROFILE_PENDING = "cooperation.profile_pending"
PROFILE_PUBLISHED = "cooperation.profile_published"
PROFILE_REJECTED = "cooperation.profile_rejected"
PROFILE_EXPIRING = "cooperation.profile_expiring"
PROFILE_EXPIRED = "cooperation.profile_expired"
INTEREST_RECEIVED = "cooperation.interest_received"
INTEREST_ACCEPTED = "cooperation.interest_accepted"
INTEREST_DECLINED = "cooperation.interest_declined"
INQUIRY = "cooperation.inquiry"
# Declared here, not in the registry: the registry sits below the notifications (see services.network).
COMPANY_REVIEW = "cooperation.company_review"


def _invitation_context(notification: Notification) -> dict[str, Any]:
    """The need and the inviter's personal message as stored with the cooperation (not copied per row)."""
    from .models import Cooperation

    return {"cooperation": Cooperation.objects.filter(pk=notification.params.get("cooperation_id")).first()}


def _inquiry_context(notification: Notification) -> dict[str, Any]:
    """The inquiry as stored (the person's question is not copied into the notification)."""
    from .models import Inquiry

    return {"inquiry": Inquiry.objects.filter(pk=notification.params.get("inquiry_id")).first()}


register(
    Kind(
        key=INVITED,
        label=_("Einladungen zu Kooperationen"),
        title=_("%(inviter)s lädt %(company)s zur Kooperation „%(title)s“ ein."),
        body="cooperation/notifications/invited.txt",
        context=_invitation_context,
    ),
    Kind(
        key=WITHDRAWN,
        label=_("Zurückgezogene Einladungen"),
        title=_("%(inviter)s hat die Einladung zur Kooperation „%(title)s“ zurückgezogen."),
    ),
    Kind(
        key=ANSWER_ACCEPTED,
        label=_("Zusagen zu Kooperationen, an denen Sie beteiligt sind"),
        title=_("%(company)s hat die Einladung zur Kooperation „%(title)s“ angenommen."),
    ),
    Kind(
        key=ANSWER_DECLINED,
        label=_("Absagen zu Kooperationen, an denen Sie beteiligt sind"),
        title=_("%(company)s hat die Einladung zur Kooperation „%(title)s“ abgelehnt."),
    ),
    Kind(
        key=ACTIVE,
        label=_("Kooperationen, die aktiv werden"),
        title=_("Die Kooperation „%(title)s“ ist jetzt aktiv."),
    ),
    Kind(
        key=PROFILE_PENDING,
        staff_only=True,
        label=_("Kooperationsprofile, die auf Freigabe warten"),
        title=_("Das Kooperationsprofil „%(title)s“ wartet auf Ihre Freigabe."),
    ),
    Kind(
        key=PROFILE_PUBLISHED,
        label=_("Veröffentlichte Kooperationsprofile"),
        title=_("Ihr Kooperationsprofil „%(title)s“ ist veröffentlicht."),
    ),
    Kind(
        key=PROFILE_REJECTED,
        label=_("Abgelehnte Kooperationsprofile"),
        title=_("Ihr Kooperationsprofil „%(title)s“ wurde nicht freigegeben: %(note)s"),
    ),
    Kind(
        key=PROFILE_EXPIRING,
        label=_("Kooperationsprofile, die bald ablaufen"),
        title=_(
            "Ihr Kooperationsprofil „%(title)s“ läuft am %(date)s ab. "
            "Verlängern Sie es vorher, wenn es sichtbar bleiben soll."
        ),
    ),
    Kind(
        key=PROFILE_EXPIRED,
        label=_("Abgelaufene Kooperationsprofile"),
        title=_(
            "Ihr Kooperationsprofil „%(title)s“ ist abgelaufen und wird nicht mehr angezeigt. "
            "Legen Sie es neu an, wenn Sie weiter suchen."
        ),
    ),
    Kind(
        key=INTEREST_RECEIVED,
        label=_("Interessensbekundungen zu Ihren Kooperationsprofilen"),
        title=_("Ein Unternehmen interessiert sich für Ihr Kooperationsprofil „%(title)s“."),
    ),
    Kind(
        key=INTEREST_ACCEPTED,
        label=_("Angenommene Interessensbekundungen"),
        title=_("Ihr Interesse an „%(title)s“ wurde angenommen. Sie sehen jetzt, wer dahintersteht."),
    ),
    Kind(
        key=INTEREST_DECLINED,
        label=_("Abgelehnte Interessensbekundungen"),
        title=_("Ihr Interesse an „%(title)s“ wurde leider abgelehnt."),
    ),
    Kind(
        key=INQUIRY,
        staff_only=True,
        label=_("Anfragen an Ihren Stützpunkt"),
        # The city, not the stored German hub name: the title is rendered in the recipient's language.
        # Notifications stored before carry no hub_city and show the label.
        title=_("Anfrage an den Stützpunkt %(hub_city)s"),
        body="cooperation/notifications/inquiry.txt",
        context=_inquiry_context,
    ),
    Kind(
        key=COMPANY_REVIEW,
        staff_only=True,
        label=_("Geänderte Unternehmensprofile, die erneut zu prüfen sind"),
        title=_("%(company)s hat geprüfte Angaben geändert; das Profil wartet auf Ihre erneute Prüfung."),
    ),
)
