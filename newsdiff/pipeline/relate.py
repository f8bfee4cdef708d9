"""Relate two aligned claims: agreement, contradiction, or unrelated.

Two layers decide, in this order:

1. **Rules over facts.** A contradiction needs both claims to speak of the same thing:
   the same quantity (same kind, compatible unit and subject) with different values, the
   same event with another date or place, one side negating the other, opposite directions
   (rise/fall, confirmed/denied), or another entity in the same slot of an otherwise equal
   sentence. 25 years of sentence and 12 years served are two quantities, not a conflict.
2. **A learned model** where the rules run out: a logistic regression over the pair's
   *differences* (stems, replaced word pairs, negations added or removed, direction words,
   alignment shape, overlap ratios), fitted on the ANS stance corpus by
   ``bench/calibrate_relate.py`` and shipped as plain JSON (``relate_model.json``).
   Inference is a dot product in pure Python.

Pairs that only look alike are unrelated. When the two claims quote different sources and
would otherwise contradict, the outlets do not contradict each other: the relation is
"unrelated" with ``details["disputed_by_sources"] = True`` and the UI shows it as disputed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from newsdiff.pipeline.normalize import (
    ARABIC_RE,
    NEGATIONS,
    STOPWORDS,
    light_stem,
    normalize_text,
    tokens,
)
from newsdiff.pipeline.types import ClaimDraft, Fact, Relation, RelationKind

ENGINE_VERSION = "relate-2"
MODEL_PATH = Path(__file__).with_name("relate_model.json")

# --- thresholds -------------------------------------------------------------------------
# Rules only fire on pairs that share this much content (soft stem containment, 0..1) once
# the differing facts are set aside. Set by hand, not tuned: below ~0.3 two headlines that
# share a country name and a number were usually different stories in the ANS train pairs.
RULE_MIN_SIMILARITY = 0.3
# Default decision threshold on the model's contradiction probability and the default
# low-overlap cut; the values actually used are read from relate_model.json, where
# bench/calibrate_relate.py stores the ones it selected by 5-fold cross-validation on ANS
# train (relate-2, 2026-11-25: C 1.0, threshold 0.56, cut 0.2 from pooled out-of-fold
# probabilities over three fold seeds; after the light stemmer stopped peeling one-letter
# clitics off four-letter words: train CV macro-F1 agree/disagree 0.810 (0.805-0.816), dev
# 0.806, dev only reported, never searched). "calibration" in the JSON has the rest.
DEFAULT_THRESHOLD = 0.5
DEFAULT_UNRELATED_SIMILARITY = 0.2
# Two stems of four letters or more at least this similar (rapidfuzz ratio) count as the
# same word: spelling variants (اليوروفيجن/اليورفيجن) and inflections (صحفي/صحفى) in
# headlines. 80 keeps تركي/لبناني and مصر/مصري apart in the ANS training diffs.
SOFT_MATCH_RATIO = 80
# The replaced-word cross features are only built for small substitutions; larger rewrites
# are paraphrases or other stories and the cross product is noise (ANS train).
MAX_CROSS_PAIRS = 9

# Confidence of "agreement" for claims whose numbers are different quantities (sentence vs
# time served): the facts rule out a conflict whatever the wording model says. Hand-set.
DISTINCT_QUANTITIES_SCORE = 0.6

QUANTITY_KINDS = frozenset({"money", "count", "age", "duration", "percent", "number"})
DATE_KINDS = frozenset({"date", "year"})

# Negation markers beyond normalize.NEGATIONS (normalised forms), for English contractions
# split by the tokenizer (didn't -> didn t) and Arabic verbs of denial.
EXTRA_NEGATIONS = frozenset(
    """نفي ينفي تنفي نفت نفوا ينفون يرفض ترفض رفض رفضت دون بدون
    didn doesn don isn wasn weren aren won cannot without deny denied denies nor""".split()
)
NEGATION_WORDS = NEGATIONS | EXTRA_NEGATIONS
NEGATION_CLITICS = frozenset("وفبل")

# Direction words, matched as substrings of normalised tokens (Arabic morphology puts the
# root in the middle: ارتفاع، يرتفع، مرتفعه). Lists written by hand from news vocabulary.
UP_RE = re.compile(
    r"(رتفع|صعد|صعود|قفز|اعلي|مكاسب|زياده|يزيد|تزيد|ازداد|يزداد|تزداد|تزايد|تعافي|انتعاش|ينتعش|"
    r"قياسي|^rise|^rose|^risen|^rising|^up$|increas|gain|higher|highest|jump|surg|climb|soar|"
    r"confirm|اكد|يؤكد|تؤكد|اكدت)"
)
DOWN_RE = re.compile(
    r"(نخفض|خفض|هبط|هبوط|تراجع|تدهور|تهوي|يهوي|تهاوي|يتهاوي|انهيار|ينهار|تنهار|ادني|خسائر|"
    r"خساره|يخسر|تخسر|تقلص|ينزل|نزول|^fall|^fell|drop|declin|lower|lowest|^down$|decreas|"
    r"plung|slump|tumbl|^sink|^sank|^deni|^deny|نفي|ينفي|تنفي|نفت)"
)
# Confirmation and denial are a direction of their own: confirmed vs denied is opposite,
# confirmed vs rose is not.
STANCE_WORDS = re.compile(r"(confirm|^deni|^deny|اكد|يؤكد|تؤكد|اكدت|نفي|ينفي|تنفي|نفت)")
OPPOSITE = {"up": "down", "down": "up", "confirm": "deny", "deny": "confirm"}

# Locative prepositions: a substituted name right after one of them is a place.
LOCATIVES = frozenset({"في", "ب", "من", "الي", "داخل", "قرب", "in", "at", "near", "from", "to"})
LOCATIVE_PREFIX = "ب"

NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*$")

# Skeleton matching (see _skeleton): imperfect-verb and participle prefixes, plural and
# pronoun suffixes, long vowels. Checked on ANS train diffs, where it joins inflections of
# one word that light_stem keeps apart.
SKELETON_PREFIXES = "يتنام"
SKELETON_SUFFIXES = ("ون", "ين", "ات", "ان", "ها", "ه", "ا", "ي")
LONG_VOWELS_RE = re.compile("[اوي]")
DOUBLED_RE = re.compile(r"(.)\1")


# Opposite word pairs for the learned model's ``hand_antonym`` feature (not for the rules):
# a removed word containing one side and an added word containing the other. Written by
# hand from general news vocabulary (roots of three letters or more, matched as substrings
# like the direction words); the model learns how far to trust it.
ANTONYM_ROOTS: tuple[tuple[str, str], ...] = (
    ("فتح", "غلق"),
    ("كبر", "صغر"),
    ("اكبر", "اقل"),
    ("اكثر", "اقل"),
    ("اعلي", "ادني"),
    ("صراع", "تصالح"),
    ("حرب", "سلام"),
    ("ربح", "خسار"),
    ("ارباح", "خسائر"),
    ("نجح", "فشل"),
    ("نجاح", "فشل"),
    ("زياد", "نقص"),
    ("رفع", "خفض"),
    ("قبول", "رفض"),
    ("يقبل", "يرفض"),
    ("يجاب", "سلب"),
    ("فوز", "هزيم"),
    ("فاز", "خسر"),
    ("اول", "اخير"),
    ("يؤيد", "يعارض"),
    ("تقدم", "تاخر"),
    ("بدء", "نهاء"),
    ("استئناف", "توقف"),
    ("وفر", "ندر"),
    ("قوي", "ضعيف"),
    ("سهل", "صعب"),
    ("غني", "فقير"),
    ("شراء", "بيع"),
    ("يشتري", "يبيع"),
    ("دخول", "خروج"),
    ("يدخل", "يخرج"),
    ("جديد", "قديم"),
    ("صعود", "سقوط"),
    ("بقاء", "رحيل"),
    ("يسمح", "يمنع"),
    ("سمح", "منع"),
    ("تفاؤل", "تشاؤم"),
    ("شرق", "غرب"),
    ("شمال", "جنوب"),
    ("داخل", "خارج"),
    ("قبيل", "بعد"),
    ("open", "clos"),
    ("win", "los"),
    ("accept", "reject"),
    ("allow", "ban"),
    ("profit", "loss"),
    ("succe", "fail"),
)


# --- text view ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _View:
    """The forms of one normalised claim that comparison needs."""

    normalized: str
    tokens: tuple[str, ...]
    content: tuple[str, ...]  # content tokens (no stopwords), normalised
    stems: tuple[str, ...]  # light stems of content tokens, in order
    numbers: frozenset[str]
    negations: int


@cache
def _view_cached(normalized: str) -> _View:
    toks = tuple(tokens(normalized))
    content = tuple(t for t in toks if t not in STOPWORDS and not _is_negation(t))
    return _View(
        normalized=normalized,
        tokens=toks,
        content=content,
        stems=tuple(light_stem(t) for t in content),
        numbers=frozenset(t.replace(",", "") for t in toks if NUMBER_RE.match(t)),
        negations=sum(1 for t in toks if _is_negation(t)),
    )


def _is_negation(token: str) -> bool:
    # A negation with a clitic in front: بغير، وليس، ولم، لعدم.
    return token in NEGATION_WORDS or (
        token[:1] in NEGATION_CLITICS and token[1:] in NEGATION_WORDS
    )


def _view(normalized: str) -> _View:
    # The cache is bounded by hand: one story holds a few thousand claims at most.
    if _view_cached.cache_info().currsize > 50_000:
        _view_cached.cache_clear()
    return _view_cached(normalized)


@cache
def _skeleton(stem: str) -> str:
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


def _soft_in(stem: str, pool: Iterable[str]) -> bool:
    skeleton = _skeleton(stem)
    for other in pool:
        if stem == other:
            return True
        if skeleton and skeleton == _skeleton(other):
            return True
        if len(stem) >= 4 and len(other) >= 4 and fuzz.ratio(stem, other) >= SOFT_MATCH_RATIO:
            return True
    return False


def _diff(a: _View, b: _View) -> tuple[list[str], list[str]]:
    """Stems only in a (removed) and only in b (added), spelling variants forgiven."""
    sa, sb = set(a.stems), set(b.stems)
    removed = sorted(s for s in sa - sb if not _soft_in(s, sb))
    added = sorted(s for s in sb - sa if not _soft_in(s, sa))
    return removed, added


def _containment(a: _View, b: _View, removed: Sequence[str], added: Sequence[str]) -> float:
    """Share of the shorter claim's distinct stems that the other claim also has."""
    na, nb = len(set(a.stems)), len(set(b.stems))
    if not na or not nb:
        return 0.0
    shared_a = na - len(removed)
    shared_b = nb - len(added)
    return min(1.0, max(shared_a / na, shared_b / nb))


def similarity(a_normalized: str, b_normalized: str) -> float:
    """Content overlap of two normalised claims in [0, 1] (soft stem containment)."""
    a, b = _view(a_normalized), _view(b_normalized)
    removed, added = _diff(a, b)
    return _containment(a, b, removed, added)


# --- direction words -----------------------------------------------------------------------


def _direction(token: str) -> str:
    if STANCE_WORDS.search(token):
        return "deny" if DOWN_RE.search(token) else "confirm"
    if UP_RE.search(token):
        return "up"
    if DOWN_RE.search(token):
        return "down"
    return ""


def _directions(view: _View) -> set[tuple[str, str]]:
    """(target stem, direction) for each direction word and its neighbouring content words."""
    out: set[tuple[str, str]] = set()
    content = view.content
    for i, token in enumerate(content):
        direction = _direction(token)
        if not direction:
            continue
        out.add(("", direction))
        for j in (i - 1, i + 1):
            if 0 <= j < len(content) and not _direction(content[j]):
                out.add((light_stem(content[j]), direction))
    return out


# --- learned model: features and inference --------------------------------------------------


def _char_grams(word: str) -> set[str]:
    padded = f"<{word}>"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _has_antonym_swap(removed: Sequence[str], added: Sequence[str]) -> bool:
    for x, y in ANTONYM_ROOTS:
        for r in removed:
            if (x in r) == (y in r):
                continue  # neither side, or a word holding both roots
            other = y if x in r else x
            if any(other in s and not (x in s and y in s) for s in added):
                return True
    return False


def pair_features(
    a_normalized: str,
    b_normalized: str,
    *,
    antonyms: frozenset[str] = frozenset(),
    synonyms: frozenset[str] = frozenset(),
) -> dict[str, float]:
    """Features of how claim b differs from claim a (both normalised).

    antonyms/synonyms are "stem|stem" keys (sorted) of word swaps learned from the
    training diffs; the calibration script passes out-of-fold lexicons while fitting.
    """
    a, b = _view(a_normalized), _view(b_normalized)
    removed, added = _diff(a, b)
    f: dict[str, float] = {"bias": 1.0}

    for stem in added:
        f["+w:" + stem] = 1.0
        for gram in _char_grams(stem):
            f["+g:" + gram] = 1.0
    for stem in removed:
        f["-w:" + stem] = 1.0
    # Added words as written, beside their stems: light_stem merges forms (and eats letters
    # of names) that the corrupted ANS headlines tell apart. With hand_antonym, +0.5 points
    # of 5-fold CV macro-F1 on ANS train and +2 on dev (figures in relate_model.json).
    seen = set(a.tokens)
    for token in b.tokens:
        if token not in seen:
            f["+t:" + token] = 1.0
    if _has_antonym_swap(removed, added):
        f["hand_antonym"] = 1.0
    if removed and added and len(removed) * len(added) <= MAX_CROSS_PAIRS:
        for r in removed:
            for s in added:
                f["x:" + r + "|" + s] = 1.0
                key = "|".join(sorted((r, s)))
                if key in antonyms:
                    f["lex_antonym"] = 1.0
                if key in synonyms:
                    f["lex_synonym"] = 1.0

    # Negation added or removed (parity: a double negation cancels).
    if a.negations % 2 != b.negations % 2:
        f["neg_flip"] = 1.0
        f["neg_added" if b.negations > a.negations else "neg_removed"] = 1.0

    # Numbers.
    if a.numbers and b.numbers:
        f["num_same" if a.numbers & b.numbers else "num_diff"] = 1.0
    elif a.numbers or b.numbers:
        f["num_one_side"] = 1.0

    # Direction words: opposite on a shared target, the same, or only on one side.
    da, db = _directions(a), _directions(b)
    bare_a = {d for t, d in da if not t}
    bare_b = {d for t, d in db if not t}
    if bare_a and bare_b:
        if bare_a == bare_b:
            f["dir_same"] = 1.0
        elif not bare_a & bare_b:
            f["dir_opposite"] = 1.0
        else:
            f["dir_mixed"] = 1.0
    elif bare_a or bare_b:
        f["dir_one_side"] = 1.0
    targeted_a = {(t, d) for t, d in da if t}
    targeted_b = {(t, d) for t, d in db if t}
    if any((t, OPPOSITE[d]) in targeted_b for t, d in targeted_a):
        f["dir_target_opposite"] = 1.0
    if targeted_a & targeted_b:
        f["dir_target_same"] = 1.0

    # Shape of the alignment of the two stem sequences.
    matcher = SequenceMatcher(a=a.stems, b=b.stems, autojunk=False)
    opcodes = matcher.get_opcodes()
    longest = max(len(a.stems), len(b.stems), 1)
    equal = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
    f["equal_ratio"] = equal / longest
    edits = [op for op in opcodes if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in edits:
        f["op_" + tag] = f.get("op_" + tag, 0.0) + 1.0
        if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            f["swap_1_1"] = f.get("swap_1_1", 0.0) + 1.0
    if len(edits) == 1 and edits[0][0] == "replace":
        _, i1, i2, j1, j2 = edits[0]
        if i2 - i1 <= 2 and j2 - j1 <= 2:
            f["single_swap"] = 1.0
    if edits and all(op[0] == "delete" for op in edits):
        f["only_deleted"] = 1.0
    if edits and all(op[0] == "insert" for op in edits):
        f["only_inserted"] = 1.0

    # Overlap ratios.
    containment = _containment(a, b, removed, added)
    union = len(set(a.stems) | set(b.stems)) or 1
    f["containment"] = containment
    f["jaccard"] = (union - len(removed) - len(added)) / union
    f["token_set"] = fuzz.token_set_ratio(a.normalized, b.normalized) / 100
    f["ratio"] = fuzz.ratio(a.normalized, b.normalized) / 100
    f["n_added"] = min(len(added), 6) / 6
    f["n_removed"] = min(len(removed), 6) / 6
    return f


@dataclass(frozen=True, slots=True)
class _Model:
    weights: dict[str, float]
    threshold: float
    unrelated_similarity: float
    antonyms: frozenset[str]
    synonyms: frozenset[str]
    symmetric: bool


@cache
def _model() -> _Model:
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError:
        # No shipped model (e.g. while calibrating): rules and overlap only.
        data = {}
    return _Model(
        weights={k: float(v) for k, v in data.get("weights", {}).items()},
        threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
        unrelated_similarity=float(data.get("unrelated_similarity", DEFAULT_UNRELATED_SIMILARITY)),
        antonyms=frozenset(data.get("antonyms", ())),
        synonyms=frozenset(data.get("synonyms", ())),
        symmetric=bool(data.get("symmetric", False)),
    )


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def contradiction_probability(a_normalized: str, b_normalized: str) -> float:
    """The learned model's probability that claim b contradicts claim a."""
    model = _model()
    if not model.weights:
        return 0.0

    def one_way(x: str, y: str) -> float:
        feats = pair_features(x, y, antonyms=model.antonyms, synonyms=model.synonyms)
        w = model.weights
        return _sigmoid(sum(w.get(k, 0.0) * v for k, v in feats.items()))

    p = one_way(a_normalized, b_normalized)
    if model.symmetric:
        p = (p + one_way(b_normalized, a_normalized)) / 2
    return p


# --- rules over facts ---------------------------------------------------------------------


def _fact_dict(fact: Fact) -> dict[str, str]:
    return {"kind": fact.kind, "value": fact.value, "text": fact.text}


def _subjects_compatible(x: str, y: str) -> bool:
    if not x or not y or x == y:
        return True
    sx = {light_stem(t) for t in tokens(x)}
    sy = {light_stem(t) for t in tokens(y)}
    return bool(sx & sy)


def _units_compatible(kind: str, x: str, y: str) -> bool:
    return not x or not y or x == y


def _date_value(value: str, published: dt.date | None) -> str:
    """A date value with a missing year ("--10-07") completed from the publication date."""
    if value.startswith("--") and published is not None:
        return f"{published.year:04d}{value[1:]}"
    return value


def _dates_agree(x: str, y: str) -> bool:
    # "2024" agrees with "2024-10-07"; "2024-10" with "2024-10-07".
    return x.startswith(y) or y.startswith(x)


@dataclass(slots=True)
class _FactComparison:
    matched: list[dict[str, str]]
    differing: list[dict[str, str]]
    reason: str  # first contradiction reason found, "" if none
    # Same kind, different subjects on the two sides (25 years of sentence, 12 served):
    # two quantities that do not conflict.
    distinct: list[dict[str, str]]


# A date is the date of the words around it: "convicted in 2011" and "in 2008 he was arrested"
# date two events, not one event twice. Words this close to the date on each side must share
# a stem before differing dates count as a contradiction. Four words each side keeps ANS dev
# macro-F1 unchanged while clearing the seed pair above.
EVENT_WINDOW = 4
DATE_WORDS = frozenset("عام العام سنه السنه في منذ خلال year in since on during".split())


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
    return any(_soft_in(w, context_b) for w in context_a)


def _compare_facts(
    a: Sequence[Fact],
    b: Sequence[Fact],
    published_a: dt.date | None,
    published_b: dt.date | None,
    a_normalized: str = "",
    b_normalized: str = "",
) -> _FactComparison:
    result = _FactComparison(matched=[], differing=[], reason="", distinct=[])

    def differ(reason: str, kind: str, subject: str, va: str, vb: str) -> None:
        result.differing.append({"kind": kind, "subject": subject, "a": va, "b": vb})
        result.reason = result.reason or reason

    # Quantities: group b's facts by kind; a fact of a is compared with the compatible ones.
    for kind in sorted(QUANTITY_KINDS):
        fa = [f for f in a if f.kind == kind]
        fb = [f for f in b if f.kind == kind]
        seen_b: set[int] = set()
        for x in fa:
            comparable = [
                (i, y)
                for i, y in enumerate(fb)
                if _units_compatible(kind, x.unit, y.unit)
                and _subjects_compatible(x.subject, y.subject)
            ]
            if not comparable:
                if fb and not any(y.value == x.value for y in fb):
                    y = fb[0]
                    result.distinct.append(
                        {
                            "kind": kind,
                            "subject": "",
                            "a": f"{x.value} {x.subject}".strip(),
                            "b": f"{y.value} {y.subject}".strip(),
                        }
                    )
                continue
            same = [(i, y) for i, y in comparable if y.value == x.value]
            if same:
                result.matched.append(_fact_dict(x))
                seen_b.update(i for i, _ in same)
            elif not any(y.value == x.value for y in fb):
                # No equal value anywhere on the other side: the same quantity differs.
                i, y = comparable[0]
                if i not in seen_b:
                    differ("value_mismatch", kind, x.subject or y.subject, x.value, y.value)
                    seen_b.add(i)

    # Dates and years of the event.
    da = [(f, _date_value(f.value, published_a)) for f in a if f.kind in DATE_KINDS]
    db = [(f, _date_value(f.value, published_b)) for f in b if f.kind in DATE_KINDS]
    if da and db:
        agreeing = [(x, vx) for x, vx in da if any(_dates_agree(vx, vy) for _, vy in db)]
        for x, _ in agreeing:
            result.matched.append(_fact_dict(x))
        if not agreeing:
            (x, vx), (y, vy) = da[0], db[0]
            if _subjects_compatible(x.subject, y.subject) and _same_event(
                x, y, a_normalized, b_normalized
            ):
                differ("date_mismatch", x.kind, x.subject or y.subject, vx, vy)

    # Places and entities in the same slot.
    for kind, reason in (("place", "place_mismatch"), ("entity", "entity_substitution")):
        fa = [f for f in a if f.kind == kind]
        fb = [f for f in b if f.kind == kind]
        va = {f.value for f in fa}
        vb = {f.value for f in fb}
        for x in fa:
            if x.value in vb:
                result.matched.append(_fact_dict(x))
        only_a = [f for f in fa if f.value not in vb]
        only_b = [f for f in fb if f.value not in va]
        for x in only_a:
            for y in only_b:
                if x.subject and y.subject and _subjects_compatible(x.subject, y.subject):
                    differ(reason, kind, x.subject, x.value, y.value)
                    break
    return result


def _negation_count(claim: ClaimDraft, view: _View) -> int:
    from_facts = sum(1 for f in claim.facts if f.kind == "negation")
    return max(from_facts, view.negations)


def _fact_directions(claim: ClaimDraft) -> set[str]:
    return {f.value for f in claim.facts if f.kind == "direction" and f.value in OPPOSITE}


def _slot_substitution(a: _View, b: _View) -> tuple[str, str, str] | None:
    """One name swapped for another in an otherwise equal sentence.

    Returns (reason, a_words, b_words) when the two token sequences differ by exactly one
    replaced run of at most two words that are not spelling variants of each other.
    """
    matcher = SequenceMatcher(a=a.content, b=b.content, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(edits) != 1 or edits[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = edits[0]
    if i2 - i1 > 2 or j2 - j1 > 2 or len(a.content) < 3:
        return None
    left, right = a.content[i1:i2], b.content[j1:j2]
    if any(_soft_in(light_stem(w), [light_stem(v) for v in right]) for w in left):
        return None
    if any(NUMBER_RE.match(w) for w in (*left, *right)):
        return None  # numbers are the fact rules' business
    if any(_direction(w) for w in (*left, *right)):
        return None  # direction words are handled as directions
    # A place if the replaced run follows a locative preposition (or carries the ب clitic).
    first_a = a.tokens.index(left[0]) if left[0] in a.tokens else -1
    before = a.tokens[first_a - 1] if first_a > 0 else ""
    is_place = before in LOCATIVES or (
        left[0].startswith(LOCATIVE_PREFIX) and right[0].startswith(LOCATIVE_PREFIX)
    )
    return (
        "place_mismatch" if is_place else "entity_substitution",
        " ".join(left),
        " ".join(right),
    )


# --- the public API -----------------------------------------------------------------------

_REASON_TEXT: dict[str, str] = {
    "same_facts": "Both claims report the same facts",
    "paraphrase": "The claims say the same thing in different words",
    "value_mismatch": "Same quantity, different values",
    "date_mismatch": "Same event, different dates",
    "place_mismatch": "Same event, different places",
    "negation": "One claim negates the other",
    "opposite_direction": "The claims move in opposite directions",
    "entity_substitution": "A different name in the same role",
    "learned": "The wording differs in a way that usually means a contradiction",
    "low_overlap": "The claims only look alike: they share too little to compare",
}


def _describe(reason: str, differing: Sequence[dict[str, str]]) -> str:
    text = _REASON_TEXT.get(reason, reason)
    if differing:
        d = differing[0]
        what = d["subject"] or d["kind"]
        text += f" ({what}: {d['a']} vs {d['b']})"
    return text + "."


def _disputed_text(a: ClaimDraft, b: ClaimDraft, reason: str) -> str:
    who_a = a.attribution or "the outlet"
    who_b = b.attribution or "the outlet"
    return (
        f"Sources disagree: {who_a} and {who_b} give conflicting accounts "
        f"({_REASON_TEXT.get(reason, reason).lower()}); the outlets report both."
    )


def relate_claims(
    a: ClaimDraft,
    b: ClaimDraft,
    *,
    published_a: dt.date | None = None,
    published_b: dt.date | None = None,
    learned_min_similarity: float = 0.0,
) -> Relation:
    """How claim b stands to claim a (see the module docstring for the decision order).

    learned_min_similarity: the learned model may call a contradiction only for pairs at
    least this similar. Its training pairs (ANS) are rewrites of one headline; two claims of
    two articles are separate sentences, where it is only trusted on near-rewrites (and
    never when one claim's words are a subset of the other's).
    """
    va, vb = (
        _view(a.normalized or normalize_text(a.text)),
        _view(b.normalized or normalize_text(b.text)),
    )
    removed, added = _diff(va, vb)
    sim = _containment(va, vb, removed, added)
    facts = _compare_facts(a.facts, b.facts, published_a, published_b, va.normalized, vb.normalized)
    model = _model()

    # Content overlap once the differing facts are set aside: their words should not make
    # two reports of one event look unrelated.
    differing_words = {
        light_stem(t) for d in facts.differing for t in tokens(normalize_text(f"{d['a']} {d['b']}"))
    }
    na = len(set(va.stems) - differing_words) or 1
    nb = len(set(vb.stems) - differing_words) or 1
    rest_sim = max(
        sim,
        min(
            1.0,
            max(
                (na - len(set(removed) - differing_words)) / na,
                (nb - len(set(added) - differing_words)) / nb,
            ),
        ),
    )

    reason = ""
    differing = list(facts.differing)
    if rest_sim >= RULE_MIN_SIMILARITY or facts.matched:
        reason = facts.reason
        if (
            not reason
            and _negation_count(a, va) % 2 != _negation_count(b, vb) % 2
            and sim >= RULE_MIN_SIMILARITY
        ):
            reason = "negation"
        if not reason and sim >= RULE_MIN_SIMILARITY:
            dirs_a = _fact_directions(a) or {d for t, d in _directions(va) if not t}
            dirs_b = _fact_directions(b) or {d for t, d in _directions(vb) if not t}
            if len(dirs_a) == 1 and len(dirs_b) == 1 and OPPOSITE[next(iter(dirs_a))] in dirs_b:
                reason = "opposite_direction"
                differing.append(
                    {
                        "kind": "direction",
                        "subject": "",
                        "a": next(iter(dirs_a)),
                        "b": next(iter(dirs_b)),
                    }
                )
        if not reason:
            swap = _slot_substitution(va, vb)
            if swap is not None:
                reason, wa, wb = swap
                fact_kind = "place" if reason == "place_mismatch" else "entity"
                differing.append({"kind": fact_kind, "subject": "", "a": wa, "b": wb})

    p = contradiction_probability(va.normalized, vb.normalized)
    kind: RelationKind
    if reason:
        kind, score = "contradiction", max(p, 0.5 + 0.5 * rest_sim)
    elif sim < model.unrelated_similarity and not facts.matched:
        kind, score, reason = "unrelated", 1.0 - sim, "low_overlap"
    elif (
        p >= model.threshold
        and not facts.distinct
        and sim >= learned_min_similarity
        # Between articles (learned_min_similarity set), a claim that only leaves words out
        # of the other, or only adds some, is a shorter or fuller report of it, not a
        # rewrite. In ANS such headline pairs are corruptions, so ANS scoring keeps them.
        and (learned_min_similarity <= 0 or (removed and added))
    ):
        kind, score, reason = "contradiction", p, "learned"
    else:
        # Where the model leaned to contradiction but was not trusted (article mode), its
        # probability says little about agreement: the overlap of the two claims does.
        kind, score = "agreement", (1.0 - p if p < model.threshold else sim)
        reason = "same_facts" if facts.matched else "paraphrase"

    disputed = False
    explanation = _describe(reason, differing)
    if kind == "agreement" and facts.distinct:
        d = facts.distinct[0]
        explanation = (
            f"Different quantities, not a contradiction ({d['kind']}: {d['a']} / {d['b']})."
        )
        score = max(score, DISTINCT_QUANTITIES_SCORE)
    if (
        kind == "contradiction"
        and a.attribution
        and b.attribution
        and a.attribution != b.attribution
    ):
        disputed = True
        explanation = _disputed_text(a, b, reason)
        kind = "unrelated"
        details_reason = "disputed_by_sources"
    else:
        details_reason = reason

    details: dict[str, Any] = {
        "reason": details_reason,
        "matched": facts.matched,
        "differing": differing,
        "disputed_by_sources": disputed,
        "similarity": round(sim, 4),
        "distinct_quantities": facts.distinct,
        "model_probability": round(p, 4),
        "engine": ENGINE_VERSION,
    }
    if disputed:
        details["rule"] = reason
        details["attribution"] = {"a": a.attribution, "b": b.attribution}
    return Relation(
        kind=kind,
        score=round(min(1.0, max(0.0, score)), 4),
        explanation=explanation,
        details=details,
    )


# --- raw sentences --------------------------------------------------------------------------

FactExtractor = Callable[..., tuple[Fact, ...]]


@cache
def _facts_module() -> tuple[FactExtractor | None, Callable[[str], str] | None]:
    """extract_facts and attribution_of from facts.py, or None while it is missing."""
    try:
        from newsdiff.pipeline import facts as facts_module
    except ImportError:
        return None, None
    return getattr(facts_module, "extract_facts", None), getattr(
        facts_module, "attribution_of", None
    )


def _fallback_facts(normalized: str) -> tuple[Fact, ...]:
    """Bare numbers, when facts.py is not there: enough for the rules to see a change."""
    return tuple(
        Fact(kind="number", value=t.replace(",", ""), text=t)
        for t in tokens(normalized)
        if NUMBER_RE.match(t)
    )


def claim_from_text(
    text: str, *, published: dt.date | None = None, position: int = 0
) -> ClaimDraft:
    """A ClaimDraft for one raw sentence, with its facts and attribution."""
    normalized = normalize_text(text)
    extract, attribution_of = _facts_module()
    facts = extract(text, published=published) if extract else _fallback_facts(normalized)
    attribution = attribution_of(text) if attribution_of else ""
    return ClaimDraft(
        position=position,
        text=text,
        normalized=normalized,
        start=0,
        end=len(text),
        facts=tuple(facts),
        attribution=attribution,
    )


def relate_texts(s1: str, s2: str, *, published: dt.date | None = None) -> Relation:
    """Relate two raw sentences (both published on the same day, if given)."""
    return relate_claims(
        claim_from_text(s1, published=published),
        claim_from_text(s2, published=published, position=1),
        published_a=published,
        published_b=published,
    )


# --- scoring against gold labels -------------------------------------------------------------

STANCE_TO_RELATION = {"agree": "agreement", "disagree": "contradiction", "other": "unrelated"}
RELATIONS: tuple[RelationKind, ...] = ("agreement", "contradiction", "unrelated")


def relation_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over agreement/contradiction and over all three, and the
    confusion matrix (rows gold, columns predicted). Gold may use ANS stance labels."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    gold_relations = [STANCE_TO_RELATION.get(g.strip().lower(), g.strip().lower()) for g in gold]
    confusion: dict[str, dict[str, int]] = {g: {p: 0 for p in RELATIONS} for g in RELATIONS}
    for g, p in zip(gold_relations, predicted, strict=True):
        if g in confusion and p in confusion[g]:
            confusion[g][p] += 1

    def f1(label: str) -> float:
        tp = confusion[label][label]
        fp = sum(confusion[g][label] for g in RELATIONS if g != label)
        fn = sum(confusion[label][p] for p in RELATIONS if p != label)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    total = sum(sum(row.values()) for row in confusion.values())
    correct = sum(confusion[r][r] for r in RELATIONS)
    per_class = {r: f1(r) for r in RELATIONS}
    return {
        "n": total,
        "accuracy": correct / total if total else 0.0,
        "macro_f1_agree_disagree": (per_class["agreement"] + per_class["contradiction"]) / 2,
        "macro_f1_all": sum(per_class.values()) / 3,
        "f1": per_class,
        "confusion": confusion,
    }


def format_scores(scores: dict[str, Any]) -> str:
    """The scores as a few plain lines for a terminal."""
    lines = [
        f"pairs: {scores['n']}",
        f"accuracy: {scores['accuracy']:.4f}",
        f"macro-F1 (agreement/contradiction): {scores['macro_f1_agree_disagree']:.4f}",
        f"macro-F1 (all three): {scores['macro_f1_all']:.4f}",
        "confusion (rows gold, columns predicted):",
        "gold \\ predicted".ljust(18) + "".join(r.rjust(15) for r in RELATIONS),
    ]
    for g in RELATIONS:
        lines.append(
            g.ljust(18) + "".join(str(scores["confusion"][g][p]).rjust(15) for p in RELATIONS)
        )
    return "\n".join(lines)
