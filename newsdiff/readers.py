"""Turn what admins upload, paste, point at or pass to ``manage.py ingest`` into documents.

Pure input handling for the upload form and the ingest command alike: bytes, paths and
URLs in, ``Document`` values out. No database and no Django; services decide what to store.
Bad input never raises: every problem becomes a ``Document`` whose ``error`` says, in words
an editor understands, why that file, row or page could not be read, so one broken member
of a batch does not hide the good ones. Every document leaves through ``_finished``, which
removes what no stored text may hold (NUL, lone surrogates, hidden direction and zero-width
controls) and applies the text-length limit.

Arabic material arrives in every encoding newsrooms have used: UTF-8 (with or without BOM,
sometimes with a few damaged bytes), UTF-16 from Windows editors and Windows-1256 from older
CMSes. ``decode_text`` handles them all, preferring cp1256 over the general detector when
the bytes read as Arabic, because the detector mistakes short cp1256 texts for Latin code
pages.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime
import functools
import http.client
import io
import ipaddress
import itertools
import json
import re
import socket
import ssl
import struct
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any, Literal

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document as PageMetadata

BYTES_PER_KB = 1024
BYTES_PER_MB = 1024 * 1024

# Defaults of ReadLimits (each a setting, see ReadLimits.from_settings).
MAX_FILE_BYTES = 20 * BYTES_PER_MB
# The longest article of devset/ and ../shared/corpus is under 20,000 characters, a long
# report some 100,000. Measured here (one core): 300,000 characters ingest in 9 s at a
# 425 MB peak, a million in 28 s at 636 MB; a book or a database dump pasted as one
# "article" is refused rather than tying a worker up.
MAX_TEXT_CHARS = 300_000
# Zip-bomb limits, counted over the whole upload including a nested archive.
MAX_ZIP_MEMBERS = 500
MAX_ZIP_UNCOMPRESSED_BYTES = 50 * BYTES_PER_MB
# Entries of any kind (files, folders, macOS ._ forks) an archive may list, read from its
# end record before its directory is parsed: a 100,000-entry archive is refused in
# milliseconds instead of being parsed whole (0.4 s and 100,000 objects).
MAX_ZIP_ENTRIES = 10 * MAX_ZIP_MEMBERS
# A zip inside the uploaded zip is read; a zip inside that one is not.
MAX_ZIP_NESTING = 1
# Text compresses 3-10 times (Arabic UTF-8 about 4, repetitive CSV up to 20); a member that
# inflates more than MAX_ZIP_RATIO times is a bomb, not an article. Small members are spared:
# a page of one repeated character can legitimately compress that well.
MAX_ZIP_RATIO = 100
ZIP_RATIO_MIN_BYTES = BYTES_PER_MB

# JSON nested deeper than this is not an article feed (ours are two levels: a list of
# objects); the limit is checked before parsing, so deep nesting never reaches the parser's
# recursion. Numbers longer than JSON_MAX_DIGITS are refused before int() is asked to
# convert them (Python refuses beyond 4,300 digits, and slowly well before).
JSON_MAX_DEPTH = 20
JSON_MAX_DIGITS = 100

# cp1256 wins over the detector when at least this share of the letters it yields
# are Arabic. Real cp1256 news text is >90% Arabic letters (the rest: Latin names,
# numbers are not letters); Latin-1 text misread as cp1256 turns its accented
# letters into Arabic ones but keeps its ASCII letters, staying far below half.
# Cyrillic cp1251 would be misread as Arabic: an accepted cost for an Arabic tool.
CP1256_MIN_ARABIC_LETTER_SHARE = 0.5
# Bytes that are not valid UTF-8 but hold at least this many valid multi-byte UTF-8
# characters per invalid byte are UTF-8 with damage (a truncated copy, a stray byte), read
# as UTF-8 with the bad bytes replaced. Legacy encodings almost never form valid UTF-8
# sequences by chance: cp1256 Arabic yields about one per fifty invalid bytes (a letter
# before the Arabic comma), Latin-1 none.
UTF8_MIN_VALID_PER_INVALID = 4
# Decoded text with more control characters than this (tab, newlines and form
# feed excepted) is a binary file that happened to decode. Text files have none.
BINARY_MAX_CONTROL_SHARE = 0.05
# Only the start of an HTML file is searched for <meta charset>, as browsers do.
HTML_CHARSET_SCAN_BYTES = 4096

TEXT_FIELDS = ("text", "content", "body")
HTML_FIELD = "html"
PUBLISHED_FIELDS = ("published", "published_at", "date")
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl", "manifest.json")
MANIFEST_PATH_FIELDS = ("path", "file")

FETCH_USER_AGENT = "Mozilla/5.0 (compatible; newsdiff article fetcher)"
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
FETCH_SCHEMES = ("http", "https")

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What a file that is not text usually begins with, and what to call it in the error.
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or an Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_ISO_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# Unicode's control characters (category Cc) but tab, newlines and form feed.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# The same in bytes of any ASCII-compatible encoding (C1 controls are letters in cp1256).
_CONTROL_BYTE = re.compile(b"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_LINE_BREAKS = re.compile("\r\n|[\r\f\v\x85\u2028\u2029]")
# Removed from every field of every document. NUL: PostgreSQL cannot store it. Lone
# surrogates: not encodable, so no database or file can hold them. Other C0 controls:
# invisible, and refused in XLSX cells by openpyxl. Bidi embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069): they make a claim display as something other
# than what it says. Zero-width space, joiner, word joiner, BOM and the Mongolian vowel
# separator: invisible, they split words so that matching misses them. The zero-width
# non-joiner (U+200C) is kept: Persian spelling needs it (می‌روم).
_HIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\u200b\u200d\u2060\u180e\ufeff"
    "\u202a-\u202e\u2066-\u2069]"
)
# A JSON string (escapes included) and a JSON bracket, for measuring nesting.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_JSON_BRACKETS = re.compile(r"[\[\]{}]")
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")

# Zip end-of-central-directory records (APPNOTE 4.3.14-4.3.16): where the entry count is.
_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SIZE = 22
_EOCD_MAX_COMMENT = 0xFFFF
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_EOCD_SIGNATURE = b"PK\x06\x06"
_ZIP64_EOCD_SIZE = 56


@dataclass(frozen=True)
class Document:
    """One article read from an upload, a paste, a file or a URL, or the reason it could not be.

    ``source`` names where it came from: the file name (the path given to the ingest
    command), ``batch.zip/inner.txt`` for a member of a zip, ``rows.csv#3`` for a CSV row
    (spreadsheet numbering: the header is row 1), ``lines.jsonl#3`` for a JSONL line and
    ``list.json#3`` for the third item of a JSON list. ``text`` is plain text with ``\\n``
    newlines, empty when ``error`` is set. ``story`` is a story slug given by a manifest,
    a JSON field or a CSV column. ``warnings`` say what was repaired in a document that was
    still read ("3 invalid bytes replaced (shown as �)").
    """

    source: str
    text: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: datetime.date | None = None
    story: str = ""
    error: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadLimits:
    """How much one file, archive or text may hold: the same for the upload form and the
    ingest command. Each comes from a setting (``from_settings``)."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_text_chars: int = MAX_TEXT_CHARS
    max_archive_members: int = MAX_ZIP_MEMBERS
    max_archive_bytes: int = MAX_ZIP_UNCOMPRESSED_BYTES

    @classmethod
    def from_settings(cls, settings: object) -> ReadLimits:
        """The limits a settings object sets, the defaults above for those it does not:
        ``UPLOAD_MAX_BYTES``, ``INGEST_MAX_TEXT_CHARS``, ``INGEST_MAX_ARCHIVE_MEMBERS`` and
        ``INGEST_MAX_ARCHIVE_BYTES``."""
        return cls(
            max_file_bytes=int(getattr(settings, "UPLOAD_MAX_BYTES", MAX_FILE_BYTES)),
            max_text_chars=int(getattr(settings, "INGEST_MAX_TEXT_CHARS", MAX_TEXT_CHARS)),
            max_archive_members=int(
                getattr(settings, "INGEST_MAX_ARCHIVE_MEMBERS", MAX_ZIP_MEMBERS)
            ),
            max_archive_bytes=int(
                getattr(settings, "INGEST_MAX_ARCHIVE_BYTES", MAX_ZIP_UNCOMPRESSED_BYTES)
            ),
        )


DEFAULT_LIMITS = ReadLimits()


# --- Public API ---------------------------------------------------------------


def read_upload(name: str, data: bytes, *, limits: ReadLimits = DEFAULT_LIMITS) -> list[Document]:
    """Read an uploaded file into documents, dispatching on its extension.

    ``.txt``, ``.html``/``.htm``, ``.json``, ``.jsonl``, ``.csv`` and ``.zip`` (whose
    members follow the same rules, with an optional manifest). Any other extension yields
    one error document.
    """
    if len(data) > limits.max_file_bytes:
        return [file_too_large(name, limits)]
    documents = _read_file(name, data, budget=_ZipBudget.of(limits), depth=0, limits=limits)
    return [_finished(document, limits) for document in documents]


def read_path(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> list[Document]:
    """Read a file on disk the way ``read_upload`` reads an upload; ``source`` is the path.

    The size is checked before reading, so a file over the limit is refused without being
    read into memory.
    """
    data, error = _path_bytes(path, limits)
    if error:
        return [_finished(Document(source=str(path), error=error), limits)]
    return read_upload(str(path), data, limits=limits)


def read_manifest(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Document]:
    """Read the files a manifest lists, each with the outlet, URL, publication date and
    story its row gives (a value the manifest gives wins over one read from the file).

    A manifest is CSV (a header row), JSONL or a JSON list, with ``path`` (or ``file``,
    relative to the manifest's folder) and optional ``outlet``, ``url``, ``published`` and
    ``story``. Files are read one at a time, as the caller asks for their documents.
    """
    data, error = _path_bytes(path, limits)
    if error:
        yield _finished(Document(source=str(path), error=error), limits)
        return
    for row in _manifest_rows(str(path), data):
        if isinstance(row, Document):
            yield _finished(row, limits)
            continue
        for document in read_path(path.parent / row.path, limits=limits):
            yield _finished(row.applied_to(document), limits)


def read_pasted(
    text: str, *, source: str = "pasted text", limits: ReadLimits = DEFAULT_LIMITS
) -> Document:
    """Wrap text pasted into a form, normalising newlines the way files are."""
    text = _normalise_newlines(text).lstrip("\ufeff").strip()
    if not text:
        return Document(source=source, error="empty text")
    return _finished(Document(source=source, text=text), limits)


def file_too_large(name: str, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """The document of a file refused for its size, before it is read."""
    limit = _size_label(limits.max_file_bytes)
    return Document(source=name, error=f"file larger than the upload limit of {limit}")


def fetch_url(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    allow_private: bool,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Document:
    """Download one page and read its article.

    Only http(s). ``timeout`` bounds the whole fetch (every connection, redirect, header
    and byte of the body), not each read: a server that trickles its answer is cut off when
    the time is up. Unless ``allow_private``, every connection, including each redirect
    hop, is refused when the host resolves to a private, loopback, link-local, multicast,
    reserved or unspecified address, or to an IPv6 address that embeds such an IPv4 one.
    The address is checked at connect time on the address actually connected to, so DNS
    cannot answer differently between the check and the connection. ``Document.url`` is the
    final URL.
    """
    scheme_error = _scheme_error(url)
    if scheme_error:
        return Document(source=url, url=url, error=scheme_error)
    with _Deadline(timeout) as deadline:
        page = _fetch(url, deadline=deadline, max_bytes=max_bytes, allow_private=allow_private)
    return _finished(page, limits)


# --- Documents leave through here -----------------------------------------------


def _finished(document: Document, limits: ReadLimits) -> Document:
    """A document as it leaves the readers: no hidden characters in any field, a warning
    when the text lost some, and the text-length limit applied."""
    text, hidden = _HIDDEN_CHARACTERS.subn("", document.text)
    document = dataclasses.replace(
        document,
        source=_visible(document.source),
        text=text.strip(),
        title=_visible(document.title),
        url=_visible(document.url),
        outlet=_visible(document.outlet),
        story=_visible(document.story),
        error=_visible(document.error),
    )
    if document.error:
        return dataclasses.replace(document, text="")
    if not document.text:
        error = "no text (only invisible characters)"
        return Document(source=document.source, url=document.url, error=error)
    if len(document.text) > limits.max_text_chars:
        return Document(
            source=document.source,
            url=document.url,
            error=f"text longer than the limit of {limits.max_text_chars:,} characters",
        )
    if hidden:
        warning = f"{hidden} hidden control character{_plural(hidden)} removed"
        document = _with_warning(document, warning)
    return document


def _visible(value: str) -> str:
    return _HIDDEN_CHARACTERS.sub("", value).strip()


def _with_warning(document: Document, warning: str) -> Document:
    if document.error or warning in document.warnings:
        return document
    return dataclasses.replace(document, warnings=(*document.warnings, warning))


def _plural(count: int) -> str:
    return "" if count == 1 else "s"


# --- Files --------------------------------------------------------------------


@dataclass
class _ZipBudget:
    """What is left of the zip-bomb limits; shared by an archive and the zips inside it."""

    members_left: int
    bytes_left: int

    @classmethod
    def of(cls, limits: ReadLimits) -> _ZipBudget:
        return cls(members_left=limits.max_archive_members, bytes_left=limits.max_archive_bytes)


def _path_bytes(path: Path, limits: ReadLimits) -> tuple[bytes, str]:
    """A file's bytes, or the reason they were not read: missing, not a regular file, or
    larger than the limit (known from its size, before reading)."""
    try:
        if not path.is_file():
            return b"", "no such file" if not path.exists() else "not a regular file"
        if path.stat().st_size > limits.max_file_bytes:
            return b"", file_too_large(str(path), limits).error
        with path.open("rb") as file:
            data = file.read(limits.max_file_bytes + 1)
    except OSError as exc:
        return b"", f"cannot read the file ({exc.strerror or exc})"
    if len(data) > limits.max_file_bytes:  # it grew while being read
        return b"", file_too_large(str(path), limits).error
    return data, ""


def _read_file(
    name: str, data: bytes, *, budget: _ZipBudget, depth: int, limits: ReadLimits
) -> list[Document]:
    extension = _extension(name)
    if extension == ".zip":
        return _read_zip(name, data, budget=budget, depth=depth, limits=limits)
    reader = _TEXT_READERS.get(extension)
    if reader is None:
        shown = extension or "without an extension"
        return [Document(source=name, error=f"unsupported file type {shown}")]
    decoded = decode_text(
        data, declared=_html_meta_charset(data) if extension in (".html", ".htm") else ""
    )
    if decoded.error:
        return [Document(source=name, error=decoded.error)]
    documents = reader(name, decoded.text)
    if decoded.replaced:
        warning = _replaced_warning(decoded.replaced)
        documents = [_with_warning(document, warning) for document in documents]
    return documents


def _replaced_warning(count: int) -> str:
    return f"{count} invalid byte{_plural(count)} replaced (shown as \ufffd)"


def _extension(name: str) -> str:
    basename = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = basename.rpartition(".")
    return f".{extension.lower()}" if dot and stem else ""


def _read_txt(name: str, text: str) -> list[Document]:
    return [Document(source=name, text=text.strip())]


def _read_html(name: str, text: str) -> list[Document]:
    return [html_document(name, text)]


def _read_json(name: str, text: str) -> list[Document]:
    value, error = _json_loads(text)
    if error:
        return [Document(source=name, error=error)]
    if isinstance(value, dict):
        return [_record_document(name, value)]
    if isinstance(value, list):
        return [
            _record_document(f"{name}#{number}", item)
            if isinstance(item, dict)
            else Document(source=f"{name}#{number}", error=f"item {number} is not a JSON object")
            for number, item in enumerate(value, start=1)
        ] or [Document(source=name, error="the JSON list is empty")]
    return [Document(source=name, error="JSON must be an object or a list of objects")]


def _read_jsonl(name: str, text: str) -> list[Document]:
    documents = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{name}#{number}"
        value, error = _json_loads(line, line_number=number)
        if error:
            documents.append(Document(source=source, error=error))
        elif isinstance(value, dict):
            documents.append(_record_document(source, value))
        else:
            documents.append(Document(source=source, error=f"line {number} is not a JSON object"))
    return documents or [Document(source=name, error="empty file")]


class _JSONNumberTooLongError(ValueError):
    pass


def _json_number(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(digits: str) -> Any:
        if len(digits) > JSON_MAX_DIGITS:
            raise _JSONNumberTooLongError
        return kind(digits)

    return parse


_parse_json_int = _json_number(int)
_parse_json_float = _json_number(float)


def _json_depth(text: str) -> int:
    """How deeply the JSON's arrays and objects nest (brackets inside strings not counted)."""
    brackets = _JSON_BRACKETS.findall(_JSON_STRING.sub("", text))
    steps = (1 if bracket in "[{" else -1 for bracket in brackets)
    return max(itertools.accumulate(steps), default=0)


def _json_loads(text: str, *, line_number: int = 0) -> tuple[Any, str]:
    """``(value, "")`` or ``(None, reason)``: JSON parsed within the depth and number limits.
    ``line_number`` is the JSONL line the text is (0: a whole file)."""
    if _json_depth(text) > JSON_MAX_DEPTH:
        return None, f"JSON nested more than {JSON_MAX_DEPTH} levels deep"
    try:
        return json.loads(text, parse_int=_parse_json_int, parse_float=_parse_json_float), ""
    except _JSONNumberTooLongError:
        return None, f"a number in the JSON is longer than {JSON_MAX_DIGITS} digits"
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON on line {line_number or exc.lineno}: {exc.msg}"
    except RecursionError:
        # _json_depth counts at least as deep as the parser goes; kept as a last guard.
        return None, f"JSON nested more than {JSON_MAX_DEPTH} levels deep"


def _csv_header(name: str, text: str) -> tuple[list[str], Iterator[list[str]]] | Document:
    """A CSV file's header (lower case) and a reader of its remaining rows, or a Document
    saying why the header cannot be read."""
    header_line = text.split("\n", 1)[0]
    # Spreadsheets in Arabic locales often export with ';' or tabs.
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [column.strip().lower() for column in next(reader)], reader
    except StopIteration:
        return Document(source=name, error="empty file")
    except csv.Error as exc:
        return Document(source=name, error=f"unreadable CSV header: {exc}")


def _csv_records(
    name: str, header: list[str], reader: Iterator[list[str]]
) -> Iterator[tuple[int, dict[str, str]] | Document]:
    """A CSV file's rows as ``(row number, {header: cell})``, or a Document for a row that
    cannot be read (the last: the rest of the file cannot be trusted). Blank rows are
    skipped; the header is row 1, as spreadsheets number it."""
    for row_number in itertools.count(2):
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            source = f"{name}#{row_number}"
            yield Document(source=source, error=f"unreadable CSV row {row_number}: {exc}")
            return
        if any(cell.strip() for cell in row):
            yield row_number, dict(zip(header, row, strict=False))


def _read_csv(name: str, text: str) -> list[Document]:
    table = _csv_header(name, text)
    if isinstance(table, Document):
        return [table]
    header, reader = table
    if not any(field in header for field in (*TEXT_FIELDS, HTML_FIELD)):
        expected = ", ".join(TEXT_FIELDS)
        error = f"the CSV header has no text column (expected one of {expected})"
        return [Document(source=name, error=error)]
    documents = []
    for record in _csv_records(name, header, reader):
        if isinstance(record, Document):
            documents.append(record)
            continue
        row_number, row = record
        document = _record_document(f"{name}#{row_number}", row)
        if document.error == "no text":
            document = Document(source=document.source, error=f"row {row_number} has no text")
        documents.append(document)
    return documents or [Document(source=name, error="the CSV file has a header but no rows")]


def _record_document(source: str, record: Mapping[str, Any]) -> Document:
    """Build a document from a JSON object or CSV row with text and optional metadata."""
    title, url, outlet, story = (_field(record, f) for f in ("title", "url", "outlet", "story"))
    published = parse_published(next((record[f] for f in PUBLISHED_FIELDS if record.get(f)), None))
    text = next((_field(record, f) for f in TEXT_FIELDS if _field(record, f)), "")
    if text:
        return Document(
            source=source,
            text=_normalise_newlines(text).strip(),
            title=title,
            url=url,
            outlet=outlet,
            published=published,
            story=story,
        )
    html = _field(record, HTML_FIELD)
    if html:
        extracted = html_document(source, html)
        if extracted.error:
            return extracted
        return Document(
            source=source,
            text=extracted.text,
            title=title or extracted.title,
            url=url or extracted.url,
            outlet=outlet or extracted.outlet,
            published=published or extracted.published,
            story=story,
        )
    return Document(source=source, error="no text")


def _field(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


_TEXT_READERS: dict[str, Callable[[str, str], list[Document]]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
    ".csv": _read_csv,
}


# --- Manifests ------------------------------------------------------------------


@dataclass(frozen=True)
class _ManifestRow:
    """One file a manifest lists, with the metadata its row gives."""

    path: str
    outlet: str = ""
    url: str = ""
    published: datetime.date | None = None
    story: str = ""

    def applied_to(self, document: Document) -> Document:
        if document.error:
            return document
        return dataclasses.replace(
            document,
            outlet=self.outlet or document.outlet,
            url=self.url or document.url,
            published=self.published or document.published,
            story=self.story or document.story,
        )


def _is_manifest(name: str) -> bool:
    return name.lower() in MANIFEST_NAMES


def _manifest_rows(name: str, data: bytes) -> Iterator[_ManifestRow | Document]:
    """The rows of a manifest file, in order: each a _ManifestRow or, for a row that cannot
    be used (no path, a date that does not parse), a Document saying why."""
    decoded = decode_text(data)
    if decoded.error:
        yield Document(source=name, error=f"unreadable manifest: {decoded.error}")
        return
    for record in _manifest_records(name, decoded.text):
        if isinstance(record, Document):
            yield dataclasses.replace(record, error=f"unreadable manifest: {record.error}")
            continue
        number, fields = record
        yield _manifest_row(f"{name}#{number}", number, fields)


def _manifest_records(name: str, text: str) -> Iterator[tuple[int, Mapping[str, Any]] | Document]:
    """A manifest's entries as ``(number, fields)``, or a Document for one that cannot be
    read. CSV entries are numbered as rows (the header is 1), JSONL ones as lines."""
    if _extension(name) == ".csv":
        table = _csv_header(name, text)
        if isinstance(table, Document):
            yield table
            return
        header, reader = table
        if not any(field in header for field in MANIFEST_PATH_FIELDS):
            yield Document(source=name, error="the manifest has no path column")
            return
        yield from _csv_records(name, header, reader)
        return
    for number, item in _manifest_json_items(name, text):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, dict):
            yield number, item
        else:
            yield Document(source=f"{name}#{number}", error=f"entry {number} is not an object")


def _manifest_json_items(name: str, text: str) -> Iterator[tuple[int, Any]]:
    """The items of a JSON-list manifest, or the lines of a JSONL one, numbered from 1; an
    item that does not parse is a Document."""
    if _extension(name) == ".json":
        value, error = _json_loads(text)
        if error or not isinstance(value, list):
            error = error or "a JSON manifest must be a list of objects"
            yield 0, Document(source=name, error=error)
            return
        yield from enumerate(value, start=1)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            item, error = _json_loads(line, line_number=number)
            yield number, Document(source=f"{name}#{number}", error=error) if error else item


def _manifest_row(source: str, number: int, fields: Mapping[str, Any]) -> _ManifestRow | Document:
    path = next((_field(fields, f) for f in MANIFEST_PATH_FIELDS if _field(fields, f)), "")
    if not path:
        return Document(source=source, error=f"manifest entry {number} has no path")
    given = _field(fields, "published")
    published = parse_published(given)
    if given and published is None:
        error = f"manifest entry {number}: the date {given!r} is not YYYY-MM-DD"
        return Document(source=source, error=error)
    return _ManifestRow(
        path=_member_path(path),
        outlet=_field(fields, "outlet"),
        url=_field(fields, "url"),
        published=published,
        story=_field(fields, "story"),
    )


def _member_path(path: str) -> str:
    """A path as zip archives and manifests spell it: forward slashes, no leading ./"""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


# --- Zip archives ---------------------------------------------------------------


class _ArchiveFullError(Exception):
    """The archive inflates beyond what is left of the budget: stop reading it."""


def _read_zip(
    name: str, data: bytes, *, budget: _ZipBudget, depth: int, limits: ReadLimits
) -> list[Document]:
    if depth > MAX_ZIP_NESTING:
        return [
            Document(source=name, error="zip archives nested more than one level deep are not read")
        ]
    entries = _declared_entry_count(data)
    if entries is not None and entries > MAX_ZIP_ENTRIES:
        error = f"too many entries in the zip archive ({entries:,}; at most {MAX_ZIP_ENTRIES:,})"
        return [Document(source=name, error=error)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return [Document(source=name, error=f"not a valid zip archive ({exc})")]
    with archive:
        documents = _read_members(name, archive, infos, budget=budget, depth=depth, limits=limits)
    return documents or [Document(source=name, error="the zip archive has no files")]


def _declared_entry_count(data: bytes) -> int | None:
    """How many entries the archive's end record declares, read without parsing its central
    directory; None when no end record is found where it should be (zipfile says why)."""
    end = data.rfind(_EOCD_SIGNATURE, max(0, len(data) - _EOCD_SIZE - _EOCD_MAX_COMMENT))
    if end < 0 or end + _EOCD_SIZE > len(data):
        return None
    (count,) = struct.unpack_from("<H", data, end + 10)
    locator = end - _ZIP64_LOCATOR_SIZE
    if count != 0xFFFF or locator < 0 or not data.startswith(_ZIP64_LOCATOR_SIGNATURE, locator):
        return int(count)
    # Zip64: the count is in the zip64 end record, which the locator points at.
    (record,) = struct.unpack_from("<Q", data, locator + 8)
    if record + _ZIP64_EOCD_SIZE > len(data) or not data.startswith(_ZIP64_EOCD_SIGNATURE, record):
        return None
    (count64,) = struct.unpack_from("<Q", data, record + 32)
    return int(count64)


def _read_members(
    name: str,
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    *,
    budget: _ZipBudget,
    depth: int,
    limits: ReadLimits,
) -> list[Document]:
    """The documents of an archive's members, in the archive's order: unsafe paths refused,
    hidden files (macOS forks, dot files) and folders skipped, a root manifest applied."""
    readable = [info for info in infos if _is_readable_member(info)]
    if sum(info.file_size for info in readable) > budget.bytes_left:
        return [Document(source=name, error=_zip_too_large(limits))]
    manifest = next((info for info in readable if _is_manifest(info.filename)), None)
    if len(readable) - (manifest is not None) > budget.members_left:
        error = f"too many files in the zip archive (at most {limits.max_archive_members})"
        return [Document(source=name, error=error)]
    budget.members_left -= len(readable) - (manifest is not None)
    documents: list[Document] = []
    rows: dict[str, _ManifestRow] = {}
    if manifest is not None:
        rows = _zip_manifest(name, archive, manifest, budget, limits, documents)
    try:
        for info in infos:
            refusal = _unsafe_member(info)
            if refusal:
                documents.append(Document(source=f"{name}/{info.filename}", error=refusal))
            elif info is not manifest and _is_readable_member(info):
                row = rows.pop(_member_path(info.filename), None)
                read = _member_documents(
                    name, archive, info, budget=budget, depth=depth, limits=limits
                )
                if row is not None:
                    read = [row.applied_to(document) for document in read]
                documents.extend(read)
    except _ArchiveFullError:
        documents.append(Document(source=name, error=_zip_too_large(limits)))
        return documents
    documents.extend(
        Document(source=f"{name}/{path}", error="listed in the manifest but not in the archive")
        for path in rows
    )
    return documents


def _member_documents(
    name: str,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    budget: _ZipBudget,
    depth: int,
    limits: ReadLimits,
) -> list[Document]:
    content = _read_member(name, archive, info, budget=budget, limits=limits)
    if isinstance(content, Document):
        return [content]
    source = f"{name}/{info.filename}"
    return _read_file(source, content, budget=budget, depth=depth + 1, limits=limits)


def _zip_manifest(
    name: str,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    budget: _ZipBudget,
    limits: ReadLimits,
    documents: list[Document],
) -> dict[str, _ManifestRow]:
    """The rows of the archive's manifest by member path; unusable rows go to documents."""
    source = f"{name}/{info.filename}"
    data = _read_member(name, archive, info, budget=budget, limits=limits)
    if not isinstance(data, bytes):
        documents.append(dataclasses.replace(data, error=f"unreadable manifest: {data.error}"))
        return {}
    rows: dict[str, _ManifestRow] = {}
    for row in _manifest_rows(source, data):
        if isinstance(row, Document):
            documents.append(row)
        else:
            rows[row.path] = row
    return rows


def _unsafe_member(info: zipfile.ZipInfo) -> str:
    """Why a member's path is refused: it leaves the archive (``..``) or is absolute. The
    readers never write members to disk, but such a path is a sign of a crafted archive."""
    path = info.filename.replace("\\", "/")
    if path.startswith("/") or _DRIVE_LETTER.match(path):
        return "unsafe path in the zip archive (an absolute path)"
    if ".." in path.split("/"):
        return "unsafe path in the zip archive (it points outside the archive)"
    return ""


def _is_readable_member(info: zipfile.ZipInfo) -> bool:
    parts = info.filename.replace("\\", "/").split("/")
    return (
        not info.is_dir()
        and not _unsafe_member(info)
        and parts[0] != "__MACOSX"
        and not any(part.startswith(".") for part in parts)
    )


def _read_member(
    name: str,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    budget: _ZipBudget,
    limits: ReadLimits,
) -> bytes | Document:
    """A member's bytes, or a Document saying why it was not read. Raises _ArchiveFullError
    when it would inflate beyond the archive's budget: the declared sizes can lie, so the
    member is never inflated beyond what the budget, the file limit and the ratio allow."""
    source = f"{name}/{info.filename}"
    ratio_cap = max(ZIP_RATIO_MIN_BYTES, info.compress_size * MAX_ZIP_RATIO)
    if info.file_size > limits.max_file_bytes:
        return file_too_large(source, limits)
    if info.file_size > ratio_cap:
        return Document(source=source, error=_zip_ratio_error())
    cap = min(budget.bytes_left, limits.max_file_bytes, ratio_cap)
    try:
        with archive.open(info) as member:
            content = member.read(cap + 1)
    except RuntimeError:
        return Document(source=source, error="encrypted file (password protected)")
    except NotImplementedError:
        return Document(source=source, error="unsupported zip compression method")
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        return Document(source=source, error=f"damaged file in the zip archive ({exc})")
    if len(content) > cap:
        if cap == budget.bytes_left:
            raise _ArchiveFullError
        if cap == limits.max_file_bytes:
            return file_too_large(source, limits)
        return Document(source=source, error=_zip_ratio_error())
    budget.bytes_left -= len(content)
    return content


def _zip_ratio_error() -> str:
    return f"compressed more than {MAX_ZIP_RATIO} times: not an article (a zip bomb?)"


def _zip_too_large(limits: ReadLimits) -> str:
    limit = _size_label(limits.max_archive_bytes)
    return f"zip archive too large when uncompressed (at most {limit})"


# --- Text decoding ------------------------------------------------------------


@dataclass(frozen=True)
class Decoded:
    """Bytes decoded: the text, or why there is none; ``replaced`` counts invalid bytes
    that were replaced by U+FFFD in otherwise readable text."""

    text: str = ""
    error: str = ""
    replaced: int = 0


def decode_text(
    data: bytes, *, declared: str = "", what: Literal["file", "page"] = "file"
) -> Decoded:
    """Decode bytes of unknown encoding.

    Order: a known binary format is refused; a BOM; strict UTF-8; UTF-8 with a few invalid
    bytes (replaced, never re-read in another encoding); the declared charset (HTTP header
    or HTML meta); cp1256 when it yields Arabic; then charset-normalizer. Valid UTF-8 is
    taken before a declaration because non-ASCII bytes almost never form valid UTF-8 by
    accident, while stale ``charset=iso-8859-1`` declarations on UTF-8 pages are common.
    ``what`` ("file" or "page") words the error messages.
    """
    if not data.strip():
        return Decoded(error=f"empty {what}")
    kind = next((kind for signature, kind in _BINARY_SIGNATURES if data.startswith(signature)), "")
    if kind:
        return Decoded(error=f"not a text {what} ({kind})")
    decoded = _decode_with_bom(data)
    if decoded is None:
        # Text without a BOM holds no control byte, or a stray few (removed by _finished);
        # UTF-16 without a BOM has a NUL in every ASCII character and is not guessed at.
        if _CONTROL_BYTE.subn(b"", data)[1] > BINARY_MAX_CONTROL_SHARE * len(data):
            return Decoded(error=f"not a text {what} (binary content)")
        decoded = _decode_without_bom(data, declared)
    if decoded is None:
        return Decoded(error="could not detect the text encoding")
    text, replaced = decoded
    if _control_share(text) > BINARY_MAX_CONTROL_SHARE:
        return Decoded(error=f"not a text {what} (binary content)")
    text = _normalise_newlines(text).lstrip("\ufeff")
    if not text.strip():
        return Decoded(error=f"empty {what}")
    return Decoded(text=text, replaced=replaced)


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode, replacing invalid bytes by U+FFFD; also returns how many were replaced (the
    U+FFFD the text did not already hold)."""
    text = data.decode(encoding, errors="replace")
    already = data.decode(encoding, errors="ignore").count("\ufffd")
    return text, text.count("\ufffd") - already


def _decode_with_bom(data: bytes) -> tuple[str, int] | None:
    matching = [(bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)]
    for bom, encoding in matching:
        try:
            return data[len(bom) :].decode(encoding), 0
        except UnicodeDecodeError:
            pass
    if not matching:
        return None
    # FF FE 00 00 begins UTF-32 and UTF-16 text that starts with a NUL alike; when neither
    # decodes cleanly, the shorter BOM (UTF-16, far more common) is the likelier.
    bom, encoding = matching[-1]
    return _decode_replacing(data[len(bom) :], encoding)


def _decode_without_bom(data: bytes, declared: str) -> tuple[str, int] | None:
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    if _is_damaged_utf8(data):
        return _decode_replacing(data, "utf-8")
    encoding = _usable_declared_encoding(declared)
    if encoding:
        try:
            return data.decode(encoding), 0
        except UnicodeDecodeError:
            pass
    as_cp1256 = data.decode("cp1256", errors="replace")
    if _arabic_letter_share(as_cp1256) >= CP1256_MIN_ARABIC_LETTER_SHARE:
        return as_cp1256, 0
    best = charset_normalizer.from_bytes(data).best()
    return (str(best), 0) if best is not None else None


def _is_damaged_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are still UTF-8 text with a few bad bytes."""
    # surrogateescape turns each invalid byte into one lone surrogate (U+DC80-U+DCFF).
    escaped = data.decode("utf-8", errors="surrogateescape")
    non_ascii = len(escaped) - len(escaped.encode("ascii", errors="ignore"))
    invalid = _ESCAPED_BYTE.subn("", escaped)[1]
    return non_ascii - invalid >= UTF8_MIN_VALID_PER_INVALID * invalid


def _usable_declared_encoding(declared: str) -> str:
    try:
        name = codecs.lookup(declared.strip()).name if declared.strip() else ""
    except LookupError:
        return ""
    # A UTF-16 declaration without a BOM is wrong on its face (browsers ignore it too).
    return "" if name.startswith(("utf-16", "utf-32")) else name


def _html_meta_charset(data: bytes) -> str:
    match = _META_CHARSET.search(data[:HTML_CHARSET_SCAN_BYTES])
    return match.group(1).decode("ascii") if match else ""


def _arabic_letter_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for char in letters if "\u0600" <= char <= "\u06ff")
    return arabic / len(letters)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return _CONTROL_CHARACTER.subn("", text)[1] / len(text)


def _normalise_newlines(text: str) -> str:
    """Every line break (CRLF, CR, form feed, vertical tab, NEL, U+2028/9) as ``\\n``."""
    return _LINE_BREAKS.sub("\n", text)


# --- HTML ---------------------------------------------------------------------


def html_document(source: str, html: str, *, url: str = "") -> Document:
    """Extract the article (no navigation, ads, comments or tables) and its metadata.

    ``url``, when given, is where the page was fetched from and wins over the
    page's own canonical URL.
    """
    text = _trafilatura_text(html) or _fallback_html_text(html)
    if not text:
        return Document(source=source, url=url, error="no article text found in the HTML")
    metadata = _trafilatura_metadata(html, url)
    return Document(
        source=source,
        text=text,
        title=(metadata.title or "") if metadata else "",
        url=url or ((metadata.url or "") if metadata else ""),
        outlet=(metadata.sitename or "") if metadata else "",
        published=parse_published(metadata.date) if metadata else None,
    )


def _trafilatura_text(html: str) -> str:
    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True
        )
    except (ValueError, lxml.etree.LxmlError):
        return ""
    return _normalise_newlines(text or "").strip()


def _trafilatura_metadata(html: str, url: str) -> PageMetadata | None:
    try:
        return trafilatura.extract_metadata(html, default_url=url or None)
    except (ValueError, lxml.etree.LxmlError):
        return None


def _fallback_html_text(html: str) -> str:
    """Paragraphs of the <article> (or of the whole page when there is none)."""
    try:
        tree = lxml.html.document_fromstring(
            html.encode("utf-8", errors="replace"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (ValueError, lxml.etree.LxmlError):
        return ""
    for junk in tree.xpath("//script | //style | //nav | //footer | //aside | //noscript"):
        junk.drop_tree()
    articles = tree.xpath("//article")
    scopes = articles or [tree]
    paragraphs = [" ".join(p.text_content().split()) for scope in scopes for p in scope.iter("p")]
    if not any(paragraphs) and articles:
        paragraphs = [" ".join(article.text_content().split()) for article in articles]
    return "\n".join(p for p in paragraphs if p)


# --- Dates --------------------------------------------------------------------


def parse_published(value: object) -> datetime.date | None:
    """ISO date or date-time (``2024-10-07``, ``2024-10-07T13:36:00Z``) to a date; else None."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return datetime.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    match = _ISO_DATE_PREFIX.match(value)
    if match:
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    return None


# --- Fetching -----------------------------------------------------------------


class _BlockedAddressError(OSError):
    """The host resolves to an address that must not be fetched."""


class _Deadline:
    """The one time limit of a whole fetch: DNS answers aside, every connection, TLS
    handshake, redirect, header and byte of the body counts against it.

    Socket timeouts bound each read, not their sum: a server sending two bytes a second
    keeps a read alive forever. So the connections are watched: when the time is up, a
    timer shuts them down (through a duplicate of each socket, which stays valid when
    TLS wraps the original), and whatever read was waiting returns at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._watched: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        with self._lock:
            for watched in self._watched:
                watched.close()
            self._watched.clear()

    def remaining(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("the fetch ran out of time")
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                raise TimeoutError("the fetch ran out of time")
            self._watched.append(sock.dup())

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for watched in self._watched:
                try:
                    watched.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed by the other side


def _fetch(url: str, *, deadline: _Deadline, max_bytes: int, allow_private: bool) -> Document:
    guard = functools.partial(_connect_checked, allow_private=allow_private, deadline=deadline)
    opener = urllib.request.build_opener(
        # Environment proxies are ignored: through a proxy the address check would
        # see the proxy, not the page's host.
        urllib.request.ProxyHandler({}),
        _GuardedHTTPHandler(guard),
        _GuardedHTTPSHandler(guard),
        _CheckedRedirectHandler(),
    )
    request = urllib.request.Request(url, headers={"User-Agent": FETCH_USER_AGENT})
    final_url = url
    try:
        with opener.open(request, timeout=deadline.remaining()) as response:
            final_url = response.geturl()
            headers = response.headers
            declared_length = headers.get("Content-Length", "")
            if declared_length.isdigit() and int(declared_length) > max_bytes:
                return _fetch_error(url, final_url, _too_large(max_bytes))
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        reason = f"the server answered HTTP {exc.code} ({exc.reason})"
        return _fetch_error(url, exc.geturl() or url, reason)
    except urllib.error.URLError as exc:
        return _fetch_error(url, url, _network_error_message(exc.reason, deadline))
    except (OSError, http.client.HTTPException) as exc:
        # A timeout or reset while reading the body is not wrapped in URLError.
        return _fetch_error(url, final_url, _network_error_message(exc, deadline))
    if deadline.expired:
        # The body ended because the deadline shut the connection: it may be cut short.
        return _fetch_error(url, final_url, _timed_out(deadline))
    if len(body) > max_bytes:
        return _fetch_error(url, final_url, _too_large(max_bytes))
    return _page_document(url, final_url, body, headers)


def _scheme_error(url: str) -> str:
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in FETCH_SCHEMES or not host:
        return "only http and https URLs can be fetched"
    return ""


# NAT64 prefixes (RFC 6052, RFC 8215). The well-known one maps an IPv4 address into its last
# 32 bits. Where the local-use one puts it depends on a prefix length only the local network
# knows, and its translator sits inside that network: it is refused whatever it holds.
_NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address stands for: IPv4-mapped, 6to4 (2002::/16), Teredo
    (2001::/32: the server and the client, whose bits Python un-inverts) and NAT64."""
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return list(ip.teredo)
    if ip in _NAT64_WELL_KNOWN:
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    return []


def _is_public_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # is_global also catches ranges outside the named ones, such as 100.64.0.0/10
    # (carrier-grade NAT); multicast must be checked separately, as it counts as global.
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _is_public_address(address: str) -> bool:
    """Whether an address may be fetched from; an IPv6 address that embeds an IPv4 one is
    judged by the IPv4 address(es) it embeds, which is where its packets end up."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL_USE:
            return False
        embedded = _embedded_ipv4(ip)
        if embedded:
            return all(_is_public_ip(ipv4) for ipv4 in embedded)
    return _is_public_ip(ip)


def _connect_checked(
    address: tuple[str, int],
    timeout: float | None = None,
    source_address: tuple[str, int] | None = None,
    *,
    allow_private: bool,
    deadline: _Deadline,
) -> socket.socket:
    """``socket.create_connection`` that first refuses non-public addresses and whose
    connection counts against the fetch's deadline."""
    host, port = address
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allow_private:
        for *_, sockaddr in infos:
            if not _is_public_address(str(sockaddr[0])):
                raise _BlockedAddressError(
                    f"refusing to fetch from a private or local address ({sockaddr[0]})"
                )
    last_error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(min(timeout or deadline.seconds, deadline.remaining()))
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            deadline.watch(sock)
        except OSError as exc:
            sock.close()
            last_error = exc
            continue
        return sock
    raise last_error or OSError(f"could not connect to {host}")


_ConnectionFactory = Callable[..., socket.socket]


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, guard: _ConnectionFactory, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = guard


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, guard: _ConnectionFactory, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = guard


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, guard: _ConnectionFactory) -> None:
        super().__init__()
        self.guard = guard

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_GuardedHTTPConnection, guard=self.guard), req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, guard: _ConnectionFactory) -> None:
        super().__init__()
        self.guard = guard
        self.ssl_context = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_GuardedHTTPSConnection, guard=self.guard)
        return self.do_open(connection, req, context=self.ssl_context)


class _CheckedRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only; the guarded connection re-checks the address.

    The target is checked before the standard library sees it, which would otherwise
    report a ``file:`` redirect as an HTTP error and follow an ``ftp:`` one.
    """

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urllib.parse.urljoin(req.full_url, location.strip())
            if _scheme_error(target):
                fp.close()
                raise urllib.error.URLError(
                    f"redirected to a URL that cannot be fetched ({target})"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _timed_out(deadline: _Deadline) -> str:
    return f"the server did not answer within {deadline.seconds:g} seconds"


def _network_error_message(reason: object, deadline: _Deadline) -> str:
    if deadline.expired or isinstance(reason, (TimeoutError, socket.timeout)):
        return _timed_out(deadline)
    if isinstance(reason, _BlockedAddressError):
        return str(reason)
    if isinstance(reason, socket.gaierror):
        return "could not find the server (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason})"
    if isinstance(reason, str):
        return reason
    return f"could not fetch the page ({reason})"


def _fetch_error(source: str, url: str, error: str) -> Document:
    return Document(source=source, url=url, error=error)


def _too_large(max_bytes: int) -> str:
    return f"page larger than {_size_label(max_bytes)}"


def _size_label(size: int) -> str:
    if size >= BYTES_PER_MB:
        return f"{size / BYTES_PER_MB:g} MB"
    if size >= BYTES_PER_KB:
        return f"{size / BYTES_PER_KB:g} KB"
    return f"{size} bytes"


def _page_document(source: str, final_url: str, body: bytes, headers: Message) -> Document:
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    is_html = content_type in HTML_CONTENT_TYPES or (
        not content_type and body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    )
    declared = headers.get_content_charset() or (_html_meta_charset(body) if is_html else "")
    decoded = decode_text(body, declared=declared or "", what="page")
    if decoded.error:
        return _fetch_error(source, final_url, decoded.error)
    if is_html:
        document = html_document(source, decoded.text, url=final_url)
    else:
        document = Document(source=source, text=decoded.text.strip(), url=final_url)
    if decoded.replaced:
        document = _with_warning(document, _replaced_warning(decoded.replaced))
    return document
