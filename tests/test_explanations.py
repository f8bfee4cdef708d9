"""Link explanations in the reader's language: every reason code in English and Arabic,
the distinct-quantities and disputed cases, the fallback, and the claim page in Arabic."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from newsdiff.explanations import (
    FACT_KIND_LABELS,
    REASON_SENTENCES,
    explanation_localized,
    fact_kind_label,
)
from newsdiff.models import Relation
from newsdiff.pipeline.relate import _REASON_TEXT
from tests.builders import (
    article_with_claims,
    link,
    outlet_create_for_test,
    story_create_for_test,
    user_create_for_test,
)


def _details(reason: str, *differing: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "reason": reason,
        "matched": [],
        "differing": list(differing),
        "disputed_by_sources": False,
        "distinct_quantities": [],
        **extra,
    }


def _fact(kind: str, a: str, b: str, subject: str = "") -> dict[str, str]:
    return {"kind": kind, "subject": subject, "a": a, "b": b}


# (reason, the first differing fact or None, English, Arabic)
CASES = [
    ("same_facts", None, "Both claims report the same facts.", "تنقل المعلومتان الوقائع نفسها."),
    (
        "paraphrase",
        None,
        "The claims say the same thing in different words.",
        "تقول المعلومتان الشيء نفسه بعبارات مختلفة.",
    ),
    (
        "value_mismatch",
        _fact("money", "10000000", "20000000", subject="صفقه"),
        "Same quantity, different values (money: 10,000,000 vs 20,000,000).",
        "الكمية نفسها بقيمتين مختلفتين (المبلغ: 10٬000٬000 مقابل 20٬000٬000).",
    ),
    (
        "date_mismatch",
        _fact("date", "2024-10-07", "2024-10-08"),
        "Same event, different dates (date: 2024-10-07 vs 2024-10-08).",
        "الحدث نفسه بتاريخين مختلفين (التاريخ: 2024-10-07 مقابل 2024-10-08).",
    ),
    (
        "place_mismatch",
        _fact("place", "بغداد", "البصره"),
        "Same event, different places (place: بغداد vs البصره).",
        "الحدث نفسه في مكانين مختلفين (المكان: بغداد مقابل البصره).",
    ),
    ("negation", None, "One claim negates the other.", "إحدى المعلومتين تنفي الأخرى."),
    (
        "opposite_direction",
        _fact("direction", "up", "down"),
        "The claims move in opposite directions (direction: up vs down).",
        "تسير المعلومتان في اتجاهين متعاكسين (الاتجاه: ارتفاع مقابل انخفاض).",
    ),
    (
        "entity_substitution",
        _fact("entity", "حماس", "فتح"),
        "A different name in the same role (entity: حماس vs فتح).",
        "اسم مختلف في الدور نفسه (الاسم: حماس مقابل فتح).",
    ),
    (
        "learned",
        None,
        "The wording differs in a way that usually means a contradiction.",
        "تختلف الصياغة على نحو يدل عادةً على تناقض.",
    ),
    (
        "low_overlap",
        None,
        "The claims only look alike: they share too little to compare.",
        "تتشابه المعلومتان في الظاهر فقط: ما يجمعهما أقل من أن تصح المقارنة بينهما.",
    ),
]


def test_every_reason_of_the_engine_has_a_sentence():
    assert set(REASON_SENTENCES) == set(_REASON_TEXT)


@pytest.mark.parametrize(("reason", "fact", "english", "arabic"), CASES)
def test_reason_in_english_and_arabic(reason, fact, english, arabic):
    details = _details(reason, *([fact] if fact else []))
    with translation.override("en"):
        assert explanation_localized(details, fallback="stored") == english
    with translation.override("ar"):
        assert explanation_localized(details, fallback="stored") == arabic


@pytest.mark.parametrize("reason", sorted(_REASON_TEXT))
def test_reason_without_values_matches_the_stored_english(reason):
    # The engine's own text for a reason with no differing fact, so that an English
    # reader sees what the exports say.
    with translation.override("en"):
        assert explanation_localized(_details(reason), fallback="") == _REASON_TEXT[reason] + "."


def test_values_are_told_from_the_reader_side_when_flipped():
    details = _details("value_mismatch", _fact("count", "12", "1500"))
    with translation.override("en"):
        text = explanation_localized(details, fallback="", flipped=True)
    assert text == "Same quantity, different values (count: 1,500 vs 12)."


def test_distinct_quantities_on_an_agreement():
    details = _details(
        "same_facts",
        distinct_quantities=[_fact("duration", "25 سجن", "12 قضي")],
    )
    with translation.override("en"):
        assert explanation_localized(details, fallback="") == (
            "Different quantities, not a contradiction (duration: 25 سجن / 12 قضي)."
        )
    with translation.override("ar"):
        assert explanation_localized(details, fallback="") == (
            "كميتان مختلفتان لا تتناقضان (المدة: 25 سجن / 12 قضي)."
        )


def test_disputed_by_sources_names_both_sources():
    details = _details(
        "disputed_by_sources",
        _fact("count", "3", "5"),
        disputed_by_sources=True,
        rule="value_mismatch",
        attribution={"a": "الجيش الاسرائيلي", "b": "وزاره الصحه"},
    )
    with translation.override("en"):
        assert explanation_localized(details, fallback="") == (
            "Sources disagree: الجيش الاسرائيلي and وزاره الصحه give conflicting accounts; "
            "the outlets report both. Same quantity, different values (count: 3 vs 5)."
        )
    with translation.override("ar"):
        assert explanation_localized(details, fallback="") == (
            "تختلف المصادر: رواية الجيش الاسرائيلي تتعارض مع رواية وزاره الصحه، "
            "ووسائل الإعلام تنقل الروايتين كلتيهما. "
            "الكمية نفسها بقيمتين مختلفتين (العدد: 3 مقابل 5)."
        )
    with translation.override("en"):
        flipped = explanation_localized(details, fallback="", flipped=True)
    assert flipped.startswith("Sources disagree: وزاره الصحه and الجيش الاسرائيلي ")
    assert flipped.endswith("(count: 5 vs 3).")


@pytest.mark.parametrize(
    "details",
    [
        {"reason": "money differs"},
        {"reason": "disputed_by_sources", "rule": "something new"},
        {},
        None,
    ],
)
def test_unknown_reason_falls_back_to_the_stored_text(details):
    with translation.override("ar"):
        assert explanation_localized(details, fallback="Stored English.") == "Stored English."


def test_fact_kind_labels():
    with translation.override("ar"):
        labels = {kind: fact_kind_label(kind) for kind in FACT_KIND_LABELS}
        assert labels["money"] == "المبلغ"
        assert fact_kind_label("colour") == "colour"
    # Every kind has an Arabic label of its own.
    assert all(label != kind for kind, label in labels.items())
    assert len(set(labels.values())) == len(labels)


def test_claim_detail_in_arabic_shows_the_arabic_explanation(client, db):
    client.force_login(user_create_for_test(role="Editor"))
    story = story_create_for_test()
    _, (a,) = article_with_claims(
        story=story,
        outlet=outlet_create_for_test(name="Erem"),
        claims=[("قيمة الصفقة 10 ملايين دولار.", [])],
    )
    _, (b,) = article_with_claims(
        story=story,
        outlet=outlet_create_for_test(name="Roayah"),
        claims=[("قيمة الصفقة 20 مليون دولار.", [])],
    )
    english = "Same quantity, different values (صفقه: 10000000 vs 20000000)."
    link(
        a,
        b,
        relation=Relation.CONTRADICTION,
        explanation=english,
        details=_details("value_mismatch", _fact("money", "10000000", "20000000", "صفقه")),
    )
    client.cookies["django_language"] = "ar"

    html = client.get(reverse("claim_detail", args=[b.id])).content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    # Read from b: its own value first, as in the here / there table.
    assert "الكمية نفسها بقيمتين مختلفتين (المبلغ: 20٬000٬000 مقابل 10٬000٬000)." in html
    assert english not in html
    assert "Same quantity" not in html
    assert '<th scope="row">المبلغ <span dir="auto">(صفقه)</span></th>' in html

    client.cookies["django_language"] = "en"
    html = client.get(reverse("claim_detail", args=[a.id])).content.decode()
    assert "Same quantity, different values (money: 10,000,000 vs 20,000,000)." in html


def test_fact_units_in_the_readers_language() -> None:
    from django.utils import translation

    from newsdiff.explanations import fact_unit_label

    with translation.override("ar"):
        assert fact_unit_label("year") == "سنوات"
        assert fact_unit_label("USD") == "USD"
    with translation.override("en"):
        assert fact_unit_label("month") == "months"
