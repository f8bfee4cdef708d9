"""Relate the sentence pairs of a CSV file and, given gold stances, score the result.

    python manage.py relate --input PAIRS.csv --output OUT.csv

Input: UTF-8 CSV (with or without BOM) with columns s1 and s2; other columns are ignored,
except an optional ``stance`` (agree/disagree/other, as in the ANS corpus) that turns on
the scores. Output: s1, s2, relation, reason, score, explanation: the relation's kind, its
reason code, and its explanation in English. Disputes and updates are scored as
contradictions (pipeline.relate.metrics.SCORED_AS).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from newsdiff.explanations import link_sentence
from newsdiff.pipeline.relate import format_scores, relate_texts, relation_scores

REQUIRED_COLUMNS = ("s1", "s2")
OUTPUT_COLUMNS = ("s1", "s2", "relation", "reason", "score", "explanation")


class Command(BaseCommand):
    help = (
        "Relate sentence pairs (columns s1, s2) from a CSV; "
        "score them against a stance column if present."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input", required=True, type=Path, help="CSV with columns s1, s2 [, stance]"
        )
        parser.add_argument(
            "--output", required=True, type=Path, help="where to write the related pairs"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["input"])
        target = Path(options["output"])
        if not source.is_file():
            raise CommandError(f"Input file not found: {source}")
        try:
            with source.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                columns = [c.strip() for c in reader.fieldnames or []]
                missing = [c for c in REQUIRED_COLUMNS if c not in columns]
                if missing:
                    raise CommandError(
                        f"{source} lacks column(s) {', '.join(missing)}; "
                        f"found: {', '.join(columns) or 'none'}"
                    )
                rows = [{(k or "").strip(): (v or "") for k, v in row.items()} for row in reader]
        except UnicodeDecodeError as exc:
            raise CommandError(f"{source} is not UTF-8: {exc}") from exc

        predicted = []
        with target.open("w", encoding="utf-8", newline="") as f, translation.override("en"):
            writer = csv.writer(f)
            writer.writerow(OUTPUT_COLUMNS)
            for row in rows:
                relation = relate_texts(row["s1"], row["s2"])
                predicted.append(relation.kind)
                writer.writerow(
                    [
                        row["s1"],
                        row["s2"],
                        relation.kind,
                        relation.reason.value,
                        f"{relation.score:.4f}",
                        link_sentence(relation.kind, relation.details),
                    ]
                )
        self.stdout.write(f"Related {len(rows)} pairs into {target}")

        if "stance" in columns:
            scores = relation_scores([row["stance"] for row in rows], predicted)
            self.stdout.write(format_scores(scores))
