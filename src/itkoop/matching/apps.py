from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "itkoop.matching"
