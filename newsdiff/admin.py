"""The admin: a maintenance view of every model. Writes to claims and links belong to
services (story_realign), so those two are read-mostly here. An edit here of what a story page
shows (outlets, articles, claims, links) gives the stories it touches a new revision, so that
no process serves their pages as they were (selectors.story_page_get)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import Count, Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from newsdiff import services
from newsdiff.models import (
    Article,
    Claim,
    ClaimLink,
    IngestBatch,
    IngestItem,
    LinkReview,
    Outlet,
    Story,
    StoryEdit,
)


class StoryRevisingAdmin(admin.ModelAdmin):
    """Gives the stories an edit or deletion touches (before and after it) a new revision."""

    def story_ids(self, queryset: QuerySet[Any]) -> set[int]:
        """The stories of the selected rows (of a model with a story field)."""
        return set(queryset.values_list("story_id", flat=True))

    def _touched(self, obj: Model) -> set[int]:
        if obj.pk is None:
            return set()
        return self.story_ids(self.model._default_manager.filter(pk=obj.pk))

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        before = self._touched(obj)
        super().save_model(request, obj, form, change)
        services.stories_revise(story_ids=before | self._touched(obj))

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        touched = self._touched(obj)
        super().delete_model(request, obj)
        services.stories_revise(story_ids=touched)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        touched = self.story_ids(queryset)
        super().delete_queryset(request, queryset)
        services.stories_revise(story_ids=touched)


@admin.register(Outlet)
class OutletAdmin(StoryRevisingAdmin):
    list_display = [
        "name",
        "native_name",
        "domain",
        "language",
        "country",
        "provisional",
        "article_count",
        "created_at",
    ]
    # "provisional": the outlets ingestion named from what a page showed, to confirm,
    # rename (edit) or merge into the real one.
    list_filter = ["provisional", "language", "country"]
    search_fields = ["name", "native_name", "domain", "aliases"]
    # The article count's GROUP BY drops Meta.ordering, so it is repeated here.
    ordering = ["name"]
    actions = ["confirm_outlets", "merge_outlets"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Outlet]:
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    def story_ids(self, queryset: QuerySet[Any]) -> set[int]:
        outlet_ids = list(queryset.values_list("pk", flat=True))
        return set(
            Article.objects.filter(outlet_id__in=outlet_ids).values_list("story_id", flat=True)
        )

    @admin.action(description=_("Confirm the selected outlets (no longer provisional)"))
    def confirm_outlets(self, request: HttpRequest, queryset: QuerySet[Outlet]) -> None:
        confirmed = services.outlets_confirm(outlets=list(queryset))
        self.message_user(request, _("Confirmed %(n)d outlets.") % {"n": confirmed})

    @admin.action(
        description=_(
            "Merge the selected outlets into one (the confirmed one, else the one with most "
            "articles)"
        )
    )
    def merge_outlets(self, request: HttpRequest, queryset: QuerySet[Outlet]) -> None:
        outlets = sorted(
            queryset,
            key=lambda o: (o.provisional, -o.article_total, o.pk),  # type: ignore[attr-defined]
        )
        if len(outlets) < 2:
            self.message_user(request, _("Select two outlets or more to merge."), "warning")
            return
        if sum(1 for o in outlets if not o.provisional) > 1:
            self.message_user(
                request,
                _("Only one of the outlets to merge may be confirmed: it is the one kept."),
                "error",
            )
            return
        into = services.outlets_merge(into=outlets[0], others=outlets[1:])
        self.message_user(
            request,
            _("Merged %(n)d outlets into %(name)s.") % {"n": len(outlets) - 1, "name": into.name},
        )

    @admin.display(description=_("articles"), ordering="article_total")
    def article_count(self, outlet: Outlet) -> int:
        return outlet.article_total  # type: ignore[attr-defined]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "article_count", "updated_at", "created_at"]
    search_fields = ["title", "slug"]
    list_filter = ["updated_at"]
    date_hierarchy = "updated_at"
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["-updated_at"]

    actions = ["realign_stories"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Story]:
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.action(
        description=_("Re-run the engine on the selected stories"), permissions=["realign"]
    )
    def realign_stories(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        for story in queryset:
            services.story_realign(story=story)
        self.message_user(request, _("Re-ran the engine on %(n)d stories.") % {"n": len(queryset)})

    def has_realign_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("newsdiff.realign_story")

    @admin.display(description=_("articles"), ordering="article_total")
    def article_count(self, story: Story) -> int:
        return story.article_total  # type: ignore[attr-defined]


@admin.register(Article)
class ArticleAdmin(StoryRevisingAdmin):
    list_display = ["__str__", "outlet", "story", "language", "published_at", "copy_of"]
    list_filter = ["language", "outlet", "published_at"]
    list_select_related = ["outlet", "story", "copy_of__outlet"]
    search_fields = ["title", "clean_text", "url", "outlet__name", "story__title"]
    autocomplete_fields = ["outlet"]
    raw_id_fields = ["story", "copy_of"]
    date_hierarchy = "published_at"
    readonly_fields = ["content_hash", "created_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Claim)
class ClaimAdmin(StoryRevisingAdmin):
    list_display = ["__str__", "article", "position", "attribution"]
    list_filter = ["article__language", "article__outlet"]
    list_select_related = ["article__outlet"]
    # normalized lets people search without diacritics or hamza forms.
    search_fields = ["text", "normalized", "attribution", "article__story__title"]
    raw_id_fields = ["article"]

    def story_ids(self, queryset: QuerySet[Any]) -> set[int]:
        return set(queryset.values_list("article__story_id", flat=True))

    # An edited or deleted claim: the processes that keep its article's claims in memory read
    # them again (services.article_claims_changed).
    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        before = set(Claim.objects.filter(pk=obj.pk).values_list("article_id", flat=True))
        super().save_model(request, obj, form, change)
        services.article_claims_changed(article_ids=before | {obj.article_id})  # type: ignore[attr-defined]

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        article_id = obj.article_id  # type: ignore[attr-defined]
        super().delete_model(request, obj)
        services.article_claims_changed(article_ids=[article_id])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        article_ids = set(queryset.values_list("article_id", flat=True))
        super().delete_queryset(request, queryset)
        services.article_claims_changed(article_ids=article_ids)


@admin.register(ClaimLink)
class ClaimLinkAdmin(StoryRevisingAdmin):
    list_display = [
        "__str__",
        "story",
        "relation",
        "review",
        "similarity",
        "score",
        "reason",
        "engine_version",
    ]
    list_filter = ["relation", "reason", "review", "engine_version"]
    list_select_related = ["story"]
    search_fields = ["claim_a__text", "claim_b__text", "story__title"]
    raw_id_fields = ["story", "article_a", "article_b", "claim_a", "claim_b"]
    readonly_fields = ["created_at"]


@admin.register(LinkReview)
class LinkReviewAdmin(admin.ModelAdmin):
    list_display = ["__str__", "story", "relation", "decision", "reviewer", "created_at"]
    list_filter = ["decision", "relation", "created_at"]
    list_select_related = ["story", "reviewer"]
    search_fields = ["note", "claim_a__text", "claim_b__text", "story__title", "reviewer__username"]
    raw_id_fields = ["story", "claim_a", "claim_b", "reviewer"]
    readonly_fields = ["created_at"]


ITEM_FIELDS = ("position", "source", "status", "message", "article", "claim_count")


class IngestItemInline(admin.TabularInline):
    model = IngestItem
    fields = ITEM_FIELDS
    readonly_fields = ITEM_FIELDS
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(IngestBatch)
class IngestBatchAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "outlet_name",
        "story_slug",
        "status",
        "percent",
        "created_by",
        "created_at",
    ]
    list_filter = ["status", "created_at"]
    list_select_related = ["created_by"]
    search_fields = ["outlet_name", "story_slug", "items__source"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["created_at", "finished_at"]
    inlines = [IngestItemInline]


@admin.register(IngestItem)
class IngestItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "batch", "position", "status", "article", "claim_count"]
    list_filter = ["status"]
    list_select_related = ["batch", "article__outlet"]
    search_fields = ["source", "message"]
    raw_id_fields = ["batch", "article"]
    # The payload can be a whole document; it is not worth rendering in a form.
    exclude = ["payload"]


@admin.register(StoryEdit)
class StoryEditAdmin(admin.ModelAdmin):
    """Editors' merges, splits, moves and renames: an audit trail, read only (the story
    management screen writes it through services)."""

    list_display = ["action", "story_title", "other_title", "editor", "created_at"]
    list_filter = ["action", "created_at"]
    list_select_related = ["editor"]
    search_fields = ["story_title", "story_slug", "other_title", "other_slug", "editor__username"]
    readonly_fields = [
        "story",
        "story_slug",
        "story_title",
        "other_story",
        "other_slug",
        "other_title",
        "action",
        "detail",
        "editor",
        "created_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
