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


class SecurityHeadersMiddleware:
    """Sends the Content-Security-Policy and Permissions-Policy of settings.ITKOOP_CONTENT_SECURITY_POLICY and
    ITKOOP_PERMISSIONS_POLICY with every response (a view that set its own keeps it).

    All scripts, styles, fonts and images are served by the site itself, so the policy allows only 'self':
    no inline script, no style attribute, no other origin. It applies in every settings module, so the
    browser tests prove that the pages work under it."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": settings.ITKOOP_CONTENT_SECURITY_POLICY,
            "Permissions-Policy": settings.ITKOOP_PERMISSIONS_POLICY,
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value and name not in response:
                response[name] = value
        return response
