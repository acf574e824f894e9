from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    name = "itkoop.claims"
    verbose_name = _("Profilübernahmen")

    def ready(self) -> None:
        from allauth.account.signals import email_confirmed

        from . import notifications, personal_data  # noqa: F401  (registers the app's notification kinds)
        from .services import settle_after_email_confirmed

        personal_data.register()  # a person's claims in their data download, and their erasure
        # A claim that waits only for the person to confirm an address at the company's domain settles then.
        email_confirmed.connect(settle_after_email_confirmed, dispatch_uid="itkoop-claims-email-confirmed")
