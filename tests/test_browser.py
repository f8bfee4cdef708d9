"""The editor's view in a real browser: Debian's Chromium driven by Playwright against
pytest-django's live server, on the two seed articles ingested through the engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from newsdiff import services
from newsdiff.models import Story
from tests.builders import (
    harbour_story_create_for_test,
    user_create_for_test,
)

pytestmark = pytest.mark.browser

PASSWORD = "browser-test-pw"


@pytest.fixture
def seed_story(transactional_db, seed_texts) -> Story:
    # live_server reads from its own connection: the data must be committed, hence
    # transactional_db rather than db.
    for text in seed_texts:
        services.article_ingest(raw_text=text)
    user_create_for_test(username="editor", password=PASSWORD, role="Editor")
    return Story.objects.get()


@pytest.fixture
def editor_page(page: Page, live_server, seed_story) -> Page:
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login__form button[type=submit]")
    expect(page.locator(".account__user")).to_contain_text("editor")
    return page


def _shot(page: Page, output_path: str, name: str) -> None:
    folder = Path(output_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _linked_claim(page: Page):
    """The first claim in the columns that has a counterpart in another column."""
    return page.locator(".columns a.claim[data-linked]:not([data-linked=''])").first


def test_select_claim_highlights_counterpart(
    editor_page: Page, live_server, seed_story, output_path
):
    page = editor_page
    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    claim = _linked_claim(page)
    counterpart_ids = claim.get_attribute("data-linked").split()
    claim.click()
    expect(claim).to_have_class(re.compile(r"\bis-selected\b"))
    counterpart = page.locator(f".columns [data-claim-id='{counterpart_ids[0]}']")
    expect(counterpart).to_have_class(re.compile(r"\bis-counterpart\b"))
    panel = page.locator("#claim-panel .claim-detail")
    expect(panel).to_be_visible()
    expect(panel).to_have_attribute("data-claim-id", claim.get_attribute("data-claim-id"))
    expect(page.locator("#claim-panel .review-form").first).to_be_visible()
    # Keyboard: the claims are links, so Enter on a focused one selects it too.
    other = page.locator(".columns a.claim").last
    other.focus()
    page.keyboard.press("Enter")
    expect(other).to_have_class(re.compile(r"\bis-selected\b"))
    expect(page.locator("#claim-panel .claim-detail")).to_have_attribute(
        "data-claim-id", other.get_attribute("data-claim-id")
    )
    _shot(page, output_path, "claim-selected")


@pytest.mark.parametrize(
    ("tab", "heading"),
    [
        ("agreements", "#tab-agreements-title"),
        ("contradictions", "#tab-contradictions-title"),
        ("only-here", "#tab-only-here-title"),
        ("matrix", "#tab-matrix-title"),
        ("timeline", "#tab-timeline-title"),
    ],
)
def test_switch_tabs(editor_page: Page, live_server, seed_story, output_path, tab, heading):
    page = editor_page
    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    page.click(f".tabs a[href$='?tab={tab}']")
    expect(page.locator(heading)).to_be_visible()
    expect(page).to_have_url(re.compile(rf"\?tab={tab}$"))
    expect(page.locator(f".tabs a[href$='?tab={tab}']")).to_have_attribute("aria-current", "page")
    # Back to the columns through the first tab.
    _shot(page, output_path, f"tab-{tab}")
    page.click(".tabs li:first-child a")
    expect(page.locator(".columns .column").first).to_be_visible()


def test_arabic_search_finds_seed_story(editor_page: Page, live_server, seed_story, output_path):
    page = editor_page
    page.goto(f"{live_server.url}/")
    page.fill("#story-search-q", "زلزال")
    expect(page.locator("#story-rows .empty")).to_be_visible()
    page.fill("#story-search-q", "اسلحه")
    row = page.locator(f"#story-rows a[href='{seed_story.get_absolute_url()}']")
    expect(row).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=%D8%A7%D8%B3%D9%84%D8%AD%D9%87"))
    _shot(page, output_path, "search-arabic")


def test_switch_interface_to_arabic(editor_page: Page, live_server, seed_story, output_path):
    page = editor_page
    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.select_option("#language-select", "ar")
    page.click(".language-switcher button")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator(".tabs")).to_contain_text("جنبًا إلى جنب")
    expect(page.locator(".site-nav")).to_contain_text("القصص")
    # The choice is remembered on the next page.
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("القصص")
    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    _linked_claim(page).click()
    expect(page.locator("#claim-panel .claim-detail")).to_be_visible()
    _shot(page, output_path, "story-arabic")


def test_dismiss_link_updates_story(editor_page: Page, live_server, seed_story, output_path):
    page = editor_page
    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    _linked_claim(page).click()
    form = page.locator("#claim-panel .review-form").first
    form.locator("textarea").fill("ربط خاطئ")
    form.locator("button[value=dismissed]").click()
    expect(page.locator("#claim-panel .audit").first).to_contain_text("ربط خاطئ")
    # The story view reloads its counts after the review.
    expect(page.locator("#story-view .count--dismissed")).to_be_visible()
    _shot(page, output_path, "link-dismissed")


def test_count_bar_and_tab_badges_agree(editor_page: Page, live_server, seed_story):
    page = editor_page
    page.goto(f"{live_server.url}{seed_story.get_absolute_url()}")
    seed_story.refresh_from_db()
    agreements = seed_story.agreement_count
    expect(page.locator("#story-view > .counts .count--agreed")).to_contain_text(
        f"{agreements} fact"
    )
    badge = page.locator(".tabs a[href$='?tab=agreements'] .tab-count span[aria-hidden=true]")
    expect(badge).to_have_text(str(agreements))
    conflicts = (
        seed_story.contradiction_count + seed_story.disputed_count + seed_story.updated_count
    )
    badge = page.locator(".tabs a[href$='?tab=contradictions'] .tab-count span[aria-hidden=true]")
    expect(badge).to_have_text(str(conflicts))
    page.click(".tabs a[href$='?tab=agreements']")
    expect(page.locator(".group--agreed")).to_have_count(min(agreements, 20))
    page.click(".tabs a[href$='?tab=contradictions']")
    expect(page.locator("#tab-contradictions-title")).to_be_visible()
    groups = page.locator(".group--contradicted, .group--disputed, .group--updated")
    expect(groups).to_have_count(min(conflicts, 20))


@pytest.fixture
def rich_story(transactional_db) -> Story:
    return harbour_story_create_for_test()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    "viewport",
    [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
    ids=["desktop", "phone"],
)
def test_story_page_fits_the_screen(
    editor_page: Page, live_server, rich_story, output_path, language, viewport
):
    page = editor_page
    page.set_viewport_size(viewport)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    counted = rich_story.contradiction_count + rich_story.disputed_count + rich_story.updated_count
    assert counted == 3
    for tab in ("", "?tab=contradictions"):
        page.goto(f"{live_server.url}{rich_story.get_absolute_url()}{tab}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("#story-view > .counts li")).to_have_count(5)
        badge = page.locator(".tabs a[href$='?tab=contradictions'] .tab-count span[aria-hidden]")
        expect(badge).to_have_text("3")
        # Nothing pushes the page sideways: the columns and tabs scroll inside themselves.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (tab, width)
        name = "columns" if not tab else "contradictions"
        _shot(page, output_path, f"story-{name}-{language}-{viewport['width']}")
    expect(page.locator(".group--contradicted, .group--disputed, .group--updated")).to_have_count(3)
    page.locator(".group--disputed a.claim").first.click()
    expect(page.locator("#claim-panel .link--disputed")).to_be_visible()
    _shot(page, output_path, f"story-dispute-panel-{language}-{viewport['width']}")
