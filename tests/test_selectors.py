"""Selectors: plain data for the screens, each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from newsdiff import selectors, services
from newsdiff.models import Claim, Relation
from tests.builders import (
    article_with_claims,
    link,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
)

pytestmark = pytest.mark.django_db


def _story(slug="s", outlets=3, claims=4):
    story = story_create_for_test(slug=slug)
    columns = [
        article_with_claims(
            story=story,
            outlet=outlet_create_for_test(),
            claims=[f"جملة {i}." for i in range(claims)],
        )[1]
        for _ in range(outlets)
    ]
    return story, columns


def test_story_list_rows_counts():
    story, (a, b, c) = _story()
    link(a[0], b[0])
    link(a[0], c[0])
    link(a[1], b[1], relation=Relation.CONTRADICTION)
    (row,) = selectors.story_list_rows()
    assert row.slug == story.slug
    assert row.article_count == 3
    assert row.agreement_count == 2
    assert row.contradiction_count == 1
    # 12 claims; a0 b0 c0 a1 b1 are linked to another outlet.
    assert row.only_here_count == 7
    assert len(row.outlets) == 3
    assert row.latest_published_at is not None


def test_story_list_rows_same_outlet_link_is_not_corroboration():
    story = story_create_for_test()
    outlet = outlet_create_for_test()
    _, (first,) = article_with_claims(story=story, outlet=outlet, claims=["خبر."])
    _, (update,) = article_with_claims(story=story, outlet=outlet, claims=["خبر."])
    link(first, update)
    (row,) = selectors.story_list_rows()
    assert row.only_here_count == 2
    comparison = selectors.story_comparison_get(story=story)
    assert [c.status for col in comparison.columns for c in col.claims] == ["only_here"] * 2
    assert comparison.columns[0].claims[0].link_ids  # still reachable


def test_story_list_rows_empty_story():
    story_create_for_test(slug="empty")
    (row,) = selectors.story_list_rows()
    assert (row.article_count, row.agreement_count, row.only_here_count) == (0, 0, 0)
    assert row.outlets == ()
    assert row.latest_published_at is None


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("اسلحه", True),
        ("أسلحة", True),
        ("الأَسْلِحَةِ", True),
        ("ٱلمستشفى", True),  # alef wasla, alef maksura
        ("المستشفي", True),
        ("١٠ ملايين", True),  # Arabic-Indic digits find ASCII digits in the claim
        ("10 ملايين", True),
        ("صواريخ", False),
        ("   ", True),  # blank: no filter
    ],
)
def test_story_list_rows_search(query, found):
    story = story_create_for_test(title="الأسلحة والمستشفى")
    article_with_claims(story=story, claims=["قيمة الصفقة ١٠ ملايين دولار."])
    assert bool(selectors.story_list_rows(query=query)) is found


def test_story_list_rows_search_article_title_and_english():
    story = story_create_for_test(title="Arms deal")
    article_with_claims(story=story, title="صفقةُ سلاحٍ", claims=["Bout was released in 2022."])
    assert selectors.story_list_rows(query="صفقه سلاح")
    assert selectors.story_list_rows(query="ARMS")
    assert selectors.story_list_rows(query="bout WAS")
    assert not selectors.story_list_rows(query="Bout.*")  # regex characters are literal


def test_story_list_rows_queries(django_assert_num_queries):
    for n in range(5):
        _story(slug=f"s{n}")
    with django_assert_num_queries(2):
        rows = selectors.story_list_rows(query="جمله")
    assert len(rows) == 5


def test_story_comparison_get_statuses_and_order(django_assert_num_queries):
    story, (a, b, c) = _story(claims=3)
    link(a[0], b[0])
    link(a[0], c[0])
    link(a[1], b[1], relation=Relation.CONTRADICTION)
    link(a[2], c[2], relation=Relation.CONTRADICTION, details={"disputed_by_sources": True})
    link(b[2], c[2])
    with django_assert_num_queries(3):
        comparison = selectors.story_comparison_get(story=story)
    statuses = [[(c.position, c.status) for c in col.claims] for col in comparison.columns]
    assert statuses == [
        [(0, "agreed"), (1, "contradicted"), (2, "disputed")],
        [(0, "agreed"), (1, "contradicted"), (2, "agreed")],
        [(0, "agreed"), (1, "only_here"), (2, "disputed")],
    ]
    first = comparison.columns[0].claims[0]
    assert first.agreed_outlets == 2
    assert len(first.link_ids) == 2
    assert comparison.columns[2].claims[2].agreed_outlets == 1
    assert comparison.columns[2].claims[2].disputed_outlets == 1
    assert (comparison.agreement_count, comparison.contradiction_count) == (3, 2)
    assert comparison.only_here_count == 1


def test_story_comparison_get_queries_do_not_grow(django_assert_num_queries):
    story, columns = _story(outlets=5, claims=60)
    for other in columns[1:]:
        for x, y in zip(columns[0], other, strict=True):
            link(x, y)
    with django_assert_num_queries(3):
        comparison = selectors.story_comparison_get(story=story)
    assert sum(len(col.claims) for col in comparison.columns) == 300


def test_claim_detail_get_orients_differences(django_assert_num_queries):
    story, (a, b, _) = _story()
    a0 = Claim.objects.get(pk=a[0].pk)
    a0.text = "قتل 5 أشخاص."
    a0.facts = [{"kind": "count", "value": "5", "text": "5 أشخاص"}]
    a0.save()
    link(
        a0,
        b[0],
        relation=Relation.CONTRADICTION,
        details={"differing": [{"kind": "count", "subject": "قتل", "a": "5", "b": "7"}]},
    )
    with django_assert_num_queries(3):
        detail = selectors.claim_detail_get(claim_id=b[0].id)
    (view,) = detail.links
    assert view.counterpart.id == a0.id
    assert [(d.here, d.there) for d in view.differing] == [("7", "5")]
    assert [s.text for s in view.counterpart_segments if s.highlighted] == ["5 أشخاص"]


def test_claim_detail_get_unknown():
    with pytest.raises(Claim.DoesNotExist):
        selectors.claim_detail_get(claim_id=123456)


def test_story_tabs_get_groups(django_assert_num_queries):
    story, (a, b, c) = _story(claims=3)
    link(a[0], b[0])
    link(b[0], c[0])  # a0, b0, c0: one group through b0
    link(
        a[1],
        b[1],
        relation=Relation.CONTRADICTION,
        details={"differing": [{"kind": "count", "subject": "قتل", "a": "5", "b": "7"}]},
    )
    link(a[1], c[1])  # c1 sides with a1
    comparison = selectors.story_comparison_get(story=story)
    with django_assert_num_queries(0):
        tabs = selectors.story_tabs_get(comparison=comparison)

    assert [[x.id for x in g.claims] for g in tabs.agreements] == [
        [a[0].id, b[0].id, c[0].id],
        [a[1].id, c[1].id],
    ]
    assert tabs.agreements[0].outlet_count == 3

    (contradiction,) = tabs.contradictions
    assert [x.id for x in contradiction.side_a] == [a[1].id, c[1].id]
    assert [x.id for x in contradiction.side_b] == [b[1].id]
    assert (contradiction.outlets_a, contradiction.outlets_b) == (2, 1)
    assert [(d.here, d.there) for d in contradiction.differing] == [("5", "7")]
    assert not contradiction.disputed_by_sources

    assert [[x.id for x in g.claims] for g in tabs.only_here] == [[a[2].id], [b[2].id], [c[2].id]]
    assert tabs.only_here_count == 3

    first = tabs.matrix[0]
    assert first.cells[0].is_self
    assert (first.cells[1].agreements, first.cells[1].contradictions) == (1, 1)  # a-b
    assert (first.cells[2].agreements, first.cells[2].contradictions) == (1, 0)  # a-c
    assert first.claim_count == 3 and first.only_here_count == 1

    # a is first with all three of its claims; b and c only add their own detail.
    assert [(e.claim_count, e.first_reported) for e in tabs.timeline] == [(3, 3), (3, 2), (3, 1)]


def test_story_tabs_get_contradiction_sides_follow_reading_order():
    story, (a, b, _) = _story(claims=1)
    # Given in reverse order: the group still starts with the earlier article's claim.
    link(
        b[0],
        a[0],
        relation=Relation.CONTRADICTION,
        details={"differing": [{"kind": "year", "a": "2008", "b": "2010"}]},
    )
    tabs = selectors.story_tabs_get(comparison=selectors.story_comparison_get(story=story))
    (group,) = tabs.contradictions
    assert group.side_a[0].id == a[0].id
    assert [(d.here, d.there) for d in group.differing] == [("2010", "2008")]


# --- editors' reviews ------------------------------------------------------------------


def test_dismissed_links_do_not_count_anywhere():
    story, (a, b, c) = _story(claims=2)
    agreement = link(a[0], b[0])
    link(a[0], c[0])
    contradiction = link(a[1], b[1], relation=Relation.CONTRADICTION)
    editor = user_create_for_test()
    services.link_review(link=contradiction, decision="dismissed", reviewer=editor)
    services.link_review(link=agreement, decision="dismissed", reviewer=editor)

    (row,) = selectors.story_list_rows()
    assert (row.agreement_count, row.contradiction_count) == (1, 0)
    # a0 and c0 still agree; b0, a1, b1 and the rest are now alone.
    assert row.only_here_count == 4

    comparison = selectors.story_comparison_get(story=story)
    assert (comparison.agreement_count, comparison.contradiction_count) == (1, 0)
    assert comparison.only_here_count == 4
    assert comparison.dismissed_count == 2
    claims = comparison.claims
    assert claims[a[1].id].status == "only_here"
    assert claims[a[1].id].dismissed_links == 1
    assert claims[a[0].id].agreed_outlets == 1
    assert claims[a[0].id].linked_claim_ids == [c[0].id]
    assert claims[b[0].id].linked_claim_ids == []

    tabs = selectors.story_tabs_get(comparison=comparison)
    assert [[x.id for x in g.claims] for g in tabs.agreements] == [[a[0].id, c[0].id]]
    assert tabs.contradictions == []
    assert [(d.claim_a.id, d.claim_b.id) for d in tabs.dismissed] == [
        (a[0].id, b[0].id),
        (a[1].id, b[1].id),
    ]
    assert tabs.matrix[0].cells[1].agreements == 0
    assert tabs.matrix[0].cells[1].contradictions == 0


def test_confirmed_links_are_marked():
    story, (a, b, _) = _story(claims=2)
    agreement = link(a[0], b[0])
    contradiction = link(a[1], b[1], relation=Relation.CONTRADICTION)
    editor = user_create_for_test()
    services.link_review(link=agreement, decision="confirmed", reviewer=editor)
    services.link_review(link=contradiction, decision="confirmed", reviewer=editor)
    comparison = selectors.story_comparison_get(story=story)
    assert comparison.claims[a[0].id].confirmed_links == 1
    tabs = selectors.story_tabs_get(comparison=comparison)
    assert tabs.agreements[0].confirmed
    assert tabs.contradictions[0].confirmed


def test_claim_detail_get_lists_reviews_newest_first():
    story, (a, b, _) = _story(claims=1)
    pair = link(a[0], b[0], relation=Relation.CONTRADICTION)
    editor = user_create_for_test(username="huda")
    services.link_review(link=pair, decision="confirmed", reviewer=editor)
    services.link_review(
        link=pair, decision="dismissed", note="رقمان لحدثين مختلفين", reviewer=editor
    )
    (view,) = selectors.claim_detail_get(claim_id=b[0].id).links
    assert view.review == "dismissed"
    assert [(r.decision, r.note) for r in view.reviews] == [
        ("dismissed", "رقمان لحدثين مختلفين"),
        ("confirmed", ""),
    ]
    assert view.reviews[0].reviewer.username == "huda"


# --- the story page's columns and first reporters --------------------------------------


def _outlets_story(count):
    story = story_create_for_test()
    start = timezone.now() - dt.timedelta(days=1)
    outlets = []
    for n in range(count):
        outlet = outlet_create_for_test()
        outlets.append(outlet)
        article_with_claims(
            story=story, outlet=outlet, published_at=start + dt.timedelta(hours=n), claims=["خبر."]
        )
    return selectors.story_comparison_get(story=story), [o.id for o in outlets]


@pytest.mark.parametrize(
    ("asked", "shown", "corrected"),
    [
        ([], [0, 1, 2, 3], False),
        ([5, 1], [1, 5], False),
        ([2], [0, 1, 2, 3], True),
        ([5, 4, 3, 2, 1], [2, 3, 4, 5], True),
        ([999, 0, 2], [0, 2], False),  # unknown ids are ignored
    ],
)
def test_story_columns_pick(asked, shown, corrected):
    comparison, ids = _outlets_story(6)
    asked_ids = [ids[i] if i < len(ids) else i for i in asked]
    pick = selectors.story_columns_pick(comparison=comparison, outlet_ids=asked_ids)
    assert [c.outlet.id for c in pick.columns] == [ids[i] for i in shown]
    assert [c.outlet.id for c in pick.choices if c.selected] == [ids[i] for i in shown]
    assert pick.corrected is corrected
    assert pick.needed
    assert (pick.query == "") is (shown == [0, 1, 2, 3])


def test_story_columns_pick_not_needed_for_four():
    comparison, ids = _outlets_story(4)
    pick = selectors.story_columns_pick(comparison=comparison, outlet_ids=[])
    assert not pick.needed
    assert len(pick.columns) == 4


def test_outlet_ids_parse():
    assert selectors.outlet_ids_parse(["3,1", "2", "x", "1", " 4 "]) == [3, 1, 2, 4]


def test_agreement_groups_name_first_reporters():
    story = story_create_for_test()
    day = timezone.make_aware(dt.datetime(2024, 10, 7, 9, 0))
    first, tied, late = (outlet_create_for_test(native_name=n) for n in ("أ", "ب", "ج"))
    _, (x,) = article_with_claims(
        story=story, outlet=late, published_at=day + dt.timedelta(hours=5), claims=["خبر."]
    )
    _, (y,) = article_with_claims(story=story, outlet=first, published_at=day, claims=["خبر."])
    _, (z,) = article_with_claims(story=story, outlet=tied, published_at=day, claims=["خبر."])
    link(x, y)
    link(y, z)
    tabs = selectors.story_tabs_get(comparison=selectors.story_comparison_get(story=story))
    (group,) = tabs.agreements
    assert group.first_outlets == ["أ", "ب"]
    assert group.first_published_at == day


# --- article text ----------------------------------------------------------------------


def test_article_text_get_cuts_at_claim_offsets(django_assert_num_queries):
    story, (a, b, _) = _story(claims=3)
    link(a[1], b[1])
    with django_assert_num_queries(5):
        text = selectors.article_text_get(article_id=a[0].article_id)
    assert "".join(run.text for run in text.runs) == text.article.clean_text
    claimed = [(run.text, run.claim.status) for run in text.runs if run.claim]
    assert claimed == [("جملة 0.", "only_here"), ("جملة 1.", "agreed"), ("جملة 2.", "only_here")]
    assert [run.text for run in text.runs if not run.claim] == [" ", " "]


def test_article_text_get_skips_bad_offsets():
    story = story_create_for_test()
    article, (first, second) = article_with_claims(
        story=story, claims=["جملة أولى.", "جملة ثانية."]
    )
    Claim.objects.filter(pk=second.pk).update(start=3, end=9999)
    text = selectors.article_text_get(article_id=article.id)
    assert "".join(run.text for run in text.runs) == article.clean_text
    assert [run.claim.id for run in text.runs if run.claim] == [first.id]


def test_article_text_get_unknown():
    with pytest.raises(selectors.Article.DoesNotExist):
        selectors.article_text_get(article_id=999999)


def test_large_groups_show_their_first_claims_and_count_the_rest():
    from newsdiff.selectors import GROUP_CLAIMS_SHOWN, AgreementGroup, ClaimRow, ContradictionGroup

    rows = [
        ClaimRow(
            id=i,
            article_id=i,
            outlet_id=i,
            outlet_name=f"O{i}",
            position=0,
            text="نص",
            language="ar",
            direction="rtl",
        )
        for i in range(GROUP_CLAIMS_SHOWN + 3)
    ]
    group = AgreementGroup(
        claims=rows,
        outlet_count=len(rows),
        first_outlets=[],
        first_published_at=None,
        confirmed=False,
    )
    assert group.shown == rows[:GROUP_CLAIMS_SHOWN] and group.more == 3
    contradiction = ContradictionGroup(
        side_a=rows,
        side_b=rows[:2],
        outlets_a=len(rows),
        outlets_b=2,
        disputed_by_sources=False,
        differing=[],
        link_ids=[],
        confirmed=False,
    )
    assert contradiction.sides == [(rows[:GROUP_CLAIMS_SHOWN], 3), (rows[:2], 0)]


def test_wire_copy_is_one_source_not_a_confirmation(db):
    from newsdiff.models import Article
    from newsdiff.selectors import STATUS_AGREED, STATUS_COPIED

    story = story_create_for_test(slug="wire")
    wire, reprint, own = (outlet_create_for_test(name=n) for n in ("Wire", "Reprint", "Own"))
    _, (a1, a2) = article_with_claims(
        story=story, outlet=wire, claims=["انفجر مخزن للوقود في الميناء.", "قتل ثلاثة عمال."]
    )
    copy_article, (b1, b2) = article_with_claims(
        story=story, outlet=reprint, claims=["انفجر مخزن للوقود في الميناء.", "قتل ثلاثة عمال."]
    )
    Article.objects.filter(pk=copy_article.pk).update(copy_of=a1.article)
    _, (c1,) = article_with_claims(
        story=story, outlet=own, claims=["انفجار في مخزن وقود بالميناء."]
    )
    for x, y in ((a1, b1), (a2, b2), (a1, c1), (b1, c1)):
        link(x, y, relation=Relation.AGREEMENT)

    comparison = selectors.story_comparison_get(story=story)
    rows = comparison.claims
    # The explosion: the wire text (printed twice) and one independent outlet: two sources.
    assert rows[a1.id].status == STATUS_AGREED and rows[a1.id].agreed_outlets == 1
    assert rows[b1.id].agreed_outlets == 1
    assert rows[c1.id].agreed_outlets == 1  # the wire and its reprint count once
    # The deaths: only the wire text and its reprint.
    assert rows[a2.id].status == rows[b2.id].status == STATUS_COPIED
    tabs = selectors.story_tabs_get(comparison=comparison)
    assert [g.outlet_count for g in tabs.agreements] == [2]
    assert all(STATUS_COPIED != row.status for g in tabs.only_here for row in g.claims)
    (row,) = selectors.story_list_rows()
    assert row.agreement_count == 2  # a1-c1 and b1-c1; the wire-to-reprint links confirm nothing
    assert comparison.agreement_count == 2
