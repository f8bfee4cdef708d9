"""Polarity: whether a claim negates or denies what the other claim says.

Counting negation words and comparing their parity mistakes two denials of one report for a
negation ("the Kremlin said the report looks fake" / "Russia denied the report"), misses the
verbs that negate without a negation word ("stop short of", "امتنع عن"), and lets one
claim's negation of something the other never mentions flip the pair. A claim's polarity
here has three parts:

- **a denial**: a word of denying ("نفى", "denied"), a verdict calling a report false that
  follows a word of reports or of calling ("وصف التقرير بأنه مفبرك", "the report looks
  fake"), or a verb that denies what a word of reports right after it names ("shut down
  claims", "كذّب التقارير"), unless a negation stands right before it ("لم ينف", "did not
  deny"), or a word of conceding ("despite denials", "رغم نفي"). A denial speaks of all the
  claim says, and two denials agree.
- **negations**: each negation word or negating phrase ("لم", "didn't", "stop short of", "لا
  تصل إلى حد" counted once) with its scope, the content words right after it.
- **an answer**: a phrase telling of an answer to reports that a word of reports follows
  closely ("broke his silence over reports that the deal is signed", "ردّ على
  الأنباء"): the claim neither says what the reports say nor denies it, so it is no plain
  statement of it either.

A claim is negative towards another when it denies, or one of its negations has in scope
words the other claim also has. Two claims conflict when one is clearly negative towards the
other (it denies, or a negation has two shared words in scope) and the other denies nothing
and negates nothing at all: two claims that both negate do not conflict, however differently
the negations fall ("nothing is agreed with any team" / "neither signed nor agreed";
"left without the mayor's approval" / "did not get the mayor's permission"),
nor does a denial against a claim that negates something of its own. Nor does a claim that says
its subject is not what the other claim speaks of ("the Nautilus is a bathyscaphe, not a
submarine: it needs a mother ship to reach port" / "a submarine can reach port unaided"), nor
one that tells of a wish, an effort or an aim ("the club hopes to persuade him to
move", "تسعى الشركة إلى"): it says no more that the thing is so than that it is not, and a
denial that it is so disputes no such claim. Word lists are in pipeline/lang.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import ARABIC_RE, light_stem, listed_entry, tokens
from newsdiff.pipeline.numbers import lost_state
from newsdiff.pipeline.relate.words import (
    NEGATION_CLITICS,
    NEGATION_CONTRACTIONS,
    VIEW_CACHE_LIMIT,
    ClaimView,
    is_negation,
    soft_in,
    view,
)

# How many content words after a negation it negates: "لم يوافق البرلمان على القانون"
# negates the approval and its parties, not the rest of a long sentence. Three keeps "did
# not sell its factory in Ohio" and clears ANS train pairs whose one side adds an unrelated
# negated clause ("إذا لم تتفاهم معه").
NEGATION_SCOPE_WORDS = 3
# A negation clearly concerns the other claim when this many of the words in its scope (or
# all, if fewer) are the other claim's too: one shared word is often a generic noun
# ("الصواريخ") of another statement ("لا تصل إلى حد بيع الصواريخ الروسية" against "بحثوا
# عن صواريخ كورنيت"). One shared word is enough to keep the other side from counting as
# plainly positive ("يرفض رفضا قاطعا أي تفاوض" / "يرفض أي تفاوض بشأن الاتفاق").
NEGATION_SCOPE_SHARED = 2
# A negation this many tokens before a word of denying negates the denial ("لم ينف",
# "did not deny", "didn t deny").
NEGATED_DENIAL_GAP = 3
# A verdict ("مزيف", "fake") denies when a word of reports or of calling comes at most this
# many tokens before it ("the newspaper report about the arms deal looks fake"; "ما تم نشره
# بشأن موافقة اللاعب على الانضمام إلى نادي الساحل أخبار مزيفة": 9 tokens, relate-34).
DENIAL_CUE_WINDOW = 10

NEGATING_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(tokens(phrase)) for phrase in lang.merged_tuple("NEGATING_PHRASES")
)
DENIAL_WORDS = lang.merged_set("DENIAL_WORDS")
WISH_WORDS = lang.merged_set("WISH_WORDS")
# A word of conceding this many tokens or fewer before a word of denying makes the denial one
# the claim concedes ("despite the company's denials", "على الرغم من نفي الشركة"), not its
# own.
CONCESSIVE_WORDS = lang.merged_set("CONCESSIVE_WORDS")
CONCEDED_DENIAL_GAP = 3
# A word pointing back at most this many tokens before a word of denying ("this denial", "this
# latest denial"): the denial is named, not made.
POINTING_WORDS = lang.merged_set("POINTING_WORDS")
POINTED_DENIAL_GAP = 2
DENIAL_VERDICTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(tokens(phrase)) for phrase in lang.merged_tuple("DENIAL_VERDICTS")
)
DENIAL_CUES = lang.merged_set("DENIAL_CUES")
# ... and a verb of DENIAL_BEFORE_CUES denies when a cue comes at most this many tokens after
# it ("shut down the viral claims", "rubbished the newspaper's reports").
DENIAL_BEFORE_CUES: tuple[tuple[str, ...], ...] = tuple(
    tuple(tokens(phrase)) for phrase in lang.merged_tuple("DENIAL_BEFORE_CUES")
)
DENIAL_CUE_AFTER_WINDOW = 4
# Phrases of answering reports (see the module docstring), with a cue as close after them.
ANSWER_BEFORE_CUES: tuple[tuple[str, ...], ...] = tuple(
    tuple(tokens(phrase)) for phrase in lang.merged_tuple("ANSWER_BEFORE_CUES")
)
# Negations of the one word after them ("غير معتاد": unusual, not "not usual on the cover").
WORD_NEGATIONS = lang.merged_set("WORD_NEGATIONS")
# Negation words that negate nothing in a phrase: "لا تزال" (still), "لا سيما" (especially).
NOT_NEGATIONS = lang.merged_set("NOT_NEGATIONS")
# Negations of what a thing is ("not a submarine", "ليست غواصة").
IDENTITY_NEGATIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(tokens(phrase)) for phrase in lang.merged_tuple("IDENTITY_NEGATIONS")
)


@dataclass(frozen=True, slots=True)
class Polarity:
    """What one claim denies or negates (see the module docstring)."""

    denies: bool
    # The stems each negation of the claim has in scope.
    scopes: tuple[tuple[str, ...], ...]
    # It tells of an answer to reports, not what they say.
    answers: bool = False
    # The stems it says outside every negation's scope.
    asserted: frozenset[str] = frozenset()
    # It tells of a wish, an effort or an aim (WISH_WORDS), not of a thing done.
    wishes: bool = False

    @property
    def negative(self) -> bool:
        """Whether the claim denies or negates anything at all, or answers reports (no plain
        statement of what they say)."""
        return self.denies or bool(self.scopes) or self.answers

    def negative_towards(self, other: ClaimView, shared: int = NEGATION_SCOPE_SHARED) -> bool:
        """Whether the claim denies, or negates at least ``shared`` words (all, if its scope
        is shorter) that the other claim also has. A word the claim also says outside the
        negation, other than the first one negated, is not what it negates: "would cooperate
        with the national security services, adding there was no national security risk"
        negates no "the national security services are cooperating"."""
        return self.denies or any(
            sum(
                soft_in(stem, other.stems) and (at == 0 or stem not in self.asserted)
                for at, stem in enumerate(scope)
            )
            >= min(shared, len(scope))
            for scope in self.scopes
            if scope
        )


@dataclass(frozen=True, slots=True)
class PolarityConflict:
    """One claim negates what the other says; denial: the negative one is a denial (a report
    against its denial: a dispute whoever quotes them)."""

    denial: bool


def polarity(claim_view: ClaimView) -> Polarity:
    """The polarity of one claim (cached with its view)."""
    return _polarity(claim_view.normalized)


def polarity_conflict(a: ClaimView, b: ClaimView) -> PolarityConflict | None:
    """Whether one claim is clearly negative towards the other, and the other not at all
    (nor about what the negative claim says its subject is not), the other telling of more than
    a wish (Polarity.wishes)."""
    pa, pb = polarity(a), polarity(b)
    if pa.negative_towards(b) and not pb.negative:
        if pb.wishes or _not_its_subject(a, b):
            return None
        return PolarityConflict(denial=pa.denies)
    if pb.negative_towards(a) and not pa.negative:
        if pa.wishes or _not_its_subject(b, a):
            return None
        return PolarityConflict(denial=pb.denies)
    return None


def denial_against_plain(a: ClaimView, b: ClaimView) -> bool:
    """Whether one claim denies and the other neither denies nor negates anything (whatever
    their words share: what polarity_conflict needs besides)."""
    pa, pb = polarity(a), polarity(b)
    return (pa.denies and not pb.negative) or (pb.denies and not pa.negative)


def _not_its_subject(negative: ClaimView, other: ClaimView) -> bool:
    """Whether the negative claim says that what it speaks of is not what the other claim
    speaks of: it names a thing it is not ("the Nautilus is a bathyscaphe, not a submarine")
    that the other claim has, and shares none of the words before that ("whereas a submarine
    has the power ..."; not "the Nautilus is a submarine")."""
    toks = negative.tokens
    for i in range(len(toks)):
        end = i + _phrase_at(toks, i, _IDENTITY_INDEX)
        if end == i or end >= len(toks) or not soft_in(light_stem(toks[end]), other.stems):
            continue
        before = [
            stem for at, stem in zip(negative.content_at, negative.stems, strict=True) if at < i
        ]
        if before and not any(soft_in(stem, other.stems) for stem in before):
            return True
    return False


def _strip_clitic(token: str) -> str:
    """A first word of a phrase may carry و/ف in front ("وامتنع عن")."""
    return token[1:] if token[:1] in NEGATION_CLITICS and len(token) > 2 else token


PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


def _phrase_index(phrases: Sequence[tuple[str, ...]]) -> PhraseIndex:
    """Phrases by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}


def _phrase_at(toks: Sequence[str], i: int, phrases: PhraseIndex) -> int:
    """The length of the longest phrase that starts at token i, 0 if none."""
    first = toks[i]
    bare = _strip_clitic(first)
    best = 0
    for candidates in (phrases.get(first, ()), phrases.get(bare, ()) if bare != first else ()):
        for phrase in candidates:
            n = len(phrase)
            if best < n and i + n <= len(toks) and tuple(toks[i + 1 : i + n]) == phrase[1:]:
                best = n
                break  # the rest of these candidates are shorter
    return best


def _is_cue(token: str) -> bool:
    return bool(listed_entry(token, DENIAL_CUES))


def _is_definite(token: str) -> bool:
    """An Arabic word with its article, bare or after a clitic (التقرير، والتقرير، للتقرير)."""
    return token.startswith(("ال", "لل")) or token[1:3] == "ال"


def _negation_at(toks: Sequence[str], i: int) -> int:
    """The length of the negation at token i (2 for a split contraction), 0 if none."""
    if " ".join(toks[i : i + 2]) in NEGATION_CONTRACTIONS:
        return 2
    if is_negation(toks[i]) and " ".join(map(_strip_clitic, toks[i : i + 2])) not in NOT_NEGATIONS:
        return 1
    return 0


class _Reader:
    """One pass over a claim's tokens: phrases first, then words; each token is read once."""

    def __init__(self, claim_view: ClaimView) -> None:
        self.view = claim_view
        self.toks = claim_view.tokens
        self.used = [False] * len(self.toks)
        self.denies = False
        self.answers = False
        self.negations: list[int] = []  # the token index each negation's scope starts at

    def take(self, start: int, length: int) -> None:
        for j in range(start, start + length):
            self.used[j] = True

    def read(self) -> Polarity:
        for i, token in enumerate(self.toks):
            if not self.used[i] and (
                token in _PHRASE_FIRST_WORDS or _strip_clitic(token) in _PHRASE_FIRST_WORDS
            ):
                self.phrase(i)
        for i, token in enumerate(self.toks):
            if not self.used[i] and (
                token in _WORD_CUES or is_negation(token) or _strip_clitic(token) in DENIAL_WORDS
            ):
                self.word(i)
        scoped = [self.scope_at(start) for start in self.negations]
        in_scope = {k for at in scoped for k in at}
        return Polarity(
            denies=self.denies,
            scopes=tuple(tuple(light_stem(self.view.content[k]) for k in at) for at in scoped),
            answers=self.answers,
            asserted=frozenset(
                light_stem(word)
                for k, word in enumerate(self.view.content)
                if k not in in_scope and word not in DENIAL_WORDS
            ),
            wishes=any(
                token in WISH_WORDS or _strip_clitic(token) in WISH_WORDS for token in self.toks
            ),
        )

    def phrase(self, i: int) -> None:
        """A negating phrase, or a verdict that a cue before it makes a denial."""
        n = _phrase_at(self.toks, i, _NEGATING_INDEX)
        if n:
            self.take(i, n)
            self.negations.append(i + n)
            return
        n = _phrase_at(self.toks, i, _VERDICT_INDEX)
        if n and self.cued(i):
            self.take(i, n)
            self.denies = True
            return
        n = _phrase_at(self.toks, i, _DENIAL_BEFORE_CUE_INDEX)
        if n and self.cue_after(i + n):
            self.take(i, n)
            # "did not dismiss the reports" denies nothing and negates nothing, as "did not
            # deny" (words are read after phrases: its negation is taken here).
            for j in range(max(0, i - NEGATED_DENIAL_GAP), i):
                if not self.used[j] and (length := _negation_at(self.toks, j)):
                    self.take(j, length)
                    return
            self.denies = True
            return
        n = _phrase_at(self.toks, i, _ANSWER_INDEX)
        if n and self.cue_after(i + n):
            self.take(i, n)
            self.answers = True

    def cue_after(self, i: int) -> bool:
        """Whether a cue comes within DENIAL_CUE_AFTER_WINDOW tokens from token i ("shut down
        the viral claims", "broke his silence over reports")."""
        return any(map(_is_cue, self.toks[i : i + DENIAL_CUE_AFTER_WINDOW]))

    def cued(self, i: int) -> bool:
        """Whether a cue comes shortly before the verdict at token i. An Arabic noun without
        its article right before the verdict takes it as an adjective ("أخبار كاذبة": false
        news, a charge), not as a verdict on a report ("التقرير مزيف")."""
        start = max(0, i - DENIAL_CUE_WINDOW)
        before = self.toks[start:i]
        if before and ARABIC_RE.match(before[-1]) and not _is_definite(before[-1]):
            before = before[:-1]
        return any(map(_is_cue, before))

    def word(self, i: int) -> None:
        """A word of denying (unless negated), or a negation."""
        if self.toks[i] in DENIAL_WORDS or _strip_clitic(self.toks[i]) in DENIAL_WORDS:
            self.take(i, 1)
            negated = self.negation_before(i)
            if negated is not None:
                self.negations.remove(negated)
            elif self.pointed_at(i):
                # "This denial comes after the maker had said ...": it tells of a denial made
                # elsewhere, as a claim telling of an answer to reports does.
                self.answers = True
            elif not self.conceded(i):
                self.denies = True
            return
        n = _negation_at(self.toks, i)
        if n:
            self.take(i, n)
            # "باتوا من دون منازل", "left without shelter": the people's state (the
            # displaced, numbers.lost_state), which negates no "homes were damaged".
            if not lost_state(self.toks, i):
                self.negations.append(i + n)

    def conceded(self, i: int) -> bool:
        """Whether a word of conceding stands at most CONCEDED_DENIAL_GAP tokens before token
        i (with or without its clitic)."""
        return any(
            token in CONCESSIVE_WORDS or _strip_clitic(token) in CONCESSIVE_WORDS
            for token in self.toks[max(0, i - CONCEDED_DENIAL_GAP) : i]
        )

    def pointed_at(self, i: int) -> bool:
        """Whether a word pointing back stands at most POINTED_DENIAL_GAP tokens before
        token i ("this denial", "هذا النفي")."""
        return any(
            token in POINTING_WORDS for token in self.toks[max(0, i - POINTED_DENIAL_GAP) : i]
        )

    def negation_before(self, i: int) -> int | None:
        """The negation read just before token i (its scope start), if any."""
        for start in self.negations:
            if i - NEGATED_DENIAL_GAP <= start <= i:
                return start
        return None

    def scope_at(self, start: int) -> list[int]:
        """The first content words from token start, in the clause of the negation (their
        indices among the content words): NEGATION_SCOPE_WORDS of them, or one after a
        negation of one word."""
        clauses = self.view.clauses
        clause = clauses[start - 1] if start else 0
        after = [
            k
            for k, (at, word) in enumerate(
                zip(self.view.content_at, self.view.content, strict=True)
            )
            if at >= start and clauses[at] == clause and word not in DENIAL_WORDS
        ]
        one_word = start and _strip_clitic(self.toks[start - 1]) in WORD_NEGATIONS
        return after[: 1 if one_word else NEGATION_SCOPE_WORDS]


_NEGATING_INDEX = _phrase_index(NEGATING_PHRASES)
_IDENTITY_INDEX = _phrase_index(IDENTITY_NEGATIONS)
_VERDICT_INDEX = _phrase_index(DENIAL_VERDICTS)
_DENIAL_BEFORE_CUE_INDEX = _phrase_index(DENIAL_BEFORE_CUES)
_ANSWER_INDEX = _phrase_index(ANSWER_BEFORE_CUES)
# The words a word of denying or a negation (word) can start with, beside a negation word
# with or without its clitic (is_negation): a denying word, or the first of a contraction.
_WORD_CUES = DENIAL_WORDS | {contraction.split()[0] for contraction in NEGATION_CONTRACTIONS}
# The words any of those phrases starts with: a token that is none of them (nor after a
# clitic) starts no phrase, and most tokens are read by a set lookup alone.
_PHRASE_FIRST_WORDS = frozenset().union(
    _NEGATING_INDEX, _VERDICT_INDEX, _DENIAL_BEFORE_CUE_INDEX, _ANSWER_INDEX
)


@lru_cache(maxsize=VIEW_CACHE_LIMIT)
def _polarity(normalized: str) -> Polarity:
    return _Reader(view(normalized)).read()
