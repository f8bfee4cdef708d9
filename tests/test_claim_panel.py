"""The claim panel's order (conflicts first, agreements by confidence, weak matches folded
away with their scores) and the re-run confirmation, with and without JavaScript."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from newsdiff import selectors
from newsdiff.comparison import WEAK_LINK_SCORE
from newsdiff.models import ClaimLink, Relation
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

HTMX = {"HX-Request": "true"}


@pytest.fixture
def client(client):
    client.force_login(user_create_for_test(username="editor", role="Editor"))
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def admin_client():
    admin = Client()
    admin.force_login(user_create_for_test(username="boss", role="Admin"))
    admin.cookies["django_language"] = "en"
    return admin


@pytest.fixture
def crowded(db):
    """One claim linked every way: the noise the editor saw first (a weak agreement at 23%
    similarity and 40% confidence), two agreements, a contradiction, a dispute, an update."""
    story = story_create_for_test(title="صفقة أسلحة", slug="crowded")
    _, (here,) = article_with_claims(
        story=story,
        outlet=outlet_create_for_test(name="Here"),
        claims=["قيمة الصفقة 20 مليون دولار."],
    )
    others = {
        name: article_with_claims(
            story=story, outlet=outlet_create_for_test(name=name), claims=[text]
        )[1][0]
        for name, text in (
            ("Weak", "وقعت الصفقة في موسكو."),
            ("Sure", "بلغت قيمة الصفقة 20 مليون دولار."),
            ("Close", "الصفقة بعشرين مليون دولار."),
            ("Contra", "قيمة الصفقة 10 ملايين دولار."),
            ("Dispute", "قال الوسيط إن الصفقة 15 مليون دولار."),
            ("Update", "ارتفعت قيمة الصفقة إلى 25 مليون دولار."),
        )
    }
    links = {
        # The weakest link is the most similar-looking one on purpose: similarity alone
        # would put it first.
        "weak": link(here, others["Weak"], similarity=0.23, score=0.4),
        "sure": link(here, others["Sure"], similarity=0.7, score=0.95),
        "close": link(here, others["Close"], similarity=0.96, score=0.8),
        "contradiction": link(
            here,
            others["Contra"],
            relation=Relation.CONTRADICTION,
            similarity=0.5,
            score=0.6,
            details=RelationDetails(
                reason=Reason.VALUE_MISMATCH,
                differing=(
                    differing(
                        "money", "20000000", "10000000", text_a="20 مليون", text_b="10 ملايين"
                    ),
                ),
            ),
        ),
        "disputed": link(
            here,
            others["Dispute"],
            relation=Relation.DISPUTED,
            similarity=0.6,
            score=0.7,
            details=RelationDetails(reason=Reason.VALUE_MISMATCH, source_b="الوسيط"),
        ),
        "updated": link(here, others["Update"], relation=Relation.UPDATED, similarity=0.8),
    }
    verdicts_store(story)
    return {"story": story, "claim": here, "others": others, "links": links}


def test_weak_link_threshold_is_the_engine_constant():
    assert WEAK_LINK_SCORE == 0.5


def test_panel_lists_conflicts_then_agreements_by_confidence_then_weak_matches(
    crowded, django_assert_num_queries
):
    with django_assert_num_queries(3):
        detail = selectors.claim_detail_get(claim_id=crowded["claim"].id)
    links = crowded["links"]
    assert [view.link.id for view in detail.links] == [
        links[name].id for name in ("contradiction", "disputed", "updated", "sure", "close", "weak")
    ]
    assert [view.link.id for view in detail.strong_links] == [
        links[name].id for name in ("contradiction", "disputed", "updated", "sure", "close")
    ]
    (weak,) = detail.weak_links
    assert weak.link.id == links["weak"].id and weak.weak
    # A weak match is no counterpart the page points at.
    assert str(crowded["others"]["Weak"].id) not in detail.linked_ids_text.split()
    assert str(crowded["others"]["Sure"].id) in detail.linked_ids_text.split()


def test_a_weak_conflict_is_never_folded(crowded):
    """Only agreements are weak matches: a contradiction the engine is unsure of is still
    something an editor has to look at."""
    ClaimLink.objects.filter(pk=crowded["links"]["contradiction"].pk).update(score=0.1)
    detail = selectors.claim_detail_get(claim_id=crowded["claim"].id)
    assert detail.strong_links[0].relation == "contradiction"
    assert [view.relation for view in detail.weak_links] == ["agreement"]


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["partial", "page"])
def test_panel_leads_with_the_contradiction_and_folds_weak_matches(client, crowded, headers):
    url = reverse("claim_detail", args=[crowded["claim"].id])
    html = client.get(url, headers=headers).content.decode()
    links = crowded["links"]
    place = {name: html.index(f'id="link-{links[name].id}"') for name in links}
    assert (
        place["contradiction"]
        < place["disputed"]
        < place["updated"]
        < place["sure"]
        < place["close"]
        < place["weak"]
    )
    assert html.index("Contradicted by") < html.index("Agrees with")
    # The weak match sits in a fold of its own, after every other link, with its scores.
    fold = html.index('<details class="weak-links">')
    assert place["close"] < fold < place["weak"]
    assert "<summary>1 weak match</summary>" in html
    weak_entry = html[place["weak"] :]
    assert "23%" in weak_entry and "40%" in weak_entry
    assert "link--weak" in html[fold:]
    assert html.count("link--weak") == 1
    # Each review button can be found again after the panel comes back (focus returns).
    review = links["weak"].id
    assert f'id="review-{review}-confirmed"' in html
    assert f'id="review-{review}-dismissed"' in html


def test_panel_in_arabic_counts_weak_matches(client, crowded):
    ClaimLink.objects.filter(pk=crowded["links"]["close"].pk).update(score=0.3)
    client.cookies["django_language"] = "ar"
    url = reverse("claim_detail", args=[crowded["claim"].id])
    html = client.get(url, headers=HTMX).content.decode()
    assert html.count("link--weak") == 2
    assert '<details class="weak-links">' in html


def test_panel_with_weak_matches_only(client, db):
    story = story_create_for_test(slug="weak-only")
    _, (a,) = article_with_claims(story=story, claims=["وصل الوفد صباحا."])
    _, (b,) = article_with_claims(story=story, claims=["غادر الوفد مساء."])
    link(a, b, similarity=0.3, score=0.2)
    verdicts_store(story)
    html = client.get(reverse("claim_detail", args=[a.id]), headers=HTMX).content.decode()
    assert "claim matches it closely: the engine's weak matches are folded below" in html
    assert "Only this outlet reports this" not in html
    assert "<summary>1 weak match</summary>" in html


def test_reviewing_a_weak_match_returns_the_panel_with_it(client, crowded):
    weak = crowded["links"]["weak"]
    response = client.post(
        reverse("link_review_create", args=[weak.id]),
        {"decision": "confirmed", "claim": crowded["claim"].id},
        headers=HTMX,
    )
    assert response.status_code == 200 and response["HX-Trigger"] == "link-reviewed"
    html = response.content.decode()
    assert f'id="link-{weak.id}" data-link-id="{weak.id}"' in html
    assert html.index('<details class="weak-links">') < html.index(f'id="link-{weak.id}"')


# --- re-running the engine asks first --------------------------------------------------


def test_story_page_button_asks_before_re_running(admin_client, crowded):
    story = crowded["story"]
    url = reverse("story_realign", args=[story.slug])
    html = admin_client.get(story.get_absolute_url()).content.decode()
    form = html[html.index('<form class="realign-form"') :]
    form = form[: form.index("</form>")]
    # Without JavaScript: a GET to the confirmation page. With htmx: asks, then posts.
    assert f'method="get" action="{url}" hx-post="{url}"' in form
    assert 'hx-confirm="Re-run the engine on this story?' in form
    assert "csrfmiddlewaretoken" not in form  # never in a GET's URL


@pytest.mark.parametrize("language", ["en", "ar"])
def test_realign_get_is_a_confirmation_page(admin_client, crowded, monkeypatch, language):
    from newsdiff import services

    def must_not_run(**kwargs):
        raise AssertionError("a GET must not re-run the engine")

    monkeypatch.setattr(services, "story_realign", must_not_run)
    admin_client.cookies["django_language"] = language
    story = crowded["story"]
    url = reverse("story_realign", args=[story.slug])
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<form class="confirm__actions" method="post" action="{url}">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'href="{story.get_absolute_url()}"' in html  # cancel: back to the story
    assert story.title in html
    if language == "en":
        assert "Re-run the engine on this story?" in html
    else:
        assert 'dir="rtl"' in html


def test_realign_confirmation_needs_the_permission(client, crowded):
    url = reverse("story_realign", args=[crowded["story"].slug])
    assert client.get(url).status_code == 403  # an Editor browses and reviews only
    assert client.post(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the login page


def test_realign_post_re_runs_after_confirming(admin_client, crowded, monkeypatch):
    from newsdiff import services

    calls = []
    real = services.story_realign

    def counted(*, story):
        calls.append(story.pk)
        return real(story=story)

    monkeypatch.setattr(services, "story_realign", counted)
    story = crowded["story"]
    url = reverse("story_realign", args=[story.slug])
    response = admin_client.post(url, follow=True)
    assert calls == [story.pk]
    assert response.redirect_chain[-1][0] == story.get_absolute_url()
    assert "The engine re-ran" in response.content.decode()
    htmx = admin_client.post(url, headers=HTMX)
    assert htmx["HX-Refresh"] == "true" and calls == [story.pk, story.pk]
    assert admin_client.put(url).status_code == 405
