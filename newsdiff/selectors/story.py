"""Reads for the story page: its articles, claims with their stored verdicts, and links,
loaded into a comparison.StoryComparison; and which columns the page shows side by side.

Statuses and counts are read as services stored them (comparison.story_verdicts); the
tabs are laid out from this data by comparison.story_tabs_get, with no query of its own.

story_page_get keeps each process's most recently shown stories laid out, under the story's
revision (a new one with every write that changes what the page shows): an editor going from
tab to tab, or several reading one story, costs one query instead of a story's worth, and no
page is ever served from a revision the database has left.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from django.conf import settings
from django.db.models import F, Q
from django.urls import reverse

from newsdiff.comparison import (
    ArticleColumn,
    ArticleInfo,
    ArticleNode,
    ClaimRow,
    LinkRow,
    OutletInfo,
    StoryComparison,
    StoryTabs,
    language_direction,
    link_joins,
    source_of_articles,
    story_tabs_get,
)
from newsdiff.models import (
    Article,
    Claim,
    ClaimLink,
    Relation,
    ReviewDecision,
    Story,
    StoryEdit,
    StoryEditAction,
    conflict_details_text,
)
from newsdiff.pipeline.types import RelationDetails
from newsdiff.selectors.snapshot import consistent_reads

# The story page shows at most this many columns side by side (and at least two): wider
# than four, an Arabic column gets too narrow to read on a laptop screen.
COLUMNS_MAX = 4
COLUMNS_MIN = 2

_URL_ID_PLACEHOLDER = "987654321"


@cache
def _claim_url_template() -> str:
    return reverse("claim_detail", args=[int(_URL_ID_PLACEHOLDER)])


def claim_url(claim_id: int) -> str:
    """A claim's page; reversed once, then filled in: a story page lists hundreds of claims."""
    return _claim_url_template().replace(_URL_ID_PLACEHOLDER, str(claim_id))


def article_columns(articles: Iterable[Article]) -> dict[int, ArticleColumn]:
    """Article rows (outlet selected) as the page's columns, in the order given."""
    return {
        a.id: ArticleColumn(
            article=ArticleInfo(
                id=a.id,
                outlet_id=a.outlet_id,
                title=a.title,
                url=a.url,
                published_at=a.published_at,
                language=a.language,
                copy_of_id=a.copy_of_id,
            ),
            outlet=OutletInfo(a.outlet.id, a.outlet.name, a.outlet.native_name),
            direction=language_direction(a.language),
        )
        for a in articles
    }


# The stored verdict of a claim, read as story_verdicts decided it.
CLAIM_ROW_FIELDS = (
    "id",
    "article_id",
    "position",
    "text",
    "attribution_text",
    "status",
    "agreed_outlets",
    "contradicted_outlets",
    "disputed_outlets",
    "updated_outlets",
)


def claim_row(values: Sequence[Any], column: ArticleColumn, source_id: int) -> ClaimRow:
    """A ClaimRow from a values_list() row of CLAIM_ROW_FIELDS (in that order) and its
    article's column. Tuples, not values() dicts: a story page reads thousands of claims, and
    building a dict per row cost more than the query."""
    (
        claim_id,
        _article_id,
        position,
        text,
        attribution_text,
        status,
        agreed_outlets,
        contradicted_outlets,
        disputed_outlets,
        updated_outlets,
    ) = values
    return ClaimRow(
        id=claim_id,
        article_id=column.article.id,
        outlet_id=column.outlet.id,
        outlet_name=column.outlet.label,
        position=position,
        text=text,
        language=column.article.language,
        direction=column.direction,
        url=claim_url(claim_id),
        published_at=column.article.published_at,
        source_id=source_id,
        attribution_text=attribution_text,
        status=status,
        agreed_outlets=agreed_outlets,
        contradicted_outlets=contradicted_outlets,
        disputed_outlets=disputed_outlets,
        updated_outlets=updated_outlets,
    )


def story_comparison_get(*, story: Story) -> StoryComparison:
    """The story page's data: its articles in publication order, each with its claims in
    reading order and their stored verdicts, and the story's links (details read for
    conflicts only, typed). Three queries, however large the story, in one snapshot.
    """
    with consistent_reads():
        return _story_comparison(story)


@dataclass(slots=True)
class _LaidOut:
    """One revision of a story: its comparison, and its tabs for each page length and reader's
    language asked for (sharing the comparison's groups)."""

    comparison: StoryComparison
    tabs: dict[tuple[int | None, str], StoryTabs] = field(default_factory=dict)


_laid_out: OrderedDict[tuple[int, uuid.UUID], _LaidOut] = OrderedDict()
# The revisions being laid out, each by the first request that asked for it: the others wait
# for it (the story view and the summary reload together after a review).
_laying_out: dict[tuple[int, uuid.UUID], threading.Event] = {}
_laid_out_lock = threading.Lock()
# How long a request waits for another one laying out the same revision before it lays it
# out itself.
LAYOUT_WAIT_SECONDS = 10.0


def story_page_get(
    *, story: Story, limit: int | None = None, language: str = ""
) -> tuple[StoryComparison, StoryTabs]:
    """The story page's comparison and tabs: story_comparison_get and story_tabs_get, kept
    for the story's current revision (read in the same snapshot as the rest). The process
    keeps settings.STORY_PAGES_KEPT stories, the least recently shown dropped first; a
    revision is laid out once, by the first request that asks for it.
    """
    with consistent_reads():
        revision = Story.objects.filter(pk=story.pk).values_list("revision", flat=True).first()
        if revision is None:
            # Deleted since the view found it: laid out as it is, and not kept.
            entry = _LaidOut(_story_comparison(story))
        else:
            key = (story.pk, revision)
            kept = _laid_out_get(key)
            if kept is None:
                try:
                    kept = _LaidOut(_story_comparison(story))
                finally:
                    # Laid out or failed: the requests waiting for it go on either way.
                    _laid_out_put(key, kept)
            entry = kept
    with _laid_out_lock:
        tabs = entry.tabs.get((limit, language))
        if tabs is None:
            tabs = entry.tabs[(limit, language)] = story_tabs_get(
                comparison=entry.comparison, limit=limit, language=language
            )
    return entry.comparison, tabs


def _laid_out_get(key: tuple[int, uuid.UUID]) -> _LaidOut | None:
    """The kept layout of a revision, waiting for a request already laying it out; None
    when the caller is to lay it out (and then calls _laid_out_put)."""
    with _laid_out_lock:
        entry = _laid_out.get(key)
        if entry is not None:
            _laid_out.move_to_end(key)
            return entry
        building = _laying_out.get(key)
        if building is None:
            _laying_out[key] = threading.Event()
            return None
    building.wait(LAYOUT_WAIT_SECONDS)
    with _laid_out_lock:
        return _laid_out.get(key)


def _laid_out_put(key: tuple[int, uuid.UUID], entry: _LaidOut | None) -> None:
    """Keep a revision's layout (None: it failed) and wake the requests waiting for it."""
    with _laid_out_lock:
        if entry is not None:
            _laid_out[key] = entry
            _laid_out.move_to_end(key)
            while len(_laid_out) > settings.STORY_PAGES_KEPT:
                _laid_out.popitem(last=False)
        building = _laying_out.pop(key, None)
    if building is not None:
        building.set()


def story_pages_forget() -> None:
    """Drop every laid-out story page this process keeps (tests; memory)."""
    with _laid_out_lock:
        _laid_out.clear()
        building = list(_laying_out.values())
        _laying_out.clear()
    for event in building:
        event.set()


def _story_comparison(story: Story) -> StoryComparison:
    articles = list(
        Article.objects.filter(story=story)
        .select_related("outlet")
        .only(
            "id",
            "title",
            "url",
            "published_at",
            "language",
            "copy_of_id",
            "outlet__id",
            "outlet__name",
            "outlet__native_name",
        )
        .order_by(F("published_at").asc(nulls_last=True), "id")
    )
    columns = article_columns(articles)
    source_of = source_of_articles(ArticleNode(a.id, a.outlet_id, a.copy_of_id) for a in articles)
    rows: dict[int, ClaimRow] = {}
    for values in (
        Claim.objects.filter(article__story=story)
        .order_by("article_id", "position")
        .values_list(*CLAIM_ROW_FIELDS)
    ):
        column = columns.get(values[1])
        if column is None:
            # Stored after the articles were read (SQLite reads without a snapshot): shown
            # on the next request, with its article.
            continue
        row = claim_row(values, column, source_of[column.article.id])
        rows[row.id] = row
        column.claims.append(row)
    links = _story_links(story, rows)
    return StoryComparison(columns=list(columns.values()), claims=rows, links=links)


@lru_cache(maxsize=8192)
def _details_read(text: str) -> RelationDetails:
    """A conflict's stored details, decoded once per process for as long as they are shown:
    a story read again after a review has the same details for all its other links."""
    return RelationDetails.from_json(json.loads(text))


def _story_links(story: Story, rows: dict[int, ClaimRow]) -> list[LinkRow]:
    """The story's links, each noted on its two claims (counterparts, editors' marks)."""
    # order_by("id"): ClaimLink's default ordering follows claim_a/claim_b into their
    # claims' and articles' orderings, which joins four tables and costs ~10x the query.
    # Only conflicts show their details (the facts that differ); an agreement's details are
    # left in the database rather than decoded for nothing.
    values = (
        ClaimLink.objects.filter(story=story)
        .order_by("id")
        .annotate(shown_details=conflict_details_text())
        .values_list(
            "id", "claim_a_id", "claim_b_id", "relation", "review", "score", "shown_details"
        )
    )
    links: list[LinkRow] = []
    for link_id, claim_a, claim_b, relation, review, score, details in values:
        row_a, row_b = rows.get(claim_a), rows.get(claim_b)
        if row_a is None or row_b is None:
            continue
        link = LinkRow(
            id=link_id,
            claim_a_id=claim_a,
            claim_b_id=claim_b,
            relation=relation,
            review=review,
            details=_details_read(details) if details else None,
            score=score,
        )
        links.append(link)
        # A weak match is in the claim's panel, folded away; the page does not highlight it.
        weak = relation == Relation.AGREEMENT and not link_joins(relation, review, score)
        for row, other in ((row_a, row_b), (row_b, row_a)):
            row.link_ids.append(link_id)
            if not link.counts:
                row.dismissed_links += 1
                continue
            if weak:
                continue
            row.linked_claim_ids.append(other.id)
            if review == ReviewDecision.CONFIRMED and row.source_id != other.source_id:
                row.confirmed_links += 1
    return links


# --- Which columns the story page shows -------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletChoice:
    outlet: OutletInfo
    selected: bool


@dataclass(frozen=True, slots=True)
class ColumnPick:
    """The columns shown side by side and the picker's state."""

    columns: list[ArticleColumn]
    choices: list[OutletChoice]
    selected_ids: list[int]
    default: bool
    # True when the request asked for fewer than two or more than four outlets and was
    # corrected (the template says so).
    corrected: bool

    @property
    def needed(self) -> bool:
        """The picker is only offered when there are more outlets than columns."""
        return len(self.choices) > COLUMNS_MAX

    @property
    def query(self) -> str:
        """The selection as the ?outlets= value, "" for the default."""
        return "" if self.default else ",".join(str(i) for i in self.selected_ids)


def outlet_ids_parse(values: Iterable[str]) -> list[int]:
    """?outlets=1,2,3 or ?outlets=1&outlets=2 (checkboxes) as ids, in order, no repeats."""
    ids: list[int] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            # ASCII digits only ("²".isdigit() holds), and no longer than a bigint.
            if part.isascii() and part.isdigit() and len(part) <= 18 and int(part) not in ids:
                ids.append(int(part))
    return ids


def story_columns_pick(
    *, comparison: StoryComparison, outlet_ids: list[int], preferred: list[int] | None = None
) -> ColumnPick:
    """The 2-4 outlets whose articles are shown side by side. No queries.

    Outlets are offered in order of first publication, or in the preferred order when one is
    given (the aligned rows put the outlets that differ first); the default is the first
    four. Unknown ids are ignored; beyond four, the first four asked for are kept; fewer than
    two falls back to the default.
    """
    published: dict[int, OutletInfo] = {}
    for column in comparison.columns:
        published.setdefault(column.outlet.id, column.outlet)
    order = [i for i in preferred or () if i in published] + list(published)
    outlets = {i: published[i] for i in order}
    default = list(outlets)[:COLUMNS_MAX]
    asked = [i for i in outlet_ids if i in outlets]
    corrected = bool(outlet_ids) and not (COLUMNS_MIN <= len(asked) <= COLUMNS_MAX)
    selected = default if len(asked) < COLUMNS_MIN else asked[:COLUMNS_MAX]
    chosen = set(selected)
    return ColumnPick(
        columns=[c for c in comparison.columns if c.outlet.id in chosen],
        choices=[
            OutletChoice(outlet, outlet_id in chosen) for outlet_id, outlet in outlets.items()
        ],
        selected_ids=[i for i in outlets if i in chosen],
        default=chosen == set(default),
        corrected=corrected,
    )


# --- Old story addresses -----------------------------------------------------------------

# A merged-away story may itself have been merged away since: at most this many hops.
REDIRECT_HOPS = 10


def story_redirect_for_slug(slug: str) -> Story | None:
    """The story an old story address now leads to: the story it was merged into, or the
    story its last article moved to (which emptied and deleted it), following later merges;
    None when no edit took the slug away. For the story page's 404 path (call it only when
    no story has this slug)."""
    seen: set[str] = set()
    for _ in range(REDIRECT_HOPS):
        edit = (
            StoryEdit.objects.filter(
                Q(action=StoryEditAction.MERGE, other_slug=slug)
                | Q(action=StoryEditAction.MOVE, story_slug=slug, story__isnull=True)
            )
            .select_related("story", "other_story")
            .order_by("-created_at", "-id")
            .first()
        )
        if edit is None:
            return None
        merged = edit.action == StoryEditAction.MERGE
        if merged and edit.story is not None:
            return edit.story
        if not merged and edit.detail.get("emptied") and edit.other_story is not None:
            return edit.other_story
        seen.add(slug)
        slug = edit.story_slug if merged else edit.other_slug
        if not slug or slug in seen:
            return None
    return None
