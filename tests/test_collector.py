"""Python's cycle collector is paused while a story is aligned (services.collector_paused) and
left as it was after, whatever happens; the alignment leaves no cycles for it to find."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from newsdiff import services
from newsdiff.models import Story
from newsdiff.services import article_ingest, collector_paused, story_realign

pytestmark = pytest.mark.django_db

MARKET_A = """A fire broke out in the central market of the old town on Sunday night.
Firefighters said 25 shops were destroyed before the blaze was contained at dawn.
The mayor said no one was hurt and the market would reopen within a month."""

MARKET_B = """Twenty-five shops burned in a night fire at the old town's central market.
The blaze was contained at dawn, the fire brigade said, and nobody was injured.
Traders put their losses at two million dollars."""


@pytest.fixture
def collector_seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the collector was on each time the engine compared a story's articles."""
    seen: list[bool] = []
    compare = services.compare_articles

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return compare(*args, **kwargs)

    monkeypatch.setattr(services, "compare_articles", watched)
    yield seen
    gc.enable()


def _story() -> Story:
    article_ingest(raw_text=MARKET_A, outlet_name="Town Post", story_slug="market")
    return article_ingest(
        raw_text=MARKET_B, outlet_name="City Daily", story_slug="market"
    ).article.story


def test_the_collector_is_off_while_articles_are_aligned_and_on_after(
    collector_seen: list[bool],
) -> None:
    story = _story()
    assert collector_seen == [False, False]  # each article's alignment as it was stored
    assert gc.isenabled()
    story_realign(story=story)
    assert collector_seen == [False, False, False]
    assert gc.isenabled()


def test_the_collector_is_back_on_when_the_alignment_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = _story()

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("engine failure")

    monkeypatch.setattr(services, "compare_articles", failing)
    with pytest.raises(RuntimeError):
        story_realign(story=story)
    assert gc.isenabled()


def test_a_collector_turned_off_elsewhere_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the first holder turns it back on, not this one
    finally:
        gc.enable()


def test_a_realignment_leaves_no_cycles_to_collect() -> None:
    story = _story()
    gc.collect()
    story_realign(story=story)
    assert gc.collect() == 0
