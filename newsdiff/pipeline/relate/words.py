"""The text view of a claim: tokens, stems and the ways two claims' words are compared.

Everything here works on normalised text (normalize.normalize_text): soft stem matching that
forgives spelling variants and inflections, the stems only one claim has, content overlap,
negation words and direction words (rise/fall, confirm/deny). The fact rules (rules.py) and
the learned model (model.py) both read claims through this view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

import numpy as np
from rapidfuzz import fuzz, process

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import (
    ARABIC_RE,
    NEGATIONS,
    STOPWORDS,
    WORD_RE,
    is_arabic,
    light_stem,
    surface_of,
)
from newsdiff.pipeline.numbers import numbers_as_digits

# Two stems of four letters or more at least this similar (rapidfuzz ratio) count as the
# same word: spelling variants (اليوروفيجن/اليورفيجن) and inflections (صحفي/صحفى) in
# headlines. 80 keeps تركي/لبناني and مصر/مصري apart in the ANS training diffs.
SOFT_MATCH_RATIO = 80
SOFT_MATCH_MIN_LENGTH = 4
# Claims whose views each process keeps (and other per-claim caches): a 500 x 40 story holds
# 20,000.
VIEW_CACHE_LIMIT = 50_000

# Negations: normalize.NEGATIONS and the relate stage's own (verbs of denial and refusal,
# "without"); the one-letter clitics a negation may carry in front (بغير، وليس، ولم، لعدم);
# and negations the tokenizer splits in two ("didn t"). Word lists in pipeline/lang/.
NEGATION_WORDS = NEGATIONS | lang.merged_set("EXTRA_NEGATIONS")
NEGATION_CLITICS = lang.merged_set("NEGATION_CLITICS")
NEGATION_CONTRACTIONS = lang.merged_set("NEGATION_CONTRACTIONS")

# Which direction contradicts which. Logic, not language data: the words are in lang/.
OPPOSITE = {"up": "down", "down": "up", "confirm": "deny", "deny": "confirm"}

NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*$")
# Punctuation that ends a clause inside a claim. Quotation marks do not: they wrap names and
# quoted words inside one clause.
CLAUSE_END_RE = re.compile(r"[.,;:!?()\[\]\n]")

# Skeletons (see skeleton()): affixes and long vowels from pipeline/lang/.
SKELETON_PREFIXES = lang.merged_set("SKELETON_PREFIXES")
SKELETON_SUFFIXES = lang.merged_tuple("SKELETON_SUFFIXES")
LONG_VOWELS_RE = re.compile("[" + "".join(map(re.escape, lang.merged_tuple("LONG_VOWELS"))) + "]")
DOUBLED_RE = re.compile(r"(.)\1")


def roots_regex(roots: Iterable[str]) -> re.Pattern[str]:
    """One alternation of roots, each found anywhere in a word unless tied to its start
    ("^rise") or end ("^up$")."""

    def pattern(root: str) -> str:
        start = "^" if root.startswith("^") else ""
        end = "$" if root.endswith("$") else ""
        return start + re.escape(root.removeprefix("^").removesuffix("$")) + end

    return re.compile("(" + "|".join(pattern(root) for root in roots) + ")")


# Direction words (rise/fall, confirm/deny), matched on roots inside normalised tokens.
UP_RE = roots_regex(lang.merged_tuple("UP_ROOTS"))
DOWN_RE = roots_regex(lang.merged_tuple("DOWN_ROOTS"))
# Confirmation and denial are a direction of their own: confirmed vs denied is opposite,
# confirmed vs rose is not. A stance word that is also a DOWN word is a denial.
STANCE_RE = roots_regex(lang.merged_tuple("STANCE_ROOTS"))


@dataclass(frozen=True, slots=True)
class ClaimView:
    """The forms of one normalised claim that comparison needs."""

    normalized: str
    tokens: tuple[str, ...]
    content: tuple[str, ...]  # content tokens (no stopwords, no negations), in order
    content_at: tuple[int, ...]  # index in tokens of each content token
    stems: tuple[str, ...]  # light stems of content tokens, in order
    numbers: frozenset[str]
    negations: int
    # The clause of each token: how many clause breaks (CLAUSE_END_RE) come before it. A
    # negation's scope stays inside its clause ("أطباء بلا حدود: العشرات يغرقون").
    clauses: tuple[int, ...] = ()
    # Written in Arabic (normalize.is_arabic): asked once per pair the claim is in.
    arabic: bool = False
    # For comparing its stems with another claim's (diff), once per claim: the distinct
    # stems, their skeletons, and the stems long enough to be compared by spelling.
    stem_set: frozenset[str] = frozenset()
    skeletons: frozenset[str] = frozenset()
    long_stems: tuple[str, ...] = ()


def is_negation(token: str) -> bool:
    """A negation word, bare or with a clitic in front."""
    return token in NEGATION_WORDS or (
        token[:1] in NEGATION_CLITICS and token[1:] in NEGATION_WORDS
    )


@lru_cache(maxsize=VIEW_CACHE_LIMIT)
def _view_cached(normalized: str) -> ClaimView:
    # Numbers in digits: "خمسة وعشرين" and "25" are one word to compare (numbers.py).
    text = numbers_as_digits(normalized)
    matches = list(WORD_RE.finditer(text))
    toks = tuple(m.group() for m in matches)
    ends = [0, *(m.end() for m in matches)]
    breaks = [len(CLAUSE_END_RE.findall(text, ends[i], m.start())) for i, m in enumerate(matches)]
    negated = {
        i
        for i, t in enumerate(toks)
        if is_negation(t) or " ".join(toks[i : i + 2]) in NEGATION_CONTRACTIONS
    }
    content_at = tuple(i for i, t in enumerate(toks) if t not in STOPWORDS and i not in negated)
    content = tuple(toks[i] for i in content_at)
    stems = tuple(light_stem(t) for t in content)
    distinct = frozenset(stems)
    return ClaimView(
        normalized=normalized,
        tokens=toks,
        content=content,
        content_at=content_at,
        stems=stems,
        numbers=frozenset(t.replace(",", "") for t in toks if NUMBER_RE.match(t)),
        negations=len(negated),
        clauses=tuple(accumulate(breaks)),
        arabic=is_arabic(normalized),
        stem_set=distinct,
        skeletons=frozenset(skeleton(stem) for stem in distinct) - {""},
        long_stems=tuple(sorted(stem for stem in distinct if len(stem) >= SOFT_MATCH_MIN_LENGTH)),
    )


def view(normalized: str) -> ClaimView:
    """The view of one normalised claim (cached)."""
    return _view_cached(normalized)


@cache
def skeleton(stem: str) -> str:
    """A rough root of an Arabic stem: one verb/noun prefix and suffix off, long vowels and
    doubled letters out, so يعتقلون/اعتقال and تدافع/دفاعا meet. Latin stems pass through."""
    if not ARABIC_RE.search(stem):
        return stem
    if len(stem) >= 4 and stem[0] in SKELETON_PREFIXES:
        stem = stem[1:]
    for suffix in SKELETON_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            stem = stem[: -len(suffix)]
            break
    if len(stem) > 3:
        stem = stem[0] + LONG_VOWELS_RE.sub("", stem[1:-1]) + stem[-1]
    stem = DOUBLED_RE.sub(r"\1", stem)
    return stem if len(stem) >= 3 else ""


def soft_in(stem: str, pool: Iterable[str]) -> bool:
    """Whether the pool holds the stem or a spelling variant or inflection of it."""
    stem_skeleton = skeleton(stem)
    for other in pool:
        if stem == other:
            return True
        if stem_skeleton and stem_skeleton == skeleton(other):
            return True
        if (
            len(stem) >= SOFT_MATCH_MIN_LENGTH
            and len(other) >= SOFT_MATCH_MIN_LENGTH
            and fuzz.ratio(stem, other) >= SOFT_MATCH_RATIO
        ):
            return True
    return False


def diff(a: ClaimView, b: ClaimView) -> tuple[list[str], list[str]]:
    """Stems only in a (removed) and only in b (added), spelling variants forgiven: soft_in
    for many stems at once. The fuzzy ratios of both sides come from one cdist of the two
    claims' long stems (the ratio is symmetric), rows for a's stems, columns for b's."""
    removed = _unskeletoned(a.stem_set - b.stem_set, b)
    added = _unskeletoned(b.stem_set - a.stem_set, a)
    longer_a = [s for s in removed if len(s) >= SOFT_MATCH_MIN_LENGTH]
    longer_b = [s for s in added if len(s) >= SOFT_MATCH_MIN_LENGTH]
    if (longer_a or longer_b) and a.long_stems and b.long_stems:
        ratios = process.cdist(a.long_stems, b.long_stems, scorer=fuzz.ratio, dtype=np.float64)
        near_a = _near(longer_a, a.long_stems, ratios.max(axis=1))
        near_b = _near(longer_b, b.long_stems, ratios.max(axis=0))
        removed = [s for s in removed if s not in near_a]
        added = [s for s in added if s not in near_b]
    return sorted(removed), sorted(added)


def _unskeletoned(stems: frozenset[str], pool: ClaimView) -> list[str]:
    """The stems (none of them the pool claim's) whose rough root the pool claim lacks."""
    return [s for s in stems if not (skeleton(s) and skeleton(s) in pool.skeletons)]


def _near(stems: Sequence[str], long_stems: Sequence[str], best: np.ndarray) -> set[str]:
    """Those of the stems (each one of long_stems) whose best ratio against the other claim
    reaches SOFT_MATCH_RATIO."""
    if not stems:
        return set()
    best_of = dict(zip(long_stems, best.tolist(), strict=True))
    return {s for s in stems if best_of[s] >= SOFT_MATCH_RATIO}


def containment(a: ClaimView, b: ClaimView, removed: Sequence[str], added: Sequence[str]) -> float:
    """Share of the shorter claim's distinct stems that the other claim also has."""
    na, nb = len(set(a.stems)), len(set(b.stems))
    if not na or not nb:
        return 0.0
    shared_a = na - len(removed)
    shared_b = nb - len(added)
    return min(1.0, max(shared_a / na, shared_b / nb))


def similarity(a_normalized: str, b_normalized: str) -> float:
    """Content overlap of two normalised claims in [0, 1] (soft stem containment)."""
    a, b = view(a_normalized), view(b_normalized)
    removed, added = diff(a, b)
    return containment(a, b, removed, added)


@lru_cache(maxsize=200_000)
def direction(token: str) -> str:
    """up | down | confirm | deny for a direction word, "" for any other token."""
    if STANCE_RE.search(token):
        return "deny" if DOWN_RE.search(token) else "confirm"
    if UP_RE.search(token):
        return "up"
    if DOWN_RE.search(token):
        return "down"
    return ""


def directions(claim: ClaimView) -> frozenset[tuple[str, str]]:
    """(target stem, direction) for each direction word and its neighbouring content words;
    ("", direction) for the word itself (cached with the claim's view)."""
    return _directions(claim.content)


@lru_cache(maxsize=VIEW_CACHE_LIMIT)
def _directions(content: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for i, token in enumerate(content):
        found = direction(token)
        if not found:
            continue
        out.add(("", found))
        for j in (i - 1, i + 1):
            if 0 <= j < len(content) and not direction(content[j]):
                out.add((light_stem(content[j]), found))
    return frozenset(out)


def surface_words(claim: ClaimView, text: str, first: int, last: int) -> str:
    """Tokens first..last (inclusive) of the claim as its text writes them.

    Details show words as the article wrote them, never their normal form; the normal form
    comes back only for a claim whose normalised text was not made from its text.
    """
    return surface_of(text, " ".join(claim.tokens[first : last + 1]))
