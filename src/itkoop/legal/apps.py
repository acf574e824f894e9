from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    """The Impressum and the privacy notice (texts kept in core, rendered with the knowledge base's Markdown
    sanitiser, hence this app above knowledge) and the audit log page for the center admins."""

    name = "itkoop.legal"
    verbose_name = _("Rechtliches")
