"""Alignment and text-stage speed, each beside its reference measured in the same run.

    .venv/bin/python bench/align_bench.py [--articles 50] [--claims 40] [--large 500]

Prints:
- a 50 x 40 synthetic story aligned by align_claims, against rapidfuzz cdist alone over the
  same normalised strings (the floor for comparing every pair) and a difflib baseline
  (SequenceMatcher over every pair; timed on a sample of pairs and scaled, since the whole run
  takes minutes);
- a large story (500 x 40) realigned with blocking, with the number of pairs it scored against
  the n^2/2 pairs a blind comparison would score, and how time grows with size;
- the text stages (clean, segment, facts) in articles per second on the seed articles.
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdiff.pipeline import align as align_module  # noqa: E402
from newsdiff.pipeline import analyse_article  # noqa: E402
from newsdiff.pipeline.align import align_claims  # noqa: E402
from newsdiff.pipeline.normalize import normalize_text  # noqa: E402
from newsdiff.pipeline.types import ClaimDraft  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
CLITICS = ["", "", "", "و", "ب", "ل", "ال", "وال"]


def vocabulary() -> list[str]:
    """Real Arabic words from the seed articles, so keys look like the product's."""
    words: set[str] = set()
    for path in SEEDS.glob("*.txt"):
        for token in normalize_text(path.read_text(encoding="utf-8")).split():
            token = token.strip('.,:;"?!()')
            if len(token) >= 3 and token.isalpha():
                words.add(token)
    return sorted(words)


def synthetic_story(n_articles: int, n_claims: int, seed: int = 7) -> list[list[ClaimDraft]]:
    """Articles that retell facts from a shared pool, each in its own words.

    Every fact is a template of 8-14 words and a number; an article picks n_claims facts and
    rewrites each: drops a word or two, adds filler words, attaches clitics, changes order.
    """
    rng = random.Random(seed)
    words = vocabulary()
    pool_size = max(n_claims * 3, 120)
    facts = [
        (rng.sample(words, rng.randint(8, 14)), rng.randint(2, 2030)) for _ in range(pool_size)
    ]
    articles = []
    for _ in range(n_articles):
        claims = []
        for position, index in enumerate(rng.sample(range(pool_size), n_claims)):
            template, number = facts[index]
            kept = [w for w in template if rng.random() > 0.15]
            kept += rng.sample(words, rng.randint(1, 4))
            kept = [rng.choice(CLITICS) + w for w in kept]
            kept.insert(rng.randrange(len(kept) + 1), str(number))
            if rng.random() < 0.5:
                cut = rng.randrange(1, len(kept))
                kept = kept[cut:] + kept[:cut]
            text = " ".join(kept)
            claims.append(ClaimDraft(position, text, normalize_text(text), 0, len(text)))
        articles.append(claims)
    return articles


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_story(n_articles: int, n_claims: int) -> None:
    story = synthetic_story(n_articles, n_claims)
    flat = [c.normalized for claims in story for c in claims]
    n = len(flat)
    align_s = timed(lambda: align_claims(story))
    matches = align_claims(story)
    cdist_s = timed(
        lambda: process.cdist(flat, flat, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
    )
    keys = align_module.claim_keys(story).keys
    keys_s = timed(
        lambda: process.cdist(keys, keys, scorer=Indel.distance, dtype=np.int32, workers=-1)
    )
    sample = 20000
    rng = random.Random(1)
    pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(sample)]
    start = time.perf_counter()
    for i, j in pairs:
        difflib.SequenceMatcher(None, flat[i], flat[j]).ratio()
    difflib_s = (time.perf_counter() - start) / sample * n * n
    print(f"story {n_articles} articles x {n_claims} claims ({n} claims, {len(matches)} matches)")
    print(f"  align_claims (keys + cdist + selection): {align_s * 1000:8.1f} ms")
    print(
        f"  rapidfuzz cdist alone, same strings:     {cdist_s * 1000:8.1f} ms"
        f"   (align / cdist = {align_s / cdist_s:.2f}x)"
    )
    print(
        f"  rapidfuzz cdist alone on align's keys:   {keys_s * 1000:8.1f} ms"
        f"   (align / cdist = {align_s / keys_s:.2f}x)"
    )
    print(
        f"  difflib SequenceMatcher, every pair:     {difflib_s * 1000:8.1f} ms"
        f"   (scaled from {sample} pairs; {difflib_s / align_s:.0f}x slower than align)"
    )


def bench_large(n_articles: int, n_claims: int) -> None:
    print(f"large story, blocking (DENSE_CLAIM_LIMIT={align_module.DENSE_CLAIM_LIMIT})")
    previous = None
    for size in (n_articles // 4, n_articles // 2, n_articles):
        story = synthetic_story(size, n_claims, seed=11)
        n = size * n_claims
        scored = []
        original = align_module.process.cpdist

        def counting_cpdist(a, b, scored=scored, original=original, **kwargs):  # type: ignore[no-untyped-def]
            scored.append(len(a))
            return original(a, b, **kwargs)

        align_module.process.cpdist = counting_cpdist
        limit = align_module.DENSE_CLAIM_LIMIT
        align_module.DENSE_CLAIM_LIMIT = 0  # force the blocked path at every size
        try:
            start = time.perf_counter()
            matches = align_claims(story)
            seconds = time.perf_counter() - start
        finally:
            align_module.process.cpdist = original
            align_module.DENSE_CLAIM_LIMIT = limit
        growth = f", x{seconds / previous:.1f} time for x2 size" if previous else ""
        all_pairs = n * (n - 1) // 2
        print(
            f"  {size:4d} x {n_claims} ({n} claims): {seconds:6.2f} s, {len(matches)} matches, "
            f"{sum(scored)} pairs scored of {all_pairs} ({sum(scored) / all_pairs:.2%}){growth}"
        )
        previous = seconds


def bench_text_stages(rounds: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    # Vary the text a little each round so no cache can serve a repeat.
    variants = [
        t + f"\n\nوقال مصدر إن الاجتماع {i} انتهى دون نتائج." for i in range(rounds) for t in texts
    ]
    start = time.perf_counter()
    for text in variants:
        analyse_article(text)
    seconds = time.perf_counter() - start
    per = [len(t) for t in texts]
    print(
        f"text stages (clean + segment + facts): {len(variants) / seconds:.0f} articles/s "
        f"({len(variants)} seed-sized articles, mean {statistics.mean(per):.0f} chars)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--claims", type=int, default=40)
    parser.add_argument("--large", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    bench_story(args.articles, args.claims)
    if args.large:
        bench_large(args.large, args.claims)
    bench_text_stages(args.rounds)


if __name__ == "__main__":
    main()
