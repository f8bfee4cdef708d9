"""Room on every page of the claim table for its verdicts to change in place, PostgreSQL only.

Every ingest decides the story's verdicts again and writes the claims whose verdict changed
(services.story_verdicts_store): most of a growing story's claims, each time. PostgreSQL
writes a changed row as a new version; on a full page that version goes to another page, and
every index of the table (the trigram and two full-text GIN indexes on the claim's text among
them) takes a new entry, though no indexed column changed. With a page 70% full, the new
version stays on its page and no index is touched (a "HOT" update). bench/ingest_bench.py on
PostgreSQL, 100 articles of one story: 48% of the claim updates were HOT and 23,451 dead row
versions were left; with this, 99% and 2,071, and the 101st article took 0.55 s instead of 1.21
s (both runs on one loaded machine). Pages written before keep their fill until the table is
rewritten (VACUUM FULL, at a quiet time).
"""

from django.db import migrations

FILLFACTOR = 70


def _claim_table_alter(apps, schema_editor, change):
    """ALTER TABLE on the claim table with change, on PostgreSQL (a no-op elsewhere)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("newsdiff", "Claim")._meta.db_table
    schema_editor.execute(f"ALTER TABLE {table} {change}")


def fill_pages(apps, schema_editor):
    _claim_table_alter(apps, schema_editor, f"SET (fillfactor = {FILLFACTOR})")


def fill_pages_whole(apps, schema_editor):
    _claim_table_alter(apps, schema_editor, "RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [("newsdiff", "0016_article_claims_revision")]

    operations = [migrations.RunPython(fill_pages, fill_pages_whole)]
