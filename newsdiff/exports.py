"""Comparison tables out: stories -> JSON documents and CSV rows.

The JSON shape is the contract researchers script against:
{"stories": [{"slug", "title", "articles": [...], "claims": [...], "links": [...]}]}.
The CSV has one row per link and one per claim no other outlet reports.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from newsdiff.models import Article, Claim, ClaimLink, Story

CSV_COLUMNS = [
    "story",
    "row_type",
    "relation",
    "similarity",
    "score",
    "explanation",
    "outlet_a",
    "article_a_id",
    "claim_a_id",
    "claim_a_text",
    "outlet_b",
    "article_b_id",
    "claim_b_id",
    "claim_b_text",
]
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Rows fetched per database round trip while streaming.
CHUNK_SIZE = 2000


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def story_export_data(story: Story) -> dict[str, Any]:
    """One story as a JSON-ready dict (four queries, whatever the story's size)."""
    articles = list(Article.objects.filter(story=story).select_related("outlet").order_by("id"))
    claims = Claim.objects.filter(article__story=story).order_by("article_id", "position")
    links = ClaimLink.objects.filter(story=story).order_by("claim_a_id", "claim_b_id")
    return {
        "slug": story.slug,
        "title": story.title,
        "articles": [
            {
                "id": a.pk,
                "outlet": a.outlet.name,
                "title": a.title,
                "url": a.url,
                "published_at": _iso(a.published_at),
                "language": a.language,
                "copy_of": a.copy_of_id,
            }
            for a in articles
        ],
        "claims": [
            {
                "id": c.pk,
                "article_id": c.article_id,
                "position": c.position,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "facts": c.facts,
                "attribution": c.attribution,
            }
            for c in claims
        ],
        "links": [
            {
                "claim_a": link.claim_a_id,
                "claim_b": link.claim_b_id,
                "relation": link.relation,
                "similarity": link.similarity,
                "score": link.score,
                "explanation": link.explanation,
                "details": link.details,
                "engine_version": link.engine_version,
            }
            for link in links
        ],
    }


def stories_json_chunks(stories: QuerySet[Story]) -> Iterator[str]:
    """The export document as text chunks, one story at a time (constant memory per story)."""
    yield '{"stories": ['
    for index, story in enumerate(stories.iterator()):
        yield ("," if index else "") + json.dumps(story_export_data(story), ensure_ascii=False)
    yield "]}\n"


def neutralise_formula(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def story_csv_rows(story: Story) -> Iterator[list[Any]]:
    """CSV rows of one story: its links, then the claims no link touches."""
    links = (
        ClaimLink.objects.filter(story=story)
        .select_related("claim_a", "claim_b", "article_a__outlet", "article_b__outlet")
        .order_by("claim_a_id", "claim_b_id")
    )
    linked: set[int] = set()
    for link in links.iterator(chunk_size=CHUNK_SIZE):
        linked.update((link.claim_a_id, link.claim_b_id))
        yield [
            story.slug,
            "link",
            link.relation,
            round(link.similarity, 4),
            round(link.score, 4),
            link.explanation,
            link.article_a.outlet.name,
            link.article_a_id,
            link.claim_a_id,
            link.claim_a.text,
            link.article_b.outlet.name,
            link.article_b_id,
            link.claim_b_id,
            link.claim_b.text,
        ]
    claims = (
        Claim.objects.filter(article__story=story)
        .select_related("article__outlet")
        .order_by("article_id", "position")
    )
    for claim in claims.iterator(chunk_size=CHUNK_SIZE):
        if claim.pk in linked:
            continue
        yield [
            story.slug,
            "unique",
            "only_here",
            "",
            "",
            "Only this outlet reports this claim.",
            claim.article.outlet.name,
            claim.article_id,
            claim.pk,
            claim.text,
            "",
            "",
            "",
            "",
        ]


def csv_lines(rows: Iterable[list[Any]], *, bom: bool = True) -> Iterator[str]:
    """CSV text line by line, with a BOM so spreadsheet programs read UTF-8 Arabic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if bom:
        buffer.write("\ufeff")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([neutralise_formula(v) for v in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def stories_csv_lines(stories: QuerySet[Story], *, bom: bool = True) -> Iterator[str]:
    def rows() -> Iterator[list[Any]]:
        for story in stories.iterator():
            yield from story_csv_rows(story)

    return csv_lines(rows(), bom=bom)
