"""Scores of the relate stage against gold-labelled pairs (the ANS stance corpus and alike).

Gold labels are agreement / contradiction / unrelated, or ANS's agree / disagree / other.
The relate stage says more than that: a dispute (the claims quote different sources who
disagree) and an update (a figure that changed between two publication times) are both
claims that cannot be true together, so they are scored as contradictions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsdiff.pipeline.types import RelationKind

STANCE_TO_RELATION = {"agree": "agreement", "disagree": "contradiction", "other": "unrelated"}
# The three relations gold labels use.
RELATIONS: tuple[RelationKind, ...] = ("agreement", "contradiction", "unrelated")
# How the relate stage's other kinds count against those three labels. Measured on ANS dev
# (relate-3): with disputes as contradictions, accuracy 0.8172 and macro-F1 agree/disagree
# 0.8067; as unrelated (relate-2's scoring), 0.8146 and 0.8055. ANS pairs share one
# publication date, so no pair there is an update.
SCORED_AS: dict[str, RelationKind] = {"disputed": "contradiction", "updated": "contradiction"}


def scored_relation(kind: str) -> str:
    """The gold label a predicted kind counts as."""
    return SCORED_AS.get(kind, kind)


def relation_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over agreement/contradiction and over all three, and the
    confusion matrix (rows gold, columns predicted). Gold may use ANS stance labels;
    predicted may use every kind the relate stage returns (see SCORED_AS)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    gold_relations = [STANCE_TO_RELATION.get(g.strip().lower(), g.strip().lower()) for g in gold]
    confusion: dict[str, dict[str, int]] = {g: {p: 0 for p in RELATIONS} for g in RELATIONS}
    for g, p in zip(gold_relations, map(scored_relation, predicted), strict=True):
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
