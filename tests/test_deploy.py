"""Production settings: the README's deployment environment passes `check --deploy`, the
development key is refused with DEBUG off, logins are throttled, every page carries a
Content-Security-Policy, and password reset exists only where mail can be sent."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.builders import user_create_for_test

BASE_DIR = Path(__file__).resolve().parent.parent


def readme_production_environment() -> dict[str, str]:
    """The variables of the `export DEBUG=false ...` block of the README's "Deploying"."""
    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Deploying", 1)[1]
    block = re.search(r"^    export (.+?)\n(?!           )", section, re.M | re.S)
    assert block, "the README's Deploying section has no export block"
    words = shlex.split(block.group(1).replace("\\\n", " "))
    return dict(word.split("=", 1) for word in words)


def _manage(args: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Only the given variables (and PATH): the checkout's .env may ask for DEBUG, the given
    # environment wins over it.
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_readme_environment_passes_check_deploy() -> None:
    environment = readme_production_environment()
    assert environment["DEBUG"] == "false"
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", ["", "dev-only-insecure-key"])
def test_no_start_without_a_real_key_when_debug_is_off(key: str) -> None:
    environment = {**readme_production_environment(), "SECRET_KEY": key}
    result = _manage(["check"], environment)
    assert result.returncode != 0
    assert "SECRET_KEY must be set to a long random string when DEBUG is off" in result.stderr


@pytest.mark.django_db
def test_logins_are_throttled(settings) -> None:
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    user_create_for_test(username="editor-x", password="right-password-1", role="Editor")
    client = Client(REMOTE_ADDR="203.0.113.9")
    url = reverse("login")
    for _ in range(3):
        response = client.post(url, {"username": "editor-x", "password": "wrong"})
        assert response.status_code in (200, 429)
    # Locked out: even the right password is refused, with the lock-out page.
    response = client.post(url, {"username": "editor-x", "password": "right-password-1"})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from that address is not locked.
    user_create_for_test(username="editor-y", password="right-password-2", role="Editor")
    response = client.post(url, {"username": "editor-y", "password": "right-password-2"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_every_page_carries_a_content_security_policy(client: Client) -> None:
    client.force_login(user_create_for_test())
    response = client.get(reverse("story_list"))
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";")) if part
    )
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    # htmx is told not to inject its style element, which the policy would block.
    assert '"includeIndicatorStyles": false' in response.content.decode()


@pytest.mark.django_db
def test_password_reset_only_with_mail(client: Client) -> None:
    # No EMAIL_HOST here: no reset page, and no link to one.
    assert client.get("/accounts/password_reset/").status_code == 404
    environment = {**readme_production_environment(), "EMAIL_HOST": "smtp.example.org"}
    script = "from django.urls import reverse; print(reverse('password_reset'))"
    result = _manage(["shell", "-v", "0", "-c", script], environment)
    assert result.stdout.strip() == "/accounts/password_reset/", result.stderr
