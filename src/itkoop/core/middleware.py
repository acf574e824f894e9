"""Requests with a NUL byte in the path, a query or a form value are refused with 400.

No page of the site takes a NUL byte, and PostgreSQL refuses one in any text it is given: without this check,
a path such as /katalog/unternehmen/a%00b/ reaches a query and answers 500 instead of saying "bad request"."""

from __future__ import annotations

from django.core.exceptions import SuspiciousOperation


class NulByteInRequest(SuspiciousOperation):
    """Django answers a SuspiciousOperation with 400 and logs it to django.security."""


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(request.GET):
            raise NulByteInRequest("NUL byte in the path or query")
        if request.method == "POST" and _has_nul(request.POST):
            raise NulByteInRequest("NUL byte in a form value")
        return self.get_response(request)
