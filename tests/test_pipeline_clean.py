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


# --- Furniture kinds of real pages (issue 9), each written for the tests ---------------------

AR_LEAD = "قالت السلطات المحلية في مدينة الوادي إن السيول جرفت عشرات المنازل ليلة الثلاثاء."
AR_NEXT = "وأضاف المتحدث باسم الدفاع المدني أن فرق الإنقاذ انتشلت 42 جثة حتى صباح الأربعاء."
EN_LEAD = "Flash floods swept away dozens of homes in the valley town overnight, officials said."
EN_NEXT = "Rescue teams had recovered 42 bodies by Wednesday morning, the civil defence said."


def body_with(lines: list[str], *, arabic: bool) -> list[str]:
    """The paragraphs kept from a page whose body has the given lines between its two
    paragraphs, under a headline."""
    lead, following = (AR_LEAD, AR_NEXT) if arabic else (EN_LEAD, EN_NEXT)
    title = "سيول تجرف منازل في الوادي" if arabic else "Floods sweep homes away in the valley"
    clean = clean_article("\n".join([title, lead, *lines, following]))
    return clean.text.split("\n\n")


@pytest.mark.parametrize(
    "caption",
    [
        "رجال الإنقاذ يبحثون عن ناجين بين أنقاض المنازل المنهارة في وسط مدينة الوادي (رويترز)",
        "سيارات جرفتها السيول تتكدس في أحد الشوارع الرئيسية للمدينة بعد انحسار المياه (أ ف ب)",
        "سكان يتفقدون الأضرار التي لحقت بالجسر القديم في المدينة - صورة أرشيفية",
        "متطوعون يوزعون المياه والطعام على العائلات في مخيم مؤقت (تصوير: سامر الحلبي)",
    ],
)
def test_arabic_captions_closed_by_a_credit_are_furniture(caption: str) -> None:
    assert body_with([caption], arabic=True) == [AR_LEAD, AR_NEXT]


@pytest.mark.parametrize(
    "caption",
    [
        "Residents wade through floodwater past damaged shops in the centre of the town (Reuters)",
        "Volunteers hand out bottled water to families at a temporary shelter on the edge of"
        " the town (AFP)",
        "A man walks past cars piled up by the flood in the valley town, September 12, 2023."
        " REUTERS/Jane Doe",
        "Rescuers search the rubble of a collapsed house in the old quarter on Tuesday (Photo"
        " by Jane Doe / AFP via Getty Images)",
        "Damaged houses along the river bank (Getty Images)",
        "Photo: Example News Agency",
    ],
)
def test_english_captions_closed_by_a_credit_are_furniture(caption: str) -> None:
    assert body_with([caption], arabic=False) == [EN_LEAD, EN_NEXT]


@pytest.mark.parametrize(
    "sentence",
    [
        # 25 words, a verb of saying and a full stop: a sentence that names its agency.
        "وأكد المسؤول أن فرق الإغاثة وصلت إلى القرى المعزولة في الجبال بعد يومين من انقطاع"
        " الطرق بسبب الانهيارات الأرضية، قال المتحدث (رويترز).",
        # Short, but closed by a full stop after the credit.
        "ارتفعت حصيلة القتلى في المدينة إلى 42 قتيلا (رويترز).",
        # No full stop, but a verb of saying.
        "The death toll in the valley town rose to 42 overnight, the civil defence said (Reuters)",
    ],
)
def test_sentences_that_end_with_a_credit_are_kept(sentence: str) -> None:
    arabic = sentence[0] not in "Tt"
    assert sentence in body_with([sentence], arabic=arabic)


@pytest.mark.parametrize(
    "notice",
    [
        "Sorry, you need to enable JavaScript to visit this website.",
        "Please enable JavaScript to view the comments on this article.",
        "We use cookies to improve your experience. By continuing to browse, you agree to our"
        " use of cookies.",
        "Advertisement",
        "Skip to content",
        "Sign up for our daily newsletter and get the top stories in your inbox.",
        "يرجى تفعيل الجافاسكريبت في متصفحك لتتمكن من تصفح هذا الموقع بشكل صحيح.",
        "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك في التصفح.",
        "إعلان",
        "اشترك في النشرة البريدية ليصلك كل جديد على بريدك الإلكتروني.",
        "اشترك مجانا بقناة الموقع على يوتيوب",
    ],
)
def test_site_notices_are_furniture(notice: str) -> None:
    arabic = not notice.isascii()
    lead, following = (AR_LEAD, AR_NEXT) if arabic else (EN_LEAD, EN_NEXT)
    assert body_with([notice], arabic=arabic) == [lead, following]


def test_a_notice_before_the_body_is_neither_body_nor_title() -> None:
    raw = "\n".join(
        [
            "Sorry, you need to enable JavaScript to visit this website.",
            "Floods sweep homes away in the valley",
            EN_LEAD,
            EN_NEXT,
        ]
    )
    clean = clean_article(raw)
    assert clean.text.split("\n\n") == [EN_LEAD, EN_NEXT]
    assert clean.meta.title == "Floods sweep homes away in the valley"


HEADLINE = "ارتفاع أسعار القمح في الأسواق المحلية"


@pytest.mark.parametrize(
    ("above", "title"),
    [
        # A call to subscribe, and the site's name with a dash, are no headline.
        ([HEADLINE, "اشترك مجانا بقناة الموقع على يوتيوب"], HEADLINE),
        ([HEADLINE, "آخر تحديث GMT 09:41:12", "أخبار اليوم -"], HEADLINE),
        # A dateline's place and site are no headline either: the lead gives the title.
        (["الرياض - أخبار اليوم"], AR_LEAD.rstrip(".")),
        # Repeated after the site's name, above a dateline that names the site.
        ([HEADLINE, f"أخبار اليوم - {HEADLINE}", "القاهرة - أخبار اليوم"], HEADLINE),
    ],
)
def test_a_headline_above_the_sites_own_lines_is_the_title(above: list[str], title: str) -> None:
    clean = clean_article("\n".join([*above, AR_LEAD, AR_NEXT]))
    assert clean.meta.title == title
    assert clean.text.split("\n\n") == [AR_LEAD, AR_NEXT]


def test_a_notice_glued_to_a_sentence_is_cut_out_of_its_line() -> None:
    glued = f"We use cookies to improve your experience on our site. {EN_NEXT}"
    clean = clean_article("\n".join(["Floods sweep homes away", EN_LEAD, glued]))
    assert clean.text.split("\n\n") == [EN_LEAD, EN_NEXT]
    assert "We use cookies to improve your experience on our site." in clean.removed


def test_a_page_of_notices_and_short_lines_keeps_only_the_short_lines() -> None:
    raw = "سطر قصير\nSorry, you need to enable JavaScript to visit this website.\nعنوان ثالث"
    clean = clean_article(raw)
    assert clean.text == "سطر قصير\n\nعنوان ثالث"
    assert "Sorry, you need to enable JavaScript to visit this website." in clean.removed


@pytest.mark.parametrize(
    "furniture",
    [
        ["1.2K shares", "Share on Facebook", "Copied", "3 min read"],
        ["12 comments 3,400 views"],
        ["مشاركة", "0 تعليق", "شارك على واتساب", "عدد المشاهدات: 1234", "5 دقائق للقراءة"],
    ],
)
def test_share_counters_and_social_prompts_are_furniture(furniture: list[str]) -> None:
    arabic = not furniture[0].isascii()
    lead, following = (AR_LEAD, AR_NEXT) if arabic else (EN_LEAD, EN_NEXT)
    assert body_with(furniture, arabic=arabic) == [lead, following]


def test_counters_glued_between_sentences_are_cut() -> None:
    line = f"{AR_LEAD} 0 تعليق. عدد المشاهدات: 1234. {AR_NEXT}"
    clean = clean_article(f"سيول تجرف منازل\n{line}")
    assert clean.text == f"{AR_LEAD} {AR_NEXT}"
    assert "0 تعليق." in clean.removed


@pytest.mark.parametrize(
    ("line", "kept", "headline"),
    [
        (
            "وقال الوزير إن الحكومة ستعوض المتضررين من السيول خلال شهر.اقرأ أيضا: الحكومة تعلن"
            " خطة جديدة",
            "وقال الوزير إن الحكومة ستعوض المتضررين من السيول خلال شهر.",
            "اقرأ أيضا: الحكومة تعلن خطة جديدة",
        ),
        (
            "The minister said the town would be rebuilt within a year, he said on Monday.Read"
            " more: Floods hit the coast as the toll rises",
            "The minister said the town would be rebuilt within a year, he said on Monday.",
            "Read more: Floods hit the coast as the toll rises",
        ),
        (
            # Inside a sentence, without a full stop before it.
            "وقال الوزير إن الحكومة ستعوض كل المتضررين من السيول في المدينة والقرى المجاورة خلال"
            " شهر اقرأ أيضاً الحكومة تعلن خطة جديدة",
            "وقال الوزير إن الحكومة ستعوض كل المتضررين من السيول في المدينة والقرى المجاورة خلال"
            " شهر",
            "اقرأ أيضاً الحكومة تعلن خطة جديدة",
        ),
        (
            "The minister promised help and new homes to every family in the valley by the end of"
            " the year Related: Floods hit the coast",
            "The minister promised help and new homes to every family in the valley by the end of"
            " the year",
            "Related: Floods hit the coast",
        ),
    ],
)
def test_related_headlines_glued_into_a_line_are_cut(line: str, kept: str, headline: str) -> None:
    lead = AR_LEAD if not line.isascii() else EN_LEAD
    clean = clean_article(f"Floods in the valley\n{lead}\n{line}")
    assert clean.text.split("\n\n") == [lead, kept]
    assert headline in clean.removed


def test_a_related_headline_cut_ends_at_the_next_sentence_end() -> None:
    # The headline's end is unknown when the next sentence is glued to it: the cut stops at
    # the next full stop, and the sentences after it stay.
    line = (
        f"The minister visited the town on Monday.Read more: Floods hit the coastHe promised"
        f" new homes. {EN_NEXT}"
    )
    clean = clean_article(f"Floods in the valley\n{EN_LEAD}\n{line}")
    assert clean.text.split("\n\n") == [
        EN_LEAD,
        f"The minister visited the town on Monday. {EN_NEXT}",
    ]


def test_related_heading_alone_still_opens_a_block_of_headlines() -> None:
    # A heading with nothing after it is no glued headline: it stays whole, so that the
    # headlines under it go with it.
    raw = "\n".join(
        ["سيول تجرف منازل", AR_LEAD, "اقرأ أيضاً:", "تراجع منسوب المياه في السد", AR_NEXT]
    )
    clean = clean_article(raw)
    assert clean.text.split("\n\n") == [AR_LEAD, AR_NEXT]
    assert clean.removed[-2:] == ("اقرأ أيضاً:", "تراجع منسوب المياه في السد")


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("Updated 12 September 2023 10:05 GMT", dt.date(2023, 9, 12)),
        ("Published: Tuesday, September 12, 2023 at 10:05 a.m. EDT.", dt.date(2023, 9, 12)),
        ("آخر تحديث: الثلاثاء 12 سبتمبر 2023 - 10:05 ص بتوقيت مكة المكرمة", dt.date(2023, 9, 12)),
        ("منذ 3 ساعات", None),
        ("3 hours ago", None),
    ],
)
def test_time_stamps_are_furniture_and_date_the_page(stamp: str, published: dt.date | None) -> None:
    arabic = not stamp.isascii()
    lead, following = (AR_LEAD, AR_NEXT) if arabic else (EN_LEAD, EN_NEXT)
    title = "سيول تجرف منازل في الوادي" if arabic else "Floods sweep homes away in the valley"
    for raw in (f"{title}\n{stamp}\n{lead}\n{following}", f"{title}\n{lead}\n{stamp}\n{following}"):
        clean = clean_article(raw)
        assert clean.text.split("\n\n") == [lead, following]
        assert clean.meta.published == published


def test_a_time_stamp_glued_before_the_lead_is_cut() -> None:
    clean = clean_article(f"Floods in the valley\nUpdated 12 September 2023 10:05 GMT. {EN_LEAD}")
    assert clean.text == EN_LEAD
    assert clean.meta.published == dt.date(2023, 9, 12)


def test_a_date_inside_a_sentence_is_no_time_stamp() -> None:
    line = f"{EN_LEAD} In 12 September 2023. {EN_NEXT}"
    assert clean_article(f"Floods in the valley\n{line}").text == line


@pytest.mark.parametrize(
    "sentence",
    [
        "Search teams found debris near the old bridge on Thursday.",
        "Shares of the insurer fell sharply on Wednesday in New York.",
        "Home Secretary Jane Doe visited the town on Tuesday evening.",
        "شارك آلاف المتطوعين في عمليات البحث عن المفقودين في المدينة أمس.",
        "إعلان الحكومة حالة الطوارئ في المدينة جاء بعد انهيار السد.",
        "المزيد من الجثث انتشلت من البحر قرب الميناء يوم الأربعاء.",
    ],
)
def test_sentences_that_open_with_a_furniture_word_are_kept(sentence: str) -> None:
    arabic = not sentence.isascii()
    assert sentence in body_with([sentence], arabic=arabic)


@pytest.mark.parametrize(
    "caption",
    [
        # The caption's own full stop before its credit: wire captions of that shape are long.
        "A coastguard cutter sails during the search for the lost trawler that vanished"
        " while on a routine fishing trip on Tuesday, in the waters off the eastern cape, on"
        " Friday.   (AP Photo/Jane Doe)",
        "Residents leave their homes in a village near the dam, outside the valley town."
        " Credit: AP",
        "The old lighthouse where it now lies on the floor of the bay (Example Films/PA)",
    ],
)
def test_wire_captions_are_furniture(caption: str) -> None:
    assert body_with([caption], arabic=False) == [EN_LEAD, EN_NEXT]


def test_an_embedded_post_is_furniture() -> None:
    post = "من المدينة إلى الوادي.. شكرا لكل المتطوعين #الوادي pic.twitter.com/AbCdEf123"
    assert body_with([post], arabic=True) == [AR_LEAD, AR_NEXT]


def test_a_machine_time_stamp_glued_to_the_lead_is_cut_and_dates_the_page() -> None:
    clean = clean_article(f"date 2023-09-14 {EN_LEAD}\n{EN_NEXT}")
    assert clean.text.split("\n\n") == [EN_LEAD, EN_NEXT]
    assert clean.meta.published == dt.date(2023, 9, 14)
    assert "date 2023-09-14" in clean.removed


def test_a_sentence_that_opens_with_a_publication_date_is_kept() -> None:
    # "A UN report was published on 12 September 2023 saying ...": a date, but no stamp.
    sentence = "نشر في 12 سبتمبر 2023 تقرير للأمم المتحدة يقول إن السد لم يخضع للصيانة منذ سنوات."
    assert sentence in body_with([sentence], arabic=True)


def test_a_headline_that_opens_with_a_label_word_is_the_title() -> None:
    # "تعليق" is a label ("comment") and "suspended"; "إعلان" is "advertisement" and
    # "announcement of".
    for headline in (
        "تعليق الرحلات الجوية إلى المدينة بسبب السيول",
        "إعلان حالة الطوارئ في الوادي",
    ):
        clean = clean_article(f"شارك\n{headline}\n{AR_LEAD}\n{AR_NEXT}")
        assert clean.meta.title == headline


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        (
            "أعلنت الوزارة، في بيان رسمي،\n\nعن وصول 40 شاحنة مساعدات إلى المدينة المنكوبة،\n\n"
            "في حصيلة حتى مساء الأحد.\n\nوقالت الوزارة إن شاحنات أخرى ستصل خلال الأيام المقبلة.",
            [
                "أعلنت الوزارة، في بيان رسمي، عن وصول 40 شاحنة مساعدات إلى المدينة المنكوبة، "
                "في حصيلة حتى مساء الأحد.",
                "وقالت الوزارة إن شاحنات أخرى ستصل خلال الأيام المقبلة.",
            ],
        ),
        (
            "The harbour authority said on Monday,\n"
            "that the two cranes would be replaced by the end of the year;\n\n"
            "work starts in March.\n\nThe port stays open while the cranes are replaced.",
            [
                "The harbour authority said on Monday, that the two cranes would be replaced by "
                "the end of the year; work starts in March.",
                "The port stays open while the cranes are replaced.",
            ],
        ),
    ],
)
def test_a_sentence_broken_after_a_comma_is_made_whole(raw: str, kept: list[str]) -> None:
    # Each piece alone is short and ends in no full stop: a heading, dropped.
    assert clean_article(raw).text.split("\n\n") == kept


@pytest.mark.parametrize(
    ("raw", "lead"),
    [
        (
            "القاهرة،\n\nأعلنت الوزارة وصول 40 شاحنة مساعدات إلى المدينة المنكوبة مساء الأحد.",
            "أعلنت الوزارة وصول 40 شاحنة مساعدات إلى المدينة المنكوبة مساء الأحد.",
        ),
        (
            "By Jane Doe,\n\n"
            "The harbour authority said on Monday that two cranes would be replaced.",
            "The harbour authority said on Monday that two cranes would be replaced.",
        ),
    ],
)
def test_a_dateline_or_byline_ending_in_a_comma_is_not_joined_to_the_lead(
    raw: str, lead: str
) -> None:
    assert clean_article(raw).text == lead
