"""What the view modules share: the request type every view receives (Django's, with
django-htmx's details attached), reading a search box, and finding a story by an address that
may be an old one."""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django_htmx.middleware import HtmxDetails

from newsdiff import selectors
from newsdiff.models import Story

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# A search box reads this many characters of what was typed.
SEARCH_MAX_CHARS = 200


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def search_text(value: str | None) -> str:
    """What was typed into a search box, without the control characters no title or claim
    holds (PostgreSQL refuses a NUL in a query outright)."""
    return CONTROL_CHARACTERS.sub("", value or "").strip()[:SEARCH_MAX_CHARS]


def story_or_redirect(slug: str, view_name: str) -> Story | HttpResponseRedirect:
    """The story with this slug; for the old address of a story merged into another (or
    emptied by a move), a redirect to the same view of where it went; else a 404."""
    story = Story.objects.filter(slug=slug).first()
    if story is not None:
        return story
    moved = selectors.story_redirect_for_slug(slug)
    if moved is None:
        raise Http404("No such story")
    return HttpResponseRedirect(reverse(view_name, args=[moved.slug]))
