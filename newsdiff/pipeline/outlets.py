"""Outlets: which outlet published a page, read from its address or from what the page shows.

A registry of real news outlets and agencies ships as data (``data/outlets.json``: names in
both scripts, domains, aliases, country, language, kind). ``outlet_read`` looks for the page's
outlet in order of reliability:

1. the page's address, when given (``arabic.cnn.com`` is CNN Arabic, ``bbc.com/arabic`` BBC
   Arabic: a registry domain may carry a path);
2. what the page says of itself: a link to its own site in a short line ("رابط مختصر",
   "ظهر المنشور في الأصل على news.example.com"), a copyright line, a dateline naming the outlet
   ("إيلاف من لندن:", "طرابلس - الناس نيوز ::", "(Newser) -"), a byline ("By Jane Doe,
   Newser Staff"), the outlet's name on a line of its own above or below the article, or in a
   follow prompt ("تابعونا على قناة الديار على يوتيوب");
3. the source it credits: a news agency in the dateline ("LONDON (Reuters) -", "الرياض - واس",
   "القاهرة 11 مارس 2021 م واس"), or a closing credit ("المصدر: الجزيرة", "(رويترز)").

The publisher's own name comes before a credited source: an outlet that prints "(رويترز)"
still published the page. An outlet named inside a sentence ("as Reuters reported", "وقالت
وكالة الأنباء الفرنسية") is a source quoted, never the publisher: names are only read where a
page prints its own name or its credit, and must fill that place whole.

When nothing matches the registry, the name the page shows in such a place is returned as a
provisional name; else a name made from the address's host or from the file name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import is_arabic, normalized, word_zipf

REGISTRY_PATH = Path(__file__).with_name("data") / "outlets.json"

# Where a reading came from, most reliable first.
EVIDENCE_URL = "url"
EVIDENCE_SHORT_LINK = "short link"
EVIDENCE_COPYRIGHT = "copyright"
EVIDENCE_DATELINE = "dateline"
EVIDENCE_BYLINE = "byline"
EVIDENCE_PAGE_NAME = "page name"
EVIDENCE_WIRE_CREDIT = "wire credit"
EVIDENCE_CREDIT = "credit"
EVIDENCE_FILE_NAME = "file name"
EVIDENCES = (
    EVIDENCE_URL,
    EVIDENCE_SHORT_LINK,
    EVIDENCE_COPYRIGHT,
    EVIDENCE_DATELINE,
    EVIDENCE_BYLINE,
    EVIDENCE_PAGE_NAME,
    EVIDENCE_WIRE_CREDIT,
    EVIDENCE_CREDIT,
    EVIDENCE_FILE_NAME,
    "",
)

# Lines of the page read for its outlet. The header is what comes before the first body
# paragraph (logo, section label, headline, date, dateline); on the development pages it runs
# to 8 lines at most. A body paragraph has at least this many words.
HEADER_MAX_LINES = 12
BODY_LINE_MIN_WORDS = 12
BODY_LINE_ALWAYS_WORDS = 25
SENTENCE_END_RE = re.compile(r"[.!?؟…:][\"'”»)\]]*$")
# The dateline is read in the first body lines (a page may open with a standfirst).
DATELINE_BODY_LINES = 2
# Closing credits ("المصدر: الجزيرة", "(رويترز)") sit in the last lines.
TAIL_LINES = 3
# A dateline is at most this many characters and its parts at most this many words
# ("كريتر سكاي/خاص", "BEIRUT, Lebanon (AP)"); a longer part is the lead sentence.
DATELINE_MAX_CHARS = 90
DATELINE_PART_MAX_WORDS = 5
# "الرياض 3 رجب 1445 هـ الموافق 15 يناير 2024 م واس": an agency named right after the
# date, within this many words of the start.
DATED_DATELINE_MAX_WORDS = 14
# Lines that name the outlet (a logo line, a credit, a byline, a follow prompt, a copyright
# notice) are short; a longer line is a sentence, and a name in it is a source quoted.
NAME_LINE_MAX_WORDS = 6
CREDIT_LINE_MAX_WORDS = 8
BYLINE_MAX_WORDS = 10
PROMPT_MAX_WORDS = 12
COPYRIGHT_MAX_WORDS = 30
LINK_LINE_MAX_WORDS = 12
# A name longer than this is not an outlet's name (a provisional name is cut to it).
NAME_MAX_WORDS = 6
# A Latin alias this short ("AP", "AFP", "PA", "dpa") matches only as printed, in a credit.
SHORT_ALIAS_MAX_CHARS = 3
# A one-word name this frequent as a word (wordfreq's Zipf scale) is a word first: "goal"
# 5.1, "metro" 4.2, "مكة" 4.9, "سبق" 5.0 are, "newser" 1.7, "reuters" 3.9, "هسبريس" 2.2 are not.
COMMON_WORD_ZIPF = 4.0
# A domain's first label used as a name ("almaghribtoday" printed alone under the article)
# is at least this long: shorter labels ("ft", "aa", "news") are ordinary words.
DOMAIN_LABEL_MIN_CHARS = 6

# Words around an outlet's name, in folded form (normalize_text). Generic words before a
# name: "صحيفة الرياض", "لموقع هسبريس", "بقناة الديار", "وكالة الأناضول".
NAME_PREFIXES = frozenset(
    "صحيفه جريده موقع قناه وكاله شبكه مجله اذاعه منصه تلفزيون newspaper website".split()
)
# Words after a name in a byline or credit: "Newser Staff", "CNN Wire".
NAME_SUFFIXES = frozenset(
    "staff writer writers reporter reporters correspondent editor editors staffer".split()
)
# Parts of a dateline or credit that are not a name: "وكالات - النجاح -", "كريتر سكاي/خاص".
NOT_NAMES = frozenset(
    "خاص وكالات متابعات مراسلنا مراسل محرر تقرير ترجمه exclusive agencies staff wires"
    " updated".split()
)
# "مصدر الصورة:" and "Photo credit:" credit a photo, not the article.
CREDIT_LABELS = ("المصدر", "source", "sources", "via", "نقلا عن")
# Words before the outlet's name in a follow prompt: "تابعوا صفحة ...", "Follow Newser on X".
PROMPT_WORDS = NAME_PREFIXES | {"صفحه", "حساب", "follow", "تابعوا", "تابعونا"}
# File names say "news" of any page; as a domain label it is news.com.au.
GENERIC_LABELS = frozenset({"news", "article", "story", "text", "page"})
BYLINE_WORDS = ("by", "بقلم", "كتب", "كتبت", "اعداد", "written by", "reporting by")
COPYRIGHT_RE = re.compile(
    r"©|\(c\)\s*\d{4}|^copyright\b|all rights reserved|حقوق النشر|حقوق الطبع|الحقوق محفوظه",
    re.IGNORECASE,
)
COPYRIGHT_HINT_RE = re.compile(r"©|\(c\)|copyright|rights|حقوق", re.IGNORECASE)
# Pieces of a copyright line that are not the holder's name.
COPYRIGHT_NOISE_RE = re.compile(
    r"©|\(c\)|copyright|all rights reserved|جميع|حقوق النشر|حقوق الطبع|الحقوق|محفوظه"
    r"|لصالح|powered by|\b(?:19|20)\d{2}\b|\d{4}\s*-\s*\d{4}|inc\b|ltd\b|llc\b|limited|plc\b"
    r"|corporation|\bcorp\b|\bgroup\b|s\.a\.|ش\.م\.م|ذ\.م\.م|شركه|مجموعه|مؤسسه",
    re.IGNORECASE,
)
SHORT_LINK_RE = re.compile(r"رابط مختصر|الرابط المختصر|short ?link|permalink", re.IGNORECASE)
# A follow prompt names the outlet's channel: "تابعونا على ...", "Follow Newser on ...".
SOCIAL_RE = re.compile(
    r"يوتيوب|فيسبوك|فيس بوك|تويتر|تلغرام|تليجرام|واتساب|انستغرام|انستجرام|تيك توك|اخبار جوجل"
    r"|youtube|facebook|twitter|telegram|whatsapp|instagram|tiktok|google news",
    re.IGNORECASE,
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s\"'<>()«»]+", re.IGNORECASE)
BARE_DOMAIN_RE = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9-]+\.)+(?:com|net|org|info|news|tv|ae|ma|ly|co|uk|me|ps|tn|dz"
    r"|sa|qa|kw|eg|jo|lb|iq|ye|sy|sd|om|bh|mr|ir|tr|ca|au|in|fm|press|ws|it|ms|st)"
    r"(?:/[^\s\"'<>()«»]*)?(?![\w.])",
    re.IGNORECASE,
)
HOST_RE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")
# Subdomains that are the same site ("m.", "amp."), not another edition ("arabic.").
SAME_SITE_PREFIXES = ("www.", "m.", "amp.", "mobile.", "www1.", "www2.")
# Separators between the parts of a dateline, a byline, a logo line.
PART_SEPARATORS_RE = re.compile(r"\s*(?:::|[-–—ـ|/•›:,،()«»\"“”]|\.\s)\s*")
DATELINE_SEPARATORS_RE = re.compile(r"\s*(?:::|[-–—ـ|/•›:()]|\.\s|\s\.)\s*")
# Datelines that credit a name: "(Newser) -", "LONDON (Reuters) -", "كريتر سكاي/خاص:". An
# Arabic or title-case place before the brackets is often followed by its country ("هرات
# (أفغانستان):"), so only a capitalised English place may stand before an unknown name.
UNKNOWN_CREDIT_RE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:,? [A-Z][A-Za-z.'-]+){0,2} )?\((?P<name>[^()\n]{2,40})\)\s*[-–—]"
)
UNKNOWN_EXCLUSIVE_RE = re.compile(r"^(?P<name>[^/:()\n\-–—]{2,40}?)\s*/\s*خاص\b")
BRACKETED_RE = re.compile(r"\(\s*([^()\n]{2,40}?)\s*\)")
# "Headline | Outlet", "Headline - Outlet".
TITLE_SEPARATORS_RE = re.compile(r"\s+[|•]\s+|\s+[-–—]\s+")
# A breadcrumb ("Home › World › Middle East") names sections, whatever their names.
BREADCRUMB_SEPARATORS_RE = re.compile(r"\s*[|•›»>/\-–—]\s*")
HOME_WORDS = frozenset({"الرئيسيه", "الصفحه الرئيسيه", "home", "homepage", "home page"})
LEADING_CLITIC_RE = re.compile(r"^(?:لل|ل|ب|و)(?=\S{2,})")
FILE_NUMBER_RE = re.compile(r"^\d+[_\-. ]+")
FILE_SPLIT_RE = re.compile(r"[_\-.\s]+")
DATE_WORDS = frozenset(lang.merged_dict("MONTHS")) | {"م", "هـ", "ه", "الموافق"}
_KEY_JUNK_RE = re.compile(r"[^\w]+|_")
_LATIN_RE = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class RegistryOutlet:
    """One real outlet or agency of the registry (data/outlets.json)."""

    name: str
    native_name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str
    language: str
    kind: str  # "outlet" or "agency"

    @property
    def is_agency(self) -> bool:
        return self.kind == "agency"

    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.native_name, *self.aliases) if n)


@dataclass(frozen=True)
class OutletReading:
    """The outlet a page was read as, and what showed it."""

    name: str
    native_name: str = ""
    domain: str = ""
    aliases: tuple[str, ...] = ()
    country: str = ""
    language: str = ""
    evidence: str = ""
    known: bool = False  # matched the registry
    provisional: bool = False  # made from what the page shows or the file name, unconfirmed


# --- the registry ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def registry() -> tuple[RegistryOutlet, ...]:
    """Every outlet of data/outlets.json, in file order (the first of two with one name is
    the better known)."""
    rows = json.loads(REGISTRY_PATH.read_text(encoding="utf-8"))
    return tuple(
        RegistryOutlet(
            name=row["name"],
            native_name=row["native_name"],
            domains=tuple(row["domains"]),
            aliases=tuple(row["aliases"]),
            country=row["country"],
            language=row["language"],
            kind=row["kind"],
        )
        for row in rows
    )


def name_key(text: str) -> str:
    """The form names are compared in: folded (one alef, ه for ة, no diacritics, lower case),
    punctuation as spaces, no leading "the" ("Al-Quds Al-Arabi" = "al quds al arabi")."""
    key = " ".join(_KEY_JUNK_RE.sub(" ", normalized(text)).split())
    return key.removeprefix("the ")


@dataclass(frozen=True)
class _Index:
    hosts: dict[str, RegistryOutlet]
    # host -> [(path prefix, outlet)], longest prefix first: "bbc.com" -> [("/arabic", ...)]
    paths: dict[str, tuple[tuple[str, RegistryOutlet], ...]]
    names: dict[str, tuple[RegistryOutlet, ...]]
    # Short Latin aliases, as printed: "AP", "AFP", "dpa".
    short: dict[str, tuple[RegistryOutlet, ...]]
    # First labels of domains ("almaghribtoday", "hespress"), for a name printed as a label.
    labels: dict[str, tuple[RegistryOutlet, ...]]


def _add(table: dict[str, tuple[RegistryOutlet, ...]], key: str, outlet: RegistryOutlet) -> None:
    if key and outlet not in table.get(key, ()):
        table[key] = (*table.get(key, ()), outlet)


@lru_cache(maxsize=1)
def _index() -> _Index:
    hosts: dict[str, RegistryOutlet] = {}
    paths: dict[str, list[tuple[str, RegistryOutlet]]] = {}
    names: dict[str, tuple[RegistryOutlet, ...]] = {}
    short: dict[str, tuple[RegistryOutlet, ...]] = {}
    labels: dict[str, tuple[RegistryOutlet, ...]] = {}
    for outlet in registry():
        for domain in outlet.domains:
            host, _, path = domain.partition("/")
            if path:
                paths.setdefault(host, []).append(("/" + path.strip("/"), outlet))
            else:
                hosts.setdefault(host, outlet)
            label = host.removeprefix("www.").split(".")[0]
            _add(labels, label, outlet)
        for name in outlet.names():
            compact = name.replace(".", "").replace(" ", "")
            if len(compact) < 2:
                continue  # "i" (inews.co.uk) is found by its domain only
            if _LATIN_RE.search(name) and len(compact) <= SHORT_ALIAS_MAX_CHARS:
                _add(short, name, outlet)
            else:
                _add(names, name_key(name), outlet)
    ordered = {
        host: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
        for host, entries in paths.items()
    }
    return _Index(hosts=hosts, paths=ordered, names=names, short=short, labels=labels)


def outlet_by_host(host: str, path: str = "") -> RegistryOutlet | None:
    """The registry outlet of a host (and path): the longest registered domain it ends with."""
    index = _index()
    host = host.lower().strip(".").split(":")[0]
    for prefix in SAME_SITE_PREFIXES:
        host = host.removeprefix(prefix)
    path = "/" + path.lstrip("/").lower()
    while "." in host:
        for prefix, outlet in index.paths.get(host, ()):
            if path == prefix or path.startswith(prefix + "/"):
                return outlet
        if host in index.hosts:
            return index.hosts[host]
        host = host.split(".", 1)[1]
    return None


def outlet_by_url(url: str) -> RegistryOutlet | None:
    host, path = _host_and_path(url)
    return outlet_by_host(host, path) if host else None


def _site_host(url: str) -> str:
    """The URL's host without "www." or "m." ("www.alsumaria.tv" -> "alsumaria.tv")."""
    host = _host_and_path(url)[0]
    for prefix in SAME_SITE_PREFIXES:
        host = host.removeprefix(prefix)
    return host


def _host_and_path(url: str) -> tuple[str, str]:
    """The host and path of a URL or a bare domain; empty for anything else."""
    url = url.strip().rstrip(".,;:")
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[::1"
        return "", ""
    return (host, parts.path) if HOST_RE.match(host) else ("", "")


def _choose(candidates: tuple[RegistryOutlet, ...], language: str) -> RegistryOutlet | None:
    """One outlet among those sharing a name: the first in the page's language."""
    for outlet in candidates:
        if outlet.language == language:
            return outlet
    return candidates[0] if candidates else None


def outlet_by_name(text: str, *, language: str = "") -> RegistryOutlet | None:
    """The registry outlet a printed name stands for, the whole of text being the name
    ("صحيفة الرياض", "لموقع هسبريس", "Newser Staff", "AFP"), or None."""
    stripped = text.strip(" .,:;-–—|/()[]«»\"“”'")
    if not stripped:
        return None
    index = _index()
    if stripped in index.short:
        return _choose(index.short[stripped], language)
    for key in _key_variants(name_key(stripped)):
        if key in index.names:
            return _choose(index.names[key], language)
    return None


def _key_variants(key: str) -> Iterator[str]:
    """The key, then without a generic word before it and its clitic ("لصحيفه الوطن" ->
    "الوطن") and without a generic word after it ("newser staff" -> "newser")."""
    yield key
    words = key.split()
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
        yield " ".join(words)
    if not words:
        return
    bare = LEADING_CLITIC_RE.sub("", words[0])
    if len(words) > 1 and (words[0] in NAME_PREFIXES or bare in NAME_PREFIXES):
        yield " ".join(words[1:])
    elif bare != words[0] and is_arabic(bare):
        yield " ".join([bare, *words[1:]])


def _label_outlet(text: str, language: str) -> RegistryOutlet | None:
    """A line that is a domain's first label ("almaghribtoday"), long enough to be a name."""
    key = text.strip(" .-|").lower()
    if len(key) < DOMAIN_LABEL_MIN_CHARS or not key.isascii() or " " in key:
        return None
    return _choose(_index().labels.get(key, ()), language)


# --- reading a page --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    outlet: RegistryOutlet | None  # None: a name the registry does not hold
    evidence: str
    shown: str = ""  # the name as printed, for an unknown outlet
    domain: str = ""


@dataclass(frozen=True)
class _Page:
    lines: tuple[str, ...]
    header: tuple[str, ...]  # the lines before the first body paragraph
    body_start: tuple[str, ...]  # the first body paragraphs, where a dateline is
    tail: tuple[str, ...]
    language: str


def outlet_read(raw_text: str, *, url: str = "", source: str = "") -> OutletReading:
    """The outlet of a page: from its URL, else from what the text shows, else provisional
    (a name the page shows that the registry lacks, the URL's host, or the file name)."""
    if url:
        outlet = outlet_by_url(url)
        if outlet:
            return _reading(outlet, EVIDENCE_URL, domain=_site_host(url))
    page = _page(raw_text)
    unknown: _Found | None = None
    for found in _findings(page):
        if found.outlet:
            return _reading(found.outlet, found.evidence, domain=found.domain)
        unknown = unknown or found
    if unknown:
        return _provisional(unknown.shown, unknown.evidence, page.language, unknown.domain)
    host = _site_host(url) if url else ""
    if host:
        return _provisional(host, EVIDENCE_URL, page.language, host)
    return _from_file_name(source, page.language)


def _page(raw_text: str) -> _Page:
    lines = tuple(" ".join(line.split()) for line in raw_text.splitlines() if line.strip())
    first_body = next((i for i, line in enumerate(lines) if _is_paragraph(line)), len(lines))
    header = lines[: min(first_body, HEADER_MAX_LINES)]
    body_start = lines[first_body : first_body + DATELINE_BODY_LINES]
    tail = lines[max(len(lines) - TAIL_LINES, first_body) :]
    language = "ar" if is_arabic(" ".join(lines[:20])) else "en"
    return _Page(lines=lines, header=header, body_start=body_start, tail=tail, language=language)


def _is_paragraph(line: str) -> bool:
    """A body paragraph: long, and ending like a sentence unless very long (a standfirst
    without its full stop belongs to the header)."""
    words = len(line.split())
    if words >= BODY_LINE_ALWAYS_WORDS:
        return True
    return words >= BODY_LINE_MIN_WORDS and bool(SENTENCE_END_RE.search(line))


def _findings(page: _Page) -> Iterator[_Found]:
    """Every outlet the page shows, most reliable first: first what it says of itself,
    then the sources it credits."""
    credits: list[_Found] = []
    for found in _own_names(page):
        if found.outlet and found.outlet.is_agency:
            # An agency named as the page's own (a dateline "(AFP) -", "© AFP" under a photo,
            # "Copyright The Associated Press" on a reprint) is what the page credits: kept
            # until the page's own name has been looked for.
            evidence = EVIDENCE_COPYRIGHT
            if found.evidence != EVIDENCE_COPYRIGHT:
                evidence = EVIDENCE_WIRE_CREDIT
            credits.append(_Found(found.outlet, evidence, found.shown, found.domain))
        else:
            yield found
    yield from credits
    yield from _credits(page)


def _own_names(page: _Page) -> Iterator[_Found]:
    yield from _links(page)
    yield from _copyrights(page)
    yield from _datelines(page)
    yield from _bylines(page)
    yield from _name_lines(page)


def _short_lines(page: _Page, max_words: int) -> Iterable[str]:
    return (line for line in page.lines if len(line.split()) <= max_words)


def _links(page: _Page) -> Iterator[_Found]:
    """A link to a registry site in a short line ("رابط مختصر: bbc.in/x", "ظهر المنشور في
    الأصل على news.example.com"); in a body sentence a link is a source cited."""
    for line in _short_lines(page, LINK_LINE_MAX_WORDS):
        short_link = bool(SHORT_LINK_RE.search(line))
        for url in (*URL_RE.findall(line), *BARE_DOMAIN_RE.findall(line)):
            host, path = _host_and_path(url)
            outlet = outlet_by_host(host, path) if host else None
            if outlet:
                evidence = EVIDENCE_SHORT_LINK if short_link else EVIDENCE_URL
                if host.removeprefix("www.") in outlet.domains[1:] and len(host) <= 8:
                    evidence = EVIDENCE_SHORT_LINK  # "bbc.in", "nyti.ms"
                yield _Found(outlet, evidence, domain=_site_host(url))
            elif host and short_link:
                yield _Found(None, EVIDENCE_SHORT_LINK, host, host)


def _copyrights(page: _Page) -> Iterator[_Found]:
    """The holder named in a copyright line: "© 2025 blinx. جميع الحقوق محفوظة", "جميع الحقوق
    محفوظة لصحيفة الوطن", "Copyright 2023 The Associated Press"."""
    for line in _short_lines(page, COPYRIGHT_MAX_WORDS):
        if not COPYRIGHT_HINT_RE.search(line):
            continue  # folding every line is the slow part; most lines have no hint
        folded = normalized(line)
        if not COPYRIGHT_RE.search(folded):
            continue
        for url in BARE_DOMAIN_RE.findall(line):
            host, path = _host_and_path(url)
            outlet = outlet_by_host(host, path)
            if outlet:
                yield _Found(outlet, EVIDENCE_COPYRIGHT, domain=_site_host(url))
        rest = COPYRIGHT_NOISE_RE.sub(" | ", folded)
        parts = [part for part in _parts(rest, PART_SEPARATORS_RE) if _name_like(part)]
        for part in parts:
            outlet = outlet_by_name(part, language=page.language)
            if outlet:
                yield _Found(outlet, EVIDENCE_COPYRIGHT)
                break
        else:
            if parts:
                yield _Found(None, EVIDENCE_COPYRIGHT, _surface(line, _bare_name(parts[0])))


def _datelines(page: _Page) -> Iterator[_Found]:
    """The outlet in a dateline: "إيلاف من لندن:", "طرابلس – الناس نيوز ::", "LONDON
    (Reuters) -", "(Newser) –", "كريتر سكاي/خاص:", and "القاهرة 24 مارس 2021 م واس"."""
    for line in (*page.header, *page.body_start):
        if _is_breadcrumb(line) or _is_byline(line):
            continue
        head = line[:DATELINE_MAX_CHARS]
        parts = _parts(head, DATELINE_SEPARATORS_RE)
        whole_line = len(line) <= DATELINE_MAX_CHARS
        if not whole_line and parts:
            parts = parts[:-1]  # the lead sentence the dateline opens
        # The dateline ends where the first long part (the lead sentence) begins.
        long_part = next(
            (i for i, part in enumerate(parts) if len(part.split()) > DATELINE_PART_MAX_WORDS),
            len(parts),
        )
        parts = parts[:long_part]
        bracketed = set(BRACKETED_RE.findall(head))
        found = _dateline_outlet(parts, bracketed, page) or _dated_agency(head, page)
        if found and found.outlet and whole_line and parts == [line.strip(" -–—:|")]:
            found = _Found(found.outlet, EVIDENCE_PAGE_NAME)  # the name alone on its line
        found = found or _dateline_unknown(head)
        if found:
            yield found


def _dateline_unknown(head: str) -> _Found | None:
    """A name the registry lacks, in a dateline of a shape only a credit has: "(Wadi
    News) -", "LONDON (Wadi News) -", "وادي نيوز/خاص:"."""
    match = UNKNOWN_CREDIT_RE.match(head) or UNKNOWN_EXCLUSIVE_RE.match(head)
    if not match:
        return None
    shown = match.group("name").strip()
    words = normalized(shown).split()
    if not _name_like(shown) or any(word.isdigit() or word in DATE_WORDS for word in words):
        return None
    return _Found(None, EVIDENCE_DATELINE, shown)


def _dateline_outlet(parts: list[str], bracketed: set[str], page: _Page) -> _Found | None:
    """The outlet among a dateline's parts. A place comes first ("الرياض - المغرب اليوم"),
    so a later part or one in brackets ("(CNN) -") that names an outlet wins over the first
    ("الرياض" is also a paper)."""
    matches: list[RegistryOutlet] = []
    for position, part in enumerate(parts):
        name, _, place = part.partition(" من ")  # "إيلاف من لندن"
        outlet = outlet_by_name(part, language=page.language)
        if not outlet and place and name:
            outlet = outlet_by_name(name, language=page.language)
        if not outlet:
            outlet = _after_place(part, page)
        if outlet:
            if position > 0 or part in bracketed:
                return _Found(outlet, EVIDENCE_DATELINE)
            # "الرياض - أعلن ...", "مكة - ...": a place that is also a paper's name.
            if place or outlet.is_agency or _strong(part):
                matches.append(outlet)
    if matches:
        return _Found(matches[0], EVIDENCE_DATELINE)
    return None


def _after_place(part: str, page: _Page) -> RegistryOutlet | None:
    """ "Washington CNN": an English name after capitalised place words."""
    words = part.split()
    for start in range(1, len(words)):
        if not all(word[:1].isupper() for word in words[:start]):
            break
        outlet = outlet_by_name(" ".join(words[start:]), language=page.language)
        if outlet:
            return outlet
    return None


def _dated_agency(head: str, page: _Page) -> _Found | None:
    """An agency named right after the date that opens a line: "الرياض 3 رجب 1445 هـ
    الموافق 15 يناير 2024 م واس تواصل ..."."""
    words = head.split()[:DATED_DATELINE_MAX_WORDS]
    for position in range(1, len(words)):
        before = normalized(words[position - 1])
        if not (before.isdigit() or before in DATE_WORDS):
            continue
        outlet = outlet_by_name(words[position], language=page.language)
        if outlet and outlet.is_agency:
            return _Found(outlet, EVIDENCE_WIRE_CREDIT)
    return None


def _bylines(page: _Page) -> Iterator[_Found]:
    """ "By Arden Dier, Newser Staff", "بقلم: فلان - الجزيرة نت", "Jane Doe | CNN"."""
    for line in (*page.lines[:HEADER_MAX_LINES], *page.tail):
        if len(line.split()) > BYLINE_MAX_WORDS:
            continue
        if not _is_byline(line):
            continue
        for part in _parts(line, PART_SEPARATORS_RE)[1:]:
            outlet = outlet_by_name(part, language=page.language)
            if outlet:
                yield _Found(outlet, EVIDENCE_BYLINE)
                break


def _is_breadcrumb(line: str) -> bool:
    first = BREADCRUMB_SEPARATORS_RE.split(line, maxsplit=1)[0]
    return name_key(first) in HOME_WORDS


def _is_byline(line: str) -> bool:
    folded = name_key(line)
    return any(folded == word or folded.startswith(word + " ") for word in BYLINE_WORDS)


def _name_lines(page: _Page) -> Iterator[_Found]:
    """The outlet's name on a line of its own (a logo, "Alsumaria Tv", "CBS News"), as one
    part of a title line ("Headline | Outlet"), or in a follow prompt."""
    for line in (*page.header, *page.tail):
        if _is_breadcrumb(line):
            continue  # "الرئيسية » عربي ودولي » الشرق الأوسط": sections, not the site
        if len(line.split()) <= PROMPT_MAX_WORDS and SOCIAL_RE.search(line):
            outlet = _prompt_outlet(line, page)
            if outlet:
                yield _Found(outlet, EVIDENCE_PAGE_NAME)
                continue
        whole = [line] if len(line.split()) <= NAME_LINE_MAX_WORDS else []
        ends = TITLE_SEPARATORS_RE.split(line)[1:]
        for part in (*whole, *ends):
            if len(part.split()) > NAME_LINE_MAX_WORDS:
                continue
            if not _strong(part):
                continue
            outlet = outlet_by_name(part, language=page.language)
            outlet = outlet or _label_outlet(part, page.language)
            # "Headline - Outlet" names the site; "caption - رويترز" credits a photo.
            if outlet and not (outlet.is_agency and part not in whole):
                yield _Found(outlet, EVIDENCE_PAGE_NAME)
                break


def _strong(part: str) -> bool:
    """A name that can stand alone on a line as the page's own. One common word can't:
    "People", "Goal", "الرياض", "مكة" head sections and datelines as often as they name an
    outlet; "Hespress", "Newser", "The Independent" or "صحيفة الوطن" can."""
    words = part.split()
    if len(words) != 1:
        return bool(words)
    word = name_key(part)
    if is_arabic(word) and word.startswith("ال"):
        return False
    return word_zipf(word) < COMMON_WORD_ZIPF


def _prompt_outlet(line: str, page: _Page) -> RegistryOutlet | None:
    """ "اشترك مجانا بقناة الموقع على يوتيوب", "Follow Newser on Twitter": the name after a
    generic word (channel, page) or between the verb and "on"."""
    words = name_key(line).split()
    for start in range(len(words)):
        bare = LEADING_CLITIC_RE.sub("", words[start])
        if bare not in PROMPT_WORDS:
            continue
        for end in range(min(len(words), start + 1 + NAME_MAX_WORDS), start + 1, -1):
            outlet = outlet_by_name(" ".join(words[start + 1 : end]), language=page.language)
            if outlet:
                return outlet
    return None


def _credits(page: _Page) -> Iterator[_Found]:
    """The source the page credits at its end: "المصدر: الجزيرة", "Source: AFP", "(رويترز)",
    "- AFP"; then unknown names in a closing credit, as provisional."""
    for line in reversed(page.tail):
        found = _credit_line(line, page)
        if found:
            yield found


def _credit_line(line: str, page: _Page) -> _Found | None:
    words = len(line.split())
    folded = name_key(line)
    label = next((lab for lab in CREDIT_LABELS if folded.startswith(lab + " ")), "")
    if label and words <= CREDIT_LINE_MAX_WORDS:
        shown = line.split(":", 1)[1] if ":" in line else " ".join(line.split()[1:])
        outlet = outlet_by_name(shown, language=page.language)
        if outlet:
            return _Found(outlet, _credit_evidence(outlet))
        return _Found(None, EVIDENCE_CREDIT, shown.strip()) if _name_like(shown) else None
    closing = re.search(r"(?:\(([^()]{2,40})\)|[-–—]\s*([^-–—]{2,40}))\s*\.?$", line)
    if not closing:
        return None
    shown = closing.group(1) or closing.group(2) or ""
    outlet = outlet_by_name(shown, language=page.language)
    if outlet and (words <= CREDIT_LINE_MAX_WORDS or line is page.lines[-1]):
        return _Found(outlet, _credit_evidence(outlet))
    return None


def _credit_evidence(outlet: RegistryOutlet) -> str:
    return EVIDENCE_WIRE_CREDIT if outlet.is_agency else EVIDENCE_CREDIT


# --- helpers ---------------------------------------------------------------------------------


def _parts(text: str, separators: re.Pattern[str]) -> list[str]:
    return [part.strip() for part in separators.split(text) if part and part.strip()]


def _name_like(text: str) -> bool:
    """Could be an outlet's name: a few words with letters, not a generic credit word."""
    words = text.split()
    key = name_key(text)
    return (
        0 < len(words) <= NAME_MAX_WORDS
        and any(c.isalpha() for c in text)
        and key not in NOT_NAMES
        and not any(word in NOT_NAMES for word in key.split())
    )


def _bare_name(folded: str) -> str:
    """A name without the generic word before it: "لموقع وادي نيوز" -> "وادي نيوز"."""
    words = folded.split()
    if len(words) > 1 and LEADING_CLITIC_RE.sub("", words[0]) in NAME_PREFIXES:
        return " ".join(words[1:])
    return folded


def _surface(line: str, folded_part: str) -> str:
    """The words of line whose folded form is folded_part, as printed ("blinx" -> "blinx",
    "لصحيفه الوطن" -> "لصحيفة الوطن"); falls back to the folded part."""
    target = name_key(folded_part).split()
    words = line.split()
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + len(target) + 2) + 1):
            if name_key(" ".join(words[start:end])).split() == target:
                return " ".join(words[start:end]).strip(" .,:;-–—|")
    return folded_part


def _reading(outlet: RegistryOutlet, evidence: str, *, domain: str = "") -> OutletReading:
    return OutletReading(
        name=outlet.name,
        native_name=outlet.native_name,
        domain=domain or (outlet.domains[0].split("/")[0] if outlet.domains else ""),
        aliases=outlet.aliases,
        country=outlet.country,
        language=outlet.language,
        evidence=evidence,
        known=True,
        provisional=False,
    )


def _provisional(name: str, evidence: str, language: str, domain: str = "") -> OutletReading:
    name = " ".join(name.split()[:NAME_MAX_WORDS])
    return OutletReading(
        name=name,
        native_name=name if is_arabic(name) else "",
        domain=domain,
        language=language,
        evidence=evidence,
        known=False,
        provisional=True,
    )


def _from_file_name(source: str, language: str) -> OutletReading:
    """The file's name, without extension and leading numbers ("07_mugtama.txt" ->
    "mugtama"): a registry outlet if its words name one, else the name itself."""
    stem = FILE_NUMBER_RE.sub("", Path(source).stem if source else "").strip()
    if not stem:
        return OutletReading(name="")
    words = [word for word in FILE_SPLIT_RE.split(stem) if word]
    for size in range(min(len(words), NAME_MAX_WORDS), 0, -1):
        for start in range(len(words) - size + 1):
            piece = " ".join(words[start : start + size])
            outlet = _file_outlet(piece, language)
            if outlet:
                return replace(_reading(outlet, EVIDENCE_FILE_NAME), provisional=True)
    return _provisional(" ".join(words), EVIDENCE_FILE_NAME, language)


def _file_outlet(piece: str, language: str) -> RegistryOutlet | None:
    """The outlet a piece of a file name names: as a name ("cnn arabic"), a domain
    ("marokko nl", "businessinsider in") or a domain's first label ("mugtama")."""
    if len(piece.replace(" ", "")) < 3:
        return None
    outlet = outlet_by_name(piece, language=language)
    if " " in piece:
        outlet = outlet or outlet_by_host(piece.replace(" ", "."))
    if outlet:
        return outlet
    label = piece.replace(" ", "").lower()
    if label in GENERIC_LABELS:
        return None
    return _choose(_index().labels.get(label, ()), language)
