"""API throttles keyed on the client's address behind our proxies (core.ratelimit.client_ip), never on a
client-sent X-Forwarded-For: DRF's default joins every entry of that header into the key when NUM_PROXIES is
unset, so random values gave each request a fresh budget."""

from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from itkoop.core.ratelimit import client_ip


class ClientAddressMixin:
    def get_ident(self, request) -> str:
        return client_ip(request)


class ClientAnonThrottle(ClientAddressMixin, AnonRateThrottle):
    """Anonymous requests per client address."""


class ClientUserThrottle(ClientAddressMixin, UserRateThrottle):
    """Signed-in requests per user; anonymous ones per client address."""
