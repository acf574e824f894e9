from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "itkoop.core"
    verbose_name = _("Netzwerk")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        # The task queue's app (itkoop.taskqueue) is not made here: each tasks module imports it, so that
        # only a process that queues or runs a task loads the task library.
        from . import (
            checks,  # noqa: F401 - registers the deploy checks
            lookups,
        )
        from .converters import ExternalIdConverter, IdConverter
        from .legal import load_legal_drafts
        from .reference_data import sync_reference_data

        register_converter(IdConverter, "id")  # before any urls.py is read: <id:pk> in every app
        register_converter(ExternalIdConverter, "extid")  # <extid:external_id> of companies and solutions
        lookups.register()  # integer `in` lookups ignore ids no column can hold
        post_migrate.connect(sync_reference_data, sender=self, dispatch_uid="itkoop-reference-data")
        post_migrate.connect(load_legal_drafts, sender=self, dispatch_uid="itkoop-legal-drafts")
        # A hub's postcode regions decide which hub a company without one belongs to in the matching catalog.
        from django.db.models.signals import post_delete, post_save

        from .models import Hub
        from .versions import hub_changed

        post_save.connect(hub_changed, sender=Hub, dispatch_uid="itkoop-catalog-version-hub")
        post_delete.connect(hub_changed, sender=Hub, dispatch_uid="itkoop-catalog-version-hub")
