"""relate stage: contradiction kinds, the traps that are not contradictions, the model file.

All pairs are written for these tests (none from ANS). Pure: no database.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsdiff.pipeline import relate
from newsdiff.pipeline.normalize import normalize_text
from newsdiff.pipeline.relate import (
    ENGINE_VERSION,
    claim_from_text,
    relate_claims,
    relate_texts,
    relation_scores,
)
from newsdiff.pipeline.types import ClaimDraft, Fact

PUBLISHED = dt.date(2024, 5, 1)

CONTRADICTIONS = [
    # (reason, a, b)
    (
        "value_mismatch",
        "وقعت الحكومة صفقة بقيمة 10 ملايين دولار لشراء القمح",
        "وقعت الحكومة صفقة بقيمة 15 مليون دولار لشراء القمح",
    ),
    (
        "value_mismatch",
        "أسفر القصف عن مقتل 12 شخصا في المدينة",
        "أسفر القصف عن مقتل 30 شخصا في المدينة",
    ),
    (
        "value_mismatch",
        "توفي الكاتب المصري عن عمر ناهز 85 عاما",
        "توفي الكاتب المصري عن عمر ناهز 79 عاما",
    ),
    (
        "date_mismatch",
        "افتتح المتحف الوطني للجمهور عام 2015",
        "افتتح المتحف الوطني للجمهور عام 2019",
    ),
    (
        "date_mismatch",
        "عقدت القمة العربية يوم 12 مارس 2024 بحضور القادة",
        "عقدت القمة العربية يوم 20 مارس 2024 بحضور القادة",
    ),
    (
        "place_mismatch",
        "عقد الوزراء اجتماعهم الطارئ في القاهرة لبحث الأزمة",
        "عقد الوزراء اجتماعهم الطارئ في عمان لبحث الأزمة",
    ),
    (
        "negation",
        "وافق البرلمان على قانون الموازنة الجديد",
        "لم يوافق البرلمان على قانون الموازنة الجديد",
    ),
    (
        "opposite_direction",
        "ارتفاع أسعار الذهب في الأسواق المحلية اليوم",
        "انخفاض أسعار الذهب في الأسواق المحلية اليوم",
    ),
    (
        "entity_substitution",
        "فاز المنتخب المغربي بكأس البطولة بعد مباراة مثيرة",
        "فاز المنتخب الجزائري بكأس البطولة بعد مباراة مثيرة",
    ),
    (
        "value_mismatch",
        "قضت المحكمة بسجن المتهم لمدة 5 سنوات بتهمة الاحتيال",
        "قضت المحكمة بسجن المتهم لمدة 7 سنوات بتهمة الاحتيال",
    ),
    (
        # Confirmed / denied: the denial reads as the negation of the confirmation.
        "negation",
        "أكدت وزارة الداخلية وقوع انفجار في مصنع الأسمدة",
        "نفت وزارة الداخلية وقوع انفجار في مصنع الأسمدة",
    ),
    # English
    (
        "value_mismatch",
        "The central bank raised interest rates by 0.5 percent on Tuesday",
        "The central bank raised interest rates by 0.25 percent on Tuesday",
    ),
    (
        "negation",
        "The company did not sell its factory in Ohio",
        "The company sold its factory in Ohio",
    ),
    (
        "opposite_direction",
        "Oil prices rose sharply after the OPEC meeting",
        "Oil prices fell sharply after the OPEC meeting",
    ),
    (
        "place_mismatch",
        "Police arrested two suspects in Paris on Monday",
        "Police arrested two suspects in Lyon on Monday",
    ),
]


@pytest.mark.parametrize(("reason", "a", "b"), CONTRADICTIONS)
def test_contradiction_kinds(reason: str, a: str, b: str) -> None:
    relation = relate_texts(a, b, published=PUBLISHED)
    assert relation.kind == "contradiction", relation
    assert relation.details["reason"] == reason
    assert relation.details["disputed_by_sources"] is False
    assert 0.5 <= relation.score <= 1.0
    assert relation.explanation


def test_value_mismatch_lists_both_values() -> None:
    relation = relate_texts(
        "أسفر القصف عن مقتل 12 شخصا في المدينة", "أسفر القصف عن مقتل 30 شخصا في المدينة"
    )
    differing = relation.details["differing"][0]
    assert (differing["kind"], differing["a"], differing["b"]) == ("count", "12", "30")
    assert "12" in relation.explanation and "30" in relation.explanation


def test_sentence_and_time_served_are_different_quantities() -> None:
    relation = relate_texts(
        "حكم على المتهم بالسجن 25 عاما", "قضى المتهم 12 عاما في السجن قبل الإفراج عنه"
    )
    assert relation.kind != "contradiction"
    assert relation.details["distinct_quantities"]


def test_relative_year_resolves_to_the_same_year() -> None:
    relation = relate_texts(
        "افتتح المصنع الجديد قبل عامين في ضواحي المدينة",
        "افتتح المصنع الجديد عام 2022 في ضواحي المدينة",
        published=PUBLISHED,
    )
    assert relation.kind == "agreement"
    assert relation.details["reason"] == "same_facts"
    assert relation.details["differing"] == []


def test_paraphrase_with_other_words_agrees() -> None:
    relation = relate_texts(
        "أعلنت وزارة الصحة تسجيل إصابات جديدة بالفيروس في العاصمة",
        "سجلت العاصمة حالات عدوى جديدة بالفيروس بحسب وزارة الصحة",
    )
    assert relation.kind == "agreement"
    assert relation.details["reason"] == "paraphrase"


def test_english_paraphrase_agrees() -> None:
    relation = relate_texts(
        "The prime minister visited the flooded villages on Sunday",
        "On Sunday the prime minister toured villages hit by the floods",
    )
    assert relation.kind == "agreement"


def test_different_sources_make_a_dispute_not_a_contradiction() -> None:
    relation = relate_texts(
        "قال الكرملين إن بوتين لم يلتق المبعوث الأمريكي",
        "قالت صحيفة نيويورك تايمز إن بوتين التقى المبعوث الأمريكي",
    )
    assert relation.kind == "unrelated"
    assert relation.details["disputed_by_sources"] is True
    assert relation.details["reason"] == "disputed_by_sources"
    assert relation.explanation.startswith("Sources disagree")


def test_same_source_still_contradicts() -> None:
    a = claim_from_text("وافق البرلمان على قانون الموازنة الجديد")
    b = claim_from_text("لم يوافق البرلمان على قانون الموازنة الجديد")
    same = ClaimDraft(
        b.position, b.text, b.normalized, b.start, b.end, b.facts, attribution="وزاره الماليه"
    )
    first = ClaimDraft(
        a.position, a.text, a.normalized, a.start, a.end, a.facts, attribution="وزاره الماليه"
    )
    assert relate_claims(first, same).kind == "contradiction"


def test_look_alike_claims_are_unrelated() -> None:
    relation = relate_texts(
        "أعلن البنك المركزي رفع سعر الفائدة", "افتتاح معرض الكتاب الدولي في الرياض"
    )
    assert relation.kind == "unrelated"
    assert relation.details["reason"] == "low_overlap"


def _claim(text: str, *facts: Fact, attribution: str = "") -> ClaimDraft:
    return ClaimDraft(0, text, normalize_text(text), 0, len(text), facts, attribution)


def test_rules_read_the_claims_facts() -> None:
    # Facts given by hand: the rule works on whatever the facts stage found.
    a = _claim(
        "صفقة بقيمة عشرة ملايين دولار",
        Fact("money", "10000000", "USD", "صفقه", "عشرة ملايين دولار"),
    )
    b = _claim(
        "صفقة بقيمة عشرين مليون دولار",
        Fact("money", "20000000", "USD", "صفقه", "عشرين مليون دولار"),
    )
    relation = relate_claims(a, b)
    assert (relation.kind, relation.details["reason"]) == ("contradiction", "value_mismatch")


def test_date_without_year_is_completed_from_publication() -> None:
    a = _claim("وصل الوفد يوم 7 أكتوبر", Fact("date", "--10-07", text="7 أكتوبر"))
    b = _claim("وصل الوفد يوم 7 أكتوبر 2024", Fact("date", "2024-10-07", text="7 أكتوبر 2024"))
    relation = relate_claims(
        a, b, published_a=dt.date(2024, 10, 8), published_b=dt.date(2024, 10, 9)
    )
    assert relation.kind == "agreement"
    assert relation.details["matched"]


def test_details_are_json_serialisable_and_complete() -> None:
    relation = relate_texts(
        "ارتفاع أسعار الذهب في الأسواق المحلية اليوم", "انخفاض أسعار الذهب في الأسواق المحلية اليوم"
    )
    details = json.loads(json.dumps(relation.details, ensure_ascii=False))
    for key in ("reason", "matched", "differing", "disputed_by_sources", "similarity"):
        assert key in details
    assert isinstance(ENGINE_VERSION, str) and ENGINE_VERSION


def test_shipped_model_documents_its_calibration() -> None:
    data = json.loads(relate.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["weights"] and 0 < data["threshold"] < 1
    assert data["calibration"]["dev"]["macro_f1_agree_disagree"] >= 0.80


def test_relation_scores() -> None:
    scores = relation_scores(
        ["agree", "disagree", "other", "agree"],
        ["agreement", "contradiction", "agreement", "contradiction"],
    )
    assert scores["accuracy"] == pytest.approx(0.5)
    assert scores["confusion"]["agreement"]["contradiction"] == 1
    assert scores["macro_f1_agree_disagree"] == pytest.approx((0.5 + 2 / 3) / 2)


def test_pair_features_see_antonym_swaps_and_added_words() -> None:
    f = relate.pair_features(
        normalize_text("الحكومة تفتح المعبر أمام المسافرين"),
        normalize_text("الحكومة تغلق المعبر أمام المسافرين"),
    )
    assert f["hand_antonym"] == 1.0
    assert "+t:" + normalize_text("تغلق") in f


def test_article_mode_never_calls_a_shorter_claim_a_learned_contradiction() -> None:
    a = claim_from_text("وصل الوزير إلى العاصمة مساء أمس في زيارة رسمية تستمر يومين")
    b = claim_from_text("وصل الوزير إلى العاصمة")
    relation = relate_claims(a, b, learned_min_similarity=0.8)
    assert relation.details["reason"] != "learned"
