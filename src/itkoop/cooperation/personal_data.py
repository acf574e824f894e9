"""The cooperation app's share of a person's data: cooperations they started or answered, marketplace profiles
and interests they wrote (these belong to the company and stay with it), and inquiries sent with their e-mail
address (erased: the inquiry stays for the hub's count, without name and address)."""

from django.db.models import Q

from itkoop.core.services import plain_rows, register_personal_data

from .models import Cooperation, CooperationProfile, ExpressionOfInterest, Inquiry


def export_cooperation_data(user) -> dict[str, list[dict]]:
    return {
        "cooperations": plain_rows(
            Cooperation.objects.filter(Q(created_by=user) | Q(participants__responded_by=user))
            .distinct()
            .order_by("pk"),
            ["title", "subject", "need_text", "message", "state", "created"],
        ),
        "marketplace_profiles": plain_rows(
            CooperationProfile.objects.filter(created_by=user).order_by("pk"),
            ["company__name", "kind", "title", "body", "moderation", "created", "expires_at"],
        ),
        "expressions_of_interest": plain_rows(
            ExpressionOfInterest.objects.filter(created_by=user).order_by("pk"),
            [
                "profile__title",
                "company__name",
                "cooperation_sought",
                "questions",
                "about",
                "status",
                "created",
            ],
        ),
    }


def export_inquiries(user) -> list[dict]:
    return plain_rows(
        Inquiry.objects.filter(email__iexact=user.email).order_by("created"),
        ["name", "email", "organisation", "postal_code", "topic", "question", "created"],
    )


def erase_inquiries(user) -> None:
    Inquiry.objects.filter(email__iexact=user.email).update(
        name="—", email="geloescht@invalid.invalid", organisation="", question=""
    )


def register() -> None:
    register_personal_data(name="cooperation", exporter=export_cooperation_data)
    register_personal_data(name="network_inquiries", exporter=export_inquiries, eraser=erase_inquiries)
