"""manage.py realign : re-run the engine on stories (after an engine upgrade, say); with --all,
also join the stories that the same-story test now joins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsdiff.models import Story
from newsdiff.services import stories_regroup, story_realign


class Command(BaseCommand):
    help = (
        "Recompute the links of stories with the current engine (claims read by an older "
        "engine have their facts and sources read again); editors' decisions are kept. With "
        "--all, stories that the current grouping tells as one are then joined."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--story", action="append", default=[], help="slug (repeatable)")
        parser.add_argument("--all", action="store_true", help="every story")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["story"] and not options["all"]:
            raise CommandError("name stories with --story SLUG, or pass --all")
        stories = Story.objects.order_by("id")
        if options["story"]:
            stories = stories.filter(slug__in=options["story"])
            missing = set(options["story"]) - set(stories.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No story with slug {', '.join(sorted(missing))}")
        for story in stories.iterator():
            counts = story_realign(story=story).counts
            self.stdout.write(
                f"{story.slug}: {counts.agreement_count} facts reported by several outlets, "
                f"{counts.contradiction_count} contradictions between outlets, "
                f"{counts.disputed_count} disputes between sources, "
                f"{counts.updated_count} figures updated over time, "
                f"{counts.only_here_count} details only one outlet reports"
            )
        if options["all"]:
            for story, taken in stories_regroup():
                self.stdout.write(f"{story.slug}: joined {', '.join(taken)}")
