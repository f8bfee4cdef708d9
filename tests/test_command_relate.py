"""The relate management command: CSV in, CSV out, scores when gold stances are given."""

from __future__ import annotations

import csv
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from newsdiff.explanations import link_sentence
from newsdiff.pipeline.relate import relate_texts

ROWS = [
    (
        "وافق البرلمان على قانون الموازنة الجديد",
        "لم يوافق البرلمان على قانون الموازنة الجديد",
        "disagree",
    ),
    (
        "أعلنت وزارة الصحة تسجيل إصابات جديدة بالفيروس في العاصمة",
        "سجلت العاصمة حالات عدوى جديدة بالفيروس بحسب وزارة الصحة",
        "agree",
    ),
    ("أعلن البنك المركزي رفع سعر الفائدة", "افتتاح معرض الكتاب الدولي في الرياض", "other"),
    (
        "قال الكرملين إن بوتين لم يلتق المبعوث الأمريكي",
        "قالت صحيفة نيويورك تايمز إن بوتين التقى المبعوث الأمريكي",
        "disagree",
    ),
]
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _write(
    path: Path, header: list[str], rows: list[tuple[str, ...]], *, bom: bool = False
) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_writes_relations_and_prints_scores(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "pairs.csv",
        ["id", "s1", "s2", "stance"],
        [(str(i), *r) for i, r in enumerate(ROWS)],
        bom=True,
    )
    target = tmp_path / "out.csv"
    out = StringIO()
    # The explanations are English whatever the active language.
    with translation.override("ar"):
        call_command("relate", input=str(source), output=str(target), stdout=out)
    with target.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["s1", "s2", "relation", "reason", "score", "explanation"]
    assert [(r["relation"], r["reason"]) for r in rows] == [
        ("contradiction", "negation"),
        ("agreement", "paraphrase"),
        ("unrelated", "low_overlap"),
        ("disputed", "negation"),
    ]
    with translation.override("en"):
        for row in rows:
            relation = relate_texts(row["s1"], row["s2"])
            assert row["explanation"] == link_sentence(relation.kind, relation.details)
    assert rows[0]["explanation"] and not ARABIC_LETTER.search(rows[0]["explanation"])
    # A dispute is a disagreement between the claims: scored as a contradiction.
    printed = out.getvalue()
    assert "accuracy: 1.0000" in printed
    assert "macro-F1 (agreement/contradiction): 1.0000" in printed
    assert "confusion" in printed


def test_without_stance_prints_no_scores(tmp_path: Path) -> None:
    source = _write(tmp_path / "pairs.csv", ["s1", "s2"], [r[:2] for r in ROWS])
    out = StringIO()
    call_command("relate", input=str(source), output=str(tmp_path / "out.csv"), stdout=out)
    assert "accuracy" not in out.getvalue()


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not found"):
        call_command("relate", input=str(tmp_path / "nope.csv"), output=str(tmp_path / "out.csv"))


def test_missing_columns(tmp_path: Path) -> None:
    source = _write(tmp_path / "pairs.csv", ["first", "second"], [("a", "b")])
    with pytest.raises(CommandError, match="s1, s2"):
        call_command("relate", input=str(source), output=str(tmp_path / "out.csv"))
