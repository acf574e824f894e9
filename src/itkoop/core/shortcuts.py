"""View helpers shared by the apps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404


def get_visible_or_404(queryset, pk: Any, visible: Callable[[Any], bool] | None = None, **lookup):
    """The object `pk` of `queryset` (best: the objects visible to the viewer) if the viewer may see it.

    An object the viewer may not see answers 404 exactly like a missing id, so ids cannot be enumerated;
    403 stays for objects the viewer sees but may not change. `visible` is the app's object-level check."""
    obj = get_object_or_404(queryset, pk=pk, **lookup)
    if visible is not None and not visible(obj):
        raise Http404
    return obj
