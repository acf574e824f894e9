"""The health endpoint (/healthz) for load balancers, systemd and monitoring: can this process reach its
database and its task broker?

It is answered by HealthCheckMiddleware before everything else: no session, no CSRF, no language prefix, no
host check and no HTTPS redirect, so a probe on the machine itself (http://127.0.0.1:8000/healthz) gets the
answer and not a redirect. It says only "ok" or which service is unreachable, never an address or an error
text; 200 when everything is reachable, 503 otherwise."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connections
from django.http import JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
# A probe must answer quickly even when a service hangs: seconds to wait for the broker.
BROKER_TIMEOUT_S = 2


def database_status() -> str:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means "unreachable"; the log has the detail
        logger.exception("health check: database unreachable")
        return "unreachable"
    return "ok"


def broker_status() -> str:
    """'ok', 'unreachable', or 'not configured' (tasks then run in the web process: nothing to reach)."""
    url = settings.CELERY_BROKER_URL
    if not url:
        return "not configured"
    from kombu import Connection

    connection = Connection(
        url,
        connect_timeout=BROKER_TIMEOUT_S,
        transport_options={
            "socket_connect_timeout": BROKER_TIMEOUT_S,
            "socket_timeout": BROKER_TIMEOUT_S,
        },
    )
    try:
        connection.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT_S)
    except Exception:
        logger.warning("health check: task broker unreachable", exc_info=True)
        return "unreachable"
    finally:
        connection.release()
    return "ok"


def health_response() -> JsonResponse:
    checks = {"database": database_status(), "broker": broker_status()}
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    body = {"status": "ok" if healthy else "error", **checks}
    response = JsonResponse(body, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers GET/HEAD /healthz itself; every other request passes through."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
