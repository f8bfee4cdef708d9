"""Selectors: plain data for the screens, read from the stored verdicts, each in a fixed
number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from newsdiff import comparison, selectors, services
from newsdiff.models import Article, Claim, Relation, Story
from newsdiff.pipeline.types import Reason, RelationDetails
from tests.builders import (
    article_with_claims,
    differing,
    link,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
    verdicts_store,
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


def _tabs(story):
    return comparison.story_tabs_get(comparison=selectors.story_comparison_get(story=story))


# --- the shared story filter and the story list -----------------------------------------


def test_stories_filter_combines_every_filter():
    day = timezone.make_aware(dt.datetime(2024, 3, 5, 9))
    daily, weekly = outlet_create_for_test(name="Daily"), outlet_create_for_test(name="Weekly")
    arms = story_create_for_test(title="صفقة أسلحة", slug="arms")
    article_with_claims(story=arms, outlet=daily, published_at=day, claims=["خبر."])
    flood = story_create_for_test(title="فيضان", slug="flood")
    article_with_claims(
        story=flood, outlet=weekly, published_at=day - dt.timedelta(days=60), claims=["خبر."]
    )

    def slugs(**filters):
        return sorted(selectors.stories_filter(**filters).values_list("slug", flat=True))

    assert slugs() == ["arms", "flood"]
    assert slugs(query="اسلحه") == ["arms"]
    assert slugs(slugs=["flood", "nope"]) == ["flood"]
    assert slugs(outlet_id=weekly.id) == ["flood"]
    assert slugs(published_from=dt.date(2024, 3, 1)) == ["arms"]
    assert slugs(published_to=dt.date(2024, 3, 1)) == ["flood"]
    assert slugs(query="اسلحه", outlet_id=weekly.id) == []
    assert not selectors.stories_filter().ordered  # callers order


def test_story_list_rows_read_the_stored_counts():
    story, (a, b, c) = _story()
    link(a[0], b[0])
    link(a[0], c[0])
    link(a[1], b[1], relation=Relation.CONTRADICTION)
    link(a[2], c[2], relation=Relation.DISPUTED)
    link(b[3], c[3], relation=Relation.UPDATED)
    verdicts_store(story)
    (row,) = selectors.story_list_rows()
    assert row.slug == story.slug
    assert row.counts.article_count == 3
    assert row.counts.agreement_count == 1  # one group: a0, b0, c0
    assert (
        row.counts.contradiction_count,
        row.counts.disputed_count,
        row.counts.updated_count,
    ) == (1, 1, 1)
    assert row.counts.conflict_count == 3
    # 12 claims; a0 b0 c0 a1 b1 a2 c2 b3 c3 are reported by another outlet.
    assert row.counts.only_here_count == 3
    assert row.counts.dismissed_count == 0
    assert len(row.outlets) == 3
    assert row.latest_published_at is not None


def test_story_list_rows_never_recompute():
    story, (a, b, _) = _story()
    link(a[0], b[0])  # not yet decided: the list shows what is stored
    Story.objects.filter(pk=story.pk).update(agreement_count=7, only_here_count=2)
    (row,) = selectors.story_list_rows()
    assert (row.counts.agreement_count, row.counts.only_here_count) == (7, 2)


def test_story_list_rows_same_outlet_link_is_not_corroboration():
    story = story_create_for_test()
    outlet = outlet_create_for_test()
    _, (first,) = article_with_claims(story=story, outlet=outlet, claims=["خبر."])
    _, (update,) = article_with_claims(story=story, outlet=outlet, claims=["خبر."])
    link(first, update)
    verdicts_store(story)
    (row,) = selectors.story_list_rows()
    assert (row.counts.only_here_count, row.counts.agreement_count, row.counts.dismissed_count) == (
        2,
        0,
        0,
    )
    loaded = selectors.story_comparison_get(story=story)
    assert [c.status for col in loaded.columns for c in col.claims] == ["only_here"] * 2
    assert loaded.columns[0].claims[0].link_ids  # still reachable


def test_story_list_rows_empty_story():
    story_create_for_test(slug="empty")
    (row,) = selectors.story_list_rows()
    assert (row.counts.article_count, row.counts.agreement_count, row.counts.only_here_count) == (
        0,
        0,
        0,
    )
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
        story, (a, b, _) = _story(slug=f"s{n}")
        link(a[0], b[0])
        verdicts_store(story)
    with django_assert_num_queries(2):
        rows = selectors.story_list_rows(query="جمله")
    assert len(rows) == 5


# --- the story page ---------------------------------------------------------------------


def test_story_comparison_get_reads_stored_statuses(django_assert_num_queries):
    story, (a, b, c) = _story(claims=3)
    link(a[0], b[0])
    link(a[0], c[0])
    link(a[1], b[1], relation=Relation.CONTRADICTION)
    link(a[2], c[2], relation=Relation.DISPUTED)
    link(b[2], c[2])
    verdicts_store(story)
    with django_assert_num_queries(3):
        loaded = selectors.story_comparison_get(story=story)
    statuses = [[(c.position, c.status) for c in col.claims] for col in loaded.columns]
    assert statuses == [
        [(0, "agreed"), (1, "contradicted"), (2, "disputed")],
        [(0, "agreed"), (1, "contradicted"), (2, "agreed")],
        [(0, "agreed"), (1, "only_here"), (2, "disputed")],
    ]
    first = loaded.columns[0].claims[0]
    assert first.agreed_outlets == 3  # its own outlet and two more: "3 outlets agree"
    assert len(first.link_ids) == 2
    c2 = loaded.claims[c[2].id]
    assert (c2.agreed_outlets, c2.disputed_outlets) == (2, 1)
    # Conflict details are typed; agreements' are left in the database.
    details = {link.relation: link.details for link in loaded.links}
    assert isinstance(details["disputed"], RelationDetails)
    assert details["agreement"] is None


def test_story_comparison_get_queries_do_not_grow(django_assert_num_queries):
    story, columns = _story(outlets=5, claims=60)
    for other in columns[1:]:
        for x, y in zip(columns[0], other, strict=True):
            link(x, y)
    verdicts_store(story)
    with django_assert_num_queries(3):
        loaded = selectors.story_comparison_get(story=story)
    assert sum(len(col.claims) for col in loaded.columns) == 300
    assert {row.status for row in loaded.claims.values()} == {"agreed"}


def test_tabs_list_what_the_stored_counts_count():
    story, (a, b, c) = _story(claims=4)
    link(a[0], b[0])
    link(b[0], c[0])
    link(a[1], b[1], relation=Relation.CONTRADICTION)
    link(a[1], c[1], relation=Relation.CONTRADICTION)  # b1 and c1 are two groups: two
    link(a[2], b[2], relation=Relation.DISPUTED)
    link(a[3], c[3], relation=Relation.UPDATED)
    story = verdicts_store(story)
    tabs = _tabs(story)
    assert len(tabs.agreements) == story.agreement_count == 1
    kinds = [group.kind for group in tabs.conflicts]
    assert kinds.count("contradiction") == story.contradiction_count == 2
    assert kinds.count("disputed") == story.disputed_count == 1
    assert kinds.count("updated") == story.updated_count == 1
    assert sum(len(g.claims) for g in tabs.only_here) == story.only_here_count


def test_story_tabs_get_groups(django_assert_num_queries):
    story, (a, b, c) = _story(claims=3)
    link(a[0], b[0])
    link(b[0], c[0])  # a0, b0, c0: one group through b0
    link(
        a[1],
        b[1],
        relation=Relation.CONTRADICTION,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(differing("count", "5", "7", text_a="5 أشخاص", text_b="سبعة"),),
        ),
    )
    link(a[1], c[1])  # c1 sides with a1
    verdicts_store(story)
    loaded = selectors.story_comparison_get(story=story)
    with django_assert_num_queries(0):
        tabs = comparison.story_tabs_get(comparison=loaded)

    assert [[x.id for x in g.claims] for g in tabs.agreements] == [
        [a[0].id, b[0].id, c[0].id],
        [a[1].id, c[1].id],
    ]
    assert tabs.agreements[0].outlet_count == 3

    (contradiction,) = tabs.conflicts
    assert contradiction.kind == "contradiction"
    assert [x.id for x in contradiction.side_a.claims] == [a[1].id, c[1].id]
    assert [x.id for x in contradiction.side_b.claims] == [b[1].id]
    assert (contradiction.side_a.outlet_count, contradiction.side_b.outlet_count) == (2, 1)
    assert (contradiction.fact, contradiction.side_a.value.text) == ("count", "5 أشخاص")
    assert contradiction.side_b.value.text == "سبعة"

    assert [[x.id for x in g.claims] for g in tabs.only_here] == [[a[2].id], [b[2].id], [c[2].id]]

    first = tabs.matrix[0]
    assert first.cells[0].is_self
    assert (first.cells[1].agreements, first.cells[1].contradictions) == (1, 1)  # a-b
    assert (first.cells[2].agreements, first.cells[2].contradictions) == (1, 0)  # a-c
    assert first.claim_count == 3 and first.only_here_count == 1

    # a is first with all three of its claims; b and c only add their own detail.
    assert [(e.claim_count, e.first_reported) for e in tabs.timeline] == [(3, 3), (3, 2), (3, 1)]


def test_story_tabs_get_conflict_sides_follow_reading_order():
    story, (a, b, _) = _story(claims=1)
    # Given in reverse order: the group still starts with the earlier article's claim.
    link(
        b[0],
        a[0],
        relation=Relation.CONTRADICTION,
        details=RelationDetails(
            reason=Reason.DATE_MISMATCH, differing=(differing("year", "2010", "2008"),)
        ),
    )
    verdicts_store(story)
    (group,) = _tabs(story).conflicts
    assert group.side_a.claims[0].id == a[0].id
    assert [side.value.value for side in group.sides] == ["2008", "2010"]


def test_story_tabs_get_dispute_names_both_sources_as_written():
    story = story_create_for_test()
    _, (x,) = article_with_claims(story=story, claims=[("قال الجيش إن خمسة قتلوا.", [], "الجيش")])
    _, (y,) = article_with_claims(
        story=story, claims=[("قالت وزارة الصحة إن سبعة قتلوا.", [], "وزارة الصحة")]
    )
    link(
        x,
        y,
        relation=Relation.DISPUTED,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(differing("count", "5", "7", text_a="خمسة", text_b="سبعة"),),
            source_a="الجيش",
            source_b="وزارة الصحة",
        ),
    )
    story = verdicts_store(story)
    assert story.disputed_count == 1 and story.contradiction_count == 0
    (group,) = _tabs(story).conflicts
    assert group.kind == "disputed"
    assert (group.side_a.sources, group.side_b.sources) == (("الجيش",), ("وزارة الصحة",))


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
    assert (
        row.counts.agreement_count,
        row.counts.contradiction_count,
        row.counts.dismissed_count,
    ) == (1, 0, 2)
    # a0 and c0 still agree; b0, a1, b1 and the rest are now alone.
    assert row.counts.only_here_count == 4

    loaded = selectors.story_comparison_get(story=story)
    claims = loaded.claims
    assert claims[a[1].id].status == "only_here"
    assert claims[a[1].id].dismissed_links == 1
    assert claims[a[0].id].agreed_outlets == 2
    assert claims[a[0].id].linked_claim_ids == [c[0].id]
    assert claims[b[0].id].linked_claim_ids == []

    tabs = comparison.story_tabs_get(comparison=loaded)
    assert [[x.id for x in g.claims] for g in tabs.agreements] == [[a[0].id, c[0].id]]
    assert tabs.conflicts == []
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
    loaded = selectors.story_comparison_get(story=story)
    assert loaded.claims[a[0].id].confirmed_links == 1
    tabs = comparison.story_tabs_get(comparison=loaded)
    assert tabs.agreements[0].confirmed
    assert tabs.conflicts[0].confirmed


# --- the claim panel -------------------------------------------------------------------


def test_claim_detail_get_orients_typed_details(django_assert_num_queries):
    story, (a, b, _) = _story()
    a0 = Claim.objects.get(pk=a[0].pk)
    a0.text = "قتل خمسة أشخاص."
    a0.save()
    b0 = Claim.objects.get(pk=b[0].pk)
    b0.text = "قتل 7 أشخاص."
    b0.save()
    link(
        a0,
        b0,
        relation=Relation.CONTRADICTION,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(differing("count", "5", "7", text_a="خمسة أشخاص", text_b="7 أشخاص"),),
        ),
    )
    verdicts_store(story)
    with django_assert_num_queries(3):
        detail = selectors.claim_detail_get(claim_id=b0.id)
    (view,) = detail.links
    assert view.counterpart.id == a0.id
    assert detail.claim.status == "contradicted"
    # From b's side: here 7, there 5, each highlighted as its article wrote it.
    assert [(d.a.value, d.b.value) for d in view.differing] == [("7", "5")]
    assert [s.text for s in view.claim_segments if s.highlighted] == ["7 أشخاص"]
    assert [s.text for s in view.counterpart_segments if s.highlighted] == ["خمسة أشخاص"]
    assert [s.text for s in detail.segments if s.highlighted] == ["7 أشخاص"]
    assert view.reason == "value_mismatch"
    assert view.explanation  # rendered by explanations.link_sentence
    assert detail.linked_ids_text == str(a0.id)


def test_claim_detail_get_dispute_from_either_side():
    story, (a, b, _) = _story(claims=1)
    link(
        a[0],
        b[0],
        relation=Relation.DISPUTED,
        details=RelationDetails(
            reason=Reason.NEGATION, source_a="الكرملين", source_b="صحيفة روسية"
        ),
    )
    verdicts_store(story)
    (from_a,) = selectors.claim_detail_get(claim_id=a[0].id).links
    (from_b,) = selectors.claim_detail_get(claim_id=b[0].id).links
    assert (from_a.details.source_a, from_a.details.source_b) == ("الكرملين", "صحيفة روسية")
    assert (from_b.details.source_a, from_b.details.source_b) == ("صحيفة روسية", "الكرملين")


def test_claim_detail_get_shows_facts_and_attribution_as_written():
    story = story_create_for_test()
    fact = {"kind": "count", "value": "1200", "unit": "", "subject": "resid", "text": "1200 جندي"}
    _, (claim,) = article_with_claims(
        story=story, claims=[("قال المتحدث إن 1200 جندي وصلوا.", [fact], "المتحدثُ")]
    )
    detail = selectors.claim_detail_get(claim_id=claim.id)
    assert [(f.kind, f.text) for f in detail.facts] == [("count", "1200 جندي")]
    assert not hasattr(detail.facts[0], "subject")  # the engine's key never reaches people
    assert detail.attribution == "المتحدثُ"


def test_claim_detail_get_unknown():
    with pytest.raises(Claim.DoesNotExist):
        selectors.claim_detail_get(claim_id=123456)


def test_claim_detail_get_lists_reviews_newest_first():
    story, (a, b, _) = _story(claims=1)
    pair = link(a[0], b[0], relation=Relation.CONTRADICTION)
    editor = user_create_for_test(username="huda")
    services.link_review(link=pair, decision="confirmed", reviewer=editor)
    services.link_review(
        link=pair, decision="dismissed", note="رقمان لحدثين مختلفين", reviewer=editor
    )
    detail = selectors.claim_detail_get(claim_id=b[0].id)
    (view,) = detail.links
    assert view.review == "dismissed"
    assert [(r.decision, r.note) for r in view.reviews] == [
        ("dismissed", "رقمان لحدثين مختلفين"),
        ("confirmed", ""),
    ]
    assert view.reviews[0].reviewer.username == "huda"
    assert detail.linked_ids_text == ""  # a dismissed link joins nothing


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
    loaded, ids = _outlets_story(6)
    asked_ids = [ids[i] if i < len(ids) else i for i in asked]
    pick = selectors.story_columns_pick(comparison=loaded, outlet_ids=asked_ids)
    assert [c.outlet.id for c in pick.columns] == [ids[i] for i in shown]
    assert [c.outlet.id for c in pick.choices if c.selected] == [ids[i] for i in shown]
    assert pick.corrected is corrected
    assert pick.needed
    assert (pick.query == "") is (shown == [0, 1, 2, 3])


def test_story_columns_pick_not_needed_for_four():
    loaded, _ = _outlets_story(4)
    pick = selectors.story_columns_pick(comparison=loaded, outlet_ids=[])
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
    verdicts_store(story)
    (group,) = _tabs(story).agreements
    assert group.first_outlets == ["أ", "ب"]
    assert group.first_published_at == day


# --- article text ----------------------------------------------------------------------


def test_article_text_get_cuts_at_claim_offsets(django_assert_num_queries):
    story, (a, b, _) = _story(claims=3)
    link(a[1], b[1])
    verdicts_store(story)
    with django_assert_num_queries(3):
        text = selectors.article_text_get(article_id=a[0].article_id)
    assert "".join(run.text for run in text.runs) == text.article.clean_text
    claimed = [(run.text, run.claim.status) for run in text.runs if run.claim]
    assert claimed == [("جملة 0.", "only_here"), ("جملة 1.", "agreed"), ("جملة 2.", "only_here")]
    assert [run.text for run in text.runs if not run.claim] == [" ", " "]
    assert [run.claim.linked_claim_ids for run in text.runs if run.claim][1] == [b[1].id]


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
    with pytest.raises(Article.DoesNotExist):
        selectors.article_text_get(article_id=999999)


def test_large_groups_show_their_first_claims_and_count_the_rest():
    from newsdiff.comparison import GROUP_CLAIMS_SHOWN, AgreementEntry, ClaimRow, ConflictSide

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
    group = AgreementEntry(
        claims=rows,
        outlet_count=len(rows),
        first_outlets=[],
        first_published_at=None,
        confirmed=False,
    )
    assert group.shown == rows[:GROUP_CLAIMS_SHOWN] and group.more == 3
    side = ConflictSide(claims=rows[:2], outlet_count=2, outlets=(), sources=())
    assert (side.shown, side.more) == (rows[:2], 0)


def test_wire_copy_is_one_source_not_a_confirmation():
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
    verdicts_store(story)

    loaded = selectors.story_comparison_get(story=story)
    rows = loaded.claims
    # The explosion: the wire text (printed twice) and one independent outlet: two sources.
    assert rows[a1.id].status == "agreed" and rows[a1.id].agreed_outlets == 2
    assert rows[b1.id].agreed_outlets == rows[c1.id].agreed_outlets == 2
    # The deaths: only the wire text and its reprint.
    assert rows[a2.id].status == rows[b2.id].status == "copied"
    tabs = comparison.story_tabs_get(comparison=loaded)
    assert [g.outlet_count for g in tabs.agreements] == [2]
    assert all(row.status != "copied" for g in tabs.only_here for row in g.claims)
    (row,) = selectors.story_list_rows()
    assert row.counts.agreement_count == 1  # one fact, reported by two sources
    assert row.counts.dismissed_count == 0  # wire copies are never an editor's dismissal


def test_claim_detail_lists_conflicts_first_and_tells_wire_copies_apart():
    story = story_create_for_test()
    original, (x,) = article_with_claims(story=story, claims=["قال الجيش إن خمسة قتلوا."])
    copy, (y,) = article_with_claims(story=story, claims=["قال الجيش إن خمسة قتلوا."])
    Article.objects.filter(pk=copy.pk).update(copy_of=original)
    _, (z,) = article_with_claims(story=story, claims=["قالت الوزارة إن سبعة قتلوا."])
    _, (w,) = article_with_claims(story=story, claims=["قُتل خمسة أشخاص."])
    link(x, y, similarity=0.99)
    link(x, w, similarity=0.9)
    link(x, z, relation=Relation.DISPUTED, similarity=0.5)
    verdicts_store(story)
    views = selectors.claim_detail_get(claim_id=x.id).links
    assert [(v.counterpart.id, v.relation, v.wire_copy) for v in views] == [
        (z.id, "disputed", False),
        (y.id, "agreement", True),
        (w.id, "agreement", False),
    ]
