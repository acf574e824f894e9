"""Settings of `bench/load.py --quick` only: the production settings, except that static files are served
from the apps and packages in place, as in development. Collecting and compressing them (what `itkoop serve`
does under production settings on its first start) takes minutes; the full run keeps it."""

from itkoop.settings.production import *  # noqa: F403
from itkoop.settings.production import STORAGES

WHITENOISE_USE_FINDERS = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
