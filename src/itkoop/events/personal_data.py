"""The events' share of a person's data: registrations, participant profiles, meeting requests and ratings,
calendar key.

Erasing keeps registrations and meeting requests (the counts of participants and meetings stay right); it
removes what the person wrote (profile texts, reasons of their requests) and their calendar key."""

from itkoop.core.services import plain_rows, register_personal_data

from .models import (
    CalendarToken,
    MeetingNotice,
    MeetingRating,
    MeetingRequest,
    ParticipantProfile,
    Registration,
)


def export_registrations(user) -> list[dict]:
    return plain_rows(
        Registration.objects.filter(user=user).order_by("created"),
        ["event_id", "event__title", "status", "position", "language", "attendance", "created", "checked_in"],
    )


def export_profiles(user) -> list[dict]:
    return plain_rows(
        ParticipantProfile.objects.filter(user=user).order_by("pk"),
        ["event_id", "event__title", "company_name", "offers", "seeks", "unavailable", "updated"],
    )


def export_meeting_requests(user) -> dict[str, list[dict]]:
    fields = ["event_id", "reason", "priority", "status", "created", "expires", "answered"]
    return {
        "sent": plain_rows(MeetingRequest.objects.filter(sender=user).order_by("created"), fields),
        "received": plain_rows(MeetingRequest.objects.filter(recipient=user).order_by("created"), fields),
    }


def export_meeting_notices(user) -> list[dict]:
    return plain_rows(
        MeetingNotice.objects.filter(user=user).order_by("created", "pk"),
        ["event_id", "event__title", "reason", "changes", "created"],
    )


def export_meeting_ratings(user) -> list[dict]:
    return plain_rows(
        MeetingRating.objects.filter(user=user).order_by("rated", "pk"),
        [
            "event_id",
            "event__title",
            "request_id",
            "took_place",
            "usefulness",
            "next_step",
            "rated",
            "outcome",
            "outcome_given",
        ],
    )


def erase_events_data(user) -> None:
    ParticipantProfile.objects.filter(user=user).update(company_name="", offers="", seeks="")
    MeetingRequest.objects.filter(sender=user).update(reason="")
    CalendarToken.objects.filter(user=user).delete()
    # The notices only explained changes to this person; the meetings themselves stay counted.
    MeetingNotice.objects.filter(user=user).delete()


def register() -> None:
    register_personal_data(name="event_registrations", exporter=export_registrations)
    register_personal_data(name="meeting_profiles", exporter=export_profiles, eraser=erase_events_data)
    register_personal_data(name="meeting_requests", exporter=export_meeting_requests)
    register_personal_data(name="meeting_notices", exporter=export_meeting_notices)
    # Ratings hold no text; they stay with the anonymised account so the figures of held meetings stay right.
    register_personal_data(name="meeting_ratings", exporter=export_meeting_ratings)
