"""Reads: querysets and plain data for the views, exports and admin.

Every selector here runs a fixed number of queries, whatever the number of stories,
articles, claims or links it returns; tests/test_selectors.py holds them to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    JSONField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from newsdiff.models import (
    Article,
    Claim,
    ClaimLink,
    LinkReview,
    Outlet,
    Relation,
    ReviewDecision,
    Story,
)
from newsdiff.pipeline.normalize import normalize_text, surface_of

# The story list shows the most recently updated stories first; beyond this many,
# people search rather than scroll.
STORY_LIST_LIMIT = 100

# Claim statuses, most telling first: a claim that one outlet contradicts is shown as
# contradicted even when others agree with it (the agreement count is still shown).
STATUS_CONTRADICTED = "contradicted"
STATUS_DISPUTED = "disputed"
STATUS_AGREED = "agreed"
# Reported elsewhere only by a reprint of the same wire text: one source, not a confirmation.
STATUS_COPIED = "copied"
STATUS_ONLY_HERE = "only_here"

# The story page shows at most this many columns side by side (and at least two): wider
# than four, an Arabic column gets too narrow to read on a laptop screen.
COLUMNS_MAX = 4
COLUMNS_MIN = 2

# A link an editor dismissed is kept (and shown as dismissed) but no longer counts as an
# agreement or a contradiction anywhere: not in counts, statuses, groups or the matrix.
_DISMISSED = ReviewDecision.DISMISSED.value


# --- Arabic-aware matching in SQL -------------------------------------------------------

# Which written characters each character of normalize_text()'s output stands for, so
# that an unnormalised column can be searched with a regular expression instead of being
# normalised in SQL (nested REPLACE()s overflow SQLite's parser).
_VARIANTS: dict[str, str] = {
    "ا": "اأإآٱ",
    "ي": "يى",
    "ه": "هة",
    '"': '"«»“”„',
    "'": "'‘’",
    "-": "-–—",
    ",": ",،٬",
    ";": ";؛",
    "?": "?؟",
    "%": "%٪",
    **{str(i): f"{i}{chr(0x0660 + i)}{chr(0x06F0 + i)}" for i in range(10)},
}
# Diacritics, superscript alef and tatweel: normalize_text() drops them, so the pattern
# lets any number of them follow every character.
_MARKS = "[\u064b-\u0652\u0670\u0640]*"


def _orthographic_regex(needle: str) -> str:
    """A regular expression that finds needle (already normalised) in text as written.

    Works with Django's __iregex on SQLite and PostgreSQL alike.
    """
    parts = []
    for char in needle:
        if char == " ":
            parts.append("\\s+")
        elif char in _VARIANTS:
            parts.append("[" + "".join(re.escape(v) for v in _VARIANTS[char]) + "]")
        else:
            parts.append(re.escape(char))
        parts.append(_MARKS)
    return "".join(parts)


def story_search_filter(query: str) -> Q | None:
    """Stories whose title, article titles or claims contain the query as people type it.

    Claim.normalized is stored normalised (and lower case), so a plain LIKE on it matches
    every spelling; on PostgreSQL a trigram index (migration 0004) serves that LIKE.
    """
    needle = normalize_text(query)
    if not needle:
        return None
    pattern = _orthographic_regex(needle)
    claim_stories = Claim.objects.filter(normalized__contains=needle).values("article__story_id")
    title_stories = Article.objects.filter(title__iregex=pattern).values("story_id")
    return Q(title__iregex=pattern) | Q(pk__in=claim_stories) | Q(pk__in=title_stories)


# --- Story list -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletRef:
    id: int
    name: str
    native_name: str


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: int
    title: str
    slug: str
    url: str
    updated_at: dt.datetime
    latest_published_at: dt.datetime | None
    article_count: int
    agreement_count: int
    contradiction_count: int
    only_here_count: int
    outlets: tuple[OutletRef, ...]


def _count_subquery(queryset: Any, group_field: str) -> Any:
    """COUNT(*) of queryset per group_field, as a correlated subquery (0 when empty).

    Subqueries rather than joined Count()s: joining articles, claims and links at once
    would multiply the rows and the counts.
    """
    counted = queryset.order_by().values(group_field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _other_outlet_link_exists(claim_ref: str) -> Any:
    """Whether a claim (OuterRef claim_ref) is linked to a claim of another outlet by a
    link no editor dismissed."""
    counting = ClaimLink.objects.exclude(review=_DISMISSED)
    as_a = counting.filter(claim_a=OuterRef(claim_ref)).exclude(
        article_b__outlet_id=F("article_a__outlet_id")
    )
    as_b = counting.filter(claim_b=OuterRef(claim_ref)).exclude(
        article_b__outlet_id=F("article_a__outlet_id")
    )
    return Exists(as_a) | Exists(as_b)


def story_list_rows(
    *,
    query: str = "",
    outlet_id: int | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    offset: int = 0,
    limit: int = STORY_LIST_LIMIT,
) -> list[StoryRow]:
    """Stories, most recently updated first, with their outlets and comparison counts.

    query matches the story title, article titles and claim text the way people type
    Arabic: with or without diacritics, any hamza form of alef, ة/ه and ى/ي alike.
    outlet_id keeps the stories that outlet covered; published_from / published_to (both
    inclusive) the stories with an article published in that range. Two queries.
    """
    stories = Story.objects.all()
    search = story_search_filter(query)
    if search is not None:
        stories = stories.filter(search)
    if outlet_id is not None:
        stories = stories.filter(
            Exists(Article.objects.filter(story=OuterRef("pk"), outlet_id=outlet_id))
        )
    if published_from is not None or published_to is not None:
        in_range = Article.objects.filter(story=OuterRef("pk"))
        if published_from is not None:
            in_range = in_range.filter(published_at__date__gte=published_from)
        if published_to is not None:
            in_range = in_range.filter(published_at__date__lte=published_to)
        stories = stories.filter(Exists(in_range))

    # A link between a wire copy and the article it reprints confirms nothing.
    story_links = (
        ClaimLink.objects.filter(story=OuterRef("pk"))
        .exclude(review=_DISMISSED)
        .exclude(article_b__copy_of=F("article_a"))
        .exclude(article_a__copy_of=F("article_b"))
    )
    only_here = Claim.objects.filter(article__story=OuterRef("pk")).exclude(
        _other_outlet_link_exists("pk")
    )
    stories = stories.annotate(
        article_count=_count_subquery(Article.objects.filter(story=OuterRef("pk")), "story"),
        agreement_count=_count_subquery(story_links.filter(relation=Relation.AGREEMENT), "story"),
        contradiction_count=_count_subquery(
            story_links.filter(relation=Relation.CONTRADICTION), "story"
        ),
        only_here_count=_count_subquery(only_here, "article__story"),
        latest_published_at=Subquery(
            Article.objects.filter(story=OuterRef("pk"))
            .order_by()
            .values("story")
            .annotate(latest=Max("published_at"))
            .values("latest")
        ),
    ).order_by("-updated_at", "-id")[offset : offset + limit]
    page = list(stories)

    outlets_by_story = _outlets_by_story(s.id for s in page)
    return [
        StoryRow(
            id=s.id,
            title=s.title,
            slug=s.slug,
            url=s.get_absolute_url(),
            updated_at=s.updated_at,
            latest_published_at=s.latest_published_at,
            article_count=s.article_count,
            agreement_count=s.agreement_count,
            contradiction_count=s.contradiction_count,
            only_here_count=s.only_here_count,
            outlets=tuple(outlets_by_story.get(s.id, ())),
        )
        for s in page
    ]


def _outlets_by_story(story_ids: Iterable[int]) -> dict[int, list[OutletRef]]:
    rows = (
        Article.objects.filter(story_id__in=list(story_ids))
        .order_by("outlet__name")
        .values_list("story_id", "outlet_id", "outlet__name", "outlet__native_name")
        .distinct()
    )
    result: dict[int, list[OutletRef]] = defaultdict(list)
    for story_id, outlet_id, name, native_name in rows:
        result[story_id].append(OutletRef(outlet_id, name, native_name))
    return result


def outlet_choices() -> list[OutletRef]:
    """Outlets for the story list's filter, by name. One query."""
    return [
        OutletRef(o["id"], o["name"], o["native_name"])
        for o in Outlet.objects.order_by("name").values("id", "name", "native_name")
    ]


# --- Story comparison -------------------------------------------------------------------


@dataclass(slots=True)
class ClaimRow:
    id: int
    article_id: int
    outlet_id: int
    outlet_name: str
    position: int
    text: str
    language: str
    direction: str
    published_at: dt.datetime | None = None
    # The outlet this claim's text comes from: its own, or the reprinted one's for a wire copy
    # (set by story_comparison_get; 0 elsewhere).
    source_id: int = 0
    status: str = ""
    agreed_outlets: int = 0
    contradicted_outlets: int = 0
    disputed_outlets: int = 0
    link_ids: list[int] = field(default_factory=list)
    # Claims of other articles this one is linked to (dismissed links left out): the
    # counterparts the page highlights when this claim is selected.
    linked_claim_ids: list[int] = field(default_factory=list)
    confirmed_links: int = 0
    dismissed_links: int = 0

    @property
    def linked_ids_text(self) -> str:
        """The counterparts' ids, space-separated, for the page's data-linked attribute."""
        return " ".join(map(str, self.linked_claim_ids))

    @property
    def url(self) -> str:
        # Reversed once, then filled in: a story page lists hundreds of claims.
        return _claim_url_template().replace(_URL_ID_PLACEHOLDER, str(self.id))


_URL_ID_PLACEHOLDER = "987654321"


@cache
def _claim_url_template() -> str:
    return reverse("claim_detail", args=[int(_URL_ID_PLACEHOLDER)])


@dataclass(slots=True)
class ArticleColumn:
    article: Article
    outlet: Outlet
    direction: str
    claims: list[ClaimRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LinkRow:
    id: int
    claim_a_id: int
    claim_b_id: int
    relation: str
    disputed_by_sources: bool
    cross_outlet: bool
    differing: tuple[dict[str, Any], ...]
    review: str = ""

    @property
    def counts(self) -> bool:
        """Whether the link counts as an agreement or contradiction (not dismissed)."""
        return self.review != _DISMISSED


@dataclass(frozen=True, slots=True)
class StoryComparison:
    story: Story
    columns: list[ArticleColumn]
    claims: dict[int, ClaimRow]
    links: list[LinkRow]
    agreement_count: int
    contradiction_count: int
    only_here_count: int
    dismissed_count: int = 0


def _direction(language: str) -> str:
    return "rtl" if language == "ar" else "ltr"


def _outlet_label(outlet: Outlet) -> str:
    return outlet.native_name or outlet.name


def _claim_status(agreed: int, contradicted: int, disputed: int, copied: bool = False) -> str:
    if contradicted:
        return STATUS_CONTRADICTED
    if disputed:
        return STATUS_DISPUTED
    if agreed:
        return STATUS_AGREED
    if copied:
        return STATUS_COPIED
    return STATUS_ONLY_HERE


def story_comparison_get(*, story: Story) -> StoryComparison:
    """The story page's data: its articles in publication order, each with its claims in
    reading order and each claim's status against the other outlets. Three queries.

    Links between two articles of the same outlet (an update, a re-post), or between a
    wire copy and the article it reprints, keep their ids on the claim but do not count as
    another outlet agreeing or contradicting: one source is one confirmation. The result
    also feeds the tabs' groupings below, which run no queries of their own.
    """
    articles = list(
        Article.objects.filter(story=story)
        .select_related("outlet")
        .defer("raw_text", "clean_text")
        .order_by(F("published_at").asc(nulls_last=True), "id")
    )
    columns = {
        a.id: ArticleColumn(article=a, outlet=a.outlet, direction=_direction(a.language))
        for a in articles
    }

    # The outlet that is each article's source: its own, or, for a wire copy, the outlet of
    # the article it reprints.
    outlet_of = {a.id: a.outlet_id for a in articles}
    source_of = {
        a.id: outlet_of.get(a.copy_of_id, a.outlet_id) if a.copy_of_id else a.outlet_id
        for a in articles
    }

    rows: dict[int, ClaimRow] = {}
    claims = (
        Claim.objects.filter(article__story=story)
        .order_by("article_id", "position")
        .values_list("id", "article_id", "position", "text")
    )
    for claim_id, article_id, position, text in claims:
        column = columns[article_id]
        rows[claim_id] = ClaimRow(
            id=claim_id,
            article_id=article_id,
            outlet_id=column.outlet.id,
            source_id=source_of[article_id],
            outlet_name=_outlet_label(column.outlet),
            position=position,
            text=text,
            language=column.article.language,
            direction=column.direction,
            published_at=column.article.published_at,
        )

    agreed: dict[int, set[int]] = defaultdict(set)
    contradicted: dict[int, set[int]] = defaultdict(set)
    disputed: dict[int, set[int]] = defaultdict(set)
    copied: set[int] = set()
    links: list[LinkRow] = []
    # order_by("id"): ClaimLink's default ordering follows claim_a/claim_b into their
    # claims' and articles' orderings, which joins four tables and costs ~10x the query.
    # Only contradictions and disputes show their details (the facts that differ); an
    # agreement's details are left in the database rather than decoded for nothing.
    values = (
        ClaimLink.objects.filter(story=story)
        .order_by("id")
        .annotate(
            shown_details=Case(
                When(relation=Relation.AGREEMENT, then=Value(None, output_field=JSONField())),
                default=F("details"),
                output_field=JSONField(),
            )
        )
        .values_list("id", "claim_a_id", "claim_b_id", "relation", "shown_details", "review")
    )
    for link_id, claim_a, claim_b, relation, details, review in values:
        row_a, row_b = rows.get(claim_a), rows.get(claim_b)
        if row_a is None or row_b is None:
            continue
        details = details if isinstance(details, dict) else {}
        link = LinkRow(
            id=link_id,
            claim_a_id=claim_a,
            claim_b_id=claim_b,
            relation=relation,
            disputed_by_sources=bool(details.get("disputed_by_sources")),
            cross_outlet=row_a.source_id != row_b.source_id,
            differing=tuple(d for d in details.get("differing", []) if isinstance(d, dict)),
            review=review,
        )
        links.append(link)
        for row, other in ((row_a, row_b), (row_b, row_a)):
            row.link_ids.append(link_id)
            if not link.counts:
                row.dismissed_links += 1
                continue
            row.linked_claim_ids.append(other.id)
            if not link.cross_outlet:
                if row.outlet_id != other.outlet_id:
                    copied.add(row.id)
                continue
            if review == ReviewDecision.CONFIRMED:
                row.confirmed_links += 1
            if relation == Relation.AGREEMENT:
                agreed[row.id].add(other.source_id)
            elif link.disputed_by_sources:
                disputed[row.id].add(other.source_id)
            else:
                contradicted[row.id].add(other.source_id)

    for claim_id, row in rows.items():
        row.agreed_outlets = len(agreed[claim_id])
        row.contradicted_outlets = len(contradicted[claim_id])
        row.disputed_outlets = len(disputed[claim_id])
        row.status = _claim_status(
            row.agreed_outlets, row.contradicted_outlets, row.disputed_outlets, claim_id in copied
        )
        columns[row.article_id].claims.append(row)

    relations = [link.relation for link in links if link.counts and link.cross_outlet]
    return StoryComparison(
        story=story,
        columns=list(columns.values()),
        claims=rows,
        links=links,
        agreement_count=relations.count(Relation.AGREEMENT),
        contradiction_count=relations.count(Relation.CONTRADICTION),
        only_here_count=sum(row.status == STATUS_ONLY_HERE for row in rows.values()),
        dismissed_count=len(links) - len(relations),
    )


# --- Which columns the story page shows -------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletChoice:
    outlet: Outlet
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
            if part.isdigit() and int(part) not in ids:
                ids.append(int(part))
    return ids


def story_columns_pick(*, comparison: StoryComparison, outlet_ids: list[int]) -> ColumnPick:
    """The 2-4 outlets whose articles are shown side by side. No queries.

    Outlets are offered in order of first publication; the default is the first four.
    Unknown ids are ignored; beyond four, the first four asked for are kept; fewer than
    two falls back to the default.
    """
    outlets: dict[int, Outlet] = {}
    for column in comparison.columns:
        outlets.setdefault(column.outlet.id, column.outlet)
    default = list(outlets)[:COLUMNS_MAX]
    asked = [i for i in outlet_ids if i in outlets]
    corrected = bool(outlet_ids) and not (COLUMNS_MIN <= len(asked) <= COLUMNS_MAX)
    if len(asked) < COLUMNS_MIN:
        selected = default
    else:
        selected = asked[:COLUMNS_MAX]
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


# --- Story tabs: groupings of a StoryComparison (pure Python, no queries) ----------------


@dataclass(frozen=True, slots=True)
class AgreementGroup:
    """Claims of several outlets that say the same thing (joined by agreement links)."""

    claims: list[ClaimRow]
    outlet_count: int
    # The outlets that published it first (more than one when published at the same
    # time), and when; empty when the first article has no date.
    first_outlets: list[str]
    first_published_at: dt.datetime | None
    confirmed: bool

    @property
    def shown(self) -> list[ClaimRow]:
        return self.claims[:GROUP_CLAIMS_SHOWN]

    @property
    def more(self) -> int:
        return max(0, len(self.claims) - GROUP_CLAIMS_SHOWN)


@dataclass(frozen=True, slots=True)
class ContradictionGroup:
    """Two sides that contradict each other; each side is an agreement group."""

    side_a: list[ClaimRow]
    side_b: list[ClaimRow]
    outlets_a: int
    outlets_b: int
    disputed_by_sources: bool
    differing: list[FactDifference]
    link_ids: list[int]
    confirmed: bool

    @property
    def sides(self) -> list[tuple[list[ClaimRow], int]]:
        """Each side's first GROUP_CLAIMS_SHOWN claims, and how many more it holds."""
        return [
            (side[:GROUP_CLAIMS_SHOWN], max(0, len(side) - GROUP_CLAIMS_SHOWN))
            for side in (self.side_a, self.side_b)
        ]


# A group (or a side of a contradiction) lists at most this many claims; the rest are
# counted, and every claim is in the columns anyway. Twenty outlets echoing one fact need
# not be twenty chips; the group's heading gives the number of outlets.
GROUP_CLAIMS_SHOWN = 6


@dataclass(frozen=True, slots=True)
class OnlyHereGroup:
    column: ArticleColumn
    claims: list[ClaimRow]


@dataclass(frozen=True, slots=True)
class MatrixCell:
    agreements: int
    contradictions: int
    is_self: bool


def _matrix_cell(counts: list[int] | None, *, is_self: bool) -> MatrixCell:
    agreements, contradictions = counts or (0, 0)
    return MatrixCell(agreements=agreements, contradictions=contradictions, is_self=is_self)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    outlet: Outlet
    claim_count: int
    only_here_count: int
    cells: list[MatrixCell]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    column: ArticleColumn
    delay: dt.timedelta | None
    claim_count: int
    first_reported: int


@dataclass(frozen=True, slots=True)
class DismissedLink:
    """A link an editor dismissed, shown apart from the groups it no longer joins."""

    link: LinkRow
    claim_a: ClaimRow
    claim_b: ClaimRow


@dataclass(frozen=True, slots=True)
class StoryTabs:
    agreements: list[AgreementGroup]
    contradictions: list[ContradictionGroup]
    dismissed: list[DismissedLink]
    only_here: list[OnlyHereGroup]
    only_here_count: int
    matrix_outlets: list[Outlet]
    matrix: list[MatrixRow]
    timeline: list[TimelineEntry]

    @property
    def dismissed_shown(self) -> list[DismissedLink]:
        """The first dismissed links in reading order; the tab counts the rest."""
        return self.dismissed[:DISMISSED_SHOWN]

    @property
    def dismissed_more(self) -> int:
        return max(0, len(self.dismissed) - DISMISSED_SHOWN)


# The contradictions tab lists at most this many dismissed links.
DISMISSED_SHOWN = 20


def _agreement_roots(comparison: StoryComparison) -> dict[int, int]:
    """Union-find over agreement links: claim id -> the id naming its group."""
    parent = {claim_id: claim_id for claim_id in comparison.claims}

    def find(claim_id: int) -> int:
        while parent[claim_id] != claim_id:
            parent[claim_id] = parent[parent[claim_id]]
            claim_id = parent[claim_id]
        return claim_id

    for link in comparison.links:
        if link.relation == Relation.AGREEMENT and link.counts:
            root_a, root_b = find(link.claim_a_id), find(link.claim_b_id)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)
    return {claim_id: find(claim_id) for claim_id in parent}


def story_tabs_get(*, comparison: StoryComparison) -> StoryTabs:
    """The editor's tabs for a story, computed from its comparison without queries:
    agreement groups across outlets, contradicting sides with the facts that differ,
    details only one outlet reports, an outlet-by-outlet matrix and a timeline."""
    claims = comparison.claims
    roots = _agreement_roots(comparison)
    # Reading order across the page: articles in publication order, claims by position.
    order = {
        row.id: index
        for index, row in enumerate(r for column in comparison.columns for r in column.claims)
    }
    members: dict[int, list[ClaimRow]] = defaultdict(list)
    for claim_id in sorted(claims, key=order.__getitem__):
        members[roots[claim_id]].append(claims[claim_id])

    def outlets_in(rows: list[ClaimRow]) -> int:
        # Independent sources: a wire copy does not add a confirmation.
        return len({row.source_id for row in rows})

    confirmed_roots = {
        roots[link.claim_a_id]
        for link in comparison.links
        if link.relation == Relation.AGREEMENT and link.review == ReviewDecision.CONFIRMED
    }
    agreements = [
        AgreementGroup(
            claims=rows,
            outlet_count=outlets_in(rows),
            **_first_reporters(rows),
            confirmed=roots[rows[0].id] in confirmed_roots,
        )
        for rows in members.values()
        if outlets_in(rows) > 1
    ]
    agreements.sort(key=lambda g: (-g.outlet_count, order[g.claims[0].id]))

    sides: dict[tuple[int, int], dict[str, Any]] = {}
    for link in comparison.links:
        if link.relation != Relation.CONTRADICTION or not link.cross_outlet or not link.counts:
            continue
        root_a, root_b = roots[link.claim_a_id], roots[link.claim_b_id]
        flipped = order[members[root_a][0].id] > order[members[root_b][0].id]
        key = (root_b, root_a) if flipped else (root_a, root_b)
        group = sides.setdefault(
            key, {"links": [], "disputed": True, "differing": {}, "confirmed": False}
        )
        group["links"].append(link.id)
        group["confirmed"] = group["confirmed"] or link.review == ReviewDecision.CONFIRMED
        group["disputed"] = group["disputed"] and link.disputed_by_sources
        for d in link.differing:
            here, there = (d.get("b"), d.get("a")) if flipped else (d.get("a"), d.get("b"))
            difference = FactDifference(
                kind=str(d.get("kind", "")),
                subject=str(d.get("subject", "")),
                here=str(here or ""),
                there=str(there or ""),
            )
            group["differing"].setdefault((difference.kind, difference.subject), difference)
    contradictions = [
        ContradictionGroup(
            side_a=members[root_a],
            side_b=members[root_b],
            outlets_a=outlets_in(members[root_a]),
            outlets_b=outlets_in(members[root_b]),
            disputed_by_sources=group["disputed"],
            differing=list(group["differing"].values()),
            link_ids=group["links"],
            confirmed=group["confirmed"],
        )
        for (root_a, root_b), group in sides.items()
    ]
    contradictions.sort(key=lambda g: order[g.side_a[0].id])

    only_here = [
        OnlyHereGroup(column=column, claims=rows)
        for column in comparison.columns
        if (rows := [row for row in column.claims if row.status == STATUS_ONLY_HERE])
    ]

    dismissed = [
        DismissedLink(link=link, claim_a=claims[link.claim_a_id], claim_b=claims[link.claim_b_id])
        for link in comparison.links
        if not link.counts
    ]
    dismissed.sort(key=lambda d: order[d.claim_a.id])

    return StoryTabs(
        agreements=agreements,
        contradictions=contradictions,
        dismissed=dismissed,
        only_here=only_here,
        only_here_count=sum(len(group.claims) for group in only_here),
        **_outlet_matrix(comparison),
        timeline=_timeline(comparison, roots, order),
    )


def _first_reporters(rows: list[ClaimRow]) -> dict[str, Any]:
    """Who reported a group first. rows are in reading order, which is publication
    order (undated articles last), so the first row has the earliest date."""
    first = rows[0].published_at
    if first is None:
        return {"first_outlets": [], "first_published_at": None}
    names: list[str] = []
    for row in rows:
        if row.published_at == first and row.outlet_name not in names:
            names.append(row.outlet_name)
    return {"first_outlets": names, "first_published_at": first}


def _outlet_matrix(comparison: StoryComparison) -> dict[str, Any]:
    """Outlets in order of first publication; cell (x, y) counts the links between them."""
    outlets: dict[int, Outlet] = {}
    for column in comparison.columns:
        outlets.setdefault(column.outlet.id, column.outlet)
    pairs: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for link in comparison.links:
        if not link.cross_outlet or not link.counts:
            continue
        a = comparison.claims[link.claim_a_id].outlet_id
        b = comparison.claims[link.claim_b_id].outlet_id
        slot = 0 if link.relation == Relation.AGREEMENT else 1
        pairs[(a, b)][slot] += 1
        pairs[(b, a)][slot] += 1
    rows = []
    for outlet_id, outlet in outlets.items():
        own = [row for row in comparison.claims.values() if row.outlet_id == outlet_id]
        rows.append(
            MatrixRow(
                outlet=outlet,
                claim_count=len(own),
                only_here_count=sum(row.status == STATUS_ONLY_HERE for row in own),
                cells=[
                    _matrix_cell(pairs.get((outlet_id, other)), is_self=other == outlet_id)
                    for other in outlets
                ],
            )
        )
    return {"matrix_outlets": list(outlets.values()), "matrix": rows}


def _timeline(
    comparison: StoryComparison, roots: dict[int, int], order: dict[int, int]
) -> list[TimelineEntry]:
    """Who published when, and how many claims each article was the first to report
    (no claim of its agreement group appears in an earlier article)."""
    first_seen: dict[int, int] = {}
    for claim_id in sorted(comparison.claims, key=order.__getitem__):
        first_seen.setdefault(roots[claim_id], comparison.claims[claim_id].article_id)
    published = [c.article.published_at for c in comparison.columns if c.article.published_at]
    start = min(published) if published else None
    return [
        TimelineEntry(
            column=column,
            delay=(column.article.published_at - start)
            if start and column.article.published_at
            else None,
            claim_count=len(column.claims),
            first_reported=sum(
                first_seen[roots[row.id]] == column.article.id for row in column.claims
            ),
        )
        for column in comparison.columns
    ]


# --- Claim detail -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextSegment:
    text: str
    highlighted: bool


@dataclass(frozen=True, slots=True)
class FactDifference:
    kind: str
    subject: str
    here: str
    there: str


@dataclass(frozen=True, slots=True)
class LinkView:
    link: ClaimLink
    counterpart: Claim
    relation: str
    disputed_by_sources: bool
    similarity: float
    score: float
    explanation: str
    reason: str
    matched: list[dict[str, Any]]
    differing: list[FactDifference]
    claim_segments: list[TextSegment]
    counterpart_segments: list[TextSegment]
    review: str
    # The audit trail of this claim pair, newest first (it outlives realignment).
    reviews: list[LinkReview]


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    claim: Claim
    links: list[LinkView]
    segments: list[TextSegment]
    # Who the claim quotes, spelled as in the article ("" when the outlet says it).
    attribution: str = ""


def _segments(text: str, needles: Iterable[str]) -> list[TextSegment]:
    """text cut into plain and highlighted runs, highlighting every needle it contains."""
    needles = sorted({n for n in needles if n and n in text}, key=len, reverse=True)
    if not needles:
        return [TextSegment(text, False)]
    pattern = re.compile("|".join(re.escape(n) for n in needles))
    segments: list[TextSegment] = []
    cursor = 0
    for match in pattern.finditer(text):
        if match.start() > cursor:
            segments.append(TextSegment(text[cursor : match.start()], False))
        segments.append(TextSegment(match.group(), True))
        cursor = match.end()
    if cursor < len(text):
        segments.append(TextSegment(text[cursor:], False))
    return segments


def _surface_forms(claim: Claim, differences: Iterable[tuple[str, str]]) -> set[str]:
    """The words of claim that carry the given (kind, value) facts.

    Facts keep their surface text; a value with no recorded fact is looked for as is
    (numbers are often written the way they are stored).
    """
    wanted = set(differences)
    forms = {
        fact.get("text", "")
        for fact in claim.facts or []
        if isinstance(fact, dict) and (fact.get("kind"), fact.get("value")) in wanted
    }
    forms.update(value for _, value in wanted)
    return {f for f in forms if f}


def claim_detail_get(*, claim_id: int) -> ClaimDetail:
    """A claim, its article and outlet, and every link from it with the counterpart claim,
    the facts that matched and those that differ (oriented: here / there), and the
    editors' reviews of each pair, newest first. Three queries.

    Raises Claim.DoesNotExist for an unknown id.
    """
    claim = Claim.objects.select_related("article__outlet", "article__story").get(pk=claim_id)
    links = (
        ClaimLink.objects.filter(Q(claim_a_id=claim_id) | Q(claim_b_id=claim_id))
        .select_related("claim_a__article__outlet", "claim_b__article__outlet")
        .order_by("relation", "-similarity", "id")
    )
    reviews: dict[tuple[int, int], list[LinkReview]] = defaultdict(list)
    for review in (
        LinkReview.objects.filter(Q(claim_a_id=claim_id) | Q(claim_b_id=claim_id))
        .select_related("reviewer")
        .order_by("-created_at", "-id")
    ):
        reviews[(review.claim_a_id, review.claim_b_id)].append(review)
    views: list[LinkView] = []
    own_highlights: set[str] = set()
    for link in links:
        is_a = link.claim_a_id == claim_id
        counterpart = link.claim_b if is_a else link.claim_a
        details = link.details if isinstance(link.details, dict) else {}
        differing = [
            FactDifference(
                kind=str(d.get("kind", "")),
                subject=str(d.get("subject", "")),
                here=str(d.get("a" if is_a else "b", "")),
                there=str(d.get("b" if is_a else "a", "")),
            )
            for d in details.get("differing", [])
            if isinstance(d, dict)
        ]
        here_forms = _surface_forms(claim, ((d.kind, d.here) for d in differing))
        there_forms = _surface_forms(counterpart, ((d.kind, d.there) for d in differing))
        own_highlights |= here_forms
        views.append(
            LinkView(
                link=link,
                counterpart=counterpart,
                relation=link.relation,
                disputed_by_sources=bool(details.get("disputed_by_sources")),
                similarity=link.similarity,
                score=link.score,
                explanation=link.explanation,
                reason=str(details.get("reason", "")),
                matched=[m for m in details.get("matched", []) if isinstance(m, dict)],
                differing=differing,
                claim_segments=_segments(claim.text, here_forms),
                counterpart_segments=_segments(counterpart.text, there_forms),
                review=link.review,
                reviews=reviews.get((link.claim_a_id, link.claim_b_id), []),
            )
        )
    return ClaimDetail(
        claim=claim,
        links=views,
        segments=_segments(claim.text, own_highlights),
        attribution=surface_of(claim.text, claim.attribution) if claim.attribution else "",
    )


# --- Article text -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleRun:
    """A run of an article's clean text: plain (claim is None) or one claim, in place."""

    text: str
    claim: ClaimRow | None


@dataclass(frozen=True, slots=True)
class ArticleText:
    article: Article
    column: ArticleColumn
    runs: list[ArticleRun]


def article_text_get(*, article_id: int) -> ArticleText:
    """An article's clean text cut at its claims' start/end offsets, each claim with its
    status in the story. Five queries (the article, then the story's comparison).

    Claims whose offsets fall outside the text or overlap an earlier claim are left as
    plain text rather than guessed at. Raises Article.DoesNotExist for an unknown id.
    """
    article = Article.objects.select_related("outlet", "story").get(pk=article_id)
    comparison = story_comparison_get(story=article.story)
    column = next(c for c in comparison.columns if c.article.id == article.id)
    spans = Claim.objects.filter(article=article).order_by("start", "position")
    text = article.clean_text
    runs: list[ArticleRun] = []
    cursor = 0
    for claim_id, start, end in spans.values_list("id", "start", "end"):
        row = comparison.claims.get(claim_id)
        if row is None or start < cursor or end > len(text) or end <= start:
            continue
        if start > cursor:
            runs.append(ArticleRun(text[cursor:start], None))
        runs.append(ArticleRun(text[start:end], row))
        cursor = end
    if cursor < len(text):
        runs.append(ArticleRun(text[cursor:], None))
    return ArticleText(article=article, column=column, runs=runs)
