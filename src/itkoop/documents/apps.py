from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "itkoop.documents"
    verbose_name = _("Dokumente")

    def ready(self) -> None:
        from . import models, offer  # noqa: F401  (the file clean-up signal; the offer kind of matching)
