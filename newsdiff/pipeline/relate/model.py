"""The learned model: where the fact rules run out, how likely two claims contradict.

A logistic regression over the pair's *differences* (stems, replaced word pairs, negations
added or removed, direction words, alignment shape, overlap ratios), fitted on the ANS stance
corpus by ``bench/calibrate_relate.py`` and shipped as plain JSON (``relate_model.json``, next
to this module). Inference is a dot product in pure Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from newsdiff.pipeline import lang
from newsdiff.pipeline.normalize import country_of
from newsdiff.pipeline.relate.words import OPPOSITE, ClaimView, containment, diff, directions, view

MODEL_PATH = Path(__file__).with_name("relate_model.json")

# Default decision threshold on the model's contradiction probability and the default
# low-overlap cut; the values actually used are read from relate_model.json, where
# bench/calibrate_relate.py stores the ones it selected by 5-fold cross-validation on ANS
# train (2026-11-30, with country_swap: C 1.0, threshold 0.56, cut 0.2 from pooled
# out-of-fold probabilities over three fold seeds; train CV macro-F1 agree/disagree 0.818
# in random folds, 0.800 in folds by sentence; dev 0.823, only reported, never searched).
# "calibration" in the JSON has the rest. relate-2 to relate-7 kept relate-2's weights.
DEFAULT_THRESHOLD = 0.5
DEFAULT_UNRELATED_SIMILARITY = 0.2
# The replaced-word cross features are only built for small substitutions; larger rewrites
# are paraphrases or other stories and the cross product is noise (ANS train).
MAX_CROSS_PAIRS = 9
# Counts of added or removed stems are capped here (ANS headlines rarely differ by more).
MAX_COUNTED_CHANGES = 6

# Opposite roots for the ``hand_antonym`` feature (not for the rules): a removed word holding
# one and an added word holding the other. Written by hand (pipeline/lang/); the model learns
# how far to trust them.
ANTONYM_ROOTS: tuple[tuple[str, str], ...] = tuple(
    (str(x), str(y)) for x, y in lang.merged_dict("ANTONYM_ROOTS").items()
)

Features = dict[str, float]


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


def _word_features(
    f: Features,
    a: ClaimView,
    b: ClaimView,
    removed: Sequence[str],
    added: Sequence[str],
    lexicons: tuple[frozenset[str], frozenset[str]],
) -> None:
    """The words that changed: added and removed stems, their swaps, known antonyms."""
    antonyms, synonyms = lexicons
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


def _country_features(f: Features, a: ClaimView, b: ClaimView) -> None:
    """Another country in place of one: each claim names a country the other does not. The
    word features only know the countries of the training pairs; this one knows them all
    (5-fold CV on ANS train: +1.3 points of macro-F1 agree/disagree with folds by sentence,
    +0.8 with random folds)."""
    countries_a = {country_of(t) for t in a.tokens} - {""}
    countries_b = {country_of(t) for t in b.tokens} - {""}
    if countries_a - countries_b and countries_b - countries_a:
        f["country_swap"] = 1.0


def _negation_and_number_features(f: Features, a: ClaimView, b: ClaimView) -> None:
    # Negation added or removed (parity: a double negation cancels).
    if a.negations % 2 != b.negations % 2:
        f["neg_flip"] = 1.0
        f["neg_added" if b.negations > a.negations else "neg_removed"] = 1.0
    if a.numbers and b.numbers:
        f["num_same" if a.numbers & b.numbers else "num_diff"] = 1.0
    elif a.numbers or b.numbers:
        f["num_one_side"] = 1.0


def _direction_features(f: Features, a: ClaimView, b: ClaimView) -> None:
    """Direction words: opposite on a shared target, the same, or only on one side."""
    da, db = directions(a), directions(b)
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


def _shape_features(f: Features, a: ClaimView, b: ClaimView) -> None:
    """Shape of the alignment of the two stem sequences."""
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


def _overlap_features(
    f: Features, a: ClaimView, b: ClaimView, removed: Sequence[str], added: Sequence[str]
) -> None:
    union = len(set(a.stems) | set(b.stems)) or 1
    f["containment"] = containment(a, b, removed, added)
    f["jaccard"] = (union - len(removed) - len(added)) / union
    f["token_set"] = fuzz.token_set_ratio(a.normalized, b.normalized) / 100
    f["ratio"] = fuzz.ratio(a.normalized, b.normalized) / 100
    f["n_added"] = min(len(added), MAX_COUNTED_CHANGES) / MAX_COUNTED_CHANGES
    f["n_removed"] = min(len(removed), MAX_COUNTED_CHANGES) / MAX_COUNTED_CHANGES


def pair_features(
    a_normalized: str,
    b_normalized: str,
    *,
    antonyms: frozenset[str] = frozenset(),
    synonyms: frozenset[str] = frozenset(),
) -> Features:
    """Features of how claim b differs from claim a (both normalised).

    antonyms/synonyms are "stem|stem" keys (sorted) of word swaps learned from the
    training diffs; the calibration script passes out-of-fold lexicons while fitting.
    """
    a, b = view(a_normalized), view(b_normalized)
    removed, added = diff(a, b)
    f: Features = {"bias": 1.0}
    _word_features(f, a, b, removed, added, (antonyms, synonyms))
    _negation_and_number_features(f, a, b)
    _country_features(f, a, b)
    _direction_features(f, a, b)
    _shape_features(f, a, b)
    _overlap_features(f, a, b, removed, added)
    return f


def swap_keys(a_normalized: str, b_normalized: str) -> list[str]:
    """Sorted "stem|stem" keys of the small word swaps between two normalised claims: what
    the lexicons of relate_model.json are made of (bench/calibrate_relate.py)."""
    removed, added = diff(view(a_normalized), view(b_normalized))
    if not removed or not added or len(removed) * len(added) > MAX_CROSS_PAIRS:
        return []
    return ["|".join(sorted((r, s))) for r in removed for s in added]


@dataclass(frozen=True, slots=True)
class Model:
    """The shipped model: feature weights, decision thresholds and word-swap lexicons."""

    weights: dict[str, float]
    threshold: float
    unrelated_similarity: float
    antonyms: frozenset[str]
    synonyms: frozenset[str]
    symmetric: bool

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            weights={str(k): float(v) for k, v in data.get("weights", {}).items()},
            threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
            unrelated_similarity=float(
                data.get("unrelated_similarity", DEFAULT_UNRELATED_SIMILARITY)
            ),
            antonyms=frozenset(data.get("antonyms", ())),
            synonyms=frozenset(data.get("synonyms", ())),
            symmetric=bool(data.get("symmetric", False)),
        )


@cache
def load_model() -> Model:
    """The shipped model (read once; ``load_model.cache_clear()`` after rewriting the file)."""
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError:
        # No shipped model (e.g. while calibrating): rules and overlap only.
        data = {}
    return Model.from_json(data)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def contradiction_probability(
    a_normalized: str, b_normalized: str, *, either_order: bool = False
) -> float:
    """The learned model's probability that claim b contradicts claim a. either_order: the
    two claims come in no order (two articles'), so the lower of the two readings counts; a
    symmetric model reads both ways already."""
    model = load_model()
    if not model.weights:
        return 0.0

    def one_way(x: str, y: str) -> float:
        feats = pair_features(x, y, antonyms=model.antonyms, synonyms=model.synonyms)
        w = model.weights
        return _sigmoid(sum(w.get(k, 0.0) * v for k, v in feats.items()))

    p = one_way(a_normalized, b_normalized)
    if model.symmetric:
        return (p + one_way(b_normalized, a_normalized)) / 2
    if either_order:
        return min(p, one_way(b_normalized, a_normalized))
    return p
