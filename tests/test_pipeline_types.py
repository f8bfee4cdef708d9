"""The contract between the pipeline and the rest: RelationDetails and its parts to and from
JSON, read from either claim's side, and free of the engine's internal forms.

Pure: no database. Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace

import pytest

from newsdiff.pipeline.relate import claim_from_text, relate_claims
from newsdiff.pipeline.types import (
    NAME_KINDS,
    Fact,
    FactDifference,
    FactValue,
    Reason,
    Relation,
    RelationDetails,
)

DETAILS = RelationDetails(
    reason=Reason.VALUE_MISMATCH,
    matched=(FactValue("date", "2023-09-08", "", "الجمعة 8 سبتمبر"),),
    differing=(
        FactDifference(
            "money",
            FactValue("money", "10000000", "USD", "10 ملايين دولار"),
            FactValue("money", "15000000", "USD", "15 مليون دولار"),
        ),
    ),
    distinct=(
        FactDifference(
            "duration",
            FactValue("duration", "25", "year", "25 عاما"),
            FactValue("duration", "12", "year", "12 عاما"),
        ),
    ),
    source_a="وزارة الصحة",
    source_b="الهلال الأحمر",
    published_a=dt.date(2023, 9, 9),
    published_b=dt.date(2023, 9, 11),
    similarity=0.8333,
    model_probability=0.25,
    first="b",
)


def test_details_round_trip_through_json_text() -> None:
    stored = json.dumps(DETAILS.to_json(), ensure_ascii=False)
    assert RelationDetails.from_json(json.loads(stored)) == DETAILS
    assert json.loads(stored)["published_b"] == "2023-09-11"


def test_fact_value_and_difference_round_trip() -> None:
    value = FactValue("count", "820", "", "820")
    assert FactValue.from_json(value.to_json()) == value
    difference = DETAILS.differing[0]
    assert FactDifference.from_json(difference.to_json()) == difference


@pytest.mark.parametrize("data", [None, "value_mismatch", 3, ["reason"]])
def test_details_from_anything_but_a_mapping_take_the_defaults(data: object) -> None:
    assert RelationDetails.from_json(data) == RelationDetails(reason=Reason.PARAPHRASE)


def test_malformed_fields_take_their_defaults() -> None:
    details = RelationDetails.from_json(
        {
            "reason": "disputed_by_sources",  # a code of an older engine
            "matched": "10 ملايين",
            "differing": [None, {"kind": "count", "a": "12", "b": {"value": 30}}],
            "published_a": "yesterday",
            "published_b": 20230911,
            "similarity": "high",
            "model_probability": None,
            "source_a": None,
            "first": "the other",
        }
    )
    assert details.reason is Reason.PARAPHRASE
    assert details.matched == ()
    assert details.differing == (
        FactDifference("", FactValue("", ""), FactValue("", "")),
        FactDifference("count", FactValue("", ""), FactValue("", "30")),
    )
    assert (details.published_a, details.published_b) == (None, None)
    assert (details.similarity, details.model_probability, details.source_a) == (0.0, 0.0, "")
    assert details.first == ""
    assert FactValue.from_json(None) == FactValue("", "")
    assert FactDifference.from_json([1, 2]) == FactDifference(
        "", FactValue("", ""), FactValue("", "")
    )


def test_swapped_reads_the_details_from_claim_b() -> None:
    swapped = DETAILS.swapped()
    assert swapped.first == "a"
    assert swapped.swapped() == DETAILS
    assert replace(DETAILS, first="").swapped().first == ""
    assert swapped.differing[0].a.value == "15000000"
    assert swapped.distinct[0].b.text == "25 عاما"
    assert (swapped.source_a, swapped.source_b) == ("الهلال الأحمر", "وزارة الصحة")
    assert (swapped.published_a, swapped.published_b) == (dt.date(2023, 9, 11), dt.date(2023, 9, 9))
    assert swapped.matched == DETAILS.matched
    assert (swapped.reason, swapped.similarity) == (DETAILS.reason, DETAILS.similarity)
    assert swapped.swapped() == DETAILS
    difference = DETAILS.differing[0]
    assert difference.swapped() == FactDifference("money", difference.b, difference.a)


def test_fact_value_of_a_name_gives_its_words_not_its_key() -> None:
    name = Fact("entity", "krnt", "", "", "Kornet")
    assert FactValue.of(name) == FactValue("entity", "Kornet", "", "Kornet")
    money = Fact("money", "10000000", "USD", "صفقه", "10 ملايين دولار")
    assert FactValue.of(money) == FactValue("money", "10000000", "USD", "10 ملايين دولار")


# --- what relate_claims publishes ----------------------------------------------------------

EARLIER, LATER = dt.date(2023, 9, 9), dt.date(2023, 9, 11)

# (a, b, published_a, published_b), one pair or more per reason code.
PAIRS = [
    (
        "افتتحت الوزيرة المصنع الجديد قبل عامين في ضواحي المدينة",
        "افتتحت الوزيرة المصنع الجديد عام 2022 في ضواحي المدينة",
        dt.date(2024, 5, 1),
        dt.date(2024, 5, 1),
    ),
    (
        "أعلنت وزارة الصحة تسجيل إصابات جديدة بالفيروس في العاصمة",
        "سجلت العاصمة حالات عدوى جديدة بالفيروس بحسب وزارة الصحة",
        None,
        None,
    ),
    ("حُكم على المتهم بالسجن 25 عاما", "قضى المتهم 12 عاما في السجن قبل الإفراج عنه", None, None),
    (
        "وقّعت الحكومة صفقة بقيمة 10 ملايين دولار لشراء القمح",
        "وقعت الحكومة صفقةً بقيمة 15 مليون دولار لشراء القمح",
        None,
        None,
    ),
    ("افتُتح المتحف الوطني للجمهور عام 2015", "افتتح المتحف الوطني للجمهور عام 2019", None, None),
    (
        "افتتح الوزير المعرض الدولي للكتاب في الساعة 10 صباحا",
        "افتتح الوزير المعرض الدولي للكتاب في الساعة 6 مساء",
        None,
        None,
    ),
    (
        "عقد الوزراء اجتماعهم الطارئ في القاهرة لبحث الأزمة",
        "عقد الوزراء اجتماعهم الطارئ في الإسكندرية لبحث الأزمة",
        None,
        None,
    ),
    (
        "وافق البرلمان على قانون الموازنة الجديدة",
        "لم يوافق البرلمان على قانون الموازنة الجديدة",
        None,
        None,
    ),
    (
        "ارتفاع أسعار الذهب في الأسواق المحلية اليوم",
        "انخفاض أسعار الذهب في الأسواق المحلية اليوم",
        dt.date(2024, 5, 1),
        dt.date(2024, 5, 1),
    ),
    (
        "استقبل الرئيس وزير الخارجية الأمريكي في القصر الجمهوري",
        "استقبل الرئيس وزير الخارجية الفرنسي في القصر الجمهوري",
        None,
        None,
    ),
    (
        "المنتخب يحقق فوزاً كبيراً في مباراته الأولى",
        "المنتخب يتلقى هزيمة قاسية في مباراته الأولى",
        None,
        None,
    ),
    (
        "أودى الزلزال بحياة 820 شخصاً في إقليم الحوز",
        "أودى الزلزال بحياة 2900 شخص في إقليم الحوز",
        EARLIER,
        LATER,
    ),
    ("أعلن البنك المركزي رفع سعر الفائدة", "افتتاح معرض الكتاب الدولي في الرياض", None, None),
    (
        "قالت وزارة الدفاع إن 12 جندياً قتلوا في الهجوم على القاعدة",
        "قالت الحركة إن 40 جندياً قتلوا في الهجوم على القاعدة",
        None,
        None,
    ),
    (
        "Oil prices rose sharply after the OPEC meeting in Vienna",
        "Oil prices fell sharply after the OPEC meeting in Vienna",
        None,
        None,
    ),
    (
        "The Coast Guard said at 6 p.m. on Tuesday that the crew had about 40 hours of oxygen left",
        "The Coast Guard said at 11 a.m. on Wednesday that the crew had 20 hours of oxygen left",
        None,
        None,
    ),
    (
        "The migration agency said more than 43,000 people were displaced by the floods",
        "The migration agency said the floods displaced 36,000 people",
        None,
        None,
    ),
    (
        "The crew's oxygen could run out at 7 a.m. ET on Thursday, the Coast Guard said",
        "The crew's oxygen could last until Thursday afternoon ET, the Coast Guard said",
        dt.date(2023, 6, 20),
        None,
    ),
]

# Canonical values: numbers, ISO dates, 24-hour times, parts of the day, direction codes;
# units: currency codes, time zones, units of time.
CANONICAL_VALUE = re.compile(
    r"^-?\d+(?:\.\d+)?$|^\d{4}(?:-\d{2}(?:-\d{2})?)?$|^\d{2}:\d{2}$"
    r"|^(?:dawn|morning|noon|afternoon|evening|night)$|^(?:up|down|confirm|deny)$"
)
UNIT = re.compile(r"^(?:[A-Z]{2,4}|year|month|week|day|hour|decade|%|)$")


def _relations() -> list[tuple[Relation, str, str]]:
    out = []
    for a, b, published_a, published_b in PAIRS:
        claim_a = claim_from_text(a, published=published_a)
        claim_b = claim_from_text(b, published=published_b, position=1)
        relation = relate_claims(claim_a, claim_b, published_a=published_a, published_b=published_b)
        out.append((relation, a, b))
    return out


def test_the_pairs_cover_every_reason_and_kind() -> None:
    relations = [r for r, _, _ in _relations()]
    assert {r.reason for r in relations} == set(Reason)
    assert {r.kind for r in relations} == {
        "agreement",
        "contradiction",
        "disputed",
        "updated",
        "unrelated",
    }


# A letter or a mark of Arabic script, or a word character: what a word may go on with.
WORD_GOES_ON = "[\\w\u0600-\u06ff]"


def _assert_public(value: FactValue, claim_text: str) -> None:
    # The words exactly as the claim wrote them, diacritics and all: a text that stops
    # before a word's tanween ("عاما" of "عاماً") is a normal form, not the article's words.
    assert value.text, value
    assert re.search(re.escape(value.text) + f"(?!{WORD_GOES_ON})", claim_text), (value, claim_text)
    if value.kind in NAME_KINDS:
        assert value.value == value.text
    else:
        assert CANONICAL_VALUE.match(value.value), value
    assert UNIT.match(value.unit), value


@pytest.mark.parametrize("index", range(len(PAIRS)))
def test_details_carry_the_words_as_written_never_a_normal_form(index: int) -> None:
    relation, a, b = _relations()[index]
    details = RelationDetails.from_json(json.loads(json.dumps(relation.details.to_json())))
    for value in details.matched:
        _assert_public(value, a)
    for difference in (*details.differing, *details.distinct):
        _assert_public(difference.a, a)
        _assert_public(difference.b, b)
    for source, text in ((details.source_a, a), (details.source_b, b)):
        assert source in text
    # No internal field (a fact's subject) leaks into the JSON.
    assert "subject" not in json.dumps(relation.details.to_json())


def test_a_dispute_names_its_sources_as_written() -> None:
    relation = next(r for r, _, _ in _relations() if r.kind == "disputed")
    assert (relation.details.source_a, relation.details.source_b) == ("وزارة الدفاع", "الحركة")


def test_a_fact_ending_in_tanween_keeps_it() -> None:
    claim = claim_from_text("حكم على المتهم بالسجن 25 عاماً")
    relation = relate_claims(claim, claim_from_text("قضى المتهم 12 عاما في السجن قبل الإفراج عنه"))
    (difference,) = relation.details.distinct
    _assert_public(difference.a, claim.text)
