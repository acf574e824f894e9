from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "itkoop.cooperation"

    def ready(self) -> None:
        # Matching ranks partners higher who cooperated before; it learns of cooperations through this port,
        # so that it needs no import of this app (which uses matching for the marketplace).
        from itkoop.matching.services import register_trust_source

        from .selectors import cooperation_trust_records

        register_trust_source(cooperation_trust_records)
        from . import versioning

        versioning.connect()  # and tells it (by the catalog's stamp) when the trust pairs may have changed

        # The registry takes a company a member changed back to review; it tells this app through its port,
        # which tells the hub staff (the registry is below the notifications and cannot send).
        from itkoop.registry.services import register_review_listener

        from .services.network import company_review_requested

        register_review_listener(company_review_requested)
        from . import (
            documents,  # noqa: F401  (registers the app's document kinds)
            notifications,  # noqa: F401  (registers the app's notification kinds)
            personal_data,
        )

        personal_data.register()  # what a person's data download and account deletion cover here
