"""The 403, 404 and 500 pages as a visitor sees them with DEBUG off: translated, and in the
app's own look (403 and 404 in base.html; 500 standing alone, without a request)."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.builders import user_create_for_test

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("debug_off")]

WORDS = {
    # language: (404 title, 403 title, 500 title, back link)
    "en": ("Page not found", "Not allowed", "Something went wrong", "Back to the stories"),
    "ar": ("الصفحة غير موجودة", "غير مسموح", "حدث خطأ", "العودة إلى القصص"),
}
LANGUAGES = pytest.mark.parametrize("language", ["en", "ar"])


@pytest.fixture
def debug_off():
    with override_settings(DEBUG=False):
        yield


def signed_in(role: str, language: str, **client_options: object) -> Client:
    client = Client(**client_options)
    client.force_login(user_create_for_test(role=role))
    client.cookies["django_language"] = language
    return client


def page_of(response) -> str:
    html = response.content.decode()
    assert 'rel="stylesheet"' in html and "newsdiff/css/newsdiff.css" in html
    return html


@LANGUAGES
def test_unknown_story_is_a_translated_404(language: str) -> None:
    client = signed_in("Editor", language)
    response = client.get(reverse("story_detail", kwargs={"slug": "no-such-story"}))
    assert response.status_code == 404
    html = page_of(response)
    title, _, _, back = WORDS[language]
    assert title in html and back in html
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language == "ar")
    # In the app's frame: its header and navigation, the path asked for shown left to right.
    assert 'class="site-header"' in html and 'class="site-nav"' in html
    assert '<code dir="ltr">/stories/no-such-story/</code>' in html


@LANGUAGES
def test_404_by_accept_language_for_a_visitor(language: str) -> None:
    response = Client().get("/no/such/page/", headers={"Accept-Language": language})
    assert response.status_code == 404
    assert WORDS[language][0] in page_of(response)


@LANGUAGES
def test_page_without_the_permission_is_a_translated_403(language: str) -> None:
    # A researcher exports but does not upload.
    client = signed_in("Researcher", language)
    response = client.get(reverse("upload"))
    assert response.status_code == 403
    html = page_of(response)
    _, title, _, back = WORDS[language]
    assert title in html and back in html
    assert 'class="site-header"' in html


@LANGUAGES
def test_post_without_the_permission_is_a_translated_403(language: str) -> None:
    client = signed_in("Researcher", language)
    response = client.post(reverse("upload"), {"text": "Some text to ingest, three words."})
    assert response.status_code == 403
    assert WORDS[language][1] in page_of(response)


@LANGUAGES
def test_failing_view_is_a_translated_500(language: str, monkeypatch) -> None:
    def broken(**kwargs: object) -> int:
        raise RuntimeError("the upload page broke")

    monkeypatch.setattr("newsdiff.team_views.services.workers_alive", broken)
    client = signed_in("Admin", language, raise_request_exception=False)
    response = client.get(reverse("upload"))
    assert response.status_code == 500
    html = page_of(response)
    _, _, title, back = WORDS[language]
    assert title in html and back in html
    assert f'lang="{language}"' in html
    # Standing alone: no user, no form that would need a CSRF token.
    assert "the upload page broke" not in html
    assert "<form" not in html and "csrfmiddlewaretoken" not in html
    assert f'href="{reverse("story_list")}"' in html
