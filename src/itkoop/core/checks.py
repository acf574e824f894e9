"""Deployment checks of our own: `itkoop manage check --deploy` fails when production would send mails to the
console or links to nowhere."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

NON_DELIVERING_BACKENDS = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)

#: Caches that each process keeps for itself: rate limits in them multiply by the number of workers.
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.security, deploy=True)
def site_url_and_mail(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    site_url = getattr(settings, "ITKOOP_SITE_URL", "")
    if not site_url.startswith("https://"):
        errors.append(
            Error(
                "ITKOOP_SITE_URL is not set to the site's https:// address.",
                hint="Set ITKOOP_SITE_URL, e.g. https://itkoop.example.org: e-mail links start with it.",
                id="itkoop.E001",
            )
        )
    if settings.EMAIL_BACKEND in NON_DELIVERING_BACKENDS:
        errors.append(
            Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: no e-mail would reach anyone.",
                hint="Use the SMTP backend with ITKOOP_EMAIL_HOST, ITKOOP_EMAIL_PORT, ITKOOP_EMAIL_USER, "
                "ITKOOP_EMAIL_PASSWORD.",
                id="itkoop.E002",
            )
        )
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        errors.append(
            Error(
                "No task broker: background work (mails, schedule builds) would run inside web requests.",
                hint="Set ITKOOP_BROKER_URL (e.g. redis://127.0.0.1:6379/0) and run `itkoop worker` and "
                "`itkoop beat`.",
                id="itkoop.E003",
            )
        )
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        errors.append(
            Error(
                "The cache is kept per process: each web worker would count rate limits and lockouts alone.",
                hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/1), the cache all web workers share.",
                id="itkoop.E004",
            )
        )
    return errors
