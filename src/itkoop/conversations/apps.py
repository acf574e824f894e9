from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "itkoop.conversations"
    verbose_name = _("Nachrichten")

    def ready(self) -> None:
        from . import notifications, personal_data  # noqa: F401  (registers the app's notification kind)

        personal_data.register()  # a person's messages in their data download

        # An accepted marketplace interest opens its conversation; the marketplace tells us through its port.
        from itkoop.cooperation.services import register_interest_accepted_listener

        from .services import interest_accepted

        register_interest_accepted_listener(interest_accepted)
