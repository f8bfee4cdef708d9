"""Rules over facts: when two claims that speak of the same thing cannot both be true.

A contradiction needs both claims to speak of the same thing: the same quantity (same kind,
compatible unit and subject) with different values, the same event with another date or
place, one side negating the other, opposite directions (rise/fall, confirmed/denied), or
another name in the same slot of an otherwise equal sentence. 25 years of sentence and 12
years served are two quantities, not a conflict.

Each rule returns a reason code and the differing facts as typed values: the words as the
claims wrote them and their canonical values, never a stem or a normalised key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import ARABIC_RE, light_stem, name_key, normalize_text, tokens
from newsdiff.pipeline.relate.words import (
    NEGATION_WORDS,
    NUMBER_RE,
    OPPOSITE,
    ClaimView,
    direction,
    directions,
    soft_in,
    surface_words,
)
from newsdiff.pipeline.types import (
    DATE_KINDS,
    QUANTITY_KINDS,
    ClaimDraft,
    Fact,
    FactDifference,
    FactValue,
    Reason,
)

# Rules only fire on pairs that share this much content (soft stem containment, 0..1) once
# the differing facts are set aside. Set by hand, not tuned: below ~0.3 two headlines that
# share a country name and a number were usually different stories in the ANS train pairs.
RULE_MIN_SIMILARITY = 0.3

# A date is the date of the words around it: "convicted in 2011" and "in 2008 he was arrested"
# date two events, not one event twice. Words this close to the date on each side must share
# a stem before differing dates count as a contradiction. Four words each side keeps ANS dev
# macro-F1 unchanged while clearing the seed pair above.
EVENT_WINDOW = 4
# Words that introduce a date and say nothing about which event it dates (pipeline/lang/).
DATE_WORDS = lang.merged_set("DATE_WORDS")

# Locative prepositions: a substituted name right after one of them is a place; so is one
# that carries a locative clitic (بالقاهرة) on both sides (pipeline/lang/).
LOCATIVES = lang.merged_set("LOCATIVES")
LOCATIVE_CLITICS = lang.merged_tuple("LOCATIVE_CLITICS")
# A substitution is one replaced run of at most this many words on each side, in a claim of
# at least SLOT_MIN_WORDS content words; larger rewrites are the learned model's business.
SLOT_MAX_WORDS = 2
SLOT_MIN_WORDS = 3
# Name keys shorter than this are too coarse to call two words one name (align.py keeps the
# same floor for its cross-script name tokens).
NAME_KEY_MIN_LENGTH = 3

# Names and places: the fact kind each rule compares and the reason it gives.
NAME_RULES: tuple[tuple[str, Reason], ...] = (
    ("place", Reason.PLACE_MISMATCH),
    ("entity", Reason.ENTITY_SUBSTITUTION),
)


@dataclass(slots=True)
class FactComparison:
    """What the facts of two claims say about each other."""

    matched: list[FactValue] = field(default_factory=list)
    differing: list[FactDifference] = field(default_factory=list)
    # Same kind, different subjects on the two sides (25 years of sentence, 12 served):
    # two quantities that do not conflict.
    distinct: list[FactDifference] = field(default_factory=list)
    # The first contradiction found, None if none.
    reason: Reason | None = None
    # The compared values of the differing facts (a name's internal key included): their
    # words are set aside when measuring how much else the two claims share. Internal, never
    # in details.
    set_aside: list[str] = field(default_factory=list)

    def differ(self, reason: Reason, difference: FactDifference, va: str, vb: str) -> None:
        self.differing.append(difference)
        self.set_aside.extend((va, vb))
        self.reason = self.reason or reason


@dataclass(frozen=True, slots=True)
class Finding:
    """A contradiction the rules found: why, and the facts that differ."""

    reason: Reason
    differing: tuple[FactDifference, ...] = ()


def subjects_compatible(x: str, y: str) -> bool:
    """Two quantity subjects that may measure the same thing: one missing, or a stem in
    common, inflections forgiven. A count's noun changes form with the number in Arabic
    (12 قتيلا, 300 قتيل, 7 قتلى) and stays the same thing counted."""
    if not x or not y or x == y:
        return True
    sx = {light_stem(t) for t in tokens(x)}
    sy = {light_stem(t) for t in tokens(y)}
    return bool(sx & sy) or any(soft_in(w, sy) for w in sx)


def units_compatible(x: str, y: str) -> bool:
    """Two units that may measure the same quantity: equal, or one not given."""
    return not x or not y or x == y


def date_value(value: str, published: dt.date | None) -> str:
    """A date value with a missing year ("--10-07") completed from the publication date."""
    if value.startswith("--") and published is not None:
        return f"{published.year:04d}{value[1:]}"
    return value


def dates_agree(x: str, y: str) -> bool:
    """Whether two dates can be one: "2024" agrees with "2024-10-07", "2024-10" too."""
    return x.startswith(y) or y.startswith(x)


def _event_context(normalized: str, surface: str) -> set[str]:
    words = tokens(normalized)
    target = tokens(normalize_text(surface))
    if not target or target[0] not in words:
        return set()
    i = words.index(target[0])
    window = (
        words[max(0, i - EVENT_WINDOW) : i]
        + words[i + len(target) : i + len(target) + EVENT_WINDOW]
    )
    return {
        light_stem(w)
        for w in window
        if w not in DATE_WORDS and not w[0].isdigit() and w not in NEGATION_WORDS
    } - {""}


def _same_event(x: Fact, y: Fact, a_normalized: str, b_normalized: str) -> bool:
    context_a = _event_context(a_normalized, x.text)
    context_b = _event_context(b_normalized, y.text)
    if not context_a or not context_b:
        return True  # nothing to tell the events apart by
    return any(soft_in(w, context_b) for w in context_a)


def _compare_quantities(a: Sequence[Fact], b: Sequence[Fact], result: FactComparison) -> None:
    """Quantities of each kind: a fact of a is compared with b's compatible ones."""
    for kind in sorted(QUANTITY_KINDS):
        fa = [f for f in a if f.kind == kind]
        fb = [f for f in b if f.kind == kind]
        seen_b: set[int] = set()
        for x in fa:
            comparable = [
                (i, y)
                for i, y in enumerate(fb)
                if units_compatible(x.unit, y.unit) and subjects_compatible(x.subject, y.subject)
            ]
            if not comparable:
                if fb and not any(y.value == x.value for y in fb):
                    # Other subjects only: two quantities, not one with two values.
                    result.distinct.append(
                        FactDifference(kind, FactValue.of(x), FactValue.of(fb[0]))
                    )
                continue
            same = [i for i, y in comparable if y.value == x.value]
            if same:
                result.matched.append(FactValue.of(x))
                seen_b.update(same)
            elif not any(y.value == x.value for y in fb):
                # No equal value anywhere on the other side: the same quantity differs.
                i, y = comparable[0]
                if i not in seen_b:
                    difference = FactDifference(kind, FactValue.of(x), FactValue.of(y))
                    result.differ(Reason.VALUE_MISMATCH, difference, x.value, y.value)
                    seen_b.add(i)


def _dated(fact: Fact, value: str) -> FactValue:
    # The public value of a date is the resolved one (a missing year completed).
    return FactValue(kind=fact.kind, value=value, unit=fact.unit, text=fact.text or value)


def _compare_dates(
    a: Sequence[Fact],
    b: Sequence[Fact],
    published: tuple[dt.date | None, dt.date | None],
    normalized: tuple[str, str],
    result: FactComparison,
) -> None:
    """Dates and years of the event: one agreeing pair is enough; else the first two differ
    if they date the same event."""
    da = [(f, date_value(f.value, published[0])) for f in a if f.kind in DATE_KINDS]
    db = [(f, date_value(f.value, published[1])) for f in b if f.kind in DATE_KINDS]
    if not da or not db:
        return
    agreeing = [(x, vx) for x, vx in da if any(dates_agree(vx, vy) for _, vy in db)]
    result.matched.extend(_dated(x, vx) for x, vx in agreeing)
    if agreeing:
        return
    (x, vx), (y, vy) = da[0], db[0]
    if subjects_compatible(x.subject, y.subject) and _same_event(x, y, *normalized):
        difference = FactDifference(x.kind, _dated(x, vx), _dated(y, vy))
        result.differ(Reason.DATE_MISMATCH, difference, vx, vy)


def _compare_names(a: Sequence[Fact], b: Sequence[Fact], result: FactComparison) -> None:
    """Places and entities: a name only one side gives, in the same slot as one only the
    other side gives, is another name in the same role."""
    for kind, reason in NAME_RULES:
        fa = [f for f in a if f.kind == kind]
        fb = [f for f in b if f.kind == kind]
        va = {f.value for f in fa}
        vb = {f.value for f in fb}
        result.matched.extend(FactValue.of(x) for x in fa if x.value in vb)
        only_a = [f for f in fa if f.value not in vb]
        only_b = [f for f in fb if f.value not in va]
        for x in only_a:
            for y in only_b:
                if x.subject and y.subject and subjects_compatible(x.subject, y.subject):
                    difference = FactDifference(kind, FactValue.of(x), FactValue.of(y))
                    result.differ(reason, difference, x.value, y.value)
                    break


def compare_facts(
    a: Sequence[Fact],
    b: Sequence[Fact],
    *,
    published_a: dt.date | None = None,
    published_b: dt.date | None = None,
    a_normalized: str = "",
    b_normalized: str = "",
) -> FactComparison:
    """The facts both claims give, those they give differently, and why that conflicts."""
    result = FactComparison()
    _compare_quantities(a, b, result)
    _compare_dates(a, b, (published_a, published_b), (a_normalized, b_normalized), result)
    _compare_names(a, b, result)
    return result


# --- rules over the words -----------------------------------------------------------------


def negation_count(claim: ClaimDraft, claim_view: ClaimView) -> int:
    from_facts = sum(1 for f in claim.facts if f.kind == "negation")
    return max(from_facts, claim_view.negations)


def negates(a: ClaimDraft, b: ClaimDraft, va: ClaimView, vb: ClaimView) -> bool:
    """One claim negates the other (parity: a double negation cancels)."""
    return negation_count(a, va) % 2 != negation_count(b, vb) % 2


def _direction_of(claim: ClaimDraft, claim_view: ClaimView) -> FactValue | None:
    """The claim's one direction (from its facts, else from its words), or None when it has
    none or several."""
    facts = {f.value: f for f in claim.facts if f.kind == "direction" and f.value in OPPOSITE}
    if facts:
        if len(facts) != 1:
            return None
        (fact,) = facts.values()
        return FactValue(kind="direction", value=fact.value, text=fact.text or fact.value)
    found = {d for t, d in directions(claim_view) if not t}
    if len(found) != 1:
        return None
    (value,) = found
    # The first word that carries the direction, as the claim writes it.
    at = next(
        i for i, t in zip(claim_view.content_at, claim_view.content, strict=True) if direction(t)
    )
    return FactValue(
        kind="direction", value=value, text=surface_words(claim_view, claim.text, at, at)
    )


def opposite_direction(
    a: ClaimDraft, b: ClaimDraft, va: ClaimView, vb: ClaimView
) -> FactDifference | None:
    """Both claims move one way each, and the ways are opposite (rose / fell)."""
    da, db = _direction_of(a, va), _direction_of(b, vb)
    if da is None or db is None or OPPOSITE[da.value] != db.value:
        return None
    return FactDifference(kind="direction", a=da, b=db)


def slot_substitution(a: ClaimDraft, b: ClaimDraft, va: ClaimView, vb: ClaimView) -> Finding | None:
    """One name swapped for another in an otherwise equal sentence.

    The two content token sequences must differ by exactly one replaced run of at most
    SLOT_MAX_WORDS words that are not spelling variants of each other, numbers or direction
    words (those are the other rules' business).
    """
    matcher = SequenceMatcher(a=va.content, b=vb.content, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(edits) != 1 or edits[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = edits[0]
    if i2 - i1 > SLOT_MAX_WORDS or j2 - j1 > SLOT_MAX_WORDS or len(va.content) < SLOT_MIN_WORDS:
        return None
    left, right = va.content[i1:i2], vb.content[j1:j2]
    if any(soft_in(light_stem(w), [light_stem(v) for v in right]) for w in left):
        return None
    if _same_name_across_scripts(left, right):
        return None
    if any(NUMBER_RE.match(w) or direction(w) for w in (*left, *right)):
        return None
    is_place = _after_locative(va, i1) or (
        left[0].startswith(LOCATIVE_CLITICS) and right[0].startswith(LOCATIVE_CLITICS)
    )
    kind, reason = NAME_RULES[0] if is_place else NAME_RULES[1]
    words_a = surface_words(va, a.text, va.content_at[i1], va.content_at[i2 - 1])
    words_b = surface_words(vb, b.text, vb.content_at[j1], vb.content_at[j2 - 1])
    difference = FactDifference(
        kind, FactValue(kind, words_a, text=words_a), FactValue(kind, words_b, text=words_b)
    )
    return Finding(reason=reason, differing=(difference,))


def _same_name_across_scripts(left: Sequence[str], right: Sequence[str]) -> bool:
    """One name in two scripts (كورنيت / Kornet): a spelling, not a substitution."""
    keys = {(bool(ARABIC_RE.search(w)), name_key(w)) for w in right}
    return any(
        len(key := name_key(w)) >= NAME_KEY_MIN_LENGTH and (not ARABIC_RE.search(w), key) in keys
        for w in left
    )


def _after_locative(claim_view: ClaimView, content_index: int) -> bool:
    """Whether the content word comes right after a locative preposition."""
    at = claim_view.content_at[content_index]
    return at > 0 and claim_view.tokens[at - 1] in LOCATIVES


def contradiction_rule(
    a: ClaimDraft,
    b: ClaimDraft,
    va: ClaimView,
    vb: ClaimView,
    facts: FactComparison,
    similarity: float,
) -> Finding | None:
    """The first rule that finds a contradiction, in order: facts, negation, opposite
    directions, a substituted name. Negation and directions need the claims' own words to
    overlap (similarity), not only what is left once the differing facts are set aside."""
    if facts.reason is not None:
        return Finding(reason=facts.reason, differing=tuple(facts.differing))
    if similarity >= RULE_MIN_SIMILARITY:
        if negates(a, b, va, vb):
            return Finding(reason=Reason.NEGATION)
        opposite = opposite_direction(a, b, va, vb)
        if opposite is not None:
            return Finding(reason=Reason.OPPOSITE_DIRECTION, differing=(opposite,))
    return slot_substitution(a, b, va, vb)
