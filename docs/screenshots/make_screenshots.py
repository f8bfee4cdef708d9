"""Make the README screenshots: English and Arabic, desktop and phone.

    .venv/bin/python docs/screenshots/make_screenshots.py

Builds a throw-away SQLite database, ingests what `make setup` ingests through the engine
(the two seed articles, and the demo story of fixtures/demo: four outlets, one fact in
conflict), serves the app on a local port and photographs, with Debian's Chromium:

- story-{en,ar}-{desktop,phone}.png: the seed story with a claim selected (one that
  another outlet agrees with);
- summary-{en,ar}-{desktop,phone}.png: the demo story's summary at the top of its page
  (what every outlet reports, the facts that differ);
- conflicts-{en,ar}-{desktop,phone}.png: its Contradictions tab, one entry per fact in
  conflict with its sides grouped by value.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
SEEDS = ROOT / "fixtures" / "seeds"
DEMO_DIR = ROOT / "fixtures" / "demo"
DEMO_SLUG = "port-cranes"
# The demo articles' outlets and dates, as the Makefile ingests them (fixtures/demo/README.md).
DEMO = (
    ("Sky Harbour", "2026-09-01"),
    ("Gulf Daily", "2026-09-02"),
    ("Coast Post", "2026-09-03"),
    ("Harbour Times", "2026-09-04"),
)
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
PASSWORD = "screenshots-only"


def shoot(page, name: str, selector: str = "") -> None:
    """A picture of the viewport, or of one element of the page."""
    target = OUT / f"{name}.png"
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    if selector:
        page.locator(selector).screenshot(path=str(target))
    else:
        page.screenshot(path=str(target))
    print(target.relative_to(ROOT))


def main() -> None:
    database = Path(tempfile.mkdtemp()) / "screenshots.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    from newsdiff import services
    from newsdiff.models import Story
    from tests.builders import user_create_for_test

    call_command("migrate", verbosity=0)
    # As `make run` does: the seed outlets with their native names, then the seeds.
    call_command("loaddata", str(ROOT / "fixtures" / "outlets.json"), verbosity=0)
    for seed in sorted(SEEDS.glob("*.txt")):
        services.article_ingest(raw_text=seed.read_text(encoding="utf-8"))
    story = Story.objects.get()
    for number, (outlet, published) in enumerate(DEMO, start=1):
        (text,) = DEMO_DIR.glob(f"{number}-*.txt")
        services.article_ingest(
            raw_text=text.read_text(encoding="utf-8"),
            outlet_name=outlet,
            story_slug=DEMO_SLUG,
            published=dt.date.fromisoformat(published),
        )
    demo = Story.objects.get(slug=DEMO_SLUG)
    user_create_for_test(username="editor", password=PASSWORD, role="Editor")

    from django.db import connections

    server = LiveServerThread("127.0.0.1", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base = f"http://127.0.0.1:{server.port}"

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            for language in ("en", "ar"):
                for name, (width, height) in SIZES.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=1,
                        is_mobile=name == "phone",
                        has_touch=name == "phone",
                    )
                    context.add_cookies(
                        [{"name": "django_language", "value": language, "url": base}]
                    )
                    page = context.new_page()
                    page.goto(f"{base}/accounts/login/")
                    page.fill("input[name=username]", "editor")
                    page.fill("input[name=password]", PASSWORD)
                    page.click("form.login__form button[type=submit]")
                    page.wait_for_selector(".account__user")
                    page.goto(f"{base}{story.get_absolute_url()}")
                    # The first claim another outlet agrees with: its counterpart in the
                    # next column is highlighted too.
                    claim = page.locator(".columns a.claim--agreed[data-linked]").first
                    claim.click()
                    page.wait_for_selector("#claim-panel .claim-detail")
                    page.mouse.move(0, 0)
                    page.wait_for_timeout(800)
                    # On a phone the panel stacks under the columns and the page scrolls
                    # to it; the picture shows the top of the page with the selection.
                    page.wait_for_timeout(700)
                    page.evaluate("document.documentElement.scrollTop = 0")
                    page.wait_for_timeout(300)
                    shoot(page, f"story-{language}-{name}")
                    # The demo story: its summary, then its conflicts.
                    page.goto(f"{base}{demo.get_absolute_url()}")
                    page.wait_for_selector("details.summary tr.summary__row")
                    shoot(page, f"summary-{language}-{name}", "details.summary")
                    page.goto(f"{base}{demo.get_absolute_url()}?tab=contradictions")
                    page.wait_for_selector("section.group[data-conflict]")
                    page.evaluate("document.querySelector('.tab-panel').scrollIntoView()")
                    shoot(page, f"conflicts-{language}-{name}")
                    context.close()
            browser.close()
    finally:
        server.terminate()
        connections.close_all()


if __name__ == "__main__":
    main()
