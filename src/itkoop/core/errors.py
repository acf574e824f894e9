"""The site's error pages (400, 403, 404, 500 and a failed CSRF check), in the page's language, each with a
way on. The 500 page uses a template of its own that needs no database and no context processor: whatever
broke the page may be what those need."""

from __future__ import annotations

import logging

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext

from .exceptions import RoleRequired, StepRequired

logger = logging.getLogger(__name__)


def _render(request, template: str, status: int, **context):
    # A request refused before LocaleMiddleware ran (a NUL byte, say) still gets the page's language.
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    try:
        with translation.override(language):
            return render(request, template, context, status=status)
    except Exception:  # an error page must never fail: fall back to the minimal one
        logger.exception("error page %s failed to render", template)
        return server_error(request, status=status)


API_PREFIX = "/api/v1/"


def bad_request(request, exception=None):
    if request.path.startswith(API_PREFIX):  # a request refused before the API saw it (a NUL byte)
        return JsonResponse({"detail": gettext("Ungültige Anfrage.")}, status=400)
    return _render(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    role = exception.role if isinstance(exception, RoleRequired) else ""
    message = "" if role else (str(exception) if exception is not None else "")
    step = exception if isinstance(exception, StepRequired) else None
    return _render(request, "errors/403.html", 403, role=role, message=message, step=step)


def page_not_found(request, exception=None):
    return _render(request, "errors/404.html", 404)


def csrf_failure(request, reason: str = ""):
    return _render(request, "errors/403_csrf.html", 403)


def server_error(request, status: int = 500):
    """Plain Template.render without a request: no context processors, no user, no database."""
    try:
        html = loader.get_template("errors/500.html").render()
    except Exception:
        logger.exception("the 500 page failed to render")
        html = "<!DOCTYPE html><title>Server error</title><h1>500</h1>"
    return HttpResponseServerError(html, status=status)
