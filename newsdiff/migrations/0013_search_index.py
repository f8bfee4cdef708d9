"""Full-text search indexes on Claim.normalized for the story search, PostgreSQL only.

One GIN index per text-search configuration the search uses (selectors/stories.py:
"arabic" for an Arabic query, "english" for a Latin one), each on exactly the expression
the query compares, SearchVector("normalized", config=...), so that the planner uses it.
The trigram index of 0004 keeps serving substrings and the name-key regexes.
"""

from django.db import migrations

CONFIGS = ("arabic", "english")


def _name(config):
    return f"newsdiff_claim_fts_{config}"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in CONFIGS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_name(config)} ON newsdiff_claim USING gin "
            f"(to_tsvector('{config}'::regconfig, COALESCE(normalized, '')))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in CONFIGS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(config)}")


class Migration(migrations.Migration):
    dependencies = [("newsdiff", "0012_story_edit")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
