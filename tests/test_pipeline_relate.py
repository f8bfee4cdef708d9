"""relate stage: every kind and reason code, the traps that are not contradictions, disputes,
updates, the model file and the scores.

All pairs are written for these tests (none from ANS). Pure: no database.
"""

from __future__ import annotations

import dataclasses
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
    words,
)
from newsdiff.pipeline.relate import model as relate_model
from newsdiff.pipeline.types import (
    ClaimDraft,
    Fact,
    FactDifference,
    FactValue,
    Reason,
    Relation,
    RelationDetails,
)

PUBLISHED = dt.date(2024, 5, 1)
EARLIER, LATER = dt.date(2023, 9, 9), dt.date(2023, 9, 11)

CONTRADICTIONS = [
    # (reason, a, b)
    (
        Reason.VALUE_MISMATCH,
        "وقعت الحكومة صفقة بقيمة 10 ملايين دولار لشراء القمح",
        "وقعت الحكومة صفقة بقيمة 15 مليون دولار لشراء القمح",
    ),
    (
        Reason.VALUE_MISMATCH,
        "أسفر القصف عن مقتل 12 شخصا في المدينة",
        "أسفر القصف عن مقتل 30 شخصا في المدينة",
    ),
    (
        Reason.VALUE_MISMATCH,
        "توفي الكاتب المصري عن عمر ناهز 85 عاما",
        "توفي الكاتب المصري عن عمر ناهز 79 عاما",
    ),
    (
        Reason.DATE_MISMATCH,
        "افتتح المتحف الوطني للجمهور عام 2015",
        "افتتح المتحف الوطني للجمهور عام 2019",
    ),
    (
        Reason.DATE_MISMATCH,
        "عقدت القمة العربية يوم 12 مارس 2024 بحضور القادة",
        "عقدت القمة العربية يوم 20 مارس 2024 بحضور القادة",
    ),
    (
        Reason.PLACE_MISMATCH,
        "عقد الوزراء اجتماعهم الطارئ في القاهرة لبحث الأزمة",
        "عقد الوزراء اجتماعهم الطارئ في عمان لبحث الأزمة",
    ),
    (
        Reason.NEGATION,
        "وافق البرلمان على قانون الموازنة الجديد",
        "لم يوافق البرلمان على قانون الموازنة الجديد",
    ),
    (
        Reason.OPPOSITE_DIRECTION,
        "ارتفاع أسعار الذهب في الأسواق المحلية اليوم",
        "انخفاض أسعار الذهب في الأسواق المحلية اليوم",
    ),
    (
        Reason.ENTITY_SUBSTITUTION,
        "فاز المنتخب المغربي بكأس البطولة بعد مباراة مثيرة",
        "فاز المنتخب الجزائري بكأس البطولة بعد مباراة مثيرة",
    ),
    (
        Reason.VALUE_MISMATCH,
        "قضت المحكمة بسجن المتهم لمدة 5 سنوات بتهمة الاحتيال",
        "قضت المحكمة بسجن المتهم لمدة 7 سنوات بتهمة الاحتيال",
    ),
    (
        # Confirmed / denied: the denial reads as the negation of the confirmation.
        Reason.NEGATION,
        "أكدت وزارة الداخلية وقوع انفجار في مصنع الأسمدة",
        "نفت وزارة الداخلية وقوع انفجار في مصنع الأسمدة",
    ),
    (
        # Several words change, no rule applies: the learned model speaks.
        Reason.LEARNED,
        "المنتخب يحقق فوزا كبيرا في مباراته الأولى",
        "المنتخب يتلقى هزيمة قاسية في مباراته الأولى",
    ),
    # English
    (
        Reason.VALUE_MISMATCH,
        "The central bank raised interest rates by 0.5 percent on Tuesday",
        "The central bank raised interest rates by 0.25 percent on Tuesday",
    ),
    (
        Reason.NEGATION,
        "The company did not sell its factory in Ohio",
        "The company sold its factory in Ohio",
    ),
    (
        Reason.NEGATION,
        "The minister didn't resign after the vote",
        "The minister resigned after the vote",
    ),
    (
        Reason.OPPOSITE_DIRECTION,
        "Oil prices rose sharply after the OPEC meeting",
        "Oil prices fell sharply after the OPEC meeting",
    ),
    (
        Reason.PLACE_MISMATCH,
        "Police arrested two suspects in Paris on Monday",
        "Police arrested two suspects in Lyon on Monday",
    ),
]


@pytest.mark.parametrize(("reason", "a", "b"), CONTRADICTIONS)
def test_contradiction_kinds(reason: Reason, a: str, b: str) -> None:
    relation = relate_texts(a, b, published=PUBLISHED)
    assert relation.kind == "contradiction", relation
    assert relation.reason is reason
    assert 0.5 <= relation.score <= 1.0


def _difference(relation: Relation) -> tuple[str, str, str, str, str]:
    (d,) = relation.details.differing
    return d.kind, d.a.value, d.a.text, d.b.value, d.b.text


def test_value_mismatch_gives_both_values_as_written() -> None:
    relation = relate_texts(
        "أسفر القصف عن مقتل 12 شخصا في المدينة", "أسفر القصف عن مقتل 30 شخصا في المدينة"
    )
    assert _difference(relation) == ("count", "12", "12", "30", "30")


def test_money_mismatch_gives_canonical_value_and_currency() -> None:
    relation = relate_texts(
        "وقعت الحكومة صفقة بقيمة 10 ملايين دولار لشراء القمح",
        "وقعت الحكومة صفقة بقيمة 15 مليون دولار لشراء القمح",
    )
    (d,) = relation.details.differing
    assert d.a == FactValue("money", "10000000", "USD", "10 ملايين دولار")
    assert d.b == FactValue("money", "15000000", "USD", "15 مليون دولار")


def test_substituted_names_keep_their_spelling() -> None:
    # The alef with hamza and the teh marbuta are the article's, not their normal forms.
    relation = relate_texts(
        "استقبل الرئيس وزير الخارجية الأمريكي في القصر الجمهوري",
        "استقبل الرئيس وزير الخارجية الفرنسي في القصر الجمهوري",
    )
    assert relation.reason is Reason.ENTITY_SUBSTITUTION
    assert _difference(relation) == ("entity", "الأمريكي", "الأمريكي", "الفرنسي", "الفرنسي")
    place = relate_texts(
        "عقد الوزراء اجتماعهم الطارئ في القاهرة لبحث الأزمة",
        "عقد الوزراء اجتماعهم الطارئ في عمان لبحث الأزمة",
    )
    assert _difference(place) == ("place", "القاهرة", "القاهرة", "عمان", "عمان")


def test_opposite_directions_give_the_direction_words_as_written() -> None:
    arabic = relate_texts(
        "ارتفاع أسعار الذهب في الأسواق المحلية اليوم", "انخفاض أسعار الذهب في الأسواق المحلية اليوم"
    )
    assert _difference(arabic) == ("direction", "up", "ارتفاع", "down", "انخفاض")
    english = relate_texts(
        "Oil prices rose sharply after the OPEC meeting",
        "Oil prices fell sharply after the OPEC meeting",
    )
    assert _difference(english) == ("direction", "up", "rose", "down", "fell")


def test_sentence_and_time_served_are_different_quantities() -> None:
    relation = relate_texts(
        "حكم على المتهم بالسجن 25 عاما", "قضى المتهم 12 عاما في السجن قبل الإفراج عنه"
    )
    assert relation.kind == "agreement"
    assert relation.reason is Reason.DISTINCT_QUANTITIES
    # Not a conflict, and nothing more: a weak link, which joins no agreement group.
    assert relation.score <= relate.DISTINCT_QUANTITIES_SCORE < 0.5
    (d,) = relation.details.distinct
    assert (d.a.value, d.a.unit, d.b.value, d.b.unit) == ("25", "year", "12", "year")


def test_counts_of_two_things_named_by_one_word_are_no_contradiction() -> None:
    """ "police" names neither: the officers and the cars are two counts."""
    relation = relate_texts(
        "Three police officers were injured in the clashes in the city centre on Friday.",
        "Five police cars were burned in the clashes in the city centre on Friday.",
    )
    assert relation.kind != "contradiction"
    same = relate_texts(
        "Three police officers were injured in the clashes in the city centre on Friday.",
        "Five police officers were injured in the clashes in the city centre on Friday.",
    )
    assert same.kind == "contradiction"


def test_relative_year_resolves_to_the_same_year() -> None:
    relation = relate_texts(
        "افتتح المصنع الجديد قبل عامين في ضواحي المدينة",
        "افتتح المصنع الجديد عام 2022 في ضواحي المدينة",
        published=PUBLISHED,
    )
    assert relation.kind == "agreement"
    assert relation.reason is Reason.SAME_FACTS
    assert relation.details.differing == ()
    assert [m.value for m in relation.details.matched] == ["2022"]


def test_paraphrase_with_other_words_agrees() -> None:
    relation = relate_texts(
        "أعلنت وزارة الصحة تسجيل إصابات جديدة بالفيروس في العاصمة",
        "سجلت العاصمة حالات عدوى جديدة بالفيروس بحسب وزارة الصحة",
    )
    assert relation.kind == "agreement"
    assert relation.reason is Reason.PARAPHRASE


def test_english_paraphrase_agrees() -> None:
    relation = relate_texts(
        "The prime minister visited the flooded villages on Sunday",
        "On Sunday the prime minister toured villages hit by the floods",
    )
    assert relation.kind == "agreement"


def test_won_alone_is_no_negation() -> None:
    # "won" stands for a negation only in "won't" (split as "won t").
    assert words.view(normalize_text("The team won the final")).negations == 0
    assert words.view(normalize_text("The team won't play the final")).negations == 1


def test_one_name_in_two_scripts_is_no_substitution() -> None:
    relation = relate_texts(
        "وصلت شحنة من صواريخ كورنيت إلى الميناء", "وصلت شحنة من صواريخ Kornet إلى الميناء"
    )
    assert relation.reason is not Reason.ENTITY_SUBSTITUTION


# --- disputes: the sources disagree, not the outlets -----------------------------------------


def test_different_sources_make_a_dispute() -> None:
    relation = relate_texts(
        "قال الكرملين إن بوتين لم يلتق المبعوث الأمريكي",
        "قالت صحيفة نيويورك تايمز إن بوتين التقى المبعوث الأمريكي",
    )
    assert relation.kind == "disputed"
    assert relation.reason is Reason.NEGATION
    # The sources as the articles wrote them (teh marbuta and all).
    assert relation.details.source_a == "الكرملين"
    assert relation.details.source_b == "صحيفة نيويورك تايمز"


def test_a_dispute_over_a_figure_keeps_the_figures() -> None:
    relation = relate_texts(
        "قال الجيش إن 12 جنديا قتلوا في الهجوم على القاعدة",
        "قالت الحركة إن 40 جنديا قتلوا في الهجوم على القاعدة",
    )
    assert relation.kind == "disputed"
    assert relation.reason is Reason.VALUE_MISMATCH
    assert _difference(relation) == ("count", "12", "12", "40", "40")
    assert (relation.details.source_a, relation.details.source_b) == ("الجيش", "الحركة")


def _claim(
    text: str, *facts: Fact, attribution: str = "", attribution_text: str = ""
) -> ClaimDraft:
    return ClaimDraft(
        0, text, normalize_text(text), 0, len(text), facts, attribution, attribution_text
    )


def test_same_source_still_contradicts() -> None:
    a = claim_from_text("وافق البرلمان على قانون الموازنة الجديد")
    b = claim_from_text("لم يوافق البرلمان على قانون الموازنة الجديد")
    same = {"attribution": "وزاره الماليه", "attribution_text": "وزارة المالية"}
    relation = relate_claims(dataclasses.replace(a, **same), dataclasses.replace(b, **same))
    assert relation.kind == "contradiction"


def test_a_dispute_falls_back_to_the_normalised_source() -> None:
    a = claim_from_text("وافق البرلمان على قانون الموازنة الجديد")
    b = claim_from_text("لم يوافق البرلمان على قانون الموازنة الجديد")
    relation = relate_claims(
        dataclasses.replace(a, attribution="الحكومه", attribution_text="الحكومة"),
        dataclasses.replace(b, attribution="المعارضه", attribution_text=""),
    )
    assert relation.kind == "disputed"
    assert (relation.details.source_a, relation.details.source_b) == ("الحكومة", "المعارضه")


# --- updates: a count that changed between two publication dates ----------------------------

TOLL = (
    "أودى الزلزال بحياة 820 شخصا في إقليم الحوز",
    "أودى الزلزال بحياة 2900 شخص في إقليم الحوز",
)


def _toll_relation(published_a: dt.date | None, published_b: dt.date | None) -> Relation:
    a = claim_from_text(TOLL[0], published=published_a)
    b = claim_from_text(TOLL[1], published=published_b, position=1)
    return relate_claims(a, b, published_a=published_a, published_b=published_b)


def test_a_count_that_changed_between_two_dates_is_an_update() -> None:
    relation = _toll_relation(EARLIER, LATER)
    assert relation.kind == "updated"
    assert relation.reason is Reason.FIGURE_UPDATED
    assert _difference(relation) == ("count", "820", "820", "2900", "2900")
    assert (relation.details.published_a, relation.details.published_b) == (EARLIER, LATER)


@pytest.mark.parametrize(("published_a", "published_b"), [(EARLIER, EARLIER), (None, LATER)])
def test_same_or_unknown_dates_keep_the_contradiction(
    published_a: dt.date | None, published_b: dt.date | None
) -> None:
    relation = _toll_relation(published_a, published_b)
    assert relation.kind == "contradiction"
    assert relation.reason is Reason.VALUE_MISMATCH
    assert relation.details.published_a is None and relation.details.published_b is None


def test_money_is_never_updated() -> None:
    a = claim_from_text("وقعت الحكومة صفقة بقيمة 10 ملايين دولار لشراء القمح")
    b = claim_from_text("وقعت الحكومة صفقة بقيمة 15 مليون دولار لشراء القمح", position=1)
    relation = relate_claims(a, b, published_a=EARLIER, published_b=LATER)
    assert relation.kind == "contradiction"


def test_sources_come_before_time() -> None:
    a = claim_from_text("قال الجيش إن 12 جنديا قتلوا في الهجوم على القاعدة", published=EARLIER)
    b = claim_from_text("قالت الحركة إن 40 جنديا قتلوا في الهجوم على القاعدة", published=LATER)
    relation = relate_claims(a, b, published_a=EARLIER, published_b=LATER)
    assert relation.kind == "disputed"


# --- the rest ----------------------------------------------------------------------------


def test_look_alike_claims_are_unrelated() -> None:
    relation = relate_texts(
        "أعلن البنك المركزي رفع سعر الفائدة", "افتتاح معرض الكتاب الدولي في الرياض"
    )
    assert relation.kind == "unrelated"
    assert relation.reason is Reason.LOW_OVERLAP


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
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)
    assert relation.details.differing == (
        FactDifference(
            "money",
            FactValue("money", "10000000", "USD", "عشرة ملايين دولار"),
            FactValue("money", "20000000", "USD", "عشرين مليون دولار"),
        ),
    )


def test_date_without_year_is_completed_from_publication() -> None:
    a = _claim("وصل الوفد يوم 7 أكتوبر", Fact("date", "--10-07", text="7 أكتوبر"))
    b = _claim("وصل الوفد يوم 7 أكتوبر 2024", Fact("date", "2024-10-07", text="7 أكتوبر 2024"))
    relation = relate_claims(
        a, b, published_a=dt.date(2024, 10, 8), published_b=dt.date(2024, 10, 9)
    )
    assert relation.kind == "agreement"
    assert relation.details.matched == (FactValue("date", "2024-10-07", "", "7 أكتوبر"),)


def test_details_survive_json() -> None:
    relation = relate_texts(
        "ارتفاع أسعار الذهب في الأسواق المحلية اليوم", "انخفاض أسعار الذهب في الأسواق المحلية اليوم"
    )
    stored = json.loads(json.dumps(relation.details.to_json(), ensure_ascii=False))
    assert RelationDetails.from_json(stored) == relation.details
    assert ENGINE_VERSION == "relate-69"


def test_shipped_model_documents_its_calibration() -> None:
    data = json.loads(relate_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert relate_model.MODEL_PATH.parent.name == "relate"
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


def test_disputes_and_updates_score_as_contradictions() -> None:
    scores = relation_scores(
        ["disagree", "disagree", "agree"], ["disputed", "updated", "agreement"]
    )
    assert scores["accuracy"] == 1.0
    assert scores["confusion"]["contradiction"]["contradiction"] == 2


def test_pair_features_see_antonym_swaps_and_added_words() -> None:
    f = relate.pair_features(
        normalize_text("الحكومة تفتح المعبر أمام المسافرين"),
        normalize_text("الحكومة تغلق المعبر أمام المسافرين"),
    )
    assert f["hand_antonym"] == 1.0
    assert "+t:" + normalize_text("تغلق") in f


@pytest.mark.parametrize(
    ("token", "country"),
    [
        ("والمصريين", "eg"),  # clitic, article, plural of the adjective
        ("بواشنطن", "us"),  # a capital for its country
        ("التركية", "tr"),
        ("وألمانيا", "de"),  # the name starts like the article
        ("egyptians", "eg"),
        ("الاقتصادية", ""),
    ],
)
def test_country_of(token: str, country: str) -> None:
    assert relate_model.country_of(normalize_text(token)) == country


@pytest.mark.parametrize(
    ("b", "swapped"),
    [
        ("وفد تركي يزور العاصمة لبحث التعاون", True),  # another country
        ("وفد مصري رفيع يزور القاهرة لبحث التعاون", False),  # the same country, reworded
        ("وفد يزور العاصمة لبحث التعاون", False),  # the country left out
    ],
)
def test_pair_features_see_another_country(b: str, swapped: bool) -> None:
    f = relate.pair_features(
        normalize_text("وفد مصري يزور العاصمة لبحث التعاون"), normalize_text(b)
    )
    assert ("country_swap" in f) is swapped


def test_article_mode_never_calls_a_shorter_claim_a_learned_contradiction() -> None:
    a = claim_from_text("وصل الوزير إلى العاصمة مساء أمس في زيارة رسمية تستمر يومين")
    b = claim_from_text("وصل الوزير إلى العاصمة")
    # Between headlines (ANS) the model calls it a contradiction; between articles, no.
    assert relate_claims(a, b).reason is Reason.LEARNED
    assert relate_claims(a, b, learned_min_similarity=0.8).reason is not Reason.LEARNED
