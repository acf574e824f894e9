from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "itkoop.cooperation"

    def ready(self) -> None:
        from . import notifications  # noqa: F401  (registers the app's notification kinds)
