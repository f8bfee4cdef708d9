"""The story at a glance in Chromium: the summary table, one conflict per fact with its sides
grouped by value, the fact-by-fact rows, and no page wider than a phone.

The story is written for the tests: four outlets report a crane deal; three give it as $10
million, one as $20 million, and a weak agreement joins the $20 million claim to another claim
of an outlet that gives $10 million (the link that used to merge both sides into one group).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from newsdiff.models import Relation, Story
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

pytestmark = pytest.mark.browser

PASSWORD = "summary-test-pw"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def deal_story(transactional_db) -> Story:
    day = timezone.make_aware(dt.datetime(2026, 9, 1, 9, 0))
    story = story_create_for_test(title="صفقة رافعات ميناء الساحل", slug="cranes")
    sky, gulf, harbour, coast = (
        outlet_create_for_test(name=name, native_name=native)
        for name, native in (
            ("Sky Harbour", "سكاي هاربر"),
            ("Gulf Daily", "الخليج اليومية"),
            ("Harbour Times", ""),
            ("Coast Post", "بريد الساحل"),
        )
    )
    claims = {}
    for n, (outlet, texts) in enumerate(
        (
            (sky, ["وقعت الهيئة صفقة بقيمة 10 ملايين دولار.", "تشمل الصفقة بنادق AK-74."]),
            (gulf, ["أعلنت الهيئة صفقة بقيمة 10 ملايين دولار.", "تشمل الصفقة بنادق AK-74."]),
            (harbour, ["The authority signed a $10 million deal."]),
            (coast, ["قالت مصادر إن قيمة الصفقة 20 مليون دولار.", "انتقد نائب كلفة الصفقة."]),
        )
    ):
        _, made = article_with_claims(
            story=story, outlet=outlet, published_at=day + dt.timedelta(hours=n), claims=texts
        )
        claims[outlet.name] = made
    (sky_deal, sky_ak), (gulf_deal, gulf_ak) = claims["Sky Harbour"], claims["Gulf Daily"]
    (harbour_deal,) = claims["Harbour Times"]
    coast_deal, _ = claims["Coast Post"]
    for a, b in ((sky_deal, gulf_deal), (gulf_deal, harbour_deal), (sky_ak, gulf_ak)):
        link(a, b, score=0.9)
    link(coast_deal, sky_ak, score=0.3)  # weak: never joins the two values
    for other in (sky_deal, gulf_deal, harbour_deal):
        link(
            other,
            coast_deal,
            relation=Relation.CONTRADICTION,
            score=0.9,
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
    user_create_for_test(username="summary-editor", password=PASSWORD, role="Editor")
    return verdicts_store(story)


def _open(page: Page, live_server, language: str, size: str, path: str) -> None:
    page.set_default_timeout(10_000)
    page.set_viewport_size(SIZES[size])
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "summary-editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login__form button[type=submit]")
    expect(page.locator(".account__user")).to_be_visible()
    page.goto(f"{live_server.url}{path}")


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth"), width


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", list(SIZES))
def test_summary_shows_the_fact_in_conflict_with_each_value_and_its_outlets(
    page: Page, live_server, deal_story, language, size
):
    assert (deal_story.contradiction_count, deal_story.disputed_count) == (1, 0)
    _open(page, live_server, language, size, deal_story.get_absolute_url())
    summary = page.locator("details.summary")
    expect(summary).to_have_attribute("open", "")
    rows = summary.locator("tr.summary__row")
    expect(rows).to_have_count(1)
    values = rows.first.locator("ol.values > li")
    expect(values).to_have_count(2)
    expect(values.nth(0)).to_contain_text("10 ملايين دولار")
    for name in ("Sky Harbour", "Gulf Daily", "Harbour Times"):
        native = {"Sky Harbour": "سكاي هاربر", "Gulf Daily": "الخليج اليومية"}.get(name, name)
        expect(values.nth(0)).to_contain_text(native)
    expect(values.nth(1)).to_contain_text("20 مليون دولار")
    expect(values.nth(1)).to_contain_text("بريد الساحل")
    expect(values.nth(1)).not_to_contain_text("سكاي هاربر")
    # Who gave each value first, with the time.
    expect(values.nth(0).locator(".side__first")).to_contain_text("سكاي هاربر")
    expect(values.nth(1).locator(".side__first time")).to_have_count(1)
    _fits(page)
    # The summary row leads to the conflict in the Contradictions tab.
    rows.first.locator("th a").click()
    expect(page.locator("section.group[data-conflict]")).to_have_count(1)
    _fits(page)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_changed_value_is_one_conflict_with_two_sides(
    page: Page, live_server, deal_story, language, size
):
    _open(page, live_server, language, size, f"{deal_story.get_absolute_url()}?tab=contradictions")
    conflicts = page.locator("section.group[data-conflict]")
    expect(conflicts).to_have_count(1)
    sides = conflicts.first.locator("ol.sides > li.side")
    expect(sides).to_have_count(2)
    expect(sides.nth(0).locator("a.claim")).to_have_count(3)
    expect(sides.nth(1).locator("a.claim")).to_have_count(1)
    expect(sides.nth(1)).to_contain_text("20 مليون دولار")
    # The weak agreement joined nothing: the AK-74 claims are not on either side.
    expect(conflicts.first).not_to_contain_text("AK-74")
    _fits(page)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", list(SIZES))
def test_fact_by_fact_rows_put_the_conflict_first_and_leave_unreported_cells_empty(
    page: Page, live_server, deal_story, language, size
):
    _open(page, live_server, language, size, f"{deal_story.get_absolute_url()}?tab=rows")
    rows = page.locator("table.aligned tbody tr")
    expect(rows.first).to_have_attribute("data-conflict", "contradiction")
    # The outlets that differ come first: Coast Post's column is among the four shown and
    # its cell is the one marked as differing.
    differs = rows.first.locator("td.aligned__cell--differs")
    expect(differs).to_have_count(1)
    expect(differs).to_contain_text("20 مليون دولار")
    # The AK-74 row: Harbour Times and Coast Post do not report it.
    ak = rows.filter(has_text="AK-74")
    expect(ak).to_have_count(1)
    expect(ak.locator("td.aligned__cell--none")).to_have_count(2)
    # "AK-74" stays whole inside the Arabic sentence (direction isolation).
    expect(ak.locator("a.claim").first).to_contain_text("AK-74")
    _fits(page)
    if size == "phone":
        # A card per fact: each cell names its outlet.
        expect(rows.first.locator(".aligned__outlet").first).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", list(SIZES))
def test_no_story_page_is_wider_than_the_screen(
    page: Page, live_server, deal_story, language, size
):
    _open(page, live_server, language, size, "/")
    _fits(page)
    base = deal_story.get_absolute_url()
    tabs = ("", "rows", "agreements", "contradictions", "only-here", "matrix", "timeline")
    for tab in tabs:
        page.goto(f"{live_server.url}{base}{'?tab=' + tab if tab else ''}")
        _fits(page)
        # Every tab stays reachable: the Timeline tab (the last) can be clicked.
        expect(page.locator(".tabs a[href$='?tab=timeline']")).to_be_visible()
    page.locator(".tabs a[href$='?tab=timeline']").click()
    expect(page.locator(".timeline")).to_be_visible()
    page.goto(f"{live_server.url}{base}")
    claim = page.locator(".columns a.claim").first
    page.goto(f"{live_server.url}{claim.get_attribute('href')}")
    _fits(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_phone_panel_opens_over_the_page_without_jumping_and_closes(
    page: Page, live_server, deal_story, language
):
    _open(page, live_server, language, "phone", deal_story.get_absolute_url())
    claim = page.locator(".columns a.claim").nth(2)
    claim.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    claim.click()
    panel = page.locator("#claim-panel")
    expect(panel.locator(".claim-detail")).to_be_visible()
    assert panel.evaluate("el => getComputedStyle(el).position") == "fixed"
    assert abs(page.evaluate("window.scrollY") - before) < 200
    panel.locator(".panel-close").click()
    expect(panel.locator(".claim-detail")).to_have_count(0)
    _fits(page)
