"""Production: secrets, hosts and the database from the environment; HTTPS everywhere."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("ITKOOP_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("ITKOOP_SECRET_KEY must be set to a random string of at least 50 characters.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Required in production (a deploy check refuses a missing or plain-HTTP address): links in e-mails.
ITKOOP_SITE_URL = os.environ.get("ITKOOP_SITE_URL", "").rstrip("/")
# Production sends by SMTP unless told otherwise; the console backend is refused by a deploy check.
EMAIL_BACKEND = os.environ.get("ITKOOP_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if REDIS_URL:  # noqa: F405 - declared in base
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,  # noqa: F405
        }
    }
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
