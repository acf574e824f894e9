"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itkoop.settings.production")
application = get_wsgi_application()

# The matching catalog is loaded (a snapshot, or one build) before the workers start, not in a first request;
# under `itkoop serve` this module runs in gunicorn's master and the workers fork with the catalog.
from django.conf import settings  # noqa: E402 - after the application has set Django up

if settings.ITKOOP_CATALOG_BACKGROUND_REBUILD:
    from itkoop.matching.services import load_catalog_at_start

    load_catalog_at_start()
