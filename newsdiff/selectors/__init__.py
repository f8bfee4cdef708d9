"""Reads: querysets and plain data for the views, exports and admin.

Split by the screen they serve: ``stories`` (the story list, its search and the filter the
exports share), ``story`` (the story page) and ``claims`` (the claim panel and an article's
text); the bulk exports' reads are in ``exports``. Every selector runs a fixed number of
queries, whatever the number of stories, articles, claims or links it returns
(tests/test_selectors.py holds them to it), and none decides a status or a count: they read
what services stored from comparison.story_verdicts.
"""

from __future__ import annotations

from newsdiff.selectors.claims import (
    ArticleRun,
    ArticleText,
    ClaimDetail,
    LinkView,
    TextSegment,
    article_text_get,
    claim_detail_get,
)
from newsdiff.selectors.stories import (
    STORY_LIST_LIMIT,
    OutletRef,
    StoryRow,
    outlet_choices,
    stories_filter,
    story_list_rows,
    story_search_filter,
)
from newsdiff.selectors.story import (
    COLUMNS_MAX,
    COLUMNS_MIN,
    ColumnPick,
    OutletChoice,
    outlet_ids_parse,
    story_columns_pick,
    story_comparison_get,
    story_page_get,
    story_pages_forget,
    story_redirect_for_slug,
)

__all__ = [
    "COLUMNS_MAX",
    "COLUMNS_MIN",
    "STORY_LIST_LIMIT",
    "ArticleRun",
    "ArticleText",
    "ClaimDetail",
    "ColumnPick",
    "LinkView",
    "OutletChoice",
    "OutletRef",
    "StoryRow",
    "TextSegment",
    "article_text_get",
    "claim_detail_get",
    "outlet_choices",
    "outlet_ids_parse",
    "stories_filter",
    "story_columns_pick",
    "story_comparison_get",
    "story_page_get",
    "story_pages_forget",
    "story_redirect_for_slug",
    "story_list_rows",
    "story_search_filter",
]
