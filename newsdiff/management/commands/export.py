"""manage.py export : the comparison tables of one story or of all, as JSON or CSV."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.exports import stories_csv_lines, stories_json_chunks
from newsdiff.selectors.exports import export_stories_list


class Command(BaseCommand):
    help = "Export stories with their articles, claims and links as JSON or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--story", default="", help="slug of one story (default: all)")
        parser.add_argument("--format", choices=["json", "csv"], required=True)
        parser.add_argument("--output", default="", help="file to write (default: stdout)")

    def handle(self, *args: Any, **options: Any) -> None:
        slugs = [options["story"]] if options["story"] else []
        stories = export_stories_list(slugs=slugs)
        if slugs and not stories.exists():
            raise CommandError(f"No story with slug {options['story']!r}")
        if options["format"] == "json":
            chunks = stories_json_chunks(stories)
        else:
            # No BOM on a terminal; files get one so spreadsheets read the Arabic right.
            chunks = stories_csv_lines(stories, bom=bool(options["output"]))
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as out:
                out.writelines(chunks)
            self.stderr.write(f"wrote {options['output']}")
        else:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
