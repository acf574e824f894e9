"""The API's human-readable page: the OpenAPI description rendered by Swagger UI (from npm, served by the site
itself; its start script is a static file, so the site's Content-Security-Policy holds unchanged)."""

from django.shortcuts import render


def docs(request):
    return render(request, "api/docs.html")
