"""Comparison tables out: stories -> JSON documents, CSV rows and XLSX workbooks.

The JSON shape is the contract researchers script against:
{"stories": [{"slug", "title", "articles": [...], "claims": [...], "links": [...]}]}.
The CSV and the XLSX sheet have one row per link and one per claim no other outlet reports.
Every format is produced in constant memory: rows are read from the database in chunks and
written out as they come (the XLSX to a temporary file, spilled to disk when large).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from newsdiff import selectors
from newsdiff.models import Article, Claim, ClaimLink, Language, LinkReview, Story

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
    # An editor's newest decision on the link (confirmed / dismissed, "" when none) and note.
    "human_label",
    "human_note",
]
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Rows fetched per database round trip while streaming.
CHUNK_SIZE = 2000
# XLSX column widths in characters, by CSV column; the claim texts get the room.
XLSX_COLUMN_WIDTHS = {
    "story": 24,
    "row_type": 9,
    "relation": 13,
    "similarity": 10,
    "score": 8,
    "explanation": 40,
    "outlet_a": 20,
    "article_a_id": 11,
    "claim_a_id": 10,
    "claim_a_text": 70,
    "outlet_b": 20,
    "article_b_id": 11,
    "claim_b_id": 10,
    "claim_b_text": 70,
    "human_label": 12,
    "human_note": 40,
}
# An XLSX export stays in memory up to this size, then spills to a temporary file.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024
# Excel refuses these characters in sheet names, and names longer than 31 characters.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
SHEET_NAME_MAX = 31
# The link fields the JSON export reads.
JSON_LINK_FIELDS = (
    "claim_a",
    "claim_b",
    "relation",
    "similarity",
    "score",
    "explanation",
    "details",
    "engine_version",
    "review",
)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.pk,
        "outlet": a.outlet.name,
        "title": a.title,
        "url": a.url,
        "published_at": _iso(a.published_at),
        "language": a.language,
        "copy_of": a.copy_of_id,
    }


def _claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.pk,
        "article_id": c.article_id,
        "position": c.position,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "facts": c.facts,
        "attribution": c.attribution,
    }


def _link_dict(link: ClaimLink) -> dict[str, Any]:
    return {
        "claim_a": link.claim_a_id,
        "claim_b": link.claim_b_id,
        "relation": link.relation,
        "similarity": link.similarity,
        "score": link.score,
        "explanation": link.explanation,
        "details": link.details,
        "engine_version": link.engine_version,
        "human_label": link.review,
        # Annotated by _story_parts (the newest review's note).
        "human_note": getattr(link, "review_note", None) or "",
    }


def _story_parts(story: Story) -> tuple[QuerySet[Article], QuerySet[Claim], QuerySet[ClaimLink]]:
    articles = Article.objects.filter(story=story).select_related("outlet").order_by("id")
    # The texts are not exported: deferring them keeps memory down on large stories.
    articles = articles.defer("raw_text", "clean_text", "outlet__aliases")
    claims = (
        Claim.objects.filter(article__story=story)
        .defer("normalized")
        .order_by("article_id", "position")
    )
    links = (
        ClaimLink.objects.filter(story=story)
        .only(*JSON_LINK_FIELDS)
        .annotate(review_note=_review_note())
        .order_by("claim_a_id", "claim_b_id")
    )
    return articles, claims, links


def _review_note() -> Subquery:
    """The note of the newest editor review of a link's claim pair (the audit trail's head)."""
    return Subquery(
        LinkReview.objects.filter(claim_a=OuterRef("claim_a"), claim_b=OuterRef("claim_b"))
        .order_by("-created_at", "-id")
        .values("note")[:1]
    )


def story_export_data(story: Story) -> dict[str, Any]:
    """One story as a JSON-ready dict (four queries, whatever the story's size)."""
    articles, claims, links = _story_parts(story)
    return {
        "slug": story.slug,
        "title": story.title,
        "articles": [_article_dict(a) for a in articles],
        "claims": [_claim_dict(c) for c in claims],
        "links": [_link_dict(link) for link in links],
    }


def _json_array_chunks(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The items of a JSON array, a few thousand per chunk, separated as json.dumps does."""
    batch: list[str] = []
    first = True
    for item in items:
        batch.append(json.dumps(item, ensure_ascii=False))
        if len(batch) >= CHUNK_SIZE:
            yield ("" if first else ", ") + ", ".join(batch)
            batch, first = [], False
    if batch:
        yield ("" if first else ", ") + ", ".join(batch)


def story_json_chunks(story: Story) -> Iterator[str]:
    """json.dumps(story_export_data(story)) in pieces, never holding the whole story.

    The text is the same as json.dumps would write (tests/test_exports.py checks it); claims
    and links are read from the database CHUNK_SIZE at a time.
    """
    articles, claims, links = _story_parts(story)
    yield (
        f'{{"slug": {json.dumps(story.slug, ensure_ascii=False)}, '
        f'"title": {json.dumps(story.title, ensure_ascii=False)}, "articles": ['
    )
    yield from _json_array_chunks(_article_dict(a) for a in articles)
    yield '], "claims": ['
    yield from _json_array_chunks(_claim_dict(c) for c in claims.iterator(chunk_size=CHUNK_SIZE))
    yield '], "links": ['
    yield from _json_array_chunks(
        _link_dict(link) for link in links.iterator(chunk_size=CHUNK_SIZE)
    )
    yield "]}"


def stories_json_chunks(stories: QuerySet[Story]) -> Iterator[str]:
    """The export document as text chunks, a few thousand claims or links at a time."""
    yield '{"stories": ['
    for index, story in enumerate(stories.iterator()):
        if index:
            yield ","
        yield from story_json_chunks(story)
    yield "]}\n"


def neutralise_formula(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def story_csv_rows(story: Story) -> Iterator[list[Any]]:
    """CSV rows of one story: its links, then the claims no link touches.

    Two queries, read CHUNK_SIZE rows at a time, fetching only the exported columns (not
    the articles' texts, which select_related would drag along on every link).
    """
    links = (
        ClaimLink.objects.filter(story=story)
        .annotate(review_note=_review_note())
        .order_by("claim_a_id", "claim_b_id")
        .values_list(
            "relation",
            "similarity",
            "score",
            "explanation",
            "article_a__outlet__name",
            "article_a_id",
            "claim_a_id",
            "claim_a__text",
            "article_b__outlet__name",
            "article_b_id",
            "claim_b_id",
            "claim_b__text",
            "review",
            "review_note",
        )
    )
    linked: set[int] = set()
    for row in links.iterator(chunk_size=CHUNK_SIZE):
        relation, similarity, score, explanation, *claim_columns, review, note = row
        linked.update((row[6], row[10]))
        yield [
            story.slug,
            "link",
            relation,
            round(similarity, 4),
            round(score, 4),
            explanation,
            *claim_columns,
            review,
            note or "",
        ]
    claims = (
        Claim.objects.filter(article__story=story)
        .order_by("article_id", "position")
        .values_list("article__outlet__name", "article_id", "id", "text")
    )
    for outlet, article_id, claim_id, text in claims.iterator(chunk_size=CHUNK_SIZE):
        if claim_id in linked:
            continue
        yield [
            story.slug,
            "unique",
            "only_here",
            "",
            "",
            "Only this outlet reports this claim.",
            outlet,
            article_id,
            claim_id,
            text,
            "",
            "",
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


# --- Which stories a bulk export holds -------------------------------------------------


def export_stories_filter(
    *,
    query: str = "",
    slugs: Sequence[str] = (),
    outlet_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[Story]:
    """Stories for a bulk export, oldest first; every filter is optional.

    query searches like the story list (Arabic spelling variants alike); the date range
    keeps stories with an article published in it; outlet_id those the outlet covered.
    """
    stories = Story.objects.order_by("id")
    if slugs:
        stories = stories.filter(slug__in=list(slugs))
    search = selectors.story_search_filter(query) if query else None
    if search is not None:
        stories = stories.filter(search)
    articles = Article.objects.filter(story=OuterRef("pk"))
    if outlet_id is not None:
        stories = stories.filter(Exists(articles.filter(outlet_id=outlet_id)))
    if date_from or date_to:
        published = articles
        if date_from:
            published = published.filter(published_at__date__gte=date_from)
        if date_to:
            published = published.filter(published_at__date__lte=date_to)
        stories = stories.filter(Exists(published))
    return stories


def stories_language(stories: QuerySet[Story]) -> str:
    """The language most of these stories' articles are written in (one query)."""
    counts = (
        Article.objects.filter(story__in=stories.order_by().values("pk"))
        .order_by()
        .values("language")
        .annotate(n=Count("pk"))
        .order_by("-n", "language")
    )
    top = counts.first()
    return top["language"] if top else Language.ENGLISH


# --- XLSX --------------------------------------------------------------------------


def sheet_name(text: str) -> str:
    return _SHEET_NAME_FORBIDDEN.sub("-", text)[:SHEET_NAME_MAX].strip("'") or "comparison"


def _xlsx_value(ws: WriteOnlyWorksheet, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith("=") or value.startswith("#"):
        # openpyxl would store "=..." as a formula and "#N/A" as an error; a text cell
        # shows the claim exactly as written and is never evaluated.
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value


def xlsx_write(
    out: IO[bytes], rows: Iterable[list[Any]], *, title: str, right_to_left: bool
) -> None:
    """Write one sheet of export rows to out, in constant memory (openpyxl write-only).

    Everything about the sheet's layout must be set before the first row: in write-only
    mode openpyxl writes the sheet's view and columns ahead of the rows.
    """
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(title=sheet_name(title))
    ws.sheet_view.rightToLeft = right_to_left
    ws.freeze_panes = "A2"
    for index, column in enumerate(CSV_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = XLSX_COLUMN_WIDTHS[column]
    bold = Font(bold=True)
    header = []
    for column in CSV_COLUMNS:
        cell = WriteOnlyCell(ws, value=column)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in rows:
        ws.append([_xlsx_value(ws, value) for value in row])
    workbook.save(out)


def xlsx_file(rows: Iterable[list[Any]], *, title: str, right_to_left: bool) -> IO[bytes]:
    """The workbook in a temporary file, rewound and ready to stream; the caller closes it."""
    out = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)
    try:
        xlsx_write(out, rows, title=title, right_to_left=right_to_left)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def story_xlsx_file(story: Story) -> IO[bytes]:
    stories = Story.objects.filter(pk=story.pk)
    return xlsx_file(
        story_csv_rows(story),
        title=story.slug,
        right_to_left=stories_language(stories) == Language.ARABIC,
    )


def stories_xlsx_file(stories: QuerySet[Story]) -> IO[bytes]:
    """All the stories on one sheet (like the CSV): researchers filter one table."""

    def rows() -> Iterator[list[Any]]:
        for story in stories.iterator():
            yield from story_csv_rows(story)

    return xlsx_file(
        rows(), title="comparison", right_to_left=stories_language(stories) == Language.ARABIC
    )
