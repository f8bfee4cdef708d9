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
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, ClassVar, cast

from newsdiff.pipeline.align import connected_groups
from newsdiff.pipeline.types import FactDifference, FactValue, RelationDetails

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

# An agreement link the engine scored below this confidence (ClaimLink.score) is a weak
# match: it is stored and shown (folded away, with its scores, in a claim's panel), but it
# never joins two claims into one agreement group, and so never merges the sides of a
# conflict. Uncertain pairs are no link an editor has to read as a verdict.
WEAK_LINK_SCORE = 0.5

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
    # The engine's confidence (ClaimLink.score): a weak agreement joins no group.
    score: float = 1.0
    # For a conflict, the facts the two claims give differently, read from claim a.
    differing: tuple[FactDifference, ...] = ()

    @property
    def counts(self) -> bool:
        """Whether the link counts anywhere (an editor did not dismiss it)."""
        return self.review != DISMISSED

    @property
    def joins(self) -> bool:
        """Whether the link puts its two claims in one agreement group (link_joins)."""
        return link_joins(self.relation, self.review, self.score)


def link_joins(relation: str, review: str, score: float) -> bool:
    """Whether a link puts its two claims in one agreement group: a counting agreement the
    engine is confident of, or one an editor confirmed."""
    return (
        relation == AGREEMENT
        and review != DISMISSED
        and (score >= WEAK_LINK_SCORE or review == CONFIRMED)
    )


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
class ConflictValue:
    """One side of a conflict: the claims that give one value of the fact in conflict."""

    claim_ids: tuple[int, ...]
    outlet_count: int
    # The value as one of these claims wrote it; None for a conflict that names no fact.
    value: FactValue | None = None


@dataclass(frozen=True, slots=True)
class ConflictGroup:
    """One fact in conflict across the story: the claims that give it, grouped by the value
    they give (two sides or more), and the links that found the difference.

    fact is the kind of fact ("money", "date" ...), "" when the links name no fact (two
    statements in conflict, e.g. one negates the other): then the sides are the two
    agreement groups the links join.
    """

    kind: str  # contradiction | disputed | updated
    fact: str
    sides: tuple[ConflictValue, ...]
    link_ids: tuple[int, ...]
    confirmed: bool

    @property
    def side_a(self) -> tuple[int, ...]:
        return self.sides[0].claim_ids

    @property
    def side_b(self) -> tuple[int, ...]:
        return self.sides[1].claim_ids


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
    joining = [link for link in counting if link.joins]
    joined = connected_groups((link.claim_a_id, link.claim_b_id) for link in joining)
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

    confirmed_roots = {group_of[link.claim_a_id] for link in joining if link.review == CONFIRMED}
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
        conflicts=_conflicts(
            _listed_conflicts(counting, claim_article, source_of, group_of),
            claim_article,
            source_of,
            group_of,
            members,
            outlets,
        ),
        group_of=group_of,
    )


def _listed_conflicts(
    links: Iterable[LinkEdge],
    claim_article: Mapping[int, int],
    source_of: Mapping[int, int],
    group_of: Mapping[int, int],
) -> list[LinkEdge]:
    """The conflict links the story lists: counting links between independent sources (or a
    dispute one article reports between two sources it quotes). A link between two claims of
    one agreement group is left out: when both agree with the same claims (links the engine is
    confident of, or an editor confirmed), the conflict is the doubtful verdict, and a group
    cannot be in conflict with itself."""
    listed = []
    for link in links:
        if link.relation not in CONFLICT_KINDS or not link.counts:
            continue
        source_a = source_of[claim_article[link.claim_a_id]]
        source_b = source_of[claim_article[link.claim_b_id]]
        if source_a == source_b and not inner_dispute(link, claim_article):
            continue  # one source cannot contradict itself
        if group_of[link.claim_a_id] == group_of[link.claim_b_id]:
            continue
        listed.append(link)
    return listed


# A fact in conflict: (kind of fact, "updated" or "contradiction"); a node of one: (claim id,
# that fact, the claim's value of it when the claim gives several, else ("", "")).
_Fact = tuple[str, str]
_Node = tuple[int, _Fact, tuple[str, str]]
_ONE_VALUE = ("", "")


def _value_key(value: FactValue) -> tuple[str, str]:
    return (value.value, value.unit)


def _conflicts(
    listed: Sequence[LinkEdge],
    claim_article: Mapping[int, int],
    source_of: Mapping[int, int],
    group_of: Mapping[int, int],
    members: Mapping[int, list[int]],
    outlets: Callable[[int], int],
) -> tuple[ConflictGroup, ...]:
    """The story's conflicts, one per fact in conflict (see ConflictGroup).

    A fact in conflict is a set of (claim, kind of fact) joined by the conflict links that
    find that kind of fact differing, and by the agreement groups their claims are in (two
    outlets that agree and both give the fact are one account of it). A claim that gives
    several values of one kind in its conflicts (a list of countries' tolls: "658 Egyptians,
    183 Indonesians, 68 Indians") is one node per value, so that each conflict keeps the two
    figures its link set side by side. Its sides are the
    values its claims give: a weak link can never put two values on one side. Outlets that
    differ and the sources they quote differing are one conflict (a contradiction when any
    of its links is one, else a dispute); the same figure updated over time is another, its
    values in the order they were published. Conflict links that name no fact make one
    conflict per pair of agreement groups they join.
    """
    # (claim, fact) pairs the conflict links join, and then the agreement groups.
    joined: list[tuple[_Node, _Node]] = []
    # node -> the values the links read for it; (fact, value) -> as first written.
    values: dict[_Node, Counter[tuple[str, str]]] = defaultdict(Counter)
    written: dict[tuple[_Fact, tuple[str, str]], FactValue] = {}
    links_of: dict[_Node, list[LinkEdge]] = defaultdict(list)
    statements: dict[frozenset[int], list[LinkEdge]] = defaultdict(list)
    # A figure outlets give differently and the same figure updated over time are two
    # conflicts; outlets that differ and the sources they quote are one.
    differences = [
        (link, (d.kind, UPDATED if link.relation == UPDATED else CONTRADICTION), d)
        for link in listed
        for d in link.differing
    ]
    given: dict[tuple[int, _Fact], set[tuple[str, str]]] = defaultdict(set)
    for link, fact, difference in differences:
        given[(link.claim_a_id, fact)].add(_value_key(difference.a))
        given[(link.claim_b_id, fact)].add(_value_key(difference.b))

    def node_of(claim_id: int, fact: _Fact, value: FactValue) -> _Node:
        several = len(given[(claim_id, fact)]) > 1
        return (claim_id, fact, _value_key(value) if several else _ONE_VALUE)

    for link in listed:
        if not link.differing:
            roots = frozenset((group_of[link.claim_a_id], group_of[link.claim_b_id]))
            statements[roots].append(link)
    for link, fact, difference in differences:
        node_a = node_of(link.claim_a_id, fact, difference.a)
        node_b = node_of(link.claim_b_id, fact, difference.b)
        joined.append((node_a, node_b))
        for node, value in ((node_a, difference.a), (node_b, difference.b)):
            values[node][_value_key(value)] += 1
            written.setdefault((fact, _value_key(value)), value)
        links_of[node_a].append(link)
    # Claims of one agreement group that give the same kind of fact are one account of it
    # (of each of its values, for a claim that gives several).
    first_in_group: dict[tuple[int, _Fact, tuple[str, str]], _Node] = {}
    for node in sorted(values):
        claim_id, fact, value_key = node
        key = (group_of[claim_id], fact, value_key)
        joined.append((first_in_group.setdefault(key, node), node))
    conflicts = [
        conflict
        for component in connected_groups(joined)
        if (
            conflict := _fact_conflict(
                component, values, written, links_of, source_of, claim_article, group_of, members
            )
        )
    ]
    for group_links in statements.values():
        first = group_links[0]
        root_a, root_b = group_of[first.claim_a_id], group_of[first.claim_b_id]
        conflicts.append(
            ConflictGroup(
                kind=_most_serious(group_links),
                fact="",
                sides=(
                    ConflictValue(tuple(members[root_a]), outlets(root_a)),
                    ConflictValue(tuple(members[root_b]), outlets(root_b)),
                ),
                link_ids=tuple(link.id for link in group_links),
                confirmed=any(link.review == CONFIRMED for link in group_links),
            )
        )
    return tuple(sorted(conflicts, key=lambda c: (min(min(s.claim_ids) for s in c.sides), c.fact)))


def _most_serious(links: Iterable[LinkEdge]) -> str:
    kinds = {link.relation for link in links}
    return next(kind for kind in CONFLICT_KINDS if kind in kinds)


def _fact_conflict(
    component: list[_Node],
    values: Mapping[_Node, Counter[tuple[str, str]]],
    written: Mapping[tuple[_Fact, tuple[str, str]], FactValue],
    links_of: Mapping[_Node, list[LinkEdge]],
    source_of: Mapping[int, int],
    claim_article: Mapping[int, int],
    group_of: Mapping[int, int],
    members: Mapping[int, list[int]],
) -> ConflictGroup | None:
    """One fact in conflict from its (claim, fact) nodes: each claim on the side of the value
    the links most often read in it. None when fewer than two values remain."""
    fact = component[0][1]
    sides: dict[tuple[str, str], list[int]] = defaultdict(list)
    placed: set[int] = set()
    for node in sorted(component):
        value = values[node].most_common(1)[0][0]
        sides[value].append(node[0])
        placed.add(node[0])
    if len(sides) < 2:
        return None
    # The rest of each claim's agreement group says the same, so it gives the same value.
    for claim_ids in sides.values():
        for claim_id in list(claim_ids):
            claim_ids.extend(c for c in members[group_of[claim_id]] if c not in placed)
            placed.update(claim_ids)
        claim_ids.sort()
    group_links = {link.id: link for node in component for link in links_of.get(node, ())}
    ordered = sorted(sides.items(), key=lambda item: min(item[1]))
    return ConflictGroup(
        kind=_most_serious(group_links.values()),
        fact=fact[0],
        sides=tuple(
            ConflictValue(
                claim_ids=tuple(claim_ids),
                outlet_count=len({source_of[claim_article[c]] for c in claim_ids}),
                value=written[(fact, value)],
            )
            for value, claim_ids in ordered
        ),
        link_ids=tuple(sorted(group_links)),
        confirmed=any(link.review == CONFIRMED for link in group_links.values()),
    )


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
    # The links of the conflicts the story lists, and only those: a claim is never
    # "contradicted" by nothing listed.
    in_conflicts = {link_id for conflict in groups.conflicts for link_id in conflict.link_ids}
    for link in links:
        if link.id in in_conflicts:
            source_a = source_of[claim_article[link.claim_a_id]]
            source_b = source_of[claim_article[link.claim_b_id]]
            against[link.relation][link.claim_a_id].add(source_b)
            against[link.relation][link.claim_b_id].add(source_a)
    # A wire copy and its original: the claim is "only in copies of one text", unless
    # another outlet reports it too. Two articles of one outlet say nothing.
    copied: set[int] = set()
    for link in links:
        article_a, article_b = claim_article[link.claim_a_id], claim_article[link.claim_b_id]
        if (
            link.counts
            and source_of[article_a] == source_of[article_b]
            and outlet_of[article_a] != outlet_of[article_b]
            and not inner_dispute(link, claim_article)
        ):
            copied.update((link.claim_a_id, link.claim_b_id))
    # A claim in no conflict takes one of three verdicts, each made once.
    in_a_conflict = set().union(*against.values())
    plain = {status: ClaimVerdict(status=status) for status in (STATUS_COPIED, STATUS_ONLY_HERE)}
    verdicts = {
        claim_id: (
            _verdict(claim_id, agreed, against, copied)
            if claim_id in in_a_conflict or claim_id in agreed
            else plain[STATUS_COPIED if claim_id in copied else STATUS_ONLY_HERE]
        )
        for claim_id in claim_article
    }
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
# A side of a conflict lists at most this many claims (its outlets are all named).
SIDE_CLAIMS_SHOWN = 3
# The matrix shows this many outlets (the first to publish) until the reader asks for all.
MATRIX_OUTLETS_SHOWN = 12
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
    score: float = 1.0

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
            score=self.score,
            differing=self.details.differing if self.details else (),
        )


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """A story's articles in publication order, their claims in reading order, its links.

    Read-only once built: its reading order and groups are worked out on first use and kept
    (a page kept laid out shares them between its tabs in every language).
    """

    columns: list[ArticleColumn]
    claims: dict[int, ClaimRow]
    links: list[LinkRow]
    _kept: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def reading_order(self) -> Mapping[int, int]:
        """claim id -> its place across the page: articles by publication, claims by position."""
        order = self._kept.get("order")
        if order is None:
            rows = (row for column in self.columns for row in column.claims)
            order = self._kept["order"] = {row.id: index for index, row in enumerate(rows)}
        return cast(Mapping[int, int], order)

    def groups(self) -> StoryGroups:
        """The story's agreement and conflict groups: story_groups on this data."""
        groups = self._kept.get("groups")
        if groups is None:
            groups = self._kept["groups"] = story_groups(
                claim_article={claim_id: row.article_id for claim_id, row in self.claims.items()},
                source_of=source_of_articles(
                    ArticleNode(c.article.id, c.outlet.id, c.article.copy_of_id)
                    for c in self.columns
                ),
                links=[link.edge for link in self.links],
            )
        return cast(StoryGroups, groups)


def language_direction(language: str) -> str:
    """The writing direction of a language code (the languages newsdiff reads)."""
    return "rtl" if language == "ar" else "ltr"


class _ShownClaims:
    """A group's claims as a page lists them: the first GROUP_CLAIMS_SHOWN, and how many
    more it holds (for the dataclasses below, which hold ``claims``)."""

    __slots__ = ()
    claims: list[ClaimRow]
    shown_max: ClassVar[int] = GROUP_CLAIMS_SHOWN

    @property
    def shown(self) -> list[ClaimRow]:
        return self.claims[: self.shown_max]

    @property
    def more(self) -> int:
        return max(0, len(self.claims) - self.shown_max)


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
    """One side of a conflict: the claims that give one value, their outlets, who reported it
    first, who it quotes and when."""

    # A side names its value and every outlet giving it: a few of its claims are enough.
    shown_max: ClassVar[int] = SIDE_CLAIMS_SHOWN
    claims: list[ClaimRow]
    outlet_count: int
    # The side's outlets, in the order they published it.
    outlets: tuple[str, ...]
    # Who the side's claims quote, as the articles wrote it (a dispute's parties).
    sources: tuple[str, ...]
    # Who published the side's value first, and when (an update's times).
    first_outlets: tuple[str, ...] = ()
    first_published_at: dt.datetime | None = None
    # The value as the side's first claim wrote it; None for a conflict that names no fact.
    value: FactValue | None = None

    @property
    def published(self) -> dt.date | None:
        return self.first_published_at.date() if self.first_published_at else None


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    """A fact in conflict on the page: a contradiction between outlets, a dispute between the
    sources they quote, or a figure updated over time. Its sides are the values given, the
    first published first (for an update: the figure's sequence over time)."""

    kind: str  # contradiction | disputed | updated
    fact: str  # the kind of fact in conflict; "" when the claims conflict as statements
    sides: list[ConflictSide]
    link_ids: list[int]
    confirmed: bool
    # For an update: whether its sides are known to be oldest first (publication times or the
    # claims' wording order every two that follow each other); always true otherwise.
    in_order: bool = True

    @property
    def side_a(self) -> ConflictSide:
        return self.sides[0]

    @property
    def side_b(self) -> ConflictSide:
        return self.sides[1]

    @property
    def anchor(self) -> str:
        """The entry's id on the page, for links from the summary."""
        return f"conflict-{self.link_ids[0]}"

    @property
    def claim_ids(self) -> list[int]:
        return [row.id for side in self.sides for row in side.claims]


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


# The summary at the top of the story page lists at most this many facts everyone reports
# and this many facts in conflict; the tabs list the rest.
SUMMARY_AGREEMENTS_SHOWN = 5
SUMMARY_CONFLICTS_SHOWN = 8


@dataclass(frozen=True, slots=True)
class SummaryFact:
    """A fact several outlets report, as the summary says it: one claim (in the reader's
    language when an outlet wrote it so) and how many outlets report it."""

    claim: ClaimRow
    outlet_count: int
    first_outlets: list[str]
    first_published_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class StorySummary:
    """The story at a glance: what every outlet reports (or, when no fact is in all of them,
    what most report), and the facts in conflict, one row per fact and one cell per value."""

    outlet_count: int
    # True when the facts are in every outlet's coverage; False: in most of them.
    by_all: bool
    agreed: list[SummaryFact]
    agreed_more: int
    conflicts: list[ConflictEntry]
    conflicts_more: int


@dataclass(frozen=True, slots=True)
class AlignedCell:
    """What one outlet says of one fact: its claims (none when it does not report it)."""

    outlet: OutletInfo
    claims: list[ClaimRow]
    # For a conflict: the value this outlet gives, and whether it is the odd one out.
    value: FactValue | None = None
    differs: bool = False


@dataclass(frozen=True, slots=True)
class AlignedRow:
    """One reported fact across the chosen outlets: a conflict or an agreement group."""

    kind: str  # contradiction | disputed | updated | agreement
    fact: str
    cells: list[AlignedCell]
    conflict: ConflictEntry | None = None

    @property
    def reported_by(self) -> int:
        return sum(1 for cell in self.cells if cell.claims)


class StoryTabs:
    """The story page's tabs, laid out from its comparison without queries: agreement groups
    and conflict groups (story_groups: what the stored counts count), details only one outlet
    reports (stored status only_here), the links editors dismissed, an outlet-by-outlet
    matrix and a timeline.

    Each is laid out when a template first reads it: a page shows one tab, and its counts and
    badges come from the stored story, so the others are never built. limit: how many groups
    the agreements and contradictions tabs list before "show all" (None: all of them).
    """

    def __init__(
        self, comparison: StoryComparison, *, limit: int | None = None, language: str = ""
    ) -> None:
        self._comparison = comparison
        self.limit = limit
        # The reader's language: the summary quotes a claim written in it when it can.
        self.language = language

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
        shown = None if self.limit is None else MATRIX_OUTLETS_SHOWN
        return _outlet_matrix(self._comparison, shown)

    @property
    def matrix_more(self) -> int:
        """Outlets the matrix leaves out until all are asked for."""
        return self.outlet_count - len(self.matrix_outlets)

    @cached_property
    def outlet_count(self) -> int:
        return len({column.outlet.id for column in self._comparison.columns})

    @property
    def matrix_outlets(self) -> list[OutletInfo]:
        return self._matrix[0]

    @property
    def matrix(self) -> list[MatrixRow]:
        return self._matrix[1]

    @cached_property
    def timeline(self) -> list[TimelineEntry]:
        return _timeline(self._comparison, self._groups.group_of, self._order)

    @cached_property
    def summary(self) -> StorySummary:
        """The story at a glance, from the same groups as the tabs and the stored counts."""
        outlets = len({row.source_id for row in self._comparison.claims.values()})
        by_all = [g for g in self.agreements if outlets > 1 and g.outlet_count >= outlets]
        agreed = by_all or [g for g in self.agreements if g.outlet_count * 2 > outlets]
        shown = [
            SummaryFact(
                claim=next((c for c in g.claims if c.language == self.language), g.claims[0]),
                outlet_count=g.outlet_count,
                first_outlets=g.first_outlets,
                first_published_at=g.first_published_at,
            )
            for g in agreed[:SUMMARY_AGREEMENTS_SHOWN]
        ]
        return StorySummary(
            outlet_count=outlets,
            by_all=bool(by_all),
            agreed=shown,
            agreed_more=max(0, len(agreed) - SUMMARY_AGREEMENTS_SHOWN),
            conflicts=self.conflicts[:SUMMARY_CONFLICTS_SHOWN],
            conflicts_more=max(0, len(self.conflicts) - SUMMARY_CONFLICTS_SHOWN),
        )

    def outlets_differing_first(self) -> list[int]:
        """The story's outlets, those on a side of a conflict first (in the order the
        conflicts are listed), then the rest in order of first publication."""
        ordered: dict[int, None] = {}
        for conflict in self.conflicts:
            for side in conflict.sides:
                ordered.update(dict.fromkeys(row.outlet_id for row in side.claims))
        ordered.update(dict.fromkeys(column.outlet.id for column in self._comparison.columns))
        return list(ordered)

    def aligned_rows(self, outlet_ids: Sequence[int]) -> list[AlignedRow]:
        """One row per reported fact (the facts in conflict first, then what several outlets
        agree on, most widely reported first), one cell per chosen outlet, empty where the
        outlet does not report it. Rows none of the chosen outlets report are left out."""
        outlet_info = {column.outlet.id: column.outlet for column in self._comparison.columns}
        outlet_ids = [i for i in outlet_ids if i in outlet_info]
        rows = []
        for conflict in self.conflicts:
            cells = []
            # The value most of the chosen outlets give; the others are marked as differing.
            values = Counter(
                id(side)
                for side in conflict.sides
                for _ in {r.outlet_id for r in side.claims if r.outlet_id in outlet_ids}
            )
            common = values.most_common(1)[0][0] if values else None
            for outlet_id in outlet_ids:
                side = next(
                    (
                        side
                        for side in conflict.sides
                        if any(r.outlet_id == outlet_id for r in side.claims)
                    ),
                    None,
                )
                cells.append(
                    AlignedCell(
                        outlet=outlet_info[outlet_id],
                        claims=[r for r in side.claims if r.outlet_id == outlet_id] if side else [],
                        value=side.value if side else None,
                        differs=side is not None and id(side) != common,
                    )
                )
            rows.append(
                AlignedRow(kind=conflict.kind, fact=conflict.fact, cells=cells, conflict=conflict)
            )
        in_conflicts = {claim_id for conflict in self.conflicts for claim_id in conflict.claim_ids}
        for group in self.agreements:
            if all(row.id in in_conflicts for row in group.claims):
                continue  # already a row: the value it gives in a conflict
            cells = [
                AlignedCell(
                    outlet=outlet_info[outlet_id],
                    claims=[r for r in group.claims if r.outlet_id == outlet_id],
                )
                for outlet_id in outlet_ids
            ]
            rows.append(AlignedRow(kind=AGREEMENT, fact="", cells=cells))
        return [row for row in rows if row.reported_by]


def story_tabs_get(
    *, comparison: StoryComparison, limit: int | None = None, language: str = ""
) -> StoryTabs:
    """The story page's tabs (StoryTabs), each laid out on first use."""
    return StoryTabs(comparison, limit=limit, language=language)


def _conflict_entry(
    conflict: ConflictGroup,
    rows: Callable[[Iterable[int]], list[ClaimRow]],
    links: Mapping[int, LinkRow],
    order: Mapping[int, int],
) -> ConflictEntry:
    """A conflict with its sides in order of first publication (reading order), each with
    its outlets, first reporters and the sources its claims quote (as the links' details name
    them, else as the claims do)."""
    source_named: dict[int, str] = {}
    for link_id in conflict.link_ids:
        details = links[link_id].details
        if details is None:
            continue
        link = links[link_id]
        for claim_id, name in (
            (link.claim_a_id, details.source_a),
            (link.claim_b_id, details.source_b),
        ):
            if name:
                source_named.setdefault(claim_id, name)
    sides = [
        _conflict_side(rows(side.claim_ids), side.outlet_count, side.value, source_named)
        for side in conflict.sides
    ]
    sides.sort(key=lambda side: order[side.claims[0].id])
    told: set[tuple[int, int]] = set()
    if conflict.kind == UPDATED:
        sides, told = _told_order(sides, [links[link_id] for link_id in conflict.link_ids])
    return ConflictEntry(
        kind=conflict.kind,
        fact=conflict.fact,
        sides=sides,
        link_ids=list(conflict.link_ids),
        confirmed=conflict.confirmed,
        in_order=conflict.kind != UPDATED or _all_in_order(sides, told),
    )


def _told_order(
    sides: list[ConflictSide], links: Sequence[LinkRow]
) -> tuple[list[ConflictSide], set[tuple[int, int]]]:
    """An update's sides oldest first: in publication order, except where a link its dates
    cannot order tells by its claims' wording which figure came first (RelationDetails.first:
    a toll told as provisional, a rise to a higher one). Returns the sides and the pairs
    (earlier side, later side, as places in the returned list) the wording orders."""
    side_of = {row.id: place for place, side in enumerate(sides) for row in side.claims}
    before: dict[int, set[int]] = defaultdict(set)  # side -> the sides told as earlier
    for link in links:
        first = link.details.first if link.details else ""
        if not first:
            continue
        pair = (link.claim_a_id, link.claim_b_id)
        earlier, later = pair if first == "a" else pair[::-1]
        i, j = side_of.get(earlier), side_of.get(later)
        if i is not None and j is not None and i != j:
            before[j].add(i)
    placed: list[int] = []
    left = list(range(len(sides)))
    while left:
        # The first side in publication order none of whose earlier sides is left (when the
        # wording goes round in a circle, the first left).
        ready = next((s for s in left if not before[s] & set(left)), left[0])
        placed.append(ready)
        left.remove(ready)
    place = {side: at for at, side in enumerate(placed)}
    told = {(place[i], place[j]) for j, earlier in before.items() for i in earlier}
    return [sides[i] for i in placed], told


def _all_in_order(sides: Sequence[ConflictSide], told: set[tuple[int, int]]) -> bool:
    """Whether each side of an update is known to come before the next: first published
    before it, or told as earlier by the claims' wording."""
    return all(
        (i, i + 1) in told
        or (
            side.first_published_at is not None
            and after.first_published_at is not None
            and side.first_published_at < after.first_published_at
        )
        for i, (side, after) in enumerate(itertools.pairwise(sides))
    )


def _conflict_side(
    claims: list[ClaimRow],
    outlet_count: int,
    value: FactValue | None,
    source_named: Mapping[int, str],
) -> ConflictSide:
    sources = dict.fromkeys(
        name for row in claims if (name := source_named.get(row.id) or row.attribution_text)
    )
    first = _first_reporters(claims)
    return ConflictSide(
        claims=claims,
        outlet_count=outlet_count,
        outlets=tuple(dict.fromkeys(row.outlet_name for row in claims)),
        sources=tuple(sources),
        first_outlets=tuple(first["first_outlets"]),
        first_published_at=first["first_published_at"],
        value=value,
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


def _outlet_matrix(
    comparison: StoryComparison, shown: int | None = None
) -> tuple[list[OutletInfo], list[MatrixRow]]:
    """Outlets in order of first publication; cell (x, y) counts the pairs of claims x and y
    relate, by relation: agreements, contradictions, disputes between the sources they quote,
    figures updated over time (links no editor dismissed, between independent sources: a wire
    copy and its original are one). shown: how many outlets, the first to publish (all when
    None)."""
    outlets: dict[int, OutletInfo] = {}
    for column in comparison.columns:
        if shown is None or len(outlets) < shown or column.outlet.id in outlets:
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
