from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "itkoop.accounts"
    verbose_name = _("Konten")

    def ready(self) -> None:
        from allauth.account.signals import user_signed_up

        from .services import remember_signup_language

        user_signed_up.connect(remember_signup_language, dispatch_uid="itkoop-signup-language")

        from . import personal_data

        personal_data.register()  # the account's share of the data download, and the erasure of the person
