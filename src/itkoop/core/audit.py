"""The audit log of staff actions: services call `audit_record` in the transaction of the action itself."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from .models import AuditEntry


def audit_record(*, actor, action: str, obj=None, object_type: str = "", object_id: Any = "", details=None):
    """Write one entry. `obj` (a model instance) gives the object's type and id; plain values otherwise."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    plain = json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder))
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action[:60],
        object_type=str(object_type)[:60],
        object_id=str(object_id)[:60],
        details=plain,
    )
