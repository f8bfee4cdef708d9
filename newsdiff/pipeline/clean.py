"""Cleaning: raw page text in, article body and what the page shows about it out.

Raw text copied from a news page mixes the article with furniture: tickers, logos,
section labels, the headline twice, photo captions, the dateline, "related news" blocks,
section headings, share/follow prompts, counters, site notices (JavaScript, cookies),
copyright and short-link footers. The rules here are general line heuristics (length,
final punctuation, keyword lists) rather than per-site selectors, because the tool
receives text from outlets it has never seen.

The page has three zones: the *header* before the first body paragraph (only the title
is worth keeping, as metadata), the *body*, and the furniture scattered through and after
it. A line is a body paragraph when it is long enough and ends like a sentence. A line that
ends in a comma or a semicolon is first joined to the next: some pages break a sentence into
paragraphs after a clause, and each piece alone would read as a heading.

Pages copied as text also glue furniture into body lines: a related headline pasted right
after a full stop ("...قال الوزير.اقرأ أيضا: ..."), a notice or a counter between two
sentences. Each line is first read sentence by sentence and such pieces are cut out of it;
the line rules then run on what is left.

The keyword lists (furniture prompts, notices, counters, related-news markers, caption
credits, bylines ...) are in pipeline/lang; the patterns built from them are here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
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
# Captions, datelines, bylines, counters and furniture prompts are short.
CAPTION_MAX_WORDS = 15
DATELINE_MAX_WORDS = 10
BYLINE_MAX_WORDS = 6
# A caption that ends with a credit ("... (رويترز)", "... / AFP") describes the photo in one
# clause: the wire captions written for the tests run 5-18 words before the credit. A body
# sentence that ends with a credit is longer or attributed ("... قال المتحدث (رويترز)." runs
# 25 words and has a verb of saying), and a full stop after the credit closes a sentence, not
# a caption. So a caption has at most this many words before its credit, no verb of saying
# and nothing after the credit.
CREDITED_CAPTION_MAX_WORDS = 20
# A caption whose own full stop comes before the credit ("... on Thursday. (AP Photo/Jane
# Doe)", "... outside the city. Credit: AP") is shaped like no sentence at all: wire captions
# of that shape run to 30-40 words (one on the development pages has 35).
LONG_CAPTION_MAX_WORDS = 45
# A credit in brackets is a name, or "تصوير: فلان" / "Photo by Jane Doe / AFP via Getty
# Images": at most this many words, starting or ending with a credit word.
CREDIT_MAX_WORDS = 10
# Longer than any credit of that many words, with its brackets.
CREDIT_TAIL_CHARS = 160
# Site notices (a cookie banner's sentences run to 30-40 words) are furniture up to this
# length; only the site speaks of "our cookie policy", so longer is still safe, but a
# sentence longer than this is body text that happens to say it.
NOTICE_MAX_WORDS = 40
# A label ("Share", "Related news", "Home » World") has at most this many words; headlines
# that open with a label word ("إعلان حالة الطوارئ ...") have 6 and more.
LABEL_MAX_WORDS = 4
# A counter line ("1.2K shares 15 comments", "عدد المشاهدات: 1234") has a few words.
COUNTER_MAX_WORDS = 6
# A time stamp ("آخر تحديث: الثلاثاء 12 سبتمبر 2023 - 10:05 ص بتوقيت مكة المكرمة") has
# at most this many words.
TIMESTAMP_MAX_WORDS = 15
# A header line needs this many words to be taken for the headline (not a label).
TITLE_MIN_WORDS = 3
# A dateline's place and site either side of a dash: this many words a side at most.
PLACE_AND_SITE_WORDS = 2
_NAME_DASH_RE = re.compile(r"\s[-–—]\s")
# A title made from a lead sentence is cut at a word boundary near this length.
TITLE_MAX_CHARS = 140

_ENDS_SENTENCE_RE = re.compile(r"[.!…][\"'”»)\]]*$")
_ENDS_QUESTION_RE = re.compile(r"[?][\"'”»)\]]*$")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s\"'<>]+")
_DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|net|org|news|info|tv|co|me|[a-z]{2})\b"
)
_FIRST_SENTENCE_RE = re.compile(r".+?[.!?](?=\s|$)")
# The end of a sentence inside a line, spaced or glued to the next one ("قال.اقرأ",
# "Monday.Read"); a dot before a lowercase letter or a digit is in a URL or a number.
_PIECE_END_RE = re.compile(r"[.!?؟…]+[\"'”»)\]]*(?=\s|$|[\u0621-\u064aA-Z\"“«(])")
_WORD_SPAN_RE = re.compile(r"\S+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_NUMBER_RE = re.compile(r"\d+(?:[.,:]\d+)*[km]?")
_CLOCK_RE = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
# A machine-written date ("2023-09-14", "2023-09", "2023-09-14t10:22:26z").
_ISO_STAMP_RE = re.compile(r"(?<!\d)\d{4}-\d{1,2}(?:-\d{1,2})?(?:t[\d:.]+z?)?(?![\d-])")
# An embedded post: the text of a tweet ends with its picture link.
_EMBED_RE = re.compile(r"pic\.twitter\.com/")

# Folded (normalize_text) line prefixes of furniture prompts; only short lines qualify. The
# label words mark furniture only on lines that do not read as sentences.
_PROMPT_RE = re.compile(rf"^(?:{alternation(lang.merged_tuple('FURNITURE_PREFIXES'))})(?!\w)")
_LABEL_RE = re.compile(rf"^(?:{alternation(lang.merged_tuple('FURNITURE_WORDS'))})(?!\w)")
_NOTICE_PHRASES = lang.merged_tuple("NOTICE_PHRASES")
_NOTICE_RE = re.compile(rf"(?<!\w)(?:{alternation(_NOTICE_PHRASES)})(?!\w)")
# The longest word of every notice phrase: a line without any of them holds no notice, and a
# set lookup is much faster than the pattern.
_NOTICE_HINTS = frozenset(max(phrase.split(), key=len) for phrase in _NOTICE_PHRASES)
_COUNTER_WORDS = lang.merged_set("COUNTER_WORDS")
_RELATED_HEADINGS = alternation(lang.merged_tuple("RELATED_HEADINGS"))
_RELATED_MARKERS = alternation(lang.merged_tuple("RELATED_MARKERS"))
# Headings that open a block of related headlines to drop with them.
_RELATED_RE = re.compile(rf"^(?:{_RELATED_HEADINGS}|{_RELATED_MARKERS})\s*:?$")
# A related headline inside a line: a marker, or a heading with a colon, at the start of a
# sentence or after a space, with the headline after it.
_RELATED_INLINE_RE = re.compile(
    rf"(?<!\S)(?:(?:{_RELATED_MARKERS})(?!\w)\s*:?|(?:{_RELATED_HEADINGS})\s*:)\s*(?=\S)"
)
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
_CREDITS = alternation(lang.merged_tuple("CAPTION_CREDITS"))
_CAPTION_LABEL_WORDS = alternation(
    lang.merged_tuple("CAPTION_LABELS") + lang.merged_tuple("CAPTION_CREDIT_WORDS")
)
# The credit that closes a caption: in brackets ("(رويترز)", "(تصوير: فلان)"), after a dash,
# bar, slash or "via" ("- AFP", "via Getty Images"), or a wire credit ("reuters/jane doe").
_CREDIT_TAIL_RE = re.compile(
    r"(?:[(\[](?P<inner>[^()\[\]]+)[)\]]"
    rf"|(?<![^\s.])(?:{_CAPTION_LABEL_WORDS})s?(?:\s+credit)?\s*:\s*(?P<label>[^:()\[\]]+)"
    r"|(?:[-|/]|(?<!\S)via)\s*(?P<after>[^-|/()\[\]]+)"
    r"|(?<!\S)(?P<wire>[^\s/()\[\]]+)/\S+(?:\s+\S+)?"
    r")\s*$"
)
_CREDIT_RE = re.compile(rf"(?:{_CREDITS})")
_CREDIT_EDGE_RE = re.compile(rf"^\s*(?:{_CREDITS})(?!\w)|(?<!\w)(?:{_CREDITS})\s*$")
# "(Jane Doe/Example Agency)": a photographer and an agency, the English way of crediting.
_SLASH_CREDIT_RE = re.compile(r"[a-z][a-z .'&-]*/\s*[a-z][a-z .'&-]*")
# The full stop of a caption's own sentence, right before its credit.
_STOP_BEFORE_RE = re.compile(r"[.!…][\"')\]]*\s*$")
# Verbs of saying: a line that has one is a sentence, whatever credit closes it.
_SAYING_RE = re.compile(
    rf"(?<!\w)[وف]?(?:{alternation(lang.merged_tuple('SAY_BEFORE_SOURCE'))})(?!\w)"
    rf"|(?<!\w)(?:{alternation(lang.merged_tuple('SAY_AFTER_SOURCE'))})(?!\w)"
    rf"|(?<!\w)(?:{alternation(lang.merged_tuple('ACCORDING_TO'))})(?!\w)"
)
_BYLINE_RE = re.compile(rf"^(?:{alternation(lang.merged_tuple('BYLINE_WORDS'))})\s+\S")
_DATELINE_WORDS = lang.merged_tuple("DATELINE_WORDS")
_DATELINE_HINT_RE = re.compile(rf"^(?:{alternation(_DATELINE_WORDS)})\b")
_TIMESTAMP_AGO = lang.merged_set("TIMESTAMP_AGO")
# Every word a time stamp may hold besides numbers: its own words, month and weekday names,
# dateline words.
_TIMESTAMP_WORDS = frozenset(
    word
    for phrase in (
        *lang.merged_tuple("TIMESTAMP_WORDS"),
        *lang.merged_dict("MONTHS"),
        *lang.merged_dict("WEEKDAYS"),
        *_DATELINE_WORDS,
        *_TIMESTAMP_AGO,
    )
    for word in phrase.split()
)
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


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of the page once the furniture glued into it is cut out."""

    text: str
    key: str  # the folded text
    words: int
    furniture: bool  # the line as a whole is furniture (_is_furniture)
    cut: tuple[str, ...] = ()  # furniture pieces cut out of the line, in order


def clean_article(raw: str) -> CleanedArticle:
    """Separate the article body from page furniture and read the page's metadata."""
    raw_lines = _continued(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines = [_read_line(line) for line in raw_lines]
    first_body = next(
        (
            i
            for i, line in enumerate(lines)
            if line.text and _is_paragraph(line.text, line.words) and not line.furniture
        ),
        None,
    )
    if first_body is None:
        return _keep_everything(lines)

    title, title_key = _header_title(lines[:first_body])
    removed = [piece for line in lines[:first_body] for piece in (*line.cut, line.text) if piece]
    kept, furniture = _body(lines[first_body:], seen={title_key} if title_key else set())
    removed.extend(furniture)
    if not kept:
        return _keep_everything(lines)
    text = "\n\n".join(kept)
    if not title:
        title = _title_from_lead(kept[0])
    meta = _meta(title=title, removed=removed, body=text)
    return CleanedArticle(text=text, removed=tuple(removed), meta=meta)


# A line that ends in a comma or a semicolon stops in the middle of its sentence: pages break
# sentences into paragraphs after a clause ("أعلنت الوزارة، في بيان لها،" / "عن وفاة 40
# شخصا ..."), and each piece alone would read as a heading and be dropped. A clause has
# at least CLAUSE_MIN_WORDS words; a shorter line ("القاهرة،") is a dateline, and furniture
# (a byline, a counter ...) stays furniture.
_CONTINUES_RE = re.compile(r"[,،;؛]$")
CLAUSE_MIN_WORDS = 3


def _continued(raw_lines: list[str]) -> list[str]:
    """The page's lines with each one that breaks off after a clause (a comma or a semicolon)
    joined to the next line that has text: a sentence broken across paragraphs, made whole."""
    joined: list[str] = []
    pending = ""
    for raw_line in raw_lines:
        line = raw_line.strip()
        if pending:
            if not line:
                continue
            line = f"{pending} {line}"
            pending = ""
        if _breaks_off(line):
            pending = line
            continue
        joined.append(line)
    if pending:
        joined.append(pending)
    return joined


def _breaks_off(line: str) -> bool:
    if not _CONTINUES_RE.search(line):
        return False
    words = len(line.split())
    return words >= CLAUSE_MIN_WORDS and not _is_furniture(normalized(line), words)


def _body(lines: list[_Line], *, seen: set[str]) -> tuple[list[str], list[str]]:
    """The body paragraphs from the first one on, and the furniture among and after them."""
    kept: list[str] = []
    removed: list[str] = []
    in_related = False
    for line in lines:
        removed.extend(line.cut)
        if not line.text:
            continue
        paragraph = _is_paragraph(line.text, line.words)
        if _RELATED_RE.match(line.key):
            in_related = True
            removed.append(line.text)
            continue
        if in_related and not paragraph:
            removed.append(line.text)  # a related headline
            continue
        in_related = False
        if line.key in seen or line.furniture or not paragraph and line.words <= HEADING_MAX_WORDS:
            removed.append(line.text)
            continue
        seen.add(line.key)
        kept.append(line.text)
    return kept, removed


def _keep_everything(lines: list[_Line]) -> CleanedArticle:
    # Never lose the body: when the heuristics find no paragraph, keep every line that is
    # not furniture (a page of short lines is still an article; a notice is not).
    kept = [line.text for line in lines if line.text and not line.furniture]
    removed = [
        piece
        for line in lines
        for piece in (*line.cut, line.text if line.furniture else "")
        if piece
    ]
    text = "\n\n".join(kept)
    title = _title_from_lead(kept[0]) if kept else ""
    meta = _meta(title=title, removed=removed, body=text)
    return CleanedArticle(text=text, removed=tuple(removed), meta=meta)


# --------------------------------------------------------------------------- glued furniture


def _read_line(raw_line: str) -> _Line:
    line = raw_line.strip()
    # Folded piece by piece, so that the pieces need no second folding (folding is the
    # slowest step of cleaning); joined, the folded pieces are the folded line.
    pieces = [(piece, normalized(piece)) for piece in _pieces(line)]
    key = _joined(pieces)
    words = len(line.split())
    furniture = _is_furniture(key, words)
    if furniture and not _NOTICE_RE.search(key):
        # Furniture from end to end (a caption with a full stop before its credit): the
        # line rules remove it whole, and no piece of it may stay behind as a sentence. A
        # notice is the exception: it is one sentence of the site's, and may share its line
        # with the article.
        return _Line(text=line, key=key, words=words, furniture=True)
    kept, cut = _cut_glued_furniture(pieces)
    if not cut:
        return _Line(text=line, key=key, words=words, furniture=furniture)
    text = " ".join(piece.strip() for piece, _ in kept)
    key = " ".join(folded for _, folded in kept if folded)
    words = len(text.split())
    return _Line(text=text, key=key, words=words, furniture=_is_furniture(key, words), cut=cut)


def _cut_glued_furniture(
    pieces: list[tuple[str, str]],
) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """The pieces of a line (as written, folded) without the furniture glued into it, and
    the furniture cut out.

    A line is read sentence by sentence (a full stop glued to the next word ends a sentence
    too). Related headlines are cut from their marker to the end of their sentence: with
    nothing between a headline and the sentence glued after it, its end is unknown, and the
    sentence they make together belongs to neither article. Other furniture (notices,
    counters, time stamps, captions, prompts) is cut only between body sentences, never
    all of a line.
    """
    kept: list[tuple[str, str]] = []
    cut: list[str] = []
    for piece, key in pieces:
        stamp, rest = _split_stamp(piece, key)
        if stamp:
            cut.append(stamp)
            piece, key = rest, normalized(rest)
        head, related = _split_related(piece, key)
        if related:
            cut.append(related)
            piece, key = head, normalized(head)
        if key:
            kept.append((piece, key))
    glued = [len(kept) > 1 and _is_glued_furniture(key) for _, key in kept]
    if any(glued) and not all(glued):
        cut.extend(
            piece.strip() for (piece, _), is_glued in zip(kept, glued, strict=True) if is_glued
        )
        kept = [piece for piece, is_glued in zip(kept, glued, strict=True) if not is_glued]
    return kept, tuple(cut)


def _pieces(line: str) -> list[str]:
    """The sentences of a line as written: joined, they give the line back."""
    pieces: list[str] = []
    start = 0
    for match in _PIECE_END_RE.finditer(line):
        pieces.append(line[start : match.end()])
        start = match.end()
    if start < len(line):
        pieces.append(line[start:])
    return pieces


def _joined(pieces: list[tuple[str, str]]) -> str:
    """The folded line from its folded pieces: normalized(line), without folding it again.
    Pieces end at a terminator, so folding never joins two of them; a space between them
    in the line is one space in the folded line, and glued pieces stay glued."""
    key = ""
    for piece, folded in pieces:
        if key and folded and piece[:1].isspace():
            key += " "
        key += folded
    return key


def _split_stamp(piece: str, key: str) -> tuple[str, str]:
    """A time stamp glued before a sentence ("date 2023-09-14 Rescue teams ..."): (the stamp,
    the sentence). Only a stamp with a machine-written date or a clock time: "نشر في 12
    سبتمبر 2023 تقرير ..." (a report was published on ...) is a sentence."""
    if not _DATELINE_HINT_RE.match(key):
        return "", piece
    words = key.split()
    count = 0
    while count < min(len(words), TIMESTAMP_MAX_WORDS) and all(
        word in _TIMESTAMP_WORDS for word in _LETTERS_RE.findall(words[count])
    ):
        count += 1
    stamp = " ".join(words[:count])
    if count == len(words) or not (_ISO_STAMP_RE.search(stamp) or _CLOCK_RE.search(stamp)):
        # A stamp and nothing else is for the other rules; no date, no stamp.
        return "", piece
    at = _word_offset(piece, key, count)
    return (piece[:at].strip(), piece[at:]) if at > 0 else ("", piece)


def _word_offset(piece: str, key: str, index: int) -> int:
    """Where the index-th word of the folded piece starts in the piece as written; -1 when
    folding joined or split a word (a ligature), so that the two cannot be matched."""
    starts = [word.start() for word in _WORD_SPAN_RE.finditer(piece)]
    if len(starts) != len(key.split()) or index >= len(starts):
        return -1
    return starts[index]


def _split_related(piece: str, key: str) -> tuple[str, str]:
    """A sentence and the related headline glued into it: (before the marker, the rest)."""
    match = _RELATED_INLINE_RE.search(key)
    if not match:
        return piece, ""
    # The folded piece has the words of the piece, one for one: cut before the marker's word.
    at = _word_offset(piece, key, len(key[: match.start()].split()))
    if at < 0:
        return piece, ""
    return piece[:at], piece[at:].strip()


def _is_glued_furniture(key: str) -> bool:
    """A sentence of a body line that is furniture (key is the folded sentence): only the
    kinds that never open a real sentence (a label word may: "Shares fell ...")."""
    words = len(key.split())
    if _is_notice(key, words) or _is_counter(key) or _is_timestamp(key):
        return True
    if _is_credited_caption(key) or _is_embed(key, words) or _URL_RE.fullmatch(key):
        return True
    return words <= CAPTION_MAX_WORDS and bool(_PROMPT_RE.match(key) or _COPYRIGHT_RE.search(key))


# --------------------------------------------------------------------------- line kinds


def _is_paragraph(line: str, word_count: int) -> bool:
    if word_count >= PARAGRAPH_ALWAYS_WORDS:
        return True
    return word_count >= PARAGRAPH_MIN_WORDS and bool(_ENDS_SENTENCE_RE.search(line))


def _is_furniture(key: str, word_count: int) -> bool:
    """Furniture that can sit anywhere on the page; key is the folded line."""
    if _COPYRIGHT_RE.search(key) and word_count <= PARAGRAPH_ALWAYS_WORDS:
        return True
    if _is_notice(key, word_count) or _is_credited_caption(key) or _is_embed(key, word_count):
        return True
    if word_count > CAPTION_MAX_WORDS:
        return False
    if _is_prompt(key, word_count) or _URL_RE.fullmatch(key) or _CAPTION_RE.search(key):
        return True
    return _is_byline(key, word_count) or _is_counter(key) or _is_dateline(key, word_count)


def _is_prompt(key: str, word_count: int) -> bool:
    """A share/follow/read-more prompt; a label word only on a short line that is no
    sentence ("Share", "Comments (12)", "Home » World"), not on a headline that opens with
    the same word ("تعليق الرحلات إلى ..." is "flights suspended to ...")."""
    if _PROMPT_RE.match(key):
        return True
    return (
        bool(_LABEL_RE.match(key))
        and len(_LETTERS_RE.findall(key)) <= LABEL_MAX_WORDS
        and not _is_paragraph(key, word_count)
    )


def _is_embed(key: str, word_count: int) -> bool:
    """A post embedded in the page (its text and its picture link): the outlet quotes it
    whole, and the sentences around it report what it says."""
    return word_count <= NOTICE_MAX_WORDS and bool(_EMBED_RE.search(key))


def _is_notice(key: str, word_count: int) -> bool:
    """The site speaking of itself: JavaScript, cookies, newsletters, ad blockers."""
    if word_count > NOTICE_MAX_WORDS or _NOTICE_HINTS.isdisjoint(_LETTERS_RE.findall(key)):
        return False
    return bool(_NOTICE_RE.search(key))


def _is_byline(key: str, word_count: int) -> bool:
    return (
        word_count <= BYLINE_MAX_WORDS
        and bool(_BYLINE_RE.match(key))
        and not _ENDS_SENTENCE_RE.search(key)
    )


def _is_counter(key: str) -> bool:
    """Numbers and counter words only: "1.2K shares", "0 تعليق", "3 min read"."""
    if len(key.split()) > 2 * COUNTER_MAX_WORDS:
        return False  # more words than counter words and their numbers
    words = _LETTERS_RE.findall(_NUMBER_RE.sub(" ", key))
    if not words or len(words) > COUNTER_MAX_WORDS:
        return False
    # A lone counter word without a number is a label ("Comments"), read elsewhere.
    counted = len(words) > 1 or any(c.isdigit() for c in key)
    return counted and all(word in _COUNTER_WORDS for word in words)


def _is_timestamp(key: str) -> bool:
    """A time stamp of the page: "Updated 12 September 2023 10:05 GMT", "منذ 3 ساعات".

    Every word is a time word, and a clock time, a dateline word or a word of "ago" says
    that it stamps the page rather than dates an event ("في 12 سبتمبر 2023")."""
    if len(key.split()) > TIMESTAMP_MAX_WORDS:
        return False
    words = _LETTERS_RE.findall(key)
    if not all(word in _TIMESTAMP_WORDS for word in words):
        return False
    return bool(
        _CLOCK_RE.search(key) or _DATELINE_HINT_RE.match(key) or _TIMESTAMP_AGO.intersection(words)
    )


def _is_credited_caption(key: str) -> bool:
    """A photo caption closed by its credit: "رجال إنقاذ يبحثون عن ناجين في درنة (رويترز)".

    Short, with no verb of saying and nothing after the credit: a body sentence that ends
    with a credit ("... قال المتحدث (رويترز).") is longer, attributed or closed by a full stop
    (CREDITED_CAPTION_MAX_WORDS says how this was decided). The credit is a credit word in
    brackets or after a dash, a label and a colon ("Credit: AP"), or a wire credit."""
    if key.endswith((".", "!", "?", "…", ",", ":", '"')):
        return False  # closed like a sentence (most body lines): no credit closes it
    # The credit is at the end: only the tail is searched (a line may run to thousands of
    # characters).
    tail = key[-CREDIT_TAIL_CHARS:]
    match = _CREDIT_TAIL_RE.search(tail)
    if not match or not _is_credit(match):
        return False
    caption = key[: len(key) - len(tail) + match.start()]
    longest = (
        LONG_CAPTION_MAX_WORDS if _STOP_BEFORE_RE.search(caption) else CREDITED_CAPTION_MAX_WORDS
    )
    return len(caption.split()) <= longest and not _SAYING_RE.search(key)


def _is_credit(match: re.Match[str]) -> bool:
    """Whether the tail _CREDIT_TAIL_RE found is a credit (the pattern finds any bracket or
    any word after a dash; checking the credit words afterwards keeps it fast)."""
    inner, label, after, wire = match["inner"], match["label"], match["after"], match["wire"]
    if label is not None:
        return len(label.split()) <= CREDIT_MAX_WORDS  # "Credit: AP", "تصوير: فلان"
    if inner is not None:
        return len(inner.split()) <= CREDIT_MAX_WORDS and bool(
            _CREDIT_EDGE_RE.search(inner) or _SLASH_CREDIT_RE.fullmatch(inner.strip())
        )
    return bool(_CREDIT_RE.fullmatch((after or wire or "").strip()))


def _is_dateline(key: str, word_count: int) -> bool:
    if _is_timestamp(key):
        return True
    if word_count > DATELINE_MAX_WORDS or _ENDS_SENTENCE_RE.search(key):
        return False
    return bool(_DATELINE_HINT_RE.match(key)) or parse_date(key) is not None


def _header_title(lines: list[_Line]) -> tuple[str, str]:
    """The headline among the lines above the body: a line the page repeats (headline
    and its copy in the share box, or the site's name and the headline), else the last
    title-like line, since tickers and labels sit above the headline. Returns (title, folded
    title)."""
    # Words of letters: "المغرب اليوم -", the site's name and a dash, is no headline; nor is
    # a dateline's place and site ("الرياض - المغرب اليوم", "طرابلس – الناس نيوز ::").
    candidates = [
        line
        for line in lines
        if line.text
        and len(_LETTERS_RE.findall(line.key)) >= TITLE_MIN_WORDS
        and not line.furniture
        and not _place_and_site(line.key)
    ]
    folded = [line.key for line in lines]
    for line in candidates:
        # Repeated, whole or inside another line ("المغرب اليوم - <headline>").
        if sum(line.key in key for key in folded) > 1:
            return line.text, line.key
    if candidates:
        return candidates[-1].text, candidates[-1].key
    return "", ""


def _place_and_site(key: str) -> bool:
    """A line of two short names either side of a dash, as a dateline gives the place and
    the site ("الرياض - المغرب اليوم"): at most PLACE_AND_SITE_WORDS words a side."""
    parts = _NAME_DASH_RE.split(key, maxsplit=1)
    return len(parts) == 2 and all(
        0 < len(_LETTERS_RE.findall(part)) <= PLACE_AND_SITE_WORDS for part in parts
    )


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
