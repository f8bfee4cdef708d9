"""Story search across scripts in a real browser: a Latin query finds the Arabic story and
shows the claim that named the person, highlighted, in English and Arabic, on a desktop
and a phone screen, with no page wider than the screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from newsdiff.models import Language
from newsdiff.pipeline.facts import extract_facts
from tests.builders import (
    article_with_claims,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
)

pytestmark = pytest.mark.browser

PASSWORD = "browser-test-pw"
SCREENS = {"desktop": (1366, 900), "phone": (390, 844)}
CLAIM = "أفرجت واشنطن عن تاجر السلاح الروسي فيكتور بوت في صفقة تبادل للسجناء مع موسكو."


@pytest.fixture
def stories(transactional_db) -> None:
    # live_server reads from its own connection: the rows must be committed.
    arabic = story_create_for_test(title="تبادل السجناء بين واشنطن وموسكو", slug="swap")
    article_with_claims(
        story=arabic,
        outlet=outlet_create_for_test(name="Erem News", native_name="إرم نيوز"),
        claims=["جرت عملية التبادل في مطار أبوظبي.", CLAIM],
    )
    english = story_create_for_test(title="Floods in eastern Libya", slug="floods")
    text = "Floods swept through the city of Derna after the storm broke two dams."
    article_with_claims(
        story=english,
        # A long name makes the outlet filter's options wider than a phone.
        outlet=outlet_create_for_test(
            name="Wire (a regional reprint site that credits its sources)",
            language=Language.ENGLISH,
        ),
        claims=[(text, [f.as_dict() for f in extract_facts(text)])],
    )
    other = story_create_for_test(title="انتخابات بلدية", slug="elections")
    article_with_claims(story=other, claims=["جرت الانتخابات البلدية أمس."])
    user_create_for_test(username="editor", password=PASSWORD, role="Editor")


def _log_in(page: Page, live_server, language: str, screen: str) -> None:
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    page.set_default_timeout(10_000)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/accounts/login/?next=/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login__form button[type=submit]")
    expect(page.locator(".account__user")).to_contain_text("editor")


def _no_overflow(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _shot(page: Page, output_path: str, name: str) -> None:
    folder = Path(output_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_latin_query_finds_the_arabic_story(
    page: Page, live_server, stories, output_path, language, screen
):
    _log_in(page, live_server, language, screen)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    page.fill("#story-search-q", "Viktor Bout")
    row = page.locator("#story-rows .story-row")
    expect(row).to_have_count(1)
    expect(row.locator("a[href='/stories/swap/']")).to_be_visible()
    match = row.locator(".story-row__match")
    expect(match).to_have_attribute("dir", "auto")
    expect(match.locator("mark")).to_have_text("فيكتور بوت")
    expect(match).to_contain_text("صفقة تبادل")
    expect(page).to_have_url(re.compile(r"q=Viktor(\+|%20)Bout"))
    _no_overflow(page)
    _shot(page, output_path, f"search-latin-{language}-{screen}")

    # And back: an Arabic query finds the English story that names Derna.
    page.fill("#story-search-q", "درنة")
    expect(row).to_have_count(1)
    expect(row.locator(".story-row__match mark")).to_have_text("Derna")
    _no_overflow(page)
    _shot(page, output_path, f"search-arabic-{language}-{screen}")

    # Without a query the list is as before, with no claim line.
    page.fill("#story-search-q", "")
    expect(row).to_have_count(3)
    expect(page.locator(".story-row__match")).to_have_count(0)
