from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "itkoop.registry"
    verbose_name = _("Verzeichnis")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .reference_data import sync_taxonomy

        post_migrate.connect(sync_taxonomy, sender=self, dispatch_uid="itkoop-taxonomy")

        from . import versioning

        versioning.connect()  # every write to what the matching catalog is built from gives it a new stamp
