"""Version stamps of data that processes keep copies of (see models.DataVersion).

A writer calls `data_changed(name)` inside its own transaction, so the new stamp becomes visible exactly when
its data does (a reader that sees the stamp sees the data). A reader calls `data_version(name)`: one
primary-key read. Signals of the owning apps call `data_changed` for every save and delete of the models
the data is built from; bulk writers (which send no signals) call it themselves."""

from __future__ import annotations

from uuid import uuid4

from django.utils import timezone

from .models import DataVersion

#: What the matching engine's catalog is built from: companies, solutions, the taxonomy, labels, hubs and
#: the cooperations that count as trust.
CATALOG = "catalog"


def data_changed(name: str) -> str:
    """Gives `name` a new stamp (in the caller's transaction) and returns it."""
    stamp = uuid4().hex
    if not DataVersion.objects.filter(name=name).update(stamp=stamp, changed=timezone.now()):
        _version, created = DataVersion.objects.get_or_create(name=name, defaults={"stamp": stamp})
        if not created:  # another transaction created it meanwhile
            DataVersion.objects.filter(name=name).update(stamp=stamp, changed=timezone.now())
    return stamp


def data_version(name: str) -> str:
    """The current stamp of `name` (a new one if there is none yet, e.g. after a test flushed the table)."""
    stamp = DataVersion.objects.filter(name=name).values_list("stamp", flat=True).first()
    return stamp if stamp is not None else data_changed(name)


def hub_changed(sender, **kwargs) -> None:
    """Signal receiver: the catalog places companies by their hub's postcode regions."""
    data_changed(CATALOG)
