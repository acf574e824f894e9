from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "itkoop.api"
