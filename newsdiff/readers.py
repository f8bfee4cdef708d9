"""Turn what admins upload, paste or point at into article documents.

Pure input handling for the upload feature: bytes and URLs in, ``Document`` values
out. No database and no Django; services decide what to store. Bad input never
raises: every problem becomes a ``Document`` whose ``error`` says, in words an
editor understands, why that file, row or page could not be read, so one broken
member of a batch does not hide the good ones.

Arabic material arrives in every encoding newsrooms have used: UTF-8 (with or
without BOM), UTF-16 from Windows editors and Windows-1256 from older CMSes.
``decode_text`` handles them all, preferring cp1256 over the general detector
when the bytes read as Arabic, because the detector mistakes short cp1256 texts
for Latin code pages.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import functools
import http.client
import io
import ipaddress
import json
import re
import socket
import ssl
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any, Literal

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document as PageMetadata

# Zip-bomb limits, counted over the whole upload including a nested archive.
MAX_ZIP_MEMBERS = 500
MAX_ZIP_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
# A zip inside the uploaded zip is read; a zip inside that one is not.
MAX_ZIP_NESTING = 1

# cp1256 wins over the detector when at least this share of the letters it yields
# are Arabic. Real cp1256 news text is >90% Arabic letters (the rest: Latin names,
# numbers are not letters); Latin-1 text misread as cp1256 turns its accented
# letters into Arabic ones but keeps its ASCII letters, staying far below half.
# Cyrillic cp1251 would be misread as Arabic: an accepted cost for an Arabic tool.
CP1256_MIN_ARABIC_LETTER_SHARE = 0.5
# Decoded text with more control characters than this (tab, newlines and form
# feed excepted) is a binary file that happened to decode. Text files have none.
BINARY_MAX_CONTROL_SHARE = 0.05
# Only the start of an HTML file is searched for <meta charset>, as browsers do.
HTML_CHARSET_SCAN_BYTES = 4096

TEXT_FIELDS = ("text", "content", "body")
HTML_FIELD = "html"
PUBLISHED_FIELDS = ("published", "published_at", "date")

FETCH_USER_AGENT = "Mozilla/5.0 (compatible; newsdiff article fetcher)"
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
FETCH_SCHEMES = ("http", "https")

BYTES_PER_KB = 1024
BYTES_PER_MB = 1024 * 1024

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_ISO_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")


@dataclass(frozen=True)
class Document:
    """One article read from an upload, a paste or a URL, or the reason it could not be.

    ``source`` names where it came from: the file name, ``batch.zip/inner.txt`` for a
    member of a zip, ``rows.csv#3`` for a CSV row (spreadsheet numbering: the header is
    row 1), ``lines.jsonl#3`` for a JSONL line and ``list.json#3`` for the third item of
    a JSON list. ``text`` is plain text with ``\\n`` newlines, empty when ``error`` is set.
    """

    source: str
    text: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: datetime.date | None = None
    error: str = ""


# --- Public API ---------------------------------------------------------------


def read_upload(name: str, data: bytes) -> list[Document]:
    """Read an uploaded file into documents, dispatching on its extension.

    ``.txt``, ``.html``/``.htm``, ``.json``, ``.jsonl``, ``.csv`` and ``.zip`` (whose
    members follow the same rules). Any other extension yields one error document.
    """
    return _read_file(name, data, budget=_ZipBudget(), depth=0)


def read_pasted(text: str, *, source: str = "pasted text") -> Document:
    """Wrap text pasted into a form, normalising newlines the way files are."""
    text = _normalise_newlines(text).lstrip("\ufeff").strip()
    if not text:
        return Document(source=source, error="empty text")
    return Document(source=source, text=text)


def fetch_url(url: str, *, timeout: float, max_bytes: int, allow_private: bool) -> Document:
    """Download one page and read its article.

    Only http(s). Unless ``allow_private``, every connection, including each redirect
    hop, is refused when the host resolves to a private, loopback, link-local,
    multicast, reserved or unspecified address. The address is checked at connect
    time on the address actually connected to, so DNS cannot answer differently
    between the check and the connection. ``Document.url`` is the final URL.
    """
    scheme_error = _scheme_error(url)
    if scheme_error:
        return Document(source=url, url=url, error=scheme_error)
    opener = urllib.request.build_opener(
        # Environment proxies are ignored: through a proxy the address check would
        # see the proxy, not the page's host.
        urllib.request.ProxyHandler({}),
        _GuardedHTTPHandler(allow_private=allow_private),
        _GuardedHTTPSHandler(allow_private=allow_private),
        _CheckedRedirectHandler(),
    )
    request = urllib.request.Request(url, headers={"User-Agent": FETCH_USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl()
            headers = response.headers
            declared_length = headers.get("Content-Length", "")
            if declared_length.isdigit() and int(declared_length) > max_bytes:
                return _fetch_error(url, final_url, _too_large(max_bytes))
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        return _fetch_error(
            url, exc.geturl() or url, f"the server answered HTTP {exc.code} ({exc.reason})"
        )
    except urllib.error.URLError as exc:
        return _fetch_error(url, url, _network_error_message(exc.reason, timeout))
    except (OSError, http.client.HTTPException) as exc:
        # A timeout or reset while reading the body is not wrapped in URLError.
        return _fetch_error(url, url, _network_error_message(exc, timeout))
    if len(body) > max_bytes:
        return _fetch_error(url, final_url, _too_large(max_bytes))
    return _page_document(url, final_url, body, headers)


# --- Files --------------------------------------------------------------------


@dataclass
class _ZipBudget:
    """What is left of the zip-bomb limits; shared by an archive and the zips inside it."""

    members_left: int = MAX_ZIP_MEMBERS
    bytes_left: int = MAX_ZIP_UNCOMPRESSED_BYTES


def _read_file(name: str, data: bytes, *, budget: _ZipBudget, depth: int) -> list[Document]:
    extension = _extension(name)
    if extension == ".zip":
        return _read_zip(name, data, budget=budget, depth=depth)
    reader = _TEXT_READERS.get(extension)
    if reader is None:
        shown = extension or "without an extension"
        return [Document(source=name, error=f"unsupported file type {shown}")]
    text, error = decode_text(
        data, declared=_html_meta_charset(data) if extension in (".html", ".htm") else ""
    )
    if error:
        return [Document(source=name, error=error)]
    return reader(name, text)


def _extension(name: str) -> str:
    basename = name.rsplit("/", 1)[-1]
    stem, dot, extension = basename.rpartition(".")
    return f".{extension.lower()}" if dot and stem else ""


def _read_txt(name: str, text: str) -> list[Document]:
    return [Document(source=name, text=text.strip())]


def _read_html(name: str, text: str) -> list[Document]:
    return [html_document(name, text)]


def _read_json(name: str, text: str) -> list[Document]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return [Document(source=name, error=f"invalid JSON on line {exc.lineno}: {exc.msg}")]
    if isinstance(value, dict):
        return [_record_document(name, value)]
    if isinstance(value, list):
        return [
            _record_document(f"{name}#{number}", item)
            if isinstance(item, dict)
            else Document(source=f"{name}#{number}", error=f"item {number} is not a JSON object")
            for number, item in enumerate(value, start=1)
        ]
    return [Document(source=name, error="JSON must be an object or a list of objects")]


def _read_jsonl(name: str, text: str) -> list[Document]:
    documents = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{name}#{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            documents.append(
                Document(source=source, error=f"invalid JSON on line {number}: {exc.msg}")
            )
            continue
        if isinstance(value, dict):
            documents.append(_record_document(source, value))
        else:
            documents.append(Document(source=source, error=f"line {number} is not a JSON object"))
    return documents or [Document(source=name, error="empty file")]


def _read_csv(name: str, text: str) -> list[Document]:
    header_line = text.split("\n", 1)[0]
    # Spreadsheets in Arabic locales often export with ';' or tabs.
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [column.strip().lower() for column in next(reader)]
    except StopIteration:
        return [Document(source=name, error="empty file")]
    except csv.Error as exc:
        return [Document(source=name, error=f"unreadable CSV header: {exc}")]
    if not any(field in header for field in (*TEXT_FIELDS, HTML_FIELD)):
        expected = ", ".join(TEXT_FIELDS)
        return [
            Document(
                source=name, error=f"the CSV header has no text column (expected one of {expected})"
            )
        ]
    documents = []
    row_number = 1
    while True:
        row_number += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            documents.append(
                Document(
                    source=f"{name}#{row_number}", error=f"unreadable CSV row {row_number}: {exc}"
                )
            )
            break
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        document = _record_document(f"{name}#{row_number}", record)
        if document.error == "no text":
            document = Document(source=document.source, error=f"row {row_number} has no text")
        documents.append(document)
    return documents or [Document(source=name, error="the CSV file has a header but no rows")]


def _record_document(source: str, record: Mapping[str, Any]) -> Document:
    """Build a document from a JSON object or CSV row with text and optional metadata."""
    title, url, outlet = (_field(record, f) for f in ("title", "url", "outlet"))
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


# --- Zip archives ---------------------------------------------------------------


def _read_zip(name: str, data: bytes, *, budget: _ZipBudget, depth: int) -> list[Document]:
    if depth > MAX_ZIP_NESTING:
        return [
            Document(source=name, error="zip archives nested more than one level deep are not read")
        ]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if _is_readable_member(info)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return [Document(source=name, error=f"not a valid zip archive ({exc})")]
    with archive:
        if len(members) > budget.members_left:
            return [
                Document(
                    source=name,
                    error=f"too many files in the zip archive (at most {MAX_ZIP_MEMBERS})",
                )
            ]
        declared_size = sum(info.file_size for info in members)
        if declared_size > budget.bytes_left:
            return [Document(source=name, error=_zip_too_large())]
        budget.members_left -= len(members)
        documents = []
        for info in members:
            member_name = f"{name}/{info.filename}"
            try:
                # The declared sizes can lie; never inflate more than the budget allows.
                with archive.open(info) as member:
                    content = member.read(budget.bytes_left + 1)
            except RuntimeError:
                documents.append(
                    Document(source=member_name, error="encrypted file (password protected)")
                )
                continue
            except NotImplementedError:
                documents.append(
                    Document(source=member_name, error="unsupported zip compression method")
                )
                continue
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
                documents.append(
                    Document(source=member_name, error=f"damaged file in the zip archive ({exc})")
                )
                continue
            if len(content) > budget.bytes_left:
                documents.append(Document(source=name, error=_zip_too_large()))
                break
            budget.bytes_left -= len(content)
            documents.extend(_read_file(member_name, content, budget=budget, depth=depth + 1))
    return documents or [Document(source=name, error="the zip archive has no files")]


def _is_readable_member(info: zipfile.ZipInfo) -> bool:
    parts = info.filename.split("/")
    return (
        not info.is_dir()
        and parts[0] != "__MACOSX"
        and not any(part.startswith(".") for part in parts)
    )


def _zip_too_large() -> str:
    limit = _size_label(MAX_ZIP_UNCOMPRESSED_BYTES)
    return f"zip archive too large when uncompressed (at most {limit})"


# --- Text decoding ------------------------------------------------------------


def decode_text(
    data: bytes, *, declared: str = "", what: Literal["file", "page"] = "file"
) -> tuple[str, str]:
    """Decode bytes of unknown encoding; return ``(text, "")`` or ``("", error)``.

    Order: a BOM; strict UTF-8; the declared charset (HTTP header or HTML meta); cp1256
    when it yields Arabic; then charset-normalizer. Valid UTF-8 is taken before a
    declaration because non-ASCII bytes almost never form valid UTF-8 by accident,
    while stale ``charset=iso-8859-1`` declarations on UTF-8 pages are common.
    ``what`` ("file" or "page") words the error messages.
    """
    if not data.strip():
        return "", f"empty {what}"
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data:
            return "", f"not a text {what} (binary content)"
        text = _decode_without_bom(data, declared)
    if text is None:
        return "", "could not detect the text encoding"
    if _control_share(text) > BINARY_MAX_CONTROL_SHARE:
        return "", f"not a text {what} (binary content)"
    text = _normalise_newlines(text).lstrip("\ufeff")
    if not text.strip():
        return "", f"empty {what}"
    return text, ""


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_without_bom(data: bytes, declared: str) -> str | None:
    for encoding in ("utf-8", _usable_declared_encoding(declared)):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    as_cp1256 = data.decode("cp1256", errors="replace")
    if _arabic_letter_share(as_cp1256) >= CP1256_MIN_ARABIC_LETTER_SHARE:
        return as_cp1256
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else None


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
    controls = sum(
        1 for char in text if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls / len(text)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
            html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
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


def _is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
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


def _connect_checked(
    address: tuple[str, int],
    timeout: float | None = None,
    source_address: tuple[str, int] | None = None,
    *,
    allow_private: bool,
) -> socket.socket:
    """``socket.create_connection`` that first refuses non-public addresses."""
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
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
        except OSError as exc:
            sock.close()
            last_error = exc
            continue
        return sock
    raise last_error or OSError(f"could not connect to {host}")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_connect_checked, allow_private=allow_private)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_connect_checked, allow_private=allow_private)


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            functools.partial(_GuardedHTTPConnection, allow_private=self.allow_private), req
        )


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private
        self.ssl_context = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_GuardedHTTPSConnection, allow_private=self.allow_private)
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


def _network_error_message(reason: object, timeout: float) -> str:
    if isinstance(reason, _BlockedAddressError):
        return str(reason)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"the server did not answer within {timeout:g} seconds"
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
    text, error = decode_text(body, declared=declared or "", what="page")
    if error:
        return _fetch_error(source, final_url, error)
    if is_html:
        return html_document(source, text, url=final_url)
    return Document(source=source, text=text.strip(), url=final_url)
