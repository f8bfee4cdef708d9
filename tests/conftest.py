"""Shared test set-up: fast hashing, seed texts, and a Chromium for browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

# pytest-django's live_server runs beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_EREM = SEEDS / "000_74628de6391d590b.txt"
SEED_ROAYAH = SEEDS / "001_c616ab5195f9a13a.txt"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _fast_settings(settings: pytest.FixtureRequest) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Login throttling counts failures per client; tests log in through Client.login, which
    # passes no request. tests/test_deploy.py turns it on where it is the subject.
    settings.AXES_ENABLED = False
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # A request in Arabic leaves Arabic active on the thread (LocaleMiddleware activates the
    # reader's language and nothing deactivates it): every test starts in the default one.
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _claims_kept_cleared() -> Iterator[None]:
    # The claims a process keeps are of committed articles: a test's database is rolled back
    # or flushed after it, and a later test's article may take the same id. So are the
    # verdicts' inputs (which a story's new revision would retire anyway).
    from newsdiff import services

    services.claims_kept.clear()
    services.verdicts_kept.clear()
    yield
    services.claims_kept.clear()
    services.verdicts_kept.clear()


@pytest.fixture
def seed_texts() -> tuple[str, str]:
    return SEED_EREM.read_text(encoding="utf-8"), SEED_ROAYAH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, object]:
    # Debian's Chromium (Playwright cannot download its own browser here).
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def screenshot_dir(request: pytest.FixtureRequest, output_path: str) -> Iterator[Path]:
    path = Path(output_path)
    path.mkdir(parents=True, exist_ok=True)
    yield path
