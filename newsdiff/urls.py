from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path, register_converter
from django.urls.converters import StringConverter
from django.views import View

from newsdiff import manage_views, views


class StorySlugConverter(StringConverter):
    """A story's slug as services.story_create makes it (slugify with allow_unicode):
    letters of any script, digits, "-" and "_". Anything else (a NUL, a space, a percent
    sign left by an undecodable byte) cannot name a story, so it is a 404 before any query:
    PostgreSQL refuses a NUL in a query parameter outright."""

    regex = r"[-\w]+"


register_converter(StorySlugConverter, "story_slug")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.story_list, name="story_list"),
    path("stories/<story_slug:slug>/", views.story_detail, name="story_detail"),
    path("stories/<story_slug:slug>/realign/", views.story_realign_create, name="story_realign"),
    path("stories/<story_slug:slug>/manage/", manage_views.story_manage, name="story_manage"),
    path(
        "stories/<story_slug:slug>/manage/rename/",
        manage_views.story_rename_create,
        name="story_rename",
    ),
    path(
        "stories/<story_slug:slug>/manage/merge/",
        manage_views.story_merge_create,
        name="story_merge",
    ),
    path(
        "stories/<story_slug:slug>/manage/split/",
        manage_views.story_split_create,
        name="story_split",
    ),
    path(
        "stories/<story_slug:slug>/manage/move/",
        manage_views.story_article_move_create,
        name="story_article_move",
    ),
    path("claims/<int:claim_id>/", views.claim_detail, name="claim_detail"),
    path("links/<int:link_id>/review/", views.link_review_create, name="link_review_create"),
    path("articles/<int:article_id>/", views.article_detail, name="article_detail"),
    path("", include("newsdiff.urls_team")),
    path("accounts/login/", views.login, name="login"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]


def _auth_paths(views: list[tuple[str, type[View[Any]], str]]) -> list[URLPattern]:
    return [path(f"accounts/{route}", view.as_view(), name=name) for route, view, name in views]


urlpatterns += _auth_paths(
    [
        ("logout/", auth_views.LogoutView, "logout"),
        ("password_change/", auth_views.PasswordChangeView, "password_change"),
        ("password_change/done/", auth_views.PasswordChangeDoneView, "password_change_done"),
    ]
)
# Password reset mails a link: offered only where mail can be sent (settings.EMAIL_HOST).
if settings.PASSWORD_RESET_ENABLED:
    urlpatterns += _auth_paths(
        [
            ("password_reset/", auth_views.PasswordResetView, "password_reset"),
            ("password_reset/done/", auth_views.PasswordResetDoneView, "password_reset_done"),
            (
                "reset/<uidb64>/<token>/",
                auth_views.PasswordResetConfirmView,
                "password_reset_confirm",
            ),
            ("reset/done/", auth_views.PasswordResetCompleteView, "password_reset_complete"),
        ]
    )
