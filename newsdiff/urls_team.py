"""Routes of the researchers' and admins' screens: uploads, batches and exports."""

from __future__ import annotations

from django.urls import URLPattern, path, re_path

from newsdiff import team_views

urlpatterns: list[URLPattern] = [
    path("upload/", team_views.upload, name="upload"),
    path("batches/<int:batch_id>/", team_views.batch_detail, name="batch_detail"),
    path("batches/<int:batch_id>/progress.json", team_views.batch_progress, name="batch_progress"),
    path("stories/<story_slug:slug>/export/", team_views.story_export, name="story_export"),
    re_path(
        r"^stories/(?P<slug>[-\w]+)/export\.(?P<fmt>csv|xlsx|json)$",
        team_views.story_download,
        name="story_download",
    ),
    path("export/", team_views.stories_export, name="stories_export"),
    re_path(
        r"^export/stories\.(?P<fmt>csv|xlsx|json)$",
        team_views.stories_download,
        name="stories_download",
    ),
    path("api/stories/<story_slug:slug>.json", team_views.story_api, name="story_api"),
]
