"""Reading uploads, pasted text and fetched pages into documents (no database)."""

from __future__ import annotations

import codecs
import datetime
import http.server
import io
import json
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer
import pytest

from newsdiff import readers
from newsdiff.readers import Document, fetch_url, read_pasted, read_upload

FILES = Path(__file__).resolve().parent / "files"

# The paragraph every tests/files/arabic-*.txt holds, in its own encoding.
PARAGRAPH = (
    "أعلنت بلدية مدينة النخيل صباح الثلاثاء افتتاح جسر جديد فوق نهر الوادي"
    " بعد ثلاث سنوات من الأعمال.\n"
    "وقال رئيس البلدية إن الجسر سيختصر زمن التنقل بين ضفتي المدينة إلى عشر دقائق،"
    " بعد أن كان يتجاوز الساعة في أوقات الذروة.\n"
    "وبلغت كلفة المشروع 120 مليون دينار مولتها الحكومة بالكامل،"
    " فيما يتسع الجسر لأربعة مسارات وممر للمشاة.\n"
    "ورحب سكان الحي الشرقي بالافتتاح، لكن بعضهم طالب بإشارات مرور إضافية عند مدخل الجسر."
)
ARTICLE_SENTENCES = PARAGRAPH.split("\n")
# Strings of article.html that are not the article.
PAGE_FURNITURE = [
    "الصفحة الرئيسية",
    "قسم الاقتصاد والأعمال",
    "الباقة الذهبية",
    "عروض السفر الصيفية",
    "جميع الحقوق محفوظة",
    "سياسة الخصوصية",
    "فوز فريق النخيل",
    "adSlots",
]
# A PNG signature and header: what an image looks like to the readers.
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00"


def read_one(name: str, data: bytes) -> Document:
    documents = read_upload(name, data)
    assert len(documents) == 1, documents
    return documents[0]


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- Encodings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "starts_with"),
    [
        ("arabic-utf8.txt", "أعلنت".encode()),
        ("arabic-utf8-bom.txt", codecs.BOM_UTF8),
        ("arabic-utf16le.txt", codecs.BOM_UTF16_LE),
        ("arabic-utf16be.txt", codecs.BOM_UTF16_BE),
        ("arabic-cp1256.txt", "أعلنت".encode("cp1256")),
    ],
)
def test_text_files_in_every_encoding_decode_exactly(filename: str, starts_with: bytes) -> None:
    data = (FILES / filename).read_bytes()
    assert data.startswith(starts_with)  # the sample really is in that encoding

    document = read_one(filename, data)

    assert document == Document(source=filename, text=PARAGRAPH)


def test_cp1256_sample_is_not_valid_utf8() -> None:
    with pytest.raises(UnicodeDecodeError):
        (FILES / "arabic-cp1256.txt").read_bytes().decode("utf-8")


def test_short_cp1256_headline_beats_the_general_detector() -> None:
    headline = "ارتفاع الأسعار بنسبة 5%"
    data = headline.encode("cp1256")
    # charset-normalizer alone turns this into Japanese mojibake.
    assert str(charset_normalizer.from_bytes(data).best()) != headline

    assert read_one("headline.txt", data).text == headline


def test_crlf_and_lone_cr_become_newlines() -> None:
    document = read_one("lines.txt", "سطر أول\r\nسطر ثان\rسطر ثالث\r\n".encode())
    assert document.text == "سطر أول\nسطر ثان\nسطر ثالث"


def test_latin1_text_is_not_mistaken_for_arabic() -> None:
    text = "Le pont a été inauguré mardi après trois années de travaux à Nakhil."
    assert read_one("french.txt", text.encode("latin-1")).text == text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t  \r\n",
        codecs.BOM_UTF8 + b"  \n",
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
    ],
    ids=["zero bytes", "whitespace", "utf-8 BOM only", "utf-16 whitespace"],
)
def test_empty_files_are_errors(data: bytes) -> None:
    assert read_one("empty.txt", data) == Document(source="empty.txt", error="empty file")


@pytest.mark.parametrize(
    "data",
    [
        "نص بترميز UTF-16 بلا علامة".encode("utf-16-le"),
        bytes(range(1, 9)) * 40 + "نص".encode(),
    ],
    ids=["utf-16 without BOM", "control characters"],
)
def test_binary_content_is_not_text(data: bytes) -> None:
    document = read_one("data.txt", data)
    assert document.error == "not a text file (binary content)"
    assert document.text == ""


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG_BYTES, "a PNG image"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a zip archive or an Office document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    ],
    ids=["png", "pdf", "docx", "jpeg"],
)
def test_known_binary_formats_are_named(data: bytes, kind: str) -> None:
    # A PDF named .txt without NUL bytes would otherwise decode, and its markup be stored.
    assert read_one("named.txt", data).error == f"not a text file ({kind})"


# --- Dispatch -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.pdf", "photo.PNG", "notes"])
def test_other_extensions_are_unsupported(name: str) -> None:
    document = read_one(name, PNG_BYTES)
    assert document.error.startswith("unsupported file type")
    assert document.source == name


def test_extension_is_case_insensitive() -> None:
    assert read_one("STORY.TXT", PARAGRAPH.encode()).text == PARAGRAPH


def test_unsupported_message_names_the_extension() -> None:
    assert read_one("report.PDF", b"%PDF-1.7").error == "unsupported file type .pdf"


def test_read_pasted_normalises_newlines_and_strips() -> None:
    assert read_pasted("\ufeff  سطر أول\r\nسطر ثان  \n") == Document(
        source="pasted text", text="سطر أول\nسطر ثان"
    )
    assert read_pasted(" \n ", source="form").error == "empty text"


# --- HTML ---------------------------------------------------------------------


def test_html_keeps_only_the_article_and_reads_metadata() -> None:
    document = read_one("article.html", (FILES / "article.html").read_bytes())

    assert document.error == ""
    for sentence in ARTICLE_SENTENCES:
        assert sentence in document.text
    for furniture in PAGE_FURNITURE:
        assert furniture not in document.text
    assert document.title == "افتتاح جسر جديد فوق نهر الوادي"
    assert document.url == "https://akhbar-alnakheel.example/news/bridge-opening"
    assert document.outlet == "أخبار النخيل"
    assert document.published == datetime.date(2024, 10, 7)


def test_html_meta_charset_is_honoured() -> None:
    html = (FILES / "article.html").read_text(encoding="utf-8")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')

    document = read_one("legacy.HTM", html.encode("cp1256"))

    assert ARTICLE_SENTENCES[0] in document.text
    assert document.title == "افتتاح جسر جديد فوق نهر الوادي"


def test_html_http_equiv_charset_is_honoured() -> None:
    # Pure Arabic cp1256 would be found without the declaration; a Latin-heavy page is not.
    text = "Nakhil News — خبر قصير: Le pont est ouvert à la circulation depuis mardi matin."
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        f"</head><body><article><p>{text}</p></article></body></html>"
    )
    assert read_one("mixed.html", html.encode("cp1256")).text == text


def test_html_falls_back_to_article_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers.trafilatura, "extract", lambda *args, **kwargs: None)

    document = read_one("article.html", (FILES / "article.html").read_bytes())

    assert document.text.split("\n")[1:] == ARTICLE_SENTENCES  # the byline comes first
    for furniture in PAGE_FURNITURE:
        assert furniture not in document.text


def test_html_without_text_is_an_error() -> None:
    html = b"<html><head><style>p {color: red}</style></head><body><script>var a;</script></body>"
    document = read_one("blank.html", html)
    assert document.error == "no article text found in the HTML"


# --- JSON, JSONL, CSV -----------------------------------------------------------


def test_json_object() -> None:
    record = {
        "title": "افتتاح الجسر",
        "text": PARAGRAPH,
        "url": "https://example.com/a",
        "outlet": "أخبار النخيل",
        "published_at": "2024-10-07T13:36:00Z",
    }
    document = read_one("one.json", json.dumps(record, ensure_ascii=False).encode())
    assert document == Document(
        source="one.json",
        text=PARAGRAPH,
        title="افتتاح الجسر",
        url="https://example.com/a",
        outlet="أخبار النخيل",
        published=datetime.date(2024, 10, 7),
    )


def test_json_list_with_alternative_fields_and_bad_items() -> None:
    records = [
        {"content": "الخبر الأول", "date": "2024-10-08"},
        {"body": "الخبر الثاني", "published": "not a date"},
        {"html": "<html><body><article><p>الخبر الثالث من صفحة</p></article></body></html>"},
        "just a string",
        {"title": "بلا نص"},
    ]
    documents = read_upload("many.json", json.dumps(records).encode("utf-16"))

    assert [d.source for d in documents] == [f"many.json#{n}" for n in range(1, 6)]
    assert documents[0].text == "الخبر الأول"
    assert documents[0].published == datetime.date(2024, 10, 8)
    assert documents[1].text == "الخبر الثاني"
    assert documents[1].published is None
    assert documents[2].text == "الخبر الثالث من صفحة"
    assert documents[3].error == "item 4 is not a JSON object"
    assert documents[4].error == "no text"


def test_invalid_json_names_the_line() -> None:
    document = read_one("broken.json", b'{\n  "text": "x",\n  oops\n}')
    assert document.error.startswith("invalid JSON on line 3: ")


def test_jsonl_bad_line_is_its_own_error() -> None:
    lines = [
        json.dumps({"text": "الخبر الأول", "outlet": "أ"}, ensure_ascii=False),
        "",
        '{"text": "مقطوع',
        json.dumps({"text": "الخبر الثاني", "outlet": "ب"}, ensure_ascii=False),
        "[1, 2]",
    ]
    documents = read_upload("feed.jsonl", "\n".join(lines).encode("utf-8-sig"))

    assert [(d.source, d.text, d.outlet) for d in documents if not d.error] == [
        ("feed.jsonl#1", "الخبر الأول", "أ"),
        ("feed.jsonl#4", "الخبر الثاني", "ب"),
    ]
    errors = [(d.source, d.error) for d in documents if d.error]
    assert errors[0][0] == "feed.jsonl#3"
    assert errors[0][1].startswith("invalid JSON on line 3: ")
    assert errors[1] == ("feed.jsonl#5", "line 5 is not a JSON object")


def test_csv_rows_and_an_empty_text_row() -> None:
    csv_text = (
        "Title,Text,URL,Outlet,Published\n"
        'افتتاح الجسر,"أعلنت البلدية افتتاح الجسر.\nوقال رئيسها إنه يختصر الطريق.",'
        "https://example.com/a,أخبار النخيل,2024-10-07\n"
        "خبر فارغ,,https://example.com/b,أخبار النخيل,2024-10-07\n"
        "\n"
        "خبر ثالث,نص الخبر الثالث,,,\n"
    )
    documents = read_upload("rows.csv", csv_text.encode("cp1256"))

    assert documents == [
        Document(
            source="rows.csv#2",
            text="أعلنت البلدية افتتاح الجسر.\nوقال رئيسها إنه يختصر الطريق.",
            title="افتتاح الجسر",
            url="https://example.com/a",
            outlet="أخبار النخيل",
            published=datetime.date(2024, 10, 7),
        ),
        Document(source="rows.csv#3", error="row 3 has no text"),
        Document(source="rows.csv#5", text="نص الخبر الثالث", title="خبر ثالث"),
    ]


def test_csv_with_semicolons() -> None:
    documents = read_upload("excel.csv", "title;content\nعنوان;نص الخبر\n".encode())
    assert documents == [Document(source="excel.csv#2", text="نص الخبر", title="عنوان")]


def test_csv_without_a_text_column() -> None:
    document = read_one("wrong.csv", b"title,url\na,b\n")
    assert document.error.startswith("the CSV header has no text column")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-07", datetime.date(2024, 10, 7)),
        ("2024-10-07T13:36:00Z", datetime.date(2024, 10, 7)),
        ("2024-10-07T13:36:00+03:00", datetime.date(2024, 10, 7)),
        ("2024-10-07 13:36", datetime.date(2024, 10, 7)),
        ("2024-02-30", None),
        ("7 October 2024", None),
        ("", None),
        (20241007, None),
        (None, None),
    ],
)
def test_parse_published(value: object, expected: datetime.date | None) -> None:
    assert readers.parse_published(value) == expected


# --- Zip archives ---------------------------------------------------------------


def test_zip_of_mixed_files() -> None:
    data = zip_bytes(
        {
            "story.txt": (FILES / "arabic-cp1256.txt").read_bytes(),
            "pages/article.html": (FILES / "article.html").read_bytes(),
            "scan.pdf": b"%PDF-1.7\n...",
            "image.txt": PNG_BYTES,
            "pages/": b"",
            "__MACOSX/._story.txt": b"\x00\x05\x16\x07",
            ".DS_Store": b"\x00\x00\x00\x01Bud1",
            "pages/.hidden.txt": b"hidden",
        }
    )
    documents = read_upload("batch.zip", data)

    assert [(d.source, d.error) for d in documents] == [
        ("batch.zip/story.txt", ""),
        ("batch.zip/pages/article.html", ""),
        ("batch.zip/scan.pdf", "unsupported file type .pdf"),
        ("batch.zip/image.txt", "not a text file (a PNG image)"),
    ]
    assert documents[0].text == PARAGRAPH
    assert ARTICLE_SENTENCES[-1] in documents[1].text


def test_zip_inside_zip_is_read_one_level_deep() -> None:
    deepest = zip_bytes({"deep.txt": "عميق".encode()})
    inner = zip_bytes({"inner.txt": "داخلي".encode(), "deeper.zip": deepest})
    outer = zip_bytes({"outer.txt": "خارجي".encode(), "inner.zip": inner})

    documents = read_upload("outer.ZIP", outer)

    assert [(d.source, d.text, d.error) for d in documents] == [
        ("outer.ZIP/outer.txt", "خارجي", ""),
        ("outer.ZIP/inner.zip/inner.txt", "داخلي", ""),
        (
            "outer.ZIP/inner.zip/deeper.zip",
            "",
            "zip archives nested more than one level deep are not read",
        ),
    ]


def test_zip_with_too_many_members_is_refused() -> None:
    data = zip_bytes({f"{n}.txt": b"x" for n in range(readers.MAX_ZIP_MEMBERS + 1)})
    document = read_one("many.zip", data)
    assert document.error == "too many files in the zip archive (at most 500)"


def test_zip_at_the_member_limit_is_read() -> None:
    data = zip_bytes({f"{n}.txt": "خبر".encode() for n in range(readers.MAX_ZIP_MEMBERS)})
    assert len(read_upload("full.zip", data)) == readers.MAX_ZIP_MEMBERS


def test_zip_bomb_is_refused() -> None:
    data = zip_bytes({"bomb.txt": b"0" * (readers.MAX_ZIP_UNCOMPRESSED_BYTES + 1)})
    assert len(data) < 100_000  # it really is a bomb

    document = read_one("bomb.zip", data)

    assert document.error == "zip archive too large when uncompressed (at most 50 MB)"


def test_nested_zips_share_the_member_budget() -> None:
    half = readers.MAX_ZIP_MEMBERS // 2 + 1
    inner = zip_bytes({f"{n}.txt": b"x" for n in range(half)})
    outer = zip_bytes({"a.zip": inner, "b.zip": inner})

    documents = read_upload("outer.zip", outer)

    assert documents[-1].source == "outer.zip/b.zip"
    assert documents[-1].error.startswith("too many files in the zip archive")


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 this is not really a zip", b"", zip_bytes({"a.txt": b"abc"})[:-30]],
    ids=["garbage", "empty", "truncated"],
)
def test_corrupt_zip_is_one_error(data: bytes) -> None:
    document = read_one("broken.zip", data)
    assert document.error.startswith("not a valid zip archive")


def test_damaged_member_is_its_own_error() -> None:
    data = bytearray(zip_bytes({"a.txt": "خبر سليم".encode(), "b.txt": b"y" * 2000}))
    # Flip bytes inside b.txt's compressed data; its CRC check then fails.
    start = data.index(b"b.txt") + len("b.txt") + 2
    data[start : start + 4] = b"\xff\xff\xff\xff"

    documents = read_upload("damaged.zip", bytes(data))

    assert documents[0] == Document(source="damaged.zip/a.txt", text="خبر سليم")
    assert documents[1].source == "damaged.zip/b.txt"
    assert documents[1].error.startswith("damaged file in the zip archive")


def test_empty_zip() -> None:
    assert read_one("none.zip", zip_bytes({})).error == "the zip archive has no files"


def test_zip_path_traversal_is_refused_with_its_reason() -> None:
    data = zip_bytes(
        {
            "../up.txt": b"x",
            "a/../../up.txt": b"x",
            "..\\win.txt": b"x",
            "/etc/passwd.txt": b"x",
            "C:/boot.txt": b"x",
            "fine.txt": "خبر".encode(),
        }
    )
    documents = read_upload("evil.zip", data)
    outside = "unsafe path in the zip archive (it points outside the archive)"
    absolute = "unsafe path in the zip archive (an absolute path)"
    assert [(d.source, d.error) for d in documents] == [
        ("evil.zip/../up.txt", outside),
        ("evil.zip/a/../../up.txt", outside),
        ("evil.zip/..\\win.txt", outside),
        ("evil.zip//etc/passwd.txt", absolute),
        ("evil.zip/C:/boot.txt", absolute),
        ("evil.zip/fine.txt", ""),
    ]


def test_zip_with_too_many_entries_is_refused_from_its_end_record() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(readers.MAX_ZIP_ENTRIES + 1):
            archive.writestr(f"__MACOSX/{number}", b"")
    assert read_one("entries.zip", buffer.getvalue()).error == (
        "too many entries in the zip archive (5,001; at most 5,000)"
    )


def test_zip64_entry_count_is_read() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(0xFFFF + 1):  # beyond the classic record's 16-bit count
            archive.writestr(str(number), b"")
    assert readers._declared_entry_count(buffer.getvalue()) == 0xFFFF + 1
    assert readers._declared_entry_count(b"not a zip") is None


def test_zip_member_that_inflates_too_much_is_refused() -> None:
    size = readers.ZIP_RATIO_MIN_BYTES * 2
    data = zip_bytes({"zeros.txt": b"0" * size, "fine.txt": "خبر".encode()})
    documents = read_upload("ratio.zip", data)
    assert [(d.source, d.error) for d in documents] == [
        ("ratio.zip/zeros.txt", "compressed more than 100 times: not an article (a zip bomb?)"),
        ("ratio.zip/fine.txt", ""),
    ]


def test_zip_member_with_a_lying_size_is_read_no_further_than_it_says() -> None:
    data = bytearray(zip_bytes({"zeros.txt": b"0" * (readers.ZIP_RATIO_MIN_BYTES * 3)}))
    # Claim 10 bytes uncompressed, in the local header and the central directory.
    real = (readers.ZIP_RATIO_MIN_BYTES * 3).to_bytes(4, "little")
    data = data.replace(real, (10).to_bytes(4, "little"))

    (document,) = read_upload("liar.zip", bytes(data))

    # zipfile stops at the declared size; the checksum then fails.
    assert document.error.startswith("damaged file in the zip archive")


def test_zip_member_over_the_file_limit() -> None:
    limits = readers.ReadLimits(max_file_bytes=1000)
    data = zip_bytes({"big.txt": PARAGRAPH.encode() * 3})
    assert read_upload("big.zip", data, limits=limits)[0].error == (
        "file larger than the upload limit of 1000 bytes"
    )


def test_zip_manifest_applies_to_its_members() -> None:
    manifest = (
        '{"path": "a.txt", "outlet": "أخبار النخيل", "published": "2024-10-07", "story": "jisr"}\n'
        '{"path": "./sub/b.txt", "url": "https://example.com/b"}\n'
        '{"path": "c.txt", "published": "7 October"}\n'
        '{"path": "gone.txt"}\n'
    )
    data = zip_bytes(
        {
            "manifest.jsonl": manifest.encode(),
            "a.txt": "خبر أول".encode(),
            "sub/b.txt": "خبر ثان".encode(),
            "c.txt": "خبر ثالث".encode(),
        }
    )
    documents = read_upload("set.zip", data)
    assert documents == [
        Document(
            source="set.zip/manifest.jsonl#3",
            error="manifest entry 3: the date '7 October' is not YYYY-MM-DD",
        ),
        Document(
            source="set.zip/a.txt",
            text="خبر أول",
            outlet="أخبار النخيل",
            published=datetime.date(2024, 10, 7),
            story="jisr",
        ),
        Document(source="set.zip/sub/b.txt", text="خبر ثان", url="https://example.com/b"),
        Document(source="set.zip/c.txt", text="خبر ثالث"),
        Document(source="set.zip/gone.txt", error="listed in the manifest but not in the archive"),
    ]


# --- Damaged and hostile text -----------------------------------------------------


def damaged(text: str, *, bad: bytes = b"\xff") -> bytes:
    """UTF-8 text with invalid bytes between its sentences (never inside a character)."""
    return bad.join(sentence.encode() for sentence in text.split("\n"))


def test_utf8_with_a_few_invalid_bytes_stays_utf8() -> None:
    document = read_one("damaged.txt", damaged(PARAGRAPH))
    # Never re-read as cp1256 (which decodes any byte): the Arabic survives, the three
    # bad bytes are replaced and reported.
    assert document.text == PARAGRAPH.replace("\n", "\ufffd")
    assert document.warnings == ("3 invalid bytes replaced (shown as \ufffd)",)


def test_damaged_utf8_wins_over_a_stale_declaration() -> None:
    html = (FILES / "article.html").read_text(encoding="utf-8")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    data = html.encode().replace("فوق نهر".encode(), "فوق".encode() + b"\x80 " + "نهر".encode(), 1)

    document = read_one("stale.html", data)

    assert ARTICLE_SENTENCES[1] in document.text
    assert document.warnings == ("1 invalid byte replaced (shown as \ufffd)",)


def test_cp1256_is_not_mistaken_for_damaged_utf8() -> None:
    # A letter before the Arabic comma forms a valid UTF-8 pair in cp1256; it stays a stray.
    text = "قالت الوزارة، في بيان رسمي، إن الطريق سيفتح غدا."
    assert read_one("comma.txt", text.encode("cp1256")).text == text


def test_utf16_with_a_bom_and_nul_characters() -> None:
    text = "\x00" + PARAGRAPH.replace("الثلاثاء", "الثلاثاء\x00")
    # FF FE 00 00 also begins UTF-32: the NUL first must not turn the file into UTF-32.
    document = read_one("nul16.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert document.text == PARAGRAPH
    assert document.warnings == ("2 hidden control characters removed",)


def test_a_few_nul_bytes_are_removed_many_are_binary() -> None:
    document = read_one("stray.txt", PARAGRAPH.replace("جسر", "جسر\x00").encode())
    assert document.text == PARAGRAPH and document.warnings
    assert read_one("nuls.txt", b"\x00ab" * 100).error == "not a text file (binary content)"


def test_hidden_controls_leave_every_field_zwnj_stays() -> None:
    record = {
        "text": "قال \u202eالوزير\u202c إن\u200b الجسر \u2066سيفتح\u2069 غدا\ufeff. می\u200cروم",
        "title": "عنوان\x00 \u202eمقلوب",
        "outlet": "\u200dأخبار\x07",
        "story": "قصة\u2060",
        "url": "https://example.com/\x00a",
    }
    document = read_one("hidden.json", json.dumps(record).encode())
    assert document.text == "قال الوزير إن الجسر سيفتح غدا. می\u200cروم"
    assert (document.title, document.outlet, document.story) == ("عنوان مقلوب", "أخبار", "قصة")
    assert document.url == "https://example.com/a"
    assert document.warnings == ("6 hidden control characters removed",)


def test_only_hidden_characters_is_no_text() -> None:
    document = read_one("ghost.txt", "\u200b\u202e\u2066".encode())
    assert document.error == "no text (only invisible characters)"


def test_json_nul_and_lone_surrogates_are_removed() -> None:
    # "الخبر", a NUL, two lone surrogates (low before high: not a pair); the title another.
    data = b'{"text": "\\u0627\\u0644\\u062e\\u0628\\u0631\\u0000 \\udfff\\ud800", '
    data += b'"title": "t\\udc00"}'
    document = read_one("escapes.json", data)
    assert (document.text, document.title) == ("الخبر", "t")
    for value in (document.text, document.title):
        value.encode("utf-8")  # storable: no lone surrogate left


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            b'{"text": "x", "n": ' + b"1" * 5000 + b"}",
            "a number in the JSON is longer than 100 digits",
        ),
        (
            b'{"text": "x", "n": 1.' + b"5" * 200 + b"}",
            "a number in the JSON is longer than 100 digits",
        ),
        (b"[" * 50_000 + b"]" * 50_000, "JSON nested more than 20 levels deep"),
        (b'{"text": ' + b'{"a": ' * 21 + b"1" + b"}" * 22, "JSON nested more than 20 levels deep"),
        (b"[]", "the JSON list is empty"),
    ],
    ids=["huge int", "long float", "deep list", "deep object", "empty list"],
)
def test_json_limits(data: bytes, error: str) -> None:
    assert read_one("limits.json", data).error == error


def test_json_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = "[" * 50 + ' "quoted \\" [[[" {{{'
    document = read_one("brackets.json", json.dumps({"text": text}).encode())
    assert document.text == text


def test_jsonl_limits_are_per_line() -> None:
    lines = [b'{"text": "first"}', b'{"n": ' + b"9" * 200 + b"}", b"[" * 30 + b"]" * 30]
    documents = read_upload("feed.jsonl", b"\n".join(lines))
    assert [d.error for d in documents] == [
        "",
        "a number in the JSON is longer than 100 digits",
        "JSON nested more than 20 levels deep",
    ]


def test_unicode_line_breaks_become_newlines() -> None:
    text = "سطر أول\u2028سطر ثان\u2029سطر ثالث\x0cسطر رابع\x85سطر خامس"
    assert read_one("breaks.txt", text.encode()).text.split("\n") == [
        "سطر أول",
        "سطر ثان",
        "سطر ثالث",
        "سطر رابع",
        "سطر خامس",
    ]


# --- Limits and paths -------------------------------------------------------------


def test_limits_come_from_settings_with_defaults() -> None:
    class Settings:
        UPLOAD_MAX_BYTES = 1000
        INGEST_MAX_TEXT_CHARS = 50

    limits = readers.ReadLimits.from_settings(Settings())
    assert limits == readers.ReadLimits(
        max_file_bytes=1000,
        max_text_chars=50,
        max_archive_members=readers.MAX_ZIP_MEMBERS,
        max_archive_bytes=readers.MAX_ZIP_UNCOMPRESSED_BYTES,
    )


def test_text_and_file_limits() -> None:
    limits = readers.ReadLimits(max_file_bytes=5000, max_text_chars=100)
    assert read_upload("long.txt", PARAGRAPH.encode(), limits=limits)[0].error == (
        "text longer than the limit of 100 characters"
    )
    assert read_upload("big.txt", b"x" * 5001, limits=limits)[0].error == (
        "file larger than the upload limit of 4.88281 KB"
    )
    assert read_pasted(PARAGRAPH, limits=limits).error == (
        "text longer than the limit of 100 characters"
    )


def test_read_path_reads_like_an_upload(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes((FILES / "arabic-cp1256.txt").read_bytes())
    assert readers.read_path(path) == [Document(source=str(path), text=PARAGRAPH)]


def test_read_path_refuses_by_size_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    monkeypatch.setattr(Path, "open", lambda *args, **kwargs: pytest.fail("read it"))

    (document,) = readers.read_path(path)

    assert document.error == "file larger than the upload limit of 20 MB"


def test_read_path_missing_and_folder(tmp_path: Path) -> None:
    assert readers.read_path(tmp_path / "nope.txt")[0].error == "no such file"
    assert readers.read_path(tmp_path)[0].error == "not a regular file"


def test_read_manifest_gives_each_file_its_row(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "article.html").write_bytes((FILES / "article.html").read_bytes())
    (tmp_path / "story.txt").write_text(PARAGRAPH, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,outlet,url,published,story\n"
        "story.txt,أخبار النخيل,https://example.com/s,2024-10-07,jisr\n"
        "pages/article.html,,,,\n"
        "gone.txt,,,,\n"
        ",no path,,,\n",
        encoding="utf-8",
    )

    documents = list(readers.read_manifest(manifest))

    assert documents[0] == Document(
        source=str(tmp_path / "story.txt"),
        text=PARAGRAPH,
        url="https://example.com/s",
        outlet="أخبار النخيل",
        published=datetime.date(2024, 10, 7),
        story="jisr",
    )
    # An HTML file is extracted, and keeps what the page shows when the row gives nothing.
    assert documents[1].outlet == "أخبار النخيل" and ARTICLE_SENTENCES[0] in documents[1].text
    assert "<p>" not in documents[1].text
    assert (documents[2].source, documents[2].error) == (str(tmp_path / "gone.txt"), "no such file")
    assert documents[3].error == "manifest entry 5 has no path"


def test_read_manifest_jsonl_and_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("خبر أول", encoding="utf-8")
    jsonl = tmp_path / "list.jsonl"
    jsonl.write_text('{"path": "a.txt", "outlet": "أ"}\n{"file": "a.txt"}\n[1]\n', encoding="utf-8")
    assert [(d.outlet, d.error) for d in readers.read_manifest(jsonl)] == [
        ("أ", ""),
        ("", ""),
        ("", "unreadable manifest: entry 3 is not an object"),
    ]
    as_json = tmp_path / "list.json"
    as_json.write_text('[{"file": "a.txt", "story": "s"}]', encoding="utf-8")
    assert [d.story for d in readers.read_manifest(as_json)] == ["s"]
    as_json.write_text('{"file": "a.txt"}', encoding="utf-8")
    assert [d.error for d in readers.read_manifest(as_json)] == [
        "unreadable manifest: a JSON manifest must be a list of objects"
    ]


# --- Fetching -----------------------------------------------------------------


class NewsHandler(http.server.BaseHTTPRequestHandler):
    """A small news site: each path is one situation fetch_url must handle."""

    release_slow = threading.Event()

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        routes = {
            "/article": (200, "text/html; charset=utf-8", (FILES / "article.html").read_bytes()),
            "/legacy": (
                200,
                "text/html; charset=windows-1256",
                (FILES / "article.html").read_bytes().decode().encode("cp1256"),
            ),
            "/plain": (200, "text/plain", (FILES / "arabic-utf16le.txt").read_bytes()),
            "/big": (200, "text/plain; charset=utf-8", "خبر ".encode() * 1000),
            "/image": (200, "image/png", PNG_BYTES),
            "/empty": (200, "text/plain", b""),
        }
        if self.path in routes:
            status, content_type, body = routes[self.path]
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/big-unannounced":
            # No Content-Length: the size is only known by reading.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            self.wfile.write("خبر ".encode() * 1000)
        elif self.path.startswith("/redirect"):
            targets = {
                "/redirect": "/article",
                "/redirect-twice": "/redirect",
                "/redirect-ftp": "ftp://example.com/file.txt",
                "/redirect-file": "file:///etc/passwd",
                "/redirect-private": f"http://127.0.0.2:{port}/article",
            }
            self.send_response(302)
            self.send_header("Location", targets[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            self.release_slow.wait(5)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/drip-body":
            # Headers at once, then two bytes every 0.1 s: each read is quick, the whole not.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", "2000")
            self.end_headers()
            self._drip(b"ab" * 1000)
        elif self.path == "/drip-headers":
            self._drip(b"HTTP/1.1 200 OK\r\nX-Padding: " + b"x" * 2000 + b"\r\n\r\n")
        else:
            self.send_error(404)

    def _drip(self, data: bytes) -> None:
        for start in range(0, len(data), 2):
            if self.release_slow.is_set():
                return
            try:
                self.wfile.write(data[start : start + 2])
                self.wfile.flush()
            except OSError:
                return  # the client hung up, as it should
            time.sleep(0.1)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def news_site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NewsHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    NewsHandler.release_slow.set()
    server.shutdown()
    server.server_close()


def fetch(url: str, *, max_bytes: int = 1_000_000, allow_private: bool = True) -> Document:
    return fetch_url(url, timeout=0.5, max_bytes=max_bytes, allow_private=allow_private)


def test_fetch_html_page(news_site: str) -> None:
    document = fetch(f"{news_site}/article")

    assert document.error == ""
    assert document.source == document.url == f"{news_site}/article"
    for sentence in ARTICLE_SENTENCES:
        assert sentence in document.text
    for furniture in PAGE_FURNITURE:
        assert furniture not in document.text
    assert document.title == "افتتاح جسر جديد فوق نهر الوادي"
    assert document.outlet == "أخبار النخيل"
    assert document.published == datetime.date(2024, 10, 7)


def test_fetch_uses_the_response_charset(news_site: str) -> None:
    # The page still says <meta charset="utf-8">; the header is right and wins.
    document = fetch(f"{news_site}/legacy")
    assert ARTICLE_SENTENCES[0] in document.text


def test_fetch_text_page(news_site: str) -> None:
    assert fetch(f"{news_site}/plain") == Document(
        source=f"{news_site}/plain", text=PARAGRAPH, url=f"{news_site}/plain"
    )


def test_fetch_follows_redirects_and_reports_the_final_url(news_site: str) -> None:
    document = fetch(f"{news_site}/redirect-twice")

    assert document.source == f"{news_site}/redirect-twice"
    assert document.url == f"{news_site}/article"
    assert ARTICLE_SENTENCES[0] in document.text


@pytest.mark.parametrize("path", ["/redirect-ftp", "/redirect-file"])
def test_fetch_refuses_redirects_to_other_schemes(news_site: str, path: str) -> None:
    document = fetch(f"{news_site}{path}")
    assert document.error.startswith("redirected to a URL that cannot be fetched")
    assert document.text == ""


def test_fetch_rechecks_the_address_of_a_redirect(
    news_site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend 127.0.0.1 is a public address, so that only the redirect target is private.
    monkeypatch.setattr(readers, "_is_public_address", lambda address: address == "127.0.0.1")

    assert fetch(f"{news_site}/article", allow_private=False).error == ""
    document = fetch(f"{news_site}/redirect-private", allow_private=False)

    assert document.error == "refusing to fetch from a private or local address (127.0.0.2)"


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_fetch_refuses_pages_over_max_bytes(news_site: str, path: str) -> None:
    document = fetch(f"{news_site}{path}", max_bytes=2048)
    assert document.error == "page larger than 2 KB"
    assert document.text == ""


def test_fetch_size_limit_is_worded_in_megabytes() -> None:
    assert readers._too_large(5 * 1024 * 1024) == "page larger than 5 MB"


def test_fetch_http_error(news_site: str) -> None:
    document = fetch(f"{news_site}/missing")
    assert document.error == "the server answered HTTP 404 (Not Found)"
    assert document.url == f"{news_site}/missing"


def test_fetch_binary_and_empty_pages(news_site: str) -> None:
    assert fetch(f"{news_site}/image").error == "not a text page (a PNG image)"
    assert fetch(f"{news_site}/empty").error == "empty page"


def test_fetch_timeout(news_site: str) -> None:
    document = fetch(f"{news_site}/slow")
    assert document.error == "the server did not answer within 0.5 seconds"


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_fetch_timeout_bounds_the_whole_fetch_not_each_read(news_site: str, path: str) -> None:
    # The server answers every read within 0.1 s, and would take 100 s to finish: a bound on
    # each read would return the whole page, without an error.
    document = fetch(f"{news_site}{path}")
    assert document.error == "the server did not answer within 0.5 seconds"
    assert document.text == ""


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_fetch_refuses_loopback_unless_allowed(news_site: str, host: str) -> None:
    url = news_site.replace("127.0.0.1", host) + "/article"
    document = fetch(url, allow_private=False)
    assert document.error.startswith("refusing to fetch from a private or local address")
    assert document.text == ""


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::",
        "::ffff:127.0.0.1",
        # IPv6 addresses that embed a private IPv4 one: 6to4 of 127.0.0.1 and 10.0.0.1,
        # Teredo with client 127.0.0.1, NAT64 of 127.0.0.1 and of the cloud metadata
        # address, local-use NAT64 (refused whatever it embeds), IPv4-mapped 10.0.0.1.
        "2002:7f00:1::",
        "2002:a00:1::1",
        "2001:0:4136:e378:8000:63bf:80ff:fffe",
        "64:ff9b::7f00:1",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::808:808",
        "::ffff:10.0.0.1",
    ],
)
def test_fetch_refuses_non_public_addresses(monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET

    def resolve_to_address(host: str, port: int, *args: object, **kwargs: object) -> list:
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve_to_address)

    document = fetch("http://news.example/article", allow_private=False)

    assert document.error == f"refusing to fetch from a private or local address ({address})"


@pytest.mark.parametrize(
    "address",
    [
        "8.8.8.8",
        "2001:4860:4860::8888",
        # 6to4, Teredo (server and client public) and NAT64 of 8.8.8.8: judged by it.
        "2002:808:808::1",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
        "64:ff9b::808:808",
    ],
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert readers._is_public_address(address)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/a.txt", "javascript:alert(1)", "http://"]
)
def test_fetch_refuses_other_schemes(url: str) -> None:
    document = fetch(url, allow_private=False)
    assert document == Document(
        source=url, url=url, error="only http and https URLs can be fetched"
    )


def test_fetch_https_goes_through_the_guarded_connection(news_site: str) -> None:
    refused = fetch(news_site.replace("http:", "https:"), allow_private=False)
    assert refused.error == "refusing to fetch from a private or local address (127.0.0.1)"
    # Allowed through, it reaches the plain-HTTP server, which cannot speak TLS.
    allowed = fetch(news_site.replace("http:", "https:"))
    assert allowed.error.startswith("secure connection failed")


@pytest.mark.parametrize("url", ["http://[::1/", "http://news.example:port/"])
def test_fetch_malformed_urls(url: str) -> None:
    document = fetch(url, allow_private=False)
    assert document.error in (
        "not a valid URL",
        "could not fetch the page (nonnumeric port: 'port')",
    )


def test_fetch_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)

    document = fetch("https://no-such-outlet.example/news", allow_private=False)

    assert document.error == "could not find the server (DNS lookup failed)"


def test_fetch_connection_refused(news_site: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    document = fetch(f"http://127.0.0.1:{closed_port}/")
    assert document.error == "the server refused the connection"
