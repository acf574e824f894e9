from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "itkoop.documents"
    verbose_name = _("Dokumente")

    def ready(self) -> None:
        from . import models, offer, personal_data  # noqa: F401  (file clean-up signal; matching's offer kind)

        personal_data.register()  # a person's documents in their data download and account deletion
