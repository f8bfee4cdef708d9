"""Screens: the story list, the story comparison, a claim's detail and an article's text,
and the one write an editor makes from them: confirming or dismissing a link.

Each view checks the user's role, parses its input, calls a selector (or a service) and
renders one template; with HX-Request it renders a named partial of that same template
instead of the full page. Every partial is the same view, so it is checked the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh

from newsdiff import selectors, services
from newsdiff.comparison import StoryCounts
from newsdiff.http import HtmxHttpRequest, search_text, story_or_redirect
from newsdiff.models import Article, Claim, ClaimLink, ReviewDecision, Story
from newsdiff.permissions import BROWSE, REALIGN, REVIEW, permission_required

# Database ids are 64-bit: a longer number names nothing, and SQLite cannot even compare one.
ID_DIGITS = re.compile(r"[0-9]{1,18}")


def _id_or_none(value: str | None) -> int | None:
    """A query parameter as a database id; None when it cannot be one (empty, not ASCII
    digits, too long: what a hand-edited URL or a scanner sends)."""
    value = (value or "").strip()
    return int(value) if ID_DIGITS.fullmatch(value) else None


def _ids(values: list[str]) -> list[str]:
    """?outlets=1,2 or ?outlets=1&outlets=2 with every part that cannot be an id dropped
    (selectors.outlet_ids_parse reads the rest)."""
    return [
        ",".join(part for part in value.split(",") if ID_DIGITS.fullmatch(part.strip()))
        for value in values
    ]


def _date_or_none(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class CountLine:
    """One stored count of a story, with the words that say what it counts."""

    kind: str  # agreed | contradicted | disputed | updated | only_here | dismissed
    icon: str
    value: int
    text: str


# The kinds of count the story page's Contradictions tab lists (its badge adds them up).
CONFLICT_COUNT_KINDS = ("contradicted", "disputed", "updated")


def story_count_lines(counts: StoryCounts) -> list[CountLine]:
    """A story's stored counts in words, the same on the story list, the story page's count
    bar, its tabs and the message after the engine re-runs. Disputes, updates and editors'
    dismissals are left out when there are none."""
    # Literal ngettext calls, one per count, so that the catalogue tools find the words.
    agreed, contradicted = counts.agreement_count, counts.contradiction_count
    disputed, updated = counts.disputed_count, counts.updated_count
    only_here, dismissed = counts.only_here_count, counts.dismissed_count
    lines = [
        CountLine(
            "agreed",
            "✓",
            agreed,
            ngettext(
                "%(n)s fact reported by several outlets",
                "%(n)s facts reported by several outlets",
                agreed,
            )
            % {"n": intcomma(agreed)},
        ),
        CountLine(
            "contradicted",
            "✗",
            contradicted,
            ngettext(
                "%(n)s contradiction between outlets",
                "%(n)s contradictions between outlets",
                contradicted,
            )
            % {"n": intcomma(contradicted)},
        ),
        CountLine(
            "disputed",
            "⚠",
            disputed,
            ngettext("%(n)s dispute between sources", "%(n)s disputes between sources", disputed)
            % {"n": intcomma(disputed)},
        ),
        CountLine(
            "updated",
            "↻",
            updated,
            ngettext("%(n)s figure updated over time", "%(n)s figures updated over time", updated)
            % {"n": intcomma(updated)},
        ),
        CountLine(
            "only_here",
            "◆",
            only_here,
            ngettext(
                "%(n)s detail only one outlet reports",
                "%(n)s details only one outlet reports",
                only_here,
            )
            % {"n": intcomma(only_here)},
        ),
        CountLine(
            "dismissed",
            "⊘",
            dismissed,
            ngettext(
                "%(n)s link dismissed by an editor", "%(n)s links dismissed by an editor", dismissed
            )
            % {"n": intcomma(dismissed)},
        ),
    ]
    optional = {"disputed", "updated", "dismissed"}
    return [c for c in lines if c.value or c.kind not in optional]


# Stories per page of the story list.
STORIES_PER_PAGE = 25
# Pages beyond this are a 404 without a query: 25 million stories is more than any
# newsroom's archive, and an offset past 2**63 is an error in every database.
STORY_LIST_MAX_PAGE = 1_000_000


def _page_number(value: str | None) -> int:
    """?page= as a page number: 1 when it is not a number; a 404 beyond STORY_LIST_MAX_PAGE."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()):
        return 1
    if len(value) > len(str(STORY_LIST_MAX_PAGE)) or int(value) > STORY_LIST_MAX_PAGE:
        raise Http404("No such page")
    return max(1, int(value))


@require_GET
@vary_on_headers("HX-Request")
@permission_required(BROWSE)
def story_list(request: HtmxHttpRequest) -> HttpResponse:
    query = search_text(request.GET.get("q"))
    outlet_id = _id_or_none(request.GET.get("outlet"))
    published_from = _date_or_none(request.GET.get("from"))
    published_to = _date_or_none(request.GET.get("to"))
    page = _page_number(request.GET.get("page"))
    # One row more than a page tells whether a next page exists without counting.
    rows = selectors.story_list_rows(
        query=query,
        outlet_id=outlet_id,
        published_from=published_from,
        published_to=published_to,
        offset=(page - 1) * STORIES_PER_PAGE,
        limit=STORIES_PER_PAGE + 1,
    )
    if page > 1 and not rows:
        # Past the last page (an old link, a hand-edited URL): not an empty list that
        # would read "No stories yet".
        raise Http404("No such page")
    context: dict[str, object] = {
        "rows": [(row, story_count_lines(row.counts)) for row in rows[:STORIES_PER_PAGE]],
        "query": query,
        "outlet_id": outlet_id,
        "published_from": published_from,
        "published_to": published_to,
        "filtered": bool(query or outlet_id or published_from or published_to),
        "page": page,
        "has_next": len(rows) > STORIES_PER_PAGE,
    }
    # The search box pushes its URL; a history restore asks for the whole page again.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "newsdiff/story_list.html#story-rows", context)
    context["outlets"] = selectors.outlet_choices()
    return render(request, "newsdiff/story_list.html", context)


# The story page's views, in the order of its tab bar; the first is the default.
STORY_TABS = ("columns", "rows", "agreements", "contradictions", "only-here", "matrix", "timeline")
# The agreements and contradictions tabs list this many groups, then link to all of them: an
# editor scanning a story of hundreds of groups wants the first screen fast.
TAB_GROUPS_SHOWN = 20


@require_GET
@vary_on_headers("HX-Request")
@permission_required(BROWSE)
def story_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    story = story_or_redirect(slug, "story_detail")
    if not isinstance(story, Story):
        return story
    tab = request.GET.get("tab", STORY_TABS[0])
    if tab not in STORY_TABS:
        tab = STORY_TABS[0]
    limit = None if request.GET.get("all") == "1" else TAB_GROUPS_SHOWN
    loaded, tabs = selectors.story_page_get(
        story=story, limit=limit, language=translation.get_language() or ""
    )
    if request.htmx and request.GET.get("part") == "summary":
        # The summary alone, reloaded after an editor reviews a link.
        return render(
            request, "newsdiff/story_detail.html#story-summary", {"story": story, "tabs": tabs}
        )
    pick = selectors.story_columns_pick(
        comparison=loaded,
        outlet_ids=selectors.outlet_ids_parse(_ids(request.GET.getlist("outlets"))),
        # Aligned rows put the outlets that differ first; the columns, the first published.
        preferred=tabs.outlets_differing_first() if tab == "rows" else None,
    )
    aligned = tabs.aligned_rows(pick.selected_ids) if tab == "rows" else []
    counts = story_count_lines(story.counts)
    conflict_lines = [c for c in counts if c.kind in CONFLICT_COUNT_KINDS]
    context = {
        "story": story,
        "counts": counts,
        "count_of": {line.kind: line for line in counts},
        # The Contradictions tab lists every conflict group: its badge adds up the parts.
        "conflict_count": story.counts.conflict_count,
        "conflict_lines": conflict_lines,
        "tabs": tabs,
        "tab": tab,
        "pick": pick,
        "aligned_rows": aligned[:limit],
        "aligned_total": len(aligned),
        # What the story view reloads from after an editor reviews a link in the panel.
        "view_url": request.get_full_path(),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "newsdiff/story_detail.html#story-view", context)
    return render(request, "newsdiff/story_detail.html", context)


def _claim_detail_context(request: HttpRequest, claim_id: int) -> dict[str, object]:
    try:
        detail = selectors.claim_detail_get(claim_id=claim_id)
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None
    return {
        "detail": detail,
        # The review forms are offered only to those who may use them; the review view
        # checks again, since a form can be posted from anywhere.
        "can_review": request.user.has_perm(REVIEW),
        "decisions": ReviewDecision,
    }


@require_GET
@vary_on_headers("HX-Request")
@permission_required(BROWSE)
def claim_detail(request: HtmxHttpRequest, claim_id: int) -> HttpResponse:
    context = _claim_detail_context(request, claim_id)
    if request.htmx:
        return render(request, "newsdiff/claim_detail.html#claim-detail", context)
    return render(request, "newsdiff/claim_detail.html", context)


class LinkReviewForm(forms.Form):
    # Views-only form (forms.py belongs to the upload screens); small enough to sit here.
    decision = forms.ChoiceField(choices=ReviewDecision.choices)
    note = forms.CharField(required=False, max_length=2000, label=_("Note"))
    # The claim whose panel the form was posted from, so the panel comes back the same way.
    claim = forms.IntegerField(required=False)


@require_POST
@permission_required(REVIEW)
def link_review_create(request: HtmxHttpRequest, link_id: int) -> HttpResponse:
    link = get_object_or_404(ClaimLink, pk=link_id)
    form = LinkReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text())
    try:
        services.link_review(
            link=link,
            decision=form.cleaned_data["decision"],
            note=form.cleaned_data["note"],
            reviewer=request.user,
        )
    except ValidationError as error:
        return HttpResponseBadRequest("; ".join(error.messages))
    claim_id = form.cleaned_data["claim"]
    if claim_id not in (link.claim_a_id, link.claim_b_id):
        claim_id = link.claim_a_id
    if request.htmx:
        response = render(
            request,
            "newsdiff/claim_detail.html#claim-detail",
            _claim_detail_context(request, claim_id),
        )
        # The story view listens for this and reloads its counts and statuses.
        response["HX-Trigger"] = "link-reviewed"
        return response
    return redirect(reverse("claim_detail", args=[claim_id]), permanent=False)


@require_GET
@vary_on_headers("HX-Request")
@permission_required(BROWSE)
def article_detail(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    try:
        text = selectors.article_text_get(article_id=article_id)
    except Article.DoesNotExist:
        raise Http404("No such article") from None
    context = {"text": text}
    if request.htmx:
        return render(request, "newsdiff/article_detail.html#article-text", context)
    return render(request, "newsdiff/article_detail.html", context)


@require_http_methods(["GET", "POST"])
@permission_required(REALIGN)
def story_realign_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Re-run the engine (alignment and relations) on a story; editors' decisions are kept.

    A GET asks first: the story page's button leads here without JavaScript (with htmx it
    asks through hx-confirm and posts directly)."""
    story = get_object_or_404(Story, slug=slug)
    if request.method == "GET":
        return render(request, "newsdiff/story_realign.html", {"story": story})
    result = services.story_realign(story=story)
    # The same words and numbers as the story page's count bar (the stored counts).
    counted = gettext(", ").join(line.text for line in story_count_lines(result.counts))
    messages.success(request, gettext("The engine re-ran: %(counts)s.") % {"counts": counted})
    if request.htmx:
        return HttpResponseClientRefresh()
    return redirect(story)


_login_form = LoginView.as_view()


def login(request: HtmxHttpRequest) -> HttpResponseBase:
    """Django's login page; when htmx asks for it (a partial's request, redirected here by an
    expired session), the whole browser page goes to the login form instead of a panel."""
    if request.htmx and request.method == "GET":
        try:
            current = request.htmx.current_url_abs_path
        except ValueError:
            current = None  # an HX-Current-URL header that is not a URL
        next_url = current or request.GET.get("next", "/")
        return HttpResponseClientRedirect(f"{reverse('login')}?{urlencode({'next': next_url})}")
    return _login_form(request)
