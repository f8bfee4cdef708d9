"""The story page from the keyboard, its request feedback and the re-run confirmation, in a
real browser (Debian's Chromium driven by Playwright against pytest-django's live server),
on a phone and a desktop, in English and in Arabic."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from newsdiff.models import Story
from tests.builders import (
    harbour_story_create_for_test,
    user_create_for_test,
)

pytestmark = pytest.mark.browser

PASSWORD = "keyboard-test-pw"
VIEWPORTS = pytest.mark.parametrize(
    "viewport",
    [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
    ids=["desktop", "phone"],
)
LANGUAGES = pytest.mark.parametrize("language", ["en", "ar"])
# Nothing in flight and nothing loading: every htmx request has had its answer.
# (A function, not an expression: the page's CSP forbids the eval an expression needs.)
IDLE = "() => !document.querySelector('.htmx-request, [aria-busy=\"true\"]')"


@pytest.fixture
def story(transactional_db) -> Story:
    """The harbour story (tests/builders.py) with a weak match, an editor and an admin."""
    story = harbour_story_create_for_test(weak_match=True)
    user_create_for_test(username="editor", password=PASSWORD, role="Editor")
    user_create_for_test(username="boss", password=PASSWORD, role="Admin")
    return story


def _login(page: Page, live_server, username: str, language: str = "en") -> Page:
    page.set_default_timeout(10_000)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/accounts/login/?next=/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login__form button[type=submit]")
    expect(page.locator(".account__user")).to_contain_text(username)
    return page


def _open_story(page: Page, live_server, story: Story, viewport, language, user="editor"):
    page.set_viewport_size(viewport)
    _login(page, live_server, user, language)
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("#story-view a.claim").first).to_be_visible()


def _active(page: Page, expression: str):
    """Something about document.activeElement (a, the element, is in scope)."""
    return page.evaluate(f"(() => {{ const a = document.activeElement; return {expression}; }})()")


def _focused_claim_id(page: Page) -> str | None:
    return _active(page, "a && a.matches('#story-view a.claim') ? a.dataset.claimId : null")


@LANGUAGES
@VIEWPORTS
def test_keyboard_path_to_a_contradiction_and_its_review(
    page: Page, live_server, story, output_path, language, viewport
):
    _open_story(page, live_server, story, viewport, language)

    # j / k step through the claims.
    page.keyboard.press("j")
    first = _focused_claim_id(page)
    assert first
    page.keyboard.press("j")
    second = _focused_claim_id(page)
    assert second and second != first
    page.keyboard.press("k")
    assert _focused_claim_id(page) == first

    # n / p step through the conflicts: a contradicted (or disputed) claim, never a
    # claim that only agrees.
    page.keyboard.press("n")
    conflict = _focused_claim_id(page)
    assert conflict
    classes = _active(page, "a.className")
    assert re.search(r"\bclaim--(contradicted|disputed)\b", classes), classes
    page.keyboard.press("n")
    following = _focused_claim_id(page)
    assert following and following != conflict
    page.keyboard.press("p")
    assert _focused_claim_id(page) == conflict
    # The focused claim is on screen, sideways too.
    assert page.evaluate(
        """() => { const r = document.activeElement.getBoundingClientRect();
                   return r.bottom > 0 && r.top < innerHeight && r.right > 0
                          && r.left < innerWidth; }"""
    )

    # Enter opens its panel and takes the focus there.
    page.keyboard.press("Enter")
    panel = page.locator("#claim-panel")
    expect(panel.locator(".claim-detail")).to_have_attribute("data-claim-id", conflict)
    page.wait_for_function(
        "() => document.querySelector('#claim-panel').contains(document.activeElement)"
    )
    # The panel leads with the conflict.
    expect(panel.locator(".link").first).to_have_class(
        re.compile(r"link--(contradiction|disputed)")
    )

    # Letter keys are words while typing a note, not shortcuts.
    note = panel.locator("textarea").first
    note.focus()
    page.keyboard.press("n")
    expect(note).to_have_value("n")
    expect(note).to_be_focused()
    note.fill("")
    page.locator("#claim-panel h2").focus()

    # Tab on to the first link's Confirm button.
    for _ in range(40):
        page.keyboard.press("Tab")
        if _active(page, "a.matches('#claim-panel button[name=decision][value=confirmed]')"):
            break
    else:
        pytest.fail("Tab never reached a Confirm button in the panel")
    link_id = _active(page, "a.closest('[data-link-id]').dataset.linkId")

    # Where the columns scroll sideways, that position survives the story view's reload.
    scroll_before = page.evaluate(
        """() => { const c = document.querySelector('#story-view .columns');
                   if (!c || c.scrollWidth <= c.clientWidth) return null;
                   c.scrollLeft = (getComputedStyle(c).direction === 'rtl' ? -1 : 1) * 90;
                   return c.scrollLeft; }"""
    )
    page.evaluate("document.getElementById('story-view').dataset.stale = 'yes'")
    page.keyboard.press("Enter")
    expect(panel.locator(f"#link-{link_id} .status--confirmed")).to_be_visible()
    # The story view reloads itself after the review.
    expect(page.locator("#story-view[data-stale]")).to_have_count(0)
    page.wait_for_function(IDLE)

    # The focus stayed on the reviewed link's button, not on the page's top.
    assert _active(page, "a !== document.body")
    assert (
        _active(page, "a.closest('[data-link-id]') && a.closest('[data-link-id]').dataset.linkId")
        == link_id
    )
    assert _active(page, "a.matches('button[name=decision][value=confirmed]')")
    if scroll_before is not None:
        after = page.evaluate("document.querySelector('#story-view .columns').scrollLeft")
        assert abs(after - scroll_before) <= 1, (scroll_before, after)
    page.screenshot(
        path=f"{_folder(output_path)}/keyboard-reviewed-{language}-{viewport['width']}.png"
    )

    # Escape goes back from the panel to the claim it shows.
    page.keyboard.press("Escape")
    assert _focused_claim_id(page) == conflict
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def _folder(output_path: str) -> str:
    from pathlib import Path

    folder = Path(output_path)
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def test_letter_keys_work_with_an_arabic_keyboard_layout(page: Page, live_server, story):
    _open_story(page, live_server, story, {"width": 1366, "height": 900}, "ar")
    # What an Arabic layout sends for the key where "n" is: the key's place decides.
    page.evaluate(
        """document.body.dispatchEvent(new KeyboardEvent('keydown',
             {key: 'ى', code: 'KeyN', bubbles: true, cancelable: true}))"""
    )
    assert re.search(r"claim--(contradicted|disputed)", _active(page, "a.className") or "")
    # With a modifier it is the browser's key, not ours.
    before = _focused_claim_id(page)
    page.keyboard.press("Control+j")
    assert _focused_claim_id(page) == before


def test_keyboard_help_lists_the_keys(page: Page, live_server, story):
    _open_story(page, live_server, story, {"width": 1366, "height": 900}, "en")
    help_ = page.locator("#keyboard-help")
    if not help_.count():
        pytest.skip("the story page does not include newsdiff/_keyboard_help.html yet")
    expect(help_).to_be_visible()  # shown by the script that makes the keys work
    page.keyboard.press("?")
    expect(help_).to_have_attribute("open", "")
    expect(help_.locator("summary")).to_be_focused()
    expect(help_).to_contain_text("Next / previous claim")
    page.keyboard.press("?")
    expect(help_).not_to_have_attribute("open", "")


def test_review_in_the_weak_matches_keeps_them_open_and_the_focus(page: Page, live_server, story):
    _open_story(page, live_server, story, {"width": 1366, "height": 900}, "en")
    claim = page.locator("#story-view .columns a.claim", has_text="اشتعلت النيران").first
    claim.click()
    fold = page.locator("#claim-panel .weak-links")
    expect(fold.locator("summary")).to_have_text("1 weak match")
    expect(fold).not_to_have_attribute("open", "")
    fold.locator("summary").click()
    entry = fold.locator(".link--weak")
    expect(entry).to_contain_text("23%")
    expect(entry).to_contain_text("40%")
    dismiss = entry.locator("button[value=dismissed]")
    dismiss.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#claim-panel .weak-links .status--dismissed")).to_be_visible()
    page.wait_for_function(IDLE)
    expect(page.locator("#claim-panel .weak-links")).to_have_attribute("open", "")
    assert _active(
        page, "a.matches('#claim-panel .weak-links .link--weak button[value=dismissed]')"
    )


class Held:
    """Requests held back, as a slow phone network would, until the test lets them go."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def __call__(self, route: Route) -> None:
        self.routes.append(route)

    def release(self, page: Page) -> None:
        for _ in range(50):
            if self.routes:
                break
            page.wait_for_timeout(100)
        assert self.routes, "no request was held"
        while self.routes:
            self.routes.pop().continue_()


@LANGUAGES
@VIEWPORTS
def test_request_feedback_while_a_response_is_on_its_way(
    page: Page, live_server, story, output_path, language, viewport
):
    _open_story(page, live_server, story, viewport, language)
    bar = page.locator(".request-bar")
    panel = page.locator("#claim-panel")
    expect(bar).to_be_hidden()

    held = Held()
    page.route(re.compile(r"/claims/\d+/$"), held)
    claim = page.locator("#story-view .columns a.claim").nth(1)
    claim.click()
    # At once, before any answer: the claim is pending, the panel busy, the bar shown.
    expect(claim).to_have_class(re.compile(r"\bis-pending\b"))
    expect(panel).to_have_attribute("aria-busy", "true")
    expect(bar).to_be_visible()
    expect(bar).to_have_css("opacity", "1")
    page.screenshot(
        path=f"{_folder(output_path)}/request-pending-{language}-{viewport['width']}.png"
    )
    page.wait_for_timeout(1000)  # a slow network: still pending a second later
    expect(panel).to_have_attribute("aria-busy", "true")
    held.release(page)
    expect(panel.locator(".claim-detail")).to_have_attribute(
        "data-claim-id", claim.get_attribute("data-claim-id")
    )
    expect(panel).not_to_have_attribute("aria-busy", "true")
    expect(claim).not_to_have_class(re.compile(r"\bis-pending\b"))
    expect(bar).to_be_hidden()
    page.unroute(re.compile(r"/claims/\d+/$"))

    # A tab: marked at once, the story view busy until it comes.
    tabs = Held()
    page.route(re.compile(r"\?tab=contradictions$"), tabs)
    tab = page.locator(".tabs a[href$='?tab=contradictions']")
    tab.click()
    expect(tab).to_have_class(re.compile(r"\bis-pending\b"))
    expect(page.locator("#story-view")).to_have_attribute("aria-busy", "true")
    expect(bar).to_be_visible()
    tabs.release(page)
    expect(page.locator("#tab-contradictions-title")).to_be_visible()
    expect(page.locator("#story-view")).not_to_have_attribute("aria-busy", "true")
    expect(bar).to_be_hidden()


def test_reduced_motion_keeps_the_bar_still(browser: Browser, live_server, story):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    _open_story(page, live_server, story, {"width": 1366, "height": 900}, "en")
    held = Held()
    page.route(re.compile(r"/claims/\d+/$"), held)
    page.locator("#story-view .columns a.claim").first.click()
    bar = page.locator(".request-bar")
    expect(bar).to_be_visible()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.request-bar')).animationName")
        == "none"
    )
    held.release(page)
    expect(bar).to_be_hidden()
    context.close()


@LANGUAGES
@VIEWPORTS
def test_re_running_the_engine_asks_first(
    page: Page, live_server, story, output_path, language, viewport
):
    _open_story(page, live_server, story, viewport, language, user="boss")
    posted: list[str] = []
    page.on(
        "request",
        lambda request: posted.append(request.method) if "/realign/" in request.url else None,
    )
    questions: list[str] = []

    def answer(accept: bool):
        def handle(dialog):
            questions.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        return handle

    button = page.locator(".realign-form button")
    # Dismissed: nothing is sent.
    page.once("dialog", answer(False))
    button.click()
    page.wait_for_timeout(500)
    assert len(questions) == 1 and questions[0]
    if language == "en":
        assert questions[0].startswith("Re-run the engine on this story?")
    assert posted == []
    expect(page).to_have_url(re.compile(r"/stories/harbour/$"))

    # Accepted: the engine re-runs and the page reloads with the message.
    page.once("dialog", answer(True))
    button.click()
    # The first re-run in a process loads the engine: it may take a while.
    expect(page.locator(".messages .notice--success")).to_be_visible(timeout=60_000)
    if language == "en":
        expect(page.locator(".messages")).to_contain_text("The engine re-ran")
    assert posted == ["POST"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@LANGUAGES
def test_re_running_without_javascript_goes_through_a_confirmation_page(
    browser: Browser, live_server, story, output_path, language
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    _login(page, live_server, "boss", language)
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    page.locator(".realign-form button").click()
    expect(page).to_have_url(re.compile(r"/stories/harbour/realign/\??$"))
    expect(page.locator("#realign-title")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=f"{_folder(output_path)}/realign-confirm-{language}-390.png")
    page.locator(".confirm__actions button").click(timeout=60_000)
    expect(page).to_have_url(re.compile(r"/stories/harbour/$"), timeout=60_000)
    expect(page.locator(".messages .notice--success")).to_be_visible()
    context.close()
