"""Verdicts put into words: every reason code and every kind of link (agreement,
contradiction, dispute, update, distinct quantities) in English and Arabic, with the values
as the articles wrote them (currency and full dates added where the words leave them out),
never a stem or a key; and the template filters that show them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.template import Context, Template
from django.utils import translation

from newsdiff.explanations import (
    FACT_KIND_LABELS,
    REASON_SENTENCES,
    fact_kind_label,
    fact_unit_label,
    fact_value_display,
    link_sentence,
)
from newsdiff.models import Relation
from newsdiff.pipeline.types import (
    Fact,
    FactDifference,
    FactValue,
    Reason,
    RelationDetails,
)
from tests.builders import article_with_claims, link, outlet_create_for_test, story_create_for_test

# Facts as the facts stage gives them for short sentences written for these tests.
TEN_MILLION = FactValue("money", "10000000", "USD", "10 ملايين دولار")
TWENTY_MILLION = FactValue("money", "20000000", "USD", "20 مليون دولار")
# "... بلغت قيمتها 20 مليونا" after "الدولارات" earlier in the sentence: no currency in the words.
TWENTY_MILLION_BARE = FactValue("money", "20000000", "USD", "20 مليونا")
YESTERDAY = FactValue("date", "2024-10-07", "", "أمس")
MONDAY_8 = FactValue("date", "2024-10-08", "", "الثلاثاء 8 أكتوبر 2024")
LAST_AUGUST = FactValue("date", "2024-08", "", "أغسطس الماضي")
SEVEN_TEN_ET = FactValue("time", "07:10", "ET", "7:10 a.m. ET")
TEN_ET = FactValue("time", "10:00", "ET", "")
BAGHDAD = FactValue("place", "بغداد", "", "بغداد")
BASRA = FactValue("place", "البصرة", "", "البصرة")
ROSE = FactValue("direction", "up", "", "ارتفع")
FELL = FactValue("direction", "down", "", "انخفض")
DENIED = FactValue("negation", "لم", "", "لم")
AFFIRMED = FactValue("negation", "", "", "")
HAMAS = FactValue("entity", "حماس", "", "حماس")
FATAH = FactValue("entity", "فتح", "", "فتح")
SENTENCE_25 = FactValue("duration", "25", "year", "25 عامًا")
SERVED_12 = FactValue("duration", "12", "year", "12 عامًا")
TOLL_1200 = FactValue("count", "1200", "", "1200")
TOLL_3500 = FactValue("count", "3500", "", "3500")


def diff(a: FactValue, b: FactValue) -> FactDifference:
    return FactDifference(kind=a.kind or b.kind, a=a, b=b)


def details(reason: Reason, *differing: FactDifference, **extra: Any) -> RelationDetails:
    return RelationDetails(reason=reason, differing=differing, **extra)


# (relation, details, English, Arabic): every reason code at least once.
CASES = [
    (
        "agreement",
        details(Reason.SAME_FACTS, matched=(TWENTY_MILLION,)),
        "Both claims report the same facts.",
        "تنقل المعلومتان الوقائع نفسها.",
    ),
    (
        "agreement",
        details(Reason.PARAPHRASE),
        "The claims say the same thing in different words.",
        "تقول المعلومتان الشيء نفسه بعبارات مختلفة.",
    ),
    (
        "agreement",
        details(Reason.DISTINCT_QUANTITIES, distinct=(diff(SENTENCE_25, SERVED_12),)),
        "Different quantities, not a contradiction: the numbers measure different things "
        "(duration: 25 عامًا and 12 عامًا).",
        "كميتان مختلفتان لا تتناقضان: كل رقم يقيس شيئًا مختلفًا (المدة: 25 عامًا و12 عامًا).",
    ),
    (
        "contradiction",
        details(Reason.VALUE_MISMATCH, diff(TEN_MILLION, TWENTY_MILLION_BARE)),
        "Same quantity, different values (money: 10 ملايين دولار vs 20 مليونا (USD)).",
        "الكمية نفسها بقيمتين مختلفتين (المبلغ: 10 ملايين دولار مقابل 20 مليونا (USD)).",
    ),
    (
        "contradiction",
        details(Reason.DATE_MISMATCH, diff(YESTERDAY, MONDAY_8)),
        "Same event, different dates (date: أمس (Oct. 7, 2024) vs الثلاثاء 8 أكتوبر 2024).",
        "الحدث نفسه بتاريخين مختلفين (التاريخ: أمس (7 أكتوبر، 2024) مقابل الثلاثاء 8 أكتوبر 2024).",
    ),
    (
        "contradiction",
        details(Reason.TIME_MISMATCH, diff(SEVEN_TEN_ET, TEN_ET)),
        "Same event, different times of day (time of day: 7:10 a.m. ET vs 10:00 ET).",
        "الحدث نفسه في ساعتين مختلفتين (الساعة: 7:10 a.m. ET مقابل 10:00 ET).",
    ),
    (
        "contradiction",
        details(Reason.PLACE_MISMATCH, diff(BAGHDAD, BASRA)),
        "Same event, different places (place: بغداد vs البصرة).",
        "الحدث نفسه في مكانين مختلفين (المكان: بغداد مقابل البصرة).",
    ),
    (
        "contradiction",
        # The affirming claim has no negation word: no values clause.
        details(Reason.NEGATION, diff(DENIED, AFFIRMED)),
        "One claim negates the other.",
        "إحدى المعلومتين تنفي الأخرى.",
    ),
    (
        "contradiction",
        details(Reason.OPPOSITE_DIRECTION, diff(ROSE, FELL)),
        "The claims move in opposite directions (direction: ارتفع vs انخفض).",
        "تسير المعلومتان في اتجاهين متعاكسين (الاتجاه: ارتفع مقابل انخفض).",
    ),
    (
        "contradiction",
        details(Reason.ENTITY_SUBSTITUTION, diff(HAMAS, FATAH)),
        "A different name in the same role (entity: حماس vs فتح).",
        "اسم مختلف في الدور نفسه (الاسم: حماس مقابل فتح).",
    ),
    (
        "contradiction",
        details(Reason.LEARNED, model_probability=0.91),
        "The wording differs in a way that usually means a contradiction.",
        "تختلف الصياغة على نحو يدل عادةً على تناقض.",
    ),
    (
        "updated",
        details(
            Reason.FIGURE_UPDATED,
            diff(TOLL_1200, TOLL_3500),
            published_a=dt.date(2024, 10, 7),
            published_b=dt.date(2024, 10, 9),
        ),
        "The figure changed between the publication dates, Oct. 7, 2024 and Oct. 9, 2024 "
        "(count: 1,200, then 3,500).",
        "تغيّر الرقم بين تاريخَي النشر 7 أكتوبر، 2024 و9 أكتوبر، 2024 (العدد: 1٬200 ثم 3٬500).",
    ),
    (
        "updated",
        details(Reason.FIGURE_UPDATED_DAYS, diff(TOLL_3500, TOLL_1200)),
        "The figure changed between the two days the claims tell of (count: 3,500 vs 1,200).",
        "تغيّر الرقم بين اليومين اللذين تتحدث عنهما المعلومتان (العدد: 3٬500 مقابل 1٬200).",
    ),
    (
        "updated",
        details(Reason.FIGURE_REVISED, diff(TOLL_3500, TOLL_1200)),
        "The same source gave two figures: it revised its count (count: 3,500 vs 1,200).",
        "أعطى المصدر نفسه رقمين مختلفين: فقد عدّل رقمه (العدد: 3٬500 مقابل 1٬200).",
    ),
    (
        "agreement",
        details(Reason.LOW_OVERLAP, similarity=0.31),
        "The claims only look alike: they share too little to compare.",
        "تتشابه المعلومتان في الظاهر فقط: ما يجمعهما أقل من أن تصح المقارنة بينهما.",
    ),
    (
        "disputed",
        details(
            Reason.VALUE_MISMATCH,
            diff(TEN_MILLION, TWENTY_MILLION),
            source_a="الكرملين",
            source_b="صحيفة وول ستريت جورنال",
        ),
        "Sources disagree: الكرملين and صحيفة وول ستريت جورنال give conflicting accounts; "
        "the outlets report both. Same quantity, different values "
        "(money: 10 ملايين دولار vs 20 مليون دولار).",
        "تختلف المصادر: رواية الكرملين تتعارض مع رواية صحيفة وول ستريت جورنال، "
        "ووسائل الإعلام تنقل الروايتين كلتيهما. "
        "الكمية نفسها بقيمتين مختلفتين (المبلغ: 10 ملايين دولار مقابل 20 مليون دولار).",
    ),
]


def test_every_reason_code_has_a_sentence() -> None:
    assert set(REASON_SENTENCES) == set(Reason)
    assert {case[1].reason for case in CASES} == set(Reason)


@pytest.mark.parametrize(("relation", "given", "english", "arabic"), CASES)
def test_sentence_in_english_and_arabic(
    relation: str, given: RelationDetails, english: str, arabic: str
) -> None:
    with translation.override("en"):
        assert link_sentence(relation, given) == english
    with translation.override("ar"):
        assert link_sentence(relation, given) == arabic


@pytest.mark.parametrize("reason", list(Reason))
@pytest.mark.parametrize("relation", ["agreement", "contradiction", "disputed", "updated"])
def test_every_reason_and_kind_renders_in_both_languages(relation: str, reason: Reason) -> None:
    given = details(reason, diff(TEN_MILLION, TWENTY_MILLION_BARE), source_a="الكرملين")
    with translation.override("en"):
        english = link_sentence(relation, given)
    with translation.override("ar"):
        arabic = link_sentence(relation, given)
    for sentence in (english, arabic):
        assert sentence.endswith(".") and "%(" not in sentence
        assert "20000000" not in sentence  # the value as written, never the canonical number
    assert english != arabic
    # Fully translated: no English word left in the Arabic sentence (currency codes aside).
    assert not re.search("[A-Za-z]", arabic.replace("USD", ""))


def test_read_from_claim_b_side() -> None:
    given = CASES[3][1]
    with translation.override("en"):
        assert link_sentence("contradiction", given, flipped=True) == (
            "Same quantity, different values (money: 20 مليونا (USD) vs 10 ملايين دولار)."
        )
    disputed = CASES[-1][1]
    with translation.override("en"):
        flipped = link_sentence("disputed", disputed, flipped=True)
    assert flipped.startswith("Sources disagree: صحيفة وول ستريت جورنال and الكرملين ")
    assert flipped.endswith("(money: 20 مليون دولار vs 10 ملايين دولار).")


def test_an_update_is_told_in_time_order_from_either_side() -> None:
    given = details(
        Reason.FIGURE_UPDATED,
        diff(TOLL_3500, TOLL_1200),
        published_a=dt.date(2024, 10, 9),
        published_b=dt.date(2024, 10, 7),
    )
    with translation.override("en"):
        expected = (
            "The figure changed between the publication dates, Oct. 7, 2024 and Oct. 9, 2024 "
            "(count: 1,200, then 3,500)."
        )
        assert link_sentence("updated", given) == expected
        assert link_sentence("updated", given, flipped=True) == expected
        same_day = details(
            Reason.FIGURE_UPDATED,
            diff(TOLL_1200, TOLL_3500),
            published_a=dt.date(2024, 10, 7),
            published_b=dt.date(2024, 10, 7),
        )
        # One day: nothing orders the two figures unless the wording does.
        assert link_sentence("updated", same_day) == (
            "The figure changed between two articles published on Oct. 7, 2024 "
            "(count: 1,200 vs 3,500)."
        )
        undated = details(Reason.FIGURE_UPDATED, diff(TOLL_1200, TOLL_3500))
        assert link_sentence("updated", undated) == (
            "The figure was updated over time; nothing tells which figure came first "
            "(count: 1,200 vs 3,500)."
        )


# An update its dates cannot order, in the order its claims' wording tells (b's 1,200
# first: "a provisional toll" against a's 3,500, say), from either side, in both languages.
WORDED_ORDER_CASES = [
    (
        {},
        "The figure was updated over time, as the claims' wording tells "
        "(count: 1,200, then 3,500).",
        "تغيّر الرقم مع الوقت، كما تبيّن صياغة المعلومتين (العدد: 1٬200 ثم 3٬500).",
    ),
    (
        {"published_a": dt.date(2024, 10, 7), "published_b": dt.date(2024, 10, 7)},
        "The figure changed between two articles published on Oct. 7, 2024 "
        "(count: 1,200, then 3,500).",
        "تغيّر الرقم بين مقالين نُشرا في 7 أكتوبر، 2024 (العدد: 1٬200 ثم 3٬500).",
    ),
    (
        {"published_b": dt.date(2024, 10, 7)},
        "The figure was updated over time, as the claims' wording tells "
        "(count: 1,200, then 3,500).",
        "تغيّر الرقم مع الوقت، كما تبيّن صياغة المعلومتين (العدد: 1٬200 ثم 3٬500).",
    ),
]


@pytest.mark.parametrize(("dates", "english", "arabic"), WORDED_ORDER_CASES)
def test_an_update_the_dates_cannot_order_is_told_in_the_wordings_order(
    dates: dict[str, dt.date], english: str, arabic: str
) -> None:
    given = details(Reason.FIGURE_UPDATED, diff(TOLL_3500, TOLL_1200), first="b", **dates)
    for language, expected in (("en", english), ("ar", arabic)):
        with translation.override(language):
            assert link_sentence("updated", given) == expected
            assert link_sentence("updated", given, flipped=True) == expected
            assert link_sentence("updated", given.swapped()) == expected


def test_the_publication_dates_order_an_update_before_the_wording() -> None:
    # relate sets first only where the dates cannot order; dates that can still rule.
    given = details(
        Reason.FIGURE_UPDATED,
        diff(TOLL_3500, TOLL_1200),
        published_a=dt.date(2024, 10, 7),
        published_b=dt.date(2024, 10, 9),
        first="b",
    )
    with translation.override("en"):
        assert link_sentence("updated", given) == (
            "The figure changed between the publication dates, Oct. 7, 2024 and Oct. 9, 2024 "
            "(count: 3,500, then 1,200)."
        )


def test_a_dispute_without_named_sources() -> None:
    given = details(Reason.NEGATION)
    with translation.override("en"):
        assert link_sentence("disputed", given) == (
            "The sources the outlets quote give conflicting accounts; the outlets report "
            "both. One claim negates the other."
        )
        one_named = details(Reason.NEGATION, source_b="the Kremlin")
        assert link_sentence("disputed", one_named).startswith(
            "Sources disagree: the outlet and the Kremlin give conflicting accounts;"
        )


# --- One value --------------------------------------------------------------------------

VALUES = [
    # (value, English, Arabic)
    (TWENTY_MILLION, "20 مليون دولار", "20 مليون دولار"),
    (FactValue("money", "20000000", "USD", "$20 million"), "$20 million", "$20 million"),
    (FactValue("money", "5000", "EUR", "5000 يورو"), "5000 يورو", "5000 يورو"),
    (FactValue("money", "5000", "EGP", "بخمسة آلاف جنيه"), "بخمسة آلاف جنيه", "بخمسة آلاف جنيه"),
    (TWENTY_MILLION_BARE, "20 مليونا (USD)", "20 مليونا (USD)"),
    (FactValue("money", "20000000", "USD", "20 million"), "20 million (USD)", "20 million (USD)"),
    (FactValue("money", "20000000", "USD"), "20,000,000 USD", "20٬000٬000 USD"),
    (LAST_AUGUST, "أغسطس الماضي (August 2024)", "أغسطس الماضي (أغسطس 2024)"),
    (
        FactValue("date", "2024-08", "", "last August"),
        "last August (August 2024)",
        "last August (أغسطس 2024)",
    ),
    (YESTERDAY, "أمس (Oct. 7, 2024)", "أمس (7 أكتوبر، 2024)"),
    (
        FactValue("date", "2024-10-07", "", "٧ أكتوبر"),
        "٧ أكتوبر (Oct. 7, 2024)",
        "٧ أكتوبر (7 أكتوبر، 2024)",
    ),
    (FactValue("date", "2024-10-07", "", "7 أكتوبر 2024"), "7 أكتوبر 2024", "7 أكتوبر 2024"),
    (FactValue("date", "2024-10-07", "", "٧ أكتوبر ٢٠٢٤"), "٧ أكتوبر ٢٠٢٤", "٧ أكتوبر ٢٠٢٤"),
    (FactValue("year", "2022", "", "قبل عامين"), "قبل عامين (2022)", "قبل عامين (2022)"),
    (FactValue("year", "2024", "", "عام 2024"), "عام 2024", "عام 2024"),
    (FactValue("date", "2024-10-07"), "Oct. 7, 2024", "7 أكتوبر، 2024"),
    (ROSE, "ارتفع", "ارتفع"),
    (FactValue("direction", "down"), "down", "انخفاض"),
    (FactValue("direction", "deny", "", "deny"), "denies", "نفي"),
    (SENTENCE_25, "25 عامًا", "25 عامًا"),
    (FactValue("duration", "25", "year", "25"), "25 years", "25 سنوات"),
    # Digits whose unit the sentence gives elsewhere.
    (FactValue("duration", "25", "year", "٢٥"), "٢٥ (years)", "٢٥ (سنوات)"),
    (FactValue("percent", "7.5", "%", "7.5%"), "7.5%", "7.5%"),
    (FactValue("percent", "7.5", "%"), "7.5%", "7٫5%"),
    (TOLL_1200, "1,200", "1٬200"),
    (FactValue("entity", "وول ستريت جورنال", "", "وول ستريت جورنال"), "وول ستريت جورنال", None),
]


@pytest.mark.parametrize(("value", "english", "arabic"), VALUES)
def test_fact_value_display(value: FactValue, english: str, arabic: str | None) -> None:
    with translation.override("en"):
        assert fact_value_display(value) == english
    with translation.override("ar"):
        assert fact_value_display(value) == (english if arabic is None else arabic)


def test_a_stored_fact_is_shown_by_its_words_not_its_stem_or_key() -> None:
    # What the facts stage stores for "... صحيفة وول ستريت جورنال": a name key and a stem.
    stored = Fact(kind="entity", value="wl strt jrnl", subject="صحيف", text="وول ستريت جورنال")
    shown = fact_value_display(FactValue.of(stored))
    assert shown == "وول ستريت جورنال"
    money = Fact("money", "20000000", "USD", subject="صفق", text="20 مليون دولار")
    with translation.override("ar"):
        sentence = link_sentence(
            "contradiction",
            details(Reason.VALUE_MISMATCH, diff(FactValue.of(money), TEN_MILLION)),
        )
    assert "صفق" not in sentence.replace("الصفقة", "") and "20 مليون دولار" in sentence


def test_two_lengths_are_told_as_lengths_in_their_units() -> None:
    from newsdiff.pipeline.relate import relate_texts

    relation = relate_texts(
        "The submersible is a 21-foot vessel that carries five people.",
        "The submersible, 22 feet long, carries five people.",
    )
    assert relation.kind == "contradiction"
    with translation.override("en"):
        assert "(length: 21 ft vs 22 ft)" in link_sentence(relation.kind, relation.details)
    with translation.override("ar"):
        assert "(الطول: 21 قدم مقابل 22 قدم)" in link_sentence(relation.kind, relation.details)


def test_a_length_two_claims_share_is_told_as_a_length() -> None:
    from newsdiff.pipeline.relate import relate_texts

    relation = relate_texts(
        "The epicentre was 72 kilometres south-west of the city, the survey said.",
        "The survey said the epicentre lay 72 km south-west of the city.",
    )
    assert relation.kind == "agreement"
    lengths = [m for m in relation.details.matched if m.value == "72"]
    assert [(m.kind, m.unit) for m in lengths] == [("length", "km")]
    with translation.override("en"):
        assert fact_value_display(lengths[0]) == "72 km"


def test_fact_kind_and_unit_labels() -> None:
    with translation.override("ar"):
        labels = {kind: fact_kind_label(kind) for kind in FACT_KIND_LABELS}
        assert labels["money"] == "المبلغ"
        assert fact_kind_label("colour") == "colour"
        assert fact_unit_label("year") == "سنوات"
        assert fact_unit_label("hour") == "ساعات"
        assert fact_unit_label("USD") == "USD"
    # Every kind has an Arabic label of its own.
    assert all(label != kind for kind, label in labels.items())
    assert len(set(labels.values())) == len(labels)
    with translation.override("en"):
        assert fact_unit_label("month") == "months"


# --- Template filters -------------------------------------------------------------------


@pytest.mark.django_db
def test_explain_filter_reads_the_link_from_the_readers_claim() -> None:
    story = story_create_for_test()
    _, (a,) = article_with_claims(
        story=story,
        outlet=outlet_create_for_test(name="Erem"),
        claims=["قيمة الصفقة 10 ملايين دولار."],
    )
    _, (b,) = article_with_claims(
        story=story,
        outlet=outlet_create_for_test(name="Roayah"),
        claims=["بلغت قيمة الصفقة 20 مليونا من الدولارات."],
    )
    stored = link(
        a,
        b,
        relation=Relation.CONTRADICTION,
        reason=Reason.VALUE_MISMATCH,
        details=details(Reason.VALUE_MISMATCH, diff(TEN_MILLION, TWENTY_MILLION_BARE)),
    )
    template = Template("{% load newsdiff_format %}{{ link|explain:claim_id }}")
    with translation.override("ar"):
        from_b = template.render(Context({"link": stored, "claim_id": b.id}))
    # On a page each value is set apart in its own direction (Unicode isolates), so that an
    # Arabic value in an English sentence keeps its words and brackets in place.
    fsi, pdi = "\u2068", "\u2069"
    assert from_b == (
        f"الكمية نفسها بقيمتين مختلفتين (المبلغ: {fsi}20 مليونا (USD){pdi} مقابل "
        f"{fsi}10 ملايين دولار{pdi})."
    )
    with translation.override("en"):
        from_a = template.render(Context({"link": stored, "claim_id": a.id}))
    assert from_a == (
        f"Same quantity, different values (money: {fsi}10 ملايين دولار{pdi} vs "
        f"{fsi}20 مليونا (USD){pdi})."
    )
    # In files (exports, the relate command) the sentence stays plain text.
    assert "\u2068" not in link_sentence(
        stored.relation, details(Reason.VALUE_MISMATCH, diff(TEN_MILLION, TWENTY_MILLION_BARE))
    )


def test_fact_value_template_shows_a_fact_value() -> None:
    template = Template('{% include "newsdiff/_fact_value.html" with value=value only %}')
    with translation.override("en"):
        assert template.render(Context({"value": LAST_AUGUST})) == "أغسطس الماضي (August 2024)"
        assert template.render(Context({"value": TWENTY_MILLION_BARE.to_json()})) == (
            "20 مليونا (USD)"
        )
        assert template.render(Context({"value": None})) == "—"
