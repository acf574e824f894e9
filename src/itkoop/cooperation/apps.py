from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "itkoop.cooperation"

    def ready(self) -> None:
        # Matching ranks partners higher who cooperated before; it learns of cooperations through this port,
        # so that it needs no import of this app (which uses matching for the marketplace).
        from itkoop.matching.services import register_trust_source

        from .selectors import cooperation_trust_pairs

        register_trust_source(cooperation_trust_pairs)
        from . import (
            notifications,  # noqa: F401  (registers the app's notification kinds)
            personal_data,
        )

        personal_data.register()  # what a person's data download and account deletion cover here
