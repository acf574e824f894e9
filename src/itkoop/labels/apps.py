from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _seed_after_migrate(sender, **kwargs) -> None:
    """A flushed database (the demo on PostgreSQL, tests) gets the shipped schemes again."""
    from .services import ensure_schemes

    ensure_schemes()


class LabelsConfig(AppConfig):
    name = "itkoop.labels"
    verbose_name = _("Siegel")

    def ready(self) -> None:
        from itkoop.registry.selectors import register_label_authority

        from . import notifications, personal_data, versioning  # noqa: F401  (registers notification kinds)
        from .selectors import LabelAuthority

        personal_data.register()
        # The catalog filter, matching and the solution page count only granted, unexpired labels.
        register_label_authority(LabelAuthority())
        versioning.connect()  # a granted label reaches matching at once
        post_migrate.connect(_seed_after_migrate, sender=self, dispatch_uid="itkoop-labels-seed")
