from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "itkoop.events"

    def ready(self) -> None:
        from . import (
            documents,  # noqa: F401  (registers the app's document kinds)
            mailings,  # noqa: F401  (registers the kind of the staff's mailings)
            notifications,  # noqa: F401  (registers the app's notification kinds)
            personal_data,
        )

        personal_data.register()  # what a person's data download and account deletion cover here
