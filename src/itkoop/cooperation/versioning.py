"""A cooperation that starts or stops counting as trust changes the partner ranking: a save or delete of a
cooperation's state or of a participant's answer gives the catalog a new stamp (see registry/versioning.py),
in the writer's transaction."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from itkoop.core import services as core_services

from .models import Cooperation, CooperationParticipant

TRUST_FIELDS = {Cooperation: {"state"}, CooperationParticipant: {"state", "company", "cooperation"}}


def _counts_at_creation(instance) -> bool:
    """A new cooperation that is not yet running, or a new invitation not yet accepted, changes no trust (each
    invitation would otherwise rebuild the catalog)."""
    if isinstance(instance, Cooperation):
        return instance.state in (Cooperation.State.ACTIVE, Cooperation.State.RESULT)
    return instance.state == CooperationParticipant.State.ACCEPTED


def _saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    if update_fields is not None and not TRUST_FIELDS[sender] & set(update_fields):
        return
    if created and not _counts_at_creation(instance):
        return
    core_services.data_changed(core_services.CATALOG)


def _deleted(sender, **kwargs) -> None:
    core_services.data_changed(core_services.CATALOG)


def connect() -> None:
    for model in TRUST_FIELDS:
        uid = f"itkoop-catalog-version-{model.__name__}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
