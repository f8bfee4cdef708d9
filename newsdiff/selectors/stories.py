"""Reads for finding stories: the search, the shared story filter and the story list.

The story list and the bulk exports filter stories the same way, through ``stories_filter``;
the counts the list shows are the ones services stored on Story (comparison.story_verdicts),
never recomputed here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery

from newsdiff.comparison import StoryCounts
from newsdiff.models import Article, Claim, Outlet, Story
from newsdiff.pipeline.normalize import normalize_text

# The story list shows the most recently updated stories first; beyond this many,
# people search rather than scroll.
STORY_LIST_LIMIT = 100


# --- Arabic-aware matching in SQL -------------------------------------------------------

# Which written characters each character of normalize_text()'s output stands for, so
# that an unnormalised column can be searched with a regular expression instead of being
# normalised in SQL (nested REPLACE()s overflow SQLite's parser).
_VARIANTS: dict[str, str] = {
    "ا": "اأإآٱ",
    "ي": "يى",
    "ه": "هة",
    '"': '"«»“”„',
    "'": "'‘’",
    "-": "-–—",
    ",": ",،٬",
    ";": ";؛",
    "?": "?؟",
    "%": "%٪",
    **{str(i): f"{i}{chr(0x0660 + i)}{chr(0x06F0 + i)}" for i in range(10)},
}
# Diacritics, superscript alef and tatweel: normalize_text() drops them, so the pattern
# lets any number of them follow every character.
_MARKS = "[\u064b-\u0652\u0670\u0640]*"


def _orthographic_regex(needle: str) -> str:
    """A regular expression that finds needle (already normalised) in text as written.

    Works with Django's __iregex on SQLite and PostgreSQL alike.
    """
    parts = []
    for char in needle:
        if char == " ":
            parts.append("\\s+")
        elif char in _VARIANTS:
            parts.append("[" + "".join(re.escape(v) for v in _VARIANTS[char]) + "]")
        else:
            parts.append(re.escape(char))
        parts.append(_MARKS)
    return "".join(parts)


def story_search_filter(query: str) -> Q | None:
    """Stories whose title, article titles or claims contain the query as people type it.

    Claim.normalized is stored normalised (and lower case), so a plain LIKE on it matches
    every spelling; on PostgreSQL a trigram index (migration 0004) serves that LIKE.
    """
    needle = normalize_text(query)
    if not needle:
        return None
    pattern = _orthographic_regex(needle)
    claim_stories = Claim.objects.filter(normalized__contains=needle).values("article__story_id")
    title_stories = Article.objects.filter(title__iregex=pattern).values("story_id")
    return Q(title__iregex=pattern) | Q(pk__in=claim_stories) | Q(pk__in=title_stories)


def stories_filter(
    *,
    query: str = "",
    slugs: Sequence[str] = (),
    outlet_id: int | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
) -> QuerySet[Story]:
    """Stories matching every filter given (all optional), unordered: the story list's and
    the exports' one filter.

    query matches the story title, article titles and claim text the way people type
    Arabic: with or without diacritics, any hamza form of alef, ة/ه and ى/ي alike. slugs
    keeps those stories; outlet_id the stories that outlet covered; published_from /
    published_to (both inclusive) the stories with an article published in that range.
    """
    stories = Story.objects.order_by()
    if slugs:
        stories = stories.filter(slug__in=list(slugs))
    search = story_search_filter(query)
    if search is not None:
        stories = stories.filter(search)
    articles = Article.objects.filter(story=OuterRef("pk"))
    if outlet_id is not None:
        stories = stories.filter(Exists(articles.filter(outlet_id=outlet_id)))
    if published_from is not None or published_to is not None:
        published = articles
        if published_from is not None:
            published = published.filter(published_at__date__gte=published_from)
        if published_to is not None:
            published = published.filter(published_at__date__lte=published_to)
        stories = stories.filter(Exists(published))
    return stories


# --- Story list -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutletRef:
    id: int
    name: str
    native_name: str


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story in the list, with the counts stored on it (see comparison.StoryCounts)."""

    id: int
    title: str
    slug: str
    url: str
    updated_at: dt.datetime
    latest_published_at: dt.datetime | None
    counts: StoryCounts
    outlets: tuple[OutletRef, ...]


def story_list_rows(
    *,
    query: str = "",
    outlet_id: int | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    offset: int = 0,
    limit: int = STORY_LIST_LIMIT,
) -> list[StoryRow]:
    """Stories, most recently updated first, with their outlets and stored counts.

    Filters as ``stories_filter``. Two queries.
    """
    latest = Subquery(
        Article.objects.filter(story=OuterRef("pk"))
        .order_by()
        .values("story")
        .annotate(latest=Max("published_at"))
        .values("latest")
    )
    stories = stories_filter(
        query=query,
        outlet_id=outlet_id,
        published_from=published_from,
        published_to=published_to,
    ).annotate(latest_published_at=latest)
    page = list(stories.order_by("-updated_at", "-id")[offset : offset + limit])

    outlets_by_story = _outlets_by_story(s.id for s in page)
    return [
        StoryRow(
            id=s.id,
            title=s.title,
            slug=s.slug,
            url=s.get_absolute_url(),
            updated_at=s.updated_at,
            latest_published_at=s.latest_published_at,
            counts=s.counts,
            outlets=tuple(outlets_by_story.get(s.id, ())),
        )
        for s in page
    ]


def _outlets_by_story(story_ids: Iterable[int]) -> dict[int, list[OutletRef]]:
    rows = (
        Article.objects.filter(story_id__in=list(story_ids))
        .order_by("outlet__name")
        .values_list("story_id", "outlet_id", "outlet__name", "outlet__native_name")
        .distinct()
    )
    result: dict[int, list[OutletRef]] = defaultdict(list)
    for story_id, outlet_id, name, native_name in rows:
        result[story_id].append(OutletRef(outlet_id, name, native_name))
    return result


def outlet_choices() -> list[OutletRef]:
    """Outlets for the story list's filter, by name. One query."""
    return [
        OutletRef(o["id"], o["name"], o["native_name"])
        for o in Outlet.objects.order_by("name").values("id", "name", "native_name")
    ]
