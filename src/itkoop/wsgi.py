"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itkoop.settings.production")
application = get_wsgi_application()

# Each web worker loads the matching catalog (a snapshot, or one build for all workers) while it starts, not
# in the first match request.
from django.conf import settings  # noqa: E402 - after the application has set Django up

if settings.ITKOOP_CATALOG_BACKGROUND_REBUILD:
    from itkoop.matching.services import warm_catalog_in_background

    warm_catalog_in_background()
