"""Written-out numbers (numbers.py): compounds read as one quantity in Arabic and English,
what they measure, the traps that are no count, and their place in the relate stage.

Every sentence is written for these tests. Pure: no database.
"""

from __future__ import annotations

import pytest

from newsdiff.pipeline.facts import extract_facts
from newsdiff.pipeline.normalize import normalize_text
from newsdiff.pipeline.numbers import numbers_as_digits
from newsdiff.pipeline.relate import relate_texts
from newsdiff.pipeline.types import Fact

# The kinds a quantity becomes (names, negations and directions are other facts).
QUANTITY_KINDS = frozenset({"count", "number", "duration", "money", "percent", "age", "year"})


def quantities(text: str) -> list[Fact]:
    return [f for f in extract_facts(text) if f.kind in QUANTITY_KINDS]


def the_quantity(text: str) -> Fact:
    """The one quantity of text: a compound split in two fails here."""
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


# --- Arabic compounds: one quantity, the whole span


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        # Units, teens, tens, unit + و + ten.
        ("وصلت ثلاث سفن إلى الميناء", "3", "ثلاث"),
        ("وصلت ست سفن إلى الميناء", "6", "ست"),
        ("أصيب أحد عشر جنديا في الانفجار", "11", "أحد عشر"),
        ("أصيب اثنا عشر جنديا في الانفجار", "12", "اثنا عشر"),
        ("نقل اثني عشر مصابا إلى المستشفى", "12", "اثني عشر"),
        ("أغلقت ثلاث عشرة مدرسة أبوابها", "13", "ثلاث عشرة"),
        ("أغلقت تسع عشرة مدرسة أبوابها", "19", "تسع عشرة"),
        ("شارك عشرون متطوعا في الحملة", "20", "عشرون"),
        ("شارك خمسة وعشرون متطوعا في الحملة", "25", "خمسة وعشرون"),
        ("شارك واحد وثلاثون متطوعا في الحملة", "31", "واحد وثلاثون"),
        # Hundreds, in one word or two, and hundreds with tens.
        ("استقبل المخيم مئة أسرة", "100", "مئة"),
        ("استقبل المخيم مئتي أسرة", "200", "مئتي"),
        ("استقبل المخيم ثلاثمائة أسرة", "300", "ثلاثمائة"),
        ("استقبل المخيم ثلاثمئة أسرة", "300", "ثلاثمئة"),
        ("استقبل المخيم ثلاث مئة أسرة", "300", "ثلاث مئة"),
        ("استقبل المخيم تسعمائة أسرة", "900", "تسعمائة"),
        ("استقبل المخيم مئة وخمسين أسرة", "150", "مئة وخمسين"),
        ("استقبل المخيم خمسمائة واثنتي عشرة أسرة", "512", "خمسمائة واثنتي عشرة"),
        # Thousands, millions, billions: singular, dual, plural, and their combinations.
        ("استقبل المخيم ألف أسرة", "1000", "ألف"),
        ("استقبل المخيم ألفين من النازحين", "2000", "ألفين"),
        ("وصل ألفان من النازحين", "2000", "ألفان"),
        ("وصل ثلاثة آلاف نازح", "3000", "ثلاثة آلاف"),
        ("وصل عشرة آلاف نازح", "10000", "عشرة آلاف"),
        ("وصل أحد عشر ألفا من النازحين", "11000", "أحد عشر ألفا"),
        ("وصل مئة ألف نازح", "100000", "مئة ألف"),
        ("وصل ثلاثة آلاف وخمسمائة نازح", "3500", "ثلاثة آلاف وخمسمائة"),
        ("وصل مليونان من النازحين", "2000000", "مليونان"),
        ("نزح مليونين من السكان", "2000000", "مليونين"),
        ("نزح ثلاثة ملايين ومئتا ألف من السكان", "3200000", "ثلاثة ملايين ومئتا ألف"),
        ("نزح نصف مليون من السكان", "500000", "نصف مليون"),
        ("نزح مليون ونصف من السكان", "1500000", "مليون ونصف"),
        # Digits inside a compound, and digits with scale words (read before: kept).
        ("وصل 3 آلاف و500 نازح", "3500", "3 آلاف و500"),
        ("نزح 10 ملايين من السكان", "10000000", "10 ملايين"),
        ("نزح 2.5 مليون من السكان", "2500000", "2.5 مليون"),
        # A year written out, after the word for year.
        ("بدأت الأزمة عام ألفين وعشرين", "2020", "ألفين وعشرين"),
    ],
)
def test_arabic_written_numbers(text: str, value: str, span: str) -> None:
    fact = the_quantity(text)
    assert (fact.value, fact.text) == (value, span)


def test_arabic_compound_with_its_unit() -> None:
    # The failure this fixes: 5 and 20 years, then a false contradiction with "25 عامًا".
    fact = the_quantity("حكم عليه بالسجن لمدة خمسة وعشرين عاما")
    assert (fact.kind, fact.value, fact.unit, fact.subject) == ("duration", "25", "year", "سجن")
    assert fact.text == "خمسة وعشرين عاما"
    fact = the_quantity("بلغت قيمة الصفقة ثلاثمائة مليون دولار")
    assert (fact.kind, fact.value, fact.unit) == ("money", "300000000", "USD")
    assert fact.text == "ثلاثمائة مليون دولار"
    fact = the_quantity("تبرع رجل الأعمال بمليونين و500 ألف دولار")
    assert (fact.kind, fact.value, fact.unit) == ("money", "2500000", "USD")
    fact = the_quantity("ارتفعت الأسعار خمسة وعشرين في المئة")
    assert (fact.kind, fact.value) == ("percent", "25")


def test_arabic_compound_keeps_its_diacritics_and_spelling() -> None:
    fact = the_quantity("قُتل مئةٌ وخمسونَ شخصًا في الفيضان")
    assert (fact.value, fact.text) == ("150", "مئةٌ وخمسونَ")
    fact = the_quantity("قتل ٣ آلاف وخمسمائة شخص")
    assert (fact.value, fact.text) == ("3500", "٣ آلاف وخمسمائة")


# --- English compounds


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("Twenty-five people were rescued from the ship", "25", "Twenty-five"),
        ("The rescuers found twenty five people on the ship", "25", "twenty five"),
        ("The ship carried one hundred and fifty people", "150", "one hundred and fifty"),
        ("The ship carried three hundred people", "300", "three hundred"),
        ("The ship carried a hundred people", "100", "a hundred"),
        ("Two thousand people fled the town", "2000", "Two thousand"),
        ("Three thousand five hundred people fled the town", "3500", "Three thousand five hundred"),
        ("The storm destroyed 5,300 homes", "5300", "5,300"),
        ("The storm left 1.2 million homes without power", "1200000", "1.2 million"),
        ("The storm left half a million homes without power", "500000", "half a million"),
        ("The storm left two and a half million homes dark", "2500000", "two and a half million"),
    ],
)
def test_english_written_numbers(text: str, value: str, span: str) -> None:
    fact = the_quantity(text)
    assert (fact.value, fact.text) == (value, span)


@pytest.mark.parametrize(
    "text",
    [
        "The club signed the striker to a two-year contract last week",
        "The striker was offered a two-year contract by the club",
        "The striker agreed a two-year contract with the club",
    ],
)
def test_a_duration_as_an_adjective_lasts_what_its_noun_names(text: str) -> None:
    # Whatever the verb before it, a two-year contract is what lasts two years.
    fact = the_quantity(text)
    assert (fact.kind, fact.value, fact.unit, fact.subject) == ("duration", "2", "year", "contract")


def test_english_compound_with_its_unit() -> None:
    fact = the_quantity("He was sentenced to twenty-five years in prison")
    assert (fact.kind, fact.value, fact.unit, fact.subject) == ("duration", "25", "year", "prison")
    assert fact.text == "twenty-five years"
    fact = the_quantity("The club paid three hundred million dollars for him")
    assert (fact.kind, fact.value, fact.unit, fact.text) == (
        "money",
        "300000000",
        "USD",
        "three hundred million dollars",
    )
    fact = the_quantity("The club paid a million dollars for him")
    assert (fact.value, fact.text) == ("1000000", "a million dollars")


# --- traps: no count, or two numbers


@pytest.mark.parametrize(
    "text",
    [
        # "one of": no count.
        "وكانت واحدة من أكبر الكوارث في تاريخ البلاد",
        "وقال أحد الجنود إن القصف استمر طوال الليل",
        "It was one of the worst storms in decades",
        # Ordinals.
        "وقعت الهجمات في الحادي عشر من الشهر",
        "بدأت الجولة الثانية عشرة من المفاوضات",
        "The twenty-first century began with a war",
        # Approximate: plurals of estimate, and written numbers hedged as estimates.
        "خرج عشرات الآلاف من المتظاهرين إلى الشوارع",
        "نزح آلاف السكان من القرى",
        "قضى في السجن بضعة عشر عاما",
        "قضى في السجن ثلاثين ونيفا من الأعوام",
        "Hundreds of people and thousands of others fled",
        "Several thousand people fled the town",
        "A few hundred people stayed behind",
        "He spent thirty-odd years abroad",
        "A dozen people were hurt",
        "The multi-million deal collapsed",
    ],
)
def test_no_count(text: str) -> None:
    assert not quantities(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # A ten after a ten, or a unit after a unit, is a second number.
        ("تراوح عدد الجرحى بين عشرين وثلاثين", ["20", "30"]),
        ("وصلت ثلاث سفن وأربع طائرات", ["3", "4"]),
        # Scales must fall: "ألف وألفان" is two numbers.
        ("وصل ثلاثة آلاف وأربعة آلاف آخرون", ["3000", "4000"]),
        # Digits after "and" are a number of their own in English.
        ("The plan costs 2 million and 300 jobs will go", ["2000000", "300"]),
        ("Between twenty and thirty people died", ["20", "30"]),
    ],
)
def test_separate_numbers_stay_separate(text: str, values: list[str]) -> None:
    assert [f.value for f in quantities(text)] == values


def test_a_percent_written_out_is_one_quantity() -> None:
    # "في مئة" is the percent word, not a hundred of something.
    assert [(f.kind, f.value) for f in quantities("ارتفعت الأسعار خمسة في مئة")] == [
        ("percent", "5")
    ]


# --- the words the relate stage compares


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("حكم عليه بالسجن لمدة خمسة وعشرين عاما", "حكم عليه بالسجن لمده 25 عاما"),
        ("قضى بخمسة وعشرين عاما", "قضي ب 25 عاما"),
        ("وصل 3 آلاف و500 نازح", "وصل 3500 نازح"),
        ("بلغت 10 ملايين دولار", "بلغت 10000000 دولار"),
        ("He served twenty-five years", "he served 25 years"),
        # Digits alone, duals of time and abbreviated scales stay as written.
        ("قتل 25 شخصا خلال عامين", "قتل 25 شخصا خلال عامين"),
        ("A $10m deal", "a $10m deal"),
        ("واحدة من أكبر الكوارث", "واحده من اكبر الكوارث"),
    ],
)
def test_numbers_as_digits(text: str, expected: str) -> None:
    assert numbers_as_digits(normalize_text(text)) == expected


@pytest.mark.parametrize(
    ("a", "b", "value"),
    [
        ("حكم عليه بالسجن لمدة خمسة وعشرين عاما", "حكم عليه بالسجن لمدة 25 عامًا", "25"),
        ("قتل مئة وخمسين شخصا في الفيضان", "قتل 150 شخصا في الفيضان", "150"),
        ("بلغت قيمة الصفقة ثلاثمائة مليون دولار", "بلغت قيمة الصفقة 300 مليون دولار", "300000000"),
        (
            "He was sentenced to twenty-five years in prison",
            "He was sentenced to 25 years in prison",
            "25",
        ),
    ],
)
def test_written_and_digit_numbers_agree(a: str, b: str, value: str) -> None:
    relation = relate_texts(a, b)
    assert relation.kind == "agreement", relation
    assert [m.value for m in relation.details.matched] == [value]


def test_a_written_number_still_contradicts_another_value() -> None:
    relation = relate_texts("حكم عليه بالسجن لمدة خمسة وعشرين عاما", "حكم عليه بالسجن لمدة 20 عامًا")
    assert relation.kind == "contradiction"
    (difference,) = relation.details.differing
    assert (difference.a.value, difference.a.text) == ("25", "خمسة وعشرين عاما")
    assert difference.b.value == "20"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("He will be paid 150m euros a year", "150000000", "EUR"),
        ("The deal is worth about 90m euros plus add-ons", "90000000", "EUR"),
        ("The fund reached 2.5bn dollars", "2500000000", "USD"),
        ("A $10m deal", "10000000", "USD"),
    ],
)
def test_an_abbreviated_scale_before_a_currency_word_is_money(
    text: str, value: str, unit: str
) -> None:
    money = [f for f in extract_facts(text) if f.kind == "money"]
    assert [(f.value, f.unit) for f in money] == [(value, unit)]


def test_an_abbreviated_scale_without_a_currency_is_no_money() -> None:
    assert not [f for f in extract_facts("She won the 100m sprint in 2019") if f.kind == "money"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # The people are counted as the state beside them says: the dead.
        ("قتل 2000 شخص في الفيضانات", "#dead"),
        ("أكثر من 2000 قتيل في المدينة", "#dead"),
        ("The flood killed 2000 people in the city", "#dead"),
        # Without a word of state, what the noun counts.
        ("وصل 2000 شخص إلى المدينة", "شخص"),
    ],
)
def test_four_digits_before_the_people_they_count_are_a_count_not_a_year(
    text: str, subject: str
) -> None:
    (fact,) = quantities(text)
    assert (fact.kind, fact.value, fact.subject) == ("count", "2000", subject)


def test_when_a_figure_was_told_leaves_what_it_counts() -> None:
    """ "had earlier" stands between the figure and its word of state: still the dead."""
    (fact,) = quantities("The death toll had earlier reached 870 people")
    assert (fact.kind, fact.value, fact.subject) == ("count", "870", "#dead")


def test_a_year_stays_a_year() -> None:
    assert [(f.kind, f.value) for f in quantities("He was arrested in 2008 in Thailand")] == [
        ("year", "2008")
    ]
    assert [(f.kind, f.value) for f in quantities("In 2000 people voted for him")] == [
        ("year", "2000")
    ]


def test_a_time_of_day_is_no_count() -> None:
    text = "The harbour patrol told a 3 p.m. briefing that 30 hours of fuel were left"
    assert [(f.kind, f.value) for f in quantities(text)] == [("duration", "30")]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("أعلن الوزير مقتل 3 آلاف شخص في درنة", "#dead"),
        ("وأفاد المكتب بأن 7400 على الأقل لقوا حتفهم", "#dead"),
        ("The death toll in the town rose to 5,300", "#dead"),
        ("وأصيب 40 شخصا في الانفجار", "#injured"),
        # "Others" counts nobody in particular: the word of state says who they are.
        ("وأصيب 40 آخرون في الانفجار", "#injured"),
        ("وأسفر الانفجار عن إصابة 40 آخرين", "#injured"),
        # "الحصيلة" alone is the death toll; the nearer word of state wins otherwise.
        ("وكانت السلطات ذكرت أن الحصيلة بلغت 7 آلاف", "#dead"),
        ("وارتفعت حصيلة الجرحى إلى 500", "#injured"),
        # The toll counts the dead when no nearer word names another state, however far back
        # it stands in its clause.
        ("The death toll of the collapse of the old bridge now stands at 57", "#dead"),
        ("The toll of last week's collapse of the old bridge stood at 57", "#dead"),
        ("بلغت حصيلة انهيار الجسر القديم في ضواحي العاصمة 57", "#dead"),
        ("The toll of the injured in last week's collapse of the bridge stood at 96", "#injured"),
        ("قتل 7 جنود في الهجوم", "soldier"),
        # The imperfect and the feminine past of killing (also Maghrebi usage) count the dead
        # before a word of injury further on.
        ("الحريق لي تقتل فيه 40 شخص وأسفر عن إصابة العشرات", "#dead"),
        ("الحريق الذي قتلت فيه 40 شخص وأسفر أيضا عن إصابة العشرات", "#dead"),
        # English names a thing by the second of two nouns, when it is a plural.
        ("Three police officers were injured", "offic"),
        ("Five police cars were burned", "vehicle"),
        ("up to 30 field teams searched", "team"),
        ("20 Hamas fighters", "fighter"),
        # One noun, a verb after it, or a clause break between the two: the first word.
        ("Two passengers managed to call", "passeng"),
        ("400 ships carrying grain", "ship"),
        ("the 46 rescue, search crews", "rescu"),
        # A word of state keeps the people in their state.
        ("12 injured soldiers", "injur"),
        # Arabic names it by the first ("5 سيارات شرطة" counts cars). A noun of COUNT_NOUNS
        # by a key both languages share.
        ("وصلت 5 سيارات شرطة", "vehicle"),
        # The noun after a number changes form with it (tamyiz): one thing counted.
        ("وصل 75 حاجا إلى المدينة", "pilgrim"),
        ("وصل 1300 حاج إلى المدينة", "pilgrim"),
        ("1,300 pilgrims reached the city", "pilgrim"),
    ],
)
def test_a_count_names_what_it_counts(text: str, subject: str) -> None:
    # However the sentence words it, a count of the dead is one quantity; a noun that says
    # who (soldiers) or what (police cars) keeps its count apart from other counts.
    (fact,) = quantities(text)
    assert (fact.kind, fact.subject) == ("count", subject)


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("A magnitude 6.1 earthquake shook the valley before dawn", [("6.1", "#magnitude")]),
        ("The tremor had a magnitude of 5.4, the survey said", [("5.4", "#magnitude")]),
        ("A 4.2-magnitude quake was felt in the capital", [("4.2", "#magnitude")]),
        ("ضرب زلزال بقوة 6 درجات جنوب البلاد", [("6", "#magnitude")]),
        ("زلزال قوته 5.9 درجة على مقياس ريختر", [("5.9", "#magnitude")]),
        (
            "It measured 6.3 on the Richter scale, with an aftershock of magnitude 4.1 at noon",
            [("6.3", "#magnitude"), ("4.1", "aftershock")],
        ),
        ("وأعقبته هزة ارتدادية بقوة 4 درجات", [("4", "aftershock")]),
    ],
)
def test_a_seismic_magnitude_is_read_as_one(text: str, subjects: list[tuple[str, str]]) -> None:
    found = [(f.value, f.subject) for f in quantities(text) if f.kind == "number"]
    assert found == subjects


@pytest.mark.parametrize(
    "text",
    [
        "بلغت درجة الحرارة 45 درجة في الظل",  # a temperature: degrees, no word of strength
        "دخل المدينة بقوة 300 مقاتل",  # strength, but of fighters
        "The flood hit with the force of a tsunami, 40 people died",
    ],
)
def test_degrees_and_strength_alone_are_no_magnitude(text: str) -> None:
    assert all(f.subject != "#magnitude" for f in quantities(text))


@pytest.mark.parametrize(
    ("text", "temperatures"),
    [
        ("سجلت درجات الحرارة 47.5 درجة مئوية في الوادي", [("47.5", "C")]),
        ("ارتفعت الحرارة إلى 44 درجة في ساعات الظهيرة", [("44", "")]),
        ("تراوحت درجات الحرارة بين 41 و46 درجة مئوية", [("41", "C"), ("46", "C")]),
        ("وبلغت الحرارة 110 درجات فهرنهايت", [("43.3", "C")]),  # kept in Celsius
        (
            "The valley recorded 47.5 degrees Celsius (117.5F) on Monday",
            [("47.5", "C"), ("47.5", "C")],
        ),
        ("It was 43C in the shade and 109°F in the sun", [("43", "C"), ("42.8", "C")]),
        ("Temperatures climbed to 44 degrees by noon", [("44", "")]),
    ],
)
def test_a_temperature_is_read_as_one_and_counts_nothing(
    text: str, temperatures: list[tuple[str, str]]
) -> None:
    facts = extract_facts(text)
    assert [(f.value, f.unit) for f in facts if f.kind == "temperature"] == temperatures
    assert not quantities(text)
    assert all(f.kind != "entity" for f in facts if f.text in ("Celsius", "Fahrenheit"))


@pytest.mark.parametrize(
    "text",
    [
        "حصلت الطالبة على 19 درجة من 20 في الامتحان",  # marks, no heat, no scale
        "The road turns 90 degrees at the old bridge",
        "Flight 5 C was delayed",  # a letter apart from the figure
    ],
)
def test_degrees_without_heat_or_a_scale_are_no_temperature(text: str) -> None:
    assert all(f.kind != "temperature" for f in extract_facts(text))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "ارتفعت درجات الحرارة في الملعب إلى 44 درجة مئوية يوم الأحد",
            "ارتفعت درجات الحرارة في الملعب إلى 47 درجة مئوية يوم الأحد",
        ),
        (
            "Temperatures at the stadium rose to 44 degrees Celsius on Sunday",
            "Temperatures at the stadium rose to 47 degrees Celsius on Sunday",
        ),
        (
            "Temperatures at the stadium rose to 44C on Sunday",
            "Temperatures at the stadium rose to 47C on Sunday",
        ),
    ],
)
def test_two_temperatures_are_two_readings_never_a_conflict(a: str, b: str) -> None:
    """A temperature is of one spot at one hour: two that differ are two readings (a weak
    possible match at most), never a contradiction, an update or one count of degrees."""
    relation = relate_texts(a, b)
    assert relation.kind == "agreement", relation
    assert relation.details.reason == "distinct_quantities"
    assert not relation.details.differing


def test_a_temperature_in_fahrenheit_is_one_in_celsius() -> None:
    relation = relate_texts(
        "Temperatures at the stadium rose to 45 degrees Celsius on Sunday",
        "Temperatures at the stadium rose to 113F on Sunday",
    )
    assert (relation.kind, relation.details.reason) == ("agreement", "same_facts")
    assert [m.value for m in relation.details.matched] == ["45"]


@pytest.mark.parametrize(
    "text", ["أودى الزلزال بحياة 300 شخص", "وأزهقت السيول أرواح 300 شخص في المدينة"]
)
def test_lives_claimed_count_the_dead(text: str) -> None:
    assert [(f.value, f.subject) for f in quantities(text)] == [("300", "#dead")]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("The fuel could run out just before 5:20 a.m. ET on Friday", [("05:20", "ET")]),
        ("The tremor struck at 10.42 pm local time", [("22:42", "")]),
        ("It struck at 22:11 GMT on Friday", [("22:11", "GMT")]),
        ("A news conference was held at 12 p.m.", [("12:00", "")]),
        ("وقع الزلزال في الساعة 11:11 مساء", [("23:11", "")]),
        ("أقلعت الطائرة في 6 صباحا بتوقيت غرينتش", [("06:00", "GMT")]),
        ("وصل الوفد عند 9 ليلا", [("21:00", "")]),
        # Which half of the day "at 7:10" is, nothing says: no time, and no count either.
        ("The convoy left at 7:10 from the port", []),
        # Hours written as words, with a fraction and a period.
        ("تستأنف المناورات عند الحادية عشرة والنصف صباحا", [("11:30", "")]),
        ("وقع الانفجار في الساعة السادسة مساء", [("18:00", "")]),
        ("وصل الوفد في الثامنة إلا ربعا صباحا", [("07:45", "")]),
        ("انتهى الاجتماع عند الثانية عشرة ظهرا بتوقيت غرينتش", [("12:00", "GMT")]),
        # Without a period, an ordinal is no hour.
        ("حل الفريق في المرتبة الثانية في الدوري", []),
    ],
)
def test_a_time_of_day_is_read_with_its_zone(text: str, times: list[tuple[str, str]]) -> None:
    facts = extract_facts(text)
    assert [(f.value, f.unit) for f in facts if f.kind == "time"] == times
    assert not [f for f in facts if f.kind in {"count", "number"}]


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("The fuel could run out at 7 a.m. GMT on Thursday", "3"),
        ("On Thursday at 7 a.m. the search resumed", "3"),
        ("وقع الانفجار في الساعة 9 صباحا يوم الأحد", "6"),
        ("The Coast Guard gave a news conference at 1 p.m.", ""),
    ],
)
def test_a_time_of_day_knows_the_weekday_named_beside_it(text: str, weekday: str) -> None:
    (time,) = [f for f in extract_facts(text) if f.kind == "time"]
    assert time.subject == weekday


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The fuel could last until Friday afternoon E.T.", [("afternoon", "ET", "4")]),
        ("The ferry was declared overdue on Sunday evening", [("evening", "", "6")]),
        ("وقع الانفجار مساء يوم الأحد في المرفأ", [("evening", "", "6")]),
        ("وصل الوفد الخميس صباحا إلى العاصمة", [("morning", "", "3")]),
        # No weekday, no part of the day: "in the morning" may be any morning.
        ("The search resumed in the morning", []),
        ("استؤنف البحث في الصباح", []),
    ],
)
def test_a_part_of_the_day_is_read_with_its_weekday(
    text: str, parts: list[tuple[str, str, str]]
) -> None:
    facts = extract_facts(text)
    assert [(f.value, f.unit, f.subject) for f in facts if f.kind == "daypart"] == parts


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ويبلغ ارتفاع الجسر 40م فوق سطح الماء", [("count", "40", "متر")]),
        ("وتأسست المدينة عام 1972م", [("year", "1972", "")]),
    ],
)
def test_an_m_written_onto_a_figure_is_metres_below_a_thousand(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert [(f.kind, f.value, f.subject) for f in quantities(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "ويقول الخبراء إن ما لحق بالمدينة العملاقة يقدر بأكثر من مليار دولار",
        "وأعلنت الشركة أن ما أنفقته على السفينة العملاقة وصل بنحو مليار دولار",
    ],
)
def test_a_hedge_behind_a_proclitic_is_no_subject_of_an_amount(text: str) -> None:
    (money,) = [f for f in extract_facts(text) if f.kind == "money"]
    assert money.subject not in {"اكثر", "نحو", "بنحو"}
    assert money.subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # The noun of the amount's clause, however far back ...
        (
            "وقدر الرئيس الخسائر الناجمة عن الحريق الكبير في المصنع القديم بأكثر من 15 مليار دولار",
            "losses",
        ),
        ("وقدرت الحكومة أضرار الحريق الكبير في المصنع القديم بنحو 3 مليارات دولار", "losses"),
        ("The fire caused damage put at $3 billion", "losses"),
        # A quoted name inside the clause does not end it.
        (
            'وطالبت الهيئة بتعويضات من الشركة المالكة لسفينة "النجمة" العملاقة '
            "بأكثر من 900 مليون دولار",
            "compensation",
        ),
        # ... but not across another figure, whose noun it is.
        (
            "ودفعت الشركة تعويضات قدرها 5 ملايين دولار للعمال واشترت الأرض المجاورة للمصنع القديم "
            "في المدينة بمبلغ 7 ملايين دولار",
            "",
        ),
    ],
)
def test_an_amount_takes_the_money_noun_of_its_clause(text: str, subject: str) -> None:
    amounts = [f for f in extract_facts(text) if f.kind == "money"]
    if subject:
        assert [f.subject for f in amounts] == [subject]
    else:
        assert amounts[0].subject == "compensation"
        assert amounts[-1].subject != "compensation"
