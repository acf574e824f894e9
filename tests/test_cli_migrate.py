"""Commands migrate a new or older database and leave an up-to-date one alone; whether it is up to date is
read from the migration files' names, without importing every migration (a short command's start), and
agrees with Django's migration plan."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from itkoop import cli

pytestmark = pytest.mark.django_db


def _plan() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def test_the_migrated_test_database_is_up_to_date():
    assert _plan() == []
    assert cli._migrations_all_applied()


@pytest.mark.parametrize("app_label", ["labels", "registry", "auth"])
def test_one_migration_not_recorded_makes_the_database_behind(app_label):
    recorder = MigrationRecorder(connection)
    latest = max(name for app, name in recorder.applied_migrations() if app == app_label)
    recorder.record_unapplied(app_label, latest)  # undone with the test's transaction
    assert [(m.app_label, m.name) for m, _backwards in _plan()] == [(app_label, latest)]
    assert not cli._migrations_all_applied()
