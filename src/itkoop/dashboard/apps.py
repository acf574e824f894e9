from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "itkoop.dashboard"
    verbose_name = _("Mein Bereich")
