"""A corpus of bad input, through the ingest command, the upload form and every URL.

Each document of the corpus is written by these tests. Through `manage.py ingest` and through
the upload form alike, each is either ingested sensibly or refused with a clear reason, the
good ones of the batch are ingested regardless, nothing of a refused one is stored, and no
request answers 500 (the test client raises on any exception a view lets through).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from newsdiff.models import Article, Claim, IngestBatch, ItemStatus, Outlet, Story
from tests.builders import story_create_for_test, user_create_for_test

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MB = 1024 * 1024

# Characters no stored text may hold, and the mojibake UTF-8 Arabic turns into when it is
# read as Windows-1256 (its lead bytes 0xD8-0xD9 are "ط" and "ظ" there, followed by Latin-1
# letters and symbols).
HIDDEN = ("\x00", "\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff")
MOJIBAKE = ("ط§", "ظ„", "ط¹")


@dataclass(frozen=True)
class Case:
    """A file of the corpus and what must become of it: ingested (with these words in its
    stored text) or refused (with these words in the reason)."""

    name: str
    data: bytes
    ingested: str = ""  # words the stored text holds
    refused: str = ""  # words of the reason


def _arabic(topic: str) -> str:
    return (
        f"أعلنت وزارة الأشغال العامة صباح الثلاثاء افتتاح {topic} بعد ثلاث سنوات من العمل.\n"
        "وقال الوزير إن المشروع كلف مئة وعشرين مليون دينار مولتها الحكومة بالكامل.\n"
        "ورحب السكان بالافتتاح، لكن بعضهم طالب بإشارات مرور إضافية عند المدخل."
    )


def _english(topic: str) -> str:
    return (
        f"The city council opened {topic} on Tuesday after three years of work.\n"
        "The mayor said the project cost 120 million dollars, paid for by the state.\n"
        "Residents welcomed the opening but asked for more traffic lights at the entrance."
    )


def _damaged_utf8() -> bytes:
    # Three stray bytes between whole characters: a truncated copy-and-paste, not cp1256.
    text = _arabic("جسر النخيل") + "\n© 2024 Nakhil News. All rights reserved."
    first, second = text.split("وقال")
    return first.encode() + b"\xff\xfe" + "وقال".encode() + b"\x80" + second.encode()


def _zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _many_entries(count: int) -> bytes:
    """An archive of count one-byte entries: a few MB, built in under a second."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for number in range(count):
            archive.writestr(str(number), b"x")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PARAGRAPHS = "".join(f"<p>{line}</p>" for line in _english("the river tunnel").split("\n"))
PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><title>Tunnel opens</title>
<meta property="og:site_name" content="Valley Times"></head><body>
<nav><a href="/">Home page</a> <a href="/sport">Sport section</a></nav>
<article><h1>Tunnel opens</h1>{PARAGRAPHS}</article>
<footer><p>Contact the newsroom about advertising.</p></footer></body></html>"""


@pytest.fixture(scope="module")
def many_entries_zip() -> bytes:
    return _many_entries(100_000)


def corpus(many_entries_zip: bytes) -> list[Case]:
    """Every kind of bad input, and good documents beside them."""
    bidi = (
        "The port \u202eauthority\u202c said \u2066traffic\u2069 rose by a\u200b fifth in "
        "March.\nShips waited two days on average, down from \u200dfive a year earlier.\n"
        "The port expects the new cranes to cut waiting further.\ufeff"
    )
    nul_text = _english("the north bridge").replace("three years", "three\x00 years")
    utf16 = _arabic("نفق الميناء").replace("صباح", "صباح\x00") + "\x00"
    feed = [
        {
            "title": "Clinic\u0000 opens \ud800",
            "text": _english("the eastern clinic").replace("Tuesday", "Tues\u0000day\udc80"),
            "outlet": "Feed \u202eNews",
        },
        {"text": "\u200b\u200d\u2060\u202e"},
    ]
    nested = _zip({"deeper.zip": _zip({"deep.txt": _english("the deep mine").encode()})})
    bundle = _zip(
        {
            "inside.txt": _english("the harbour road").encode(),
            "../escape.txt": _english("the escape road").encode(),
            "/etc/absolute.txt": _english("the absolute road").encode(),
            "nested.zip": nested,
        }
    )
    return [
        Case("arabic.txt", _arabic("مستشفى الزرقاء").encode(), ingested="مستشفى الزرقاء"),
        Case("cp1256.txt", _arabic("ملعب المدينة").encode("cp1256"), ingested="ملعب المدينة"),
        Case("damaged-utf8.txt", _damaged_utf8(), ingested="جسر النخيل"),
        Case("bidi.txt", bidi.encode(), ingested="authority said traffic rose by a fifth"),
        Case("nul.txt", nul_text.encode(), ingested="three years of work"),
        Case("utf16-nul.txt", utf16.encode("utf-16"), ingested="نفق الميناء"),
        Case("page.html", PAGE.encode(), ingested="the river tunnel"),
        Case(
            "feed.json",
            json.dumps(feed).encode(),
            ingested="the eastern clinic on Tuesday",
        ),
        Case("blank.txt", b" \n\t\r\n  ", refused="empty file"),
        Case("binary.txt", bytes(range(256)) * 8, refused="not a text file (binary content)"),
        Case("scan.txt", PDF, refused="not a text file (a PDF document)"),
        Case("invisible.txt", "\u200b\u202e\u2066\u200d".encode(), refused="no text"),
        Case(
            "huge-int.json",
            b'{"text": "The council met.", "views": ' + b"7" * 5000 + b"}",
            refused="a number in the JSON is longer than 100 digits",
        ),
        Case(
            "deep.json",
            b"[" * 100_000 + b"]" * 100_000,
            refused="JSON nested more than 20 levels deep",
        ),
        Case("broken.json", b'{"text": "unfinished', refused="invalid JSON on line 1"),
        Case(
            "bomb.zip",
            _zip({"zeros.txt": b"0" * (51 * MB)}),
            refused="zip archive too large when uncompressed (at most 50 MB)",
        ),
        Case(
            "ratio.zip",
            _zip({"zeros.txt": b"0" * (5 * MB)}),
            refused="compressed more than 100 times",
        ),
        Case(
            "many.zip",
            many_entries_zip,
            refused="too many entries in the zip archive (100,000; at most 5,000)",
        ),
        Case("bundle.zip", bundle, ingested="the harbour road"),
    ]


# What the bundle, the JSON feed and the zips yield besides their own case: source -> the
# reason each is refused.
EXTRA_REFUSALS = {
    "bundle.zip/../escape.txt": "unsafe path in the zip archive (it points outside the archive)",
    "bundle.zip//etc/absolute.txt": "unsafe path in the zip archive (an absolute path)",
    "bundle.zip/nested.zip/deeper.zip": "zip archives nested more than one level deep",
    "feed.json#2": "no text (only invisible characters)",
}


def source_of(case: Case) -> str:
    sources = {
        "feed.json": "feed.json#1",
        "bundle.zip": "bundle.zip/inside.txt",
        "ratio.zip": "ratio.zip/zeros.txt",
    }
    return sources.get(case.name, case.name)


def assert_nothing_hidden_stored() -> None:
    for article in Article.objects.select_related("outlet"):
        for value in (article.raw_text, article.clean_text, article.title, article.outlet.name):
            assert not any(char in value for char in HIDDEN), (article.pk, value)
            assert not any(0xD800 <= ord(char) <= 0xDFFF for char in value)
            assert not any(mojibake in value for mojibake in MOJIBAKE), value
    for text in Claim.objects.values_list("text", flat=True):
        assert not any(char in text for char in HIDDEN), text


def assert_nothing_half_stored(ingested: int) -> None:
    """Only the good documents were stored: one article each, every story and outlet of
    theirs, nothing else."""
    assert Article.objects.count() == ingested
    assert not Story.objects.filter(articles__isnull=True).exists()
    assert not Outlet.objects.filter(articles__isnull=True).exists()
    assert Claim.objects.exclude(article__in=Article.objects.all()).count() == 0


# --- manage.py ingest -------------------------------------------------------------------


def write_corpus(folder: Path, cases: list[Case]) -> list[Path]:
    paths = []
    for case in cases:
        path = folder / case.name
        path.write_bytes(case.data)
        paths.append(path)
    return paths


@pytest.mark.django_db
def test_corpus_through_the_ingest_command(tmp_path: Path, many_entries_zip: bytes) -> None:
    cases = corpus(many_entries_zip)
    paths = write_corpus(tmp_path, cases)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)

    lines = {}
    for line in (out.getvalue() + err.getvalue()).splitlines():
        source, _, outcome = line.partition(": ")
        lines[source.removeprefix(f"{tmp_path}/")] = outcome
    assert "Traceback" not in err.getvalue()
    good = [case for case in cases if case.ingested]
    for case in cases:
        outcome = lines[source_of(case)]
        if case.ingested:
            assert outcome.startswith("ingested"), (case.name, outcome)
        else:
            assert outcome.startswith("refused: ") and case.refused in outcome, (case.name, outcome)
    for source, reason in EXTRA_REFUSALS.items():
        assert lines[source].startswith("refused: ") and reason in lines[source], source
    assert "3 invalid bytes replaced" in lines["damaged-utf8.txt"]
    refused = len(cases) - len(good) + len(EXTRA_REFUSALS)
    assert str(raised.value) == (f"{refused} of {refused + len(good)} documents were not ingested")
    assert out.getvalue().endswith(f"{len(good)} ingested, 0 duplicates, {refused} refused\n")
    assert_nothing_half_stored(len(good))
    assert_nothing_hidden_stored()
    for case in good:
        assert Article.objects.filter(raw_text__contains=case.ingested).exists(), case.name


@pytest.mark.django_db
def test_damaged_utf8_keeps_its_words_and_its_outlet(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(_damaged_utf8())
    out = io.StringIO()
    call_command("ingest", str(path), stdout=out, stderr=io.StringIO())

    article = Article.objects.select_related("outlet").get()
    # Read as UTF-8 with three replacement characters, not as Windows-1256 mojibake, so the
    # copyright line still names the outlet.
    assert article.raw_text.count("\ufffd") == 3
    assert "جسر النخيل" in article.raw_text and "الوزير إن المشروع" in article.raw_text
    assert article.outlet.name == "Nakhil News"
    assert "warning: 3 invalid bytes replaced" in out.getvalue()


@pytest.mark.django_db
def test_a_file_over_the_limit_is_refused_from_its_size(tmp_path: Path, settings) -> None:
    settings.UPLOAD_MAX_BYTES = 1000
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(50 * MB)  # a sparse 50 MB file: refused without being read
    small = tmp_path / "small.txt"
    small.write_text(_english("the small bridge"), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 documents"):
        call_command("ingest", str(big), str(small), stdout=io.StringIO(), stderr=err)
    assert f"{big}: refused: file larger than the upload limit of 1000 bytes" in err.getvalue()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_text_limit_applies_to_files_and_pasted_text(tmp_path: Path, settings) -> None:
    settings.INGEST_MAX_TEXT_CHARS = 100
    path = tmp_path / "long.txt"
    path.write_text(_english("the long road"), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=io.StringIO(), stderr=err)
    assert "text longer than the limit of 100 characters" in err.getvalue()
    assert not Article.objects.exists()


# --- The upload form ----------------------------------------------------------------------


@pytest.fixture
def admin_client(db) -> Client:
    client = Client()
    client.force_login(user_create_for_test(username="uploader", role="Admin"))
    return client


def upload(client: Client, files: list[tuple[str, bytes]], **fields: str) -> IngestBatch:
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    response = client.post(reverse("upload"), {"files": uploads, **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = IngestBatch.objects.latest("pk")
    batch.refresh_from_db()
    return batch


def test_corpus_through_the_upload_form(
    admin_client: Client, many_entries_zip: bytes, settings, django_capture_on_commit_callbacks
) -> None:
    # More documents than a request ingests: the tasks run as they are queued.
    settings.TASKS = IMMEDIATE_TASKS
    cases = corpus(many_entries_zip)
    with django_capture_on_commit_callbacks(execute=True):
        batch = upload(admin_client, [(case.name, case.data) for case in cases])

    items = {item.source: item for item in batch.items.select_related("article")}
    good = [case for case in cases if case.ingested]
    for case in cases:
        item = items[source_of(case)]
        if case.ingested:
            assert item.status == ItemStatus.INGESTED, (case.name, item.message)
            assert case.ingested in item.article.raw_text, case.name
        else:
            assert item.status == ItemStatus.REJECTED, (case.name, item.message)
            assert case.refused in item.message, (case.name, item.message)
    for source, reason in EXTRA_REFUSALS.items():
        assert items[source].status == ItemStatus.REJECTED and reason in items[source].message
    assert_nothing_half_stored(len(good))
    assert_nothing_hidden_stored()
    # The report lists every refusal with its reason.
    html = admin_client.get(reverse("batch_detail", kwargs={"batch_id": batch.pk}))
    page = html.content.decode()
    assert "unsafe path in the zip archive" in page and "a PDF document" in page
    # What was repaired in a document that was still ingested is said beside it.
    assert re.search(
        r'Repaired:\s*<span class="batch-warning__part" dir="auto">3 invalid bytes', page
    )


def test_an_empty_file_does_not_refuse_the_whole_upload(admin_client: Client) -> None:
    batch = upload(
        admin_client,
        [("empty.txt", b""), ("good.txt", _english("the west bridge").encode())],
    )
    items = {item.source: item for item in batch.items.all()}
    assert items["empty.txt"].status == ItemStatus.REJECTED
    assert items["empty.txt"].message == "empty file"
    assert items["good.txt"].status == ItemStatus.INGESTED


def test_zip_manifest_gives_each_member_its_outlet_date_and_story(admin_client: Client) -> None:
    manifest = (
        "path,outlet,url,published,story\n"
        "a.txt,Harbour Post,https://harbour.example/a,2024-05-06,harbour-works\n"
        "b.txt,,,not a date,\n"
        "missing.txt,Nobody,,,\n"
    )
    archive = _zip(
        {
            "manifest.csv": manifest.encode(),
            "a.txt": _english("the harbour wall").encode(),
            "b.txt": _english("the bus station").encode(),
        }
    )
    batch = upload(admin_client, [("set.zip", archive)])

    items = {item.source: item for item in batch.items.select_related("article__outlet")}
    article = items["set.zip/a.txt"].article
    assert (article.outlet.name, article.url) == ("Harbour Post", "https://harbour.example/a")
    assert article.published_at.date().isoformat() == "2024-05-06"
    assert items["set.zip/manifest.csv#3"].message == (
        "manifest entry 3: the date 'not a date' is not YYYY-MM-DD"
    )
    assert items["set.zip/missing.txt"].message == "listed in the manifest but not in the archive"
    # b.txt is still read, without the metadata of its unusable row.
    assert items["set.zip/b.txt"].status == ItemStatus.INGESTED


def test_zip_manifest_story_reaches_the_article(admin_client: Client) -> None:
    manifest = '{"path": "a.txt", "story": "harbour-works"}\n'
    archive = _zip(
        {"manifest.jsonl": manifest.encode(), "a.txt": _english("the harbour gate").encode()}
    )
    batch = upload(admin_client, [("set.zip", archive)])
    assert batch.items.get().article.story.slug == "harbour-works"


def test_pasted_text_over_the_limit_is_refused(admin_client: Client, settings) -> None:
    settings.INGEST_MAX_TEXT_CHARS = 100
    batch = upload(admin_client, [], text=_english("the pasted road"))
    item = batch.items.get()
    assert item.status == ItemStatus.REJECTED
    assert item.message == "text longer than the limit of 100 characters"


@pytest.mark.parametrize(
    "fields",
    [
        {"text": "a\x00b"},
        {"url": "http://[::1"},
        {"text": "x", "published": "99999-01-01"},
        {"text": "x", "story_slug": "bad\x00slug"},
        {"text": "x", "outlet": "o" * 1000},
    ],
    ids=["NUL in pasted text", "bad URL", "date out of range", "NUL in slug", "long outlet"],
)
def test_bad_form_values_are_a_400(admin_client: Client, fields: dict[str, str]) -> None:
    response = admin_client.post(reverse("upload"), fields)
    assert response.status_code == 400
    assert not IngestBatch.objects.exists()


# --- URLs and query parameters -------------------------------------------------------------

HUGE = "1" + "0" * 30
ENORMOUS = "9" * 5000  # beyond Python's int() limit for strings


@pytest.fixture
def browser(db) -> Client:
    client = Client()
    client.force_login(user_create_for_test(username="admin", role="Admin"))
    story_create_for_test(slug="a-story")
    return client


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/?page={HUGE}", 404),
        ("/?page=99999", 404),
        ("/?page=-3", 200),
        ("/?page=1e5", 200),
        ("/?page=%00", 200),
        (f"/?page={ENORMOUS}", 404),
        (f"/?outlet={HUGE}", 200),
        ("/?outlet=%C2%B2", 200),
        ("/?outlet=abc", 200),
        ("/?from=9999-12-31&to=0001-01-01", 200),
        ("/?from=2024-02-30&to=yesterday", 200),
        ("/?q=%00", 200),
        ("/?q=%ED%A0%80", 200),
        ("/?q=" + "ق" * 5000, 200),
        ("/stories/%00/", 404),
        ("/stories/%ED%A0%80/", 404),
        ("/stories/a%20story/", 404),
        ("/stories/a-story/?outlets=%C2%B2", 200),
        (f"/stories/a-story/?outlets={ENORMOUS}", 200),
        (f"/stories/a-story/?outlets={HUGE},1,abc,,-2", 200),
        ("/stories/a-story/?tab=%00&all=%00", 200),
        (f"/claims/{HUGE}/", 404),
        (f"/claims/{ENORMOUS}/", 404),
        (f"/articles/{HUGE}/", 404),
        ("/api/stories/%00.json", 404),
        ("/stories/%00/export/", 404),
        ("/stories/%00/export.csv", 404),
        (f"/batches/{HUGE}/", 404),
        (f"/batches/{HUGE}/progress.json", 404),
        (f"/export/?outlet={HUGE}", 400),
        ("/export/?slugs=%00", 400),
        ("/export/?date_from=9999-12-31", 200),
        ("/export/?date_to=0001-01-01", 200),
        (f"/export/stories.csv?outlet={HUGE}", 400),
    ],
)
def test_bad_urls_and_parameters_are_never_a_500(browser: Client, url: str, status: int) -> None:
    assert browser.get(url).status_code == status


def test_bad_posts_are_never_a_500(browser: Client) -> None:
    assert browser.post(f"/links/{HUGE}/review/", {"decision": "x"}).status_code == 404
    assert browser.post("/stories/%00/realign/").status_code == 404


@pytest.mark.parametrize(
    "headers",
    [
        {"Accept-Language": "\x00;q=x, ar-" + "x" * 500},
        {"HX-Request": "true", "HX-Current-URL": "http://[::1", "HX-Target": "\x00"},
        {"HX-Request": "true", "HX-History-Restore-Request": "maybe"},
        {"Cookie": "django_language=\x00; sessionid=garbage"},
    ],
    ids=["accept-language", "htmx headers", "history restore", "cookies"],
)
def test_bad_headers_are_never_a_500(browser: Client, headers: dict[str, str]) -> None:
    for url in ("/", "/stories/a-story/", "/upload/", "/export/"):
        assert browser.get(url, headers=headers).status_code in (200, 302), url


def test_login_with_a_bad_htmx_current_url(db) -> None:
    response = Client().get(
        reverse("login"), headers={"HX-Request": "true", "HX-Current-URL": "http://[::1"}
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/accounts/login/?next=%2F"


def test_many_entries_zip_is_refused_at_once(
    many_entries_zip: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Refused from the count the archive declares, before its 100,000 entries are listed.
    from newsdiff import readers

    def no_listing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the archive's entries were listed")

    monkeypatch.setattr(readers.zipfile, "ZipFile", no_listing)
    (document,) = readers.read_upload("many.zip", many_entries_zip)
    assert document.error == "too many entries in the zip archive (100,000; at most 5,000)"
