"""Align claims across the articles of one story.

Each claim becomes a *token key*: its content stems, with numbers kept and names reduced to a
phonetic key shared by Arabic and Latin spellings (كورنيت / Kornet), story-wide boilerplate
words dropped, then each distinct token mapped to one character. On such keys rapidfuzz's
Indel distance is a set comparison: for two sorted strings of distinct characters the longest
common subsequence *is* the intersection, so one vectorised ``cdist`` call yields the number of
tokens every pair of claims shares. From that the Dice and overlap coefficients follow with
numpy, and a pair is kept when it is strong enough and one claim is the other's best match in
its article (so one long sentence can match two short ones on the other side).

Small and medium stories compare every pair with ``cdist``; large ones (more than
DENSE_CLAIM_LIMIT claims) first block candidates with an inverted index of each claim's rarest
tokens and score only those pairs with ``cpdist``, so cost follows the number of plausible
pairs, not the square of the number of claims.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import chain, combinations
from typing import Any, Protocol, TypeVar

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from newsdiff.pipeline import lang
from newsdiff.pipeline.attribution import names_as_reporter, reporter_key
from newsdiff.pipeline.encode import Vectors, similarity_matrix
from newsdiff.pipeline.facts import casualty_counts, counted_things, distinctive_values
from newsdiff.pipeline.normalize import (
    ARABIC_RE,
    STOPWORDS,
    light_stem,
    name_key,
    normalized,
    tokens,
)
from newsdiff.pipeline.numbers import MAGNITUDE, numbers_as_digits
from newsdiff.pipeline.types import QUANTITY_KINDS, ClaimDraft, Fact, Match
from newsdiff.pipeline.units import (
    COUNTED_KINDS,
    lengths_differ,
    lengths_given,
    same_amount,
)

# A pair must share at least this much token weight (see token weights below): one shared
# plain word is chance.
MIN_SHARED_WEIGHT = 4
# Pair similarity = mean of weighted Dice (size-fair) and overlap coefficient (lets a short
# claim match the long sentence that contains it). Calibrated on the two seed articles: the
# pairs carrying the seed README's shared facts score 0.19-0.74, the best wrong pair 0.27 but
# below its claims' better matches, and the rest of the wrong pairs < 0.18. The relate stage
# then drops aligned pairs that only look alike.
MATCH_THRESHOLD = 0.18
# A word used in more than this share of a story's claims (its protagonist's name, "weapons")
# says nothing about which claims match; it is dropped from the keys. Only applied to stories of
# at least STORY_COMMON_MIN_CLAIMS claims so that tiny stories keep their words.
STORY_COMMON_SHARE = 0.35
STORY_COMMON_MIN_CLAIMS = 12
# A pair is kept when its similarity is within this share of the best match of either claim in
# the other article: one long sentence can tell what two short ones tell, and vice versa.
NEAR_BEST_SHARE = 0.75
# Facts whose resolved values join the keys (as name-like tokens).
FACT_KINDS_IN_KEYS = frozenset({"money", "date", "year", "age", "duration", "count", "percent"})
# Above this many claims a story is blocked instead of compared pair by pair.
DENSE_CLAIM_LIMIT = 6000
# Blocking: each claim is indexed under its BLOCKING_KEYS rarest tokens. A token shared by more
# than POSTING_CAP claims (a fact every outlet reports) is not expanded into all its pairs: its
# claims are shuffled, differently for each token, and paired within blocks of POSTING_CAP, so
# the work per claim stays bounded and the clusters still connect through the other tokens.
BLOCKING_KEYS = 3
POSTING_CAP = 64
# Pairs found by meaning (sentence vectors), between articles of two languages, where words
# cannot meet: a pair whose vectors' cosine reaches MEANING_MIN_COSINE and that shares a
# figure (a fact of the same kind and value), or that reaches MEANING_ALONE_COSINE. On the
# development corpus's English-Arabic pairs of one story: 16 such pairs, 12 of them one
# shared fact, 1 two different ones (bare cosine >= 0.5: 106 pairs, 22 and 29).
MEANING_MIN_COSINE = 0.5
MEANING_ALONE_COSINE = 0.7
# ... and from MEANING_QUANTITY_COSINE when the figure they share is a quantity, a year or a
# date ("80%", "six days", "2017"), not a name or a direction every claim of the story gives,
# nor a count under MEANING_QUANTITY_MIN ("2"). On the two development sets' English-Arabic
# pairs of one story at cosine 0.4-0.5 that share such a figure: 23 pairs, 19 of them one
# annotated fact; the other four share a round figure (100, 4,000, 100 million) of
# something else or of a fact the annotation does not list.
MEANING_QUANTITY_COSINE = 0.4
MEANING_QUANTITY_MIN = 10
MEANING_QUANTITY_KINDS = QUANTITY_KINDS | {"year", "date"}
# Pairs found by a figure: claims of two articles (in any languages) that give one precise
# figure (facts.distinctive: 10,100 missing, $250,000 a ticket) speak of one fact
# however they word it, if their vectors' cosine reaches FIGURE_MIN_COSINE. A figure given by
# more than FIGURE_POSTING_CAP claims of a story is everywhere: it pairs nothing more.
FIGURE_MIN_COSINE = 0.25
FIGURE_POSTING_CAP = 200
# Claims of two articles that count the same casualties (the dead, the missing ...), or give
# the quake's magnitude, with different figures are paired, however they word it, when their
# vectors' cosine reaches CASUALTY_MIN_COSINE: each claim with its CASUALTY_PARTNERS nearest
# such claims. The relate stage then links casualties only as a dispute (two sources) or an
# update (two dates), magnitudes as a dispute or a contradiction. A magnitude's claim is
# also paired with the nearest claim of each other magnitude. These pairs are kept whatever
# else their claims meet (align_claims' limit and near-best share), and take none of the
# places that limit gives a claim's other pairs.
CASUALTY_MIN_COSINE = 0.3
CASUALTY_PARTNERS = 3
# ... and claims that give the same figure of the same casualties are paired as well when
# their vectors' cosine reaches SAME_CASUALTY_MIN_COSINE (each with its CASUALTY_PARTNERS
# nearest): two reports of one count share few words once their common source's name is set
# aside ("more than 40,000 made homeless" / "up to 40,000 lost their houses"), and their
# hedges may still conflict. Kept only as any pair of words is (align_claims' limit).
SAME_CASUALTY_MIN_COSINE = 0.5
# Claims of two articles that count one named thing ("185 سفينة" / "369 سفينة"), or price one
# (a contract, a salary: "راتب سنوي قدره 90 مليون يورو" / "170 مليون يورو في موسمين"),
# with no figure in common are paired the same way, nearer in meaning (COUNTED_MIN_COSINE),
# and not kept beyond the limit: a noun is less sure to be one thing than a state of
# casualties.
COUNTED_MIN_COSINE = 0.45
# A claim that gives a length (a vessel's, a wave's, a distance) is paired with the nearest
# claim of another article giving each other length that may be the same one told two ways
# (units.lengths_differ: "a 21-foot vessel", "the vessel ... is 22 feet long"), when their
# vectors' cosine reaches LENGTH_MIN_COSINE; the pair is kept whatever else its claims meet,
# as a magnitude's is. Such sentences share few words: the length is their one fact, told
# in passing. The relate stage still compares the two lengths only when the words around
# them say they measure one thing (rules._same_measure).
LENGTH_MIN_COSINE = 0.4
# Wire copy: an article half of whose claims are near-verbatim in another article copies it
# (a reprint that adds its own lede or a paragraph is still a copy). On both development
# sets (75 pages) the three annotated copies share 0.5-1.0 of the smaller article's claims
# at this similarity, and no other pair of pages more than a third.
COPY_CLAIM_SIMILARITY = 0.85
COPY_ARTICLE_SHARE = 0.5
# A reprint may cut its sentences elsewhere (a quotation's full stop, a comma): a claim whose
# words stand near-verbatim inside the other's (partial similarity COPY_CLAIM_SIMILARITY) is
# near-verbatim too, when it holds COPY_PART_MIN_CHARS characters or more (a short piece,
# "the contract is exceptional", is anyone's words).
COPY_PART_MIN_CHARS = 40
# A piece near-verbatim inside another claim has most of its words there (a loose bound that
# only spares the partial similarity, which decides).
COPY_PART_MIN_WORDS_SHARED = 0.5
# Quoted lines alone make no copy: two outlets that quote one statement word for word have not
# copied each other (Goal and the Daily Mail, each with the seven sentences of Jorge Messi's
# post, 7 of Goal's 11 claims). A copy also shares COPY_OWN_SHARE of the smaller article's
# own lines (its claims that are no quoted line), as two pages that are no copy share at most
# a third of their claims: the AFP dispatch reprinted by Al Ghad and Walaw shares 2 of 5.
# A claim is a quoted line when it opens with a quotation mark or starts inside a quotation
# an earlier claim opened; a quotation left open stops after QUOTE_MAX_CLAIMS claims (a stray
# mark does not make the rest of a page a quote).
COPY_OWN_SHARE = 1 / 3
QUOTE_OPENERS = frozenset("“«„")
QUOTE_CLOSERS = frozenset("”»")
QUOTE_TOGGLES = frozenset('"')  # a straight quote: which of the two, its place tells
QUOTE_STARTS = QUOTE_OPENERS | QUOTE_TOGGLES  # a claim that starts with one is a quoted line
QUOTE_MAX_CLAIMS = 10
QUOTE_MARK_RE = re.compile(
    "[" + re.escape("".join(sorted(QUOTE_OPENERS | QUOTE_CLOSERS | QUOTE_TOGGLES))) + "]"
)

_FIRST_KEY_CHAR = 0x4E00  # CJK block: thousands of code points that never collide with text

# Token weights, applied by repeating a token's character in the key (on sorted keys the Indel
# LCS is the multiset intersection, so repetition is weighting): every token counts 1, plus 1
# when it is rare in the story (in at most RARE_SHARE of its claims, or in two claims), plus 1
# when it is a number or a name, the facts that tell one event from another.
RARE_SHARE = 0.02
# Words that never make two claims match: words of saying and sourcing say who speaks, not
# what happened (attribution is compared by the relate stage), and function words, modals and
# connectors of news prose carry no fact (pipeline/lang/).
MATCH_STOPWORDS = lang.merged_set("MATCH_STOPWORDS")


@dataclass(frozen=True, slots=True)
class ClaimKeys:
    """Token keys of every claim of a story, flattened in article order."""

    keys: list[str]
    article_of: np.ndarray  # article index of each flattened claim
    position_of: np.ndarray  # claim index within its article
    lengths: np.ndarray
    frequency: dict[str, int]  # key character -> number of claims holding its token


# A story's claims are keyed again at every ingest; what a claim's words give (content
# tokens, Latin name keys; its numbers as digits: numbers.numbers_as_digits) depends on its
# text alone, so it is kept for this many texts rather than read again.
TOKEN_CACHE_LIMIT = 50_000


@lru_cache(maxsize=TOKEN_CACHE_LIMIT)
def _token_parts(text: str, attribution: str) -> tuple[tuple[str, str], ...]:
    """The content tokens of a claim, each as (its token, "") when the story cannot change
    it, or (its stem, its name key) for an Arabic word, which is a name when the story
    writes that name in Latin letters too (claim_tokens)."""
    source_words = set(tokens(attribution))
    parts = (_token_part(token) for token in tokens(text) if token not in source_words)
    return tuple(part for part in parts if part is not None)


@lru_cache(maxsize=TOKEN_CACHE_LIMIT)
def _token_part(token: str) -> tuple[str, str] | None:
    """One token's part of _token_parts (None for a stopword): words recur from claim to
    claim, so each is read once."""
    if token in STOPWORDS or token in MATCH_STOPWORDS:
        return None
    if token[0].isdigit():
        return (token.replace(",", ""), "")
    if not ARABIC_RE.search(token):
        key = name_key(token)
        return ("#" + key if len(key) >= 3 else light_stem(token), "")
    return (light_stem(token), name_key(token))


def claim_tokens(text: str, latin_names: frozenset[str], attribution: str = "") -> list[str]:
    """Content tokens of a normalised claim: stems, numbers and cross-script name keys.

    Numbers start with a digit and names with "#", which is how weights tell them apart.
    """
    return [
        "#" + key if key and key in latin_names else token
        for token, key in _token_parts(text, attribution)
    ]


@dataclass(frozen=True, slots=True)
class _ClaimWords:
    """What a claim's words give its key in any story (_claim_words)."""

    # Its content tokens, as claim_tokens gives them in a story that writes none of its
    # names in Latin letters.
    tokens: frozenset[str]
    # The name keys of its Arabic words: where a story writes one of them in Latin letters
    # too, claim_tokens gives that word as the name.
    name_keys: frozenset[str]
    # Its numbers as digits (numbers.numbers_as_digits), which claim_tokens reads.
    words: str


@lru_cache(maxsize=TOKEN_CACHE_LIMIT)
def _claim_words(normalized: str, attribution: str) -> _ClaimWords:
    """A claim's words read once: a story's claims are keyed again at every ingest."""
    # Written-out numbers as digits: "خمسة وعشرين" and "25" are one token.
    words = numbers_as_digits(normalized)
    parts = _token_parts(words, attribution)
    return _ClaimWords(
        tokens=frozenset(token for token, _ in parts),
        name_keys=frozenset(key for _, key in parts if key),
        words=words,
    )


@lru_cache(maxsize=TOKEN_CACHE_LIMIT)
def _latin_keys(normalized: str) -> frozenset[str]:
    """The name keys of a claim's words written in Latin letters."""
    return frozenset(
        key
        for token in tokens(normalized)
        if token.isalpha() and not ARABIC_RE.search(token) and len(key := name_key(token)) >= 3
    )


def _latin_names(articles: Sequence[Sequence[ClaimDraft]]) -> frozenset[str]:
    return frozenset().union(*(_latin_keys(c.normalized) for claims in articles for c in claims))


def claim_keys(articles: Sequence[Sequence[ClaimDraft]]) -> ClaimKeys:
    latin_names = _latin_names(articles)
    token_sets: list[frozenset[str] | set[str]] = []
    article_of: list[int] = []
    position_of: list[int] = []
    for index, claims in enumerate(articles):
        for position, claim in enumerate(claims):
            read = _claim_words(claim.normalized, claim.attribution)
            claim_set: frozenset[str] | set[str] = (
                read.tokens
                if read.name_keys.isdisjoint(latin_names)
                else set(claim_tokens(read.words, latin_names, claim.attribution))
            )
            facts = _fact_figures(claim.facts).keys
            token_sets.append(claim_set | facts if facts else claim_set)
            article_of.append(index)
            position_of.append(position)
    document_frequency = Counter(chain.from_iterable(token_sets))
    n_claims = len(token_sets)
    rare_limit = max(2, RARE_SHARE * n_claims)
    common_limit = STORY_COMMON_SHARE * n_claims if n_claims >= STORY_COMMON_MIN_CLAIMS else None
    # Each token's weighted key fragment; rarer tokens get smaller code points, so a sorted
    # key starts with its rarest tokens (blocking relies on that). Tokens as rare as each
    # other take theirs in alphabetical order: in the order sets happen to give them, which
    # Python's string hashing changes from one process to the next, a large story's blocks,
    # and so its links, changed from one realignment to the next.
    fragment: dict[str, str] = {}
    frequency: dict[str, int] = {}
    by_rarity = sorted(document_frequency.items(), key=lambda kv: (kv[1], kv[0]))
    for i, (token, df) in enumerate(by_rarity):
        if common_limit is not None and df > common_limit:
            fragment[token] = ""
            continue
        weight = 1 + (df <= rare_limit) + (token[0].isdigit() or token[0] == "#")
        fragment[token] = chr(_FIRST_KEY_CHAR + i) * weight
        frequency[chr(_FIRST_KEY_CHAR + i)] = df
    # A fragment is one character repeated, its own: sorting the fragments sorts the key.
    keys = ["".join(sorted(map(fragment.__getitem__, s))) for s in token_sets]
    return ClaimKeys(
        keys=keys,
        article_of=np.asarray(article_of, dtype=np.int32),
        position_of=np.asarray(position_of, dtype=np.int32),
        lengths=np.asarray([len(k) for k in keys], dtype=np.int32),
        frequency=frequency,
    )


def _pair_similarity(shared: np.ndarray, len_a: np.ndarray, len_b: np.ndarray) -> np.ndarray:
    total = np.maximum(len_a + len_b, 1)
    smaller = np.maximum(np.minimum(len_a, len_b), 1)
    similarity: np.ndarray = (2.0 * shared / total + shared / smaller) / 2.0
    return similarity


def _dense_candidates(ck: ClaimKeys) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    distance = process.cdist(ck.keys, ck.keys, scorer=Indel.distance, dtype=np.int32, workers=-1)
    lengths = ck.lengths
    shared = (lengths[:, None] + lengths[None, :] - distance) // 2
    different_articles = ck.article_of[:, None] < ck.article_of[None, :]
    ia, ib = np.nonzero((shared >= MIN_SHARED_WEIGHT) & different_articles)
    return ia, ib, shared[ia, ib]


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: np.unique by sorting. numpy 2.4's np.unique hashes the
    values first, which took 2.2 s on the 2 million pair codes of a 500 x 40 story where
    sorting takes 0.13 s."""
    if len(values) == 0:
        return values
    ordered = np.sort(values)
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def _blocked_candidates(ck: ClaimKeys) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    postings: dict[str, list[int]] = {}
    for index, key in enumerate(ck.keys):
        # Keys are sorted rarest first (smaller code point = rarer token); a token no other
        # claim holds pairs nothing.
        shared = [c for c in dict.fromkeys(key) if ck.frequency[c] > 1]
        for char in shared[:BLOCKING_KEYS]:
            postings.setdefault(char, []).append(index)
    pairs: list[np.ndarray] = []
    block_pairs = np.triu_indices(POSTING_CAP, k=1)
    for char, members in postings.items():
        if len(members) < 2:
            continue
        m = np.asarray(members, dtype=np.int64)
        if len(m) <= POSTING_CAP:
            ia, ib = np.triu_indices(len(m), k=1)
            pairs.append(m[ia] * len(ck.keys) + m[ib])
            continue
        m = np.random.default_rng(ord(char)).permutation(m)
        full = len(m) // POSTING_CAP * POSTING_CAP
        blocks = m[:full].reshape(-1, POSTING_CAP)
        pairs.append((blocks[:, block_pairs[0]] * len(ck.keys) + blocks[:, block_pairs[1]]).ravel())
        rest = m[full - POSTING_CAP // 2 if full else 0 :]
        ia, ib = np.triu_indices(len(rest), k=1)
        pairs.append(rest[ia] * len(ck.keys) + rest[ib])
    if not pairs:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    flat = _distinct(np.concatenate(pairs))
    ia, ib = np.divmod(flat, len(ck.keys))
    keep = ck.article_of[ia] != ck.article_of[ib]
    ia, ib = ia[keep], ib[keep]
    swap = ck.article_of[ia] > ck.article_of[ib]
    ia, ib = np.where(swap, ib, ia), np.where(swap, ia, ib)
    # A pair met in two shuffled posting lists can come out once each way round: once
    # oriented, it must be kept once (a link per claim pair).
    ia, ib = np.divmod(_distinct(ia * len(ck.keys) + ib), len(ck.keys))
    keys = ck.keys
    distance = process.cpdist(
        list(map(keys.__getitem__, ia.tolist())),
        list(map(keys.__getitem__, ib.tolist())),
        scorer=Indel.distance,
        dtype=np.int32,
        workers=-1,
    )
    shared = (ck.lengths[ia] + ck.lengths[ib] - distance) // 2
    keep = shared >= MIN_SHARED_WEIGHT
    return ia[keep], ib[keep], shared[keep]


def _best_per_article(
    claim: np.ndarray, other_article: np.ndarray, score: np.ndarray, n_articles: int
) -> np.ndarray:
    """For each pair, the best score its claim reaches anywhere in the other article."""
    group = claim.astype(np.int64) * n_articles + other_article
    groups, inverse = np.unique(group, return_inverse=True)
    best = np.zeros(len(groups), dtype=score.dtype)
    np.maximum.at(best, inverse, score)
    return best[inverse]


def _candidates_with(ck: ClaimKeys, article: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair between one article's claims and the other articles' claims, as
    (claim of the lower article, claim of the higher article, shared weight)."""
    mine = np.nonzero(ck.article_of == article)[0]
    others = np.nonzero(ck.article_of != article)[0]
    if not len(mine) or not len(others):
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    distance = process.cdist(
        list(map(ck.keys.__getitem__, mine.tolist())),
        list(map(ck.keys.__getitem__, others.tolist())),
        scorer=Indel.distance,
        dtype=np.int32,
        workers=-1,
    )
    shared = (ck.lengths[mine][:, None] + ck.lengths[others][None, :] - distance) // 2
    im, io = np.nonzero(shared >= MIN_SHARED_WEIGHT)
    first, second = mine[im], others[io]
    swap = ck.article_of[first] > ck.article_of[second]
    ia, ib = np.where(swap, second, first), np.where(swap, first, second)
    return ia, ib, shared[im, io]


def _fact_values(claim: ClaimDraft) -> frozenset[tuple[str, str]]:
    return frozenset((f.kind, str(f.value)) for f in claim.facts)


def _meaningful_quantity(fact: Fact) -> bool:
    """A quantity, a year or a date (MEANING_QUANTITY_KINDS), but no count under
    MEANING_QUANTITY_MIN."""
    if fact.kind not in MEANING_QUANTITY_KINDS:
        return False
    if fact.kind not in COUNTED_KINDS:
        return True
    try:
        return float(fact.value) >= MEANING_QUANTITY_MIN
    except ValueError:
        return True


def _quantity_values(claim: ClaimDraft) -> frozenset[tuple[str, str]]:
    return frozenset((f.kind, str(f.value)) for f in claim.facts if _meaningful_quantity(f))


def share_a_fact(a: ClaimDraft, b: ClaimDraft, *, quantity: bool = False) -> bool:
    """Whether two claims give one fact: the same kind and value, or one amount or length in
    two units ("8 كيلومترات" and "5 miles", "160 مليون يورو" and "$175m"). quantity: only a
    quantity, a year or a date counts (MEANING_QUANTITY_KINDS), not a small count."""
    values = _quantity_values if quantity else _fact_values
    if values(a) & values(b):
        return True
    return any(
        x.kind == y.kind
        and x.kind in QUANTITY_KINDS
        and (not quantity or _meaningful_quantity(x))
        and same_amount(x, y)
        for x in a.facts
        for y in b.facts
    )


def _meaning_candidates(
    articles: Sequence[Sequence[ClaimDraft]],
    vectors: Sequence[Vectors],
    languages: Sequence[str],
    only: int | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of claims of two articles in two languages that mean the same (see
    MEANING_MIN_COSINE), as (flat claim of the lower article, of the higher, cosine)."""
    found: list[tuple[int, int, float]] = []
    offsets = _offsets(articles)
    for a in range(len(articles)):
        for b in range(a + 1, len(articles)):
            if only is not None and only not in (a, b):
                continue
            if languages[a] == languages[b] or not len(vectors[a]) or not len(vectors[b]):
                continue
            cosines = similarity_matrix(vectors[a], vectors[b])
            for x, y in zip(*np.nonzero(cosines >= MEANING_QUANTITY_COSINE), strict=True):
                cosine = float(cosines[x, y])
                first, second = articles[a][x], articles[b][y]
                if (
                    cosine >= MEANING_ALONE_COSINE
                    or (cosine >= MEANING_MIN_COSINE and share_a_fact(first, second))
                    or share_a_fact(first, second, quantity=True)
                ):
                    found.append((int(offsets[a] + x), int(offsets[b] + y), cosine))
    return _as_candidates(found)


@dataclass(frozen=True, slots=True)
class _FactFigures:
    """What alignment reads from a claim's facts, each a function of the facts alone."""

    counted: Mapping[str, frozenset[str]]  # facts.counted_things
    casualties: Mapping[str, frozenset[str]]  # facts.casualty_counts
    distinctive: frozenset[tuple[str, str]]  # facts.distinctive_values
    lengths: frozenset[tuple[Decimal, Decimal]]  # units.lengths_given
    # Its tokens in claim_keys: resolved facts match across wordings ("two years ago" in a
    # 2024 article and "in 2022", "last August" and "August 2024"), and so does a quake's
    # magnitude in either language ("بقوة 6.8 درجات", "magnitude 6.8").
    keys: frozenset[str]


# A story's claims are aligned again at every ingest, and their facts read the same each time
# (26 of the 101st article's 80 ms of alignment went to reading them again). The claims a
# process keeps (services.claims_kept) are the same objects from one ingest to the next, so
# what their facts give is kept by the facts' identity: hashing and comparing the facts by
# value cost a third of what it saved.
FACT_FIGURES_CACHE_LIMIT = 50_000
_figures_kept: dict[int, tuple[tuple[Fact, ...], _FactFigures]] = {}


def _fact_figures(facts: tuple[Fact, ...]) -> _FactFigures:
    kept = _figures_kept.get(id(facts))
    # The facts are kept beside their figures, so their id is not another object's.
    if kept is not None and kept[0] is facts:
        return kept[1]
    figures = _FactFigures(
        counted=counted_things(facts),
        casualties=casualty_counts(facts),
        distinctive=distinctive_values(facts),
        lengths=lengths_given(facts),
        keys=frozenset(
            f"#{f.kind}:{f.value}"
            for f in facts
            if f.kind in FACT_KINDS_IN_KEYS or f.subject == MAGNITUDE
        ),
    )
    if len(_figures_kept) >= FACT_FIGURES_CACHE_LIMIT:
        _figures_kept.clear()
    _figures_kept[id(facts)] = (facts, figures)
    return figures


def _counted_things(facts: tuple[Fact, ...]) -> Mapping[str, frozenset[str]]:
    return _fact_figures(facts).counted


def _casualty_counts(facts: tuple[Fact, ...]) -> Mapping[str, frozenset[str]]:
    return _fact_figures(facts).casualties


def _figure_candidates(
    articles: Sequence[Sequence[ClaimDraft]], vectors: Sequence[Vectors], only: int | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of claims of two articles that give one precise figure (FIGURE_MIN_COSINE), as
    (flat claim of the lower article, of the higher, cosine)."""
    offsets = _offsets(articles)
    postings: dict[str, list[tuple[int, int]]] = {}
    for a, claims in enumerate(articles):
        for x, claim in enumerate(claims):
            for value, _unit in _fact_figures(claim.facts).distinctive:
                postings.setdefault(value, []).append((a, x))
    pairs: set[tuple[int, int, int, int]] = set()
    for posting in postings.values():
        if len(posting) < 2 or len(posting) > FIGURE_POSTING_CAP:
            continue
        for (a, x), (b, y) in combinations(posting, 2):
            if a != b and (only is None or only in (a, b)):
                pairs.add((a, x, b, y) if a < b else (b, y, a, x))
    found: list[tuple[int, int, float]] = []
    for a, x, b, y in sorted(pairs):
        if not len(vectors[a]) or not len(vectors[b]):
            continue
        cosine = float(vectors[a][x] @ vectors[b][y])
        if cosine >= FIGURE_MIN_COSINE:
            found.append((int(offsets[a] + x), int(offsets[b] + y), cosine))
    return _as_candidates(found)


_Row = tuple[int, int, frozenset[Any]]  # (article, claim, the figures it gives)


def _count_postings(
    articles: Sequence[Sequence[ClaimDraft]],
    vectors: Sequence[Vectors],
    counts: Callable[[tuple[Fact, ...]], Mapping[str, frozenset[str]]],
) -> dict[str, list[_Row]]:
    """For each thing counted as counts reads a claim's facts (a state of casualties,
    "#dead" ...: facts.casualty_counts; a named thing: facts.counted_things), the claims
    that count it: (article, claim, the figures it gives)."""
    postings: dict[str, list[_Row]] = {}
    for a, claims in enumerate(articles):
        if not len(vectors[a]):
            continue
        for x, claim in enumerate(claims):
            if not claim.facts:
                continue
            for subject, given in counts(claim.facts).items():
                postings.setdefault(subject, []).append((a, x, given))
    return postings


def _chosen_pairs(
    rows: Sequence[_Row],
    vectors: Sequence[Vectors],
    offsets: np.ndarray,
    only: int | None,
    min_cosine: float,
    choose: Callable[[int, list[int]], Iterable[int]],
) -> dict[tuple[int, int], float]:
    """Pairs the rows choose among the rows of other articles at min_cosine, nearest first
    (choose(row, near) gives the chosen rows), as {(flat claim, flat claim): cosine}. With
    only, the pairs of that article's claims, whichever claim chose them: the pairs the
    whole story gives it, so that a story's pairs do not depend on the order its articles
    came in."""
    found: dict[tuple[int, int], float] = {}
    if len(rows) < 2:
        return found
    matrix = np.stack([vectors[a][x] for a, x, _ in rows])
    cosines = matrix @ matrix.T
    article = np.asarray([a for a, _, _ in rows])
    reaches_only = (
        None if only is None else ((cosines >= min_cosine) & (article == only)[None, :]).any(1)
    )
    for i, (a, x, _) in enumerate(rows):
        if reaches_only is not None and a != only and not reaches_only[i]:
            continue  # nothing of the new article near enough to be chosen
        order = np.argsort(-cosines[i], kind="stable")
        near = order[(cosines[i, order] >= min_cosine) & (article[order] != a)].tolist()
        for j in choose(i, near):
            if only is not None and only not in (a, rows[j][0]):
                continue
            key = (int(offsets[a] + x), int(offsets[rows[j][0]] + rows[j][1]))
            found[(min(key), max(key))] = float(cosines[i, j])
    return found


def _offsets(articles: Sequence[Sequence[ClaimDraft]]) -> np.ndarray:
    return np.concatenate([[0], np.cumsum([len(claims) for claims in articles])])


def _counted_candidates(
    articles: Sequence[Sequence[ClaimDraft]], vectors: Sequence[Vectors], only: int | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of claims of two articles that count or price one named thing
    (facts.counted_things) with no figure in common, each claim with its CASUALTY_PARTNERS
    nearest such claims (COUNTED_MIN_COSINE), as (flat claim of the lower article, of the
    higher, cosine)."""
    offsets = _offsets(articles)
    found: dict[tuple[int, int], float] = {}
    for rows in _count_postings(articles, vectors, _counted_things).values():

        def choose(i: int, near: list[int], rows: list[_Row] = rows) -> list[int]:
            return [j for j in near if not rows[i][2] & rows[j][2]][:CASUALTY_PARTNERS]

        found.update(_chosen_pairs(rows, vectors, offsets, only, COUNTED_MIN_COSINE, choose))
    return _as_candidates([(p, q, c) for (p, q), c in sorted(found.items())])


def _casualty_candidates(
    articles: Sequence[Sequence[ClaimDraft]], vectors: Sequence[Vectors], only: int | None
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], set[tuple[int, int]]]:
    """Pairs of claims of two articles that count the same casualties with no figure in
    common, each claim with its CASUALTY_PARTNERS nearest (CASUALTY_MIN_COSINE), and a
    magnitude with the nearest claim of each other magnitude too, as (flat claim of the
    lower article, of the higher, cosine); and the same pairs as the set to keep whatever
    else their claims meet."""
    offsets = _offsets(articles)
    found: dict[tuple[int, int], float] = {}
    for subject, rows in _count_postings(articles, vectors, _casualty_counts).items():

        def choose(
            i: int, near: list[int], rows: list[_Row] = rows, magnitude: bool = subject == MAGNITUDE
        ) -> list[int]:
            given = rows[i][2]
            differing = [j for j in near if not given & rows[j][2]]
            each = (
                _nearest_of_each_figure(differing, [row[2] for row in rows]) if magnitude else set()
            )
            return sorted(set(differing[:CASUALTY_PARTNERS]) | each)

        found.update(_chosen_pairs(rows, vectors, offsets, only, CASUALTY_MIN_COSINE, choose))
    return _as_candidates([(p, q, c) for (p, q), c in sorted(found.items())]), set(found)


def _same_casualty_candidates(
    articles: Sequence[Sequence[ClaimDraft]], vectors: Sequence[Vectors], only: int | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of claims of two articles that give one figure of the same casualties, each
    claim with its CASUALTY_PARTNERS nearest (SAME_CASUALTY_MIN_COSINE), as (flat claim of
    the lower article, of the higher, cosine)."""
    offsets = _offsets(articles)
    found: dict[tuple[int, int], float] = {}
    for subject, rows in _count_postings(articles, vectors, _casualty_counts).items():
        if subject == MAGNITUDE:
            continue

        def choose(i: int, near: list[int], rows: list[_Row] = rows) -> list[int]:
            return [j for j in near if rows[i][2] & rows[j][2]][:CASUALTY_PARTNERS]

        found.update(_chosen_pairs(rows, vectors, offsets, only, SAME_CASUALTY_MIN_COSINE, choose))
    return _as_candidates([(p, q, c) for (p, q), c in sorted(found.items())])


def _length_candidates(
    articles: Sequence[Sequence[ClaimDraft]], vectors: Sequence[Vectors], only: int | None
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], set[tuple[int, int]]]:
    """Pairs of a claim giving a length with the nearest claim of another article giving
    each other length it may be (LENGTH_MIN_COSINE), as (flat claim of the lower article,
    of the higher, cosine), and the same pairs as the set to keep whatever else their claims
    meet."""
    rows: list[_Row] = [
        (a, x, given)
        for a, claims in enumerate(articles)
        if len(vectors[a])
        for x, claim in enumerate(claims)
        if (given := _fact_figures(claim.facts).lengths)
    ]

    def choose(i: int, near: list[int]) -> set[int]:
        differing = [j for j in near if lengths_differ(rows[i][2], rows[j][2])]
        return _nearest_of_each_figure(differing, [row[2] for row in rows])

    found = _chosen_pairs(rows, vectors, _offsets(articles), only, LENGTH_MIN_COSINE, choose)
    return _as_candidates([(p, q, c) for (p, q), c in sorted(found.items())]), set(found)


def _denied_report_candidates(
    articles: Sequence[Sequence[ClaimDraft]],
    vectors: Sequence[Vectors],
    only: int | None,
    denies: Callable[[ClaimDraft], bool],
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], set[tuple[int, int]]]:
    """Pairs of a denial (denies: relate.denies) that names the source of a report ("denied
    what the agency published": attribution.names_as_reporter) with each claim of another article
    that quotes that source, however few words they share, as (flat claim of the lower
    article, of the higher, cosine); and the same pairs as the set to keep whatever else
    their claims meet. Relate judges them (relate._denies_a_report_of)."""
    offsets = _offsets(articles)
    quoting: dict[str, list[tuple[int, int]]] = {}
    for a, claims in enumerate(articles):
        for x, claim in enumerate(claims):
            if key := reporter_key(claim.attribution):
                quoting.setdefault(key, []).append((a, x))
    found: set[tuple[int, int, float]] = set()
    for a, claims in enumerate(articles):
        for x, claim in enumerate(claims):
            for b, y in _reports_denied(claim, quoting, denies):
                if b == a or (only is not None and only not in (a, b)):
                    continue
                if len(vectors[a]) and len(vectors[b]):
                    p, q = sorted((int(offsets[a] + x), int(offsets[b] + y)))
                    found.add((p, q, float(vectors[a][x] @ vectors[b][y])))
    return _as_candidates(sorted(found)), {(p, q) for p, q, _ in found}


def _reports_denied(
    claim: ClaimDraft,
    quoting: Mapping[str, list[tuple[int, int]]],
    denies: Callable[[ClaimDraft], bool],
) -> list[tuple[int, int]]:
    """The claims (article, claim) that quote a source the claim names as the one whose
    report it denies, not as its own source."""
    if not quoting or not denies(claim):
        return []
    text = claim.normalized or normalized(claim.text)
    return [
        quoted
        for key, claimed in quoting.items()
        if names_as_reporter(text, claim.attribution, key)
        for quoted in claimed
    ]


def _nearest_of_each_figure(near: Sequence[int], figures: Sequence[frozenset[Any]]) -> set[int]:
    """Of claims ranked nearest first, the nearest one giving each figure. A story gives
    a quake few magnitudes (one per agency), and a claim's three nearest may all give the
    same one: two agencies' 6.8 pushing out the 7.2 that the country's own centre gave."""
    chosen: dict[frozenset[str], int] = {}
    for j in near:
        chosen.setdefault(figures[j], j)
    return set(chosen.values())


def _as_candidates(
    found: Sequence[tuple[int, int, float]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not found:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0, dtype=np.float64)
    rows = np.asarray(found, dtype=np.float64)
    return rows[:, 0].astype(np.int64), rows[:, 1].astype(np.int64), rows[:, 2]


def _merged_candidates(
    *found: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs of several sources, each pair once."""
    cosine_of: dict[tuple[int, int], float] = {}
    for va, vb, cosine in found:
        for pair in zip(va.tolist(), vb.tolist(), cosine.tolist(), strict=True):
            cosine_of[(pair[0], pair[1])] = pair[2]
    return _as_candidates([(a, b, c) for (a, b), c in sorted(cosine_of.items())])


def _among_best(
    ia: np.ndarray,
    ib: np.ndarray,
    ck: ClaimKeys,
    similarity: np.ndarray,
    limit: int,
    kept: np.ndarray,
    only: int | None,
) -> np.ndarray:
    """The kept pairs among the `limit` most similar pairs of either of their claims (ties:
    lower articles, then lower claims first); with only, of the claims of that article."""
    pair = np.nonzero(kept)[0]
    # Each kept pair once under each of its two claims (with only, under that article's).
    pairs = np.concatenate([pair, pair])
    nodes = np.concatenate([ia[pair], ib[pair]])
    if only is not None:
        counted = ck.article_of[nodes] == only
        pairs, nodes = pairs[counted], nodes[counted]
    pairs, nodes = _contenders(pairs, nodes, similarity[pairs], limit)
    first, second = ia[pairs], ib[pairs]
    order = np.lexsort(
        (
            ck.position_of[second],
            ck.position_of[first],
            ck.article_of[second],
            ck.article_of[first],
            -similarity[pairs],
            nodes,
        )
    )
    sorted_nodes = nodes[order]
    starts = np.r_[0, np.nonzero(np.diff(sorted_nodes))[0] + 1]
    group_start = np.repeat(starts, np.diff(np.r_[starts, len(sorted_nodes)]))
    rank = np.arange(len(sorted_nodes)) - group_start
    among = np.zeros(len(ia), dtype=bool)
    among[pairs[order[rank < limit]]] = True
    return among


def _positions(
    ia: np.ndarray, ib: np.ndarray, va: np.ndarray, vb: np.ndarray, n_claims: int
) -> np.ndarray:
    """Where each pair (va, vb) is among the pairs (ia, ib), each pair once there; -1 where
    it is not. By sorted pair codes: a large story's words pair 800,000 claims."""
    wanted = va.astype(np.int64) * n_claims + vb
    if len(ia) == 0:
        return np.full(len(wanted), -1, dtype=np.int64)
    codes = ia.astype(np.int64) * n_claims + ib
    order = np.argsort(codes, kind="stable")
    ordered = codes[order]
    at = np.minimum(np.searchsorted(ordered, wanted), len(ordered) - 1)
    return np.where(ordered[at] == wanted, order[at], -1)


def _contenders(
    pairs: np.ndarray, nodes: np.ndarray, similarity: np.ndarray, limit: int
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (each under one of its claims, the node) at least as similar as the
    `limit`-th most similar pair of their node: the only ones that can be among its best,
    however ties are broken. Sorting a large story's candidates (1.7 million in a 500 x 40
    story) by every tie-breaking key took a second; by node and similarity alone, a tenth."""
    if len(pairs) == 0:
        return pairs, nodes
    order = np.lexsort((-similarity, nodes))
    sorted_nodes = nodes[order]
    starts = np.r_[0, np.nonzero(np.diff(sorted_nodes))[0] + 1]
    sizes = np.diff(np.r_[starts, len(sorted_nodes)])
    # The similarity of each node's limit-th pair (its last one when it has fewer).
    bar = similarity[order[starts + np.minimum(sizes, limit) - 1]]
    bar_of = np.empty(len(pairs), dtype=similarity.dtype)
    bar_of[order] = np.repeat(bar, sizes)
    contender = similarity >= bar_of
    return pairs[contender], nodes[contender]


def align_claims(
    articles: Sequence[Sequence[ClaimDraft]],
    *,
    only: int | None = None,
    vectors: Sequence[Vectors] | None = None,
    languages: Sequence[str] | None = None,
    limit: int | None = None,
    denies: Callable[[ClaimDraft], bool] | None = None,
) -> list[Match]:
    """Pairs of claims of different articles that tell the same fact, best first per pair.

    only: the index of one article (a new one): only its pairs with the other articles are
    compared, in one pass over the story's claims. Up to DENSE_CLAIM_LIMIT claims they are
    exactly the pairs of that article that aligning the whole story gives (token weights are
    the story's either way, and a pair is kept by comparison with its claims' best pairs in
    the same two articles; above the limit the whole-story pass samples pairs by blocking,
    this one compares them all), so a new article is aligned without comparing every old
    pair again.

    vectors, languages: each article's claim vectors (rows in claim order) and language;
    with them, claims of articles in two languages are also paired by meaning
    (_meaning_candidates), which words alone never pair.

    limit: keep only the pairs among the `limit` most similar of either of their claims
    (with only, of the new article's claims: every other claim meets it once).

    denies: whether a claim denies (relate.denies; the relate stage comes after this one):
    with it and vectors, a denial that names whose report it denies is paired with that
    source's claims (_denied_report_candidates).
    """
    if len(articles) < 2:
        return []
    ck = claim_keys(articles)
    if len(ck.keys) < 2:
        return []
    if only is not None:
        ia, ib, shared = _candidates_with(ck, only)
    elif len(ck.keys) <= DENSE_CLAIM_LIMIT:
        ia, ib, shared = _dense_candidates(ck)
    else:
        ia, ib, shared = _blocked_candidates(ck)
    similarity = _pair_similarity(shared, ck.lengths[ia], ck.lengths[ib])
    strong = similarity >= MATCH_THRESHOLD
    ia, ib, similarity = ia[strong], ib[strong], similarity[strong]
    meaning = np.zeros(len(ia), dtype=np.float64)
    always: set[tuple[int, int]] = set()
    if vectors is not None and languages is not None:
        (va, vb, cosine), always = _vector_candidates(articles, vectors, languages, only, denies)
        found_at = _positions(ia, ib, va, vb, len(ck.keys)).tolist()
        new = np.asarray([i < 0 for i in found_at], dtype=bool)
        # A pair found both ways keeps its words' similarity and learns its meaning.
        for i, cos in zip(found_at, cosine.tolist(), strict=True):
            if i >= 0:
                meaning[i] = cos
        if new.any():
            ia = np.concatenate([ia, va[new]])
            ib = np.concatenate([ib, vb[new]])
            similarity = np.concatenate([similarity, cosine[new]])
            meaning = np.concatenate([meaning, cosine[new]])
    if len(ia) == 0:
        return []
    n_articles = len(articles)
    art_a, art_b = ck.article_of[ia], ck.article_of[ib]
    best = np.minimum(
        _best_per_article(ia, art_b, similarity, n_articles),
        _best_per_article(ib, art_a, similarity, n_articles),
    )
    keep = similarity >= NEAR_BEST_SHARE * best
    kept_always = np.zeros(len(ia), dtype=bool)
    if always:
        kept_always[:] = [pair in always for pair in zip(ia.tolist(), ib.tolist(), strict=True)]
    if limit is not None:
        # A pair found both by words and by meaning ranks by the stronger of the two, as a
        # pair found by meaning alone ranks by its cosine. The pairs kept whatever else
        # their claims meet take none of the others' places.
        rank_by = np.round(np.minimum(np.maximum(similarity, meaning), 1.0), 4)
        keep &= _among_best(ia, ib, ck, rank_by, limit, keep & ~kept_always, only)
    keep |= kept_always
    cosines = _pair_cosines(articles, vectors, ia[keep], ib[keep])
    matches = [
        Match(
            article_a=aa,
            claim_a=pa,
            article_b=ab,
            claim_b=pb,
            similarity=round(s, 4),
            meaning=round(m, 4),
            cosine=None if c is None else round(c, 4),
        )
        for aa, pa, ab, pb, s, m, c in zip(
            art_a[keep].tolist(),
            ck.position_of[ia[keep]].tolist(),
            art_b[keep].tolist(),
            ck.position_of[ib[keep]].tolist(),
            np.minimum(similarity[keep], 1.0).tolist(),
            meaning[keep].tolist(),
            cosines,
            strict=True,
        )
    ]
    matches.sort(key=lambda m: (m.article_a, m.article_b, -m.similarity, m.claim_a, m.claim_b))
    return matches


def _vector_candidates(
    articles: Sequence[Sequence[ClaimDraft]],
    vectors: Sequence[Vectors],
    languages: Sequence[str],
    only: int | None,
    denies: Callable[[ClaimDraft], bool] | None,
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], set[tuple[int, int]]]:
    """The pairs found with the claims' vectors (by meaning, a figure, casualties, lengths,
    a thing counted, a denied report), each pair once, and those to keep whatever else their
    claims meet."""
    by_casualties, always = _casualty_candidates(articles, vectors, only)
    by_lengths, lengths_kept = _length_candidates(articles, vectors, only)
    found = [
        _meaning_candidates(articles, vectors, languages, only),
        _figure_candidates(articles, vectors, only),
        by_casualties,
        _same_casualty_candidates(articles, vectors, only),
        by_lengths,
        _counted_candidates(articles, vectors, only),
    ]
    always |= lengths_kept
    if denies is not None:
        by_denial, denials_kept = _denied_report_candidates(articles, vectors, only, denies)
        found.append(by_denial)
        always |= denials_kept
    return _merged_candidates(*found), always


def _pair_cosines(
    articles: Sequence[Sequence[ClaimDraft]],
    vectors: Sequence[Vectors] | None,
    ia: np.ndarray,
    ib: np.ndarray,
) -> list[float | None]:
    """The cosine of each pair's sentence vectors (flat claim indices), or None for every
    pair when some article's claims have no vectors."""
    if vectors is None or any(
        len(rows) != len(claims) for rows, claims in zip(vectors, articles, strict=True)
    ):
        return [None] * len(ia)
    flat = np.concatenate([np.asarray(rows, dtype=np.float32) for rows in vectors])
    found: list[float | None] = np.einsum("ij,ij->i", flat[ia], flat[ib]).tolist()
    return found


class _Orderable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


# A node of connected_groups: hashable (a dict key) and orderable (groups are sorted).
Node = TypeVar("Node", bound=_Orderable)


def connected_groups(pairs: Iterable[tuple[Node, Node]]) -> list[list[Node]]:
    """Connected components of the graph the pairs draw (union-find), over any hashable,
    orderable nodes: the groups of two or more nodes, each sorted, in order of their first.
    """
    parent: dict[Node, Node] = {}

    def find(node: Node) -> Node:
        up = parent.setdefault(node, node)
        while up != node:
            # Path halving: every node visited points to its grandparent.
            up = parent[node] = parent[up]
            node, up = up, parent[up]
        return node

    for x, y in pairs:
        rx, ry = find(x), find(y)
        if rx != ry:
            # The smaller root wins, so a group's root is its first node.
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[Node, list[Node]] = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def _figures(claim: ClaimDraft) -> frozenset[tuple[str, str]]:
    """The claim's quantities (not its dates: "today" resolves against each article's own
    publication date, which one copy may give and the other not)."""
    return frozenset((f.kind, str(f.value)) for f in claim.facts if f.kind in QUANTITY_KINDS)


def quoted_lines(claims: Sequence[ClaimDraft]) -> list[bool]:
    """Whether each claim of an article (in its order) is a quoted line: it opens with a
    quotation mark, or starts inside a quotation an earlier claim opened (QUOTE_MAX_CLAIMS at
    most)."""
    flags: list[bool] = []
    depth, open_for = 0, 0
    for claim in claims:
        text = claim.text.lstrip()
        inside = depth > 0
        flags.append(inside or text[:1] in QUOTE_STARTS)
        open_for = open_for + 1 if inside else 0
        for mark in QUOTE_MARK_RE.finditer(text):
            i, char = mark.start(), mark.group()
            # A straight quote opens where a word starts, else it closes.
            opening = char in QUOTE_OPENERS or (
                char in QUOTE_TOGGLES and (i == 0 or text[i - 1].isspace() or text[i - 1] in ":(")
            )
            if not opening:
                depth = max(0, depth - 1)
            elif not (i == 0 and inside):
                # A claim that goes on with a quote may open it again without its paragraph
                # having closed it: still one quotation.
                depth += 1
        if not depth or open_for >= QUOTE_MAX_CLAIMS:
            depth, open_for = 0, 0
    return flags


def _near_verbatim(one: str, other: str) -> bool:
    """Whether two claims' texts are near-verbatim, whole or the shorter as a piece of the
    longer (COPY_PART_MIN_CHARS)."""
    if Indel.normalized_similarity(one, other) >= COPY_CLAIM_SIMILARITY:
        return True
    shorter, longer = sorted((one, other), key=len)
    if len(shorter) < COPY_PART_MIN_CHARS:
        return False
    # Most pairs share too few words to be a piece of one another: their words tell it
    # faster than the partial similarity (a 500 x 40 story aligns 63,000 pairs).
    words = _words_of(shorter)
    if len(words & _words_of(longer)) < COPY_PART_MIN_WORDS_SHARED * len(words):
        return False
    return fuzz.partial_ratio(shorter, longer, score_cutoff=100 * COPY_CLAIM_SIMILARITY) > 0


@lru_cache(maxsize=TOKEN_CACHE_LIMIT)
def _words_of(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


def copied_articles(
    articles: Sequence[Sequence[ClaimDraft]],
    matches: Sequence[Match],
    *,
    known: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Wire copy: {copying article index: copied article index}.

    An article copies another when half its claims or more have a near-verbatim
    counterpart there, and a third of its own lines (quoted_lines aside: two reports quoting
    one statement have not copied each other); the earlier-listed article counts as the
    original. known: copies already found (an incremental alignment passes the story's), so
    that a copy of a copy points to the original.
    """
    # Read only for the articles with a near-verbatim line (each one once).
    quoted: dict[int, list[bool]] = {}

    def quoted_in(article: int) -> list[bool]:
        if article not in quoted:
            quoted[article] = quoted_lines(articles[article])
        return quoted[article]

    near_verbatim: Counter[tuple[int, int]] = Counter()
    own_verbatim: Counter[tuple[int, int]] = Counter()
    for m in matches:
        one, other = articles[m.article_a][m.claim_a], articles[m.article_b][m.claim_b]
        # A sentence rewritten with another figure is another report, not a copy of it.
        if _near_verbatim(one.normalized, other.normalized) and _figures(one) == _figures(other):
            near_verbatim[(m.article_a, m.article_b)] += 1
            if not (quoted_in(m.article_a)[m.claim_a] or quoted_in(m.article_b)[m.claim_b]):
                own_verbatim[(m.article_a, m.article_b)] += 1
    copies: dict[int, int] = dict(known or {})
    for (a, b), count in sorted(near_verbatim.items()):
        smaller = min(len(articles[a]), len(articles[b]))
        own_smaller = min(len(articles[x]) - sum(quoted_in(x)) for x in (a, b))
        if (
            smaller
            and count / smaller >= COPY_ARTICLE_SHARE
            and own_smaller
            and own_verbatim[(a, b)] / own_smaller >= COPY_OWN_SHARE
            and b not in copies
        ):
            copies[b] = copies.get(a, a)
    return copies
