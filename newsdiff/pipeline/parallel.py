"""Relating many aligned pairs on every core of the machine.

A full realign of a large story relates tens of thousands of pairs (63,000 in a 500 x 40
story), each on its own and in pure Python: one core does them one after another while the
others wait. Here the pairs are shared out among forked processes. Forked, each starts with the
story's claims and the words already read from them (the views cached while counting the
story's words) without copying or reading anything again, and sends back only the relations.
Before that, a large story is aligned in a forked process while this one reads those words
(side_by_side).

The result is the one a single process gives, in the same order: relate_claims depends on its
two claims and the story alone. Where fork is not the way to start a process (anything but
Linux), or the machine has one core, or there are too few pairs for it to pay, the pairs are
related in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

# Below this many pairs, forking costs more than it saves: the 101st article of a story
# relates a few hundred pairs, a full realign of a 100-article story about 4,000 (3.3 s on one
# core, of which relating is under half).
PARALLEL_MIN_PAIRS = 8000
# Each process takes its pairs in this many slices, so that one slower slice (longer claims)
# does not leave the other cores idle at the end.
SLICES_PER_PROCESS = 4
# A story of at least this many claims is aligned in a forked process while this one reads
# the words of its claims (side_by_side): a 500 x 40 story (20,000 claims) aligns in 6.5 s and
# reads its words in 2.7 s, and was realigned in 25.9 s side by side, 28.4 s one after the
# other; a 101-article story (2,900 claims), 3.36 s against 3.30 s: no gain.
PARALLEL_MIN_CLAIMS = 8000
# NEWSDIFF_RELATE_PROCESSES sets the number of processes (1: never fork); unset, one per core.
PROCESSES_ENVIRONMENT = "NEWSDIFF_RELATE_PROCESSES"

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class _Work:
    relate: Callable[[Any], Any]
    items: Sequence[Any]


# What the forked processes relate: set just before the fork, read by the children.
_work: _Work | None = None


def _relate_slice(bounds: tuple[int, int]) -> list[Any]:  # pragma: no cover - a child
    work = _work
    assert work is not None, "set before the processes are forked"
    return [work.relate(item) for item in work.items[bounds[0] : bounds[1]]]


def relate_processes() -> int:
    """How many processes relate pairs at once on this machine (1: this one alone)."""
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = os.environ.get(PROCESSES_ENVIRONMENT, "").strip()
    if wanted.isdigit():
        return max(1, int(wanted))
    return len(os.sched_getaffinity(0))


def relate_all(items: Sequence[Item], relate: Callable[[Item], Result]) -> list[Result]:
    """relate(item) for every item (an aligned pair), in order; on every core when there
    are many (PARALLEL_MIN_PAIRS). relate must depend on its item and on what existed before
    the call alone: it runs in forked processes, whose changes to anything else are lost."""
    processes = relate_processes()
    if processes < 2 or len(items) < PARALLEL_MIN_PAIRS:
        return [relate(item) for item in items]
    global _work
    size = -(-len(items) // (processes * SLICES_PER_PROCESS))
    bounds = [(start, start + size) for start in range(0, len(items), size)]
    _work = _Work(relate=relate, items=items)
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            parts = pool.map(_relate_slice, bounds, chunksize=1)
    finally:
        _work = None
    return [result for part in parts for result in part]


def side_by_side(
    elsewhere: Callable[[], Result], here: Callable[[], Item], *, large: bool
) -> tuple[Result, Item]:
    """elsewhere() in a forked process while here() runs in this one, and both results;
    one after the other in this process where relate_all would not fork, or the work is not
    large. Whatever elsewhere() changes besides its result (a cache it fills) stays in the
    forked process: here() is the one whose side effects are wanted."""
    if not large or relate_processes() < 2:
        return elsewhere(), here()
    global _work
    _work = _Work(relate=lambda _item: elsewhere(), items=(None,))
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            pending = pool.apply_async(_relate_slice, ((0, 1),))
            mine = here()
            theirs: list[Result] = pending.get()
    finally:
        _work = None
    return theirs[0], mine
