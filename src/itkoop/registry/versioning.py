"""Tells core that the catalog changed (a new stamp of `core.services.CATALOG`) on every save or delete of
what the matching engine's catalog is built from, in the writer's own transaction: the web processes and
the `itkoop` command compare that stamp instead of fingerprinting the tables on every request.

Signals catch every writer (services, admin, claims, the demo); bulk writers send none and call
`catalog_changed()` themselves (catalog_io.import_catalog)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from itkoop.core import services as core_services

from .models import Capability, Company, Label, PastCooperation, Solution, Standard

# The fields the catalog reads (matching/adapter.py); a save that names only others (a search document,
# contact data) leaves it as it is.
CATALOG_FIELDS = {
    Company: {"external_id", "name", "hub", "postal_code", "city", "lat", "lon", "verified", "description"}
    | {"keywords"},
    Solution: {"external_id", "company", "name", "description", "deployment", "price_eur_month"},
}


def catalog_changed() -> None:
    core_services.data_changed(core_services.CATALOG)


def _saved(sender, update_fields=None, **kwargs) -> None:
    fields = CATALOG_FIELDS.get(sender)
    if update_fields is not None and fields is not None and not fields & set(update_fields):
        return
    catalog_changed()


def _deleted(sender, **kwargs) -> None:
    catalog_changed()


def _links_changed(sender, action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        catalog_changed()


def connect() -> None:
    for model in (Company, Solution, Capability, Standard, Label, PastCooperation):
        uid = f"itkoop-catalog-version-{model.__name__}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    for through in (
        Company.labels.through,
        Solution.capabilities.through,
        Solution.provides.through,
        Solution.consumes.through,
        Capability.exchanges_with.through,
        Standard.used_by.through,
    ):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"itkoop-catalog-version-{through}")
