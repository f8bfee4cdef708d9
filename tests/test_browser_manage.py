"""Story management in a real browser: an editor merges two stories from the story page, on a
desktop and a phone, in the English and the Arabic interface, and the management screen
never grows wider than the screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import Page, expect

from newsdiff.models import Story, StoryEdit, StoryEditAction
from newsdiff.pipeline.encode import encoder_get
from tests.builders import (
    article_with_claims,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
)

pytestmark = pytest.mark.browser

PASSWORD = "browser-manage-pw"


@pytest.fixture
def two_stories(transactional_db) -> tuple[Story, Story]:
    """One event told in two stories (an Arabic and an English outlet), which an editor is to
    merge; committed, since live_server reads from its own connection."""
    first = story_create_for_test(title="فيضانات تغلق الطريق الساحلي", slug="floods-coast")
    second = story_create_for_test(title="Floods close the coastal road (AK-74 unrelated)")
    arabic = outlet_create_for_test(name="Coast Daily", native_name="الساحل اليومية")
    english = outlet_create_for_test(name="Harbour Herald", language="en")
    article_with_claims(
        story=first,
        outlet=arabic,
        title="فيضانات تغلق الطريق الساحلي شمال المدينة",
        claims=["أغلقت الفيضانات الطريق الساحلي يوم الاثنين.", "أنقذت فرق الإنقاذ 12 شخصا."],
    )
    article_with_claims(
        story=second,
        outlet=english,
        title="Floods close the coastal road north of the city",
        claims=["Floods closed the coastal road on Monday.", "Rescuers saved 12 people."],
    )
    # The role groups are rebuilt from 0002_roles after each flush (tests/builders.py): the
    # management permission (0012_story_edit) is given to the editor directly.
    editor = user_create_for_test(username="editor", password=PASSWORD, role="Editor")
    editor.user_permissions.add(Permission.objects.get(codename="manage_story"))
    # The merge realigns the story: the sentence encoder is loaded here (once per process),
    # not while the browser waits.
    encoder_get()
    return first, second


def _login(page: Page, base_url: str) -> None:
    page.set_default_timeout(15_000)
    page.goto(f"{base_url}/accounts/login/?next=/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login__form button[type=submit]")
    expect(page.locator(".account__user")).to_contain_text("editor")


def _fits(page: Page, width: int, where: str) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    assert scroll <= inner == width, (where, scroll, inner)


def _shot(page: Page, output_path: str, name: str) -> None:
    folder = Path(output_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    "viewport",
    [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
    ids=["desktop", "phone"],
)
def test_editor_merges_two_stories_from_the_story_page(
    page: Page, live_server, two_stories, output_path, language, viewport
):
    first, second = two_stories
    page.set_viewport_size(viewport)
    _login(page, live_server.url)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}{first.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator(".story-header__actions a[href$='/manage/']").click()
    expect(page).to_have_url(re.compile(r"/stories/floods-coast/manage/$"))
    expect(page.locator("#manage-merge")).to_be_visible()
    _fits(page, viewport["width"], "manage screen")
    _shot(page, output_path, f"manage-{language}-{viewport['width']}")

    # The search narrows the stories offered; the merge asks for a confirmation.
    page.fill("#merge-q", "coastal road")
    page.locator("#manage-merge .manage-search button").click()
    # The found stories have replaced the form (its hint names the search).
    expect(page.locator("#manage-merge .field .hint bdi")).to_have_text("coastal road")
    expect(page.locator(f"#merge-other option[value='{second.slug}']")).to_have_count(1)
    page.select_option("#merge-other", value=second.slug)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#manage-merge button.button--danger").click()

    expect(page).to_have_url(re.compile(r"/stories/floods-coast/$"), timeout=30_000)
    expect(page.locator(".messages .notice--success")).to_contain_text(second.title)
    expect(page.locator(".column")).to_have_count(2)
    _fits(page, viewport["width"], "story page after the merge")
    assert not Story.objects.filter(pk=second.pk).exists()
    edit = StoryEdit.objects.get()
    assert (edit.action, edit.story_id, edit.editor.username) == (
        StoryEditAction.MERGE,
        first.pk,
        "editor",
    )

    # The merged-away story's management screen leads to the story it joined, whose
    # history tells of the merge.
    page.goto(f"{live_server.url}/stories/{second.slug}/manage/")
    expect(page).to_have_url(re.compile(r"/stories/floods-coast/manage/$"))
    expect(page.locator(".manage-history__entry--merge")).to_contain_text(second.title)
    _fits(page, viewport["width"], "manage screen after the merge")
    _shot(page, output_path, f"manage-history-{language}-{viewport['width']}")
