"""Checks and repairs of every request before a view sees it, and the security headers of every response.

Requests with a NUL byte in the path, a query or a form value are refused with 400.

No page of the site takes a NUL byte, and PostgreSQL refuses one in any text it is given: without this check,
a path such as /katalog/unternehmen/a%00b/ reaches a query and answers 500 instead of saying "bad request"."""

from __future__ import annotations

import io
import json
import unicodedata

from django.core.exceptions import SuspiciousOperation
from django.http import QueryDict

# Bodies Django parses into request.POST; a multipart body's files stay untouched.
FORM_CONTENT_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


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


def nfc(text: str) -> str:
    """Text in Unicode NFC: "ü" as one character, as German keyboards type it."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _form_text(value: str) -> str:
    """A form or query value in NFC with its line breaks as one character each."""
    return nfc(value).replace("\r\n", "\n").replace("\r", "\n")


def _normalized_querydict(data: QueryDict) -> QueryDict | None:
    """A copy of `data` with every key and value in NFC and every line break "\\n", or None when it is
    already."""
    if all(
        unicodedata.is_normalized("NFC", key)
        and all(unicodedata.is_normalized("NFC", v) and "\r" not in v for v in values)
        for key, values in data.lists()
    ):
        return None
    normalized = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        normalized.setlist(nfc(key), [_form_text(v) if isinstance(v, str) else v for v in values])
    normalized._mutable = False
    return normalized


def _nfc_json(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_json(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): _nfc_json(v) for k, v in value.items()}
    return value


class NormalizeUnicodeMiddleware:
    """Every text a person sends (query, form fields, JSON bodies of the API) in Unicode NFC, once, here.

    Text pasted from macOS or a PDF spells umlauts decomposed (NFD: "u" + combining diaeresis). Stored and
    compared as sent, "Müller" in NFD is not "Müller": searches find nothing, matching misses words, and
    two spellings of one name look alike on the page but differ in the database. Files are left as sent.

    A text area's line breaks come as "\\r\\n" (two characters) while its maxlength counts one: a text
    the browser let through at the limit would fail the same limit on the server. Form and query values
    get "\\n"."""

    JSON_METHODS = frozenset({"POST", "PUT", "PATCH"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = _normalized_querydict(request.GET)
        if query is not None:
            request.GET = query
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            form = _normalized_querydict(request.POST)
            if form is not None:
                request.POST = form
        elif request.method in self.JSON_METHODS and request.content_type == "application/json":
            self._normalize_json_body(request)
        return self.get_response(request)

    @staticmethod
    def _normalize_json_body(request) -> None:
        body = request.body  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE
        if not body or (body.isascii() and b"\\u" not in body):
            return
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return  # the API answers malformed (or too deeply nested) JSON with its own 400
        try:
            normalized = json.dumps(_nfc_json(data), ensure_ascii=False).encode()
        except UnicodeEncodeError:
            return  # a lone surrogate ("\\ud800") is no text: the API refuses it with its own 400
        request._body = normalized
        request._stream = io.BytesIO(normalized)
        request.META["CONTENT_LENGTH"] = str(len(normalized))
