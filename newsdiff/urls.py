from django.contrib import admin
from django.urls import include, path

from newsdiff import views

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("stories/<str:slug>/", views.story_detail, name="story_detail"),
    path("stories/<str:slug>/realign/", views.story_realign_create, name="story_realign"),
    path("claims/<int:claim_id>/", views.claim_detail, name="claim_detail"),
    path("links/<int:link_id>/review/", views.link_review_create, name="link_review_create"),
    path("articles/<int:article_id>/", views.article_detail, name="article_detail"),
    path("", include("newsdiff.urls_team")),
    path("accounts/login/", views.login, name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
