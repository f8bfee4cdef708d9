"""Ingestion under concurrency and faults, on PostgreSQL, with real processes.

- 4 `manage.py ingest` processes (overlapping files: every article is given twice) and 2
  workers on a 20-document batch, all at once, into one story: every article stored once,
  one story, no error, and links equal to those of a fresh full realignment (and they keep
  their ids through it).
- A worker killed with SIGKILL mid-batch: another worker takes its document up once the
  lease runs out, and finishes the batch.
- SIGTERM: the worker finishes its current document and stops; another does the rest.

PostgreSQL only: the processes must share the test database.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from newsdiff import services, tasks
from newsdiff.models import Article, BatchStatus, ClaimLink, IngestBatch, ItemStatus, Story
from newsdiff.readers import Document
from tests.test_worker import BASE_DIR, _database_url, generated_article

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

TIMEOUT_SECONDS = 180
# Short leases, so that a killed worker's document is taken up within seconds.
LEASE_SECONDS = 3

# One made-up event, told by many outlets: each article tells five of these facts, in its
# own order, with a line of its own and its outlet's copyright line.
BRIDGE_FACTS = [
    "The Marlowe Street bridge in Portsville collapsed on Tuesday morning during the rush hour.",
    "At least 12 people were killed when the Marlowe Street bridge fell into the Tamsin River.",
    "Rescue teams pulled 31 survivors from the water near the collapsed Marlowe Street bridge.",
    "Portsville mayor Elena Varga said the bridge had been inspected in March.",
    "The Marlowe Street bridge carried about 40,000 vehicles a day across the Tamsin River.",
    "Engineers from the state transport agency will examine the ruins of the Marlowe bridge.",
    "Governor Tom Adeyemi declared a state of emergency in Portsville after the collapse.",
    "Divers searched the Tamsin River for the missing until late on Tuesday in Portsville.",
]


def bridge_articles(count: int, *, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "\n".join(
            [
                *rng.sample(BRIDGE_FACTS, 5),
                f"Correspondent {seed}-{n} filed this account from the river bank in Portsville.",
                f"© 2025 Portsville Desk {n % 6}. All rights reserved.",
            ]
        )
        for n in range(count)
    ]


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "INGEST_LEASE_SECONDS": str(LEASE_SECONDS),
    }


def _spawn(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=_environment(),
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def _worker(log: Path, *, batch: bool = False) -> subprocess.Popen[bytes]:
    flags = ["--no-startup-delay", "--interval", "0.2", *(["--batch"] if batch else [])]
    return _spawn(["worker", *flags], log)


def _batch(texts: list[str], *, outlet: str = "") -> IngestBatch:
    batch = services.ingest_batch_create(
        documents=[
            Document(source=f"doc-{n}.txt", text=text, outlet=outlet or f"Batch Desk {n % 5}")
            for n, text in enumerate(texts)
        ]
    )
    tasks.ingest_items_enqueue(list(batch.items.order_by("position").values_list("id", flat=True)))
    return batch


def _wait_batch(batch: IngestBatch, *, until: float) -> IngestBatch:
    while time.monotonic() < until:
        batch.refresh_from_db()
        if batch.status not in (BatchStatus.QUEUED, BatchStatus.RUNNING):
            return batch
        time.sleep(0.2)
    raise AssertionError(f"batch {batch.pk} did not end: {batch.processed}/{batch.total}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    process.wait(timeout=30)


def _links() -> dict[tuple[int, int], tuple[int, str, str, float]]:
    return {
        (a, b): (pk, relation, reason, score)
        for pk, a, b, relation, reason, score in ClaimLink.objects.values_list(
            "id", "claim_a_id", "claim_b_id", "relation", "reason", "score"
        )
    }


def test_concurrent_processes_and_workers_give_the_result_of_one(tmp_path: Path) -> None:
    texts = bridge_articles(40, seed=1)
    for n, text in enumerate(texts):
        (tmp_path / f"article-{n:02}.txt").write_text(text, encoding="utf-8")
    batch = _batch(bridge_articles(20, seed=2))

    processes = []
    for k in range(4):
        # Process k takes 20 files from the k-th tenth on: each file goes to two processes.
        files = [str(tmp_path / f"article-{(10 * k + i) % 40:02}.txt") for i in range(20)]
        processes.append(_spawn(["ingest", *files], tmp_path / f"ingest-{k}.log"))
    workers = [_worker(tmp_path / f"worker-{k}.log", batch=True) for k in range(2)]
    deadline = time.monotonic() + TIMEOUT_SECONDS
    try:
        for process in processes:
            assert process.wait(timeout=max(1, deadline - time.monotonic())) == 0
        _wait_batch(batch, until=deadline)
    finally:
        for process in [*processes, *workers]:
            _stop(process)
    logs = "".join(log.read_text() for log in tmp_path.glob("*.log"))
    assert "Traceback" not in logs and "Error" not in logs, logs[-3000:]

    assert batch.status == BatchStatus.FINISHED
    assert set(batch.items.values_list("status", flat=True)) == {ItemStatus.INGESTED}
    # Every article once: 40 files (each given twice) and 20 documents, one story.
    assert Article.objects.count() == 60
    assert Story.objects.count() == 1
    stored = list(Article.objects.values_list("content_hash", "outlet_id"))
    assert len(set(stored)) == len(stored)

    before = _links()
    assert before
    services.story_realign(story=Story.objects.get())
    assert _links() == before


def _signalled_mid_batch(
    tmp_path: Path, batch: IngestBatch, *, after: int, signum: int, deadline: float
) -> subprocess.Popen[bytes]:
    """A worker on the batch, sent signum once it has done `after` documents."""
    first = _worker(tmp_path / "first.log")
    while batch.processed < after and time.monotonic() < deadline:
        time.sleep(0.05)
        batch.refresh_from_db()
    first.send_signal(signum)
    return first


def test_killed_worker_document_is_taken_up_by_another(tmp_path: Path) -> None:
    rng = random.Random(7)
    batch = _batch([generated_article(rng, arabic=bool(n % 2)) for n in range(16)])
    deadline = time.monotonic() + TIMEOUT_SECONDS
    first = _signalled_mid_batch(tmp_path, batch, after=3, signum=signal.SIGKILL, deadline=deadline)
    second = None
    try:
        first.wait(timeout=30)
        second = _worker(tmp_path / "second.log")
        _wait_batch(batch, until=deadline)
    finally:
        for process in (first, second):
            if process is not None:
                _stop(process)
    assert batch.status == BatchStatus.FINISHED, (tmp_path / "second.log").read_text()[-2000:]
    items = list(batch.items.values_list("status", "article_id"))
    assert {status for status, _ in items} == {ItemStatus.INGESTED}
    assert len({article for _, article in items}) == 16 == Article.objects.count()


def test_sigterm_finishes_the_current_document_only(tmp_path: Path) -> None:
    rng = random.Random(8)
    batch = _batch([generated_article(rng, arabic=bool(n % 2)) for n in range(16)])
    deadline = time.monotonic() + TIMEOUT_SECONDS
    first = _signalled_mid_batch(tmp_path, batch, after=2, signum=signal.SIGTERM, deadline=deadline)
    second = None
    try:
        assert first.wait(timeout=60) == 0
        # It stopped after the document it held: none is left held, and some wait.
        batch.refresh_from_db()
        held = batch.items.filter(status=ItemStatus.PENDING, lease_until__isnull=False)
        assert not held.exists()
        assert batch.processed < 16
        second = _worker(tmp_path / "second.log")
        _wait_batch(batch, until=deadline)
    finally:
        for process in (first, second):
            if process is not None:
                _stop(process)
    assert batch.status == BatchStatus.FINISHED
    assert set(batch.items.values_list("status", flat=True)) == {ItemStatus.INGESTED}
    assert Article.objects.count() == 16
