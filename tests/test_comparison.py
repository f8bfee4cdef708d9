"""The one rule (comparison.story_verdicts) and the story page's groups, on plain data.

No database: articles, claims and links are the dataclasses the rule takes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsdiff.comparison import (
    ArticleColumn,
    ArticleInfo,
    ArticleNode,
    ClaimRow,
    LinkEdge,
    LinkRow,
    OutletInfo,
    StoryComparison,
    story_tabs_get,
    story_verdicts,
)
from newsdiff.pipeline.types import FactDifference, FactValue, Reason, RelationDetails


class Story:
    """A story on paper: articles (outlet, maybe the article it reprints), claims, links."""

    def __init__(self) -> None:
        self.articles: list[ArticleNode] = []
        self.claim_article: dict[int, int] = {}
        self.links: list[LinkEdge] = []

    def article(self, outlet: int, *claims: int, copy_of: int | None = None) -> int:
        article_id = len(self.articles) + 1
        self.articles.append(ArticleNode(article_id, outlet, copy_of))
        for claim in claims:
            self.claim_article[claim] = article_id
        return article_id

    def link(
        self,
        a: int,
        b: int,
        relation: str = "agreement",
        review: str = "",
        *,
        score: float = 1.0,
        differing: tuple[FactDifference, ...] = (),
    ) -> None:
        self.links.append(
            LinkEdge(len(self.links) + 1, a, b, relation, review, score, differing=differing)
        )

    def verdicts(self):
        return story_verdicts(
            articles=self.articles, claim_article=self.claim_article, links=self.links
        )


def test_a_dispute_between_sources_is_counted_as_a_dispute():
    story = Story()
    story.article(1, 11, 12)
    story.article(2, 21)
    story.link(11, 21, "disputed")
    verdicts = story.verdicts()
    assert verdicts.claims[11].status == verdicts.claims[21].status == "disputed"
    assert verdicts.claims[11].disputed_outlets == 1
    assert verdicts.claims[11].contradicted_outlets == 0
    counts = verdicts.counts
    assert (counts.disputed_count, counts.contradiction_count, counts.updated_count) == (1, 0, 0)
    (conflict,) = verdicts.groups.conflicts
    assert conflict.kind == "disputed"
    assert {conflict.side_a, conflict.side_b} == {(11,), (21,)}
    assert counts.only_here_count == 1  # claim 12


def test_wire_copies_count_once_and_are_never_dismissals():
    story = Story()
    wire = story.article(1, 11, 12)
    story.article(2, 21, 22, copy_of=wire)  # a reprint of the wire text
    story.article(3, 31)
    story.link(11, 21)
    story.link(12, 22)
    story.link(11, 31)
    story.link(21, 31)
    verdicts = story.verdicts()
    claims = verdicts.claims
    # The explosion: the wire text (printed twice) and one outlet of its own: two sources.
    assert claims[11].status == claims[21].status == claims[31].status == "agreed"
    assert claims[11].agreed_outlets == claims[31].agreed_outlets == 2
    # The other detail: only the wire text and its reprint.
    assert claims[12].status == claims[22].status == "copied"
    (group,) = verdicts.groups.agreements
    assert group.claim_ids == (11, 21, 31) and group.outlet_count == 2
    counts = verdicts.counts
    assert counts.agreement_count == 1
    assert counts.dismissed_count == 0
    assert counts.only_here_count == 0  # a copied detail is not "only here" either


def test_many_wire_copies_alone_are_no_agreement_and_no_dismissal():
    story = Story()
    wire = story.article(1, 1)
    for n in range(2, 12):
        story.article(n, n, copy_of=wire)
        story.link(1, n)
    verdicts = story.verdicts()
    assert verdicts.counts.agreement_count == 0
    assert verdicts.counts.dismissed_count == 0
    assert {v.status for v in verdicts.claims.values()} == {"copied"}


def test_editor_dismissals_are_counted_from_reviews_and_count_nowhere_else():
    story = Story()
    story.article(1, 11, 12)
    story.article(2, 21, 22)
    story.link(11, 21, "agreement", review="dismissed")
    story.link(12, 22, "contradiction", review="dismissed")
    verdicts = story.verdicts()
    counts = verdicts.counts
    assert counts.dismissed_count == 2
    assert (counts.agreement_count, counts.contradiction_count) == (0, 0)
    assert counts.only_here_count == 4
    assert verdicts.groups.agreements == () and verdicts.groups.conflicts == ()
    assert {v.status for v in verdicts.claims.values()} == {"only_here"}


def test_a_confirmed_link_counts_and_is_marked():
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.link(11, 21, "contradiction", review="confirmed")
    verdicts = story.verdicts()
    assert verdicts.counts.contradiction_count == 1 and verdicts.counts.dismissed_count == 0
    assert verdicts.groups.conflicts[0].confirmed


def test_an_update_over_time():
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.link(11, 21, "updated")
    verdicts = story.verdicts()
    assert verdicts.claims[11].status == verdicts.claims[21].status == "updated"
    assert verdicts.claims[21].updated_outlets == 1
    assert verdicts.counts.updated_count == 1
    assert verdicts.counts.contradiction_count == 0
    assert [c.kind for c in verdicts.groups.conflicts] == ["updated"]


def test_agreed_outlets_is_the_groups_outlet_count():
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.article(3, 31)
    story.link(11, 21)
    story.link(21, 31)  # 11 and 31 agree through 21
    verdicts = story.verdicts()
    (group,) = verdicts.groups.agreements
    assert group.outlet_count == 3
    assert {verdicts.claims[c].agreed_outlets for c in group.claim_ids} == {3}
    assert verdicts.counts.agreement_count == 1


def test_two_articles_of_one_outlet_agree_on_nothing():
    story = Story()
    story.article(1, 11)
    story.article(1, 12)  # the same outlet's update
    story.link(11, 12)
    verdicts = story.verdicts()
    assert verdicts.counts.agreement_count == 0
    assert {v.status for v in verdicts.claims.values()} == {"only_here"}
    assert verdicts.counts.only_here_count == 2


def test_status_precedence_contradicted_disputed_updated_agreed():
    story = Story()
    story.article(1, 11, 12, 13)
    story.article(2, 21, 22, 23)
    story.article(3, 31, 32, 33)
    story.link(11, 21)  # 11 agreed by 2 outlets ...
    story.link(11, 31, "contradiction")  # ... and contradicted by a third
    story.link(12, 22, "disputed")
    story.link(12, 32, "contradiction")
    story.link(13, 23, "updated")
    story.link(13, 33, "disputed")
    claims = story.verdicts().claims
    assert claims[11].status == "contradicted"
    assert (claims[11].agreed_outlets, claims[11].contradicted_outlets) == (2, 1)
    assert claims[12].status == "contradicted" and claims[12].disputed_outlets == 1
    assert claims[13].status == "disputed" and claims[13].updated_outlets == 1
    assert claims[23].status == "updated"


def test_one_conflict_per_pair_of_groups_however_many_links():
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.article(3, 31)
    story.link(11, 31)  # 11 and 31 say the same ...
    story.link(11, 21, "contradiction")  # ... and 21 contradicts both
    story.link(21, 31, "contradiction")
    verdicts = story.verdicts()
    (conflict,) = verdicts.groups.conflicts
    assert sorted(side.outlet_count for side in conflict.sides) == [1, 2]
    assert len(conflict.link_ids) == 2
    assert verdicts.counts.contradiction_count == 1
    assert verdicts.claims[21].contradicted_outlets == 2


def test_a_conflict_inside_one_agreement_group_gives_no_status():
    # 11 and 21 agree through 31, and the engine also says 11 contradicts 21: the story
    # lists no conflict group for it, so no claim may be "contradicted" by it either.
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.article(3, 31)
    story.link(11, 31)
    story.link(21, 31)
    story.link(11, 21, "contradiction")
    verdicts = story.verdicts()
    assert verdicts.groups.conflicts == ()
    assert verdicts.counts.contradiction_count == 0
    assert {v.status for v in verdicts.claims.values()} == {"agreed"}


def test_one_outlet_cannot_contradict_itself():
    story = Story()
    story.article(1, 11)
    story.article(1, 12)
    story.link(11, 12, "contradiction")
    verdicts = story.verdicts()
    assert verdicts.counts.contradiction_count == 0
    assert verdicts.claims[11].status == "only_here"


# --- the story page's tabs -------------------------------------------------------------


def _page(
    links: list[LinkRow],
    statuses: dict[int, str] | None = None,
    *,
    apart: dt.timedelta = dt.timedelta(days=1),
) -> StoryComparison:
    """Three outlets, one article and two claims each (claim ids 10x, 20x, 30x), published
    `apart` apart in that order (zero: at one time)."""
    day = dt.datetime(2024, 10, 7, 9, 0, tzinfo=dt.UTC)
    columns = []
    claims = {}
    for n in (1, 2, 3):
        column = ArticleColumn(
            article=ArticleInfo(id=n, outlet_id=n, published_at=day + (n - 1) * apart),
            outlet=OutletInfo(n, f"Outlet {n}"),
            direction="rtl",
        )
        for position in range(2):
            claim_id = n * 100 + position
            row = ClaimRow(
                id=claim_id,
                article_id=n,
                outlet_id=n,
                outlet_name=f"Outlet {n}",
                position=position,
                text=f"claim {claim_id}",
                language="ar",
                direction="rtl",
                published_at=column.article.published_at,
                source_id=n,
                status=(statuses or {}).get(claim_id, "only_here"),
            )
            column.claims.append(row)
            claims[claim_id] = row
        columns.append(column)
    return StoryComparison(columns=columns, claims=claims, links=links)


def _value(kind: str, value: str, text: str) -> FactValue:
    return FactValue(kind=kind, value=value, text=text)


def test_tabs_list_a_dispute_with_who_said_what_oriented_in_reading_order():
    # Stored from claim 300's side (claim a of the link); the page puts outlet 1 first.
    details = RelationDetails(
        reason=Reason.VALUE_MISMATCH,
        differing=(
            FactDifference("count", _value("count", "7", "سبعة قتلى"), _value("count", "5", "5")),
        ),
        source_a="الجيش",
        source_b="وزارة الصحة",
    )
    page = _page([LinkRow(1, 300, 100, "disputed", details=details)])
    tabs = story_tabs_get(comparison=page)
    (group,) = tabs.conflicts
    assert group.kind == "disputed"
    assert [c.id for c in group.side_a.claims] == [100]
    assert group.side_a.sources == ("وزارة الصحة",) and group.side_b.sources == ("الجيش",)
    assert (group.fact, group.side_a.value.text, group.side_b.value.text) == (
        "count",
        "5",
        "سبعة قتلى",
    )


def test_tabs_list_an_update_with_both_publication_dates():
    details = RelationDetails(
        reason=Reason.FIGURE_UPDATED,
        differing=(
            FactDifference("count", _value("count", "12", "12 قتيلا"), _value("count", "30", "30")),
        ),
        published_a=dt.date(2024, 10, 7),
        published_b=dt.date(2024, 10, 8),
    )
    tabs = story_tabs_get(comparison=_page([LinkRow(1, 100, 200, "updated", details=details)]))
    (group,) = tabs.conflicts
    assert group.kind == "updated"
    assert (group.side_a.published, group.side_b.published) == (
        dt.date(2024, 10, 7),
        dt.date(2024, 10, 8),
    )


def _toll_update(first: str) -> RelationDetails:
    """An update of a toll from claim 100's 11,300 to claim 200's 3,000 (in that order on
    the page), whose wording tells first (RelationDetails.first) or nothing."""
    return RelationDetails(
        reason=Reason.FIGURE_UPDATED,
        differing=(
            FactDifference(
                "count", _value("count", "11300", "11300"), _value("count", "3000", "3 آلاف")
            ),
        ),
        first=first,
    )


@pytest.mark.parametrize(
    ("first", "values", "in_order"),
    [
        ("b", ["3 آلاف", "11300"], True),
        ("a", ["11300", "3 آلاف"], True),
        ("", ["11300", "3 آلاف"], False),
    ],
)
def test_an_update_of_one_day_lists_its_figures_in_the_order_the_wording_tells(
    first: str, values: list[str], in_order: bool
) -> None:
    """Two articles of one time: the claims' wording (a provisional 3,000, a rise to
    11,300) orders the update's sides, oldest first, whichever the page shows first;
    without it, the page's order stands and the entry says it is not known to be in order."""
    page = _page(
        [LinkRow(1, 100, 200, "updated", details=_toll_update(first))], apart=dt.timedelta(0)
    )
    (group,) = story_tabs_get(comparison=page).conflicts
    assert [side.value.text for side in group.sides] == values
    assert group.in_order is in_order


@pytest.mark.parametrize("apart", [dt.timedelta(days=1), dt.timedelta(hours=3)])
def test_the_publication_times_order_an_update_told_without_an_order(apart: dt.timedelta) -> None:
    page = _page([LinkRow(1, 100, 200, "updated", details=_toll_update(""))], apart=apart)
    (group,) = story_tabs_get(comparison=page).conflicts
    assert [side.value.text for side in group.sides] == ["11300", "3 آلاف"]
    assert group.in_order


def test_an_update_of_three_figures_follows_the_wording_of_each_link() -> None:
    """300 (claim 300) told before 3,000 (claim 200), told before 11,300 (claim 100): the
    sides go 300, 3,000, 11,300 on a page that shows them the other way round."""
    values = {100: ("11300", "11300"), 200: ("3000", "3 آلاف"), 300: ("300", "300")}

    def update(a: int, b: int, first: str) -> LinkRow:
        differing = FactDifference(
            "count", _value("count", *values[a]), _value("count", *values[b])
        )
        details = RelationDetails(reason=Reason.FIGURE_UPDATED, differing=(differing,), first=first)
        return LinkRow(a + b, a, b, "updated", details=details)

    page = _page([update(100, 200, "b"), update(200, 300, "b")], apart=dt.timedelta(0))
    (group,) = story_tabs_get(comparison=page).conflicts
    assert [side.value.text for side in group.sides] == ["300", "3 آلاف", "11300"]
    assert group.in_order


def test_tabs_groups_are_the_counted_groups_and_conflicts_come_most_serious_first():
    links = [
        LinkRow(1, 100, 200, "agreement"),
        LinkRow(2, 200, 300, "agreement"),
        LinkRow(3, 101, 201, "updated", details=RelationDetails(reason=Reason.FIGURE_UPDATED)),
        LinkRow(4, 101, 301, "contradiction", details=RelationDetails(reason=Reason.NEGATION)),
        LinkRow(5, 201, 301, "agreement", review="dismissed"),
    ]
    stored = {100: "agreed", 200: "agreed", 300: "agreed", 101: "contradicted", 201: "updated"}
    page = _page(links, statuses={**stored, 301: "contradicted"})
    tabs = story_tabs_get(comparison=page)
    ((agreement,),) = [tabs.agreements]
    assert [c.id for c in agreement.claims] == [100, 200, 300]
    assert agreement.outlet_count == 3
    assert agreement.first_outlets == ["Outlet 1"]
    assert [c.kind for c in tabs.conflicts] == ["contradiction", "updated"]
    assert [(d.claim_a.id, d.claim_b.id) for d in tabs.dismissed] == [(201, 301)]
    # The matrix counts pairs of claims by relation, dismissed links left out.
    first, second, _ = tabs.matrix
    cells = [(c.agreements, c.contradictions, c.updates) for c in first.cells]
    assert cells == [(0, 0, 0), (1, 0, 1), (0, 1, 0)]
    assert [(c.agreements, c.updates) for c in second.cells] == [(1, 1), (0, 0), (1, 0)]
    # Outlet 1 first reports both its claims; 2 and 3 add nothing new but 201 and 301.
    assert [e.first_reported for e in tabs.timeline] == [2, 1, 1]
    assert tabs.only_here == []  # every claim's stored status says another outlet has it


def test_a_dispute_one_article_reports_between_its_sources_counts():
    story = Story()
    story.article(1, 11, 12, 13)
    story.article(2, 21)
    # Claims 11 and 12 quote two sources that disagree; 13 agrees with another outlet.
    story.link(11, 12, "disputed")
    story.link(13, 21)
    verdicts = story.verdicts()
    assert verdicts.claims[11].status == verdicts.claims[12].status == "disputed"
    assert verdicts.counts.disputed_count == 1
    (conflict,) = verdicts.groups.conflicts
    assert (conflict.kind, set(conflict.side_a + conflict.side_b)) == ("disputed", {11, 12})
    assert verdicts.claims[13].status == "agreed"


def test_one_outlet_never_contradicts_itself_even_across_two_of_its_articles():
    story = Story()
    story.article(1, 11, 12)
    story.article(1, 21)
    story.link(11, 12, "contradiction")
    story.link(11, 21, "disputed")
    verdicts = story.verdicts()
    assert not verdicts.groups.conflicts
    assert verdicts.counts.conflict_count == 0
    assert {verdicts.claims[c].status for c in (11, 12, 21)} == {"only_here"}


def _money(a: str, b: str) -> FactDifference:
    return FactDifference(
        "money", FactValue("money", a, "USD", f"${a}"), FactValue("money", b, "USD", f"${b}")
    )


def test_a_weak_agreement_joins_no_group_and_never_merges_the_sides_of_a_conflict():
    # Three outlets give a deal as $10m (11, 21, 31), one as $20m (41). A weak agreement
    # between the $20m claim and another claim of outlet 3 (32) must not put 41 in 31's group.
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.article(3, 31, 32)
    story.article(4, 41)
    story.link(11, 21)
    story.link(21, 31)
    story.link(41, 32, score=0.3)  # weak: a possible match, not a verdict
    story.link(31, 32)
    for claim in (11, 21, 31):
        story.link(claim, 41, "contradiction", differing=(_money("10000000", "20000000"),))
    verdicts = story.verdicts()
    (conflict,) = verdicts.groups.conflicts
    assert (conflict.kind, conflict.fact) == ("contradiction", "money")
    sides = [(side.claim_ids, side.outlet_count, side.value.value) for side in conflict.sides]
    assert sides == [((11, 21, 31, 32), 3, "10000000"), ((41,), 1, "20000000")]
    assert verdicts.counts.contradiction_count == 1
    assert verdicts.claims[41].status == "contradicted"
    assert verdicts.claims[41].contradicted_outlets == 3
    assert verdicts.claims[41].agreed_outlets == 0


def test_an_editor_confirmed_weak_agreement_joins_its_group():
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.link(11, 21, review="confirmed", score=0.2)
    verdicts = story.verdicts()
    assert [g.claim_ids for g in verdicts.groups.agreements] == [(11, 21)]


def test_each_fact_in_conflict_is_one_conflict():
    # One article changes both the sum and the month: two facts in conflict, two entries.
    month = FactDifference("date", FactValue("date", "2024-08"), FactValue("date", "2024-09"))
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.link(11, 21, "contradiction", differing=(_money("10", "20"), month))
    verdicts = story.verdicts()
    assert sorted(c.fact for c in verdicts.groups.conflicts) == ["date", "money"]
    assert verdicts.counts.contradiction_count == 2
    assert verdicts.claims[11].contradicted_outlets == 1


def test_a_disputed_figure_and_its_update_are_two_conflicts_with_every_value():
    toll = [FactValue("count", n) for n in ("2000", "11300", "5300")]
    story = Story()
    story.article(1, 11)  # the ministry: 2,000
    story.article(2, 21)  # the Red Crescent: 11,300
    story.article(3, 12)  # the ministry, later: 5,300
    story.link(11, 21, "disputed", differing=(FactDifference("count", toll[0], toll[1]),))
    story.link(21, 12, "disputed", differing=(FactDifference("count", toll[1], toll[2]),))
    story.link(11, 12, "updated", differing=(FactDifference("count", toll[0], toll[2]),))
    verdicts = story.verdicts()
    dispute, update = sorted(verdicts.groups.conflicts, key=lambda c: c.kind)
    assert sorted(s.value.value for s in dispute.sides) == ["11300", "2000", "5300"]
    assert [s.value.value for s in update.sides] == ["2000", "5300"]
    assert (verdicts.counts.disputed_count, verdicts.counts.updated_count) == (1, 1)


def test_a_list_of_tolls_keeps_each_figure_with_its_own_update():
    # One article lists two countries' tolls (183 and 68 in claim 11); a later one gives the
    # first country's 165 (21) and another the second's 98 (31). Two updates, each with its
    # own two figures: never 68 against 165.
    count = [FactValue("count", n) for n in ("183", "165", "68", "98")]
    story = Story()
    story.article(1, 11)
    story.article(2, 21)
    story.article(3, 31)
    story.link(11, 21, "updated", differing=(FactDifference("count", count[0], count[1]),))
    story.link(11, 31, "updated", differing=(FactDifference("count", count[2], count[3]),))
    verdicts = story.verdicts()
    pairs = sorted(
        tuple((s.claim_ids, s.value.value) for s in conflict.sides)
        for conflict in verdicts.groups.conflicts
    )
    assert pairs == [
        (((11,), "183"), ((21,), "165")),
        (((11,), "68"), ((31,), "98")),
    ]
    assert verdicts.counts.updated_count == 2
