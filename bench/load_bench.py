"""A bounded load run on loopback while a worker ingests a batch, then batch throughput.

    .venv/bin/python bench/load_bench.py [--clients 20] [--documents 100]

Needs the 10,000-article PostgreSQL data set of bench/views_bench.py (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/newsdiff_bench; run views_bench.py once first). Adds, once,
a 100-article story ingested through the engine (made-up articles of one event). Then:

1. Serves newsdiff with gunicorn (2 workers, DEBUG off) and starts one `manage.py worker`;
   queues a batch of --documents new articles of that event into the 100-article story, and
   while the worker ingests it, --clients threads request the story list, a search, the big
   story's page and partials, a small story and a claim panel in a loop. Prints requests/s,
   p50/p95/p99 latency, errors (anything but HTTP 200) and the batch's time.
2. Batch throughput without load: another batch of --documents, with 1 and then 2 workers,
   in documents/s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsdiff_bench"
PORT = 8767
STORY_SLUG = "bench-load-event"
STORY_ARTICLES = 100
BENCH_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-" + "x" * 60,
    "ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SETTINGS_MODULE": "newsdiff.settings",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
}


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def story_ensure() -> None:
    """The 100-article story, ingested through the engine once."""
    from newsdiff import services
    from newsdiff.models import Story
    from tests.test_reliability import bridge_articles

    story = Story.objects.filter(slug=STORY_SLUG).first()
    have = story.articles.count() if story else 0
    if have >= STORY_ARTICLES:
        return
    start = time.perf_counter()
    for n, text in enumerate(bridge_articles(STORY_ARTICLES, seed=100)[have:], start=have):
        services.article_ingest(raw_text=text, story_slug=STORY_SLUG, source=f"load-{n}.txt")
    print(f"built the {STORY_ARTICLES}-article story in {time.perf_counter() - start:.0f} s")


def batch_queue(documents: int, seed: int) -> int:
    from newsdiff import services, tasks
    from newsdiff.readers import Document
    from tests.test_reliability import bridge_articles

    texts = bridge_articles(documents, seed=seed)
    batch = services.ingest_batch_create(
        documents=[Document(source=f"batch-{seed}-{n}.txt", text=t) for n, t in enumerate(texts)],
        story_slug=STORY_SLUG,
    )
    tasks.ingest_items_enqueue(list(batch.items.values_list("id", flat=True)))
    return batch.pk


def batch_wait(batch_id: int) -> float:
    from newsdiff.models import BatchStatus, IngestBatch

    start = time.perf_counter()
    while True:
        batch = IngestBatch.objects.get(pk=batch_id)
        if batch.status not in (BatchStatus.QUEUED, BatchStatus.RUNNING):
            if batch.status != BatchStatus.FINISHED:
                print(f"batch {batch_id} ended {batch.status}")
            return time.perf_counter() - start
        time.sleep(0.2)


def batch_undo(batch_id: int) -> None:
    """Take a batch's articles out again and realign the story, so that every run starts
    from the same 100-article story."""
    from newsdiff import services
    from newsdiff.models import Article, IngestBatch, Story

    batch = IngestBatch.objects.get(pk=batch_id)
    Article.objects.filter(pk__in=batch.items.values("article_id")).delete()
    services.story_realign(story=Story.objects.get(slug=STORY_SLUG))


def workers_start(count: int, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "worker",
                "--no-startup-delay",
                "--interval",
                "0.2",
                "--verbosity",
                "0",
            ],
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        for _ in range(count)
    ]


def processes_stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=60)


def screens(base: str) -> list[tuple[str, bool]]:
    from newsdiff.models import Claim, Story

    small = Story.objects.exclude(slug=STORY_SLUG).order_by("id").values_list("slug", flat=True)
    claim = Claim.objects.filter(article__story__slug=STORY_SLUG).order_by("id").first()
    assert claim is not None
    return [
        (f"{base}/", False),
        (f"{base}/?q=%D8%B5%D9%81%D9%82%D8%A9", False),
        (f"{base}/stories/{STORY_SLUG}/", False),
        (f"{base}/stories/{STORY_SLUG}/?tab=contradictions", True),
        (f"{base}/stories/{STORY_SLUG}/?tab=agreements", True),
        (f"{base}/stories/{small[100]}/", False),
        (f"{base}/claims/{claim.pk}/", True),
    ]


def load_run(urls: list[tuple[str, bool]], cookie: str, clients: int, stop: threading.Event):
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(seed: int) -> None:
        rng = random.Random(seed)
        while not stop.is_set():
            url, htmx = rng.choice(urls)
            headers = {"Cookie": cookie, **({"HX-Request": "true"} if htmx else {})}
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(
                    urllib.request.Request(url, headers=headers), timeout=60
                ) as response:
                    response.read()
                    ok = response.status == 200
                    problem = "" if ok else f"{response.status} {url}"
            except (urllib.error.URLError, OSError) as exc:
                problem = f"{exc} {url}"
            elapsed = time.perf_counter() - start
            with lock:
                times.append(elapsed * 1000)
                if problem:
                    errors.append(problem)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    return threads, times, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--documents", type=int, default=100)
    args = parser.parse_args()
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.update(BENCH_ENV)
    env = {**os.environ}

    import django

    django.setup()
    from django.core.management import call_command

    from bench.views_http_bench import editor_session_cookie
    from newsdiff.models import Article, Story

    call_command("migrate", verbosity=0)
    if Article.objects.count() < 10_000:
        sys.exit(f"{url} holds fewer than 10,000 articles: run bench/views_bench.py first")
    story_ensure()
    # Earlier runs' batches out: every run starts from the 100-article story.
    story = Story.objects.get(slug=STORY_SLUG)
    Article.objects.filter(story=story).exclude(
        pk__in=Article.objects.filter(story=story).order_by("id")[:STORY_ARTICLES].values("pk")
    ).delete()
    print(f"database: {Article.objects.count():,} articles")
    cookie = editor_session_cookie()
    base = f"http://127.0.0.1:{PORT}"
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "newsdiff.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}",
         "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/accounts/login/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        urls = screens(base)
        batch_id = batch_queue(args.documents, seed=int(time.time()))
        stop = threading.Event()
        threads, times, errors = load_run(urls, cookie, args.clients, stop)
        start = time.perf_counter()
        workers = workers_start(1, env)
        batch_seconds = batch_wait(batch_id)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        processes_stop(workers)
        batch_undo(batch_id)
    finally:
        server.terminate()
        server.wait(timeout=30)
    ordered = sorted(times)
    print(
        f"load: gunicorn 2 workers, {args.clients} clients on loopback, while 1 worker ingested "
        f"{args.documents} documents into a {STORY_ARTICLES}-article story"
    )
    print(
        f"  {len(times)} requests in {elapsed:.1f} s: {len(times) / elapsed:.1f} req/s, "
        f"p50 {statistics.median(ordered):.0f} ms, p95 {percentile(ordered, 0.95):.0f} ms, "
        f"p99 {percentile(ordered, 0.99):.0f} ms, errors {len(errors)}"
    )
    for problem in errors[:5]:
        print(f"  error: {problem}")
    print(f"  the batch took {batch_seconds:.1f} s ({args.documents / batch_seconds:.2f} docs/s)")

    for count in (1, 2):
        batch_id = batch_queue(args.documents, seed=int(time.time()) + count)
        workers = workers_start(count, env)
        seconds = batch_wait(batch_id)
        processes_stop(workers)
        batch_undo(batch_id)
        print(
            f"batch of {args.documents} into the story, {count} worker(s), no load: "
            f"{seconds:.1f} s, {args.documents / seconds:.2f} docs/s"
        )


if __name__ == "__main__":
    main()
