"""One story's verdicts, decided in one place: each claim's status and the story's counts.

``story_verdicts`` is the only rule. Services run it whenever a story is realigned or a link
is reviewed and store what it returns (Claim.status and its outlet counts, the Story's
counts); the story list, the story page, the article text, the matrix, the timeline, the
exports and the API all read those stored values, so no two screens can disagree.

The groups it counts (``story_groups``) are also what the story page's tabs list, so a
count and the list it counts are the same thing:

- an **agreement** is a group of claims joined by agreement links that at least two
  independent outlets report (a wire copy and the article it reprints are one outlet);
- a **contradiction**, a **dispute** between the sources outlets quote, and an **update** of
  a figure over time are each one pair of claim groups in conflict, however many links join
  the two groups; a dispute may also be one article's, between two sources it quotes;
- a detail **only here** is a claim no other outlet reports;
- a link **dismissed by an editor** is one whose newest review dismissed it; it no longer
  counts anywhere else. Nothing else is ever counted as a dismissal.

The second half of the module lays those same groups out for the story page's tabs
(``story_tabs_get``): agreement groups with who reported them first, conflict groups with
their two sides and the facts that differ as the articles wrote them, the details only one
outlet reports, the links editors dismissed, an outlet-by-outlet matrix and a timeline.

Pure Python: no queries and no Django, so the rule is tested on plain data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

from newsdiff.pipeline.align import connected_groups
from newsdiff.pipeline.types import FactDifference, RelationDetails

# Relations and reviews as stored (models.Relation / models.ReviewDecision values).
AGREEMENT = "agreement"
CONTRADICTION = "contradiction"
DISPUTED = "disputed"
UPDATED = "updated"
CONFIRMED = "confirmed"
DISMISSED = "dismissed"
# Conflict kinds, most serious first: a pair of groups joined by a contradiction and by a
# dispute is shown as a contradiction.
CONFLICT_KINDS = (CONTRADICTION, DISPUTED, UPDATED)

# Claim statuses (models.ClaimStatus values), most telling first: a claim one outlet
# contradicts is shown as contradicted even when others agree with it (the agreement count
# is still stored and shown).
STATUS_CONTRADICTED = "contradicted"
STATUS_DISPUTED = "disputed"
STATUS_UPDATED = "updated"
STATUS_AGREED = "agreed"
STATUS_COPIED = "copied"
STATUS_ONLY_HERE = "only_here"
STATUS_OF_CONFLICT = {
    CONTRADICTION: STATUS_CONTRADICTED,
    DISPUTED: STATUS_DISPUTED,
    UPDATED: STATUS_UPDATED,
}


@dataclass(frozen=True, slots=True)
class ArticleNode:
    """An article as the rule needs it: its outlet, and the article it reprints (wire copy)."""

    id: int
    outlet_id: int
    copy_of_id: int | None = None


@dataclass(frozen=True, slots=True)
class LinkEdge:
    """A stored link: two claims, the engine's relation and the newest editor decision."""

    id: int
    claim_a_id: int
    claim_b_id: int
    relation: str
    review: str = ""

    @property
    def counts(self) -> bool:
        """Whether the link counts anywhere (an editor did not dismiss it)."""
        return self.review != DISMISSED


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    status: str
    # Independent outlets in the claim's agreement group, its own included (0 when no
    # other outlet reports it alike).
    agreed_outlets: int = 0
    # Other independent outlets whose claims contradict it / dispute it / update its figure
    # (a dispute its own article reports counts its own outlet).
    contradicted_outlets: int = 0
    disputed_outlets: int = 0
    updated_outlets: int = 0


@dataclass(frozen=True, slots=True)
class StoryCounts:
    article_count: int = 0
    agreement_count: int = 0
    contradiction_count: int = 0
    disputed_count: int = 0
    updated_count: int = 0
    only_here_count: int = 0
    dismissed_count: int = 0

    @property
    def conflict_count(self) -> int:
        """Contradictions, disputes and updates: what the story page's Contradictions tab
        lists."""
        return self.contradiction_count + self.disputed_count + self.updated_count


# The counts' names, which are also the Story model's fields that store them.
STORY_COUNT_FIELDS = tuple(f.name for f in fields(StoryCounts))


@dataclass(frozen=True, slots=True)
class AgreementGroup:
    """Claims that say the same thing, by at least two independent outlets."""

    claim_ids: tuple[int, ...]
    outlet_count: int
    confirmed: bool  # an editor confirmed one of the links that join it


@dataclass(frozen=True, slots=True)
class ConflictGroup:
    """Two claim groups in conflict: side_a holds claim_a of the group's first link."""

    kind: str  # contradiction | disputed | updated
    side_a: tuple[int, ...]
    side_b: tuple[int, ...]
    outlets_a: int
    outlets_b: int
    link_ids: tuple[int, ...]
    confirmed: bool


@dataclass(frozen=True, slots=True)
class StoryGroups:
    agreements: tuple[AgreementGroup, ...]
    conflicts: tuple[ConflictGroup, ...]
    # Each claim's agreement group, named by the group's smallest claim id.
    group_of: Mapping[int, int]


@dataclass(frozen=True, slots=True)
class StoryVerdicts:
    claims: Mapping[int, ClaimVerdict]
    counts: StoryCounts
    groups: StoryGroups


def source_of_articles(articles: Iterable[ArticleNode]) -> dict[int, int]:
    """Each article's independent source: its outlet, or for a wire copy the outlet of the
    article it reprints."""
    articles = list(articles)
    outlet_of = {a.id: a.outlet_id for a in articles}
    return {
        a.id: outlet_of.get(a.copy_of_id, a.outlet_id) if a.copy_of_id else a.outlet_id
        for a in articles
    }


def inner_dispute(link: LinkEdge, claim_article: Mapping[int, int]) -> bool:
    """Whether the link is a dispute one article reports between two sources it quotes: the
    one conflict that may join two claims of one outlet."""
    return (
        link.relation == DISPUTED
        and claim_article[link.claim_a_id] == claim_article[link.claim_b_id]
    )


def story_groups(
    *, claim_article: Mapping[int, int], source_of: Mapping[int, int], links: Sequence[LinkEdge]
) -> StoryGroups:
    """Agreement groups (connected by counting agreement links) and the conflicts between them.

    claim_article: claim id -> article id, for every claim of the story; source_of: article
    id -> independent source (``source_of_articles``).
    """
    counting = [link for link in links if link.counts]
    joined = connected_groups(
        (link.claim_a_id, link.claim_b_id) for link in counting if link.relation == AGREEMENT
    )
    group_of = {claim_id: claim_id for claim_id in claim_article}
    members: dict[int, list[int]] = {claim_id: [claim_id] for claim_id in claim_article}
    for group in joined:
        root = min(group)
        for claim_id in group:
            group_of[claim_id] = root
        for claim_id in group:
            if claim_id != root:
                members.pop(claim_id, None)
        members[root] = sorted(group)

    def outlets(root: int) -> int:
        return len({source_of[claim_article[c]] for c in members[root]})

    confirmed_roots = {
        group_of[link.claim_a_id]
        for link in counting
        if link.relation == AGREEMENT and link.review == CONFIRMED
    }
    agreements = tuple(
        AgreementGroup(
            claim_ids=tuple(members[root]),
            outlet_count=outlets(root),
            confirmed=root in confirmed_roots,
        )
        for root in sorted(members)
        if outlets(root) > 1
    )
    return StoryGroups(
        agreements=agreements,
        conflicts=_conflicts(counting, claim_article, source_of, group_of, members, outlets),
        group_of=group_of,
    )


def _conflicts(
    counting: Sequence[LinkEdge],
    claim_article: Mapping[int, int],
    source_of: Mapping[int, int],
    group_of: Mapping[int, int],
    members: Mapping[int, list[int]],
    outlets: Callable[[int], int],
) -> tuple[ConflictGroup, ...]:
    """One conflict per unordered pair of agreement groups joined by conflict links of
    independent outlets."""
    pairs: dict[frozenset[int], list[LinkEdge]] = defaultdict(list)
    for link in counting:
        if link.relation not in CONFLICT_KINDS:
            continue
        source_a = source_of[claim_article[link.claim_a_id]]
        source_b = source_of[claim_article[link.claim_b_id]]
        root_a, root_b = group_of[link.claim_a_id], group_of[link.claim_b_id]
        if (source_a == source_b and not inner_dispute(link, claim_article)) or root_a == root_b:
            continue  # one source cannot contradict itself; nor can one group
        pairs[frozenset((root_a, root_b))].append(link)
    conflicts = []
    for group_links in pairs.values():
        first = group_links[0]
        root_a, root_b = group_of[first.claim_a_id], group_of[first.claim_b_id]
        kinds = {link.relation for link in group_links}
        conflicts.append(
            ConflictGroup(
                kind=next(kind for kind in CONFLICT_KINDS if kind in kinds),
                side_a=tuple(members[root_a]),
                side_b=tuple(members[root_b]),
                outlets_a=outlets(root_a),
                outlets_b=outlets(root_b),
                link_ids=tuple(link.id for link in group_links),
                confirmed=any(link.review == CONFIRMED for link in group_links),
            )
        )
    return tuple(sorted(conflicts, key=lambda c: (min(c.side_a + c.side_b), c.kind)))


def story_verdicts(
    *, articles: Sequence[ArticleNode], claim_article: Mapping[int, int], links: Sequence[LinkEdge]
) -> StoryVerdicts:
    """Every claim's status and the story's counts (see the module docstring for the rule).

    articles: the story's articles; claim_article: claim id -> article id for every claim of
    the story; links: every stored link of the story with its newest review.
    """
    source_of = source_of_articles(articles)
    outlet_of = {a.id: a.outlet_id for a in articles}
    groups = story_groups(claim_article=claim_article, source_of=source_of, links=links)
    agreed = {
        claim_id: group.outlet_count for group in groups.agreements for claim_id in group.claim_ids
    }
    against: dict[str, dict[int, set[int]]] = {kind: defaultdict(set) for kind in CONFLICT_KINDS}
    copied: set[int] = set()
    for link in links:
        if not link.counts:
            continue
        article_a, article_b = claim_article[link.claim_a_id], claim_article[link.claim_b_id]
        source_a, source_b = source_of[article_a], source_of[article_b]
        if source_a == source_b and not inner_dispute(link, claim_article):
            # A wire copy and its original: the claim is "only in copies of one text", unless
            # another outlet reports it too. Two articles of one outlet say nothing.
            if outlet_of[article_a] != outlet_of[article_b]:
                copied.update((link.claim_a_id, link.claim_b_id))
            continue
        if groups.group_of[link.claim_a_id] == groups.group_of[link.claim_b_id]:
            # A conflict inside one agreement group is no conflict group (story_groups), so
            # it gives no status either: a claim is never "contradicted" by nothing listed.
            continue
        if link.relation in against:
            against[link.relation][link.claim_a_id].add(source_b)
            against[link.relation][link.claim_b_id].add(source_a)
    verdicts = {claim_id: _verdict(claim_id, agreed, against, copied) for claim_id in claim_article}
    statuses = [v.status for v in verdicts.values()]
    conflict_kinds = [c.kind for c in groups.conflicts]
    counts = StoryCounts(
        article_count=len(articles),
        agreement_count=len(groups.agreements),
        contradiction_count=conflict_kinds.count(CONTRADICTION),
        disputed_count=conflict_kinds.count(DISPUTED),
        updated_count=conflict_kinds.count(UPDATED),
        only_here_count=statuses.count(STATUS_ONLY_HERE),
        dismissed_count=sum(1 for link in links if link.review == DISMISSED),
    )
    return StoryVerdicts(claims=verdicts, counts=counts, groups=groups)


def _verdict(
    claim_id: int,
    agreed: Mapping[int, int],
    against: Mapping[str, Mapping[int, set[int]]],
    copied: set[int],
) -> ClaimVerdict:
    counts = {kind: len(against[kind].get(claim_id, ())) for kind in CONFLICT_KINDS}
    agreed_outlets = agreed.get(claim_id, 0)
    status = next(
        (STATUS_OF_CONFLICT[kind] for kind in CONFLICT_KINDS if counts[kind]),
        STATUS_AGREED
        if agreed_outlets
        else (STATUS_COPIED if claim_id in copied else STATUS_ONLY_HERE),
    )
    return ClaimVerdict(
        status=status,
        agreed_outlets=agreed_outlets,
        contradicted_outlets=counts[CONTRADICTION],
        disputed_outlets=counts[DISPUTED],
        updated_outlets=counts[UPDATED],
    )


# --- The story page: its tabs, built on story_groups (no queries) -----------------------
#
# The selectors load a story's articles, claims (with their stored verdicts) and links into
# a StoryComparison; story_tabs_get groups them for the page's tabs with story_groups, the
# very groups the stored counts count, so a tab lists exactly what its count counts.

# A group (or a side of a conflict) lists at most this many claims; the rest are counted,
# and every claim is in the columns anyway. Twenty outlets echoing one fact need not be
# twenty chips; the group's heading gives the number of outlets.
GROUP_CLAIMS_SHOWN = 6
# The contradictions tab lists at most this many dismissed links.
DISMISSED_SHOWN = 20


@dataclass(frozen=True, slots=True)
class OutletInfo:
    id: int
    name: str
    native_name: str = ""

    @property
    def label(self) -> str:
        """The outlet's own name for itself when known (Arabic outlets write it in Arabic)."""
        return self.native_name or self.name


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article as the story page shows it (its text stays in the database)."""

    id: int
    outlet_id: int
    title: str = ""
    url: str = ""
    published_at: dt.datetime | None = None
    language: str = "ar"
    copy_of_id: int | None = None


@dataclass(slots=True)
class ClaimRow:
    """A claim with its stored verdict, and the links that start or end at it."""

    id: int
    article_id: int
    outlet_id: int
    outlet_name: str
    position: int
    text: str
    language: str
    direction: str
    url: str = ""
    published_at: dt.datetime | None = None
    # The independent source of the claim's text: its outlet, or the reprinted article's
    # outlet for a wire copy.
    source_id: int = 0
    attribution_text: str = ""
    # Stored by services from story_verdicts (Claim.status and its outlet counts).
    status: str = STATUS_ONLY_HERE
    agreed_outlets: int = 0
    contradicted_outlets: int = 0
    disputed_outlets: int = 0
    updated_outlets: int = 0
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


@dataclass(slots=True)
class ArticleColumn:
    article: ArticleInfo
    outlet: OutletInfo
    direction: str
    claims: list[ClaimRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A stored link as the page needs it; details are read only for conflicts."""

    id: int
    claim_a_id: int
    claim_b_id: int
    relation: str
    review: str = ""
    details: RelationDetails | None = None

    @property
    def counts(self) -> bool:
        """Whether the link counts anywhere (an editor did not dismiss it)."""
        return self.review != DISMISSED

    @property
    def edge(self) -> LinkEdge:
        return LinkEdge(
            id=self.id,
            claim_a_id=self.claim_a_id,
            claim_b_id=self.claim_b_id,
            relation=self.relation,
            review=self.review,
        )


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """A story's articles in publication order, their claims in reading order, its links."""

    columns: list[ArticleColumn]
    claims: dict[int, ClaimRow]
    links: list[LinkRow]

    def reading_order(self) -> dict[int, int]:
        """claim id -> its place across the page: articles by publication, claims by position."""
        rows = (row for column in self.columns for row in column.claims)
        return {row.id: index for index, row in enumerate(rows)}

    def groups(self) -> StoryGroups:
        """The story's agreement and conflict groups: story_groups on this data."""
        return story_groups(
            claim_article={claim_id: row.article_id for claim_id, row in self.claims.items()},
            source_of=source_of_articles(
                ArticleNode(c.article.id, c.outlet.id, c.article.copy_of_id) for c in self.columns
            ),
            links=[link.edge for link in self.links],
        )


def language_direction(language: str) -> str:
    """The writing direction of a language code (the languages newsdiff reads)."""
    return "rtl" if language == "ar" else "ltr"


class _ShownClaims:
    """A group's claims as a page lists them: the first GROUP_CLAIMS_SHOWN, and how many
    more it holds (for the dataclasses below, which hold ``claims``)."""

    __slots__ = ()
    claims: list[ClaimRow]

    @property
    def shown(self) -> list[ClaimRow]:
        return self.claims[:GROUP_CLAIMS_SHOWN]

    @property
    def more(self) -> int:
        return max(0, len(self.claims) - GROUP_CLAIMS_SHOWN)


@dataclass(frozen=True, slots=True)
class AgreementEntry(_ShownClaims):
    """An agreement group on the page: claims of several outlets that say the same thing."""

    claims: list[ClaimRow]
    outlet_count: int
    # The outlets that published it first (more than one when published at the same
    # time), and when; empty when the first article has no date.
    first_outlets: list[str]
    first_published_at: dt.datetime | None
    confirmed: bool


@dataclass(frozen=True, slots=True)
class ConflictSide(_ShownClaims):
    """One side of a conflict: its claims, its outlets, who it quotes and when."""

    claims: list[ClaimRow]
    outlet_count: int
    # Who the side's claims quote, as the articles wrote it (a dispute's parties).
    sources: tuple[str, ...]
    # When the side's figure was published (an update's two times).
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    """A conflict group on the page: a contradiction between outlets, a dispute between the
    sources they quote, or a figure updated over time. Side a comes first in reading order;
    every difference is oriented a -> b and carries the values as the articles wrote them."""

    kind: str  # contradiction | disputed | updated
    side_a: ConflictSide
    side_b: ConflictSide
    differing: list[FactDifference]
    link_ids: list[int]
    confirmed: bool

    @property
    def sides(self) -> list[ConflictSide]:
        return [self.side_a, self.side_b]


@dataclass(frozen=True, slots=True)
class OnlyHereEntry:
    column: ArticleColumn
    claims: list[ClaimRow]


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """The pairs of claims two outlets relate, by relation."""

    agreements: int
    contradictions: int
    is_self: bool
    disputes: int = 0
    updates: int = 0


@dataclass(frozen=True, slots=True)
class MatrixRow:
    outlet: OutletInfo
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


class StoryTabs:
    """The story page's tabs, laid out from its comparison without queries: agreement groups
    and conflict groups (story_groups: what the stored counts count), details only one outlet
    reports (stored status only_here), the links editors dismissed, an outlet-by-outlet
    matrix and a timeline.

    Each is laid out when a template first reads it: a page shows one tab, and its counts and
    badges come from the stored story, so the others are never built. limit: how many groups
    the agreements and contradictions tabs list before "show all" (None: all of them).
    """

    def __init__(self, comparison: StoryComparison, *, limit: int | None = None) -> None:
        self._comparison = comparison
        self.limit = limit

    @cached_property
    def _groups(self) -> StoryGroups:
        return self._comparison.groups()

    @cached_property
    def _order(self) -> Mapping[int, int]:
        return self._comparison.reading_order()

    def _rows(self, ids: Iterable[int]) -> list[ClaimRow]:
        claims, order = self._comparison.claims, self._order
        return [claims[i] for i in sorted(ids, key=order.__getitem__)]

    @cached_property
    def agreements(self) -> list[AgreementEntry]:
        order = self._order
        agreements = [
            AgreementEntry(
                claims=members,
                outlet_count=group.outlet_count,
                **_first_reporters(members),
                confirmed=group.confirmed,
            )
            for group in self._groups.agreements
            if (members := self._rows(group.claim_ids))
        ]
        agreements.sort(key=lambda g: (-g.outlet_count, order[g.claims[0].id]))
        return agreements

    @property
    def agreements_shown(self) -> list[AgreementEntry]:
        return self.agreements[: self.limit]

    @cached_property
    def conflicts(self) -> list[ConflictEntry]:
        order = self._order
        links = {link.id: link for link in self._comparison.links}
        conflicts = [_conflict_entry(c, self._rows, links, order) for c in self._groups.conflicts]
        conflicts.sort(key=lambda c: (CONFLICT_KINDS.index(c.kind), order[c.side_a.claims[0].id]))
        return conflicts

    @property
    def conflicts_shown(self) -> list[ConflictEntry]:
        return self.conflicts[: self.limit]

    @cached_property
    def only_here(self) -> list[OnlyHereEntry]:
        return [
            OnlyHereEntry(column=column, claims=members)
            for column in self._comparison.columns
            if (members := [row for row in column.claims if row.status == STATUS_ONLY_HERE])
        ]

    @cached_property
    def dismissed(self) -> list[DismissedLink]:
        claims, order = self._comparison.claims, self._order
        return sorted(
            (
                DismissedLink(
                    link=link, claim_a=claims[link.claim_a_id], claim_b=claims[link.claim_b_id]
                )
                for link in self._comparison.links
                if not link.counts
            ),
            key=lambda d: order[d.claim_a.id],
        )

    @property
    def dismissed_shown(self) -> list[DismissedLink]:
        """The first dismissed links in reading order; the tab counts the rest."""
        return self.dismissed[:DISMISSED_SHOWN]

    @property
    def dismissed_more(self) -> int:
        return max(0, len(self.dismissed) - DISMISSED_SHOWN)

    @cached_property
    def _matrix(self) -> tuple[list[OutletInfo], list[MatrixRow]]:
        return _outlet_matrix(self._comparison)

    @property
    def matrix_outlets(self) -> list[OutletInfo]:
        return self._matrix[0]

    @property
    def matrix(self) -> list[MatrixRow]:
        return self._matrix[1]

    @cached_property
    def timeline(self) -> list[TimelineEntry]:
        return _timeline(self._comparison, self._groups.group_of, self._order)


def story_tabs_get(*, comparison: StoryComparison, limit: int | None = None) -> StoryTabs:
    """The story page's tabs (StoryTabs), each laid out on first use."""
    return StoryTabs(comparison, limit=limit)


def _conflict_entry(
    conflict: ConflictGroup,
    rows: Callable[[Iterable[int]], list[ClaimRow]],
    links: Mapping[int, LinkRow],
    order: Mapping[int, int],
) -> ConflictEntry:
    """A conflict group with its sides in reading order and its links' details oriented
    from side a to side b (the differing facts merged, each once)."""
    side_a, side_b = rows(conflict.side_a), rows(conflict.side_b)
    outlets_a, outlets_b = conflict.outlets_a, conflict.outlets_b
    if order[side_b[0].id] < order[side_a[0].id]:
        side_a, side_b, outlets_a, outlets_b = side_b, side_a, outlets_b, outlets_a
    on_side_a = {row.id for row in side_a}
    differing: dict[tuple[str, str, str, str, str], FactDifference] = {}
    sources: tuple[list[str], list[str]] = ([], [])
    published: list[dt.date | None] = [None, None]
    for link_id in conflict.link_ids:
        link = links[link_id]
        if link.details is None:
            continue
        # Stored details read from the link's claim a; turn them to face side a.
        details = link.details if link.claim_a_id in on_side_a else link.details.swapped()
        for d in details.differing:
            key = (d.kind, d.a.value, d.a.unit, d.b.value, d.b.unit)
            differing.setdefault(key, d)
        for names, name in ((sources[0], details.source_a), (sources[1], details.source_b)):
            if name and name not in names:
                names.append(name)
        published = [published[0] or details.published_a, published[1] or details.published_b]
    return ConflictEntry(
        kind=conflict.kind,
        side_a=_conflict_side(side_a, outlets_a, sources[0], published[0]),
        side_b=_conflict_side(side_b, outlets_b, sources[1], published[1]),
        differing=list(differing.values()),
        link_ids=list(conflict.link_ids),
        confirmed=conflict.confirmed,
    )


def _conflict_side(
    claims: list[ClaimRow], outlet_count: int, sources: list[str], published: dt.date | None
) -> ConflictSide:
    # Whom the side quotes: as the links' details name them, else as its claims name them.
    if not sources:
        sources = list(
            dict.fromkeys(row.attribution_text for row in claims if row.attribution_text)
        )
    if published is None:
        dates = [row.published_at.date() for row in claims if row.published_at]
        published = min(dates) if dates else None
    return ConflictSide(
        claims=claims, outlet_count=outlet_count, sources=tuple(sources), published=published
    )


def _first_reporters(rows: Sequence[ClaimRow]) -> dict[str, Any]:
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


def _outlet_matrix(comparison: StoryComparison) -> tuple[list[OutletInfo], list[MatrixRow]]:
    """Outlets in order of first publication; cell (x, y) counts the pairs of claims x and y
    relate, by relation: agreements, contradictions, disputes between the sources they quote,
    figures updated over time (links no editor dismissed, between independent sources: a wire
    copy and its original are one)."""
    outlets: dict[int, OutletInfo] = {}
    for column in comparison.columns:
        outlets.setdefault(column.outlet.id, column.outlet)
    claims = comparison.claims
    pairs: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for link in comparison.links:
        row_a, row_b = claims[link.claim_a_id], claims[link.claim_b_id]
        if not link.counts or row_a.source_id == row_b.source_id:
            continue
        pairs[(row_a.outlet_id, row_b.outlet_id)][link.relation] += 1
        pairs[(row_b.outlet_id, row_a.outlet_id)][link.relation] += 1
    matrix = []
    for outlet_id, outlet in outlets.items():
        own = [row for row in claims.values() if row.outlet_id == outlet_id]
        cells = []
        for other in outlets:
            counted = pairs.get((outlet_id, other), Counter())
            cells.append(
                MatrixCell(
                    agreements=counted[AGREEMENT],
                    contradictions=counted[CONTRADICTION],
                    disputes=counted[DISPUTED],
                    updates=counted[UPDATED],
                    is_self=other == outlet_id,
                )
            )
        matrix.append(
            MatrixRow(
                outlet=outlet,
                claim_count=len(own),
                only_here_count=sum(row.status == STATUS_ONLY_HERE for row in own),
                cells=cells,
            )
        )
    return list(outlets.values()), matrix


def _timeline(
    comparison: StoryComparison, group_of: Mapping[int, int], order: Mapping[int, int]
) -> list[TimelineEntry]:
    """Who published when, and how many claims each article was the first to report
    (no claim of its agreement group appears in an earlier article)."""
    first_seen: dict[int, int] = {}
    for claim_id in sorted(comparison.claims, key=order.__getitem__):
        first_seen.setdefault(group_of[claim_id], comparison.claims[claim_id].article_id)
    published = [c.article.published_at for c in comparison.columns if c.article.published_at]
    start = min(published) if published else None
    entries = []
    for column in comparison.columns:
        when = column.article.published_at
        entries.append(
            TimelineEntry(
                column=column,
                delay=when - start if start and when else None,
                claim_count=len(column.claims),
                first_reported=sum(
                    first_seen[group_of[row.id]] == column.article.id for row in column.claims
                ),
            )
        )
    return entries
