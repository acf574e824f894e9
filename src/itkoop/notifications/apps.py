from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "itkoop.notifications"
    verbose_name = _("Benachrichtigungen")

    def ready(self) -> None:
        from . import personal_data

        personal_data.register()  # what a person's data download and account deletion cover here
