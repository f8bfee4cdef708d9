"""The upload, export and batch pages and the 404 page in Chromium: on a phone and a desktop,
in English and Arabic, none wider than the screen; Arabic and the icons drawn with the
app's own fonts (static/newsdiff/fonts), not whatever the machine has."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from newsdiff import readers, services
from newsdiff.models import IngestBatch, Story
from tests.builders import user_create_for_test

pytestmark = pytest.mark.browser

PASSWORD = "browser-chrome-pw"
ARABIC = (
    "افتتحت وزارة الصحة مستشفى جديدا في مدينة الزرقاء يوم الأحد بسعة مئتي سرير.\n"
    "وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة."
)
ENGLISH = (
    "The regional water board cut supplies to three villages on Friday after a pipe burst.\n"
    "Engineers expect to finish the repairs by Sunday evening, the board said."
)
VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1366, "height": 900}]


@pytest.fixture
def batch(transactional_db) -> IngestBatch:
    # Committed (transactional_db): the live server reads through its own connection.
    uploader = user_create_for_test(username="uploader", password=PASSWORD, role="Admin")
    documents = [
        readers.read_pasted(ARABIC, source="zarqa-hospital-report-of-the-ministry-of-health.txt"),
        readers.read_pasted(ENGLISH, source="water.txt"),
        *readers.read_upload("scan.pdf", b"%PDF-1.7"),
        readers.file_too_large("a-very-long-file-name-for-an-archive-of-the-whole-month.zip"),
    ]
    batch = services.ingest_batch_create(documents=documents, created_by=uploader)
    for item_id in services.ingest_items_pending(batch_id=batch.pk):
        services.ingest_item_run(item_id=item_id, worker="test")
    return batch


@pytest.fixture
def uploader_page(page: Page, live_server, batch) -> Page:
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/")
    page.fill("input[name=username]", "uploader")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login__form button[type=submit]")
    expect(page.locator(".account__user")).to_contain_text("uploader")
    return page


def _fonts_used(page: Page, selector: str) -> list[dict[str, object]]:
    """The fonts Chromium actually drew a node's text with (DevTools' platform fonts)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


FONTS_LOADED = """async () => {
  await document.fonts.ready;
  const arabic = await document.fonts.load('16px "Newsdiff Arabic"', 'عربي');
  const icons = await document.fonts.load('16px "Newsdiff Icons"', '✓✗⚠⏱⧉↻');
  return {
    arabic: arabic.length,
    icons: icons.length,
    check: document.fonts.check('16px "Newsdiff Arabic"', 'عربي'),
  };
}"""


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: str(v["width"]))
def test_team_pages_fit_the_screen(
    uploader_page: Page, live_server, batch, output_path, language, viewport
) -> None:
    page = uploader_page
    page.set_viewport_size(viewport)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    arabic_story = Story.objects.get(articles__language="ar")
    pages = {
        "upload": reverse("upload"),
        "batch": reverse("batch_detail", kwargs={"batch_id": batch.pk}),
        "export": reverse("story_export", kwargs={"slug": arabic_story.slug}),
        "export-all": reverse("stories_export") + "?q=",
        "404": reverse("story_detail", kwargs={"slug": "no-such-story-anywhere-in-the-archive"}),
    }
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None
        assert response.status == (404 if name == "404" else 200), name
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.evaluate("document.fonts.ready")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.evaluate("window.innerWidth"), (name, width)
        folder = Path(output_path)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(folder / f"{name}-{language}-{viewport['width']}.png"), full_page=True
        )


def test_batch_report_in_arabic(uploader_page: Page, live_server, batch) -> None:
    page = uploader_page
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.goto(f"{live_server.url}{reverse('batch_detail', kwargs={'batch_id': batch.pk})}")
    rows = page.locator(".batch-items tbody tr")
    expect(rows).to_have_count(4)
    # Both pasted texts began a story of their own; the reasons read in Arabic.
    expect(page.locator(".badge--new-story")).to_have_count(2)
    expect(rows.nth(2)).to_contain_text("نوع ملف غير مدعوم")
    expect(rows.nth(3)).not_to_contain_text("larger than the upload limit")


def test_arabic_and_icons_come_from_the_app_fonts(uploader_page: Page, live_server, batch) -> None:
    page = uploader_page
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.goto(f"{live_server.url}{reverse('upload')}")
    loaded = page.evaluate(FONTS_LOADED)
    # One Arabic face for the regular text; the icons come from two files of one family.
    assert loaded == {"arabic": 1, "icons": 2, "check": True}
    # The heading's letters (its spaces are the system font's, outside the unicode-range).
    fonts = {f["familyName"]: f for f in _fonts_used(page, "h1")}
    naskh = fonts.pop("Noto Naskh Arabic")
    assert naskh["isCustomFont"] and naskh["glyphCount"] >= len("رفعالمقالات") - 2
    assert sum(f["glyphCount"] for f in fonts.values()) <= 2
    # An icon beside Latin text: the icon from the app's font, the words from the system's.
    page.set_content(
        '<link rel="stylesheet" href="/static/newsdiff/css/newsdiff.css"><p id="icons">⏱ ⧉ ✓</p>'
    )
    page.evaluate(FONTS_LOADED)
    families = {f["familyName"]: f["isCustomFont"] for f in _fonts_used(page, "#icons")}
    assert families.get("Noto Sans Symbols 2") is True
    assert families.get("Noto Sans Math") is True
