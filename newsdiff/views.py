"""Screens: the story list, the story comparison and a claim's detail.

Each view parses its input, calls a selector and renders one template; with HX-Request
it renders a named partial of that same template instead of the full page.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from newsdiff import selectors
from newsdiff.models import Claim, Story


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@require_GET
@vary_on_headers("HX-Request")
def story_list(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    outlet_id = _int_or_none(request.GET.get("outlet"))
    context = {
        "rows": selectors.story_list_rows(query=query, outlet_id=outlet_id),
        "query": query,
        "outlet_id": outlet_id,
    }
    # The search box pushes its URL; a history restore asks for the whole page again.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "newsdiff/story_list.html#story-rows", context)
    context["outlets"] = selectors.outlet_choices()
    return render(request, "newsdiff/story_list.html", context)


# The story page's views, in the order of its tab bar; the first is the default.
STORY_TABS = ("columns", "agreements", "contradictions", "only-here", "matrix", "timeline")


@require_GET
@vary_on_headers("HX-Request")
def story_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    tab = request.GET.get("tab", STORY_TABS[0])
    if tab not in STORY_TABS:
        tab = STORY_TABS[0]
    comparison = selectors.story_comparison_get(story=story)
    context = {
        "comparison": comparison,
        "tabs": selectors.story_tabs_get(comparison=comparison),
        "tab": tab,
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "newsdiff/story_detail.html#story-view", context)
    return render(request, "newsdiff/story_detail.html", context)


@require_GET
@vary_on_headers("HX-Request")
def claim_detail(request: HtmxHttpRequest, claim_id: int) -> HttpResponse:
    try:
        detail = selectors.claim_detail_get(claim_id=claim_id)
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None
    context = {"detail": detail}
    if request.htmx:
        return render(request, "newsdiff/claim_detail.html#claim-detail", context)
    return render(request, "newsdiff/claim_detail.html", context)
