"""Views: full pages and their htmx partials, Arabic search, RTL columns, query bounds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdiff.models import Language, Relation
from tests.builders import article_with_claims, link, outlet_create_for_test, story_create_for_test

HTMX = {"HX-Request": "true"}


@pytest.fixture
def story_with_links(db):
    story = story_create_for_test(title="صفقة أسلحة بين بوت والحوثيين", slug="bout-houthis")
    erem = outlet_create_for_test(name="Erem News", native_name="إرم نيوز")
    roayah = outlet_create_for_test(name="Roayah News")
    reuters = outlet_create_for_test(name="Reuters", language=Language.ENGLISH)
    day = timezone.make_aware(dt.datetime(2024, 10, 7, 12, 0))
    _, (a1, a2, a3) = article_with_claims(
        story=story,
        outlet=erem,
        published_at=day,
        claims=[
            "كشفت صحيفة وول ستريت جورنال عن صفقة أسلحة.",
            ("قيمة الصفقة 10 ملايين دولار.", [{"kind": "money", "value": "10000000", "text": "10 ملايين دولار"}]),
            "تفصيل لا يذكره أحد غيرنا.",
        ],
    )
    _, (b1, b2) = article_with_claims(
        story=story,
        outlet=roayah,
        published_at=day + dt.timedelta(days=1),
        claims=[
            "ذكرت وول ستريت جورنال صفقة أسلحة.",
            ("قيمة الصفقة 20 مليون دولار.", [{"kind": "money", "value": "20000000", "text": "20 مليون دولار"}]),
        ],
    )
    _, (c1,) = article_with_claims(
        story=story,
        outlet=reuters,
        published_at=day + dt.timedelta(hours=3),
        claims=["The Wall Street Journal reported an arms deal."],
    )
    agreement = link(a1, b1, relation=Relation.AGREEMENT, similarity=0.9)
    link(a1, c1, relation=Relation.AGREEMENT, similarity=0.7)
    contradiction = link(
        a2,
        b2,
        relation=Relation.CONTRADICTION,
        similarity=0.85,
        explanation="Different amounts of money",
        details={
            "reason": "money differs",
            "matched": [],
            "differing": [{"kind": "money", "subject": "صفقه", "a": "10000000", "b": "20000000"}],
        },
    )
    return {
        "story": story,
        "claims": {"a1": a1, "a2": a2, "a3": a3, "b1": b1, "b2": b2, "c1": c1},
        "agreement": agreement,
        "contradiction": contradiction,
    }


# --- story list -----------------------------------------------------------------------


def test_story_list_full_page(client, story_with_links):
    response = client.get(reverse("story_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "newsdiff/vendor/htmx.min.js" in html
    assert 'hx-trigger="input changed delay:300ms, search"' in html
    assert 'id="story-rows"' in html
    assert "صفقة أسلحة بين بوت والحوثيين" in html
    assert "Erem News" in response.content.decode() or "إرم نيوز" in html
    assert response.headers["Vary"].count("HX-Request") == 1


def test_story_list_partial_has_no_page(client, story_with_links):
    response = client.get(reverse("story_list"), headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "<header" not in html
    assert html.strip().startswith('<section id="story-rows"')
    assert "bout-houthis" in html


def test_story_list_history_restore_gets_full_page(client, story_with_links):
    response = client.get(
        reverse("story_list"), headers={**HTMX, "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["اسلحه", "أسلحة", "أَسْلِحَة", "الحوثيين", "وول ستريت", "ملايين"],
)
def test_story_list_arabic_search_matches_typed_forms(client, story_with_links, query):
    other = story_create_for_test(title="انتخابات بلدية", slug="elections")
    article_with_claims(story=other, claims=["جرت الانتخابات أمس."])
    html = client.get(reverse("story_list"), {"q": query}, headers=HTMX).content.decode()
    assert "bout-houthis" in html
    assert "elections" not in html


def test_story_list_search_title_only_with_hamza_and_teh_marbuta(client, db):
    story_create_for_test(title="إطلاق صواريخ على الجليل", slug="rockets")
    html = client.get(reverse("story_list"), {"q": "اطلاق"}).content.decode()
    assert "rockets" in html
    html = client.get(reverse("story_list"), {"q": "زلزال"}).content.decode()
    assert "rockets" not in html
    assert "No story matches this search." in html


def test_story_list_outlet_filter(client, story_with_links):
    lone = outlet_create_for_test(name="Lone Outlet")
    other = story_create_for_test(title="قصة أخرى", slug="other-story")
    article_with_claims(story=other, outlet=lone, claims=["جملة."])
    html = client.get(reverse("story_list"), {"outlet": lone.id}, headers=HTMX).content.decode()
    assert "other-story" in html
    assert "bout-houthis" not in html
    # Nonsense is ignored rather than a server error.
    assert client.get(reverse("story_list"), {"outlet": "x"}).status_code == 200


def test_story_list_query_count_is_bounded(client, django_assert_max_num_queries, db):
    for n in range(8):
        story = story_create_for_test(slug=f"s{n}")
        _, first = article_with_claims(story=story, claims=[f"جملة {i}." for i in range(10)])
        _, second = article_with_claims(story=story, claims=[f"جملة {i}." for i in range(10)])
        for a, b in zip(first, second):
            link(a, b)
    # Session/auth may add a query or two; none may depend on the number of stories.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("story_list"))
    assert response.content.decode().count('class="story-row"') == 8


# --- story page ------------------------------------------------------------------------


def test_story_detail_full_page(client, story_with_links):
    response = client.get(reverse("story_detail", args=["bout-houthis"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    claims = story_with_links["claims"]
    for claim in claims.values():
        url = reverse("claim_detail", args=[claim.id])
        assert f'href="{url}"' in html
        assert f'hx-get="{url}"' in html
    assert 'hx-target="#claim-panel"' in html
    assert 'id="claim-panel"' in html
    assert response.headers["Vary"].count("HX-Request") == 1


def test_story_detail_columns_follow_article_language(client, story_with_links):
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    assert html.count('class="column" role="listitem" dir="rtl" lang="ar"') == 2
    assert html.count('class="column" role="listitem" dir="ltr" lang="en"') == 1


def test_story_detail_columns_rtl_in_english_interface(client, story_with_links):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert 'dir="rtl" lang="ar"' in html


def test_arabic_interface_is_rtl(client, story_with_links):
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("story_list")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_story_detail_status_labels(client, story_with_links):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    assert "agreed (2 outlets)" in html  # a1: Roayah and Reuters
    assert "agreed (1 outlet)" in html  # b1, c1
    assert "✗</span> contradicted" in html
    assert "◆</span> only here" in html
    assert 'class="claim claim--only_here"' in html


def test_story_detail_articles_in_publication_order(client, story_with_links):
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    # Erem (day 0, 12:00), Reuters (+3 h), Roayah (+1 day).
    assert html.index("إرم نيوز") < html.index("Reuters") < html.index("Roayah News")


def test_story_detail_unknown_slug_is_404(client, db):
    assert client.get(reverse("story_detail", args=["nope"])).status_code == 404


def test_story_detail_query_count_is_bounded(client, django_assert_max_num_queries, db):
    story = story_create_for_test(slug="big")
    outlets = [outlet_create_for_test() for _ in range(4)]
    columns = [
        article_with_claims(story=story, outlet=o, claims=[f"جملة رقم {i}." for i in range(40)])[1]
        for o in outlets
    ]
    for claims in columns[1:]:
        for a, b in zip(columns[0], claims):
            link(a, b, relation=Relation.CONTRADICTION if a.position % 5 == 0 else Relation.AGREEMENT)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("story_detail", args=["big"]))
    assert response.content.decode().count('class="claim claim--') == 160


# --- claim detail ----------------------------------------------------------------------


def test_claim_detail_partial(client, story_with_links):
    claim = story_with_links["claims"]["b2"]
    response = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.strip().startswith('<section class="claim-detail"')
    assert "قيمة الصفقة 10 ملايين دولار." not in html  # the counterpart text is cut by marks
    # Oriented from b2's side: here 20 million, there 10 million; both highlighted.
    assert "<mark>20 مليون دولار</mark>" in html
    assert "<mark>10 ملايين دولار</mark>" in html
    assert html.index('<mark dir="auto">20,000,000</mark>') < html.index('<mark dir="auto">10,000,000</mark>')
    assert "Different amounts of money" in html
    assert "85%" in html
    assert response.headers["Vary"].count("HX-Request") == 1


def test_claim_detail_full_page(client, story_with_links):
    claim = story_with_links["claims"]["a1"]
    response = client.get(reverse("claim_detail", args=[claim.id]))
    html = response.content.decode()
    assert "<html" in html
    assert 'id="claim-panel"' in html
    assert story_with_links["story"].get_absolute_url() in html
    # Both counterparts, each reachable with and without htmx.
    for other in ("b1", "c1"):
        url = reverse("claim_detail", args=[story_with_links["claims"][other].id])
        assert f'href="{url}" hx-get="{url}"' in html
    assert "The Wall Street Journal reported an arms deal." in html
    assert 'lang="en" dir="ltr"' in html


def test_claim_detail_only_here(client, story_with_links):
    claim = story_with_links["claims"]["a3"]
    html = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX).content.decode()
    assert "Only this outlet reports this" in html


def test_claim_detail_unknown_id_is_404(client, db):
    assert client.get(reverse("claim_detail", args=[999999])).status_code == 404
    assert client.get(reverse("claim_detail", args=[999999]), headers=HTMX).status_code == 404


# --- story tabs ------------------------------------------------------------------------

TABS = ["columns", "agreements", "contradictions", "only-here", "matrix", "timeline"]


@pytest.mark.parametrize("tab", TABS)
def test_story_tab_full_page_and_partial(client, story_with_links, tab):
    url = reverse("story_detail", args=["bout-houthis"])
    full = client.get(url, {"tab": tab}).content.decode()
    assert "<html" in full
    assert 'id="claim-panel"' in full
    partial = client.get(url, {"tab": tab}, headers=HTMX)
    html = partial.content.decode()
    assert partial.status_code == 200
    assert "<html" not in html
    assert html.strip().startswith('<div id="story-view"')
    # The tab bar comes with the partial, so the current tab is marked after a swap.
    assert html.count('aria-current="page"') == 1
    # Every tab link keeps its href.
    for name in TABS[1:]:
        assert f'href="{url}?tab={name}" hx-get="{url}?tab={name}"' in html


def test_story_tab_unknown_falls_back_to_columns(client, story_with_links):
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "nope"}).content.decode()
    assert 'class="column" role="listitem"' in html


def test_story_tab_agreements_groups(client, story_with_links):
    client.cookies["django_language"] = "en"
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "agreements"}, headers=HTMX).content.decode()
    assert "3 outlets agree" in html
    assert "The Wall Street Journal reported an arms deal." in html
    assert "تفصيل لا يذكره أحد غيرنا." not in html


def test_story_tab_contradictions_show_both_sides_and_values(client, story_with_links):
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "contradictions"}, headers=HTMX).content.decode()
    assert "قيمة الصفقة 10 ملايين دولار." in html
    assert "قيمة الصفقة 20 مليون دولار." in html
    # Sides in reading order: Erem (earlier) first.
    assert html.index('<mark dir="auto">10,000,000</mark>') < html.index(
        '<mark dir="auto">20,000,000</mark>'
    )


def test_story_tab_only_here(client, story_with_links):
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "only-here"}, headers=HTMX).content.decode()
    assert "تفصيل لا يذكره أحد غيرنا." in html
    assert "كشفت صحيفة وول ستريت جورنال" not in html


def test_story_tab_matrix(client, story_with_links):
    client.cookies["django_language"] = "en"
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "matrix"}, headers=HTMX).content.decode()
    assert html.count('class="matrix__self"') == 3
    assert "✓</span> 1<span class=\"visually-hidden\"> agreements" in html
    assert "✗</span> 1<span class=\"visually-hidden\"> contradictions" in html


def test_story_tab_timeline(client, story_with_links):
    client.cookies["django_language"] = "en"
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "timeline"}, headers=HTMX).content.decode()
    assert "3\xa0hours later" in html
    assert "1\xa0day later" in html
    assert html.index("إرم نيوز") < html.index("Reuters") < html.index("Roayah News")


@pytest.mark.parametrize("tab", TABS)
def test_story_tabs_query_count_is_bounded(client, django_assert_max_num_queries, db, tab):
    story = story_create_for_test(slug="big")
    outlets = [outlet_create_for_test() for _ in range(4)]
    columns = [
        article_with_claims(story=story, outlet=o, claims=[f"جملة رقم {i}." for i in range(30)])[1]
        for o in outlets
    ]
    for claims in columns[1:]:
        for a, b in zip(columns[0], claims):
            link(a, b, relation=Relation.CONTRADICTION if a.position % 5 == 0 else Relation.AGREEMENT)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("story_detail", args=["big"]), {"tab": tab})
    assert response.status_code == 200
