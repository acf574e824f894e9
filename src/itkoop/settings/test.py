"""Test settings: fast hashing, in-memory mail; the database still comes from DATABASE_URL."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ITKOOP_SITE_URL = "http://testserver"
# Tasks run eagerly in tests. The broker-backed test (tests/events/test_schedule_worker.py) starts a worker
# process with ITKOOP_TEST_BROKER_URL set, so that worker (only) takes its tasks from the broker.
CELERY_BROKER_URL = os.environ.get("ITKOOP_TEST_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Parallel helpers and CI runs may share one PostgreSQL server: ITKOOP_TEST_DB_NAME names the test database.
if os.environ.get("ITKOOP_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["ITKOOP_TEST_DB_NAME"]}
# Tests see the catalog of their own transaction at once and write no snapshots (tests that check them set a
# directory of their own).
ITKOOP_CATALOG_CACHE_DIR = ""
ITKOOP_CATALOG_BACKGROUND_REBUILD = False
