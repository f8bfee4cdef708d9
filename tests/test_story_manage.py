"""Story management: editors merge, split, move and rename stories (services and views),
each edit audited by a StoryEdit; links, statuses and counts decided again afterwards."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from newsdiff import services
from newsdiff.models import (
    Article,
    ClaimLink,
    LinkReview,
    ReviewDecision,
    Story,
    StoryEdit,
    StoryEditAction,
)
from newsdiff.selectors import story_redirect_for_slug
from tests.builders import article_with_claims, story_create_for_test, user_create_for_test

pytestmark = pytest.mark.django_db

# Short reports written for these tests: A and B tell one event, C another.
TEXT_A = """Flooding closed the main coastal road north of the city on Monday, officials said.
At least 12 people were rescued from cars trapped by the water near the harbour bridge.
The regional governor announced an emergency budget of 3 million dollars for repairs.
Schools in the three nearest districts will stay shut until Thursday."""

TEXT_B = """The governor released an emergency repair budget of 3 million dollars after floods.
Rescue teams pulled at least 12 people from cars trapped by water near the harbour bridge.
The coastal road north of the city was closed by flooding on Monday.
A local football match was postponed because the stadium car park was under water."""

TEXT_C = """The central bank kept its main interest rate unchanged at its quarterly meeting.
Analysts had expected the decision after inflation slowed for a third month in a row.
The bank's governor said further cuts would depend on wage growth next year."""


def _ingest(text: str, outlet: str, slug: str) -> Article:
    return services.article_ingest(raw_text=text, outlet_name=outlet, story_slug=slug).article


def _story(slug: str) -> Story:
    return Story.objects.get(slug=slug)


@pytest.fixture
def editor():
    return user_create_for_test(username="editor", role="Editor")


@pytest.fixture
def two_stories() -> tuple[Story, Story]:
    """The flood told by one outlet in each of two stories, which should be one."""
    _ingest(TEXT_A, "Coast Daily", "flood-one")
    _ingest(TEXT_B, "Harbour Herald", "flood-two")
    return _story("flood-one"), _story("flood-two")


@pytest.fixture
def flood() -> Story:
    """One story of three articles: A and B tell the flood, C is a stray bank report."""
    _ingest(TEXT_A, "Coast Daily", "flood")
    _ingest(TEXT_B, "Harbour Herald", "flood")
    _ingest(TEXT_C, "Money Times", "flood")
    return _story("flood")


def _links_between(first: Article, second: Article) -> int:
    a, b = sorted([first.pk, second.pk])
    return ClaimLink.objects.filter(article_a_id=a, article_b_id=b).count()


def _crossing_links() -> int:
    """Links whose claims' articles are not both in the link's story."""
    return sum(
        1
        for link in ClaimLink.objects.select_related("article_a", "article_b")
        if not (link.article_a.story_id == link.article_b.story_id == link.story_id)
    )


# --- Merge --------------------------------------------------------------------------


def test_merge_moves_articles_deletes_source_and_decides_counts(two_stories, editor) -> None:
    one, two = two_stories
    assert one.agreement_count == two.agreement_count == 0
    source_articles = list(two.articles.values_list("id", flat=True))

    result = services.story_merge(target=one, source=two, editor=editor)

    assert result.story == one
    assert not Story.objects.filter(slug="flood-two").exists()
    one.refresh_from_db()
    assert one.article_count == 2
    assert one.agreement_count > 0, "the engine compared the two outlets' articles"
    assert ClaimLink.objects.filter(story=one).exists()
    edit = result.edit
    assert edit.action == StoryEditAction.MERGE
    assert (edit.story, edit.story_slug, edit.editor) == (one, "flood-one", editor)
    assert (edit.other_story, edit.other_slug) == (None, "flood-two")
    assert edit.detail["articles"] == source_articles


def test_merge_keeps_reviews_of_pairs_still_drawn(two_stories, editor) -> None:
    one, two = two_stories
    # C joins story one, so that story one has a link to review before the merge.
    _ingest(TEXT_A.replace("officials said", "the police said"), "Bay Times", "flood-one")
    link = ClaimLink.objects.filter(story=one).first()
    assert link is not None
    services.link_review(link=link, decision=ReviewDecision.DISMISSED, reviewer=editor)

    services.story_merge(target=two, source=one, editor=editor)

    two.refresh_from_db()
    kept = ClaimLink.objects.get(claim_a=link.claim_a, claim_b=link.claim_b)
    assert kept.story == two and kept.review == ReviewDecision.DISMISSED
    assert LinkReview.objects.get().story == two
    assert two.dismissed_count >= 1


def test_merge_into_itself_is_refused(two_stories) -> None:
    one, _ = two_stories
    with pytest.raises(ValidationError, match="into itself"):
        services.story_merge(target=one, source=one, editor=None)
    assert not StoryEdit.objects.exists()


# --- Split --------------------------------------------------------------------------


def test_split_moves_articles_into_a_new_story_and_cuts_links(flood, editor) -> None:
    a, b, c = flood.articles.order_by("id")
    assert _links_between(a, b) > 0
    link = ClaimLink.objects.filter(article_a=a, article_b=b).first()
    services.link_review(link=link, decision=ReviewDecision.CONFIRMED, reviewer=editor)

    result = services.story_split(
        story=flood, article_ids=[b.pk], title="Flood, told by the Herald", editor=editor
    )

    new = result.story
    assert new.slug and new.slug != flood.slug and new.title == "Flood, told by the Herald"
    assert list(new.articles.all()) == [b]
    assert _links_between(a, b) == 0, "claims of two stories are never linked"
    assert _crossing_links() == 0
    flood.refresh_from_db()
    new.refresh_from_db()
    assert (flood.article_count, new.article_count) == (2, 1)
    assert new.agreement_count == 0
    # The review stays in the audit trail of the story the pair was reviewed in.
    assert LinkReview.objects.get().story == flood
    edit = result.edit
    assert edit.action == StoryEditAction.SPLIT
    assert (edit.story, edit.other_story, edit.detail["articles"]) == (flood, new, [b.pk])
    assert c.story_id == flood.pk


def test_split_keeps_links_and_reviews_of_articles_moved_together(flood, editor) -> None:
    a, b, c = flood.articles.order_by("id")
    link = ClaimLink.objects.filter(article_a=a, article_b=b).first()
    services.link_review(link=link, decision=ReviewDecision.DISMISSED, reviewer=editor)

    result = services.story_split(
        story=flood, article_ids=[a.pk, b.pk], title="Flood", editor=editor
    )

    kept = ClaimLink.objects.get(pk=link.pk)  # the same row, its id kept
    assert kept.story == result.story and kept.review == ReviewDecision.DISMISSED
    assert LinkReview.objects.get().story == result.story
    result.story.refresh_from_db()
    assert result.story.dismissed_count >= 1
    flood.refresh_from_db()
    assert flood.article_count == 1 and list(flood.articles.all()) == [c]


def test_split_takes_a_unique_slug(flood) -> None:
    b = flood.articles.order_by("id")[1]
    result = services.story_split(story=flood, article_ids=[b.pk], title="flood", editor=None)
    assert result.story.slug != "flood" and result.story.slug.startswith("flood")


@pytest.mark.parametrize(
    ("which", "title", "message"),
    [
        ("none", "New", "at least one article"),
        ("all", "New", "leave this story empty"),
        ("foreign", "New", "Only articles of this story"),
        ("one", "   ", "title"),
    ],
)
def test_split_refuses(flood, which, title, message) -> None:
    ids = list(flood.articles.values_list("id", flat=True))
    other = story_create_for_test()
    foreign, _ = article_with_claims(story=other, claims=["A stray sentence."])
    article_ids = {"none": [], "all": ids, "foreign": [foreign.pk], "one": ids[:1]}[which]
    with pytest.raises(ValidationError, match=message):
        services.story_split(story=flood, article_ids=article_ids, title=title, editor=None)
    assert Story.objects.count() == 2
    assert not StoryEdit.objects.exists()


# --- Move ---------------------------------------------------------------------------


def test_move_an_article_realigns_both_stories(flood, editor) -> None:
    c = flood.articles.order_by("id")[2]
    bank = story_create_for_test(title="Interest rates", slug="rates")
    result = services.story_article_move(article=c, target=bank, editor=editor)

    assert result.story == bank
    c.refresh_from_db()
    assert c.story == bank
    assert _crossing_links() == 0
    flood.refresh_from_db()
    bank.refresh_from_db()
    assert (flood.article_count, bank.article_count) == (2, 1)
    assert flood.agreement_count > 0
    edit = result.edit
    assert edit.action == StoryEditAction.MOVE
    assert (edit.story, edit.other_story) == (flood, bank)
    assert edit.detail["articles"] == [c.pk] and edit.detail["emptied"] is False


def test_moving_the_last_article_deletes_the_story_and_its_address_leads_on(
    two_stories, editor
) -> None:
    one, two = two_stories
    article = two.articles.get()
    result = services.story_article_move(article=article, target=one, editor=editor)

    assert not Story.objects.filter(pk=two.pk).exists()
    assert result.edit.story is None and result.edit.story_slug == "flood-two"
    assert result.edit.detail["emptied"] is True
    one.refresh_from_db()
    assert one.article_count == 2 and one.agreement_count > 0
    assert story_redirect_for_slug("flood-two") == one


def test_move_into_its_own_story_is_refused(flood) -> None:
    with pytest.raises(ValidationError, match="already"):
        services.story_article_move(article=flood.articles.first(), target=flood, editor=None)


def test_a_wire_copy_moved_away_from_its_original_is_no_longer_one(editor) -> None:
    original = _ingest(TEXT_A, "Coast Daily", "flood")
    copy = _ingest(TEXT_A.replace("officials said", "officials told reporters"), "Wire", "flood")
    copy.refresh_from_db()
    assert copy.copy_of == original
    other = story_create_for_test(slug="elsewhere")

    result = services.story_article_move(article=copy, target=other, editor=editor)

    copy.refresh_from_db()
    assert copy.copy_of is None
    assert result.edit.detail["copies_cut"] == [[copy.pk, original.pk]]


# --- Rename -------------------------------------------------------------------------


def test_rename_keeps_the_slug(flood, editor) -> None:
    result = services.story_rename(story=flood, title="  Coastal   floods ", editor=editor)
    flood.refresh_from_db()
    assert (flood.title, flood.slug) == ("Coastal floods", "flood")
    assert result.edit.action == StoryEditAction.RENAME
    assert result.edit.detail["new_title"] == "Coastal floods"
    assert result.edit.detail["old_title"] != "Coastal floods"


@pytest.mark.parametrize("title", ["", "   "])
def test_rename_refuses_an_empty_title(flood, title) -> None:
    with pytest.raises(ValidationError):
        services.story_rename(story=flood, title=title, editor=None)


def test_rename_refuses_the_same_title(flood) -> None:
    with pytest.raises(ValidationError, match="already"):
        services.story_rename(story=flood, title=flood.title, editor=None)


# --- Old addresses ------------------------------------------------------------------


def test_old_slug_follows_merges() -> None:
    first = story_create_for_test(slug="first")
    second = story_create_for_test(slug="second")
    third = story_create_for_test(slug="third")
    for story in (first, second, third):
        article_with_claims(story=story, claims=["One sentence of a test."])
    services.story_merge(target=second, source=first, editor=None)
    services.story_merge(target=third, source=second, editor=None)
    assert story_redirect_for_slug("first") == third
    assert story_redirect_for_slug("second") == third
    assert story_redirect_for_slug("never-was") is None


# --- Views --------------------------------------------------------------------------


@pytest.fixture
def editor_client(client: Client, editor) -> Client:
    client.force_login(editor)
    return client


def _manage(story: Story, action: str = "") -> str:
    names = {"": "story_manage", "rename": "story_rename", "merge": "story_merge"}
    names |= {"split": "story_split", "move": "story_article_move"}
    return reverse(names[action], args=[story.slug])


def test_manage_page_shows_forms_and_history(editor_client, flood, editor) -> None:
    services.story_rename(story=flood, title="Coastal floods", editor=editor)
    other = story_create_for_test(title="Interest rates", slug="rates")
    response = editor_client.get(_manage(flood))
    assert response.status_code == 200
    html = response.content.decode()
    for section in ("manage-rename", "manage-merge", "manage-split", "manage-move"):
        assert f'id="{section}"' in html
    assert 'value="rates"' in html and other.title in html
    assert html.count('name="articles"') == 3
    assert "Renamed from" in html and "Coastal floods" in html


def test_story_page_links_to_management_only_with_the_permission(client, flood) -> None:
    browser = user_create_for_test(role=None)
    browser.user_permissions.add(Permission.objects.get(codename="view_story"))
    client.force_login(browser)
    assert _manage(flood) not in client.get(flood.get_absolute_url()).content.decode()
    client.force_login(user_create_for_test(role="Editor"))
    assert _manage(flood) in client.get(flood.get_absolute_url()).content.decode()


@pytest.mark.parametrize("action", ["", "rename", "merge", "split", "move"])
def test_anonymous_is_sent_to_login(client, flood, action) -> None:
    response = client.post(_manage(flood, action)) if action else client.get(_manage(flood))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("action", ["", "rename", "merge", "split", "move"])
def test_a_user_without_the_permission_is_refused(client, flood, action) -> None:
    browser = user_create_for_test(role=None)
    browser.user_permissions.add(Permission.objects.get(codename="view_story"))
    client.force_login(browser)
    data = {"title": "Taken over"}
    response = client.post(_manage(flood, action), data) if action else client.get(_manage(flood))
    assert response.status_code == 403
    flood.refresh_from_db()
    assert flood.title != "Taken over" and not StoryEdit.objects.exists()


@pytest.mark.parametrize("role", ["Editor", "Researcher", "Admin"])
def test_every_role_from_editor_up_may_manage(client, flood, role) -> None:
    client.force_login(user_create_for_test(role=role))
    assert client.get(_manage(flood)).status_code == 200


def test_writes_need_post(editor_client, flood) -> None:
    assert editor_client.get(_manage(flood, "rename")).status_code == 405


def test_rename_view(editor_client, flood) -> None:
    response = editor_client.post(
        _manage(flood, "rename"), {"title": "Coastal floods"}, follow=True
    )
    assert response.redirect_chain[-1][0] == flood.get_absolute_url()
    assert "Coastal floods" in response.content.decode()
    assert "its address stays the same" in response.content.decode()
    assert StoryEdit.objects.get().editor.username == "editor"


def test_merge_view_into_this_story(editor_client, two_stories) -> None:
    one, two = two_stories
    data = {"other": two.slug, "direction": "into_this"}
    response = editor_client.post(_manage(one, "merge"), data, follow=True)
    assert response.redirect_chain[-1][0] == one.get_absolute_url()
    assert "was merged into this story: 1 article joined it" in response.content.decode()
    assert not Story.objects.filter(pk=two.pk).exists()


def test_merge_view_into_the_other_story(editor_client, two_stories) -> None:
    one, two = two_stories
    data = {"other": two.slug, "direction": "into_other"}
    response = editor_client.post(_manage(one, "merge"), data)
    assert response.status_code == 302 and response["Location"] == two.get_absolute_url()
    assert not Story.objects.filter(pk=one.pk).exists()
    # The merged-away story's management address leads to the story it joined.
    response = editor_client.get(_manage(one))
    assert response.status_code == 302 and response["Location"] == _manage(two)


def test_merge_view_refuses_an_unknown_story(editor_client, two_stories) -> None:
    one, _ = two_stories
    response = editor_client.post(
        _manage(one, "merge"), {"other": one.slug, "direction": "into_this"}
    )
    assert response.status_code == 400
    assert "Choose another story from the list." in response.content.decode()
    assert Story.objects.count() == 2


def test_split_view(editor_client, flood) -> None:
    c = flood.articles.order_by("id")[2]
    data = {"articles": [c.pk], "title": "Interest rates"}
    response = editor_client.post(_manage(flood, "split"), data, follow=True)
    new = Story.objects.get(title="Interest rates")
    assert response.redirect_chain[-1][0] == new.get_absolute_url()
    assert "1 article was split out of" in response.content.decode()


def test_split_view_with_htmx_shows_the_error_in_its_form(editor_client, flood) -> None:
    ids = list(flood.articles.values_list("id", flat=True))
    response = editor_client.post(
        _manage(flood, "split"),
        {"articles": ids, "title": "Everything"},
        headers={"HX-Request": "true", "HX-Target": "manage-split"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'id="manage-split"' in html
    assert "leave this story empty" in html
    assert html.count("checked") == 3, "the ticked articles stay ticked"
    assert Story.objects.count() == 1


def test_move_view_with_htmx_redirects_the_page(editor_client, flood) -> None:
    c = flood.articles.order_by("id")[2]
    rates = story_create_for_test(title="Interest rates", slug="rates")
    response = editor_client.post(
        _manage(flood, "move"),
        {"article": c.pk, "target": "rates"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == rates.get_absolute_url()
    page = editor_client.get(rates.get_absolute_url()).content.decode()
    assert "The article moved here from" in page


def test_move_view_refuses_an_article_of_another_story(editor_client, flood) -> None:
    rates = story_create_for_test(slug="rates")
    stray, _ = article_with_claims(story=rates, claims=["A stray sentence."])
    response = editor_client.post(_manage(flood, "move"), {"article": stray.pk, "target": "rates"})
    assert response.status_code == 400
    assert not StoryEdit.objects.exists()


def test_story_search_returns_the_merge_form_only(editor_client, flood) -> None:
    story_create_for_test(title="Interest rates", slug="rates")
    story_create_for_test(title="Harvest report", slug="harvest")
    response = editor_client.get(
        _manage(flood) + "?q=rates", headers={"HX-Request": "true", "HX-Target": "manage-merge"}
    )
    html = response.content.decode()
    assert "<html" not in html and 'id="manage-merge"' in html and 'id="manage-split"' not in html
    assert 'value="rates"' in html and 'value="harvest"' not in html


def test_manage_page_queries_are_bounded(
    editor_client, flood, editor, django_assert_max_num_queries
):
    for n in range(5):
        story_create_for_test(slug=f"other-{n}")
    services.story_rename(story=flood, title="Coastal floods", editor=editor)
    services.story_rename(story=flood, title="Floods", editor=editor)
    with django_assert_max_num_queries(12):
        assert editor_client.get(_manage(flood)).status_code == 200
