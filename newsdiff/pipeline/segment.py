"""Segmentation: clean article text into claims (sentences, or clauses of long sentences).

Claims keep their exact text and character offsets into the clean text
(``text[claim.start:claim.end] == claim.text``), so the UI can highlight them in place.
Their facts and attribution are the next stage's (facts.claims_with_facts); each claim
comes with the span of the sentence it was split from, because a clause speaks for the
source its sentence names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import abbreviated, alternation, normalized, tokens
from newsdiff.pipeline.types import ClaimDraft

# A claim needs a subject and a predicate: fewer words are debris ("وبعد ذلك.").
CLAIM_MIN_WORDS = 3
# Only sentences longer than this are split into clauses, and only where each clause
# has at least CLAUSE_MIN_WORDS words, so a clause can stand alone as a claim. Calibrated
# on the seeds: their 40-70 word sentences carry two or three separate facts each.
CLAUSE_SPLIT_MIN_WORDS = 25
CLAUSE_MIN_WORDS = 6

# Sentence ends: terminators (plus closing quotes) before whitespace, the end, or an
# Arabic letter (a missing space after the full stop is a common typo), and line breaks.
# Decimal points and dots inside URLs are followed by neither, so they never match.
_BOUNDARY_RE = re.compile(r"[.!?؟…]+[\"'”»)\]]*(?=\s|$|[\u0621-\u064a])|\n+")
_WORD_BEFORE_RE = re.compile(r"(\S+?)[.]+[\"'”»)\]]*$")
# Clause joints inside a long sentence; the claim after the cut starts at the connector:
# a comma before و or a connector word ("، حيث", ", while"), a semicolon, a connector that
# needs no comma ("كما"), or one whose noun a relative pronoun follows within
# RELATIVE_NOUN_MAX_WORDS words and whose clause gives a figure before its next comma: a
# second event with its own figures ("... 5.9 when it struck at 2.40 am with a tremor that
# reached 4.2 ... half an hour later"), which one claim would mix with the first's. A
# clause without a figure ("working with a firm that salvages wrecks") completes its verb.
RELATIVE_NOUN_MAX_WORDS = 2
_CLAUSE_JOINT_RE = re.compile(
    rf"[،,]\s+(?=(?:و|(?:{alternation(lang.merged_tuple('CLAUSE_OPENERS'))})\s)\S)"
    r"|[;؛]\s*"
    rf"|\s+(?=(?:{alternation(lang.merged_tuple('CLAUSE_OPENERS_NO_COMMA'))})\s)"
    rf"|\s+(?=(?:{alternation(lang.merged_tuple('CLAUSE_OPENERS_BEFORE_RELATIVE'))})"
    rf"(?:\s+[^\s,،]+){{1,{RELATIVE_NOUN_MAX_WORDS}}}"
    rf"\s+(?:{alternation(lang.merged_tuple('CLAUSE_RELATIVES'))})\s[^,;،؛]*\d)"
)
# A second statement of the same speaker opens at its verb of saying, in a sentence of any
# length (lang SECOND_STATEMENT_OPENERS), after an optional comma.
_SECOND_STATEMENT_RE = re.compile(
    rf"[،,]?\s+(?=(?:{alternation(lang.merged_tuple('SECOND_STATEMENT_OPENERS'))})(?!\w))"
)
# A verb of saying and the words of its subject, before a comma, are no claim of their own:
# the verb's statement comes after the comma ("نفى فلان، ووكيل أعماله، ما نشرته ..."; "أكدت
# الصحيفة، نقلا عن مصادرها، وصول ..."). A sentence that opens with such a verb (after its
# dateline, if any) and holds at most this many words after it, no figure, no quotation and
# no word that opens a statement, is not cut at that comma.
SPEAKER_ONLY_MAX_WORDS = 8
_SAY_BEFORE_SOURCE = frozenset(lang.merged_tuple("SAY_BEFORE_SOURCE"))
_STATEMENT_OPENERS = frozenset(lang.merged_tuple("STATEMENT_CONTENT_OPENERS"))
# The clitics a verb may carry ("ونفى", "فأكد"), and the marks that open what was said.
_CLITICS = "وف"
_QUOTE_MARKS = ':"«“'
# What ends a dateline before the sentence's first word ("دبي (CNN) -- نفى ...").
_DATELINE_END_RE = re.compile(r"\s(?:--|[-–—])\s")
_LEADING_JUNK = " \t\n\r،,;؛:-–—"
# Quotation marks: a clause joint inside an open quotation splits no claim, since what a
# speaker says is one statement, and its pieces ("وما قدمه لنادينا على مدار 6 سنوات»") mean
# nothing alone.
_QUOTE_OPENERS = "«“"
_QUOTE_CLOSERS = "»”"
_STRAIGHT_QUOTE = '"'
# A sentence that only names the source of the one before it ("وفق ما ذكرت الوكالة
# الرسمية.", "According to the harbour patrol."): at most SOURCE_TAIL_MAX_WORDS words, no figure,
# after a full stop in the same paragraph. It ends that sentence, whose claim it attributes;
# after a comma it is no clause of its own ("، وفق ما ..." is not "، و" + a clause).
_SOURCE_TAIL_RE = re.compile(
    rf"^(?:{alternation(lang.merged_tuple('SOURCE_TAIL_OPENERS'))})(?:\s|$)"
)
SOURCE_TAIL_MAX_WORDS = 10


class SegmentedClaim(NamedTuple):
    """A claim without its facts yet, and the span of its sentence in the clean text: the
    sentence it was split from, or the claim's own span when its sentence was not split."""

    claim: ClaimDraft
    sentence_start: int
    sentence_end: int


def segment_claims(text: str) -> tuple[SegmentedClaim, ...]:
    """Split clean text into claims, in order (facts.claims_with_facts adds their facts)."""
    claims: list[SegmentedClaim] = []
    for sent_start, sent_end in _sentences(text):
        clauses = list(_clauses(text, sent_start, sent_end))
        for start, end in clauses:
            start, end = _trim(text, start, end)
            claim_text = text[start:end]
            if len(claim_text.split()) < CLAIM_MIN_WORDS:
                continue
            claim = ClaimDraft(
                position=len(claims),
                text=claim_text,
                normalized=normalized(claim_text),
                start=start,
                end=end,
            )
            sentence = (sent_start, sent_end) if len(clauses) > 1 else (start, end)
            claims.append(SegmentedClaim(claim, *sentence))
    return tuple(claims)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans, a sentence that only names its source joined to the one before."""
    previous: tuple[int, int] | None = None
    for start, end in _raw_sentences(text):
        if previous is not None and _is_source_tail(text, previous[1], start, end):
            previous = (previous[0], end)
            continue
        if previous is not None:
            yield previous
        previous = (start, end)
    if previous is not None:
        yield previous


def _is_source_tail(text: str, previous_end: int, start: int, end: int) -> bool:
    """Whether text[start:end] only names the source of what ends at previous_end (in the
    same paragraph)."""
    if "\n" in text[previous_end:start]:
        return False
    sentence = text[start:end].strip()
    if len(sentence.split()) > SOURCE_TAIL_MAX_WORDS or any(c.isdigit() for c in sentence):
        return False
    return bool(_SOURCE_TAIL_RE.match(normalized(sentence)))


def _raw_sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        if match.group()[0] == "." and _is_abbreviation(text, start, match):
            continue
        yield start, match.end() if match.group()[0] != "\n" else match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _is_abbreviation(text: str, start: int, match: re.Match[str]) -> bool:
    before = _WORD_BEFORE_RE.search(text, start, match.end())
    word = before.group(1).lower().lstrip("(\"'“«") if before else ""
    if abbreviated(word):
        return True
    # "U.S. officials", "approx. five": a lowercase Latin word goes on the sentence.
    following = text[match.end() : match.end() + 2].lstrip()
    return bool(following) and following[0].isascii() and following[0].islower()


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The clauses of a sentence: its statements, and, in a long sentence, its clauses."""
    for statement_start, statement_end in _statements(text, start, end):
        yield from _long_clauses(text, statement_start, statement_end)


def _statements(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentence cut before each second verb of saying that leaves a claim on each side."""
    return _cut(text, start, end, _SECOND_STATEMENT_RE.finditer(text, start, end))


def _long_clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if len(text[start:end].split()) <= CLAUSE_SPLIT_MIN_WORDS:
        yield start, end
        return
    joints = _CLAUSE_JOINT_RE.finditer(text, start, end)
    yield from _cut(
        text,
        start,
        end,
        (
            joint
            for joint in joints
            if not (joint.group()[:1] in "،," and _speaker_only(text[start : joint.start()]))
        ),
    )


def _speaker_only(piece: str) -> bool:
    """Whether the piece (a sentence up to a comma) is a verb of saying and its subject
    alone, after its dateline if any (SPEAKER_ONLY_MAX_WORDS)."""
    datelines = list(_DATELINE_END_RE.finditer(piece))
    rest = piece[datelines[-1].end() :] if datelines else piece
    words = tokens(normalized(rest))
    if not words or len(words) - 1 > SPEAKER_ONLY_MAX_WORDS:
        return False
    verb = words[0]
    if verb[:1] in _CLITICS and verb[1:] in _SAY_BEFORE_SOURCE:
        verb = verb[1:]
    return (
        verb in _SAY_BEFORE_SOURCE
        and not any(char.isdigit() for char in rest)
        and not any(mark in rest for mark in _QUOTE_MARKS)
        and _STATEMENT_OPENERS.isdisjoint(words[1:])
    )


def _cut(
    text: str, start: int, end: int, joints: Iterator[re.Match[str]]
) -> Iterator[tuple[int, int]]:
    """The pieces between the joints where each side keeps CLAUSE_MIN_WORDS words, outside
    a quotation and not before a source tail."""
    piece_start = start
    for joint in joints:
        left = len(text[piece_start : joint.start()].split())
        right = len(text[joint.end() : end].split())
        if (
            left >= CLAUSE_MIN_WORDS
            and right >= CLAUSE_MIN_WORDS
            and not inside_quotation(text[start : joint.start()])
            # "، وفق ما ذكرت الوكالة الرسمية.": the rest names the source, it is no clause.
            and not _is_source_tail(text, joint.start(), joint.end(), end)
        ):
            yield piece_start, joint.start()
            piece_start = joint.end()
    yield piece_start, end


def inside_quotation(before: str) -> bool:
    """Whether a quotation opened in this text is still open at its end."""
    opened = sum(before.count(mark) for mark in _QUOTE_OPENERS)
    closed = sum(before.count(mark) for mark in _QUOTE_CLOSERS)
    return opened > closed or before.count(_STRAIGHT_QUOTE) % 2 == 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
