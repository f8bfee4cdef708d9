"""The facts stage: extract_facts, attribution and dates on small hand-written examples,
and claims_with_facts on segmented articles. No database."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from newsdiff.pipeline import reread_claims
from newsdiff.pipeline.attribution import attribution_of, attribution_text_of
from newsdiff.pipeline.clean import clean_article
from newsdiff.pipeline.dates import WEEKDAY, parse_date
from newsdiff.pipeline.facts import claim_from_text, claims_with_facts, extract_facts
from newsdiff.pipeline.normalize import normalize_text
from newsdiff.pipeline.segment import segment_claims
from newsdiff.pipeline.types import ClaimDraft, Fact

PUBLISHED = dt.date(2024, 10, 8)
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_FILES = ["000_74628de6391d590b.txt", "001_c616ab5195f9a13a.txt"]
DATE_OR_NUMBER = ("date", "year", "count", "number")


def kinds(text: str, published: dt.date | None = PUBLISHED) -> set[tuple[str, str, str]]:
    """(kind, value, unit) of every fact."""
    return {(f.kind, f.value, f.unit) for f in extract_facts(text, published=published)}


def only(text: str, kind: str, published: dt.date | None = PUBLISHED) -> list[Fact]:
    return [f for f in extract_facts(text, published=published) if f.kind == kind]


# --- money


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("وقعت الشركة عقدًا بقيمة 10 ملايين دولار مع الحكومة", "10000000", "USD"),
        ("خصصت الوزارة ٣ مليارات يورو للمشروع", "3000000000", "EUR"),
        ("بلغت الغرامة خمسة آلاف جنيه", "5000", "EGP"),
        ("تبرع بمبلغ 2.5 مليون ريال قطري للمستشفى", "2500000", "QAR"),
        ("دفعت مليون دولار كفالة", "1000000", "USD"),
        ("The contract is worth $10 million over three years.", "10000000", "USD"),
        ("Investors lost €2.5bn in the crash.", "2500000000", "EUR"),
        ("He was fined 300,000 pounds.", "300000", "GBP"),
    ],
)
def test_money(text: str, value: str, unit: str) -> None:
    (money,) = only(text, "money")
    assert (money.value, money.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("قال إن عدد الضحايا قد يبلغ ما بين 7 و9 آلاف", ("count", "7000", ""), "9000"),
        ("بلغت الخسائر من 3 إلى 4 مليارات دولار", ("money", "3000000000", "USD"), "4000000000"),
        ("فر من المدينة 5 أو 6 آلاف شخص", ("count", "5000", ""), "6000"),
        ("The fee was between 90 and 100 million euros", ("money", "90000000", "EUR"), "100000000"),
        ("Some 18 to 20 million people were affected", ("count", "18000000", ""), "20000000"),
        ("Losses of 1.5-2 billion dollars", ("money", "1500000000", "USD"), "2000000000"),
        # Both ends written in full, after a word that opens the range.
        ("Between 18,000 and 20,000 people fled", ("count", "18000", ""), "20000"),
        ("فقد من 5000 إلى 6000 شخص", ("count", "5000", ""), "6000"),
    ],
)
def test_the_lower_end_of_a_range_takes_the_scale_of_the_upper(
    text: str, low: tuple[str, str, str], high: str
) -> None:
    facts = [f for f in extract_facts(text) if f.kind in ("count", "number", "money")]
    assert (facts[-2].kind, facts[-2].value, facts[-2].unit) == low
    assert facts[-1].value == high
    assert facts[-2].subject == facts[-1].subject


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # Not a range: two counts of two things, or no scale to take.
        ("Floods killed 5 and 20,000 were hurt", "5"),
        ("The epicentre lay between 8 and 10 km deep", "8"),
        # The upper end is no greater than the lower.
        ("Between 30 and 20 thousand fled", "30"),
    ],
)
def test_no_range_scale_where_there_is_no_range(text: str, first: str) -> None:
    facts = [f for f in extract_facts(text) if f.kind in ("count", "number", "money")]
    assert facts[0].value == first


def test_two_years_of_a_range_stay_years() -> None:
    facts = extract_facts("She served as deputy mayor between 2018 and 2021, her biography says")
    assert [(f.kind, f.value) for f in facts if f.kind != "entity"] == [
        ("year", "2018"),
        ("year", "2021"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن عدد القتلى في البلدة الجبلية المنكوبة قد يزيد على 9 آلاف",
        "The number of dead in the stricken coastal city could exceed 20,000, he said",
    ],
)
def test_a_figure_far_from_its_word_of_state_counts_what_its_clause_tallies(text: str) -> None:
    (count,) = [f for f in extract_facts(text) if f.kind in ("count", "number")]
    assert count.subject == "#dead"
    # A tally of no people says nothing of the dead.
    other = text.replace("القتلى", "المنازل").replace("dead", "homes")
    (figure,) = [f for f in extract_facts(other) if f.kind in ("count", "number")]
    assert figure.subject != "#dead"


def test_money_keeps_surface_text() -> None:
    (money,) = only("وقعت الشركة عقدًا بقيمة ١٠ ملايين دولار", "money")
    assert money.text == "١٠ ملايين دولار"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # The noun right after the amount, across a closing quote mark and a preposition.
        ("His nephew's £341MILLION contract with the club is not settled.", "contract"),
        (
            "The owner was seized for failing to pay $900 million\u201d compensation.",
            "compensation",
        ),
        ("The court told the shipowner to pay $70 million in damages.", "compensation"),
        # ... else the nearest before it.
        ("He would sign a contract worth £522million at the Saudi side.", "contract"),
        ("وقال إن الحارس سيوقع عقدا كبيرا بقيمة 310 ملايين جنيه إسترليني", "contract"),
        ("وطالبت الهيئة بتعويضات قدرها 916 مليون دولار", "compensation"),
    ],
)
def test_what_an_amount_pays_for(text: str, subject: str) -> None:
    (money,) = only(text, "money")
    assert money.subject == subject


def test_an_amount_with_no_money_noun_keeps_the_word_before_it() -> None:
    (money,) = only("The club will pay 100 million euros, the paper said.", "money")
    assert money.subject == "pay"


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        # Paid each period: a verb of being paid or a salary noun, and the period.
        ("He will reportedly be paid 90m euros (£78m) a year in Portugal.", "salary", "90000000"),
        ("The team offered him an annual salary of some $80m.", "salary", "80000000"),
        ("وسيحصل المدرب على 70 مليون يورو كمرتب سنوي", "salary", "70000000"),
        ("ويتقاضى المدرب 4 ملايين دولار سنويا", "salary", "4000000"),
        # A salary noun alone is a yearly salary.
        ("يتوقع أن يحصل اللاعب على راتب يبلغ 109 ملايين دولار", "salary", "109000000"),
        # Over several years or seasons: a year at a time.
        (
            "وافق الحارس على تقاضي 120 مليون يورو (131 مليون دولار) خلال موسمين",
            "salary",
            "60000000",
        ),
        ("He will earn €60m over three seasons at the club.", "salary", "20000000"),
        # A weekly or monthly wage is its own quantity.
        ("He earns £400,000 a week at the club.", "salary/week", "400000"),
        ("ويتقاضى اللاعب 300 ألف دولار شهريا", "salary/month", "300000"),
    ],
)
def test_a_salary_and_the_period_it_pays_for(text: str, subject: str, value: str) -> None:
    money = [f for f in extract_facts(text) if f.kind == "money"]
    assert (money[0].subject, money[0].value) == (subject, value), money


def test_a_salary_over_seasons_restated_in_another_currency_is_one_amount() -> None:
    # The bracketed dollars restate the whole: read with them, no second sum.
    (money,) = only("وافق الحارس على تقاضي 120 مليون يورو (131 مليون دولار) خلال موسمين", "money")
    assert (money.subject, money.value, money.unit) == ("salary", "60000000", "EUR")
    assert money.text == "120 مليون يورو (131 مليون دولار) خلال موسمين"


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        # A fee paid once, with no period.
        ("The club paid 222 million euros for him in 2017.", "paid", "222000000"),
        # A period with no one paid: a rate of something else.
        ("The canal loses $14m a day in revenue, the authority said.", "lose", "14000000"),
        # A contract's worth over its years is the contract's, whole.
        ("He signed a contract worth €160m over two seasons.", "contract", "160000000"),
    ],
)
def test_amounts_that_are_no_salary(text: str, subject: str, value: str) -> None:
    (money,) = only(text, "money")
    assert (money.subject, money.value) == (subject, value)


# --- age, duration


@pytest.mark.parametrize(
    "text",
    [
        "التقى الوزير بالمزارع البالغ 64 عامًا في قريته",
        "وصل المدرب، البالغ من العمر ٦٤ عامًا، إلى المطار",
        "The coach, aged 64, arrived on Sunday.",
        "A 64-year-old farmer was injured.",
        # In brackets right after the name.
        "ودخل المدرب (64 عامًا) إلى أرض الملعب",
        "ودخل المدرب (٦٤ عاما) إلى أرض الملعب",
        "The coach Paul Martin (64) arrived on Sunday.",
        # Set off by commas after the name.
        "The club's former coach, 64, arrived on Sunday.",
    ],
)
def test_age(text: str) -> None:
    (age,) = only(text, "age")
    assert (age.value, age.unit, age.subject) == ("64", "year", "عمر")
    assert not only(text, "duration")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A bracket that numbers, or holds a duration, is no age.
        ("The clause (2) was struck out by the court.", "number"),
        ("ظلت السفينة عالقة (6 أيام) في القناة", "duration"),
        ("وصدر بحقه حكم بالسجن (3 سنوات) بتهمة الاحتيال", "duration"),
        # Nor are numbers of a list set off by commas, nor a fraction.
        ("Pages 10, 12, 14 of the report were torn out.", "number"),
        ("The inflation rate, 3.5, was the highest in a decade.", "number"),
        ("The contract of the coach (3.5 years) was extended.", "duration"),
    ],
)
def test_a_bracket_or_commas_that_hold_no_age(text: str, kind: str) -> None:
    assert not only(text, "age")
    assert only(text, kind)


def test_prison_term_and_time_served_have_different_subjects() -> None:
    (term,) = only("وصدر بحقه حكم بالسجن لمدة 18 عامًا بتهمة الاحتيال", "duration")
    (served,) = only("وقد قضى المتهم ٩ أعوام خلف القضبان قبل الإفراج عنه", "duration")
    assert (term.value, term.unit, term.subject) == ("18", "year", "سجن")
    assert (served.value, served.unit, served.subject) == ("9", "year", "قضي")
    assert term.subject != served.subject


def test_duration_forms() -> None:
    assert ("duration", "30", "year") in kinds("لم يزر المدينة منذ أكثر من 30 عامًا")
    assert ("duration", "2", "year") in kinds("استمرت المفاوضات لمدة عامين كاملين")
    assert ("duration", "6", "month") in kinds("توقف المصنع لمدة ستة أشهر")
    assert ("duration", "20", "year") in kinds("He ran the firm for 20 years.")
    (english,) = only("She was sentenced to 15 years in prison.", "duration")
    assert english.subject == "prison"


# --- years and dates


def test_years() -> None:
    assert ("year", "2019") in {(k, v) for k, v, _ in kinds("افتتح الجسر عام 2019 بعد تأخير")}
    assert ("year", "2021") in {(k, v) for k, v, _ in kinds("وفي ٢٠٢١ تغير كل شيء")}
    assert ("year", "1998") in {(k, v) for k, v, _ in kinds("He moved to Cairo in 1998.")}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وقعت الحادثة في 3 مارس 2022 قرب الحدود", "2022-03-03"),
        ("وقعت الحادثة في ٣ آذار ٢٠٢٢ قرب الحدود", "2022-03-03"),
        ("انتهت الهدنة في 14 تشرين الثاني 2023", "2023-11-14"),
        ("عقد المؤتمر في ١ كانون الثاني ٢٠٢٠", "2020-01-01"),
        # Maghrebi month names, from the French.
        ("أصدرت الوزارة الحصيلة إلى غاية اليوم، 22 جوان 2024، في بيان", "2024-06-22"),
        ("انطلقت الدورة في 3 جويلية 2023 بالعاصمة", "2023-07-03"),
        ("أغلق الملعب يوم 5 أوت 2022 للصيانة", "2022-08-05"),
        ("افتتح المعرض في 2 أفريل 2021 بالمدينة", "2021-04-02"),
        ("The talks began on March 3, 2022 in Geneva.", "2022-03-03"),
        ("The talks began on 3 March 2022 in Geneva.", "2022-03-03"),
        ("نشر التقرير بتاريخ 2022-03-03", "2022-03-03"),
    ],
)
def test_full_dates(text: str, value: str) -> None:
    assert [f.value for f in only(text, "date")] == [value]
    assert not only(text, "year") and not only(text, "count") and not only(text, "number")


def test_month_and_year_in_both_month_forms() -> None:
    assert [f.value for f in only("زار الوفد المدينة في يوليو 2023", "date")] == ["2023-07"]
    assert [f.value for f in only("زار الوفد المدينة في تموز 2023", "date")] == ["2023-07"]
    assert [f.value for f in only("زار الوفد المدينة في يوليو/تموز 2023", "date")] == ["2023-07"]


def test_last_month_resolves_against_publication() -> None:
    # Published 8 October 2024: last August is August 2024, last December is 2023's.
    assert [f.value for f in only("وصل الوفد في أغسطس/آب الماضي", "date")] == ["2024-08"]
    assert [f.value for f in only("وصل الوفد في كانون الأول الماضي", "date")] == ["2023-12"]
    assert [f.value for f in only("The delegation came last August.", "date")] == ["2024-08"]
    assert not only("وصل الوفد في أغسطس الماضي", "date", published=None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Published 8 October 2024: a month named alone is the one nearest publication, up
        # to four months ahead, else the year before.
        ("وقال إن الصفقة وقعت في أغسطس بعد مفاوضات", "2024-08"),
        ("وأضاف أن العقد وُقّع في شهر سبتمبر", "2024-09"),
        ("وتبدأ الأعمال مطلع فبراير", "2025-02"),
        ("ستجرى الانتخابات في ديسمبر", "2024-12"),
        ("The deal was signed in August after two years of talks.", "2024-08"),
        ("Prices have risen since March.", "2024-03"),
    ],
)
def test_a_month_named_alone_after_a_word_of_time(text: str, value: str) -> None:
    assert [f.value for f in only(text, "date")] == [value]


def test_a_month_name_without_a_word_of_time_or_publication_is_no_date() -> None:
    assert not only("She may go to the talks.", "date")
    assert not only("She said in May she would go.", "date", published=None)
    # A day or a year beside the month is read by the fuller forms, once.
    assert [f.value for f in only("وقعت الصفقة في أكتوبر 2023", "date")] == ["2023-10"]


def test_relative_days_resolve_against_publication() -> None:
    assert [f.value for f in only("أعلنت الحكومة أمس عن خطة جديدة", "date")] == ["2024-10-07"]
    assert [f.value for f in only("وقال الوزير اليوم إن الخطة جاهزة", "date")] == ["2024-10-08"]
    assert [f.value for f in only("The ministry said yesterday it would act.", "date")] == [
        "2024-10-07"
    ]
    assert not only("أعلنت الحكومة أمس عن خطة جديدة", "date", published=None)
    # "اليوم التالي" is "the next day", no date.
    assert not only("وفي اليوم التالي عاد الوفد", "date")


def test_relative_date_glossed_by_explicit_date_counts_once() -> None:
    dates = only("بحسب الصحيفة أمس 7 أكتوبر 2024", "date")
    assert [f.value for f in dates] == ["2024-10-07"]


def test_years_ago_is_an_approximate_year() -> None:
    (year,) = only("أطلق سراحه قبل عامين تقريبًا", "year")
    assert (year.value, year.subject) == ("2022", "approx")
    (year,) = only("He was freed three years ago.", "year")
    assert (year.value, year.subject) == ("2021", "approx")
    assert not only("He was freed three years ago.", "duration")


def test_weekday_resolves_against_publication_and_monday_is_no_count() -> None:
    # Published on Tuesday 8 October 2024: Monday is the day before.
    facts = extract_facts("وقال المتحدث يوم الاثنين إن الاجتماع تأجل", published=PUBLISHED)
    assert [(f.kind, f.value, f.subject) for f in facts if f.kind in DATE_OR_NUMBER] == [
        ("date", "2024-10-07", WEEKDAY)
    ]
    # Without a publication date a weekday is no date at all.
    facts = extract_facts("وقال المتحدث يوم الاثنين إن الاجتماع تأجل")
    assert not [f for f in facts if f.kind in DATE_OR_NUMBER]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The most recent such day on or before publication (a Tuesday) ...
        ("The spokesman said on Tuesday the talks had stalled.", "2024-10-08"),
        ("وصل الوفد إلى العاصمة الخميس", "2024-10-03"),
        # ... the one before after "last", the next one after "next".
        ("The delegation arrived last Tuesday.", "2024-10-01"),
        ("وصل الوفد يوم الأحد الماضي", "2024-10-06"),
        ("The talks resume next Monday.", "2024-10-14"),
        ("تستأنف المحادثات الاثنين المقبل", "2024-10-14"),
    ],
)
def test_weekdays_and_their_relative_words(text: str, value: str) -> None:
    assert [f.value for f in only(text, "date")] == [value]


def test_a_day_and_month_without_year_or_publication_is_no_count() -> None:
    assert not only("ضربت العاصفة المدينة في 11 سبتمبر", "count", published=None)
    assert not only("The storm hit the city on September 11.", "count", published=None)
    assert [f.value for f in only("ضربت العاصفة المدينة في 11 سبتمبر", "date")] == ["2024-09-11"]


def test_weekday_glossed_by_a_date_or_a_relative_day_counts_once() -> None:
    assert [f.value for f in only("وقال الكرملين اليوم الاثنين إن التقرير مزيف", "date")] == [
        "2024-10-08"
    ]
    assert [f.value for f in only("Talks began on Monday, October 7, 2024.", "date")] == [
        "2024-10-07"
    ]


# --- percent, count, number


@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت الأسعار بنسبة 12%",
        "ارتفعت الأسعار بنسبة ١٢٪",
        "ارتفعت الأسعار 12 في المئة",
        "ارتفعت الأسعار ١٢ بالمائة",
        "Prices rose 12 percent.",
    ],
)
def test_percent(text: str) -> None:
    (percent,) = only(text, "percent")
    assert (percent.value, percent.unit) == ("12", "%")


def test_counts_from_digits_words_and_duals() -> None:
    (count,) = only("قتل 7 جنود في الهجوم", "count")
    assert (count.value, count.subject) == ("7", "soldier")
    (count,) = only("أصيب ثلاثة صحفيين في القصف", "count")
    assert count.value == "3"
    (count,) = only("سافر اثنين من مندوبي الشركة إلى باريس", "count")
    assert (count.value, count.subject) == ("2", "مندوب")
    (count,) = only("وصلت سفينتان إلى الميناء", "count")
    assert (count.value, count.subject) == ("2", "ship")
    (count,) = only("وصلت ٤ سفن إلى الميناء", "count")
    assert (count.value, count.subject) == ("4", "ship")
    assert not only("زار الوفد باكستان وأفغانستان", "count")


def test_other_numbers_get_a_subject() -> None:
    (number,) = only("بلغ عدد المشاركين 450", "number")
    assert number.value == "450"
    assert number.subject == "مشارك"


# --- names, negation, direction


def test_model_numbers_are_names_not_quantities() -> None:
    facts = extract_facts("اشترى الجيش بنادق AK-74 وطائرات F-16 ومنظومة إس-400")
    entities = [f.value for f in facts if f.kind == "entity"]
    assert {"ak-74", "f-16", "اس-400"} <= set(entities)
    assert not [f for f in facts if f.kind in ("number", "count", "year", "money")]


def test_latin_and_arabic_spellings_share_a_name_key() -> None:
    latin = {f.value for f in only("عرضت صواريخ Javelin في المعرض", "entity")}
    arabic = {f.value for f in only("عرضت صواريخ جافلين في المعرض", "entity")}
    assert latin and latin == arabic


def test_english_capitalised_names() -> None:
    values = {f.value for f in only("Officials met Maria Lopez in Madrid on Friday.", "entity")}
    assert len(values) == 2  # Maria Lopez, Madrid; not Officials or Friday
    assert not only("Officials met in the morning.", "entity")


@pytest.mark.parametrize(
    "text",
    ["وقع مركز الزلزال قرب بلدة إغيل في الجبال", "ضربت الهزة قرية إغيل", "في ولاية إغيل"],
)
def test_a_town_or_village_introduces_its_name(text: str) -> None:
    # The same place as the English "Ighil": one name key in both scripts.
    assert {f.value for f in only(text, "entity")} == {
        f.value for f in only("The quake struck near Ighil in the mountains.", "entity")
    }


@pytest.mark.parametrize(
    ("text", "degrees", "written"),
    [
        ("The epicentre was 65 kilometres south-west of Verano.", "225", "south-west"),
        ("It struck about 65km (40 miles) northeast of Verano.", "45", "northeast"),
        ("ضربت الهزة على بعد حوالي 65 كيلومترا شرقي بلدة فيرانو", "90", "شرقي"),
        ("على بعد 60 كيلومترا إلى الجنوب الغربي من فيرانو", "225", "الجنوب الغربي"),
        ("على بعد 60 كيلومترا جنوب غرب فيرانو", "225", "جنوب غرب"),
    ],
)
def test_a_direction_from_a_place_after_a_length(text: str, degrees: str, written: str) -> None:
    (bearing,) = only(text, "bearing")
    assert (bearing.value, bearing.text) == (degrees, written)
    # The place it is taken from, by its name key in either script.
    assert bearing.subject == only("65 km south of Verano", "bearing")[0].subject


@pytest.mark.parametrize(
    "text",
    [
        # Names of places, not directions from one.
        "The minister flew to South Africa on Monday.",
        "وصل الوزير إلى جنوب أفريقيا يوم الاثنين",
        "سقطت قذائف على شمال غزة",
        # Two points that make no third.
        "The storm moved 40 km east west of the city.",
    ],
)
def test_no_direction_without_a_length_before_it(text: str) -> None:
    assert not only(text, "bearing")


@pytest.mark.parametrize(
    ("text", "degrees", "country", "written"),
    [
        ("تحطمت الطائرة في محافظة تبريز شمالي غربي إيران", "315", "ir", "شمالي غربي إيران"),
        ("تحطمت مروحية شمال شرق البلاد مساء الأحد", "45", "", "شمال شرق البلاد"),
        ("غمرت السيول مدنا في الشرق الليبي", "90", "ly", "الشرق الليبي"),
        ("The plane came down in north-eastern Iran on Sunday.", "45", "ir", "north-eastern Iran"),
        (
            "It crashed in Tabriz, a northwestern region of the country, on Sunday.",
            "315",
            "",
            "northwestern region of the country",
        ),
        ("Floods hit towns in the south of the country.", "180", "", "south of the country"),
    ],
)
def test_a_part_of_a_country(text: str, degrees: str, country: str, written: str) -> None:
    (region,) = only(text, "region")
    assert (region.value, region.subject, region.text) == (degrees, country, written)


@pytest.mark.parametrize(
    "text",
    [
        # North-west of a city, capital or not.
        "The plane came down 500 km northwest of Tehran.",
        "هبطت المروحية في منطقة شمال غرب العاصمة الإيرانية طهران",
        "Rockets fell south of the country's capital.",
        # Names: of a province, a country, a continent.
        "It came down in Turkey's Van province.",
        "North Korea fired a missile on Sunday.",
        "وصل الوزير إلى شمال أفريقيا يوم الاثنين",
        # Two parts told together.
        "وتنتشر في البلاد 12 محطة موزعة على مدن كثيرة في شرق البلاد وغربها",
        "Floods hit towns in the north and east of the country.",
        # Who governs a part of a country.
        "وقال وزير الصحة في إدارة شرق تركيا إن الحصيلة ارتفعت",
        "The eastern Libyan government said the toll had risen.",
    ],
)
def test_no_part_of_a_country(text: str) -> None:
    assert not only(text, "region")


def test_arabic_adjective_after_name_introducer_is_no_name() -> None:
    assert not only("استخدم الجيش طائرات مسيرة وصواريخ بعيدة المدى", "entity")
    assert not only('وقال التقرير إن الصحيفة "نشرت الخبر"', "entity")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("لم يحضر الوزير الاجتماع", "لم"),
        ("ولن تشارك البعثة في القمة", "لن"),
        ("ليس هناك أي اتفاق", "ليس"),
        ("نفت الوزارة صحة التقرير", "نفي"),
        ("وهي اتهامات غير مثبتة", "غير"),
        ("The ministry denied the report.", "denied"),
        ("He did not attend.", "not"),
        ("He didn't attend.", "not"),
    ],
)
def test_negation(text: str, value: str) -> None:
    assert [f.value for f in only(text, "negation")] == [value]


def test_no_negation_in_set_phrases() -> None:
    assert not only("شارك الجميع، لا سيما الشباب", "negation")
    assert not only("وصل الوفد، غير أن المحادثات تأجلت", "negation")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ارتفعت أسعار الوقود", "up"),
        ("سجلت الصادرات زيادة كبيرة", "up"),
        ("انخفض عدد الزوار", "down"),
        ("وتراجعت قيمة العملة", "down"),
        ("Exports rose sharply.", "up"),
        ("Imports fell.", "down"),
    ],
)
def test_direction(text: str, value: str) -> None:
    assert [f.value for f in only(text, "direction")] == [value]


# --- attribution


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقال الكرملين، اليوم الاثنين، إن التقرير كاذب.", "الكرملين"),
        ("تأجل الاجتماع إلى الأسبوع المقبل، بحسب الصحيفة.", "الصحيفه"),
        (
            'ونقلت وكالة "الأناضول" عن المتحدث باسم الوزارة قوله إن الوفد وصل.',
            "المتحدث باسم الوزاره",
        ),
        ("وأفادت مصادر طبية بسقوط جرحى.", "مصادر طبيه بسقوط جرحي"),
        ("وصل الوفد صباحًا، وفقًا لمسؤول حكومي.", "مسؤول حكومي"),
        # A part of the day after the source is when it spoke, not its name.
        ("قال خفر السواحل مساء الثلاثاء إن 40 شخصا ما زالوا مفقودين.", "خفر السواحل"),
        # What a source announced, in a verbal noun, is no part of its name.
        ("أعلنت وزارة الصحة مقتل 30 شخصا في الفيضانات.", "وزاره الصحه"),
        ("أعلنت منظمة الهجرة نزوح أكثر من 40 ألف شخص.", "منظمه الهجره"),
        ("أعلن الهلال الأحمر انتشال 70 جثة من البحر.", "الهلال الاحمر"),
        ("ذكرت «رويترز» أن الشحنة وصلت.", "رويترز"),
        # When or how a source spoke is no part of its name.
        ("وقالت البلدية لاحقاً إن 12 منزلا انهارت.", "البلديه"),
        ("وقال أيضا محافظ المدينة إن المياه انحسرت.", "محافظ المدينه"),
        ("وقال أيضا إن المياه انحسرت.", ""),
        # "وفق ما أفاد": the source follows the verb; whom or through what it spoke, and
        # what it announced, are no part of its name.
        ("وانهارت 12 بناية، وفق ما أفاد الدفاع المدني.", "الدفاع المدني"),
        ("وقال المحافظ لوكالة الأنباء الرسمية إن المياه انحسرت.", "المحافظ"),
        ("وأعلن رئيس النادي عبر حسابه في تويتر أن الصفقة اكتملت.", "رئيس النادي"),
        ("أعلن نادي الاتحاد تعاقده مع المهاجم لمدة موسمين.", "نادي الاتحاد"),
        ("وقال سكان إنهم سمعوا دويا قويا.", "سكان"),
        # Right after the verb, its object or a quotation: no source is named.
        ("وأعلن مقتل 30 شخصا في الفيضانات.", ""),
        ("وذكرت تقارير صحفية أن المبنى انهار.", "تقارير صحفيه"),
        ('وأضاف "لقد وصلت فرق الإنقاذ إلى القرية قبل الفجر".', ""),
        ("وقالت إن الصورة «لفتت انتباه الجميع».", ""),
        ('وقال "الدفاع المدني" إن الطريق مغلق.', "الدفاع المدني"),
        # A medium without the article is named by the next word, even a day or "the news".
        ("وأكدت صحيفة اليوم المحلية أن الوفد وصل.", "صحيفه اليوم المحليه"),
        ("وقالت الصحيفة اليوم إن الوفد وصل.", "الصحيفه"),
        ("وقالت وكالة الأنباء الرسمية إن الجسر انهار.", "وكاله الانباء الرسميه"),
        ("ونفت الوزارة الأنباء عن انهيار الجسر.", "الوزاره"),
        # What a figure rests on is no source; a verb of saying repeated is no part of one.
        ("وقد يفوق عدد القتلى 9 آلاف، حسب تقديرات أولية استندت إلى عدد السكان.", ""),
        ("The toll could exceed 20,000, according to estimates based on the census.", ""),
        ("وذكر صرح المتحدث باسم البلدية بأن 12 منزلا انهارت.", "المتحدث باسم البلديه"),
        # A place, a time or a document is no source; a name does not end on a particle.
        ("The mayor of a village near the harbour told reporters the bridge fell.", ""),
        ("The ferry stuck in the harbour for nearly a week said it would sail.", ""),
        ("Officials in the town said 40 people were missing.", "officials"),
        ("The bridge fell, according to a statement by the army.", "the army"),
        ("At least 12 died, according to an officer with the harbour patrol.", "an officer"),
        # A title and a name before "بأن": all of it the subject, more than SOURCE_MAX_WORDS.
        (
            "وصرح رئيس بلدية المدينة عبد الله سالم بأن 12 منزلا انهارت.",
            "رئيس بلديه المدينه عبد الله سالم",
        ),
        # ... and before a comma that sets an aside apart.
        (
            "وقال الأمين العام لحزب الخضر الطلبري سامر الخوري، في كلمة متلفزة، إن السد صمد.",
            "الامين العام لحزب الخضر الطلبري سامر الخوري",
        ),
        # A quotation after the name is what it said ('"بلغ ..."'), not more of its name;
        # quotes around a name are read through.
        ('وقال المكتب الإعلامي "ارتفع عدد المصابين في طلبرة إلى ثلاثين".', "المكتب الاعلامي"),
        ('وقالت صحيفة "وول ستريت جورنال" إن 14 شخصا جرحوا.', "صحيفه وول ستريت جورنال"),
        # ... but a place after the title ends it ("في").
        (
            "وقال رئيس لجنة الطوارئ في بلدية المدينة الشرقية عبد الله سالم إن السد صمد.",
            "رئيس لجنه الطوارئ",
        ),
        ("وقال النادي -عبر حسابه على منصة إكس- إن اللاعب انضم.", "النادي"),
        ("وانهارت 12 بناية بحسب آخر حصيلة رسمية.", ""),
        ("وبحسب آخر حصيلة أوردها الهلال الأحمر، فإن 12 بناية انهارت.", "الهلال الاحمر"),
        (
            "Twelve died, according to figures released by the health ministry.",
            "the health ministry",
        ),
        ("The talks failed, according to the mediator.", "the mediator"),
        ("Health officials said 12 people were hurt.", "health officials"),
        # A title's "of" belongs to the name; any other "of" ends it.
        ("The mayor of Varna said the dam had burst.", "the mayor of varna"),
        ("Most of the residents said they had fled.", "the residents"),
        ("He said he would resign.", ""),
        ("The port authority later said 12 cranes were lost.", "the port authority"),
        ("The mayor had earlier said the dam was safe.", "the mayor"),
        ("Rescuers on Friday said 40 people were missing.", "rescuers"),
        ("She also said the dam was safe.", ""),
        ("The ferry sank after officials said it was safe to sail.", "officials"),
        # A relative pronoun is no source: the noun before it, or the name after it, is.
        (
            "The estimate was revised by Captain Lena Ward of the Harbour Patrol, who told"
            " reporters 40 hours were left.",
            "the harbour patrol",
        ),
        (
            "The fire reached a warehouse, which the authorities said held fertiliser.",
            "the authorities",
        ),
        ("Officials who said the dam was safe have resigned.", "officials"),
        # A clause about the source is no part of its name: a relative one, or one that
        # says the source is kept anonymous.
        ("وقال المسؤول الذي طلب عدم ذكر اسمه إن الاتفاق أنجز.", "المسؤول"),
        ("وقالت الوزارة التي تشرف على الميناء إن الرافعات سقطت.", "الوزاره"),
        ("ونقلت الإذاعة عن مسؤول رفض ذكر هويته أن الاتفاق أنجز.", "مسؤول"),
        ("وقال مسؤولون طلبوا عدم نشر أسمائهم إن الوفد وصل.", "مسؤولون"),
        ("وقال فضل شاكر إن الحفل تأجل.", "فضل شاكر"),
        ("The talks failed, according to a source who asked not to be named.", "a source"),
        # A relative clause set apart by commas before the verb says of the source.
        ("The source, who asked not to be named, said the talks failed.", "the source"),
        (
            "The talks failed, an official, who spoke on condition of anonymity, said.",
            "an official",
        ),
        (
            "The ministry, which oversees the port, said the cargo was stored safely.",
            "the ministry",
        ),
        # What the source said of it, in, or since when, whose body it is, a verb after it,
        # and how it spoke are no part of its name.
        ("ذلك ما صرح به مسؤول مطلع على الملف لإذاعة محلية.", "مسؤول مطلع"),
        ("وكانت الإذاعة قد بثت تقريرا قالت فيه إن الاتفاق أنجز.", ""),
        ("وقالت الوكالة في تقرير نشرته قبل يومين إن الصفقة تمت.", "الوكاله"),
        ("وقال الهلال الأحمر، منذ قليل، إن الفرق تتحرك.", "الهلال الاحمر"),
        (
            "ذكر مكتب الإغاثة التابع للبلدية أن 300 لقوا حتفهم.",
            "مكتب الاغاثه",
        ),
        ("ووفق وكالة تسنيم قام الرئيسان بزيارة السد.", "وكاله تسنيم"),
        ("ووفقا لتقارير محلية، يعد النادي صاحب العرض.", "تقارير محليه"),
        ("His father has angrily denied the reports.", "his father"),
        (
            "The ferry sank, the radio reported, as officials said 12 were missing.",
            "officials",
        ),
        ("He resigned after reports earlier in the week said he had lied.", "reports"),
        ("The first lady said the visit was postponed.", "the first lady"),
        # A title and a name set apart by commas name one source; a statement or a list
        # apart by commas names none.
        (
            "The port's director, Lena Ward, said 12 cranes were lost.",
            "the port's director lena ward",
        ),
        (
            "Lena Ward, the port's director, told reporters the dam held.",
            "lena ward the port's director",
        ),
        ("The ministry, in a statement, said 12 cranes were lost.", "the ministry"),
        ("Varna, Ruse and Pleven, he said, were flooded.", ""),
        ("Residents of Varna, Bulgaria, said the dam had burst.", ""),
        ("Villager Omar Ward, 72, said the dam had burst.", "villager omar ward"),
        ("Tuesday, June 20, said the harbour master.", ""),
        (
            "The governor of Varna, Lena Ward, said the dam had burst.",
            "the governor of varna lena ward",
        ),
        # A title longer than a name leaves the name before it the source.
        (
            "Lena Ward, an adviser to the port authority, said 12 cranes were lost.",
            "lena ward",
        ),
        ("Residents of Varna, a city of about 300,000 people, said the dam had burst.", ""),
        # ... and after the verb: a name or a title, not a time, a place or a clause.
        ("أعلن وزير الصحة، سامي فارس، أن 12 شخصا أصيبوا.", "وزير الصحه سامي فارس"),
        ("أعلنت الوزارة، الخميس، أن 12 شخصا أصيبوا.", "الوزاره"),
        ("أعلن المركز، ليل الجمعة، أن الهزة بلغت 5 درجات.", "المركز"),
        ("قالت الوزارة، في بيان، إن 12 شخصا أصيبوا.", "الوزاره"),
        ("According to the mayor, Lena Ward, 12 cranes were lost.", "the mayor lena ward"),
        ("According to the ministry, which cited hospitals, 12 people died.", "the ministry"),
        # The words before "and said" are the end of another clause, not the sayer.
        ("The survey read the magnitude on the Richter scale and said it was shallow.", ""),
        ("وصل الوفد إلى المدينة صباح الأحد.", ""),
        ("وأوضحت أنه لن يستقيل.", ""),
        # What a source had said names it (كان, the source, قد, a verb of saying or estimating);
        # "كان" before no verb of saying names none.
        ("وكانت السلطات المحلية أفادت في وقت سابق بأن الحصيلة 700 قتيل", "السلطات المحليه"),
        ("وكان الجيش قد أعلن أن 30 شخصا قتلوا في الهجوم", "الجيش"),
        ("كانت السلطات الصحية قد قدرت من قبل عدد الجرحى بنحو 2300 شخص", "السلطات الصحيه"),
        ("كان رئيس الهيئة، قد أعلن اليوم بدء تعويم السفينة", "رئيس الهيئه"),
        ("وكان عدد القتلى قد ارتفع إلى 100 قتيل", ""),
        ("وكانت السفينة قد جنحت في القناة يوم الثلاثاء", ""),
        # A verb of stating names its subject where a statement follows it; as a participle
        # or a passive it names nobody, nor does a passive verb of saying.
        ("Local officials reported that 12 cranes were lost.", "local officials"),
        ("The crane fell on Monday, the port agency confirmed.", "the port agency"),
        (
            "The harbour master announced on Tuesday that the port would reopen.",
            "the harbour master",
        ),
        ("The collapse was reported on Monday.", ""),
        ("It has been reported that 12 cranes were lost.", ""),
        ("The 12 deaths reported at the port shocked the town.", ""),
        ("An estimated 300 workers were evacuated.", ""),
        ("Officials have not confirmed the toll.", ""),
        ("More than 300 workers were said to be trapped.", ""),
        # A verb of estimating before its subject names it when what it estimates follows
        # the name; passive, or "قدر" as a noun, it names nobody.
        (
            "قدّر وزير المالية الخسائر الناجمة عن الحريق بأكثر من 2 مليار دولار",
            "وزير الماليه",
        ),
        ("وتقدر شركات التأمين خسائر الحريق بنحو 3 مليارات دولار", "شركات التامين"),
        ("وتقدر الخسائر بنحو 3 مليارات دولار", ""),
        ("ولحق قدر كبير من الدمار بالمصنع القديم", ""),
        ("وقدر المهندسون أن المصنع سيعود للعمل خلال شهر", ""),
        # A word of contrast, then the source, then its verb of saying and "أن"/"إن".
        ("بينما المنظمة الدولية أشارت إلى أن عدد النازحين يتجاوز 9 آلاف", "المنظمه الدوليه"),
        ("في حين وزارة الداخلية أعلنت أن الحصيلة بلغت 300 قتيل", "وزاره الداخليه"),
        ("فيما المياه ارتفعت في الوادي إلى 3 أمتار", ""),
        ("بينما هو قال إن الحصيلة بلغت 300 قتيل", ""),
        # A source kept anonymous is named by what comes before the clause that says so.
        ("An official who asked not to be named said 12 cranes were lost.", "an official"),
        ("The diplomat, speaking on condition of anonymity, said 12 died.", "the diplomat"),
        ("وقال المسؤول شرط عدم ذكر اسمه إن 12 شخصا توفوا", "المسؤول"),
        ("وقال مسؤول مفضلا عدم ذكر اسمه إن 12 شخصا توفوا", "مسؤول"),
        # A word joining the sentence to the one before is no part of the source's name.
        ("But the ministry said 12 cranes were lost.", "the ministry"),
        ("And the port authority said the dam held.", "the port authority"),
        ("Yet officials said 12 cranes were lost.", "officials"),
        # The verb after a quotation it closes names the source after it.
        (
            '"The harbour will reopen on Monday," said Talbara port spokeswoman Lena Ward.',
            "talbara port spokeswoman lena ward",
        ),
        (
            "“Cranes are not often lost here,” said U.S. Coast Guard spokesman Tom Reyes, who"
            " said 12 were lost.",
            "u.s. coast guard spokesman tom reyes",
        ),
        ('"The dam held," added Rear Adm. Lena Ward.', "rear adm. lena ward"),
        ('"The dam held," he said.', ""),
        ('"The offer was generous," said the Talbara Club said in a reply.', "the talbara club"),
        # A full stop of an initial or an abbreviation ends no name after the verb either.
        ("According to the U.N. refugee agency, 300 people fled.", "the u.n. refugee agency"),
        # What a definite source owns after it is what it gave, not more of its name; a
        # noun without the article, or a preposition, keeps the owner in the name.
        ("حددت الهيئة مركزها على بعد 70 كيلومترا جنوب تالبارا.", "الهيئه"),
        ("أعلنت الوزارة حصيلتها الأولى للسيول في تالبارا.", "الوزاره"),
        ("قال المتحدث باسمها إن الوفد وصل إلى تالبارا.", "المتحدث باسمها"),
        ("أكد وزير خارجيتها أن الوفد وصل إلى تالبارا.", "وزير خارجيتها"),
    ],
)
def test_attribution(text: str, source: str) -> None:
    assert attribution_of(text) == source


def test_parse_date_helper() -> None:
    assert parse_date("07 أكتوبر 2024، 1:36 م") == dt.date(2024, 10, 7)
    assert parse_date("١٢ أيلول ٢٠٢٤") == dt.date(2024, 9, 12)
    assert parse_date("no date here") is None


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('وذكرت صحيفة "وول ستريت جورنال" أن الصفقة تأجلت.', "صحيفة وول ستريت جورنال"),
        ("وأكدت وزارةُ الخارجية أن السفير غادر.", "وزارةُ الخارجية"),
        ("Health officials said 12 people were hurt.", "Health officials"),
        ("The governor of Varna province said 300 homes were lost.", "governor of Varna province"),
        (
            "The estimate was revised by Captain Lena Ward of the Harbour Patrol, who told"
            " reporters 40 hours were left.",
            "the Harbour Patrol",
        ),
        ("وصل الوفد إلى المدينة صباح الأحد.", ""),
    ],
)
def test_attribution_as_written(text: str, written: str) -> None:
    assert attribution_text_of(text, attribution_of(text)) == written


# --- the stage: claims of an article


def analysed(text: str, published: dt.date | None = None) -> tuple[ClaimDraft, ...]:
    return claims_with_facts(text, segment_claims(text), published=published)


def test_a_speaker_named_after_a_quotation_goes_on_speaking() -> None:
    """'"...," said X' names X, whose next sentences ("She added, ...") go on quoting X; a
    title's abbreviation ("Rear Adm.") ends no sentence."""
    text = (
        '"The harbour will reopen on Monday," said Rear Adm. Lena Ward of the Talbara port'
        ' authority. She added, "Two cranes were lost in the storm." The ferry timetable is'
        " published every Friday on the council's website."
    )
    claims = analysed(text)
    assert [c.attribution for c in claims] == ["rear adm. lena ward", "rear adm. lena ward", ""]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("قدر الحاكم عدد المفقودين بثلاثة آلاف. وقالت المنظمة إن العدد لا يقل عن ألف.", "#missing"),
        ("Officials said 40 people died. The agency said the number was at least 60.", "#dead"),
        # No casualties counted before, or no "number" naming the figure: no casualties.
        ("وصل الوفد إلى المدينة. وقالت المنظمة إن العدد لا يقل عن ألف.", ""),
        ("Officials said 40 people died. The agency said 60 trucks arrived.", ""),
    ],
)
def test_the_number_counts_what_the_sentence_before_counted(text: str, subject: str) -> None:
    figure = analysed(text)[-1].facts[-1]
    if subject:
        assert (figure.kind, figure.subject) == ("count", subject)
    else:
        assert not figure.subject.startswith("#")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # Who lost their lives are the dead, after the figure or before it and its noun.
        ("قالت البلدية إن 30 شخصا فقدوا حياتهم في سيول تالبارا", "#dead"),
        ("فقد 30 شخصا على الأقل أرواحهم في السيول التي ضربت تالبارا", "#dead"),
        ("Officials said 30 people lost their lives in the Talbara floods", "#dead"),
        ("قالت البلدية إن 30 شخصا فقدوا منازلهم في سيول تالبارا", "#displaced"),
        # A word of state right after the figure is no noun counted.
        ("قالت البلدية إن 40 ألفا فقدوا منازلهم في سيول تالبارا", "#displaced"),
        ("قالت البلدية إن 40 ألفا فقدوا حياتهم في سيول تالبارا", "#dead"),
        ("قالت البلدية إن 40 ألفا فقدوا في سيول تالبارا", "#missing"),
        # The word of losing alone counts the missing, and so it does where what follows
        # belongs to another clause.
        ("فقد 30 شخصا في السيول التي ضربت تالبارا", "#missing"),
        ("فقد 30 شخصا في السيول وتضررت منازل كثيرة في تالبارا", "#missing"),
        ("فقد 30 شخصا بينما دمرت السيول المنازل في تالبارا", "#missing"),
    ],
)
def test_a_word_of_losing_counts_by_what_is_lost(text: str, subject: str) -> None:
    (figure,) = [fact for fact in extract_facts(text) if fact.kind == "count"]
    assert figure.subject == subject


def test_clauses_of_a_quoted_sentence_keep_its_speaker() -> None:
    sentence = (
        "وقال وزير الخارجية إن بلاده ستفتح سفارتها في العاصمة خلال الأسابيع المقبلة بعد "
        "انقطاع طويل، وأضاف أن الوفد التجاري سيصل إلى المدينة قبل نهاية الشهر لبحث اتفاقيات "
        "جديدة في مجال الطاقة."
    )
    text = f"{sentence} وذكرت الصحيفة أن المحادثات ستستمر ثلاثة أيام."
    claims = analysed(text)
    assert len(claims) == 3
    assert [c.attribution for c in claims] == ["وزير الخارجيه", "وزير الخارجيه", "الصحيفه"]
    assert [c.attribution_text for c in claims] == ["وزير الخارجية", "وزير الخارجية", "الصحيفة"]
    # Everything segmentation gave stays as it was.
    assert [(c.position, c.start, c.end) for c in claims] == [
        (s.claim.position, s.claim.start, s.claim.end) for s in segment_claims(text)
    ]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # A quotation open across a sentence break goes on being its speaker's.
        (
            "وقال رئيس البلدية إن المدينة تضررت. وتحدث عن حجم الدمار في الأحياء. وأكد أن"
            " «الموقف صعب جدا. لم نستطع مواجهته بإمكاناتنا». ثم انحسرت المياه عن الطرق.",
            ["رئيس البلديه"] * 4 + [""],
        ),
        (
            'The mayor said the town was hit. He added: "The situation is dire. We could not'
            ' cope with it." The water then receded from the roads.',
            ["the mayor"] * 3 + [""],
        ),
        # A quotation closed, or opened in another paragraph, carries nobody's words on.
        (
            'The mayor said: "The town was hit." The water then receded from the roads.',
            ["the mayor", ""],
        ),
        (
            'The mayor said: "The town was hit.\nThe water then receded from the roads.',
            ["the mayor", ""],
        ),
        # A later clause that says its own names no source of the clause before it.
        (
            "هزة عنيفة تضرب الساحل قوتها 6 درجات على مقياس ريختر، حيث ذكر مركز الرصد الأوروبي"
            " أن هزة بقوة 5.8 درجات على مقياس ريختر ضربت المنطقة بين البلدتين قرب الساحل.",
            ["", "مركز الرصد الاوروبي"],
        ),
        (
            "The toll in the mountain villages rose to 135 on Tuesday evening, while the health"
            " minister said more than 5,000 people were injured in the towns nearby.",
            ["", "the health minister"],
        ),
        # A source at the end of the sentence speaks for all of it.
        (
            "The toll in the mountain villages rose to 135 on Tuesday evening, while more than"
            " 5,000 people were injured in the towns nearby, the health minister said.",
            ["the health minister", "the health minister"],
        ),
        (
            "ارتفعت الحصيلة إلى 135 قتيلا في القرى الجبلية مساء الثلاثاء، بينما أصيب أكثر من 5"
            " آلاف شخص في البلدات المجاورة للمنطقة المنكوبة، وفق ما ذكرت وزارة الصحة.",
            ["وزاره الصحه", "وزاره الصحه"],
        ),
    ],
)
def test_a_speaker_reaches_the_quotation_and_the_clauses_that_are_its_own(
    text: str, sources: list[str]
) -> None:
    assert [c.attribution for c in analysed(text)] == sources


def test_stored_claims_are_read_again_in_their_sentences() -> None:
    """reread_claims: facts and sources read again, text and spans kept; a clause split from
    a sentence still reads its source from the sentence."""
    text = (
        "وقال وزير الخارجية إن بلاده ستفتح سفارتها في العاصمة خلال الأسابيع المقبلة بعد "
        "انقطاع طويل، حيث سيصل الوفد التجاري إلى المدينة قبل نهاية الشهر لبحث اتفاقيات "
        "جديدة في مجال الطاقة."
    )
    fresh = analysed(text)
    assert len(fresh) == 2 and fresh[1].attribution == "وزير الخارجيه"
    stored = [replace(c, facts=(), attribution="", attribution_text="") for c in fresh]
    assert reread_claims(text, stored) == fresh


def test_claims_their_text_does_not_hold_are_read_alone() -> None:
    """Stored by other means than ingest (the clean text does not hold them at their spans):
    each claim is read from its own text, its span kept."""
    claim = ClaimDraft(
        position=3,
        text="The ministry later said 3,000 people had died.",
        normalized=normalize_text("The ministry later said 3,000 people had died."),
        start=120,
        end=166,
    )
    (read,) = reread_claims("another text", [claim])
    assert (read.position, read.start, read.end, read.text) == (3, 120, 166, claim.text)
    assert read.attribution == "the ministry"
    assert [(f.kind, f.value) for f in read.facts] == [("count", "3000")]


def test_a_sentence_that_names_no_speaker_gives_none() -> None:
    (claim,) = analysed("زار الوفد المصنع، والتقى مديره في المساء.")
    assert (claim.attribution, claim.attribution_text) == ("", "")


def test_published_reaches_the_facts() -> None:
    text = "وصل الوفد أمس إلى موسكو لبحث الصفقة."
    (claim,) = analysed(text, published=dt.date(2024, 10, 8))
    assert ("date", "2024-10-07") in {(f.kind, f.value) for f in claim.facts}
    (claim,) = analysed(text)
    assert all(f.kind != "date" for f in claim.facts)


def test_claim_from_text() -> None:
    claim = claim_from_text("وقالت الشرطة إن 3 أشخاص أصيبوا أمس.", published=PUBLISHED, position=4)
    assert (claim.position, claim.start, claim.end) == (4, 0, len(claim.text))
    assert claim.normalized == "وقالت الشرطه ان 3 اشخاص اصيبوا امس."
    assert (claim.attribution, claim.attribution_text) == ("الشرطه", "الشرطة")
    assert {(f.kind, f.value) for f in claim.facts} >= {("count", "3"), ("date", "2024-10-07")}


def seed_claims(name: str) -> tuple[ClaimDraft, ...]:
    clean = clean_article((SEEDS / name).read_text(encoding="utf-8"))
    return analysed(clean.text, published=clean.meta.published)


def test_seed_claims_carry_facts_and_attribution() -> None:
    claims = seed_claims(SEED_FILES[0])
    kremlin = next(c for c in claims if c.text.startswith("وقال الكرملين"))
    assert (kremlin.attribution, kremlin.attribution_text) == ("الكرملين", "الكرملين")
    assert ("date", "2024-10-07") in {(f.kind, f.value) for f in kremlin.facts}
    sentence = next(c for c in claims if c.text.startswith("وأدين بوت"))
    assert ("duration", "25", "year", "سجن") in {
        (f.kind, f.value, f.unit, f.subject) for f in sentence.facts
    }


def _seed_facts(name: str) -> set[tuple[str, str, str, str]]:
    return {(f.kind, f.value, f.unit, f.subject) for c in seed_claims(name) for f in c.facts}


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
