"""Why a document of an upload was refused or repaired, worded in the reader's language.

The readers and the ingest services give their reasons in English (``Document.error``,
``Document.warnings``, ``IngestItem.message``): the ingest command prints them, the admin and
the logs show them, and a batch keeps them after its uploader has gone. A screen words them
again, at display time, in the language of whoever reads the batch: each reason's English
form below is a gettext msgid whose ``%(name)s`` parts are read back out of the stored
sentence and put into its translation. So a reason stored in English years ago reads in
Arabic today, and one this table does not know (a new reason not yet added, or the text
of an exception) is shown as it was stored.

tests/test_upload.py produces each reason through the readers and services that write it,
and checks it is reworded: a reader whose English changes fails there, not on a screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from django.utils.translation import get_language_bidi, gettext, gettext_noop, ngettext

# The separator of the warnings stored on one item (services.ingest_batch_create).
WARNINGS_SEPARATOR = "; "
# Unicode's first-strong isolate: in a right-to-left sentence a part such as ".pdf", "20 MB" or
# a file name keeps its own order ("pdf." and "MB 20" otherwise).
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


@dataclass(frozen=True)
class _Reason:
    """One reason's English msgid, and its plural when it counts something (``%(count)s``)."""

    msgid: str
    plural: str = ""


def _plural(singular: str, plural: str) -> _Reason:
    return _Reason(singular, plural)


# Every msgid is marked with gettext_noop so that makemessages finds it; plurals are looked
# up with ngettext under the singular.
_REASONS: tuple[_Reason, ...] = tuple(
    item if isinstance(item, _Reason) else _Reason(item)
    for item in (
        # newsdiff.readers: files
        gettext_noop("empty text"),
        gettext_noop("empty file"),
        gettext_noop("empty page"),
        gettext_noop("no text"),
        gettext_noop("no text (only invisible characters)"),
        gettext_noop("no such file"),
        gettext_noop("not a regular file"),
        gettext_noop("cannot read the file (%(detail)s)"),
        gettext_noop("file larger than the upload limit of %(limit)s"),
        gettext_noop("text longer than the limit of %(limit)s characters"),
        gettext_noop("unsupported file type %(extension)s"),
        gettext_noop("not a text file (%(kind)s)"),
        gettext_noop("not a text page (%(kind)s)"),
        gettext_noop("could not detect the text encoding"),
        gettext_noop("no article text found in the HTML"),
        # JSON, JSONL, CSV
        gettext_noop("item %(number)s is not a JSON object"),
        gettext_noop("the JSON list is empty"),
        gettext_noop("JSON must be an object or a list of objects"),
        gettext_noop("line %(number)s is not a JSON object"),
        gettext_noop("JSON nested more than %(depth)s levels deep"),
        gettext_noop("a number in the JSON is longer than %(digits)s digits"),
        gettext_noop("invalid JSON on line %(line)s: %(detail)s"),
        gettext_noop("unreadable CSV header: %(detail)s"),
        gettext_noop("unreadable CSV row %(number)s: %(detail)s"),
        gettext_noop("the CSV header has no text column (expected one of %(expected)s)"),
        gettext_noop("row %(number)s has no text"),
        gettext_noop("the CSV file has a header but no rows"),
        # manifests
        gettext_noop("unreadable manifest: %(reason)s"),
        gettext_noop("the manifest has no path column"),
        gettext_noop("entry %(number)s is not an object"),
        gettext_noop("a JSON manifest must be a list of objects"),
        gettext_noop("manifest entry %(number)s has no path"),
        gettext_noop("manifest entry %(number)s: the date %(date)s is not YYYY-MM-DD"),
        gettext_noop("listed in the manifest but not in the archive"),
        # zip archives
        gettext_noop("zip archives nested more than one level deep are not read"),
        gettext_noop("too many entries in the zip archive (%(entries)s; at most %(limit)s)"),
        gettext_noop("not a valid zip archive (%(detail)s)"),
        gettext_noop("the zip archive has no files"),
        gettext_noop("too many files in the zip archive (at most %(limit)s)"),
        gettext_noop("unsafe path in the zip archive (an absolute path)"),
        gettext_noop("unsafe path in the zip archive (it points outside the archive)"),
        gettext_noop("encrypted file (password protected)"),
        gettext_noop("unsupported zip compression method"),
        gettext_noop("damaged file in the zip archive (%(detail)s)"),
        gettext_noop("compressed more than %(ratio)s times: not an article (a zip bomb?)"),
        gettext_noop("zip archive too large when uncompressed (at most %(limit)s)"),
        # fetching a page
        gettext_noop("not a valid URL"),
        gettext_noop("only http and https URLs can be fetched"),
        gettext_noop("the server answered HTTP %(code)s (%(detail)s)"),
        gettext_noop("the server did not answer within %(seconds)s seconds"),
        gettext_noop("could not find the server (DNS lookup failed)"),
        gettext_noop("the server refused the connection"),
        gettext_noop("secure connection failed (%(detail)s)"),
        gettext_noop("could not fetch the page (%(detail)s)"),
        gettext_noop("page larger than %(limit)s"),
        gettext_noop("refusing to fetch from a private or local address (%(address)s)"),
        gettext_noop("redirected to a URL that cannot be fetched (%(url)s)"),
        gettext_noop("the fetch ran out of time"),
        # warnings: what was repaired in a document that was still read
        _plural(
            gettext_noop("%(count)s hidden control character removed"),
            gettext_noop("%(count)s hidden control characters removed"),
        ),
        _plural(
            gettext_noop("%(count)s invalid byte replaced (shown as \ufffd)"),
            gettext_noop("%(count)s invalid bytes replaced (shown as \ufffd)"),
        ),
        # newsdiff.services: ingesting the text, and the workers
        gettext_noop("The text is empty."),
        gettext_noop(
            "No claims could be read from this text: it holds no sentence of three words or more."
        ),
        gettext_noop("An outlet needs a name or a domain."),
        gettext_noop("the database refused this text: %(detail)s"),
        gettext_noop("failed after %(count)s attempt(s): %(detail)s"),
        gettext_noop("attempt %(count)s failed: %(detail)s"),
        gettext_noop("its worker stopped during each of %(count)s attempts"),
    )
)

# Words that stand inside a reason (what a binary file looked like, a file without an
# extension), translated where a part of a reason holds exactly one of them.
_TERMS = frozenset(
    (
        gettext_noop("without an extension"),
        gettext_noop("binary content"),
        gettext_noop("a PDF document"),
        gettext_noop("a zip archive or an Office document"),
        gettext_noop("an old Office document"),
        gettext_noop("an RTF document"),
        gettext_noop("a PNG image"),
        gettext_noop("a JPEG image"),
        gettext_noop("a GIF image"),
        gettext_noop("a gzip archive"),
        gettext_noop("a RAR archive"),
        gettext_noop("a 7-Zip archive"),
    )
)

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _pattern(msgid: str) -> re.Pattern[str]:
    """The English sentence with each ``%(name)s`` a named group (``count`` only digits)."""
    parts = _PLACEHOLDER.split(msgid)
    regex = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex += re.escape(part)
        else:
            regex += rf"(?P<{part}>[\d,]+)" if part == "count" else rf"(?P<{part}>.+?)"
    return re.compile(rf"{regex}\Z", re.DOTALL)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], _Reason], ...]:
    patterns = []
    for reason in _REASONS:
        patterns.append((_pattern(reason.msgid), reason))
        if reason.plural:
            patterns.append((_pattern(reason.plural), reason))
    return tuple(patterns)


def reason_text(message: str) -> str:
    """A stored reason in the active language: translated when it is one of the reasons
    above (with its parts, themselves reasons or terms, translated too), as stored if not."""
    message = message.strip()
    if not message:
        return ""
    if message in _TERMS:
        return gettext(message)
    for pattern, reason in _patterns():
        match = pattern.match(message)
        if match is None:
            continue
        params = {name: _part(value) for name, value in match.groupdict().items()}
        if reason.plural:
            count = int(match["count"].replace(",", ""))
            return ngettext(reason.msgid, reason.plural, count) % params
        return gettext(reason.msgid) % params if params else gettext(reason.msgid)
    return message


def _part(value: str) -> str:
    """A part of a reason: itself a reason or a term, translated; isolated in a right-to-left
    language, where its own direction may differ from the sentence's."""
    text = reason_text(value)
    if get_language_bidi():
        return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
    return text


def warnings_text(warnings: str) -> list[str]:
    """An item's stored warnings, each in the active language."""
    return [reason_text(part) for part in warnings.split(WARNINGS_SEPARATOR) if part.strip()]
