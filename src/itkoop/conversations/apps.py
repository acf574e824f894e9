from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "itkoop.conversations"
    verbose_name = _("Nachrichten")

    def ready(self) -> None:
        from . import notifications  # noqa: F401  (registers the app's notification kind)
