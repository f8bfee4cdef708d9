"""Background jobs (Django tasks API, django-tasks-db backend): thin wrappers around services.

One task per document of a batch. Run workers with `python manage.py worker` (db_worker with
a heartbeat: it renews its documents' leases and takes up those of dead workers); several can
share one PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
import socket

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from newsdiff import services

# The name under which this process holds documents; `manage.py worker` sets its own.
WORKER_NAME = f"{socket.gethostname()}-{os.getpid()}"


@task()
def ingest_item_run(item_id: int) -> str:
    """Ingest one document of a batch; a transient failure queues it again, later."""
    outcome, retry_at = services.ingest_item_run(item_id=item_id, worker=WORKER_NAME)
    if outcome is services.ItemOutcome.RETRY and retry_at is not None:
        result = ingest_item_run.using(run_after=retry_at).enqueue(item_id)
        services.ingest_item_queued(item_id=item_id, task_id=result.id)
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
        result = ingest_item_run.enqueue(item_id)
        services.ingest_item_queued(item_id=item_id, task_id=result.id)


def ingest_items_recover() -> int:
    """Queue again the documents whose worker died; returns how many.

    A worker can die holding a document (its lease runs out and is released here), or
    between taking the document's task and holding the document: then only the task table
    shows it, a task marked running that nothing runs. So every pending document that no
    worker holds and no live task is to run is queued again."""
    released = services.ingest_items_recover()
    backend = task_backends[ingest_item_run.backend]
    if not isinstance(backend, DatabaseBackend):
        # No task table to read: queue what was released.
        ingest_items_enqueue(released)
        return len(released)
    # A task that has been running longer than a lease without holding its document
    # belongs to a dead worker (holding it is the first thing a task does).
    cutoff = timezone.now() - dt.timedelta(seconds=settings.INGEST_LEASE_SECONDS)
    running = Q(status=TaskResultStatus.RUNNING, started_at__gte=cutoff)
    live = DBTaskResult.objects.filter(Q(status=TaskResultStatus.READY) | running).values("id")
    orphaned = services.ingest_items_orphaned(live_tasks=live, older_than=cutoff)
    ingest_items_enqueue(orphaned)
    return len(orphaned)
