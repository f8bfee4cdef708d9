"""Server time of the editor's screens on a realistic database.

    .venv/bin/python bench/views_bench.py [--requests 50] [--rebuild] [--no-freeze] [--browser]

DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/newsdiff_bench (created when
missing).

Builds, once (and reuses it afterwards), a PostgreSQL database of 10,000 articles from 40
outlets: one 30-article story (30 claims per article, each linked to its counterparts in
up to four other articles, a tenth of them contradictions, a few reviewed by an editor)
and 1,994 five-article stories of 8 claims each. Then times, with django.test.Client as a
signed-in Editor, the story page on each tab (the summary at its top included; "rows" is
the fact-by-fact view), its htmx partials (each tab, the columns with an outlet choice, a
claim's detail, an article's text) and the story list with and without an Arabic search,
printing median and p95 in milliseconds with the number of queries and the size of one
response. The "cold" rows time the story page just after a write (a review, a new article),
when it is read and laid out again; the others, a story already laid out. Targets: full
story page p95 < 150 ms, partials < 50 ms, the 30-article story page under 150 KB of HTML.

--browser also serves the app on a local port and loads the 30-article story page in
Debian's Chromium ten times, printing when it became interactive (DOMContentLoaded: the
deferred scripts have run and every control works) and when it finished loading.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsdiff_bench"

ARTICLES = 10_000
OUTLETS = 40
BIG_ARTICLES = 30
BIG_CLAIMS = 30
SMALL_ARTICLES = 5
SMALL_CLAIMS = 8
BIG_SLUG = "bench-big-story"

WORDS = (
    "صفقة أسلحة الحوثيين موسكو واشنطن مسؤول أمني صحيفة تقرير الكرملين بنادق شحنة "
    "دولار مليون اليمن البحر الأحمر مفاوضات مصدر مطلع وزارة الدفاع بيان رسمي مسيرات "
    "صواريخ هجوم ميناء الحديدة سفينة تجارية عقوبات الأمم المتحدة مبعوث اجتماع"
).split()


def database_ensure(url: str) -> None:
    """Create the bench database when the server does not have it yet."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


def sentence(rng: random.Random, n: int) -> str:
    words = rng.sample(WORDS, 9)
    return f"{' '.join(words)} {n}."


def dataset_build() -> None:
    from django.db import transaction
    from django.utils import timezone

    from newsdiff import services
    from newsdiff.models import Article, Claim, ClaimLink, Outlet, Relation, Story
    from newsdiff.pipeline.normalize import normalize_text
    from newsdiff.pipeline.types import FactDifference, FactValue, Reason, RelationDetails

    contradiction_details = RelationDetails(
        reason=Reason.VALUE_MISMATCH,
        differing=(
            FactDifference(
                kind="money",
                a=FactValue("money", "10000000", "USD", "10 ملايين دولار"),
                b=FactValue("money", "20000000", "USD", "20 مليون دولار"),
            ),
        ),
    ).to_json()

    rng = random.Random(7)
    start = timezone.now() - timezone.timedelta(days=400)
    with transaction.atomic():
        outlets = Outlet.objects.bulk_create(
            Outlet(name=f"Bench outlet {i}", native_name=f"وسيلة {i}", domain=f"bench{i}.example")
            for i in range(OUTLETS)
        )
        stories = [Story(title="قصة القياس الكبرى: صفقة أسلحة", slug=BIG_SLUG)]
        small_count = (ARTICLES - BIG_ARTICLES) // SMALL_ARTICLES
        stories += [
            Story(title=f"قصة رقم {i}: {sentence(rng, i)}", slug=f"bench-{i}")
            for i in range(small_count)
        ]
        stories = Story.objects.bulk_create(stories, batch_size=2000)

        articles = []
        shapes = [(stories[0], BIG_ARTICLES, BIG_CLAIMS)] + [
            (story, SMALL_ARTICLES, SMALL_CLAIMS) for story in stories[1:]
        ]
        n = 0
        for story_index, (story, count, _) in enumerate(shapes):
            picked = rng.sample(outlets, count)
            for k in range(count):
                n += 1
                articles.append(
                    Article(
                        outlet=picked[k],
                        story=story,
                        title=f"عنوان المقال {n}",
                        url=f"https://bench{picked[k].id}.example/a/{n}",
                        published_at=start
                        + timezone.timedelta(days=story_index % 400, hours=k, minutes=n % 60),
                        raw_text="-",
                        clean_text="-",
                        content_hash=hashlib.sha256(f"bench-{n}".encode()).hexdigest(),
                    )
                )
        articles = Article.objects.bulk_create(articles, batch_size=2000)

        # The claims' wording: in each story, claim i of every article says roughly the
        # same thing, so links join them across articles.
        claims = []
        by_article: dict[int, list[Claim]] = {}
        offset = 0
        for article_index, article in enumerate(articles):
            per = BIG_CLAIMS if article_index < BIG_ARTICLES else SMALL_CLAIMS
            texts = [sentence(rng, i) for i in range(per)]
            article.clean_text = " ".join(texts)
            offset = 0
            rows = []
            for position, text in enumerate(texts):
                rows.append(
                    Claim(
                        article=article,
                        position=position,
                        text=text,
                        normalized=normalize_text(text),
                        start=offset,
                        end=offset + len(text),
                        facts=[],
                    )
                )
                offset += len(text) + 1
            by_article[article.id] = rows
            claims.extend(rows)
        Article.objects.bulk_update(articles, ["clean_text"], batch_size=2000)
        claims = Claim.objects.bulk_create(claims, batch_size=5000)

        links = []
        index = 0
        for story, count, per in shapes:
            group = articles[index : index + count]
            index += count
            for a_pos, article_a in enumerate(group):
                # Each article is linked to the next four of its story (or fewer at the end).
                for article_b in group[a_pos + 1 : a_pos + 5]:
                    first, second = sorted((article_a, article_b), key=lambda a: a.id)
                    for position in range(per):
                        if rng.random() < 0.35:
                            continue  # not every claim has a counterpart
                        contradiction = rng.random() < 0.1
                        links.append(
                            ClaimLink(
                                story=story,
                                article_a=first,
                                article_b=second,
                                claim_a=by_article[first.id][position],
                                claim_b=by_article[second.id][position],
                                relation=Relation.CONTRADICTION
                                if contradiction
                                else Relation.AGREEMENT,
                                similarity=round(rng.uniform(0.5, 0.95), 3),
                                score=round(rng.uniform(0.3, 0.9), 3),
                                reason="value_mismatch" if contradiction else "paraphrase",
                                details=contradiction_details if contradiction else {},
                                engine_version="bench",
                                review=rng.choice(["", "", "", "", "confirmed", "dismissed"]),
                            )
                        )
        ClaimLink.objects.bulk_create(links, batch_size=5000)
        for story in stories:
            services.story_verdicts_store(story=story)
    print(
        f"built {len(articles):,} articles, {len(claims):,} claims, {len(links):,} links "
        f"in {len(stories):,} stories"
    )


def timed(client, url: str, requests: int, headers: dict[str, str] | None = None, before=None):
    """Median and p95 of `requests` requests, queries and size of one; before(), when given,
    runs (untimed) ahead of each of them."""
    from django.db import connection

    headers = headers or {}
    response = client.get(url, headers=headers)  # warm-up
    assert response.status_code == 200, (url, response.status_code)
    # Counted with a wrapper: CaptureQueriesContext is reset by request_started.
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    if before:
        before()
    with connection.execute_wrapper(count):
        client.get(url, headers=headers)
    times = []
    for _ in range(requests):
        if before:
            before()
        began = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    return statistics.median(times), p95, len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--rebuild", action="store_true", help="drop the data set and build it again"
    )
    parser.add_argument(
        "--browser", action="store_true", help="also time the story page in Chromium"
    )
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="leave the start-up heap to the garbage collector (see gc.freeze below)",
    )
    args = parser.parse_args()

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        sys.exit("DATABASE_URL must point at PostgreSQL")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    database_ensure(url)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from newsdiff.models import Article, Claim, ClaimLink, Story
    from tests.builders import user_create_for_test

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    if args.rebuild:
        Story.objects.all().delete()
        Article.objects.all().delete()
        from newsdiff.models import Outlet

        Outlet.objects.all().delete()
    if not Story.objects.filter(slug=BIG_SLUG).exists() or Article.objects.count() < ARTICLES:
        began = time.perf_counter()
        dataset_build()
        print(f"data set built in {time.perf_counter() - began:.0f} s")
    else:
        print("reusing the data set")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    from django.contrib.auth.models import User

    editor = User.objects.filter(username="bench-editor").first() or user_create_for_test(
        username="bench-editor", role="Editor"
    )
    client = Client()
    client.force_login(editor)

    story = Story.objects.get(slug=BIG_SLUG)
    big_article_ids = list(story.articles.order_by("id").values_list("id", flat=True))
    busiest_claim = (
        Claim.objects.filter(article_id=big_article_ids[0])
        .order_by("position")
        .values_list("id", flat=True)[2]
    )
    outlet_ids = list(story.articles.order_by("-id").values_list("outlet_id", flat=True)[:3])
    print(
        f"{Article.objects.count():,} articles, {Claim.objects.count():,} claims, "
        f"{ClaimLink.objects.count():,} links; the story: {len(big_article_ids)} articles, "
        f"{Claim.objects.filter(article__story=story).count()} claims, "
        f"{ClaimLink.objects.filter(story=story).count()} links"
    )

    # A served worker freezes its start-up heap (newsdiff/wsgi.py calls gc.freeze() once the
    # views are loaded) so that full collections do not rescan Django's own objects; without
    # it the p95 of every screen carries the occasional full collection. --no-freeze shows it.
    if not args.no_freeze:
        gc.collect()
        gc.freeze()
    print(f"garbage collector: {'start-up heap frozen' if not args.no_freeze else 'not frozen'}")

    htmx = {"HX-Request": "true"}
    base = story.get_absolute_url()
    tabs = ["columns", "rows", "agreements", "contradictions", "only-here", "matrix", "timeline"]
    # The story page is kept laid out per process under the story's revision
    # (selectors.story_page_get): the rows marked "cold" give the story a new revision before
    # each request, as a review or a new article does, so that every one reads and lays out
    # the story again.
    from newsdiff import services

    def revised() -> None:
        services.stories_revise(story_ids=[story.pk])

    cases: list[tuple[str, str, str, dict[str, str] | None, float, object]] = []
    for tab in tabs:
        cases.append(("page", f"story ?tab={tab}", f"{base}?tab={tab}", None, 150, None))
    cases.append(("cold", "page story ?tab=columns", f"{base}?tab=columns", None, 150, revised))
    for tab in tabs:
        cases.append(("partial", f"story ?tab={tab}", f"{base}?tab={tab}", htmx, 50, None))
    picked = ",".join(map(str, outlet_ids))
    cases += [
        ("partial", "story summary", f"{base}?part=summary", htmx, 50, None),
        ("partial", "story ?outlets=3 chosen", f"{base}?outlets={picked}", htmx, 50, None),
        ("cold", "story ?tab=columns", f"{base}?tab=columns", htmx, 50, revised),
        ("cold", "story ?tab=contradictions", f"{base}?tab=contradictions", htmx, 50, revised),
        ("cold", "story summary", f"{base}?part=summary", htmx, 50, revised),
        ("partial", "claim detail", f"/claims/{busiest_claim}/", htmx, 50, None),
        ("page", "claim detail", f"/claims/{busiest_claim}/", None, 150, None),
        ("partial", "article text", f"/articles/{big_article_ids[0]}/", htmx, 50, None),
        ("page", "story list", "/", None, 150, None),
        ("partial", "story list ?q=اسلحه", "/?q=%D8%A7%D8%B3%D9%84%D8%AD%D9%87", htmx, 150, None),
    ]
    print(
        f"\n{'kind':8} {'screen':28} {'median ms':>10} {'p95 ms':>8} "
        f"{'queries':>8} {'KB':>6}  target"
    )
    for kind, name, url, headers, target, before in cases:
        median, p95, queries, size = timed(client, url, args.requests, headers, before)
        verdict = "ok" if p95 < target else "SLOW"
        print(
            f"{kind:8} {name:28} {median:10.1f} {p95:8.1f} {queries:8d} {size / 1024:6.0f}  "
            f"p95 < {target:.0f} ms {verdict}"
        )
    if args.browser:
        browser_timed(base, editor)


# A page load in Chromium, read from the Navigation Timing API.
_NAVIGATION = """() => {
  const [n] = performance.getEntriesByType("navigation");
  return {interactive: n.domContentLoadedEventEnd, loaded: n.loadEventEnd,
          bytes: n.transferSize, decoded: n.decodedBodySize};
}"""
BROWSER_LOADS = 10


def browser_timed(path: str, editor) -> None:
    """Serve the app on a local port and load the story page in Chromium BROWSER_LOADS times."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    session = SessionStore()
    session[SESSION_KEY] = str(editor.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
    session.save()
    server = LiveServerThread("127.0.0.1", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base = f"http://127.0.0.1:{server.port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(viewport={"width": 1366, "height": 900})
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base}]
            )
            page = context.new_page()
            page.goto(base + path)  # warm-up: static files into the cache
            timings = []
            for _ in range(BROWSER_LOADS):
                page.goto(base + path, wait_until="load")
                timings.append(page.evaluate(_NAVIGATION))
            browser.close()
    finally:
        server.terminate()
    interactive = sorted(t["interactive"] for t in timings)
    loaded = sorted(t["loaded"] for t in timings)
    print(
        f"\nChromium, the {BIG_ARTICLES}-article story page, {BROWSER_LOADS} loads: "
        f"interactive (DOMContentLoaded) median {statistics.median(interactive):.0f} ms, "
        f"max {interactive[-1]:.0f} ms; loaded median {statistics.median(loaded):.0f} ms; "
        f"HTML {timings[-1]['decoded'] / 1024:.0f} KB"
    )


if __name__ == "__main__":
    main()
