"""Shared fixtures. Django is imported lazily so the framework-free engine tests run without it."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# shared/spec beside the checkout (or beside its parent folder, for a git worktree under wt/)
SHARED_SPEC = next(
    (p / "shared" / "spec" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "spec").is_dir()),
    REPO.parent / "shared" / "spec",
)
MINI_CATALOG = REPO / "tests" / "data" / "mini-catalog.json"


# Fixtures through which a test reaches the test database (pytest-django's, and live_server's thread).
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def uses_test_database(item: pytest.Item) -> bool:
    """Whether a test's result can depend on which database the suite runs on: it opens the test database,
    or it is marked `database` (it reaches the suite's DATABASE_URL some other way, such as a subprocess)."""
    if item.get_closest_marker("django_db") or item.get_closest_marker("database"):
        return True
    return bool(DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    """`make test` runs the suite twice, on SQLite and on PostgreSQL. A test that touches no database (the
    engine, the scheduler, texts, subprocesses on an SQLite file of their own) gives the same result on both,
    so the PostgreSQL run leaves it to the SQLite run."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    kept = [item for item in items if uses_test_database(item)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_test_database(item)])
        items[:] = kept


@pytest.fixture
def mini_catalog_path() -> Path:
    return MINI_CATALOG


@pytest.fixture
def mini_catalog(db, mini_catalog_path):
    from itkoop.registry.catalog_io import import_catalog, read_catalog_file

    import_catalog(read_catalog_file(mini_catalog_path), attested_from_file=True)
    return mini_catalog_path


@pytest.fixture(autouse=True)
def _fresh_request_state():
    """Each test starts in German with an empty cache: a request to an /en/ page leaves English active in the
    thread, and rate limits and throttles live in the cache."""
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session", autouse=True)
def _private_media_in_tmp(tmp_path_factory):
    """Files the tests make (document PDFs) go to a temporary folder, never to the user's data folder."""
    from django.conf import settings

    if not settings.configured:
        yield
        return
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def threads_share_database():
    """Skip unless several threads can each open a real connection to the test database and wait for locks:
    PostgreSQL, or SQLite in a file (ITKOOP_TEST_DB_NAME=/tmp/x.sqlite3). Django's in-memory SQLite test
    database uses shared-cache table locks that fail at once instead of waiting."""
    from django.db import connection

    if connection.vendor == "sqlite":
        if connection.is_in_memory_db() or "mode=memory" in str(connection.settings_dict["NAME"]):
            pytest.skip(
                "in-memory SQLite test database cannot be shared by waiting threads; run with "
                "ITKOOP_TEST_DB_NAME=/tmp/some-file.sqlite3 or on PostgreSQL"
            )
    elif connection.vendor != "postgresql":
        pytest.skip(f"written for PostgreSQL and SQLite, not {connection.vendor}")
