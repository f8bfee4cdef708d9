"""segment_claims: sentences and clauses with exact offsets. Pure Python, no database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdiff.pipeline.clean import clean_article
from newsdiff.pipeline.normalize import normalize_text
from newsdiff.pipeline.segment import segment_claims
from newsdiff.pipeline.types import ClaimDraft

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_FILES = ["000_74628de6391d590b.txt", "001_c616ab5195f9a13a.txt"]


def assert_offsets(text: str, claims: tuple[ClaimDraft, ...]) -> None:
    previous_end = 0
    for position, claim in enumerate(claims):
        assert claim.position == position
        assert text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip()
        assert claim.text[0] not in "،,;؛:"
        assert claim.start >= previous_end
        assert len(claim.text.split()) >= 3
        assert claim.normalized == normalize_text(claim.text)
        previous_end = claim.end


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_offsets(name: str) -> None:
    clean = clean_article((SEEDS / name).read_text(encoding="utf-8"))
    claims = segment_claims(clean.text, published=clean.meta.published)
    assert_offsets(clean.text, claims)
    assert len(claims) >= 15


def test_seed_claims_carry_facts_and_attribution() -> None:
    clean = clean_article((SEEDS / SEED_FILES[0]).read_text(encoding="utf-8"))
    claims = segment_claims(clean.text, published=clean.meta.published)
    by_text = {c.text.split("،")[0]: c for c in claims}
    kremlin = by_text["وقال الكرملين"]
    assert kremlin.attribution == "الكرملين"
    assert ("date", "2024-10-07") in {(f.kind, f.value) for f in kremlin.facts}
    sentence = next(c for c in claims if c.text.startswith("وأدين بوت"))
    assert ("duration", "25", "year", "سجن") in {
        (f.kind, f.value, f.unit, f.subject) for f in sentence.facts
    }


def test_decimals_abbreviations_and_urls_do_not_split() -> None:
    text = (
        "The U.S. economy grew 2.5 percent last year, Dr. Smith told reporters. "
        "Prices at example.com rose 3.1% in March! Did they fall again? "
        "ارتفع التضخم إلى 3.5 في المئة، بحسب د. أحمد علي؟ وقال التقرير إن النمو تباطأ."
    )
    claims = segment_claims(text)
    assert [c.text for c in claims] == [
        "The U.S. economy grew 2.5 percent last year, Dr. Smith told reporters.",
        "Prices at example.com rose 3.1% in March!",
        "Did they fall again?",
        "ارتفع التضخم إلى 3.5 في المئة، بحسب د. أحمد علي؟",
        "وقال التقرير إن النمو تباطأ.",
    ]
    assert_offsets(text, claims)


def test_line_breaks_end_claims_and_short_fragments_dropped() -> None:
    text = "وصل الوفد إلى موسكو صباح الأحد\n\nشكرًا جزيلًا.\n\nوبدأت المحادثات بعد ساعة من وصوله."
    claims = segment_claims(text)
    assert [c.text for c in claims] == [
        "وصل الوفد إلى موسكو صباح الأحد",
        "وبدأت المحادثات بعد ساعة من وصوله.",
    ]
    assert_offsets(text, claims)


def test_long_sentence_splits_into_clauses() -> None:
    first = (
        "قال وزير الخارجية إن بلاده ستفتح سفارتها في العاصمة خلال الأسابيع المقبلة بعد انقطاع طويل"
    )
    second = (
        "وأضاف أن الوفد التجاري سيصل إلى المدينة قبل نهاية الشهر لبحث اتفاقيات جديدة في مجال الطاقة"
    )
    third = (
        "كما ستعقد اللجنة المشتركة اجتماعها الأول في الربيع لمراجعة الملفات العالقة بين البلدين."
    )
    text = f"{first}، {second} {third}"
    claims = segment_claims(text)
    assert [c.text for c in claims] == [first, second, third]
    assert_offsets(text, claims)
    # The clauses of a quoted sentence keep its speaker.
    assert {c.attribution for c in claims} == {"وزير الخارجيه"}


def test_short_sentence_is_not_split() -> None:
    text = "زار الوفد المصنع، والتقى مديره في المساء."
    assert [c.text for c in segment_claims(text)] == [text]


def test_published_reaches_the_facts() -> None:
    text = "وصل الوفد أمس إلى موسكو لبحث الصفقة."
    (claim,) = segment_claims(text, published=dt.date(2024, 10, 8))
    assert ("date", "2024-10-07") in {(f.kind, f.value) for f in claim.facts}
    (claim,) = segment_claims(text)
    assert all(f.kind != "date" for f in claim.facts)


def _seed_facts(name: str) -> set[tuple[str, str, str, str]]:
    clean = clean_article((SEEDS / name).read_text(encoding="utf-8"))
    claims = segment_claims(clean.text, published=clean.meta.published)
    return {(f.kind, f.value, f.unit, f.subject) for c in claims for f in c.facts}


def test_both_seeds_state_the_shared_facts_alike() -> None:
    erem, roayah = (_seed_facts(name) for name in SEED_FILES)
    shared = {
        ("age", "57", "year", "عمر"),
        ("duration", "25", "year", "سجن"),
        ("year", "2008", "", ""),
        ("date", "2024-08", "", ""),
        ("entity", "ak-74", "", ""),
        ("entity", "ak-47", "", ""),
        ("entity", "krnt", "", ""),  # كورنيت in one, Kornet in the other
    }
    assert shared <= erem
    assert shared <= roayah
    assert {f[:3] for f in erem} >= {("money", "10000000", "USD"), ("count", "2", "")}
    assert ("money", "10000000", "USD") in {f[:3] for f in roayah}
    # Time served is a different quantity from the sentence.
    assert ("duration", "12", "year", "قضي") in roayah
    # "قبل عامين" read on 2024-10-07 and the swap "عام 2022" agree.
    assert ("year", "2022", "", "approx") in erem
    assert ("year", "2022", "", "") in roayah
    # No stray quantities from model numbers.
    assert not {f for f in erem | roayah if f[0] in ("number", "count") and f[1] in ("74", "47")}
