"""Relating many pairs on every core (pipeline.parallel): the same results, in the same
order, as one process gives."""

from __future__ import annotations

import os
import sys

import pytest

from newsdiff import pipeline
from newsdiff.pipeline import analyse_article, compare_articles, parallel
from tests.conftest import SEED_EREM, SEED_ROAYAH

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forked processes: Linux only")


def _pid_of(item: int) -> tuple[int, int]:
    return item * 3, os.getpid()


def _forced(monkeypatch: pytest.MonkeyPatch, processes: int) -> None:
    """Every call shares its items among `processes` processes, however few they are."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_PAIRS", 1)
    monkeypatch.setenv(parallel.PROCESSES_ENVIRONMENT, str(processes))


def test_items_are_related_in_other_processes_and_come_back_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _forced(monkeypatch, 2)
    results = parallel.relate_all(list(range(37)), _pid_of)
    assert [value for value, _pid in results] == [item * 3 for item in range(37)]
    pids = {pid for _value, pid in results}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2  # a worker that is quicker to start may take every slice


def test_one_process_or_few_items_are_related_here(monkeypatch: pytest.MonkeyPatch) -> None:
    _forced(monkeypatch, 1)
    assert {pid for _value, pid in parallel.relate_all(list(range(9)), _pid_of)} == {os.getpid()}
    monkeypatch.setenv(parallel.PROCESSES_ENVIRONMENT, "2")
    monkeypatch.setattr(parallel, "PARALLEL_MIN_PAIRS", 10)
    assert {pid for _value, pid in parallel.relate_all(list(range(9)), _pid_of)} == {os.getpid()}
    assert parallel.relate_all([], _pid_of) == []


def test_side_by_side_runs_the_first_task_elsewhere_and_keeps_what_the_second_leaves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _forced(monkeypatch, 2)
    left: list[int] = []

    def here() -> int:
        left.append(os.getpid())
        return 7

    (value, pid), mine = parallel.side_by_side(lambda: _pid_of(5), here, large=True)
    assert (value, mine) == (15, 7)
    assert pid != os.getpid()
    assert left == [os.getpid()]
    # Not large, or one process: both here, one after the other.
    (_value, pid), _mine = parallel.side_by_side(lambda: _pid_of(5), here, large=False)
    assert pid == os.getpid()
    _forced(monkeypatch, 1)
    (_value, pid), _mine = parallel.side_by_side(lambda: _pid_of(5), here, large=True)
    assert pid == os.getpid()


def test_a_failure_in_the_forked_task_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    _forced(monkeypatch, 2)

    def failing() -> int:
        raise ValueError("no claims")

    with pytest.raises(ValueError, match="no claims"):
        parallel.side_by_side(failing, lambda: 1, large=True)
    with pytest.raises(ValueError, match="no claims"):
        parallel.relate_all([1, 2, 3], lambda _item: failing())


def test_a_story_related_on_two_processes_has_the_links_one_process_draws(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = [
        analyse_article(path.read_text(encoding="utf-8")).claims
        for path in (SEED_EREM, SEED_ROAYAH)
    ]
    # Each seed also against a copy of itself with one figure changed, so that the story's
    # links are of every kind the rules draw between two of its articles.
    changed = [
        analyse_article(path.read_text(encoding="utf-8").replace("10", "12", 1)).claims
        for path in (SEED_EREM, SEED_ROAYAH)
    ]
    articles = [*story, *changed]
    published = [None] * len(articles)
    _forced(monkeypatch, 1)
    alone = compare_articles(articles, published)
    _forced(monkeypatch, 2)
    # Aligned in one forked process beside this one, then related in two.
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CLAIMS", 1)
    shared = compare_articles(articles, published)
    assert len(alone) > 20
    assert {link.relation.kind for link in alone} >= {"agreement", "contradiction"}
    assert shared == alone
