"""Who a request comes from, and how often: the client's address behind our proxies and a counter per key.

Every limiter of the site (logins through allauth's adapter, the API throttles, the inquiry form, the
matching pages, invitations) keys on `client_ip` or on a user id, never on REMOTE_ADDR or a client-sent
header directly: behind the production proxy REMOTE_ADDR is the proxy's own address for everyone, and the
left-most entries of X-Forwarded-For are whatever the client wrote. ITKOOP_TRUSTED_PROXIES says how many
proxies stand in front; each appends the address it saw, so the client is the entry the outermost trusted
proxy added, counted from the right. The counters live in the default cache, which production shares
between workers (Redis, REDIS_URL; a deploy check insists)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR without trusted proxies, else the X-Forwarded-For entry that the
    outermost trusted proxy added (the n-th from the right)."""
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    trusted = getattr(settings, "ITKOOP_TRUSTED_PROXIES", 0)
    if trusted <= 0:
        return remote
    entries = [e.strip() for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
    if not entries:
        return remote
    candidate = entries[-min(trusted, len(entries))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # not written by a proxy of ours: fall back to the address we can see
        return remote


def hit(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """Count one attempt of `ident` in `scope`; True while at most `limit` fell into the current window of
    `window` seconds (the window starts with the first attempt)."""
    key = f"itkoop:rl:{scope}:{ident}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


# Never written back into a page: secrets, and the token the retry form brings anew.
_NOT_ECHOED = ("password", "token", "csrfmiddlewaretoken")
# Beyond this a field is no text someone typed; the page keeps what it can show without being a relay.
MAX_ECHOED_FIELDS = 30


def _typed(request) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What the refused request carried, to send again unchanged after the wait: the texts a person typed
    (shown, so nothing typed is lost) and the other fields (carried as they were)."""
    data = request.GET if request.method == "GET" else request.POST
    fields = [
        (name, value)
        for name, values in data.lists()
        if not any(secret in name.lower() for secret in _NOT_ECHOED)
        for value in values
    ][:MAX_ECHOED_FIELDS]
    shown = [(name, value) for name, value in fields if len(value) > 40 or " " in value.strip()]
    return shown, [field for field in fields if field not in shown]


def too_many_requests(request, message: str | None = None):
    """The friendly 429 page; what the refused request carried stays in a form to send after the wait."""
    shown, carried = _typed(request)
    return render(
        request,
        "core/429.html",
        {
            "message": message
            or _("Sie haben in kurzer Zeit sehr viele Anfragen gestellt. Bitte warten Sie eine Minute."),
            "retry_method": "post" if request.method == "POST" else "get",
            "shown": shown,
            "carried": carried,
            "has_files": bool(request.FILES),
        },
        status=429,
    )


def throttle_by_ip(scope: str, *, limit: int, window: int, when: Callable | None = None):
    """View decorator: at most `limit` requests per client address and `window` seconds, else the 429 page.
    `when(request)` restricts counting to the requests that do expensive work."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if (when is None or when(request)) and not hit(
                scope, client_ip(request), limit=limit, window=window
            ):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
