from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "itkoop.events"

    def ready(self) -> None:
        from . import documents, notifications  # noqa: F401  (register the app's document and notification kinds)
