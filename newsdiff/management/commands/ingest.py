"""manage.py ingest PATH... : read article files and ingest them through the pipeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.services import article_ingest


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = "Ingest article text files: clean, split into claims, align with the story's articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="UTF-8 text files")
        parser.add_argument("--outlet", default="", help="outlet name (default: read from text)")
        parser.add_argument("--story", default="", help="story slug (default: best match or new)")
        parser.add_argument("--published", default="", help="publication date YYYY-MM-DD")
        parser.add_argument("--url", default="", help="the article's URL")

    def handle(self, *args: Any, **options: Any) -> None:
        published = _date(options["published"]) if options["published"] else None
        failures = 0
        for path in options["paths"]:
            try:
                raw = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                failures += 1
                self.stderr.write(f"{path}: cannot read it as UTF-8 text ({exc})")
                continue
            try:
                result = article_ingest(
                    raw_text=raw,
                    outlet_name=options["outlet"],
                    story_slug=options["story"],
                    published=published,
                    url=options["url"],
                )
            except ValidationError as exc:
                failures += 1
                self.stderr.write(f"{path}: rejected: {' '.join(exc.messages)}")
                continue
            article = result.article
            verb = "ingested" if result.created else "duplicate of article"
            self.stdout.write(
                f"{path}: {verb} {article.pk} ({article.outlet}, story {article.story.slug}, "
                f"{article.claims.count()} claims)"
            )
        if failures:
            raise CommandError(f"{failures} of {len(options['paths'])} files were not ingested")
