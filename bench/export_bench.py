"""Export benchmark: one story with 100,000 links, exported as CSV, XLSX and JSON end to end.

Builds the story with bulk_create (no engine), then calls the real download views and
writes each streamed response to a file, timing it; a second pass under tracemalloc measures
the peak Python memory of each export. Prints one line per format.

    .venv/bin/python bench/export_bench.py                 # temporary SQLite file under /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/export_bench.py
    .venv/bin/python bench/export_bench.py --links 20000   # a smaller story

With DATABASE_URL set, the database must exist; the script migrates it and deletes its own story
afterwards. Without it, a fresh SQLite file is made and removed.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

ARTICLES = 20
BULK_BATCH = 5000
SLUG = "bench-export-صفقة"
BENCH_USER = "bench-export"
# Claim texts: Arabic news sentences of a realistic length (about 120 characters).
WORDS = (
    "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المناطق الريفية بقيمة مليون دينار "
    "وقال وزير الزراعة إن البرنامج سيبدأ الشهر المقبل ويستمر ثلاث سنوات"
).split()


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _claim_text(n: int) -> str:
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(18)]
    return f"{' '.join(words)} ({n})."


def build_story(links: int):  # noqa: ANN201 - Django models are imported after setup
    from django.utils import timezone

    from newsdiff import services
    from newsdiff.models import Article, Claim, ClaimLink, Language, Outlet, Relation, Story
    from newsdiff.pipeline.normalize import normalize_text
    from newsdiff.pipeline.types import FactDifference, FactValue, Reason, RelationDetails

    details_of = {
        Relation.AGREEMENT: RelationDetails(reason=Reason.PARAPHRASE).to_json(),
        Relation.CONTRADICTION: RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(
                FactDifference(
                    kind="count",
                    a=FactValue("count", "12", "", "12 قتيلا"),
                    b=FactValue("count", "15", "", "15 قتيلا"),
                ),
            ),
        ).to_json(),
    }

    Story.objects.filter(slug=SLUG).delete()
    story = Story.objects.create(title="قصة لقياس التصدير", slug=SLUG)
    # Enough claims per article that the cross-article pairs exceed the links wanted.
    per_article = 1
    while (ARTICLES * (ARTICLES - 1) // 2) * per_article**2 < links:
        per_article += 1
    articles = []
    for a in range(ARTICLES):
        outlet, _ = Outlet.objects.get_or_create(
            name=f"Bench Outlet {a}", defaults={"language": Language.ARABIC}
        )
        texts = [_claim_text(a * per_article + i) for i in range(per_article)]
        clean = " ".join(texts)
        articles.append(
            Article.objects.create(
                outlet=outlet,
                story=story,
                title=f"مقال رقم {a}",
                published_at=timezone.now(),
                language=Language.ARABIC,
                raw_text=clean,
                clean_text=clean,
                content_hash=hashlib.sha256(f"{SLUG}-{a}-{clean}".encode()).hexdigest(),
            )
        )
        claims, offset = [], 0
        for position, text in enumerate(texts):
            claims.append(
                Claim(
                    article=articles[-1],
                    position=position,
                    text=text,
                    normalized=normalize_text(text),
                    start=offset,
                    end=offset + len(text),
                )
            )
            offset += len(text) + 1
        Claim.objects.bulk_create(claims, batch_size=BULK_BATCH)
    claim_ids = {
        article.pk: list(article.claims.order_by("position").values_list("pk", flat=True))
        for article in articles
    }

    def pairs():
        for i, first in enumerate(articles):
            for second in articles[i + 1 :]:
                for claim_a in claim_ids[first.pk]:
                    for claim_b in claim_ids[second.pk]:
                        yield first, second, claim_a, claim_b

    batch = []
    for count, (first, second, claim_a, claim_b) in enumerate(pairs()):
        if count == links:
            break
        relation = Relation.CONTRADICTION if count % 5 == 0 else Relation.AGREEMENT
        batch.append(
            ClaimLink(
                story=story,
                article_a=first,
                article_b=second,
                claim_a_id=claim_a,
                claim_b_id=claim_b,
                relation=relation,
                similarity=0.5 + (count % 50) / 100,
                score=0.75,
                reason="value_mismatch" if relation == Relation.CONTRADICTION else "paraphrase",
                details=details_of[relation],
                engine_version="bench",
            )
        )
        if len(batch) == BULK_BATCH:
            ClaimLink.objects.bulk_create(batch)
            batch = []
    ClaimLink.objects.bulk_create(batch)
    services.story_verdicts_store(story=story)
    return story


def _request():  # noqa: ANN202
    from django.contrib.auth.models import User
    from django.test import RequestFactory
    from django_htmx.middleware import HtmxDetails

    user, _ = User.objects.get_or_create(
        username=BENCH_USER, defaults={"is_superuser": True, "is_active": True}
    )
    request = RequestFactory().get("/")
    request.user = user
    request.htmx = HtmxDetails(request)
    return request


def export_to_file(fmt: str, slug: str, out: Path) -> int:
    """Call the download view and write its streamed body to out; returns the bytes written."""
    from newsdiff import team_views

    response = team_views.story_download(_request(), slug=slug, fmt=fmt)
    size = 0
    with out.open("wb") as handle:
        for chunk in response.streaming_content:
            handle.write(chunk)
            size += len(chunk)
    response.close()
    return size


def _measure(run: Callable[[], int]) -> tuple[float, int, int]:
    gc.collect()
    started = time.perf_counter()
    size = run()
    elapsed = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, size


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=100_000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsdiff-export-bench-"))
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    _setup_django(database_url)
    from django.contrib.auth.models import User
    from django.db import connection

    from newsdiff import exports
    from newsdiff.models import Claim, ClaimLink, Story

    started = time.perf_counter()
    story = build_story(args.links)
    print(
        f"database {connection.vendor}; story {story.slug}: "
        f"{story.articles.count()} articles, {Claim.objects.filter(article__story=story).count()} "
        f"claims, {ClaimLink.objects.filter(story=story).count()} links "
        f"(built in {time.perf_counter() - started:.1f} s)"
    )
    print(f"{'format':<28} {'time':>8} {'size':>10} {'peak (tracemalloc)':>19} {'maxrss':>10}")
    try:
        for fmt in ("csv", "xlsx", "json"):
            out = workdir / f"export.{fmt}"
            elapsed, peak, size = _measure(lambda fmt=fmt, out=out: export_to_file(fmt, SLUG, out))
            print(
                f"{fmt + ' (view, streamed)':<28} {elapsed:>7.1f}s {size / 2**20:>8.1f}MB "
                f"{peak / 2**20:>17.1f}MB {_maxrss_mb():>8.0f}MB"
            )
        # For comparison: the whole story as one dict, then one string (not streamed).
        whole = Story.objects.get(slug=SLUG)
        elapsed, peak, size = _measure(
            lambda: len(json.dumps(exports.story_export_data(whole), ensure_ascii=False).encode())
        )
        print(
            f"{'json (one dict, baseline)':<28} {elapsed:>7.1f}s {size / 2**20:>8.1f}MB "
            f"{peak / 2**20:>17.1f}MB {_maxrss_mb():>8.0f}MB"
        )
    finally:
        Story.objects.filter(slug=SLUG).delete()
        User.objects.filter(username=BENCH_USER).delete()
        for path in workdir.iterdir():
            path.unlink()
        workdir.rmdir()


if __name__ == "__main__":
    main()
