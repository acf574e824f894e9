from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "itkoop.cooperation"

    def ready(self) -> None:
        # Matching ranks partners higher who cooperated before; it learns of cooperations through this port,
        # so that it needs no import of this app (which uses matching for the marketplace).
        from itkoop.matching.services import register_trust_source

        from .selectors import cooperation_trust_pairs

        register_trust_source(cooperation_trust_pairs)
        from . import documents, notifications  # noqa: F401  (register the app's document and notification kinds)
