"""Reads for the exports: which stories, and each story's articles, claims and links as
plain rows.

Read-only and in constant memory: claims and links are read CHUNK_SIZE rows at a time
(``QuerySet.iterator``) and handed out as frozen dataclasses, fetching only the exported
columns (never the articles' texts). What the rows carry is public: facts in their public
form (``FactValue``), link details typed (``RelationDetails``), who a claim quotes as the
article wrote it, and the verdicts services stored (``Claim.status`` and its outlet counts);
nothing here decides a verdict or words a sentence (newsdiff/explanations.py does).
Every row that refers to an article carries it as an ``ArticleRef`` (id, outlet, URL,
publication time), joined in the same query. newsdiff/exports.py turns the rows into CSV,
XLSX and JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from newsdiff.models import Article, Claim, ClaimLink, ClaimStatus, Language, LinkReview, Story
from newsdiff.pipeline.types import Fact, FactDifference, FactValue, RelationDetails
from newsdiff.selectors.stories import stories_filter

# Rows fetched per database round trip while streaming: large enough that a 100,000-link
# story takes 50 round trips, small enough to keep memory flat (bench/export_bench.py).
CHUNK_SIZE = 2000


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    outlet: str
    title: str
    url: str
    published_at: dt.datetime | None
    language: str
    copy_of_id: int | None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The article a row refers to: where it comes from and when it was published."""

    id: int
    outlet: str
    url: str
    published_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    id: int
    article_id: int
    position: int
    text: str
    start: int
    end: int
    # Who the claim quotes, as the article wrote it ("" when the outlet says it itself).
    attribution_text: str
    facts: tuple[FactValue, ...]
    # The stored verdict (comparison.story_verdicts): status and outlet counts.
    status: str
    agreed_outlets: int
    contradicted_outlets: int
    disputed_outlets: int
    updated_outlets: int
    # The claim's article's URL and publication time (the article's id is article_id).
    article_url: str
    article_published_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class LinkRow:
    claim_a_id: int
    claim_b_id: int
    relation: str
    reason: str
    details: RelationDetails
    similarity: float
    score: float
    engine_version: str
    # The newest editor decision on the claim pair ("" when none) and its note.
    review: str
    review_note: str
    # The articles of claim a and claim b.
    article_a: ArticleRef
    article_b: ArticleRef


@dataclass(frozen=True, slots=True)
class ClaimSide:
    """One claim of a table row, with where it comes from and its stored status."""

    article: ArticleRef
    claim_id: int
    text: str
    status: str


@dataclass(frozen=True, slots=True)
class LinkTableRow:
    """A link with both of its claims, for the CSV and XLSX tables."""

    link: LinkRow
    a: ClaimSide
    b: ClaimSide


@dataclass(frozen=True, slots=True)
class DifferenceRow:
    """One fact a link's two claims give differently (RelationDetails.differing), with the
    link it belongs to (the claim pair) and both articles."""

    claim_a_id: int
    claim_b_id: int
    relation: str
    reason: str
    article_a: ArticleRef
    article_b: ArticleRef
    difference: FactDifference


# --- Which stories ---------------------------------------------------------------------


def export_stories_list(
    *,
    query: str = "",
    slugs: Sequence[str] = (),
    outlet_id: int | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
) -> QuerySet[Story]:
    """The stories an export holds, oldest first: the story list's filters
    (selectors.stories.stories_filter), every one optional."""
    return stories_filter(
        query=query,
        slugs=slugs,
        outlet_id=outlet_id,
        published_from=published_from,
        published_to=published_to,
    ).order_by("id")


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
    return str(top["language"]) if top else Language.ENGLISH.value


# --- One story's rows ------------------------------------------------------------------


def export_article_rows(*, story: Story) -> Iterator[ArticleRow]:
    """The story's articles in id order (one query, without their texts)."""
    rows = (
        Article.objects.filter(story=story)
        .order_by("id")
        .values_list("id", "outlet__name", "title", "url", "published_at", "language", "copy_of_id")
    )
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        yield ArticleRow(*row)


def _public_facts(stored: Any) -> tuple[FactValue, ...]:
    """A claim's stored facts (Fact.as_dict rows) in their public form: no subject stem,
    a name's words instead of its key."""
    if not isinstance(stored, list):
        return ()
    return tuple(FactValue.of(Fact.from_dict(row)) for row in stored if isinstance(row, Mapping))


def export_claim_rows(*, story: Story, chunk_size: int = CHUNK_SIZE) -> Iterator[ClaimRow]:
    """The story's claims in reading order, article by article (one query, in chunks)."""
    rows = (
        Claim.objects.filter(article__story=story)
        .order_by("article_id", "position")
        .values_list(
            "id",
            "article_id",
            "position",
            "text",
            "start",
            "end",
            "attribution_text",
            "facts",
            "status",
            "agreed_outlets",
            "contradicted_outlets",
            "disputed_outlets",
            "updated_outlets",
            "article__url",
            "article__published_at",
        )
    )
    for row in rows.iterator(chunk_size=chunk_size):
        yield ClaimRow(*row[:7], _public_facts(row[7]), *row[8:])


def _review_notes(story: Story) -> dict[tuple[int, int], str]:
    """The note of the newest editor review of each reviewed claim pair (the audit trail's
    head). One query over the story's reviews, which people write one by one: a correlated
    subquery on every link row cost as much as the rest of the export."""
    notes: dict[tuple[int, int], str] = {}
    for a, b, note in (
        LinkReview.objects.filter(story=story)
        .order_by("created_at", "id")
        .values_list("claim_a_id", "claim_b_id", "note")
    ):
        notes[(a, b)] = note
    return notes


_LINK_COLUMNS = (
    "claim_a_id",
    "claim_b_id",
    "relation",
    "reason",
    "details",
    "similarity",
    "score",
    "engine_version",
    "review",
)
# Both articles of a link (ArticleRef), joined: no query per row.
_ARTICLE_COLUMNS = tuple(
    f"article_{side}{column}"
    for side in ("a", "b")
    for column in ("_id", "__outlet__name", "__url", "__published_at")
)


def _links(story: Story) -> QuerySet[ClaimLink]:
    return ClaimLink.objects.filter(story=story).order_by("claim_a_id", "claim_b_id")


def _articles(values: Sequence[Any]) -> tuple[ArticleRef, ArticleRef]:
    """The two ArticleRefs of a row's _ARTICLE_COLUMNS values."""
    return ArticleRef(*values[:4]), ArticleRef(*values[4:8])


def _link_row(values: Sequence[Any], notes: Mapping[tuple[int, int], str]) -> LinkRow:
    """A LinkRow from the values of _LINK_COLUMNS followed by _ARTICLE_COLUMNS."""
    a, b, relation, reason, details, similarity, score, engine_version, review = values[:9]
    article_a, article_b = _articles(values[9:])
    return LinkRow(
        claim_a_id=a,
        claim_b_id=b,
        relation=relation,
        reason=reason,
        details=RelationDetails.from_json(details),
        similarity=similarity,
        score=score,
        engine_version=engine_version,
        review=review,
        review_note=notes.get((a, b), "") if review else "",
        article_a=article_a,
        article_b=article_b,
    )


def export_link_rows(*, story: Story, chunk_size: int = CHUNK_SIZE) -> Iterator[LinkRow]:
    """Every link of the story, dismissed ones too, by claim pair (two queries: the reviews'
    notes, then the links with their articles in chunks)."""
    notes = _review_notes(story)
    rows = _links(story).values_list(*_LINK_COLUMNS, *_ARTICLE_COLUMNS)
    for row in rows.iterator(chunk_size=chunk_size):
        yield _link_row(row, notes)


def export_link_table_rows(*, story: Story, chunk_size: int = CHUNK_SIZE) -> Iterator[LinkTableRow]:
    """export_link_rows with both claims' text and stored status (two queries, the links in
    chunks: joined columns only, not the articles' texts)."""
    notes = _review_notes(story)
    rows = _links(story).values_list(
        *_LINK_COLUMNS,
        *_ARTICLE_COLUMNS,
        "claim_a__text",
        "claim_a__status",
        "claim_b__text",
        "claim_b__status",
    )
    width = len(_LINK_COLUMNS) + len(_ARTICLE_COLUMNS)
    for row in rows.iterator(chunk_size=chunk_size):
        link = _link_row(row[:width], notes)
        text_a, status_a, text_b, status_b = row[width:]
        yield LinkTableRow(
            link=link,
            a=ClaimSide(
                article=link.article_a, claim_id=link.claim_a_id, text=text_a, status=status_a
            ),
            b=ClaimSide(
                article=link.article_b, claim_id=link.claim_b_id, text=text_b, status=status_b
            ),
        )


def export_difference_rows(
    *, story: Story, chunk_size: int = CHUNK_SIZE
) -> Iterator[DifferenceRow]:
    """The facts the story's links give differently, one row per fact, by claim pair and
    in the order the details list them (one query, in chunks, over the links that have
    any: agreements, most of a story's links, are not read)."""
    rows = (
        _links(story)
        # details.differing has a first item: a JSON path test on SQLite and PostgreSQL.
        .filter(details__differing__0__isnull=False)
        .values_list("claim_a_id", "claim_b_id", "relation", "reason", "details", *_ARTICLE_COLUMNS)
    )
    for a, b, relation, reason, details, *articles in rows.iterator(chunk_size=chunk_size):
        article_a, article_b = _articles(articles)
        for difference in RelationDetails.from_json(details).differing:
            yield DifferenceRow(
                claim_a_id=a,
                claim_b_id=b,
                relation=relation,
                reason=reason,
                article_a=article_a,
                article_b=article_b,
                difference=difference,
            )


def export_only_here_rows(*, story: Story, chunk_size: int = CHUNK_SIZE) -> Iterator[ClaimSide]:
    """The claims whose stored status is "only here" (no other outlet reports them), in
    reading order (one query, in chunks)."""
    rows = (
        Claim.objects.filter(article__story=story, status=ClaimStatus.ONLY_HERE)
        .order_by("article_id", "position")
        .values_list(
            "article_id",
            "article__outlet__name",
            "article__url",
            "article__published_at",
            "id",
            "text",
            "status",
        )
    )
    for row in rows.iterator(chunk_size=chunk_size):
        yield ClaimSide(ArticleRef(*row[:4]), *row[4:])
