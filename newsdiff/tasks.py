"""Background jobs (Django tasks API, django-tasks-db backend): thin wrappers around services.

Run workers with `python manage.py db_worker`; several can share one PostgreSQL.
"""

from __future__ import annotations

from django_tasks import task

from newsdiff import services


@task()
def ingest_batch_run(batch_id: int) -> int:
    """Ingest a batch's pending documents; returns how many documents it holds."""
    return services.ingest_batch_process(batch_id=batch_id).total
