"""manage.py ingest PATH... [--manifest FILE]: read article files and ingest them.

Files are read by newsdiff.readers, as uploads are (encodings, HTML extraction, JSON, JSONL,
CSV and zip archives, the same limits), and each document is ingested by
services.article_ingest. One line per document says what became of it; a document that is
refused does not stop the others, and the command fails at the end if any was refused.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DataError

from newsdiff import readers, services
from newsdiff.services import article_ingest

INGESTED, DUPLICATE, REFUSED = "ingested", "duplicate", "refused"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Ingest article files (.txt, .html, .json, .jsonl, .csv, .zip): clean, split into "
        "claims, align with the story's articles."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="article files")
        parser.add_argument(
            "--manifest",
            type=Path,
            help="a CSV, JSONL or JSON file listing path (relative to it), outlet, url, "
            "published and story for each file",
        )
        parser.add_argument(
            "--outlet", default="", help="outlet of every file (default: read from each)"
        )
        parser.add_argument("--story", default="", help="story slug (default: best match or new)")
        parser.add_argument("--published", default="", help="publication date YYYY-MM-DD")
        parser.add_argument("--url", default="", help="the article's URL")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["paths"] and not options["manifest"]:
            raise CommandError("Give article files, or --manifest FILE.")
        published = _date(options["published"]) if options["published"] else None
        outcomes: Counter[str] = Counter()
        added: Counter[int] = Counter()
        for document in self._documents(options):
            outcome, story_id = self._ingest(document, options, published)
            outcomes[outcome] += 1
            if outcome == INGESTED and story_id is not None:
                added[story_id] += 1
        # The stories this call added several articles to are realigned whole once.
        services.stories_settle(added=added)
        total = sum(outcomes.values())
        self.stdout.write(
            f"{outcomes[INGESTED]} ingested, {outcomes[DUPLICATE]} duplicates, "
            f"{outcomes[REFUSED]} refused"
        )
        if outcomes[REFUSED]:
            raise CommandError(f"{outcomes[REFUSED]} of {total} documents were not ingested")

    def _documents(self, options: dict[str, Any]) -> Iterator[readers.Document]:
        """Every document of the files and the manifest, read one file at a time."""
        limits = readers.ReadLimits.from_settings(settings)
        for path in options["paths"]:
            yield from readers.read_path(path, limits=limits)
        if options["manifest"]:
            yield from readers.read_manifest(options["manifest"], limits=limits)

    def _ingest(
        self, document: readers.Document, options: dict[str, Any], published: dt.date | None
    ) -> tuple[str, int | None]:
        """Ingest one document and say what became of it (and the story it joined); never
        raises for its sake."""
        if document.error:
            return self._refused(document, document.error)
        try:
            result = article_ingest(
                raw_text=document.text,
                # The options apply to every file and win, as the upload form's do.
                outlet_name=options["outlet"] or document.outlet,
                story_slug=options["story"] or document.story,
                published=published or document.published,
                url=options["url"] or document.url,
                title=document.title,
                source=document.source,
            )
        except ValidationError as exc:
            return self._refused(document, " ".join(exc.messages))
        except DataError as exc:
            # A value the database cannot store; the article's transaction rolled back whole.
            return self._refused(document, f"the database refused it ({exc})".strip())
        except Exception as exc:
            # A fault of the engine, not of this document: reported, and the run goes on.
            # --traceback shows where it came from.
            if options.get("traceback"):
                raise
            return self._refused(document, f"failed: {type(exc).__name__}: {exc}")
        article = result.article
        verb = "ingested" if result.created else "duplicate of article"
        warnings = "".join(f"; warning: {warning}" for warning in document.warnings)
        self.stdout.write(
            f"{document.source}: {verb} {article.pk} ({article.outlet}, story "
            f"{article.story.slug}, {article.claims.count()} claims){warnings}"
        )
        return (INGESTED if result.created else DUPLICATE), article.story_id

    def _refused(self, document: readers.Document, reason: str) -> tuple[str, None]:
        self.stderr.write(f"{document.source}: refused: {reason}")
        return REFUSED, None
