from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "itkoop.events"
