from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "itkoop.knowledge"
    verbose_name = _("Wissen und Selbstcheck")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .content_sync import sync_knowledge_content

        post_migrate.connect(sync_knowledge_content, sender=self, dispatch_uid="itkoop-knowledge-content")
        from . import personal_data

        personal_data.register()  # what a person's data download covers here
