"""The catalog search at scale: a stored search vector on PostgreSQL and name indexes for the result order.

PostgreSQL: `search_vector` is a generated column ``to_tsvector('simple', search_document)``, and the GIN
indexes of migration 0002 move from that expression to the column (same names). Ranking reads the vector of
every hit: computed from the text that cost about 90 microseconds per row (1.8 s for a word in a third of
60,000 solutions), stored it is read. The column is not a model field: Django never selects or writes it (the
bulk import's COPY names its columns), the database keeps it equal to the document. It stays in the row
(STORAGE MAIN): filtering a row by it then reads no TOAST table.

Both databases: an index on (name, id), the order of the results, so that a page of a large result is read
in order instead of sorting every hit."""

from django.db import migrations, models

TABLES = {
    "registry_company": "registry_company_search_gin",
    "registry_solution": "registry_solution_search_gin",
}


def add_stored_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index in TABLES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        # STORAGE MAIN: the vector stays in the row (compressed if need be), the text goes out of it first.
        # Out of line, each row the planner filters by `@@` (it takes that for cheap) costs a TOAST fetch:
        # 10-15 microseconds, 100 ms for a word with a hub and a capability.
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_document)) STORED, "
            "ALTER COLUMN search_vector SET STORAGE MAIN"
        )
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin (search_vector)")


def drop_stored_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, index in TABLES.items():
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")  # drops its index
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} "
            "USING gin (to_tsvector('simple'::regconfig, search_document))"
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_company_contact")]
    operations = [
        migrations.RunPython(add_stored_vectors, drop_stored_vectors),
        migrations.AddIndex(
            model_name="company",
            index=models.Index(fields=["name", "id"], name="registry_company_name_order"),
        ),
        migrations.AddIndex(
            model_name="solution",
            index=models.Index(fields=["name", "id"], name="registry_solution_name_order"),
        ),
    ]
