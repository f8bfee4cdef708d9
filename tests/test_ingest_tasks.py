"""One task per document: leases, retries on transient errors, recorded failures, batch ends."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsdiff import services, tasks
from newsdiff.models import Article, BatchStatus, IngestItem, ItemStatus
from newsdiff.readers import Document

pytestmark = pytest.mark.django_db

TEXTS = [
    "The harbour authority of Port Anselm closed the north quay on Monday after a crane fell.\n"
    "Two workers were taken to hospital with minor injuries, the authority said.",
    "A new ferry line between Port Anselm and the island of Varro opens in June.\n"
    "Tickets for the crossing will cost twelve euros for adults, the operator said.",
]


def _batch(texts: list[str] = TEXTS):
    return services.ingest_batch_create(
        documents=[
            Document(source=f"{n}.txt", text=text, outlet=f"Desk {n}")
            for n, text in enumerate(texts)
        ]
    )


def _items(batch) -> list[IngestItem]:
    return list(batch.items.order_by("position"))


def test_a_transient_error_is_retried_later_and_then_succeeds() -> None:
    batch = _batch()
    first, second = _items(batch)
    with mock.patch.object(
        services, "article_ingest", side_effect=OperationalError("connection lost")
    ):
        outcome, retry_at = services.ingest_item_run(item_id=first.pk, worker="w1")
    assert outcome is services.ItemOutcome.RETRY and retry_at is not None
    first.refresh_from_db()
    # Still pending, held until the retry, with what happened.
    assert first.status == ItemStatus.PENDING and first.lease_until == retry_at
    assert "attempt 1 failed: connection lost" in first.message
    # Before its time no worker takes it; once the lease has run out, one does.
    assert services.ingest_item_run(item_id=first.pk, worker="w2")[0] is (
        services.ItemOutcome.SKIPPED
    )
    IngestItem.objects.filter(pk=first.pk).update(lease_until=timezone.now())
    assert services.ingest_item_run(item_id=first.pk, worker="w2")[0] is services.ItemOutcome.DONE
    services.ingest_item_run(item_id=second.pk, worker="w2")
    first.refresh_from_db()
    batch.refresh_from_db()
    assert first.status == ItemStatus.INGESTED and first.attempts == 2
    assert batch.status == BatchStatus.FINISHED and batch.processed == 2


def test_a_document_that_fails_every_attempt_is_recorded_and_the_batch_goes_on() -> None:
    batch = _batch()
    first, second = _items(batch)
    with mock.patch.object(
        services, "article_ingest", side_effect=OperationalError("deadlock detected")
    ):
        for _ in range(services.INGEST_MAX_ATTEMPTS):
            IngestItem.objects.filter(pk=first.pk).update(lease_until=None)
            services.ingest_item_run(item_id=first.pk, worker="w1")
    services.ingest_item_run(item_id=second.pk, worker="w1")
    first.refresh_from_db()
    batch.refresh_from_db()
    assert first.status == ItemStatus.FAILED
    assert first.message.startswith("failed after 3 attempt(s): OperationalError")
    assert Article.objects.count() == 1
    # Done, with one failure: the report says which and why.
    assert batch.status == BatchStatus.WITH_FAILURES and batch.processed == 2


def test_an_unexpected_error_is_a_failure_of_that_document_only() -> None:
    batch = _batch()
    first, second = _items(batch)
    with mock.patch.object(services, "article_ingest", side_effect=KeyError("boom")):
        services.ingest_item_run(item_id=first.pk, worker="w1")
    services.ingest_item_run(item_id=second.pk, worker="w1")
    first.refresh_from_db()
    assert first.status == ItemStatus.FAILED and "KeyError" in first.message
    assert _items(batch)[1].status == ItemStatus.INGESTED


def test_a_worker_killed_before_recording_its_document_leaves_no_article() -> None:
    """The article and its document's record commit together: the document taken up again
    is ingested, not found stored by the first attempt and recorded as a duplicate."""
    batch = _batch()
    first, second = _items(batch)
    with (
        mock.patch.object(services, "_item_record", side_effect=SystemExit("killed")),
        pytest.raises(SystemExit),
    ):
        services.ingest_item_run(item_id=first.pk, worker="w1")
    assert not Article.objects.exists()
    IngestItem.objects.filter(pk=first.pk).update(lease_until=timezone.now())
    services.ingest_item_run(item_id=first.pk, worker="w2")
    services.ingest_item_run(item_id=second.pk, worker="w2")
    assert {item.status for item in _items(batch)} == {ItemStatus.INGESTED}
    assert Article.objects.count() == 2


def test_a_document_taken_up_by_another_worker_meanwhile_is_left_to_it() -> None:
    """A worker whose lease ran out while it worked finds its document held by another
    (its record changes nothing): it stores no article, the other worker ingests it."""
    batch = _batch()
    first, _ = _items(batch)
    with mock.patch.object(services, "_item_record", return_value=False):
        services.ingest_item_run(item_id=first.pk, worker="w1")
    assert not Article.objects.exists()
    first.refresh_from_db()
    assert first.status == ItemStatus.PENDING


def test_documents_of_a_dead_worker_are_released_once_its_lease_runs_out() -> None:
    batch = _batch()
    first, _ = _items(batch)
    assert services.ingest_item_claim(item_id=first.pk, worker="dead") is not None
    # Its lease is live: nothing to recover, and nobody else may take the document.
    assert services.ingest_items_recover() == []
    assert services.ingest_item_claim(item_id=first.pk, worker="other") is None
    IngestItem.objects.filter(pk=first.pk).update(
        lease_until=timezone.now() - dt.timedelta(seconds=1)
    )
    assert services.ingest_items_recover() == [first.pk]
    first.refresh_from_db()
    assert first.worker == "" and first.lease_until is None and first.attempts == 1


def test_a_live_worker_renews_its_leases_and_is_seen() -> None:
    batch = _batch()
    first, _ = _items(batch)
    services.ingest_item_claim(item_id=first.pk, worker="w1")
    before = IngestItem.objects.get(pk=first.pk).lease_until
    services.worker_beat(name="w1", host="h", pid=1, started_at=timezone.now())
    assert IngestItem.objects.get(pk=first.pk).lease_until >= before
    assert services.workers_alive(within=dt.timedelta(seconds=30)) == 1
    services.worker_gone(name="w1")
    assert services.workers_alive(within=dt.timedelta(seconds=30)) == 0


def test_a_batch_of_refused_documents_only_ends_failed_at_once() -> None:
    batch = services.ingest_batch_create(
        documents=[Document(source="a.pdf", error="not a text file (a PDF document)")]
    )
    assert batch.status == BatchStatus.FAILED and batch.processed == 1


def _task_of(item: IngestItem) -> DBTaskResult:
    item.refresh_from_db()
    return DBTaskResult.objects.get(pk=item.task_id)


def test_a_document_whose_worker_died_before_holding_it_is_queued_again(settings) -> None:
    batch = _batch()
    first, second = _items(batch)
    tasks.ingest_items_enqueue([first.pk, second.pk])
    queued = _task_of(first)
    assert queued.status == TaskResultStatus.READY
    # Queued and waiting: nothing to take up.
    assert tasks.ingest_items_recover() == 0
    # A worker took the first task and died before it held the document: the task reads
    # "running" for longer than a lease, and the document has no lease.
    long_ago = timezone.now() - dt.timedelta(seconds=2 * settings.INGEST_LEASE_SECONDS)
    DBTaskResult.objects.filter(pk=queued.pk).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=["dead"]
    )
    assert tasks.ingest_items_recover() == 1
    again = _task_of(first)
    assert again.pk != queued.pk and again.status == TaskResultStatus.READY
    assert again.args_kwargs["args"] == [first.pk]
    # Queued once: the next beat finds its new task waiting.
    assert tasks.ingest_items_recover() == 0


def test_a_task_that_just_started_is_left_to_its_worker(settings) -> None:
    first, _ = _items(_batch())
    tasks.ingest_items_enqueue([first.pk])
    DBTaskResult.objects.filter(pk=_task_of(first).pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )
    assert tasks.ingest_items_recover() == 0


def test_a_task_that_failed_before_holding_its_document_is_queued_again() -> None:
    first, _ = _items(_batch())
    tasks.ingest_items_enqueue([first.pk])
    DBTaskResult.objects.filter(pk=_task_of(first).pk).update(status=TaskResultStatus.FAILED)
    assert tasks.ingest_items_recover() == 1
    assert _task_of(first).status == TaskResultStatus.READY


def test_a_retry_waiting_for_its_time_is_not_queued_twice() -> None:
    first, _ = _items(_batch())
    tasks.ingest_items_enqueue([first.pk])
    with mock.patch.object(
        services, "article_ingest", side_effect=OperationalError("connection lost")
    ):
        assert tasks.ingest_item_run.call(first.pk) == "retry"
    retry = _task_of(first)
    assert retry.status == TaskResultStatus.READY and retry.run_after > timezone.now()
    # The lease that held it until the retry runs out: it is released, and its queued
    # retry is the one task that will run it.
    IngestItem.objects.filter(pk=first.pk).update(
        lease_until=timezone.now() - dt.timedelta(seconds=1)
    )
    assert tasks.ingest_items_recover() == 0
    first.refresh_from_db()
    assert first.lease_until is None and first.task_id == retry.pk


def test_a_batch_never_queued_is_queued_once_it_is_old(settings) -> None:
    batch = _batch()
    # The web process died between storing the batch and queuing its documents.
    assert tasks.ingest_items_recover() == 0
    batch.created_at = timezone.now() - dt.timedelta(seconds=2 * settings.INGEST_LEASE_SECONDS)
    batch.save(update_fields=["created_at"])
    assert tasks.ingest_items_recover() == 2
    assert all(_task_of(item).status == TaskResultStatus.READY for item in _items(batch))
