"""Cleaning: raw page text in, article body and what the page shows about it out.

Raw text copied from a news page mixes the article with furniture: tickers, logos,
section labels, the headline twice, photo captions, the dateline, "related news" blocks,
section headings, share/follow prompts, copyright and short-link footers. The rules here
are general line heuristics (length, final punctuation, keyword lists) rather than
per-site selectors, because the tool receives text from outlets it has never seen.

The page has three zones: the *header* before the first body paragraph (only the title
is worth keeping, as metadata), the *body*, and the furniture scattered through and after
it. A line is a body paragraph when it is long enough and ends like a sentence.

The keyword lists (furniture prompts, related-news headings, caption labels, bylines ...)
are in pipeline/lang; the patterns built from them are here.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from newsdiff.pipeline import lang
from newsdiff.pipeline.dates import parse_date, relative_day_date
from newsdiff.pipeline.normalize import alternation, normalized
from newsdiff.pipeline.types import ArticleMeta, CleanedArticle

# A body paragraph has at least this many words and ends like a sentence; seed headings
# ("تفاصيل الصفقة المحتملة") and related headlines have 2-9 words and no full stop.
PARAGRAPH_MIN_WORDS = 8
# Any line this long is body text even when its full stop went missing.
PARAGRAPH_ALWAYS_WORDS = 25
# Unpunctuated lines up to this length are headings or labels, never claims.
HEADING_MAX_WORDS = 12
# Captions, datelines, bylines and furniture prompts are short.
CAPTION_MAX_WORDS = 15
DATELINE_MAX_WORDS = 10
BYLINE_MAX_WORDS = 6
# A header line needs this many words to be taken for the headline (not a label).
TITLE_MIN_WORDS = 3
# A title made from a lead sentence is cut at a word boundary near this length.
TITLE_MAX_CHARS = 140

_ENDS_SENTENCE_RE = re.compile(r"[.!…][\"'”»)\]]*$")
_ENDS_QUESTION_RE = re.compile(r"[?][\"'”»)\]]*$")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s\"'<>]+")
_DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|net|org|news|info|tv|co|me|[a-z]{2})\b"
)
_FIRST_SENTENCE_RE = re.compile(r".+?[.!?](?=\s|$)")

# Folded (normalize_text) line prefixes of furniture prompts; only short lines qualify.
_FURNITURE_RE = re.compile(
    rf"^(?:{alternation(lang.merged_tuple('FURNITURE_PREFIXES'))}"
    rf"|(?:{alternation(lang.merged_tuple('FURNITURE_WORDS'))})\b)"
)
# Headings that open a block of related headlines to drop with them.
_RELATED_RE = re.compile(rf"^(?:{alternation(lang.merged_tuple('RELATED_HEADINGS'))})\s*:?$")
_COPYRIGHT_RE = re.compile(
    rf"©|\(c\)\s*\d{{4}}|{alternation(lang.merged_tuple('RIGHTS_RESERVED'))}"
    rf"|^(?:{alternation(lang.merged_tuple('COPYRIGHT_WORDS'))})\b"
)
# Captions: a label and a colon, a credit word and a colon ("Photos:", "Photo credit:"), a
# caption phrase, or an agency's credit line ("/Reuters", "AP Photo").
_CAPTION_RE = re.compile(
    rf"(?:{alternation(lang.merged_tuple('CAPTION_LABELS'))})\s*:"
    rf"|{alternation(lang.merged_tuple('CAPTION_PHRASES'))}"
    rf"|(?:^|\s)(?:{alternation(lang.merged_tuple('CAPTION_CREDIT_WORDS'))})s?(?:\s+credit)?\s*:"
    r"|/reuters|reuters/|/afp|afp/|/ap\b|\bap photo"
)
_BYLINE_RE = re.compile(rf"^(?:{alternation(lang.merged_tuple('BYLINE_WORDS'))})\s+\S")
_DATELINE_HINT_RE = re.compile(rf"^(?:{alternation(lang.merged_tuple('DATELINE_WORDS'))})\b")
_LATIN_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9&.'’-]*(?:[ \t]+[A-Za-z0-9&][A-Za-z0-9&.'’-]*)*")
# Noise words of a copyright line, removed before reading the company's name from it. A
# Latin name is read without the Latin ones, an Arabic name without the Arabic ones: removing
# a word of the other script could join two runs of a name that it separated.
_COMPANY_NOISE = lang.merged_tuple("COMPANY_NOISE")
_COPYRIGHT_WORDS_RE = re.compile(
    rf"(?i){alternation(w for w in _COMPANY_NOISE if w.isascii())}|\(c\)"
)
# Legal-form words stripped off a company name: "Erem Media FZ LLC" -> "Erem Media".
_LEGAL_SUFFIX_RE = re.compile(
    r"(?i)(?:[\s,.-]+(?:fz-?llc|fze|fz|fzco|llc|l\.l\.c\.?|ltd\.?|limited|inc\.?|corp\.?"
    r"|corporation|gmbh|s\.?a\.?l?|plc|co\.?|company))+\.?$"
)
_ARABIC_COMPANY_NOISE_RE = re.compile(
    rf"{alternation(w for w in _COMPANY_NOISE if not w.isascii())}|©\ufe0f?|\d{{4}}|[-–|]"
)


def clean_article(raw: str) -> CleanedArticle:
    """Separate the article body from page furniture and read the page's metadata."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    folded = [normalized(line) for line in lines]
    words = [len(line.split()) for line in lines]

    first_body = next(
        (
            i
            for i, line in enumerate(lines)
            if line and _is_paragraph(line, words[i]) and not _is_furniture(folded[i], words[i])
        ),
        None,
    )
    if first_body is None:
        return _keep_everything(raw)

    title, title_key = _header_title(lines[:first_body], folded[:first_body], words)
    removed: list[str] = [line for line in lines[:first_body] if line]
    kept: list[str] = []
    seen: set[str] = {title_key} if title_key else set()
    in_related = False
    for line, key, count in zip(
        lines[first_body:], folded[first_body:], words[first_body:], strict=True
    ):
        if not line:
            continue
        paragraph = _is_paragraph(line, count)
        if _RELATED_RE.match(key):
            in_related = True
            removed.append(line)
            continue
        if in_related and not paragraph:
            removed.append(line)  # a related headline
            continue
        in_related = False
        if key in seen or _is_furniture(key, count) or not paragraph and count <= HEADING_MAX_WORDS:
            removed.append(line)
            continue
        seen.add(key)
        kept.append(line)

    if not kept:
        return _keep_everything(raw)
    text = "\n\n".join(kept)
    if not title:
        title = _title_from_lead(kept[0])
    meta = _meta(title=title, removed=removed, body=text)
    return CleanedArticle(text=text, removed=tuple(removed), meta=meta)


def _keep_everything(raw: str) -> CleanedArticle:
    # Never lose the body: when the heuristics find nothing to keep, keep all of it.
    kept = [line.strip() for line in raw.splitlines() if line.strip()]
    text = "\n\n".join(kept)
    title = _title_from_lead(kept[0]) if kept else ""
    return CleanedArticle(text=text, removed=(), meta=_meta(title=title, removed=[], body=text))


def _is_paragraph(line: str, word_count: int) -> bool:
    if word_count >= PARAGRAPH_ALWAYS_WORDS:
        return True
    return word_count >= PARAGRAPH_MIN_WORDS and bool(_ENDS_SENTENCE_RE.search(line))


def _is_furniture(key: str, word_count: int) -> bool:
    """Furniture that can sit anywhere on the page; key is the folded line."""
    if _COPYRIGHT_RE.search(key) and word_count <= PARAGRAPH_ALWAYS_WORDS:
        return True
    if word_count > CAPTION_MAX_WORDS:
        return False
    if _FURNITURE_RE.match(key) or _URL_RE.fullmatch(key) or _CAPTION_RE.search(key):
        return True
    if (
        word_count <= BYLINE_MAX_WORDS
        and _BYLINE_RE.match(key)
        and not _ENDS_SENTENCE_RE.search(key)
    ):
        return True
    return _is_dateline(key, word_count)


def _is_dateline(key: str, word_count: int) -> bool:
    if word_count > DATELINE_MAX_WORDS or _ENDS_SENTENCE_RE.search(key):
        return False
    return bool(_DATELINE_HINT_RE.match(key)) or parse_date(key) is not None


def _header_title(lines: list[str], folded: list[str], words: list[int]) -> tuple[str, str]:
    """The headline among the lines above the body: a line the page repeats (headline
    and its copy in the share box), else the last title-like line, since tickers and
    labels sit above the headline. Returns (title, folded title)."""
    candidates = [
        i
        for i, line in enumerate(lines)
        if line and words[i] >= TITLE_MIN_WORDS and not _is_furniture(folded[i], words[i])
    ]
    for i in candidates:
        if folded.count(folded[i]) > 1:
            return lines[i], folded[i]
    if candidates:
        return lines[candidates[-1]], folded[candidates[-1]]
    return "", ""


def _title_from_lead(paragraph: str) -> str:
    """No headline on the page: the first sentence of the lead, trimmed."""
    match = _FIRST_SENTENCE_RE.match(paragraph)
    sentence = (match.group() if match else paragraph).strip().rstrip(".!")
    if len(sentence) > TITLE_MAX_CHARS:
        sentence = sentence[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip("،, ") + "…"
    return sentence


def _meta(*, title: str, removed: list[str], body: str) -> ArticleMeta:
    outlet_name = ""
    for line in removed:
        if _COPYRIGHT_RE.search(normalized(line)):
            outlet_name = _company_name(line)
            if outlet_name:
                break
    domain = _outlet_domain(removed)
    if not outlet_name and domain:
        outlet_name = domain.split(".")[0].capitalize()
    return ArticleMeta(
        title=title,
        outlet_name=outlet_name,
        outlet_domain=domain,
        published=_published(removed, body),
    )


def _company_name(line: str) -> str:
    """The company in a copyright line: its Latin name without legal suffixes, else the
    Arabic name; the text shows the publisher, which is what we report."""
    latin = _COPYRIGHT_WORDS_RE.sub(" ", line)
    runs = [run.strip(" .-") for run in _LATIN_NAME_RE.findall(latin)]
    runs = [run for run in runs if any(c.isalpha() for c in run)]
    if runs:
        name = max(runs, key=len)
        return _LEGAL_SUFFIX_RE.sub("", name).strip(" ,.-")
    arabic = _ARABIC_COMPANY_NOISE_RE.sub(" ", line)
    return " ".join(arabic.split()[:4])


def _outlet_domain(removed: list[str]) -> str:
    """The outlet's own domain, from a short link or any URL in the furniture."""
    urls = [url for line in removed for url in _URL_RE.findall(line)]
    for url in urls:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
        if host:
            return host.removeprefix("www.")
    for line in removed:
        if _COPYRIGHT_RE.search(normalized(line)):
            match = _DOMAIN_RE.search(line.lower())
            if match:
                return match.group().removeprefix("www.")
    return ""


def _published(removed: list[str], body: str) -> dt.date | None:
    """From a dateline among the furniture, else from "أمس 7 أكتوبر 2024" in the body."""
    for line in removed:
        key = normalized(line)
        if _is_dateline(key, len(line.split())):
            date = parse_date(line)
            if date:
                return date
    return relative_day_date(body)
