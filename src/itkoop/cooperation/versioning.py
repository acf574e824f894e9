"""A cooperation that starts or stops counting as trust changes the partner ranking: a save or delete of a
cooperation's state or of a participant's answer gives the catalog a new stamp (see registry/versioning.py),
in the writer's transaction."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from itkoop.core import services as core_services

from .models import Cooperation, CooperationParticipant

TRUST_FIELDS = {Cooperation: {"state"}, CooperationParticipant: {"state", "company", "cooperation"}}


def _saved(sender, update_fields=None, **kwargs) -> None:
    if update_fields is not None and not TRUST_FIELDS[sender] & set(update_fields):
        return
    core_services.data_changed(core_services.CATALOG)


def _deleted(sender, **kwargs) -> None:
    core_services.data_changed(core_services.CATALOG)


def connect() -> None:
    for model in TRUST_FIELDS:
        uid = f"itkoop-catalog-version-{model.__name__}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
