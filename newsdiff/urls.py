from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from django.urls.converters import StringConverter

from newsdiff import views


class StorySlugConverter(StringConverter):
    """A story's slug as services.story_create makes it (slugify with allow_unicode):
    letters of any script, digits, "-" and "_". Anything else (a NUL, a space, a percent
    sign left by an undecodable byte) cannot name a story, so it is a 404 before any query:
    PostgreSQL refuses a NUL in a query parameter outright."""

    regex = r"[-\w]+"


register_converter(StorySlugConverter, "story_slug")

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("stories/<story_slug:slug>/", views.story_detail, name="story_detail"),
    path("stories/<story_slug:slug>/realign/", views.story_realign_create, name="story_realign"),
    path("claims/<int:claim_id>/", views.claim_detail, name="claim_detail"),
    path("links/<int:link_id>/review/", views.link_review_create, name="link_review_create"),
    path("articles/<int:article_id>/", views.article_detail, name="article_detail"),
    path("", include("newsdiff.urls_team")),
    path("accounts/login/", views.login, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Password reset mails a link: offered only where mail can be sent (settings.EMAIL_HOST).
if settings.PASSWORD_RESET_ENABLED:
    urlpatterns += [
        path(
            "accounts/password_reset/",
            auth_views.PasswordResetView.as_view(),
            name="password_reset",
        ),
        path(
            "accounts/password_reset/done/",
            auth_views.PasswordResetDoneView.as_view(),
            name="password_reset_done",
        ),
        path(
            "accounts/reset/<uidb64>/<token>/",
            auth_views.PasswordResetConfirmView.as_view(),
            name="password_reset_confirm",
        ),
        path(
            "accounts/reset/done/",
            auth_views.PasswordResetCompleteView.as_view(),
            name="password_reset_complete",
        ),
    ]
