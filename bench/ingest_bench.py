"""Ingestion speed through the services, end to end (clean, facts, alignment, relations,
verdicts, database writes), on a throw-away SQLite or PostgreSQL database.

    .venv/bin/python bench/ingest_bench.py [--articles 100] [--large 500] [--claims 40]

With DATABASE_URL set (a PostgreSQL database it may fill), it runs there instead.

Prints:
- the time of the first article a fresh process ingests, which reads the models (the sentence
  encoder, the relation model) before anything else; the runs below start after it, as in a
  running worker or an ``ingest`` of many files;
- the throughput of ingesting ``--articles`` seed-sized articles of one story one by one
  (articles/s), and the time of the next one (the 101st into a 100-article story), end to end;
- the same number of other articles of one story ingested by ``--workers`` processes at once,
  as that many task workers ingest a batch: each analyses and encodes its document outside any
  lock, in parallel, and the writes into the story take turns (articles/s, wall clock from the
  first document to the last; each process has read its models before the clock starts, as a
  running worker has);
- a full realignment of that story;
- a ``--large`` x ``--claims`` story (synthetic claims stored directly, as bench/align_bench.py
  builds them) fully realigned: the time of story_realign on it.

Articles are made from the two seed articles' sentences (shuffled, figures varied), so that they
are seed-sized (about 3,500 characters) and tell one story.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEEDS = ROOT / "fixtures" / "seeds"


def _setup_django(*, migrate: bool = True) -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'ingest.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def seed_sentences() -> list[str]:
    from newsdiff.pipeline import analyse_article

    sentences: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        sentences.extend(c.text for c in analyse_article(path.read_text(encoding="utf-8")).claims)
    return sentences


def article_text(sentences: list[str], rng: random.Random, n: int) -> str:
    """A seed-sized article: seed sentences in another order, one figure changed, and a
    line that makes the text its own."""
    chosen = rng.sample(sentences, k=min(len(sentences), 30))
    body = []
    for sentence in chosen:
        if rng.random() < 0.1:
            sentence = sentence.replace("10", str(rng.choice([10, 12, 15])), 1)
        body.append(sentence)
    body.append(f"وتابعت الوكالة رقم {n} تغطية هذه القضية منذ بدايتها.")
    return "\n".join(body)


def timed(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:<58} {seconds:8.2f} s {extra}")


def bench_story(n_articles: int) -> None:
    from newsdiff import services
    from newsdiff.models import Story

    rng = random.Random(7)
    sentences = seed_sentences()
    texts = [article_text(sentences, rng, n) for n in range(n_articles + 1)]
    size = sum(len(t) for t in texts) / len(texts)
    start = time.perf_counter()
    services.article_ingest(
        raw_text=article_text(sentences, random.Random(6), -1),
        outlet_name="Warm-up outlet",
        story_slug="bench-warm-up",
    )
    timed("the first article of a fresh process (reads the models)", time.perf_counter() - start)
    start = time.perf_counter()
    for n, text in enumerate(texts[:n_articles]):
        services.article_ingest(raw_text=text, outlet_name=f"Outlet {n}", story_slug="bench-ingest")
    elapsed = time.perf_counter() - start
    timed(
        f"ingest {n_articles} articles of one story, one by one",
        elapsed,
        f"({n_articles / elapsed:.1f} articles/s, {size:,.0f} characters each)",
    )
    start = time.perf_counter()
    services.article_ingest(
        raw_text=texts[n_articles], outlet_name=f"Outlet {n_articles}", story_slug="bench-ingest"
    )
    timed(
        f"ingest article {n_articles + 1} into the {n_articles}-article story",
        time.perf_counter() - start,
    )
    story = Story.objects.get(slug="bench-ingest")
    start = time.perf_counter()
    result = services.story_realign(story=story)
    timed(
        f"full realign of the {n_articles + 1}-article story",
        time.perf_counter() - start,
        f"({result.links:,} links)",
    )


def _worker_ingest(
    index: int, texts: list[str], ready: Any, results: Any
) -> None:  # pragma: no cover - runs in a child process
    """One worker process: read its models (by ingesting a text into a story of its own),
    wait for the others, then ingest its share of the documents into the shared story."""
    _setup_django(migrate=False)
    from newsdiff import services

    services.article_ingest(
        raw_text=texts[0] + f"\nنص تحمية العامل {index}.",
        outlet_name=f"Warm-up outlet {index}",
        story_slug=f"bench-warm-up-{index}",
    )
    ready.wait()
    for n, text in enumerate(texts):
        services.article_ingest(
            raw_text=text, outlet_name=f"Worker {index} outlet {n}", story_slug="bench-workers"
        )
    results.put(index)


def bench_workers(n_articles: int, n_workers: int) -> None:
    """n_articles of one story ingested by n_workers processes at once (one share each)."""
    from newsdiff.models import Article, ClaimLink

    rng = random.Random(8)
    sentences = seed_sentences()
    texts = [article_text(sentences, rng, 10_000 + n) for n in range(n_articles)]
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(n_workers + 1)
    results = context.Queue()
    workers = [
        context.Process(target=_worker_ingest, args=(i, texts[i::n_workers], ready, results))
        for i in range(n_workers)
    ]
    for worker in workers:
        worker.start()
    ready.wait()
    start = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start
    if any(worker.exitcode for worker in workers) or results.qsize() != n_workers:
        raise SystemExit("a worker process failed")
    stored = Article.objects.filter(story__slug="bench-workers").count()
    links = ClaimLink.objects.filter(story__slug="bench-workers").count()
    timed(
        f"ingest {n_articles} articles of one story, {n_workers} worker processes",
        elapsed,
        f"({n_articles / elapsed:.2f} articles/s; {stored} stored, {links:,} links)",
    )


def bench_large(n_articles: int, n_claims: int) -> None:
    """A story of synthetic claims stored directly (no text stages), then fully realigned."""
    import hashlib

    from align_bench import synthetic_story

    from newsdiff import services
    from newsdiff.models import Article, Claim, Outlet, Story
    from newsdiff.pipeline import READING_VERSION
    from newsdiff.pipeline.encode import encoder_get

    drafts = synthetic_story(n_articles, n_claims)
    story = Story.objects.create(title="bench large", slug="bench-large")
    outlets = Outlet.objects.bulk_create(
        Outlet(name=f"Large outlet {i}", domain=f"large{i}.example") for i in range(n_articles)
    )
    articles = Article.objects.bulk_create(
        Article(
            outlet=outlet,
            story=story,
            raw_text="bench",
            clean_text="bench",
            content_hash=hashlib.sha256(f"large {i}".encode()).hexdigest(),
            # Its claims are stored as the current reading gives them (not read again).
            reading_version=READING_VERSION,
        )
        for i, outlet in enumerate(outlets)
    )
    # Vectors are stored at ingest: encode them before the clock starts, as ingest would.
    encoder = encoder_get()
    start = time.perf_counter()
    vectors = [encoder.encode([c.text for c in claims]) for claims in drafts]
    timed(
        f"encode the {n_articles * n_claims:,} claims (stored, as at ingest)",
        time.perf_counter() - start,
    )
    Article.objects.filter(story=story).update(encoder=encoder.name)
    Claim.objects.bulk_create(
        (
            services.claim_row(article, c, v)
            for article, claims, rows in zip(articles, drafts, vectors, strict=True)
            for c, v in zip(claims, rows, strict=True)
        ),
        batch_size=5000,
    )
    start = time.perf_counter()
    result = services.story_realign(story=story)
    timed(
        f"full realign of a {n_articles} x {n_claims} story, vectors stored",
        time.perf_counter() - start,
        f"({result.links:,} links)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--large", type=int, default=500)
    parser.add_argument("--claims", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2, help="processes; 0 skips that run")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    _setup_django()
    from django.db import connection

    print(f"database {connection.vendor}")
    if args.articles:
        bench_story(args.articles)
    if args.articles and args.workers:
        bench_workers(args.articles, args.workers)
    if args.large:
        bench_large(args.large, args.claims)


if __name__ == "__main__":
    main()
