"""Views: full pages and their htmx partials, roles, link reviews, Arabic search, RTL
columns, the interface in Arabic and English, query bounds."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsdiff import selectors
from newsdiff.models import Article, ClaimLink, Language, LinkReview, Relation, Story
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

HTMX = {"HX-Request": "true"}

# Signing in costs each request a fixed number of queries (session, user, the user's and
# the groups' permissions); the bounds below add it to the selectors' own.
AUTH_QUERIES = 4


@pytest.fixture
def client(client, db):
    """Every test here browses as an Editor, unless it asks for another client below."""
    client.force_login(user_create_for_test(username="editor", role="Editor"))
    return client


@pytest.fixture
def anonymous_client(db):
    return Client()


@pytest.fixture
def no_role_client(db):
    """Signed in, but in no group: no permission at all."""
    client = Client()
    client.force_login(user_create_for_test(username="nobody", role=None))
    return client


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
            (
                "قيمة الصفقة 10 ملايين دولار.",
                [{"kind": "money", "value": "10000000", "unit": "USD", "text": "10 ملايين دولار"}],
            ),
            "تفصيل لا يذكره أحد غيرنا.",
        ],
    )
    _, (b1, b2) = article_with_claims(
        story=story,
        outlet=roayah,
        published_at=day + dt.timedelta(days=1),
        claims=[
            "ذكرت وول ستريت جورنال صفقة أسلحة.",
            (
                "قيمة الصفقة 20 مليون دولار.",
                [{"kind": "money", "value": "20000000", "unit": "USD", "text": "20 مليون دولار"}],
            ),
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
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(
                differing(
                    "money",
                    "10000000",
                    "20000000",
                    unit="USD",
                    text_a="10 ملايين دولار",
                    text_b="20 مليون دولار",
                ),
            ),
        ),
    )
    verdicts_store(story)
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
        for a, b in zip(first, second, strict=True):
            link(a, b)
        verdicts_store(story)
    # Session/auth may add a query or two; none may depend on the number of stories.
    # The stories with their counts, their outlets and the outlet filter's choices.
    with django_assert_max_num_queries(3 + AUTH_QUERIES):
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
    # a1, b1, c1: one group of three outlets, "3 outlets agree" on the agreements tab.
    assert html.count("agreed (3 outlets)") == 3
    assert "agreed (1 outlet)" not in html
    assert "✗</span> contradicted by 1 outlet" in html
    assert "◆</span> only here" in html
    assert 'class="claim claim--only_here"' in html


def test_story_detail_articles_in_publication_order(client, story_with_links):
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    html = html[html.index('class="columns"') :]  # the summary above names them too
    # Erem (day 0, 12:00), Reuters (+3 h), Roayah (+1 day).
    assert html.index("إرم نيوز") < html.index("Reuters") < html.index("Roayah News")


def test_story_detail_unknown_slug_is_404(client, db):
    assert client.get(reverse("story_detail", args=["nope"])).status_code == 404


def _big_story(*, claims_per_article: int) -> None:
    """Story "big": four outlets, every claim of the first linked to its twin in the others
    (one in five a contradiction), for query bounds that must not grow with claims."""
    story = story_create_for_test(slug="big")
    outlets = [outlet_create_for_test() for _ in range(4)]
    claims = [f"جملة رقم {i}." for i in range(claims_per_article)]
    columns = [article_with_claims(story=story, outlet=o, claims=claims)[1] for o in outlets]
    for others in columns[1:]:
        for a, b in zip(columns[0], others, strict=True):
            link(
                a, b, relation=Relation.CONTRADICTION if a.position % 5 == 0 else Relation.AGREEMENT
            )
    verdicts_store(story)


def test_story_detail_query_count_is_bounded(client, django_assert_max_num_queries, db):
    _big_story(claims_per_article=40)
    # The story, its revision, its articles, claims and links.
    with django_assert_max_num_queries(5 + AUTH_QUERIES):
        response = client.get(reverse("story_detail", args=["big"]))
    assert response.content.decode().count('class="claim claim--') == 160
    # The same revision again, on another tab: the story and its revision.
    with django_assert_max_num_queries(2 + AUTH_QUERIES):
        response = client.get(reverse("story_detail", args=["big"]), {"tab": "matrix"})
    assert response.status_code == 200


def _claim_status(html: str, claim) -> str:
    found = re.search(rf'id="claim-{claim.id}" class="claim claim--([a-z_-]+)"', html)
    assert found, claim.id
    return found.group(1)


def test_story_page_kept_follows_a_review(client, story_with_links):
    """The laid-out page each process keeps is retired by the review that changes it."""
    url = reverse("story_detail", args=["bout-houthis"])
    a2 = story_with_links["claims"]["a2"]
    assert _claim_status(client.get(url).content.decode(), a2) == "contradicted"
    assert _claim_status(client.get(url, headers=HTMX).content.decode(), a2) == "contradicted"
    client.post(
        _review_url(story_with_links["contradiction"]),
        {"decision": "dismissed", "claim": a2.id},
        headers=HTMX,
    )
    assert _claim_status(client.get(url, headers=HTMX).content.decode(), a2) == "only_here"


def test_story_page_kept_follows_an_admin_edit(client, admin_client, story_with_links):
    url = reverse("story_detail", args=["bout-houthis"])
    assert "Roayah Daily" not in client.get(url).content.decode()
    outlet = Article.objects.get(claims=story_with_links["claims"]["b2"]).outlet
    form = model_to_dict(outlet, exclude=["id"])
    form.update({key: "" for key, value in form.items() if value is None})
    form["name"] = "Roayah Daily"
    response = admin_client.post(reverse("admin:newsdiff_outlet_change", args=[outlet.pk]), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Roayah Daily" in client.get(url).content.decode()


@pytest.mark.parametrize("model", ["claimlink", "claim", "article"])
def test_admin_deletions_give_the_story_a_new_revision(admin_client, story_with_links, model):
    story = story_with_links["story"]
    before = Story.objects.get(pk=story.pk).revision
    row = {
        "claimlink": story_with_links["agreement"],
        "claim": story_with_links["claims"]["a3"],
        "article": Article.objects.get(claims=story_with_links["claims"]["c1"]),
    }[model]
    response = admin_client.post(
        reverse(f"admin:newsdiff_{model}_changelist"),
        {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not type(row).objects.filter(pk=row.pk).exists()
    assert Story.objects.get(pk=story.pk).revision != before


def test_story_pages_kept_are_bounded(story_with_links, settings):
    from newsdiff.selectors import story as story_selectors

    settings.STORY_PAGES_KEPT = 1
    other = story_create_for_test(title="Another story", slug="another")
    for story in (story_with_links["story"], other, story_with_links["story"]):
        selectors.story_page_get(story=story)
        assert len(story_selectors._laid_out) == 1
    story_selectors.story_pages_forget()
    assert not story_selectors._laid_out


def test_story_page_laid_out_once_for_requests_that_come_together():
    """The second request for a revision being laid out waits for the first one's layout
    (the story view and the summary reload together after a review)."""
    import threading
    import uuid

    from newsdiff.comparison import StoryComparison
    from newsdiff.selectors import story as story_selectors

    key = (987654, uuid.uuid4())
    entry = story_selectors._LaidOut(StoryComparison(columns=[], claims={}, links=[]))
    assert story_selectors._laid_out_get(key) is None  # the first lays it out
    got = []
    waiting = threading.Thread(target=lambda: got.append(story_selectors._laid_out_get(key)))
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive() and not got  # the second waits
    story_selectors._laid_out_put(key, entry)
    waiting.join(5)
    assert got == [entry]
    # A layout that failed wakes the waiters too, and the next request lays it out.
    failed = (987655, uuid.uuid4())
    assert story_selectors._laid_out_get(failed) is None
    story_selectors._laid_out_put(failed, None)
    assert story_selectors._laid_out_get(failed) is None
    story_selectors._laid_out_put(failed, None)
    story_selectors.story_pages_forget()


@pytest.mark.parametrize("tab", ["agreements", "contradictions"])
def test_claim_chips_and_names_are_escaped(client, db, tab):
    story = story_create_for_test(title="Escaping", slug="escaping")
    claims = []
    for name in ('<i>Outlet</i> "A"', "Outlet & B"):
        _, (claim,) = article_with_claims(
            story=story,
            outlet=outlet_create_for_test(name=name),
            claims=[
                (
                    "<script>alert('x')</script> paid 10 million dollars.",
                    [{"kind": "money", "value": "10000000", "unit": "USD", "text": "<b>10m</b>"}],
                )
            ],
        )
        claims.append(claim)
    relation = Relation.AGREEMENT if tab == "agreements" else Relation.CONTRADICTION
    link(claims[0], claims[1], relation=relation, similarity=0.9, score=0.9)
    verdicts_store(story)
    html = client.get(reverse("story_detail", args=["escaping"]), {"tab": tab}).content.decode()
    assert "<script>" not in html and "<i>Outlet" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; paid" in html
    assert (
        '<span class="claim__outlet" dir="auto">&lt;i&gt;Outlet&lt;/i&gt; &quot;A&quot;</span>'
        in html
    )
    if tab == "contradictions":
        assert "<bdi>Outlet &amp; B</bdi>" in html


# --- claim detail ----------------------------------------------------------------------


def test_claim_detail_partial(client, story_with_links):
    claim = story_with_links["claims"]["b2"]
    response = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.strip().startswith('<section class="claim-detail"')
    assert "قيمة الصفقة 10 ملايين دولار." not in html  # the counterpart text is cut by marks
    # Oriented from b2's side: here 20 million, there 10 million; both highlighted, and the
    # table gives them as the articles wrote them.
    assert "<mark>20 مليون دولار</mark>" in html
    assert "<mark>10 ملايين دولار</mark>" in html
    assert html.index('<mark dir="auto">20 مليون دولار</mark>') < html.index(
        '<mark dir="auto">10 ملايين دولار</mark>'
    )
    assert 'data-reason="value_mismatch"' in html
    assert "Same quantity, different values" in html
    assert "20000000" not in html  # no canonical key where words exist
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


def test_claim_detail_names_the_other_outlet_without_brackets_of_its_own(client, story_with_links):
    # An outlet's name may hold brackets ("Al Chourouk (Tunisia)"): the caption must not
    # wrap it in another pair.
    other = story_with_links["claims"]["b2"].article.outlet
    other.name, other.native_name = "Al Chourouk (Tunisia)", ""
    other.save()
    claim = story_with_links["claims"]["a2"]  # its counterpart is b2
    html = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX).content.decode()
    assert "Al Chourouk (Tunisia)</a>" in html
    assert "Al Chourouk (Tunisia)</a>)" not in html


def test_claim_detail_only_here(client, story_with_links):
    claim = story_with_links["claims"]["a3"]
    html = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX).content.decode()
    assert "Only this outlet reports this" in html


def test_claim_detail_unknown_id_is_404(client, db):
    assert client.get(reverse("claim_detail", args=[999999])).status_code == 404
    assert client.get(reverse("claim_detail", args=[999999]), headers=HTMX).status_code == 404


# --- story tabs ------------------------------------------------------------------------

TABS = ["columns", "rows", "agreements", "contradictions", "only-here", "matrix", "timeline"]


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
    # Sides in reading order: Erem (earlier) first; values as the articles wrote them.
    assert html.index('<mark dir="auto">10 ملايين دولار</mark>') < html.index(
        '<mark dir="auto">20 مليون دولار</mark>'
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
    assert '✓</span> 1<span class="visually-hidden"> agreements' in html
    assert '✗</span> 1<span class="visually-hidden"> contradictions' in html


def test_story_tab_timeline(client, story_with_links):
    client.cookies["django_language"] = "en"
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "timeline"}, headers=HTMX).content.decode()
    html = html[html.index('class="timeline"') :]  # the summary above names outlets too
    assert "3\xa0hours later" in html
    assert "1\xa0day later" in html
    assert html.index("إرم نيوز") < html.index("Reuters") < html.index("Roayah News")


@pytest.mark.parametrize("tab", TABS)
def test_story_tabs_query_count_is_bounded(client, django_assert_max_num_queries, db, tab):
    _big_story(claims_per_article=30)
    # The story, its revision, its articles, claims and links.
    with django_assert_max_num_queries(5 + AUTH_QUERIES):
        response = client.get(reverse("story_detail", args=["big"]), {"tab": tab})
    assert response.status_code == 200


# --- roles -----------------------------------------------------------------------------


def _browse_urls(data):
    story_url = reverse("story_detail", args=["bout-houthis"])
    claim = data["claims"]["a1"]
    return [
        reverse("story_list"),
        story_url,
        *(f"{story_url}?tab={tab}" for tab in TABS[1:]),
        reverse("claim_detail", args=[claim.id]),
        reverse("article_detail", args=[claim.article_id]),
    ]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "partial"])
def test_anonymous_is_sent_to_login(anonymous_client, story_with_links, headers):
    for url in _browse_urls(story_with_links):
        response = anonymous_client.get(url, headers=headers)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "partial"])
def test_user_without_role_is_forbidden(no_role_client, story_with_links, headers):
    for url in _browse_urls(story_with_links):
        assert no_role_client.get(url, headers=headers).status_code == 403, url


def test_login_page(anonymous_client, db):
    user_create_for_test(username="rana", password="correct-horse")
    response = anonymous_client.get(reverse("login"), {"next": reverse("story_list")})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and 'class="site-header"' in html
    assert 'name="username"' in html and 'name="password"' in html
    assert "Please log in to see this page." in html

    bad = anonymous_client.post(reverse("login"), {"username": "rana", "password": "nope"})
    assert bad.status_code == 200
    assert 'role="alert"' in bad.content.decode()
    assert "Please enter a correct username and password" in bad.content.decode()

    good = anonymous_client.post(
        reverse("login"),
        {"username": "rana", "password": "correct-horse", "next": reverse("story_list")},
    )
    assert good.status_code == 302
    assert anonymous_client.get(reverse("story_list")).status_code == 200


def test_header_shows_user_and_logout_form(client, story_with_links):
    html = client.get(reverse("story_list")).content.decode()
    assert "Signed in as <bdi>editor</bdi>" in html
    assert f'action="{reverse("logout")}" method="post"' in html


# --- confirming and dismissing links ---------------------------------------------------


def _review_url(link):
    return reverse("link_review_create", args=[link.id])


def test_link_review_as_editor_htmx_returns_panel(client, story_with_links):
    contradiction = story_with_links["contradiction"]
    b2 = story_with_links["claims"]["b2"]
    response = client.post(
        _review_url(contradiction),
        {"decision": "dismissed", "note": "الرقمان لصفقتين مختلفتين", "claim": b2.id},
        headers=HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith('<section class="claim-detail"')
    assert f'data-claim-id="{b2.id}"' in html
    assert "Review history" in html
    assert "by <bdi>editor</bdi>" in html
    assert "الرقمان لصفقتين مختلفتين" in html
    assert response.headers["HX-Trigger"] == "link-reviewed"
    review = LinkReview.objects.get()
    assert (review.decision, review.reviewer.username) == ("dismissed", "editor")
    assert review.relation == Relation.CONTRADICTION
    assert ClaimLink.objects.get(pk=contradiction.pk).review == "dismissed"


def test_link_review_without_htmx_redirects_to_claim(client, story_with_links):
    agreement = story_with_links["agreement"]
    response = client.post(_review_url(agreement), {"decision": "confirmed"})
    assert response.status_code == 302
    assert response.url == reverse("claim_detail", args=[agreement.claim_a_id])
    html = client.get(response.url).content.decode()
    assert "confirmed by an editor" in html


def test_link_review_needs_login_and_role(anonymous_client, no_role_client, story_with_links):
    url = _review_url(story_with_links["agreement"])
    response = anonymous_client.post(url, {"decision": "confirmed"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert no_role_client.post(url, {"decision": "confirmed"}).status_code == 403
    assert not LinkReview.objects.exists()


def test_link_review_get_not_allowed_and_bad_input(client, story_with_links):
    url = _review_url(story_with_links["agreement"])
    assert client.get(url).status_code == 405
    assert client.post(url, {"decision": "maybe"}).status_code == 400
    assert (
        client.post(
            reverse("link_review_create", args=[999999]), {"decision": "confirmed"}
        ).status_code
        == 404
    )
    assert not LinkReview.objects.exists()


def test_review_form_only_for_reviewers(client, story_with_links, db):
    from django.contrib.auth.models import Permission

    claim = story_with_links["claims"]["a1"]
    url = reverse("claim_detail", args=[claim.id])
    assert 'class="review-form"' in client.get(url, headers=HTMX).content.decode()
    reader = user_create_for_test(username="reader", role=None)
    reader.user_permissions.add(Permission.objects.get(codename="view_story"))
    other = Client()
    other.force_login(reader)
    html = other.get(url, headers=HTMX).content.decode()
    assert 'class="review-form"' not in html
    assert (
        other.post(
            _review_url(story_with_links["agreement"]), {"decision": "confirmed"}
        ).status_code
        == 403
    )


def test_review_form_posts_with_and_without_htmx(client, story_with_links):
    claim = story_with_links["claims"]["b2"]
    html = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX).content.decode()
    url = _review_url(story_with_links["contradiction"])
    assert f'method="post" action="{url}" hx-post="{url}" hx-target="#claim-panel"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="decision" value="confirmed"' in html
    assert 'name="decision" value="dismissed"' in html


def test_dismissed_contradiction_no_longer_counts(client, story_with_links):
    client.cookies["django_language"] = "en"
    client.post(_review_url(story_with_links["contradiction"]), {"decision": "dismissed"})
    rows = client.get(reverse("story_list"), headers=HTMX).content.decode()
    assert "0 contradictions between outlets" in rows
    assert "1 link dismissed by an editor" in rows
    url = reverse("story_detail", args=["bout-houthis"])
    page = client.get(url).content.decode()
    assert "0 contradictions between outlets" in page
    assert "1 link dismissed by an editor" in page
    assert "✗</span> contradicted" not in page
    assert "1 link dismissed" in page  # on the two claims' markers
    tab = client.get(url, {"tab": "contradictions"}, headers=HTMX).content.decode()
    assert "No outlet contradicts another on this story" in tab
    assert "Links dismissed by an editor" in tab
    assert "contradiction dismissed" in tab


def test_confirmed_link_is_marked(client, story_with_links):
    client.cookies["django_language"] = "en"
    client.post(_review_url(story_with_links["contradiction"]), {"decision": "confirmed"})
    url = reverse("story_detail", args=["bout-houthis"])
    page = client.get(url).content.decode()
    assert "1 contradiction between outlets" in page
    assert page.count("status status--confirmed") == 2  # a2 and b2
    tab = client.get(url, {"tab": "contradictions"}, headers=HTMX).content.decode()
    assert "confirmed by an editor" in tab


# --- story page details ----------------------------------------------------------------


def test_claims_carry_their_counterparts(client, story_with_links):
    claims = story_with_links["claims"]
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    a1 = claims["a1"]
    linked = html.split(f'data-claim-id="{a1.id}" data-linked="')[1].split('"')[0].split()
    assert sorted(linked) == sorted([str(claims["b1"].id), str(claims["c1"].id)])
    assert f'data-claim-id="{claims["a3"].id}" data-linked=""' in html


def test_column_header_links(client, story_with_links):
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    article_id = story_with_links["claims"]["a1"].article_id
    url = reverse("article_detail", args=[article_id])
    assert f'href="{url}" hx-get="{url}" hx-target="#claim-panel"' in html


@pytest.fixture
def six_outlet_story(db):
    story = story_create_for_test(slug="six")
    day = timezone.make_aware(dt.datetime(2024, 10, 7, 8, 0))
    outlets = [outlet_create_for_test(name=f"Paper {n}") for n in range(6)]
    for n, outlet in enumerate(outlets):
        article_with_claims(
            story=story,
            outlet=outlet,
            published_at=day + dt.timedelta(hours=n),
            claims=[f"جملة من الصحيفة رقم {n}."],
        )
    return story, outlets


def _column_names(html):
    return [
        part.split("</h2>")[0].split(">")[-1] for part in html.split('class="column__outlet"')[1:]
    ]


def test_outlet_picker_default_first_four(client, six_outlet_story):
    story, outlets = six_outlet_story
    html = client.get(story.get_absolute_url()).content.decode()
    assert _column_names(html) == ["Paper 0", "Paper 1", "Paper 2", "Paper 3"]
    assert html.count('type="checkbox" name="outlets"') == 6
    assert html.count(" checked>") == 4
    url = story.get_absolute_url()
    assert f'method="get" action="{url}" hx-get="{url}" hx-target="#story-view"' in html


def test_outlet_picker_choice_with_and_without_htmx(client, six_outlet_story):
    story, outlets = six_outlet_story
    wanted = f"{outlets[5].id},{outlets[1].id}"
    html = client.get(story.get_absolute_url(), {"outlets": wanted}).content.decode()
    assert _column_names(html) == ["Paper 1", "Paper 5"]
    # Checkboxes send the parameter once per outlet; both shapes work.
    partial = client.get(
        f"{story.get_absolute_url()}?outlets={outlets[5].id}&outlets={outlets[1].id}", headers=HTMX
    ).content.decode()
    assert partial.strip().startswith('<div id="story-view"')
    assert _column_names(partial) == ["Paper 1", "Paper 5"]
    # The "side by side" tab keeps the choice.
    assert f"?outlets={outlets[1].id},{outlets[5].id}" in partial


def test_outlet_picker_corrects_too_few_or_too_many(client, six_outlet_story):
    story, outlets = six_outlet_story
    one = client.get(story.get_absolute_url(), {"outlets": str(outlets[2].id)}).content.decode()
    assert _column_names(one) == ["Paper 0", "Paper 1", "Paper 2", "Paper 3"]
    assert 'role="status"' in one
    many = ",".join(str(o.id) for o in reversed(outlets))
    html = client.get(story.get_absolute_url(), {"outlets": many}).content.decode()
    assert _column_names(html) == ["Paper 2", "Paper 3", "Paper 4", "Paper 5"]
    assert client.get(story.get_absolute_url(), {"outlets": "x,,9999"}).status_code == 200


def test_outlet_picker_absent_with_four_outlets_or_fewer(client, story_with_links):
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    assert 'class="outlet-picker"' not in html


def test_agreements_tab_names_first_reporter(client, story_with_links):
    client.cookies["django_language"] = "en"
    url = reverse("story_detail", args=["bout-houthis"])
    html = client.get(url, {"tab": "agreements"}, headers=HTMX).content.decode()
    assert 'Reported first by\n          <strong dir="auto">إرم نيوز</strong>' in html
    assert "Oct. 7, 2024" in html


def test_article_detail_page_and_partial(client, story_with_links):
    claims = story_with_links["claims"]
    url = reverse("article_detail", args=[claims["a1"].article_id])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<html" in html and 'id="claim-panel"' in html
    assert page.headers["Vary"].count("HX-Request") == 1
    for key in ("a1", "a2", "a3"):
        claim = claims[key]
        claim_url = reverse("claim_detail", args=[claim.id])
        assert f'href="{claim_url}" hx-get="{claim_url}"' in html
    # The claims sit in the text in place, the separators between them kept.
    assert f'{claims["a1"].text}</a> <a class="claim-inline claim--contradicted"' in html
    partial = client.get(url, headers=HTMX).content.decode()
    assert partial.strip().startswith('<article class="article-text"')
    assert 'dir="rtl"' in partial
    assert client.get(reverse("article_detail", args=[999999])).status_code == 404


# --- language and direction ------------------------------------------------------------


def test_arabic_interface_from_accept_language(client, story_with_links):
    response = client.get(reverse("story_detail", args=["bout-houthis"]), HTTP_ACCEPT_LANGUAGE="ar")
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "جنبًا إلى جنب" in html  # "Side by side"
    assert "القصص" in html  # "Stories"
    assert "Side by side" not in html
    # The English article keeps its own direction inside the Arabic interface.
    assert 'class="column" role="listitem" dir="ltr" lang="en"' in html
    # Status words are in the interface language, marked as such inside any column.
    assert 'status status--agreed" lang="ar" dir="rtl"' in html


def test_arabic_interface_from_cookie_claim_panel_and_login(
    client, anonymous_client, story_with_links
):
    client.cookies["django_language"] = "ar"
    claim = story_with_links["claims"]["a1"]
    html = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX).content.decode()
    assert "تتفق مع" in html  # "Agrees with"
    assert 'lang="en" dir="ltr"' in html  # Reuters' claim
    anonymous_client.cookies["django_language"] = "ar"
    login = anonymous_client.get(reverse("login")).content.decode()
    assert '<html lang="ar" dir="rtl">' in login
    assert "تسجيل الدخول" in login


def test_arabic_dates_and_numbers(client, story_with_links):
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    assert "أكتوبر" in html  # month name in Arabic
    assert "Oct." not in html


def test_language_switch_is_remembered(client, story_with_links):
    response = client.post(
        reverse("set_language"), {"language": "ar", "next": reverse("story_list")}
    )
    assert response.status_code == 302
    html = client.get(reverse("story_list")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def _story_on(day: dt.date, title: str, outlet) -> None:
    story = story_create_for_test(title=title)
    article_with_claims(
        story=story,
        outlet=outlet,
        published_at=timezone.make_aware(dt.datetime.combine(day, dt.time(9))),
        claims=[f"خبر عن {title} في يوم محدد."],
    )


def test_story_list_filters_by_publication_date(client):
    outlet = outlet_create_for_test(name="Daily")
    _story_on(dt.date(2024, 1, 10), "قصة يناير", outlet)
    _story_on(dt.date(2024, 3, 5), "قصة مارس", outlet)
    url = reverse("story_list")

    html = client.get(url, {"from": "2024-02-01"}, headers=HTMX).content.decode()
    assert "قصة مارس" in html and "قصة يناير" not in html
    html = client.get(url, {"to": "2024-01-31"}).content.decode()
    assert "قصة يناير" in html and "قصة مارس" not in html
    assert 'value="2024-01-31"' in html
    # A date that does not parse is ignored rather than an error.
    assert client.get(url, {"from": "yesterday"}).status_code == 200


def test_story_list_paginates_as_partial_and_full_page(client, django_assert_max_num_queries):
    from newsdiff.views import STORIES_PER_PAGE

    outlet = outlet_create_for_test(name="Daily")
    for i in range(STORIES_PER_PAGE + 3):
        _story_on(dt.date(2024, 1, 1) + dt.timedelta(days=i), f"قصة رقم {i}", outlet)
    url = reverse("story_list")

    first = client.get(url).content.decode()
    assert first.count('class="story-row"') == STORIES_PER_PAGE
    assert 'rel="next"' in first and 'rel="prev"' not in first
    with django_assert_max_num_queries(2 + AUTH_QUERIES):
        second = client.get(url, {"page": 2}, headers=HTMX)
    html = second.content.decode()
    assert "<html" not in html
    assert html.count('class="story-row"') == 3
    assert 'rel="prev"' in html and 'rel="next"' not in html
    assert 'href="?page=1"' in html


@pytest.mark.parametrize("tab", ["agreements", "contradictions"])
def test_long_group_tabs_list_the_first_groups_then_link_to_all(client, db, tab):
    from newsdiff.views import TAB_GROUPS_SHOWN

    _big_story(claims_per_article=TAB_GROUPS_SHOWN * 6)
    url = reverse("story_detail", args=["big"])
    first = client.get(url, {"tab": tab}, headers=HTMX).content.decode()
    all_groups = client.get(url, {"tab": tab, "all": "1"}, headers=HTMX).content.decode()

    marker = 'class="group group--'
    assert first.count(marker) == TAB_GROUPS_SHOWN
    assert all_groups.count(marker) > TAB_GROUPS_SHOWN
    assert f'href="?tab={tab}&amp;all=1"' in first
    assert 'class="show-all"' not in all_groups


def test_admin_reruns_the_engine_and_keeps_reviews(db, seed_texts):
    from newsdiff.services import article_ingest, link_review

    for text in seed_texts:
        article_ingest(raw_text=text)
    story = Story.objects.get()
    link_before = ClaimLink.objects.filter(story=story).order_by("id").first()
    link_review(link=link_before, decision="confirmed", note="checked")
    admin = Client()
    admin.force_login(user_create_for_test(username="boss", role="Admin"))

    page = admin.get(story.get_absolute_url()).content.decode()
    assert reverse("story_realign", args=[story.slug]) in page
    response = admin.post(reverse("story_realign", args=[story.slug]), follow=True)
    assert response.redirect_chain[-1][0] == story.get_absolute_url()
    html = response.content.decode()
    assert "The engine re-ran" in html
    # The message gives the count bar's numbers in the count bar's words.
    story.refresh_from_db()
    message = html.split("The engine re-ran: ")[1].split("</")[0]
    for line in _count_bar(html):
        assert line in message
    assert f"{story.agreement_count} fact" in message
    again = ClaimLink.objects.get(claim_a=link_before.claim_a_id, claim_b=link_before.claim_b_id)
    # The pair drawn again keeps its link (its id: open panels and permalinks) and its review.
    assert again.pk == link_before.pk and again.review == "confirmed"

    htmx = admin.post(reverse("story_realign", args=[story.slug]), headers=HTMX)
    assert htmx.status_code == 200 and htmx["HX-Refresh"] == "true"


def test_expired_session_sends_the_whole_page_to_login(anonymous_client, story_with_links):
    claim = story_with_links["claims"]["a1"]
    partial = reverse("claim_detail", args=[claim.id])
    # The partial itself answers 302 to the login page, as every view does for anonymous users.
    response = anonymous_client.get(partial, headers=HTMX)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    # htmx follows that redirect with its headers; the login page then redirects the browser.
    story_url = reverse("story_detail", args=["bout-houthis"])
    login = anonymous_client.get(
        response.url, headers={**HTMX, "HX-Current-URL": f"http://testserver{story_url}"}
    )
    assert login.status_code == 200
    assert login["HX-Redirect"] == f"{reverse('login')}?next={story_url.replace('/', '%2F')}"
    # A plain visit still gets the form.
    assert 'name="password"' in anonymous_client.get(reverse("login")).content.decode()


# --- one verdict, one count: the same numbers in the same words everywhere --------------


def _count_bar(html):
    """The count bar's lines (icon left out), in order."""
    bar = html.split('<ul class="counts">')[1].split("</ul>")[0]
    return [item.split("</span> ")[1].split("</li>")[0] for item in bar.split("<li")[1:]]


def _badge(html, tab):
    link = html.split(f'?tab={tab}" hx-get')[1].split("</a>")[0]
    return link.split('<span aria-hidden="true">')[-1].split("</span>")[0]


def test_count_bar_and_tab_badges_say_what_they_count(client, story_with_links):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("story_detail", args=["bout-houthis"])).content.decode()
    assert _count_bar(html) == [
        "1 fact reported by several outlets",
        "1 contradiction between outlets",
        "1 detail only one outlet reports",
    ]
    # Each badge is its count, and says so to those who cannot see the icon.
    assert _badge(html, "agreements") == "1"
    assert _badge(html, "contradictions") == "1"
    assert _badge(html, "only-here") == "1"
    assert 'title="1 fact reported by several outlets"' in html
    # The agreements tab lists as many groups as its badge counts.
    url = reverse("story_detail", args=["bout-houthis"])
    tab = client.get(url, {"tab": "agreements"}, headers=HTMX).content.decode()
    assert tab.count('class="group group--agreed"') == 1
    # The story list says the same, in the same words.
    rows = client.get(reverse("story_list"), headers=HTMX).content.decode()
    assert _count_bar(rows) == _count_bar(html)


@pytest.fixture
def story_with_dispute_and_update(db):
    """Three outlets: two quote parties who disagree on a toll; a later article updates it."""
    story = story_create_for_test(title="قصف على المدينة", slug="shelling")
    day = timezone.make_aware(dt.datetime(2024, 10, 7, 9, 0))
    first, second, third = (outlet_create_for_test(name=n) for n in ("First", "Second", "Third"))
    _, (a1, a2) = article_with_claims(
        story=story,
        outlet=first,
        published_at=day,
        claims=[
            ("قال الجيش إن خمسة قتلوا في القصف.", [], "الجيش"),
            "بلغت حصيلة الجرحى 12 جريحا.",
        ],
    )
    _, (b1,) = article_with_claims(
        story=story,
        outlet=second,
        published_at=day + dt.timedelta(hours=2),
        claims=[("قالت وزارة الصحة إن سبعة قتلوا في القصف.", [], "وزارة الصحة")],
    )
    _, (c1,) = article_with_claims(
        story=story,
        outlet=third,
        published_at=day + dt.timedelta(days=1),
        claims=["ارتفعت حصيلة الجرحى إلى 30 جريحا."],
    )
    link(
        a1,
        b1,
        relation=Relation.DISPUTED,
        details=RelationDetails(
            reason=Reason.VALUE_MISMATCH,
            differing=(differing("count", "5", "7", text_a="خمسة", text_b="سبعة"),),
            source_a="الجيش",
            source_b="وزارة الصحة",
        ),
    )
    link(
        a2,
        c1,
        relation=Relation.UPDATED,
        details=RelationDetails(
            reason=Reason.FIGURE_UPDATED,
            differing=(differing("count", "12", "30", text_a="12 جريحا", text_b="30 جريحا"),),
            published_a=dt.date(2024, 10, 7),
            published_b=dt.date(2024, 10, 8),
        ),
    )
    return verdicts_store(story)


def test_disputes_and_updates_are_counted_and_listed_as_such(client, story_with_dispute_and_update):
    client.cookies["django_language"] = "en"
    url = reverse("story_detail", args=["shelling"])
    html = client.get(url).content.decode()
    assert _count_bar(html) == [
        "0 facts reported by several outlets",
        "0 contradictions between outlets",
        "1 dispute between sources",
        "1 figure updated over time",
        "0 details only one outlet reports",
    ]
    assert _badge(html, "contradictions") == "2"
    assert "⚠</span> disputed by sources" in html
    assert "↻</span> figure updated over time" in html

    tab = client.get(url, {"tab": "contradictions"}, headers=HTMX).content.decode()
    assert tab.count('class="group group--disputed"') == 1
    assert tab.count('class="group group--updated"') == 1
    assert "Dispute between sources" in tab and "Figure updated over time" in tab
    # Who said what, as written; both publication dates of the update.
    assert "According to <bdi>الجيش</bdi>" in tab
    assert "According to <bdi>وزارة الصحة</bdi>" in tab
    assert "Oct. 7, 2024" in tab and "Oct. 8, 2024" in tab
    assert '<mark dir="auto">خمسة</mark>' in tab and '<mark dir="auto">سبعة</mark>' in tab
    assert '<mark dir="auto">12 جريحا</mark>' in tab and '<mark dir="auto">30 جريحا</mark>' in tab
    # The story list counts them the same way.
    rows = client.get(reverse("story_list"), headers=HTMX).content.decode()
    assert "1 dispute between sources" in rows and "1 figure updated over time" in rows


def test_claim_panel_names_the_sources_of_a_dispute(client, story_with_dispute_and_update):
    client.cookies["django_language"] = "en"
    claim = story_with_dispute_and_update.articles.order_by("published_at")[1].claims.get()
    html = client.get(reverse("claim_detail", args=[claim.id]), headers=HTMX).content.decode()
    assert "Sources dispute it in" in html
    assert "Attributed to <bdi>وزارة الصحة</bdi>" in html
    # From the ministry's claim: here the ministry, there the army.
    assert html.index("according to <bdi>وزارة الصحة</bdi>") < html.index(
        "according to <bdi>الجيش</bdi>"
    )
    assert "<mark>سبعة</mark>" in html and "<mark>خمسة</mark>" in html


def test_wire_copies_are_never_editor_dismissals(client, db):
    client.cookies["django_language"] = "en"
    story = story_create_for_test(slug="wire")
    _, originals = article_with_claims(story=story, claims=[f"جملة {i}." for i in range(3)])
    wire = originals[0].article
    for _ in range(4):
        copy, claims = article_with_claims(story=story, claims=[f"جملة {i}." for i in range(3)])
        Article.objects.filter(pk=copy.pk).update(copy_of=wire)
        for a, b in zip(originals, claims, strict=True):
            link(a, b)
    verdicts_store(story)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "dismissed" not in html
    assert "0 facts reported by several outlets" in html
    assert "only in wire copies of one text" in html


def test_no_engine_internals_reach_the_screens(client, story_with_links):
    claims = story_with_links["claims"]
    url = reverse("story_detail", args=["bout-houthis"])
    for page in (
        client.get(url, {"tab": "contradictions"}).content.decode(),
        client.get(reverse("claim_detail", args=[claims["a2"].id])).content.decode(),
    ):
        assert "صفقه" not in page  # a normalised stem
        assert "10000000" not in page and "20000000" not in page  # canonical keys


def test_counts_in_arabic_with_their_plural_forms(client, story_with_dispute_and_update):
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("story_detail", args=["shelling"])).content.decode()
    assert _count_bar(html) == [
        "0 معلومة تنقلها عدة وسائل إعلام",
        "0 تناقض بين وسائل الإعلام",
        "خلاف واحد بين المصادر",
        "رقم واحد حُدِّث مع مرور الوقت",
        "0 تفصيل تنفرد به وسيلة واحدة",
    ]
    tab = client.get(
        reverse("story_detail", args=["shelling"]), {"tab": "contradictions"}, headers=HTMX
    ).content.decode()
    assert "خلاف بين المصادر" in tab and "بحسب <bdi>الجيش</bdi>" in tab


@pytest.mark.parametrize("first", ["b", ""])
def test_an_update_of_one_day_is_listed_oldest_first_only_when_the_wording_tells(client, db, first):
    """Two articles published at one time: a provisional toll and a higher one. The update
    lists the provisional toll first when the link records the wording's order, and says
    the order is not known when it does not."""
    story = story_create_for_test(title="فيضانات طلبرة", slug="talbara-floods")
    when = timezone.make_aware(dt.datetime(2024, 10, 7, 9, 0))
    higher_outlet, provisional_outlet = (
        outlet_create_for_test(name=n) for n in ("Higher", "Provisional")
    )
    _, (higher,) = article_with_claims(
        story=story,
        outlet=higher_outlet,
        published_at=when,
        claims=["قال الهلال الأحمر إن عدد قتلى فيضانات طلبرة بلغ 900 شخص."],
    )
    _, (provisional,) = article_with_claims(
        story=story,
        outlet=provisional_outlet,
        published_at=when,
        claims=["أعلن وزير الصحة مقتل 300 شخص في فيضانات طلبرة، متوقعا ارتفاع العدد."],
    )
    link(
        higher,
        provisional,
        relation=Relation.UPDATED,
        details=RelationDetails(
            reason=Reason.FIGURE_UPDATED,
            differing=(differing("count", "900", "300", text_a="900 شخص", text_b="300 شخص"),),
            published_a=when.date(),
            published_b=when.date(),
            first=first,
        ),
    )
    verdicts_store(story)
    client.cookies["django_language"] = "en"
    url = reverse("story_detail", args=["talbara-floods"])
    tab = client.get(url, {"tab": "contradictions"}, headers=HTMX).content.decode()
    marks = [tab.index(f'<mark dir="auto">{n} شخص</mark>') for n in (300, 900)]
    if first:
        assert "Oldest first." in tab
        assert marks == sorted(marks)
        assert "sides--unordered" not in tab
    else:
        assert "Neither the dates nor the wording tell which came first." in tab
        assert "Oldest first." not in tab
        assert marks == sorted(marks, reverse=True)
        # No arrow between the values (the stylesheet draws one between ordered ones), in
        # the tab and in the summary above it.
        assert 'class="sides sides--updated sides--unordered"' in tab
        page = client.get(url).content.decode()
        assert 'class="values values--updated values--unordered"' in page
