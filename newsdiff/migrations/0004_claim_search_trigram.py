"""A trigram index on Claim.normalized for story search (LIKE '%needle%'), PostgreSQL only.

Needs the pg_trgm extension; where the database user may not create it, the index is left
out and search still works, only slower.
"""

from django.db import migrations

INDEX = "newsdiff_claim_normalized_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is None:
            try:
                cursor.execute("SAVEPOINT trgm")
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                cursor.execute("RELEASE SAVEPOINT trgm")
            except Exception:  # no privilege: search falls back to a sequential scan
                cursor.execute("ROLLBACK TO SAVEPOINT trgm")
                return
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON newsdiff_claim "
            "USING gin (normalized gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("newsdiff", "0003_review_reviewer_blank")]

    operations = [migrations.RunPython(create_index, drop_index)]
