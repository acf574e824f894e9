"""API throttles.

Anonymous requests are keyed on the client's address behind our proxies (core.ratelimit.client_ip), never on a
client-sent X-Forwarded-For: DRF's default joins every entry of that header into the key when NUM_PROXIES is
unset, so random values gave each request a fresh budget. Requests with a personal API key are keyed on the
key: each key has its own budget, whatever address it comes from, and one program's loop cannot use up the
budget of the person's other keys."""

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from itkoop.core.ratelimit import client_ip


class ClientAddressMixin:
    def get_ident(self, request) -> str:
        return client_ip(request)


class ClientAnonThrottle(ClientAddressMixin, AnonRateThrottle):
    """Anonymous requests per client address."""


class ClientUserThrottle(ClientAddressMixin, UserRateThrottle):
    """Signed-in requests per user; anonymous ones per client address."""


class TokenThrottle(SimpleRateThrottle):
    """Every request made with an API key, per key (rate "token"); others are not counted here."""

    scope = "token"

    def get_cache_key(self, request, view):
        token_id = getattr(request.auth, "pk", None)
        if token_id is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token_id}


class TokenWriteThrottle(TokenThrottle):
    """Writes made with an API key, per key (rate "token_write"): each one refreshes search texts."""

    scope = "token_write"

    def allow_request(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return super().allow_request(request, view)
