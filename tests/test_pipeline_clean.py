"""clean_article: page furniture out, body and metadata in. Pure Python, no database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdiff.pipeline.clean import clean_article

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def erem() -> str:
    return (SEEDS / "000_74628de6391d590b.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def roayah() -> str:
    return (SEEDS / "001_c616ab5195f9a13a.txt").read_text(encoding="utf-8")


EREM_FURNITURE = [
    "الجيش الإسرائيلي: رصد إطلاق عدة صواريخ من لبنان تجاه الجليل الأعلى وتم اعتراضها",
    "logo",
    "العالم العربي",
    "تاجر الأسلحة فيكتور بوتالمصدر: رويترز",
    "07 أكتوبر 2024، 1:36 م",
    "أخبار ذات علاقة",
    "مصادر محتملة للأسلحة الحوثية رغم الحظر البحري والجوي",
    "تابعونا على",
    "جميع الحقوق محفوظة",
    "Erem Media FZ LLC",
]
EREM_TITLE = 'ما حقيقة صفقة الأسلحة بين "تاجر الموت" الروسي وميليشيا الحوثي؟'


def test_erem_furniture_is_removed(erem: str) -> None:
    clean = clean_article(erem)
    for furniture in EREM_FURNITURE:
        assert furniture not in clean.text, furniture
        assert any(furniture in line for line in clean.removed), furniture
    assert "logo" not in clean.text
    assert EREM_TITLE not in clean.text  # the headline is metadata, not a claim


def test_erem_body_is_kept(erem: str) -> None:
    clean = clean_article(erem)
    paragraphs = clean.text.split("\n\n")
    assert paragraphs[0].startswith('كشفت صحيفة "وول ستريت جورنال"')
    assert paragraphs[-1].startswith("ولفت التقرير إلى رفض المتحدث")
    assert "وأدين بوت في عام 2011 بالتآمر لقتل أمريكيين" in clean.text
    assert "صواريخ كورنيت المضادة للدبابات" in clean.text
    assert len(paragraphs) == 14
    assert all(p == p.strip() and p for p in paragraphs)


def test_erem_meta(erem: str) -> None:
    meta = clean_article(erem).meta
    assert meta.title == EREM_TITLE
    assert meta.published == dt.date(2024, 10, 7)
    assert meta.outlet_name == "Erem Media"


ROAYAH_HEADINGS = [
    "من هو فيكتور بوت؟",
    "النشاطات الحالية لفيكتور بوت",
    "تفاصيل الصفقة المحتملة",
    "العواقب المحتملة",
    "ردود الفعل على أنشطة لفيكتور بوت",
    "فيكتور بوت وتجارة الأسلحة",
    "الحوثيون والتهديدات للأمن الدولي",
]


def test_roayah_headings_and_short_link_removed(roayah: str) -> None:
    clean = clean_article(roayah)
    paragraphs = clean.text.split("\n\n")
    for heading in ROAYAH_HEADINGS:
        assert heading not in paragraphs, heading
        assert heading in clean.removed, heading
    assert "رابط مختصر" not in clean.text
    assert "https://" not in clean.text
    assert len(paragraphs) == 18
    # "فيكتور بوت وتجارة الأسلحة" is a heading, but body paragraphs start with the name too.
    assert paragraphs[3].startswith("فيكتور بوت، البالغ من العمر 57 عامًا")


def test_roayah_meta(roayah: str) -> None:
    meta = clean_article(roayah).meta
    assert meta.outlet_domain == "roayahnews.com"
    assert meta.outlet_name == "Roayahnews"
    # No dateline: "أمس 7 أكتوبر 2024" in the body puts publication the day after.
    assert meta.published == dt.date(2024, 10, 8)
    # No headline on the page: the lead's first sentence stands in for it.
    assert meta.title.startswith('فيكتور بوت، "تاجر الموت"، يعود لتجارة الأسلحة')
    assert not meta.title.endswith(".")


LEAD = "ارتفعت أسعار القمح في الأسواق المحلية بنسبة ١٥٪ خلال الشهر الجاري، بحسب وزارة التجارة."


def test_small_arabic_page() -> None:
    raw = "\n".join(
        [
            "عاجل: انقطاع الكهرباء في العاصمة",
            "الرئيسية",
            "اقتصاد",
            "ارتفاع أسعار القمح في الأسواق المحلية",
            "ارتفاع أسعار القمح في الأسواق المحلية",
            "صورة أرشيفية لحقل قمح",
            "الخميس، ١٢ أيلول ٢٠٢٤",
            "",
            LEAD,
            "اقرأ أيضاً",
            "تراجع صادرات الأرز",
            "وقال تاجر في سوق الجملة إن الطلب ما زال مرتفعًا رغم الزيادة الأخيرة.",
            "شارك",
            "© 2024 جريدة المثال. جميع الحقوق محفوظة",
        ]
    )
    clean = clean_article(raw)
    assert clean.text.split("\n\n") == [
        LEAD,
        "وقال تاجر في سوق الجملة إن الطلب ما زال مرتفعًا رغم الزيادة الأخيرة.",
    ]
    assert clean.meta.title == "ارتفاع أسعار القمح في الأسواق المحلية"
    assert clean.meta.published == dt.date(2024, 9, 12)
    assert "جريدة المثال" in clean.meta.outlet_name
    assert "تراجع صادرات الأرز" in clean.removed
    assert "عاجل: انقطاع الكهرباء في العاصمة" in clean.removed


def test_small_english_page() -> None:
    raw = "\n".join(
        [
            "Live: markets open lower",
            "Business",
            "Wheat prices climb as harvest disappoints",
            "A wheat field near Kansas. Photo: Reuters",
            "By Jane Doe",
            "Published 3 March 2024",
            "Wheat prices rose 4% on Monday after a poor harvest report, traders in Chicago said.",
            "Advertisement",
            "Related:",
            "Corn futures slip",
            "The U.S. Department of Agriculture cut its forecast by 2.5 million tonnes.",
            "Share",
            "Read more",
            "Follow us on Facebook",
            "© 2024 Example Media Group Ltd. All rights reserved.",
            "https://www.example-news.com/business/wheat",
        ]
    )
    clean = clean_article(raw)
    assert clean.text.split("\n\n") == [
        "Wheat prices rose 4% on Monday after a poor harvest report, traders in Chicago said.",
        "The U.S. Department of Agriculture cut its forecast by 2.5 million tonnes.",
    ]
    assert clean.meta.title == "Wheat prices climb as harvest disappoints"
    assert clean.meta.published == dt.date(2024, 3, 3)
    assert clean.meta.outlet_name == "Example Media Group"
    assert clean.meta.outlet_domain == "example-news.com"
    for line in ("Photo: Reuters", "By Jane Doe", "Corn futures slip", "Share", "Follow us"):
        assert any(line in removed for removed in clean.removed), line


def test_iso_dateline() -> None:
    raw = "عنوان الخبر هنا اليوم\n2024-01-05\nنص الخبر الأول طويل بما يكفي ليكون فقرة من المقال.\n"
    assert clean_article(raw).meta.published == dt.date(2024, 1, 5)


def test_never_loses_the_body() -> None:
    raw = "سطر قصير\nسطر آخر قصير\nعنوان ثالث"
    clean = clean_article(raw)
    assert clean.text == "سطر قصير\n\nسطر آخر قصير\n\nعنوان ثالث"
    assert clean.removed == ()


def test_empty_text() -> None:
    clean = clean_article("")
    assert clean.text == ""
    assert clean.meta.published is None
