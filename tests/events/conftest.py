import pytest
from django.db import connection


@pytest.fixture
def threads_share_database():
    """Skip unless several threads can each open a real connection to the test database and wait for locks:
    PostgreSQL, or SQLite in a file (ITKOOP_TEST_DB_NAME=/tmp/x.sqlite3). Django's in-memory SQLite test
    database uses shared-cache table locks that fail at once instead of waiting."""
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db() or "mode=memory" in str(connection.settings_dict["NAME"]):
            pytest.skip(
                "in-memory SQLite test database cannot be shared by waiting threads; run with "
                "ITKOOP_TEST_DB_NAME=/tmp/some-file.sqlite3 or on PostgreSQL"
            )
    elif connection.vendor != "postgresql":
        pytest.skip(f"written for PostgreSQL and SQLite, not {connection.vendor}")
