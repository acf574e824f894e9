"""Values every page template needs."""

from django.conf import settings


def site(request) -> dict:
    return {"SITE_NAME": "itkoop", "LANGUAGES": settings.LANGUAGES}
