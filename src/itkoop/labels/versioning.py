"""Tells core that the matching catalog changed (a new stamp of `core.services.CATALOG`) when a label is
granted, revoked or its scheme edited: matching counts certified labels (registry.solution_label_links), and
the web processes keep their catalog until the stamp changes. That a label ends with its last day needs no
write: the catalog cache is kept per day as well (matching.catalog_cache)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from itkoop.core import services as core_services

from .models import Certificate, LabelScheme

# Saves that name only these fields (the reminders' bookkeeping) leave the catalog as it is.
_NOT_MATCHED = {"reminders_sent", "expiry_notified"}


def _changed(sender, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= _NOT_MATCHED:
        return
    core_services.data_changed(core_services.CATALOG)


def connect() -> None:
    for model in (Certificate, LabelScheme):
        uid = f"itkoop-labels-catalog-version-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
