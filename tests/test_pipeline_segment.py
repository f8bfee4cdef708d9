"""segment_claims: sentences and clauses with exact offsets. Pure Python, no database.

Their facts and attribution are the facts stage's: see test_pipeline_facts.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.pipeline.clean import clean_article
from newsdiff.pipeline.facts import claims_with_facts
from newsdiff.pipeline.normalize import normalize_text
from newsdiff.pipeline.segment import SegmentedClaim, segment_claims
from newsdiff.pipeline.types import ClaimDraft

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_FILES = ["000_74628de6391d590b.txt", "001_c616ab5195f9a13a.txt"]


def claims_of(text: str) -> tuple[ClaimDraft, ...]:
    return tuple(segmented.claim for segmented in segment_claims(text))


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
    claims = claims_of(clean.text)
    assert_offsets(clean.text, claims)
    assert len(claims) >= 15


def test_claims_leave_facts_and_attribution_to_the_facts_stage() -> None:
    clean = clean_article((SEEDS / SEED_FILES[0]).read_text(encoding="utf-8"))
    claims = claims_of(clean.text)
    kremlin = next(c for c in claims if c.text.startswith("وقال الكرملين"))
    assert (kremlin.facts, kremlin.attribution, kremlin.attribution_text) == ((), "", "")


def test_decimals_abbreviations_and_urls_do_not_split() -> None:
    text = (
        "The U.S. economy grew 2.5 percent last year, Dr. Smith told reporters. "
        "Prices at example.com rose 3.1% in March! Did they fall again? "
        "ارتفع التضخم إلى 3.5 في المئة، بحسب د. أحمد علي؟ وقال التقرير إن النمو تباطأ."
    )
    claims = claims_of(text)
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
    claims = claims_of(text)
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
    lead = "ويقول المراقبون إن الطريق طويل."
    text = f"{first}، {second} {third} {lead}"
    segments = segment_claims(text)
    assert [s.claim.text for s in segments] == [first, second, third, lead]
    assert_offsets(text, tuple(s.claim for s in segments))
    # The clauses of a long sentence carry its span (a clause speaks for the sentence's
    # speaker); a claim whose sentence was not split carries its own.
    sentence = (0, text.index(lead) - 1)
    assert {(s.sentence_start, s.sentence_end) for s in segments[:3]} == {sentence}
    assert segments[3] == SegmentedClaim(
        segments[3].claim, segments[3].claim.start, segments[3].claim.end
    )


def test_short_sentence_is_not_split() -> None:
    text = "زار الوفد المصنع، والتقى مديره في المساء."
    assert [c.text for c in claims_of(text)] == [text]


@pytest.mark.parametrize(("opening", "closing"), [("«", "»"), ("“", "”"), ('"', '"')])
def test_a_quotation_is_not_split_into_clauses(opening: str, closing: str) -> None:
    quote = (
        f"وقال رئيس النادي في بيان: {opening}من الصعب أن نودع لاعبا رائعا مثل سامي،"
        " سأتذكر دائما يوم وصوله إلى ملعبنا، وكل ما أعطاه لفريقنا وجمهورنا طوال"
        f" السنوات الست الماضية{closing}"
    )
    after = "، وسيغادر اللاعب المدينة مع عائلته في نهاية الأسبوع المقبل."
    text = quote + after
    claims = claims_of(text)
    # The joint inside the quotation splits nothing; the one after it does.
    assert [c.text for c in claims] == [quote, after[2:]]
    assert_offsets(text, claims)


def test_english_clauses_split_at_while_and_but() -> None:
    first = "The central bank kept its main interest rate unchanged at five percent on Thursday"
    second = "while the finance ministry said it expected growth to slow during the second half"
    third = "but exporters reported more orders than in any month since the start of the year."
    text = f"{first}, {second}, {third}"
    claims = claims_of(text)
    assert [c.text for c in claims] == [first, second, third]
    assert_offsets(text, claims)


def test_a_second_event_with_its_own_figures_is_a_clause_of_its_own() -> None:
    # "with a(n) <noun> that ..." and a figure: a second event beside the first, whose
    # figures one claim would mix with the first's.
    first = "The storm reached the coast at 140 kilometres an hour shortly before dawn on Tuesday"
    second = (
        "with a surge that flooded 300 homes in the harbour district an hour later, "
        "according to the regional weather office."
    )
    text = f"{first} {second}"
    claims = claims_of(text)
    assert [c.text for c in claims] == [first, second]
    assert_offsets(text, claims)
    # The same opener before a clause without a figure completes its verb: no cut.
    whole = (
        "The shipping company said on Tuesday that it was still working with a salvage firm "
        "that specialises in refloating large vessels stuck in narrow canals and rivers."
    )
    assert [c.text for c in claims_of(whole)] == [whole]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The harbour master said divers are searching the wreck with two robots",
            "but added that the water is cold and murky.",
        ),
        (
            "Officials said the bridge would reopen to cars on Monday",
            "and warned drivers to expect long delays.",
        ),
    ],
)
def test_a_second_verb_of_saying_opens_a_second_statement(first: str, second: str) -> None:
    """However short the sentence, what a speaker said and what they added are two claims,
    the second still the speaker's."""
    text = f"{first} {second}"
    claims = claims_with_facts(text, segment_claims(text))
    assert [c.text for c in claims] == [first, second]
    assert claims[0].attribution and claims[1].attribution == claims[0].attribution
    assert_offsets(text, claims)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # A sentence that only names its source ends the sentence before it.
        (
            "وقال مسؤول محلي إن المياه جرفت أحياء كاملة على ضفتي الوادي. وفق ما ذكرت وكالة "
            "الأنباء الرسمية.",
            [
                "وقال مسؤول محلي إن المياه جرفت أحياء كاملة على ضفتي الوادي. وفق ما ذكرت "
                "وكالة الأنباء الرسمية."
            ],
        ),
        (
            "The harbour will stay closed until the cranes are replaced. According to the "
            "port authority.",
            [
                "The harbour will stay closed until the cranes are replaced. According to the "
                "port authority."
            ],
        ),
        # After a comma, "وفق ..." is no clause of its own (not "و" + a clause).
        (
            "وأوضح المحافظ أن نصف مساحة المدينة الساحلية قد تضرر من السيول الجارفة التي ضربتها "
            "فجر الأحد، والتي خلفت دمارا واسعا في الأحياء القريبة من الوادي والجسور، وفق ما "
            "ذكرت وكالة الأنباء الرسمية في بيانها.",
            [
                "وأوضح المحافظ أن نصف مساحة المدينة الساحلية قد تضرر من السيول الجارفة التي "
                "ضربتها فجر الأحد",
                "والتي خلفت دمارا واسعا في الأحياء القريبة من الوادي والجسور، وفق ما ذكرت "
                "وكالة الأنباء الرسمية في بيانها.",
            ],
        ),
        # A sentence with a figure of its own is a claim, whatever it opens with; so is one
        # in a paragraph of its own.
        (
            "قدرت السلطات حجم الأضرار في المرفأ بشكل أولي. وحسب التقديرات الأولية، تتجاوز "
            "الخسائر 15 مليار دولار.\n\nوفق ما ذكرت وكالة الأنباء الرسمية.",
            [
                "قدرت السلطات حجم الأضرار في المرفأ بشكل أولي.",
                "وحسب التقديرات الأولية، تتجاوز الخسائر 15 مليار دولار.",
                "وفق ما ذكرت وكالة الأنباء الرسمية.",
            ],
        ),
    ],
)
def test_a_sentence_that_only_names_its_source_ends_the_one_before(
    text: str, claims: list[str]
) -> None:
    assert [s.claim.text for s in segment_claims(text)] == claims


# A long sentence whose verb of saying and subject stand before a comma: the subject's
# coordinated or apposed part after the comma must not become a claim that states plainly
# what the speaker denied or confirmed.
SPEAKER_BEFORE_COMMA = [
    # A denier and a second subject coordinated after a comma, then what is denied.
    "نفى رئيس بلدية تلبارة سليم الحداد، ومدير مكتبه الإعلامي، المعلومات التي نشرتها صحيفة "
    "محلية عن نقل السوق المركزي إلى خارج المدينة القديمة في الصيف المقبل بكلفة كبيرة.",
    # A dateline before the verb, and the subject's title apposed after the comma.
    "تلبارة (وكالات) -- نفى سليم الحداد، وزير الأشغال في الحكومة المحلية، توصل الوزارة إلى "
    "أي اتفاق مع الشركة التي تدير الميناء القديم بشأن نقل السوق المركزي إلى خارجه.",
    # A verb of confirming and its source, the source's own source set apart by commas.
    "وأكدت صحيفة تلبارة اليومية، نقلا عن مصادرها الخاصة، وصول وفد الشركة المشغلة للميناء "
    "القديم إلى المدينة الساحلية صباح اليوم لتوقيع عقد تشغيل السوق المركزي الجديد مع البلدية "
    "ومع غرفة التجارة.",
]


@pytest.mark.parametrize("text", SPEAKER_BEFORE_COMMA)
def test_a_speaker_before_a_comma_is_no_claim_of_its_own(text: str) -> None:
    """The verb of saying and its subject before a comma stay with what follows: the claim
    keeps its speaker and its verb (a denial stays one), and no fragment of a verb and a
    name is a claim."""
    claims = claims_with_facts(text, segment_claims(text))
    assert [c.text for c in claims] == [text]
    assert claims[0].attribution
    assert_offsets(text, claims)


@pytest.mark.parametrize(
    "text",
    [
        # What the speaker said has begun before the comma ("إن"): a clause joint as before.
        "وقال رئيس بلدية تلبارة إن السيول جرفت أحياء كاملة على ضفتي الوادي الكبير، "
        "وأضاف أن فرق الإنقاذ ما زالت تبحث عن المفقودين في الأحياء القريبة من البحر.",
        # A figure before the comma: the verb's object is there, not its subject.
        "أعلنت وزارة الصحة في تلبارة وفاة 12 شخصا في السيول التي ضربت المدينة فجر الأحد، "
        "وإصابة العشرات بجروح مختلفة نقلوا على إثرها إلى مستشفيات المدينة الساحلية.",
    ],
)
def test_a_clause_joint_after_a_statement_still_cuts(text: str) -> None:
    """Only a verb of saying and its subject alone are kept with what follows."""
    claims = claims_of(text)
    assert len(claims) == 2
    assert_offsets(text, claims)
