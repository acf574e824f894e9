from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "itkoop.reporting"
