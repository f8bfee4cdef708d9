"""The story management screen: editors rename a story, merge it with another, split
articles out into a new story and move an article to another story, and read the story's
edit history (StoryEdit, the audit trail).

Function-based views as in views.py: each checks the permission, parses its input with a
form (manage_forms), calls a service and, on success, goes to the resulting story page with
a message saying what happened. With HX-Request a form with errors comes back as its own
partial, and a success is a client redirect; without JavaScript the whole screen is
rendered again with the errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import Form
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from newsdiff import services
from newsdiff.http import HtmxHttpRequest, search_text, story_or_redirect
from newsdiff.manage_forms import (
    ArticleMoveForm,
    MergeDirection,
    StoryMergeForm,
    StoryRenameForm,
    StorySplitForm,
)
from newsdiff.models import Article, Story, StoryEdit
from newsdiff.permissions import MANAGE, permission_required

# The merge and move forms list this many other stories, most recently updated first (the
# search box narrows them).
STORY_CHOICES = 50
# The screen shows this many of the story's edits, newest first.
HISTORY_SHOWN = 50
# Each form's partial in story_manage.html, by the id of the section it replaces.
FORM_PARTIALS = {
    "manage-rename": "rename-form",
    "manage-merge": "merge-form",
    "manage-split": "split-form",
    "manage-move": "move-form",
}


def _isolated(text: str) -> str:
    """A title inside a sentence of a message, kept whole in either direction (a plain-text
    message cannot hold <bdi>: FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE does it)."""
    return f"\u2068{text}\u2069"


def _other_stories(story: Story, query: str) -> list[Story]:
    """The stories an editor may merge with or move an article to: the most recently updated
    ones, or those whose title or slug holds what was typed."""
    others = Story.objects.exclude(pk=story.pk)
    if query:
        others = others.filter(Q(title__icontains=query) | Q(slug__icontains=query))
    return list(
        others.order_by("-updated_at", "-id").only("id", "title", "slug", "article_count")[
            :STORY_CHOICES
        ]
    )


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One edit as this story's history tells it: here is True when the edit happened to
    this story (its story), False when this story was the other one (a split's new story,
    a move's target)."""

    edit: StoryEdit
    here: bool

    @property
    def article_count(self) -> int:
        return len(self.edit.detail.get("articles", []))


def _history(story: Story) -> list[HistoryEntry]:
    edits = (
        StoryEdit.objects.filter(Q(story=story) | Q(other_story=story))
        .select_related("editor", "story", "other_story")
        .order_by("-created_at", "-id")[:HISTORY_SHOWN]
    )
    return [HistoryEntry(edit=edit, here=edit.story_id == story.pk) for edit in edits]


def _articles(story: Story) -> list[Article]:
    return list(
        Article.objects.filter(story=story)
        .select_related("outlet")
        .only("id", "title", "published_at", "language", "outlet__name", "outlet__native_name")
        .order_by("published_at", "id")
    )


def _context(
    request: HtmxHttpRequest, story: Story, forms: dict[str, Form] | None = None
) -> dict[str, Any]:
    articles = _articles(story)
    query = search_text(request.GET.get("q"))
    forms = forms or {}
    return {
        "story": story,
        "articles": articles,
        "query": query,
        "other_stories": _other_stories(story, query),
        "rename_form": forms.get("rename") or StoryRenameForm(initial={"title": story.title}),
        "merge_form": forms.get("merge") or StoryMergeForm(story=story),
        "split_form": forms.get("split") or StorySplitForm(articles=articles),
        "move_form": forms.get("move") or ArticleMoveForm(story=story, articles=articles),
        "history": _history(story),
        "directions": MergeDirection,
    }


@require_GET
@vary_on_headers("HX-Request")
@permission_required(MANAGE)
def story_manage(request: HtmxHttpRequest, slug: str) -> HttpResponseBase:
    found = story_or_redirect(slug, "story_manage")
    if not isinstance(found, Story):
        return found
    context = _context(request, found)
    # The story search of the merge or move form re-renders that form with the stories found.
    if request.htmx and not request.htmx.history_restore_request:
        target = request.htmx.target or ""
        if target in ("manage-merge", "manage-move"):
            return render(request, f"newsdiff/story_manage.html#{FORM_PARTIALS[target]}", context)
    return render(request, "newsdiff/story_manage.html", context)


def _invalid(request: HtmxHttpRequest, story: Story, name: str, form: Form) -> HttpResponse:
    """The form again with its errors: its partial for htmx (status 200, so that htmx swaps
    it in), else the whole screen."""
    context = _context(request, story, {name: form})
    if request.htmx:
        return render(request, f"newsdiff/story_manage.html#{name}-form", context)
    return render(request, "newsdiff/story_manage.html", context, status=400)


def _refused(form: Form, error: ValidationError) -> Form:
    for message in error.messages:
        form.add_error(None, message)
    return form


def _done(request: HtmxHttpRequest, story: Story, message: str) -> HttpResponse:
    messages.success(request, message)
    if request.htmx:
        return HttpResponseClientRedirect(story.get_absolute_url())
    return redirect(story)


def _story_or_404(slug: str) -> Story:
    story = Story.objects.filter(slug=slug).first()
    if story is None:
        raise Http404("No such story")
    return story


@require_POST
@permission_required(MANAGE)
def story_rename_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = _story_or_404(slug)
    form = StoryRenameForm(request.POST)
    if not form.is_valid():
        return _invalid(request, story, "rename", form)
    try:
        result = services.story_rename(
            story=story, title=form.cleaned_data["title"], editor=request.user
        )
    except ValidationError as error:
        return _invalid(request, story, "rename", _refused(form, error))
    message = gettext("The story is now called %(title)s; its address stays the same.") % {
        "title": _isolated(result.story.title)
    }
    return _done(request, result.story, message)


@require_POST
@permission_required(MANAGE)
def story_merge_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = _story_or_404(slug)
    form = StoryMergeForm(request.POST, story=story)
    if not form.is_valid():
        return _invalid(request, story, "merge", form)
    other: Story = form.cleaned_data["other"]
    into_this = form.cleaned_data["direction"] == MergeDirection.INTO_THIS
    target, source = (story, other) if into_this else (other, story)
    try:
        result = services.story_merge(target=target, source=source, editor=request.user)
    except ValidationError as error:
        return _invalid(request, story, "merge", _refused(form, error))
    count = len(result.edit.detail["articles"])
    message = ngettext(
        "%(source)s was merged into this story: %(count)d article joined it.",
        "%(source)s was merged into this story: %(count)d articles joined it.",
        count,
    ) % {"source": _isolated(result.edit.other_title), "count": count}
    return _done(request, result.story, message)


@require_POST
@permission_required(MANAGE)
def story_split_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = _story_or_404(slug)
    form = StorySplitForm(request.POST, articles=_articles(story))
    if not form.is_valid():
        return _invalid(request, story, "split", form)
    try:
        result = services.story_split(
            story=story,
            article_ids=form.cleaned_data["articles"],
            title=form.cleaned_data["title"],
            editor=request.user,
        )
    except ValidationError as error:
        return _invalid(request, story, "split", _refused(form, error))
    count = len(result.edit.detail["articles"])
    message = ngettext(
        "%(count)d article was split out of %(source)s into this new story.",
        "%(count)d articles were split out of %(source)s into this new story.",
        count,
    ) % {"source": _isolated(story.title), "count": count}
    return _done(request, result.story, message)


@require_POST
@permission_required(MANAGE)
def story_article_move_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = _story_or_404(slug)
    articles = _articles(story)
    form = ArticleMoveForm(request.POST, story=story, articles=articles)
    if not form.is_valid():
        return _invalid(request, story, "move", form)
    article = next(a for a in articles if a.pk == form.cleaned_data["article"])
    try:
        result = services.story_article_move(
            article=article, target=form.cleaned_data["target"], editor=request.user
        )
    except ValidationError as error:
        return _invalid(request, story, "move", _refused(form, error))
    if result.edit.detail["emptied"]:
        message = gettext(
            "The article moved here from %(source)s, which had no other article and was "
            "deleted; its address leads here."
        )
    else:
        message = gettext("The article moved here from %(source)s.")
    return _done(request, result.story, message % {"source": _isolated(story.title)})
