"""Personal API keys (accounts.ApiToken) as DRF authentication: `Authorization: Bearer itk_...`.

A request with a key acts as the key's person, with the person's rights; a key that is unknown, revoked or
belongs to a closed account is refused with 401 on every operation, so a program learns at once that its
key no longer works. Keys are compared by hash (accounts.services.api_token_authenticate)."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.authentication import SessionAuthentication as DrfSessionAuthentication
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied

from itkoop.accounts import services as accounts

KEYWORD = b"bearer"


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD:
            return None  # no key: the next authentication (the session) or anonymous
        if len(parts) != 2:
            raise AuthenticationFailed(
                _("Bitte senden Sie genau einen API-Schlüssel: Authorization: Bearer SCHLÜSSEL.")
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            key = ""
        token = accounts.api_token_authenticate(key=key) if key else None
        if token is None:
            raise AuthenticationFailed(_("Dieser API-Schlüssel ist unbekannt oder widerrufen."))
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="itkoop"'


class SessionAuthentication(DrfSessionAuthentication):
    """The signed-in person's session (pages calling the API); a write without the page's CSRF token is
    refused in the API's words, not with DRF's English "CSRF Failed: CSRF token missing."."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except PermissionDenied:
            raise PermissionDenied(
                _(
                    "Die Anfrage kommt ohne gültiges CSRF-Token der Seite. Programme senden statt der "
                    "Anmeldung einen API-Schlüssel: Authorization: Bearer SCHLÜSSEL."
                )
            ) from None


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI description names the key: an HTTP bearer token."""

    target_class = ApiTokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API key from “Mein Bereich” → “API-Schlüssel”.",
        }


class SessionScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI description names the session (as drf-spectacular does for DRF's own class)."""

    target_class = SessionAuthentication
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
