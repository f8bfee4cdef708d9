"""manage.py worker: a background worker (django-tasks-db's db_worker) with a heartbeat.

Every HEARTBEAT_SECONDS a thread beside the worker records that it is alive (the upload page
reads it), renews the leases of the documents it is ingesting, and queues again the documents
of workers that died (their leases ran out, or their task shows running and nothing holds the
document). SIGTERM lets the current document finish;
a second SIGTERM stops at once.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from newsdiff import services, tasks

# A worker beats this often, and at least three times per lease (settings.INGEST_LEASE_SECONDS).
HEARTBEAT_SECONDS = 5

logger = logging.getLogger(__name__)


class Command(DbWorkerCommand):
    help = "Run a background worker that ingests uploaded documents (several may run at once)."

    def handle(self, *args: Any, **options: Any) -> None:
        host, pid = socket.gethostname(), os.getpid()
        name = f"{host}-{pid}-{options['worker_id'][:8]}"
        tasks.WORKER_NAME = name
        # The reloader would run the worker in a child process, without this heartbeat.
        options["reload"] = False
        interval = min(HEARTBEAT_SECONDS, settings.INGEST_LEASE_SECONDS / 3)
        stop = threading.Event()
        beat = threading.Thread(
            target=_heartbeat,
            kwargs={"name": name, "host": host, "pid": pid, "stop": stop, "interval": interval},
            name="newsdiff-heartbeat",
            daemon=True,
        )
        beat.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            beat.join(timeout=interval)
            services.worker_gone(name=name)


def _heartbeat(*, name: str, host: str, pid: int, stop: threading.Event, interval: float) -> None:
    started_at = timezone.now()
    try:
        while not stop.is_set():
            close_old_connections()
            try:
                services.worker_beat(name=name, host=host, pid=pid, started_at=started_at)
                recovered = tasks.ingest_items_recover()
                if recovered:
                    logger.warning("took up %s document(s) of a worker that stopped", recovered)
            except Exception:  # noqa: BLE001 - the next beat tries again
                logger.exception("worker heartbeat failed")
            stop.wait(interval)
    finally:
        connection.close()
