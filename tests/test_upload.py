"""Uploads through the view: encodings, HTML, zips, bad files, duplicates, paste, URL, background.

Every file here is built in memory or in tmp_path from texts written for these tests.
"""

from __future__ import annotations

import http.server
import json
import threading
import zipfile
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from newsdiff.models import (
    Article,
    BatchStatus,
    Claim,
    IngestBatch,
    IngestItem,
    ItemStatus,
    Outlet,
    Story,
)
from newsdiff.tasks import ingest_item_run
from tests.builders import user_create_for_test

HTMX = {"HX-Request": "true"}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

ARABIC_UTF8 = (
    "افتتحت وزارة الصحة مستشفى جديدا في مدينة الزرقاء يوم الأحد بسعة مئتي سرير.\n"
    "وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة.\n"
    "وبلغت كلفة البناء خمسة وثلاثين مليون دينار، بحسب بيان الوزارة."
)
ARABIC_UTF8_BOM = (
    "أعلنت شركة الطيران الوطنية إطلاق رحلات مباشرة إلى مدينة مراكش ابتداء من الشهر المقبل.\n"
    "وأوضحت الشركة أن الرحلات ستكون ثلاث مرات في الأسبوع.\n"
    "ويتوقع مسؤولون أن تنعش الخطوة حركة السياحة بين البلدين."
)
ARABIC_UTF16 = (
    "هطلت أمطار غزيرة على العاصمة مساء الاثنين وتسببت في إغلاق عدد من الطرق الرئيسية.\n"
    "ودعت مديرية الدفاع المدني السائقين إلى توخي الحذر.\n"
    "ولم تسجل أي إصابات بحسب بيان رسمي صدر صباح الثلاثاء."
)
ARABIC_CP1256 = (
    "فاز المنتخب الوطني لكرة السلة على نظيره التونسي بنتيجة 78 مقابل 70 في البطولة العربية.\n"
    "وسجل قائد الفريق اثنتين وعشرين نقطة، وأضاف زميله ثماني عشرة نقطة.\n"
    "ويلتقي المنتخب في الدور المقبل مع منتخب مصر."
)
ENGLISH = (
    "The regional water board cut supplies to three villages on Friday after a pipe burst.\n"
    "Engineers expect to finish the repairs by Sunday evening, the board said.\n"
    "Tankers are delivering drinking water to the villages in the meantime."
)
ARTICLE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge reopens after repairs | Valley Times</title>
<meta property="og:site_name" content="Valley Times">
</head><body>
<nav><ul><li><a href="/">Home page</a></li><li><a href="/sport">Sport section</a></li></ul></nav>
<div class="subscribe">Subscribe today for unlimited access to every story we publish</div>
<article>
<h1>Bridge reopens after repairs</h1>
<p>The old river bridge reopened to traffic on Tuesday after eight months of repairs, the city
council said.</p>
<p>Engineers replaced the steel cables and resurfaced the whole deck at a cost of 12 million
dollars.</p>
<p>The mayor said buses would return to the bridge route from next week.</p>
<p>Residents had complained about long detours through the industrial district while the work
went on.</p>
</article>
<aside class="related"><h2>Related news</h2><ul>
<li><a href="/parking">Council approves new parking fees for the city centre</a></li>
<li><a href="/zoo">Zoo welcomes two baby elephants this spring</a></li></ul></aside>
<footer><p>Contact the newsroom of the Valley Times about advertising.</p></footer>
</body></html>
"""
# Six short, unrelated articles: one more than the default background threshold.
SIX_ARTICLES = [
    "The city library extended its opening hours to ten at night on weekdays.\n"
    "Students had asked for more evening study space before the exams.",
    "A freight train derailed near the northern border crossing early on Saturday.\n"
    "No one was hurt, but the line will stay closed for two days.",
    "Farmers in the southern valley reported the largest olive harvest in a decade.\n"
    "Prices at the wholesale market fell by a fifth within a week.",
    "The national museum returned forty ancient coins to a collector's family.\n"
    "The coins had been lent for an exhibition that closed in March.",
    "Heavy snow cut power to twelve mountain towns for most of Wednesday.\n"
    "Crews restored electricity to the last homes shortly after midnight.",
    "The football federation appointed a new coach for the women's team.\n"
    "She signed a contract that runs until the end of the next world cup.",
]


@pytest.fixture
def admin_client(db) -> Client:
    client = Client()
    client.force_login(user_create_for_test(username="uploader", role="Admin"))
    return client


def upload_file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def post_upload(client: Client, *, files=(), **fields) -> IngestBatch:
    response = client.post(reverse("upload"), {"files": list(files), **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = IngestBatch.objects.latest("pk")
    assert response["Location"] == reverse("batch_detail", kwargs={"batch_id": batch.pk})
    return batch


def items_by_source(batch: IngestBatch) -> dict[str, IngestItem]:
    return {item.source: item for item in batch.items.select_related("article")}


def test_upload_page_lists_recent_batches(admin_client: Client) -> None:
    batch = post_upload(admin_client, text=ENGLISH, outlet="Water News")
    html = admin_client.get(reverse("upload")).content.decode()
    assert 'type="file"' in html and "multiple" in html and 'enctype="multipart/form-data"' in html
    assert reverse("batch_detail", kwargs={"batch_id": batch.pk}) in html


def test_empty_form_is_refused(admin_client: Client) -> None:
    response = admin_client.post(reverse("upload"), {"outlet": "Nobody"})
    assert response.status_code == 400
    assert "Choose files, paste a text or give a URL." in response.content.decode()
    assert not IngestBatch.objects.exists()


def test_arabic_in_four_encodings(admin_client: Client) -> None:
    files = [
        upload_file("utf8.txt", ARABIC_UTF8.encode("utf-8")),
        upload_file("utf8-bom.txt", ARABIC_UTF8_BOM.encode("utf-8-sig")),
        upload_file("utf16.txt", ARABIC_UTF16.encode("utf-16")),
        upload_file("cp1256.txt", ARABIC_CP1256.encode("cp1256")),
    ]
    batch = post_upload(admin_client, files=files, outlet="صحيفة الغد")
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FINISHED and batch.percent == 100
    items = items_by_source(batch)
    expected = {
        "utf8.txt": ARABIC_UTF8,
        "utf8-bom.txt": ARABIC_UTF8_BOM,
        "utf16.txt": ARABIC_UTF16,
        "cp1256.txt": ARABIC_CP1256,
    }
    for source, text in expected.items():
        item = items[source]
        assert item.status == ItemStatus.INGESTED, item.message
        article = item.article
        assert article.raw_text == text
        assert article.language == "ar"
        assert article.outlet.name == "صحيفة الغد"
        claims = list(article.claims.values_list("text", flat=True))
        assert claims and item.claim_count == len(claims)
        # Each claim is a stretch of the text exactly as written: no mojibake, no lost letters.
        assert all(claim in text for claim in claims)
    assert Claim.objects.filter(text__contains="نصف مليون نسمة").exists()
    assert Claim.objects.filter(text__contains="اثنتين وعشرين نقطة").exists()


def test_html_page_keeps_only_the_article(admin_client: Client) -> None:
    batch = post_upload(admin_client, files=[upload_file("bridge.html", ARTICLE_PAGE.encode())])
    item = batch.items.get()
    assert item.status == ItemStatus.INGESTED, item.message
    text = item.article.raw_text
    assert "eight months of repairs" in text and "long detours" in text
    for furniture in ("Sport section", "Subscribe today", "parking fees", "baby elephants"):
        assert furniture not in text
    assert item.article.outlet.name == "Valley Times"


def test_zip_of_mixed_files(admin_client: Client, tmp_path) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        # No outlet given anywhere: the copyright line names it.
        zf.writestr("notes/water.txt", ENGLISH + "\n© 2024 Water Board News. All rights reserved.")
        zf.writestr("health.json", json.dumps({"text": ARABIC_UTF8, "outlet": "الغد"}))
        zf.writestr(
            "more.csv",
            "title,text,outlet\n"
            f'Library hours,"{SIX_ARTICLES[0]}",City Post\n'
            f'Train derailed,"{SIX_ARTICLES[1]}",Rail Weekly\n',
        )
        zf.writestr("__MACOSX/._water.txt", b"\x00\x05")
    batch = post_upload(admin_client, files=[upload_file("bundle.zip", archive.read_bytes())])
    items = items_by_source(batch)
    assert set(items) == {
        "bundle.zip/notes/water.txt",
        "bundle.zip/health.json",
        "bundle.zip/more.csv#2",
        "bundle.zip/more.csv#3",
    }
    assert all(item.status == ItemStatus.INGESTED for item in items.values())
    assert items["bundle.zip/more.csv#2"].article.title == "Library hours"
    assert items["bundle.zip/more.csv#3"].article.outlet.name == "Rail Weekly"
    assert items["bundle.zip/health.json"].article.raw_text == ARABIC_UTF8
    assert items["bundle.zip/notes/water.txt"].article.outlet.name == "Water Board News"


def test_one_bad_file_leaves_nothing_and_the_others_ingest(admin_client: Client, settings) -> None:
    settings.UPLOAD_MAX_BYTES = 4000
    good = {"text": ENGLISH, "outlet": "Water News"}
    # Readable and analysable, so ingestion gets as far as creating its outlet and story
    # before the article's URL fails validation: everything of it must be rolled back.
    bad = {"text": SIX_ARTICLES[2], "outlet": "Ghost Gazette", "url": "not a web address"}
    files = [
        upload_file("good.json", json.dumps(good).encode()),
        upload_file("bad.json", json.dumps(bad).encode()),
        upload_file("scan.pdf", b"%PDF-1.4 not an article"),
        upload_file("huge.txt", b"word " * 1000),
        upload_file("empty.txt", b"   \n"),
    ]
    stories_before = set(Story.objects.values_list("pk", flat=True))
    batch = post_upload(admin_client, files=files)
    items = items_by_source(batch)
    assert items["good.json"].status == ItemStatus.INGESTED
    rejected = {
        source: items[source] for source in ("bad.json", "scan.pdf", "huge.txt", "empty.txt")
    }
    assert all(item.status == ItemStatus.REJECTED for item in rejected.values())
    assert "URL" in rejected["bad.json"].message
    assert "unsupported file type .pdf" in rejected["scan.pdf"].message
    assert "larger than the upload limit" in rejected["huge.txt"].message
    assert rejected["empty.txt"].message
    assert all(item.article_id is None and item.payload == {} for item in rejected.values())
    # Nothing of the bad document stayed: no outlet, no story, no article, no claim.
    assert not Outlet.objects.filter(name="Ghost Gazette").exists()
    assert set(Story.objects.values_list("pk", flat=True)) - stories_before == {
        items["good.json"].article.story_id
    }
    assert Article.objects.count() == 1
    assert not Claim.objects.filter(text__contains="olive harvest").exists()

    html = admin_client.get(reverse("batch_detail", kwargs={"batch_id": batch.pk})).content.decode()
    assert "unsupported file type .pdf" in html
    assert items["good.json"].article.story.get_absolute_url() in html


def test_duplicate_is_reported(admin_client: Client) -> None:
    first = post_upload(admin_client, text=ENGLISH, outlet="Water News")
    article = first.items.get().article
    second = post_upload(
        admin_client,
        files=[
            upload_file("again.txt", ENGLISH.encode()),
            upload_file("bom.txt", b"\xef\xbb\xbf" + ENGLISH.encode()),
        ],
        outlet="Water News",
    )
    items = items_by_source(second)
    for item in items.values():
        assert item.status == ItemStatus.DUPLICATE
        assert item.article_id == article.pk
        assert item.message == f"same text from the same outlet as article {article.pk}"
    assert Article.objects.count() == 1
    html = admin_client.get(
        reverse("batch_detail", kwargs={"batch_id": second.pk})
    ).content.decode()
    assert "already stored" in html


def test_pasted_text_with_batch_options(admin_client: Client) -> None:
    batch = post_upload(
        admin_client,
        text=ARABIC_UTF16,
        outlet="صحيفة الغد",
        story_slug="أمطار-العاصمة",
        published="2024-11-04",
    )
    item = batch.items.get()
    assert item.source == "pasted text" and item.status == ItemStatus.INGESTED
    article = item.article
    assert article.raw_text == ARABIC_UTF16
    assert article.story.slug == "أمطار-العاصمة"
    assert article.published_at.date().isoformat() == "2024-11-04"


@pytest.fixture
def page_server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            body = ARTICLE_PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/news/bridge"
    finally:
        server.shutdown()
        server.server_close()


def test_url_is_fetched(admin_client: Client, page_server: str, settings) -> None:
    settings.FETCH_ALLOW_PRIVATE = True
    batch = post_upload(admin_client, url=page_server)
    item = batch.items.get()
    assert item.status == ItemStatus.INGESTED, item.message
    assert item.article.url == page_server
    assert "eight months of repairs" in item.article.raw_text
    assert "Sport section" not in item.article.raw_text


def test_private_url_is_refused_by_default(admin_client: Client, page_server: str) -> None:
    batch = post_upload(admin_client, url=page_server)
    item = batch.items.get()
    assert item.status == ItemStatus.REJECTED and item.message
    assert not Article.objects.exists()


def _jsonl(texts: list[str]) -> bytes:
    return "\n".join(
        json.dumps({"text": t, "outlet": f"Outlet {n}"}, ensure_ascii=False)
        for n, t in enumerate(texts)
    ).encode()


def test_large_batch_is_enqueued_on_commit(
    admin_client: Client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        batch = post_upload(admin_client, files=[upload_file("six.jsonl", _jsonl(SIX_ARTICLES))])
    assert len(callbacks) == 1
    batch.refresh_from_db()
    # One task per document. The database backend only records them; workers (manage.py
    # worker) run them.
    assert batch.status == BatchStatus.QUEUED and batch.processed == 0
    tasks = DBTaskResult.objects.order_by("enqueued_at", "id")
    assert {task.task_path for task in tasks} == {"newsdiff.tasks.ingest_item_run"}
    item_ids = list(batch.items.order_by("position").values_list("id", flat=True))
    assert [task.args_kwargs["args"] for task in tasks] == [[pk] for pk in item_ids]

    response = admin_client.get(
        reverse("batch_detail", kwargs={"batch_id": batch.pk}), headers=HTMX
    )
    html = response.content.decode()
    assert 'hx-trigger="every 1s"' in html and "<html" not in html
    assert '<progress max="100" value="0"' in html
    progress = admin_client.get(reverse("batch_progress", kwargs={"batch_id": batch.pk})).json()
    assert progress == {
        "id": batch.pk,
        "status": "queued",
        "total": 6,
        "processed": 0,
        "percent": 0,
    }


def test_large_batch_runs_in_the_background(
    admin_client: Client, settings, django_capture_on_commit_callbacks
) -> None:
    settings.TASKS = IMMEDIATE_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        batch = post_upload(admin_client, files=[upload_file("six.jsonl", _jsonl(SIX_ARTICLES))])
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FINISHED
    assert list(batch.items.values_list("status", flat=True)) == [ItemStatus.INGESTED] * 6

    url = reverse("batch_detail", kwargs={"batch_id": batch.pk})
    partial = admin_client.get(url, headers=HTMX).content.decode()
    # Finished: the partial comes back without its trigger, so htmx stops polling.
    assert "hx-trigger" not in partial and 'value="100"' in partial and "100%" in partial
    page = admin_client.get(url).content.decode()
    assert "<html" in page and 'id="batch-progress"' in page
    assert admin_client.get(reverse("batch_progress", kwargs={"batch_id": batch.pk})).json() == {
        "id": batch.pk,
        "status": "finished",
        "total": 6,
        "processed": 6,
        "percent": 100,
    }


def test_small_batch_finishes_in_the_request(
    admin_client: Client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        batch = post_upload(
            admin_client, files=[upload_file("five.jsonl", _jsonl(SIX_ARTICLES[:5]))]
        )
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FINISHED and batch.processed == 5
    # Its documents were queued too; a worker that takes them up finds them done.
    tasks = list(DBTaskResult.objects.all())
    assert len(tasks) == 5
    for task in tasks:
        assert ingest_item_run.call(*task.args_kwargs["args"]) == "skipped"
    assert Article.objects.count() == 5


def test_request_stops_at_its_time_budget(
    admin_client: Client, settings, django_capture_on_commit_callbacks
) -> None:
    settings.UPLOAD_INLINE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        batch = post_upload(
            admin_client, files=[upload_file("two.jsonl", _jsonl(SIX_ARTICLES[:2]))]
        )
    batch.refresh_from_db()
    # The budget was spent before the first document: the workers have both.
    assert batch.status == BatchStatus.QUEUED and not Article.objects.exists()
    assert DBTaskResult.objects.count() == 2


def test_htmx_upload_redirects_the_browser(admin_client: Client) -> None:
    response = admin_client.post(
        reverse("upload"), {"text": ENGLISH, "outlet": "Water News"}, headers=HTMX
    )
    batch = IngestBatch.objects.get()
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("batch_detail", kwargs={"batch_id": batch.pk})


def test_unknown_batch_is_404(admin_client: Client) -> None:
    assert admin_client.get(reverse("batch_detail", kwargs={"batch_id": 999})).status_code == 404
    assert admin_client.get(reverse("batch_progress", kwargs={"batch_id": 999})).status_code == 404


def test_batch_queued_as_one_task_before_an_upgrade_is_split(admin_client: Client) -> None:
    # A batch a worker of an earlier version would have run as one task: the task still
    # exists, and queues the batch's documents one by one.
    from newsdiff import services
    from newsdiff.readers import Document
    from newsdiff.tasks import ingest_batch_run

    batch = services.ingest_batch_create(
        documents=[Document(source=f"{n}.txt", text=t) for n, t in enumerate(SIX_ARTICLES[:3])]
    )
    assert ingest_batch_run.call(batch.pk) == 3
    tasks = DBTaskResult.objects.order_by("enqueued_at", "id")
    assert [t.args_kwargs["args"] for t in tasks] == [
        [pk] for pk in batch.items.order_by("position").values_list("id", flat=True)
    ]


# --- The batch report: stories joined and begun, reasons in the reader's language -------------


def batch_page(client: Client, batch: IngestBatch, language: str = "en") -> str:
    client.cookies["django_language"] = language
    return client.get(reverse("batch_detail", kwargs={"batch_id": batch.pk})).content.decode()


def test_batch_report_marks_new_stories_and_joined_ones(admin_client: Client) -> None:
    first = post_upload(admin_client, text=ENGLISH, outlet="Water News")
    story = first.items.get().article.story
    html = batch_page(admin_client, first)
    assert "new story" in html and "1 new story" in html
    assert story.get_absolute_url() in html
    # A later upload into the same story joins it: no "new story" there.
    second = post_upload(
        admin_client, text=SIX_ARTICLES[0], outlet="Other Paper", story_slug=story.slug
    )
    assert second.items.get().article.story == story
    html = batch_page(admin_client, second)
    assert "new story" not in html
    assert "joined" in html and story.get_absolute_url() in html


def test_rejection_reasons_are_worded_when_read(admin_client: Client, monkeypatch) -> None:
    from newsdiff import ingest_reasons

    batch = post_upload(
        admin_client,
        files=[
            upload_file("scan.pdf", b"%PDF-1.7"),
            upload_file("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
            upload_file("ctrl.txt", (ENGLISH + "\x01\x02").encode()),
        ],
    )
    items = items_by_source(batch)
    # Stored in English, as the ingest command prints them ...
    assert items["scan.pdf"].message == "unsupported file type .pdf"
    assert items["ctrl.txt"].warnings == "2 hidden control characters removed"
    # ... and worded through the catalogue when a screen shows them: here a stand-in
    # catalogue that brackets every msgid it is asked for.
    monkeypatch.setattr(ingest_reasons, "gettext", lambda msgid: f"[{msgid}]")
    monkeypatch.setattr(
        ingest_reasons, "ngettext", lambda one, many, n: f"[{one if n == 1 else many}]"
    )
    html = batch_page(admin_client, batch)
    assert "[unsupported file type .pdf]" in html
    assert "[not a text file ([a PNG image])]" in html
    assert "[2 hidden control characters removed]" in html


def test_reasons_read_in_arabic_and_unknown_ones_as_stored(admin_client: Client) -> None:
    from newsdiff.models import IngestBatch as Batch

    batch = Batch.objects.create(total=2, processed=2, status=BatchStatus.FAILED)
    IngestItem.objects.create(
        batch=batch,
        position=0,
        source="a.pdf",
        status=ItemStatus.REJECTED,
        message="unsupported file type .pdf",
    )
    IngestItem.objects.create(
        batch=batch,
        position=1,
        source="b.txt",
        status=ItemStatus.REJECTED,
        message="a reason written before this screen knew it",
    )
    html = batch_page(admin_client, batch, "ar")
    assert "نوع ملف غير مدعوم" in html and ".pdf" in html
    assert "unsupported file type" not in html
    assert "a reason written before this screen knew it" in html


# Each reason as the readers and services write it today: if one's English changes, the
# table in newsdiff/ingest_reasons.py must follow, or the reason stays English on screen.
def _reasons_written() -> list[str]:
    import io as _io

    from newsdiff import readers

    def zip_of(files: dict[str, bytes]) -> bytes:
        buffer = _io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    def error(name: str, data: bytes) -> str:
        return next((d.error for d in readers.read_upload(name, data) if d.error), "")

    return [
        readers.read_pasted("  ").error,
        readers.file_too_large("big.txt").error,
        error("a.pdf", b"%PDF-1.7"),
        error("a", b"text"),
        error("a.txt", b"%PDF-1.7 and more"),
        error("a.txt", b""),
        error("a.json", b"[1]"),
        error("a.json", b"[]"),
        error("a.json", b"3"),
        error("a.json", b"{\n\n"),
        error("a.json", b"[" * 30 + b"]" * 30),
        error("a.json", b'{"text": ""}'),
        error("a.jsonl", b'{"text": "x y z"}\n3'),
        error("a.csv", b"title,url\nx,y\n"),
        error("a.csv", b"text\n"),
        error("a.csv", b"text,title\n,x\n"),
        error("a.zip", b"PK\x03\x04 not really"),
        error("a.zip", zip_of({})),
        error("a.zip", zip_of({"in.zip": zip_of({"deeper.zip": zip_of({"a.txt": b"x"})})})),
        error("a.zip", zip_of({"../up.txt": b"x y z"})),
        error("a.zip", zip_of({"/abs.txt": b"x y z"})),
        error("a.html", b"<html><body><script>1</script></body></html>"),
        readers.read_upload("a.txt", ARABIC_UTF8.encode().replace(b"\n", b"\x80", 1))[0].warnings[
            0
        ],
        readers.read_upload("a.txt", b"some text \x01 here, long enough")[0].warnings[0],
        readers.fetch_url("ftp://example.org/", timeout=1, max_bytes=10, allow_private=False).error,
        readers.fetch_url("http://[::1", timeout=1, max_bytes=10, allow_private=False).error,
    ]


def test_every_reason_written_is_worded(monkeypatch) -> None:
    from newsdiff import ingest_reasons

    monkeypatch.setattr(ingest_reasons, "gettext", lambda msgid: f"[{msgid}]")
    monkeypatch.setattr(ingest_reasons, "ngettext", lambda one, many, n: f"[{one}]")
    written = _reasons_written()
    assert all(written), written
    unknown = [r for r in written if not ingest_reasons.reason_text(r).startswith("[")]
    assert unknown == []


@pytest.mark.django_db
def test_service_reasons_are_worded(monkeypatch) -> None:
    from django.core.exceptions import ValidationError

    from newsdiff import ingest_reasons, services

    monkeypatch.setattr(ingest_reasons, "gettext", lambda msgid: f"[{msgid}]")
    for text in ("   ", "Yes. No."):
        with pytest.raises(ValidationError) as raised:
            services.article_ingest(raw_text=text)
        reason = " ".join(raised.value.messages)
        assert ingest_reasons.reason_text(reason) == f"[{reason}]"
