"""A real background worker (manage.py worker) ingests a 200-document batch on PostgreSQL,
while the progress endpoint is polled the way the batch page polls it.

PostgreSQL only: the worker is another process and must see the test database, which SQLite's
in-memory test database cannot offer.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from newsdiff.models import BatchStatus, IngestBatch, ItemStatus
from tests.builders import user_create_for_test

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

BASE_DIR = Path(__file__).resolve().parent.parent
DOCUMENTS = 200
TIMEOUT_SECONDS = 120
POLL_SECONDS = 0.1

# Generated articles: frames filled with made-up words, so that no two articles share enough
# wording to be aligned into one story (which would make every ingestion realign a big story).
EN_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "st",
]
EN_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
AR_CONSONANTS = list("بتثجحخدذرزسشصضطظعغفقكلمنهو")
AR_VOWELS = ["ا", "و", "ي", ""]
EN_FRAMES = [
    "{W} {w} said {w} {w} would {w} the {w} {w} by {n}.",
    "Residents of {W} {w} reported {n} {w} {w} near the {w}.",
    "{W} {w} and {W} {w} agreed to {w} {n} {w} {w}.",
    "According to {W} {w}, the {w} {w} {w} cost {n} {w}.",
]
AR_FRAMES = [
    "قال {w} {w} إن {w} {w} سوف {w} {w} {w} بحلول {n}.",
    "وأفاد سكان {w} {w} بوقوع {n} {w} {w} قرب {w}.",
    "واتفق {w} {w} و{w} {w} على {w} {n} {w} {w}.",
    "وبحسب {w} {w} فإن {w} {w} {w} كلف {n} {w}.",
]


def _word(rng: random.Random, *, arabic: bool) -> str:
    onsets, vowels = (AR_CONSONANTS, AR_VOWELS) if arabic else (EN_ONSETS, EN_VOWELS)
    return "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))


def generated_article(rng: random.Random, *, arabic: bool) -> str:
    """Three or four sentences of made-up English or Arabic news."""
    sentences = []
    for frame in rng.sample(AR_FRAMES if arabic else EN_FRAMES, rng.choice((3, 4))):
        words = iter(lambda: _word(rng, arabic=arabic), None)
        sentence = frame
        while "{W}" in sentence:
            sentence = sentence.replace("{W}", next(words).capitalize(), 1)
        while "{w}" in sentence:
            sentence = sentence.replace("{w}", next(words), 1)
        sentences.append(sentence.replace("{n}", str(rng.randint(2, 9999))))
    return "\n".join(sentences)


def _database_url() -> str:
    """The URL of the database this test runs on: pytest-django's test_<name> database."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{quote(db['NAME'], safe='')}"


def test_worker_ingests_a_large_batch_while_progress_is_polled(tmp_path: Path) -> None:
    client = Client()
    client.force_login(user_create_for_test(username="worker-admin", role="Admin"))
    rng = random.Random(20241007)
    texts = [generated_article(rng, arabic=bool(n % 2)) for n in range(DOCUMENTS)]
    assert len(set(texts)) == DOCUMENTS
    records = "\n".join(
        json.dumps({"text": text, "outlet": f"Wire {n % 7}"}, ensure_ascii=False)
        for n, text in enumerate(texts)
    )
    upload = SimpleUploadedFile("wire.jsonl", records.encode())
    response = client.post(reverse("upload"), {"files": [upload]})
    assert response.status_code == 302
    batch = IngestBatch.objects.get()
    # Above the threshold: queued for the workers (a task per document), nothing ingested
    # in the request.
    assert batch.status == BatchStatus.QUEUED and batch.total == DOCUMENTS
    assert DBTaskResult.objects.count() == DOCUMENTS

    progress_url = reverse("batch_progress", kwargs={"batch_id": batch.pk})
    seen = [client.get(progress_url).json()["percent"]]
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "worker",
            "--batch",
            "--no-startup-delay",
            "--interval",
            "0.2",
        ],  # fmt: skip
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": _database_url(),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        progress = {}
        while time.monotonic() < deadline:
            progress = client.get(progress_url).json()
            seen.append(progress["percent"])
            if progress["status"] == BatchStatus.FINISHED:
                break
            if worker.poll() is not None and progress["status"] != BatchStatus.FINISHED:
                progress = client.get(progress_url).json()
                break
            time.sleep(POLL_SECONDS)
        worker_log = (tmp_path / "worker.log").read_text()
        assert progress.get("status") == BatchStatus.FINISHED, (progress, worker_log[-3000:])
    finally:
        if worker.poll() is None:
            worker.terminate()
        worker.wait(timeout=30)
        log.close()

    assert progress == {
        "id": batch.pk,
        "status": "finished",
        "total": DOCUMENTS,
        "processed": DOCUMENTS,
        "percent": 100,
    }
    assert seen[0] == 0 and seen[-1] == 100
    assert seen == sorted(seen), "progress never goes backwards"
    intermediate = {p for p in seen if 0 < p < 100}
    assert len(intermediate) >= 3, seen
    statuses = list(batch.items.values_list("status", flat=True))
    assert statuses == [ItemStatus.INGESTED] * DOCUMENTS
    results = set(DBTaskResult.objects.values_list("status", "return_value"))
    assert results == {("SUCCESSFUL", "done")}
    # The batch page renders the finished report without the polling trigger.
    html = client.get(
        reverse("batch_detail", kwargs={"batch_id": batch.pk}), headers={"HX-Request": "true"}
    ).content.decode()
    assert (
        "hx-trigger" not in html
        and html.count('class="batch-item batch-item--ingested"') == DOCUMENTS
    )
