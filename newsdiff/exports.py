"""Comparison tables out: export rows -> JSON documents, CSV rows and XLSX workbooks.

This module only formats: the rows come from newsdiff/selectors/exports.py, the verdicts and
counts are those services stored (comparison.story_verdicts decides them), and the sentences
come from newsdiff/explanations.py, in English.

The JSON shape is the contract researchers script against (README, "Export formats"):
{"stories": [{"slug", "title", "counts", "articles": [...], "claims": [...], "links": [...],
"differences": [...]}]}; it carries values as the articles wrote them, canonical values and
reason codes, never an internal key or stem. The CSV and the XLSX sheet have one row per link,
followed by one per fact it differs in, and one per claim whose status is "only here". Every
format is produced in constant memory: rows are read from the database in chunks and written
out as they come (the XLSX to a temporary file, spilled to disk when large).

Researchers load these tables into pandas or R, so:

- Every row that refers to an article carries the article's URL and publication time (ISO
  8601, UTC; empty or null when unknown): both articles' on a link.
- The facts a link's claims give differently (RelationDetails.differing: a quantity, a
  date, a place, a name ...) are a tidy table of their own, one row per fact: the fact's
  kind and, for each claim, its value as written, its canonical value and its unit. A link
  can differ in several facts: numbered columns (fact_1, fact_2 ...) would make the CSV's
  width known only at the end of a streamed export, and one row per fact in place of the
  link row would break "one row per link". In JSON the table is the story's "differences"
  (keyed by the claim pair, with both articles). The CSV and the XLSX sheet, one table
  each (the download is one file), hold it as rows of their own: after each link row, one
  row per differing fact with row_type "difference", repeating the link's columns and
  filling the fact columns (empty on every other row). ``df[df.row_type == "difference"]``
  is the table of differences, ``df[df.row_type == "link"]`` the links as before.
- New columns go at the end (CSV_COLUMNS, JSON keys), so scripts written against the
  earlier columns keep working. Headers are fixed codes, never translated.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from newsdiff.comparison import STATUS_ONLY_HERE
from newsdiff.explanations import ONLY_HERE_SENTENCE, link_sentence
from newsdiff.models import Language, Story
from newsdiff.pipeline.types import FactDifference, RelationDetails
from newsdiff.selectors.exports import (
    ArticleRef,
    ArticleRow,
    ClaimRow,
    ClaimSide,
    DifferenceRow,
    LinkRow,
    LinkTableRow,
    export_article_rows,
    export_claim_rows,
    export_difference_rows,
    export_link_rows,
    export_link_table_rows,
    export_only_here_rows,
    stories_language,
)

CSV_COLUMNS = [
    "story",
    "row_type",
    "relation",
    "reason",
    "similarity",
    "score",
    "explanation",
    "outlet_a",
    "article_a_id",
    "claim_a_id",
    "claim_a_text",
    "claim_a_status",
    "outlet_b",
    "article_b_id",
    "claim_b_id",
    "claim_b_text",
    "claim_b_status",
    # An editor's newest decision on the link (confirmed / dismissed, "" when none) and note.
    "human_label",
    "human_note",
    # Added for researchers, after the columns scripts already read: both articles' URL and
    # publication time (ISO 8601) ...
    "article_a_url",
    "article_a_published_at",
    "article_b_url",
    "article_b_published_at",
    # ... and, on "difference" rows only, one fact the two claims give differently: its
    # kind, and each claim's value as written, canonical value and unit (FactValue).
    "fact",
    "value_a_written",
    "value_a",
    "unit_a",
    "value_b_written",
    "value_b",
    "unit_b",
]
# The CSV columns of a differing fact, empty on every row but a "difference" row.
FACT_COLUMNS = CSV_COLUMNS[CSV_COLUMNS.index("fact") :]
# Spreadsheet programs run a cell that starts with one of these as a formula ...
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# ... but read a plain number ("-2.5", a canonical value) as a number: left as it is, so
# that the column stays numeric for the scripts that load it.
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
# Rows fetched per database round trip while streaming, and JSON items written per chunk.
CHUNK_SIZE = 2000
# XLSX column widths in characters, by CSV column; the claim texts get the room.
XLSX_COLUMN_WIDTHS = {
    "story": 24,
    "row_type": 9,
    "relation": 13,
    "reason": 19,
    "similarity": 10,
    "score": 8,
    "explanation": 40,
    "outlet_a": 20,
    "article_a_id": 11,
    "claim_a_id": 10,
    "claim_a_text": 70,
    "claim_a_status": 13,
    "outlet_b": 20,
    "article_b_id": 11,
    "claim_b_id": 10,
    "claim_b_text": 70,
    "claim_b_status": 13,
    "human_label": 12,
    "human_note": 40,
    "article_a_url": 40,
    "article_a_published_at": 25,
    "article_b_url": 40,
    "article_b_published_at": 25,
    "fact": 10,
    "value_a_written": 24,
    "value_a": 14,
    "unit_a": 7,
    "value_b_written": 24,
    "value_b": 14,
    "unit_b": 7,
}
# An XLSX export stays in memory up to this size, then spills to a temporary file.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024
# Excel refuses these characters in sheet names, and names longer than 31 characters.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
SHEET_NAME_MAX = 31
# Distinct English sentences kept between links (a few hundred bytes each): the common
# ones (agreements without values) stay cached whatever the story's size.
SENTENCE_CACHE_SIZE = 4096


def english_sentence(relation: str, details: RelationDetails) -> str:
    """A link's sentence in English, whatever the request's language: exports are read by
    scripts and shared between newsrooms, so they say the same thing for everyone.

    Cached on what the sentence is made of (the scores and the matched facts are not, and
    would make every link's key unique): most links of a story share a handful of
    sentences, and switching the language and looking five phrases up costs ~50 µs a link,
    as much as writing the whole CSV row.
    """
    key = (
        relation,
        details.reason,
        details.differing,
        details.distinct,
        details.source_a,
        details.source_b,
        details.published_a,
        details.published_b,
    )
    sentence = _SENTENCES.get(key)
    if sentence is None:
        if len(_SENTENCES) >= SENTENCE_CACHE_SIZE:
            _SENTENCES.clear()
        with translation.override("en"):
            sentence = _SENTENCES[key] = link_sentence(relation, details)
    return sentence


_SENTENCES: dict[tuple[object, ...], str] = {}


def _only_here_sentence() -> str:
    with translation.override("en"):
        return str(ONLY_HERE_SENTENCE)


# --- JSON --------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _fact_values(difference: FactDifference) -> list[str]:
    """The FACT_COLUMNS of one differing fact."""
    a, b = difference.a, difference.b
    return [difference.kind, a.text, a.value, a.unit, b.text, b.value, b.unit]


def _article_dict(a: ArticleRow) -> dict[str, Any]:
    return {
        "id": a.id,
        "outlet": a.outlet,
        "title": a.title,
        "url": a.url,
        "published_at": _iso(a.published_at),
        "language": a.language,
        "copy_of": a.copy_of_id,
    }


def _claim_dict(c: ClaimRow) -> dict[str, Any]:
    return {
        "id": c.id,
        "article_id": c.article_id,
        "position": c.position,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "attribution": c.attribution_text,
        "facts": [fact.to_json() for fact in c.facts],
        "status": c.status,
        "agreed_outlets": c.agreed_outlets,
        "contradicted_outlets": c.contradicted_outlets,
        "disputed_outlets": c.disputed_outlets,
        "updated_outlets": c.updated_outlets,
        "article_url": c.article_url,
        "article_published_at": _iso(c.article_published_at),
    }


def _link_dict(link: LinkRow) -> dict[str, Any]:
    return {
        "claim_a": link.claim_a_id,
        "claim_b": link.claim_b_id,
        "relation": link.relation,
        "reason": link.reason,
        "explanation": english_sentence(link.relation, link.details),
        "details": link.details.to_json(),
        "similarity": link.similarity,
        "score": link.score,
        "engine_version": link.engine_version,
        "human_label": link.review,
        "human_note": link.review_note,
        **_articles_dict(link.article_a, link.article_b),
    }


def _articles_dict(a: ArticleRef, b: ArticleRef) -> dict[str, Any]:
    return {
        "outlet_a": a.outlet,
        "article_a": a.id,
        "article_a_url": a.url,
        "article_a_published_at": _iso(a.published_at),
        "outlet_b": b.outlet,
        "article_b": b.id,
        "article_b_url": b.url,
        "article_b_published_at": _iso(b.published_at),
    }


def _difference_dict(d: DifferenceRow) -> dict[str, Any]:
    """One row of a story's "differences": the CSV's fact columns, keyed by the claim pair."""
    return {
        "claim_a": d.claim_a_id,
        "claim_b": d.claim_b_id,
        "relation": d.relation,
        "reason": d.reason,
        **dict(zip(FACT_COLUMNS, _fact_values(d.difference), strict=True)),
        **_articles_dict(d.article_a, d.article_b),
    }


def _story_counts(story: Story) -> dict[str, int]:
    return asdict(story.counts)


def story_export_data(story: Story) -> dict[str, Any]:
    """One story as a JSON-ready dict (five queries, whatever the story's size)."""
    return {
        "slug": story.slug,
        "title": story.title,
        "counts": _story_counts(story),
        "articles": [_article_dict(a) for a in export_article_rows(story=story)],
        "claims": [_claim_dict(c) for c in export_claim_rows(story=story)],
        "links": [_link_dict(link) for link in export_link_rows(story=story)],
        "differences": [_difference_dict(d) for d in export_difference_rows(story=story)],
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json_array_chunks(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The items of a JSON array, a few thousand per chunk, separated as json.dumps does."""
    batch: list[str] = []
    first = True
    for item in items:
        batch.append(_dumps(item))
        if len(batch) >= CHUNK_SIZE:
            yield ("" if first else ", ") + ", ".join(batch)
            batch, first = [], False
    if batch:
        yield ("" if first else ", ") + ", ".join(batch)


def story_json_chunks(story: Story) -> Iterator[str]:
    """json.dumps(story_export_data(story)) in pieces, never holding the whole story.

    The text is the same as json.dumps would write (tests/test_exports.py checks it); claims,
    links and differences are read from the database CHUNK_SIZE at a time.
    """
    yield (
        f'{{"slug": {_dumps(story.slug)}, "title": {_dumps(story.title)}, '
        f'"counts": {_dumps(_story_counts(story))}, "articles": ['
    )
    yield from _json_array_chunks(_article_dict(a) for a in export_article_rows(story=story))
    yield '], "claims": ['
    claims = export_claim_rows(story=story, chunk_size=CHUNK_SIZE)
    yield from _json_array_chunks(_claim_dict(c) for c in claims)
    yield '], "links": ['
    links = export_link_rows(story=story, chunk_size=CHUNK_SIZE)
    yield from _json_array_chunks(_link_dict(link) for link in links)
    yield '], "differences": ['
    differences = export_difference_rows(story=story, chunk_size=CHUNK_SIZE)
    yield from _json_array_chunks(_difference_dict(d) for d in differences)
    yield "]}"


def stories_json_chunks(stories: QuerySet[Story]) -> Iterator[str]:
    """The export document as text chunks, a few thousand claims or links at a time."""
    yield '{"stories": ['
    for index, story in enumerate(stories.iterator()):
        if index:
            yield ","
        yield from story_json_chunks(story)
    yield "]}\n"


# --- CSV ---------------------------------------------------------------------------


def neutralise_formula(value: Any) -> Any:
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_PREFIXES)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def _side(side: ClaimSide) -> list[Any]:
    return [side.article.outlet, side.article.id, side.claim_id, side.text, side.status]


def _where(article: ArticleRef) -> list[Any]:
    return [article.url, _iso(article.published_at) or ""]


def _link_csv_rows(slug: str, row: LinkTableRow) -> Iterator[list[Any]]:
    """The link's row, then one "difference" row per fact its claims give differently."""
    link = row.link
    columns = [
        slug,
        "link",
        link.relation,
        link.reason,
        round(link.similarity, 4),
        round(link.score, 4),
        english_sentence(link.relation, link.details),
        *_side(row.a),
        *_side(row.b),
        link.review,
        link.review_note,
        *_where(link.article_a),
        *_where(link.article_b),
    ]
    yield [*columns, *[""] * len(FACT_COLUMNS)]
    for difference in link.details.differing:
        yield [slug, "difference", *columns[2:], *_fact_values(difference)]


def story_csv_rows(story: Story) -> Iterator[list[Any]]:
    """CSV rows of one story: every link (dismissed ones too) followed by its differing
    facts, then the claims whose stored status is "only here" (two queries, read CHUNK_SIZE
    rows at a time)."""
    for row in export_link_table_rows(story=story, chunk_size=CHUNK_SIZE):
        yield from _link_csv_rows(story.slug, row)
    only_here = _only_here_sentence()
    for side in export_only_here_rows(story=story, chunk_size=CHUNK_SIZE):
        yield [
            story.slug,
            "unique",
            STATUS_ONLY_HERE,
            STATUS_ONLY_HERE,
            "",
            "",
            only_here,
            *_side(side),
            *[""] * 7,
            *_where(side.article),
            *[""] * (2 + len(FACT_COLUMNS)),
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
