"""The account's own share of a person's data (account, memberships, consent records), and the last eraser:
the person becomes an anonymous, inactive placeholder, so rows that figures count keep their link to it."""

from django.contrib.auth import get_user_model

from itkoop.core.services import plain_rows, register_personal_data

from .models import ApiToken, ConsentRecord, Membership

ANONYMOUS_DOMAIN = "geloescht.invalid"


def export_account(user) -> dict:
    return plain_rows(
        get_user_model().objects.filter(pk=user.pk),
        ["email", "first_name", "last_name", "role", "hub_id", "language", "date_joined", "last_login"],
    )[0]


def export_memberships(user) -> list[dict]:
    return plain_rows(
        Membership.objects.filter(user=user).order_by("created"),
        ["company__external_id", "company__name", "role", "created"],
    )


def export_consents(user) -> list[dict]:
    return plain_rows(
        ConsentRecord.objects.filter(user=user).order_by("given_at"),
        ["purpose", "text_kind", "text_version", "given_at"],
    )


def export_api_tokens(user) -> list[dict]:
    return plain_rows(
        ApiToken.objects.filter(user=user).order_by("created"), ["name", "prefix", "created", "last_used"]
    )


def erase_api_tokens(user) -> None:
    ApiToken.objects.filter(user=user).delete()


def anonymous_email(user) -> str:
    return f"person-{user.pk}@{ANONYMOUS_DOMAIN}"


def erase_account(user) -> None:
    """Last of all erasers (others may still need the e-mail address): name and address go, the account is
    closed for good; consent records stay as proof, unlinked. Memberships stay, linking the anonymous
    placeholder to its company: the funnel counts meetings that led to cooperations by the people's companies,
    and those figures must not change."""
    from allauth.account.models import EmailAddress

    ConsentRecord.objects.filter(user=user).update(user=None, email="")
    EmailAddress.objects.filter(user=user).delete()
    user.email = anonymous_email(user)
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


def register() -> None:
    register_personal_data(name="account", exporter=export_account, eraser=erase_account, order=100)
    register_personal_data(name="memberships", exporter=export_memberships)
    register_personal_data(name="consent_records", exporter=export_consents)
    register_personal_data(name="api_tokens", exporter=export_api_tokens, eraser=erase_api_tokens)
