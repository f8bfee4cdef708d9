"""Background jobs (Django tasks API, django-tasks-db backend): thin wrappers around services.

One task per document of a batch. Run workers with `python manage.py worker` (db_worker with
a heartbeat: it renews its documents' leases and takes up those of dead workers); several can
share one PostgreSQL.
"""

from __future__ import annotations

import os
import socket

from django_tasks import task

from newsdiff import services

# The name under which this process holds documents; `manage.py worker` sets its own.
WORKER_NAME = f"{socket.gethostname()}-{os.getpid()}"


@task()
def ingest_item_run(item_id: int) -> str:
    """Ingest one document of a batch; a transient failure queues it again, later."""
    outcome, retry_at = services.ingest_item_run(item_id=item_id, worker=WORKER_NAME)
    if outcome is services.ItemOutcome.RETRY and retry_at is not None:
        ingest_item_run.using(run_after=retry_at).enqueue(item_id)
    return outcome.value


@task()
def ingest_batch_run(batch_id: int) -> int:
    """A batch queued as one task (before one task per document): queue its pending
    documents one by one. Returns how many were queued."""
    item_ids = services.ingest_items_pending(batch_id=batch_id)
    ingest_items_enqueue(item_ids)
    return len(item_ids)


def ingest_items_enqueue(item_ids: list[int]) -> None:
    for item_id in item_ids:
        ingest_item_run.enqueue(item_id)


def ingest_items_recover() -> int:
    """Queue again the documents whose worker died; returns how many."""
    released = services.ingest_items_recover()
    ingest_items_enqueue(released)
    return len(released)
