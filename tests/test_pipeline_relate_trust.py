"""Relations an editor can trust: the failure kinds of real multi-outlet coverage, each on
Arabic and English pairs written for these tests.

Precision first: an uncertain pair is an agreement or no link, never a contradiction. Each
pair is related twice where it matters: between articles (the product's path, where the
learned model speaks only on near-rewrites) and as two bare sentences (the ANS path of
``manage.py relate``, where it always may). No database.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest

from newsdiff.comparison import WEAK_LINK_SCORE
from newsdiff.pipeline import (
    ARTICLE_LEARNED_MIN_SIMILARITY,
    analyse_article,
    compare_articles,
    inner_disputes,
)
from newsdiff.pipeline.attribution import attribution_of, same_source
from newsdiff.pipeline.encode import encoder_get
from newsdiff.pipeline.facts import claim_from_text, claims_with_facts, extract_facts
from newsdiff.pipeline.normalize import normalize_text
from newsdiff.pipeline.relate import one_source, relate_claims, relate_texts
from newsdiff.pipeline.relate.polarity import polarity
from newsdiff.pipeline.relate.quantities import (
    AT_LEAST,
    count_countries,
    count_place,
    event_told,
    hedge_of,
    is_change,
)
from newsdiff.pipeline.relate.words import view
from newsdiff.pipeline.segment import segment_claims
from newsdiff.pipeline.types import ClaimDraft, Fact, FactValue, Reason, Relation
from newsdiff.pipeline.units import convertible, same_amount

MONDAY = dt.date(2024, 10, 7)
TUESDAY_NEXT_WEEK = dt.date(2024, 10, 15)


def between_articles(
    a: str, b: str, published_a: dt.date | None = MONDAY, published_b: dt.date | None = MONDAY
) -> Relation:
    """How claim b of one article stands to claim a of another (the product's path)."""
    return relate_claims(
        claim_from_text(a, published=published_a),
        claim_from_text(b, published=published_b, position=1),
        published_a=published_a,
        published_b=published_b,
        learned_min_similarity=ARTICLE_LEARNED_MIN_SIMILARITY,
    )


def both_ways(a: str, b: str, published: dt.date | None = MONDAY) -> list[Relation]:
    """The relation between articles and as two bare sentences (ANS)."""
    return [between_articles(a, b, published, published), relate_texts(a, b, published=published)]


def claims(text: str) -> list[tuple[str, str]]:
    """(attribution, text) of each claim of an article's text."""
    found = claims_with_facts(text, segment_claims(text))
    return [(claim.attribution, claim.text) for claim in found]


# --- 1. verbs and phrases that negate without a negation word --------------------------------

NEGATING = [
    (
        "The arms transfers depend on selling anti-ship missiles to the group",
        "The arms transfers stop short of selling anti-ship missiles to the group",
    ),
    (
        "The company raised its fuel prices again this year",
        "The company refrained from raising its fuel prices again this year",
    ),
    (
        "The offer amounts to a full takeover of the national airline",
        "The offer fell short of a full takeover of the national airline",
    ),
    (
        "وقالت الصحيفة إن عمليات النقل تشمل بيع صواريخ مضادة للسفن",
        "وقالت الصحيفة إن عمليات النقل لا تصل إلى حد بيع صواريخ مضادة للسفن",
    ),
    (
        "رفعت الحكومة أسعار الوقود مرة أخرى هذا العام",
        "امتنعت الحكومة عن رفع أسعار الوقود مرة أخرى هذا العام",
    ),
    (
        "وقع الطرفان اتفاق الهدنة في العاصمة القطرية",
        "غادر الطرفان العاصمة القطرية دون أن يوقعا اتفاق الهدنة",
    ),
    # What one thing is not still contradicts what it is.
    (
        "The Nautilus is a submarine that can leave port on its own.",
        "The Nautilus is not a submarine and cannot leave port on its own.",
    ),
    (
        "نوتيلوس غواصة تستطيع مغادرة الميناء بمفردها",
        "نوتيلوس ليست غواصة ولا تستطيع مغادرة الميناء بمفردها",
    ),
]


@pytest.mark.parametrize(("a", "b"), NEGATING)
def test_negating_verbs_and_phrases_are_polarity(a: str, b: str) -> None:
    for relation in both_ways(a, b):
        assert (relation.kind, relation.reason) == ("contradiction", Reason.NEGATION), relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # One generic word in the negation's scope is not the other claim's subject.
        (
            "وقالت الصحيفة إن عمليات النقل لا تصل إلى حد بيع الصواريخ الروسية المضادة للسفن",
            "وبحث الوفد أيضا شراء صواريخ كورنيت المضادة للدبابات والأسلحة المضادة للطائرات",
        ),
        (
            "The transfers stop short of selling Russian anti-ship missiles",
            "The envoys also discussed buying Kornet missiles and anti-aircraft weapons",
        ),
        # Both negate: however differently, neither says what the other denies.
        (
            "رفض رئيس الوزراء رفضا قاطعا أي تفاوض بشأن الاتفاق النووي",
            "رئيس الوزراء يرفض أي تفاوض بشأن الاتفاق النووي",
        ),
        # A negation does not reach across a clause break.
        (
            "أطباء بلا حدود: العشرات يغرقون قرب السواحل الليبية",
            "غرق العشرات قرب السواحل الليبية",
        ),
        # What a thing is not is another thing: the negative claim says nothing of it.
        (
            "whereas a submarine can sail out of the harbour unaided",
            "As the Nautilus is a bathyscaphe, not a submarine, it cannot sail out of the"
            " harbour unaided",
        ),
        (
            "بينما تملك الغواصة العسكرية القدرة على مغادرة الميناء بمفردها",
            "ولأن نوتيلوس مركبة غاطسة وليست غواصة، فهي لا تملك القدرة على مغادرة الميناء بمفردها",
        ),
    ],
)
def test_a_negation_of_something_else_is_no_contradiction(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert relation.kind != "contradiction" or relation.reason is not Reason.NEGATION


BOTH_NEGATIVE = [
    # Both negate, each in its own words and scope: neither says what the other denies.
    (
        '"Neither drafted, nor signed, nor settled, and there will be no decision before the'
        " summer.",
        '"Nothing is drafted, signed or settled.',
    ),
    (
        "وعاقب نادي الاتحاد مهاجمه سامي لسفره إلى تركيا دون موافقة النادي",
        "قرر نادي الاتحاد معاقبة مهاجمه سامي لأنه سافر إلى تركيا ولم يحصل مسبقا على إذن النادي.",
    ),
    # "دون" (without) negates the one word after it: the approval, not the trip.
    (
        "وعاقب نادي الاتحاد مهاجمه سامي لسفره إلى تركيا دون موافقة النادي",
        "وذكرت صحيفة محلية أن نادي الاتحاد عاقب سامي أسبوعين لتغيبه عن التمارين للسفر إلى تركيا.",
    ),
    # A denial against a claim that negates on its own: the same side, in two ways.
    (
        "The striker's uncle Karim DENIES his nephew's transfer to the team is settled,"
        " insisting 'no team has any agreement with him for the coming year'",
        'He said: "No team has any agreement at all with him for the coming year."',
    ),
]


@pytest.mark.parametrize(("a", "b"), BOTH_NEGATIVE)
def test_two_claims_that_both_negate_or_deny_do_not_conflict(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert relation.kind == "agreement", relation


# --- 2. denials: two denials agree ---------------------------------------------------------

TWO_DENIALS = [
    (
        "The Kremlin said the newspaper report about the arms deal looks fake",
        "Russia denied the newspaper report about the arms deal",
    ),
    (
        "The ministry dismissed the report about the prison deaths as baseless",
        "The ministry denied the report about the prison deaths",
    ),
    (
        "The agent denied the reports that the striker agreed a move to the club",
        "The agent shut down claims that the striker agreed a move to the club",
    ),
    (
        "ونفى الوكيل التقارير عن اتفاق المهاجم على الانتقال إلى النادي",
        "وكذّب الوكيل التقارير عن اتفاق المهاجم على الانتقال إلى النادي",
    ),
    (
        'وقال الكرملين إن تقرير الصحيفة عن صفقة الأسلحة "يبدو مزيفا"',
        "ونفت روسيا تقرير الصحيفة عن صفقة الأسلحة",
    ),
    (
        "ووصف المتحدث تقرير الصحيفة عن صفقة الأسلحة بأنه مفبرك",
        "ونفى المتحدث تقرير الصحيفة عن صفقة الأسلحة",
    ),
]


@pytest.mark.parametrize(("a", "b"), TWO_DENIALS)
def test_two_denials_of_one_report_agree(a: str, b: str) -> None:
    for relation in both_ways(a, b):
        assert relation.kind == "agreement", relation


@pytest.mark.parametrize(
    ("text", "denies"),
    [
        ("قال الكرملين إن التقرير كاذب", True),
        ("نفت الوزارة صحة الخبر", True),
        ("وقالت الوزارة إن الخبر عار عن الصحة", True),
        ("The ministry called the report fake", True),
        ("Russia denied the report", True),
        ("قال المتحدث إن ما تم نشره عن قبول الحارس الانتقال إلى النادي أخبار مزيفة", True),
        (
            "قال المتحدث إن ما تم نشره عن قبول المهاجم سامي الانتقال إلى نادي الاتحاد أخبار مزيفة",
            True,
        ),
        # A false charge, forged papers: adjectives, no verdict on a report.
        ("سجنت الناشطة بتهمة نشر أخبار كاذبة", False),
        ("The activist was jailed for spreading fake news", False),
        ("ضبطت الشرطة جوازات سفر مزيفة", False),
        # A verb that denies what a word of reports after it names.
        ("The agent shut down claims that the striker had signed", True),
        ("The minister rubbished the newspaper's reports", True),
        ("The club debunked the rumours", True),
        ("وفند الوزير الأنباء المتداولة", True),
        # ... and only then: a port shut down, a coach dismissed.
        ("The authorities shut down the port after the blast", False),
        ("The club dismissed its coach on Monday", False),
        # A denial negated is none.
        ("لم ينف الكرملين التقرير", False),
        ("The Kremlin did not deny the report", False),
        ("The minister did not dismiss the reports", False),
    ],
)
def test_what_denies(text: str, denies: bool) -> None:
    assert polarity(view(normalize_text(text))).denies is denies


def test_a_denial_against_a_negated_denial_conflicts() -> None:
    relation = between_articles(
        "The Kremlin did not deny the report about the arms deal",
        "The Kremlin denied the report about the arms deal",
    )
    assert relation.kind in ("contradiction", "disputed")
    assert relation.reason is Reason.NEGATION


# --- 3. a report against the denial of it is a dispute ---------------------------------------

REPORT_AND_DENIAL = [
    (
        "The Wall Street Journal reported that Bout brokered an arms deal for the rebels",
        "The Kremlin denied that Bout brokered an arms deal for the rebels",
        "The Wall Street Journal",
        "The Kremlin",
    ),
    (
        "ذكرت صحيفة وول ستريت جورنال أن بوت يتوسط في صفقة أسلحة للمتمردين",
        "نفى الكرملين أن يكون بوت يتوسط في صفقة أسلحة للمتمردين",
        "صحيفة وول ستريت جورنال",
        "الكرملين",
    ),
    # The outlet reports it in its own words: still two voices, the report and the denial.
    (
        "بوت يتوسط في صفقة أسلحة للمتمردين في اليمن",
        "نفى الكرملين أن يكون بوت يتوسط في صفقة أسلحة للمتمردين في اليمن",
        "",
        "الكرملين",
    ),
]


@pytest.mark.parametrize(("a", "b", "source_a", "source_b"), REPORT_AND_DENIAL)
def test_a_report_and_its_denial_are_disputed(a: str, b: str, source_a: str, source_b: str) -> None:
    for relation in both_ways(a, b):
        assert (relation.kind, relation.reason) == ("disputed", Reason.NEGATION), relation
        assert (relation.details.source_a, relation.details.source_b) == (source_a, source_b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "But in a statement on Tuesday, the striker's agent described the newspaper report as"
            ' "fake news".',
            "A newspaper report released on Tuesday claimed that the striker's move to the club is"
            ' a "done deal", with the contract to be signed next month.',
        ),
        (
            "نفى وكيل المهاجم سامي جميع الأخبار عن مغادرته فريقه وتوقيعه مع نادي الاتحاد هذا"
            " الصيف.",
            "كشفت صحيفة فرنسية أن نادي الاتحاد يأمل في إقناع المهاجم سامي بالانتقال إلى الدوري بعقد"
            " لمدة عامين.",
        ),
    ],
)
def test_a_denial_and_a_plain_claim_with_few_words_in_common_are_no_agreement(
    a: str, b: str
) -> None:
    # The report it denies, or another thing: never one account of it, and too few words in
    # common for the rules to set them against each other. No link.
    assert between_articles(a, b).kind == "unrelated"


NAMED_REPORT_AND_DENIAL = [
    (
        "نفى رئيس بلدية تلبارة ما نشرته صحيفة الساحل اليومية عن صفقة الميناء القديم",
        "وبحسب صحيفة الساحل اليومية، باعت البلدية الميناء القديم لشركة أجنبية مقابل 40 مليون دولار",
    ),
    (
        "The mayor of Talbara dismissed the Coast Daily Herald's report as fake news",
        "The Coast Daily Herald reported that the council sold the old harbour to a foreign"
        " firm for $40 million",
    ),
    # One agency by two of its names.
    (
        "ونفت البلدية المعلومات التي نشرتها وكالة الأنباء الفرنسية",
        "وقالت وكالة فرانس برس إن البلدية باعت الميناء القديم لشركة أجنبية",
    ),
]


@pytest.mark.parametrize(("denial", "report"), NAMED_REPORT_AND_DENIAL)
def test_a_denial_that_names_the_reports_source_disputes_its_report(
    denial: str, report: str
) -> None:
    """The denial says whose report it denies, and the other claim is that source's report:
    a dispute, however few words they share."""
    for a, b in ((denial, report), (report, denial)):
        relation = between_articles(a, b)
        assert (relation.kind, relation.reason) == ("disputed", Reason.NEGATION), relation


@pytest.mark.parametrize(
    ("denial", "report"),
    [
        # Another paper's report.
        (
            "The mayor of Talbara dismissed the Harbour Weekly's report as fake news",
            "The Coast Daily Herald reported that the council sold the old harbour to a foreign"
            " firm for $40 million",
        ),
        # A source of one word names nobody in particular.
        (
            "نفى رئيس بلدية تلبارة ما نشره مسؤولون عن صفقة الميناء القديم",
            "وقال مسؤولون إن البلدية باعت الميناء القديم لشركة أجنبية مقابل 40 مليون دولار",
        ),
        # The source is named as who someone is, not as whose report is denied.
        (
            "نفى والد اللاعب سامي لاعب فريق نادي الساحل الرياضي كافة الأنباء عن انتقاله إلى الخارج",
            "وأفاد نادي الساحل الرياضي أن عقد اللاعب سامي لا يزال ساريا حتى نهاية الموسم",
        ),
        # The denier's own report: the source named is its own.
        (
            "The Coast Daily Herald denied its own report on the harbour",
            "The Coast Daily Herald reported that the council sold the old harbour to a foreign"
            " firm for $40 million",
        ),
    ],
)
def test_a_denial_naming_no_source_of_the_report_is_no_dispute(denial: str, report: str) -> None:
    assert between_articles(denial, report).kind != "disputed"


WISH_AGAINST_DENIAL = [
    (
        "نفى رئيس بلدية تلبارة المعلومات التي نشرتها صحيفة محلية عن أن البلدية ستنقل السوق"
        " المركزي إلى خارج المدينة القديمة في الصيف المقبل",
        "ذكرت صحيفة محلية أن البلدية ستنقل السوق المركزي إلى خارج المدينة القديمة في الصيف المقبل",
        "قالت غرفة التجارة إن البلدية تأمل في نقل السوق المركزي إلى خارج المدينة القديمة في"
        " الصيف المقبل",
    ),
    (
        "The mayor of Talbara denied a local newspaper's report that the council will move the"
        " central market out of the old town next summer",
        "A local newspaper reported that the council will move the central market out of the"
        " old town next summer",
        "The chamber of commerce said the council hopes to move the central market out of the"
        " old town next summer",
    ),
]


@pytest.mark.parametrize(("denial", "report", "wish"), WISH_AGAINST_DENIAL)
def test_a_wish_is_no_report_against_a_denial(denial: str, report: str, wish: str) -> None:
    """A claim that one hopes for a thing says no more that it is so than that it is not: a
    denial that it is so disputes the report of it, not the wish."""
    assert between_articles(report, denial).kind == "disputed"
    assert between_articles(denial, report).kind == "disputed"
    for relation in (between_articles(wish, denial), between_articles(denial, wish)):
        assert relation.kind not in ("contradiction", "disputed"), relation
    assert polarity(view(normalize_text(wish))).wishes
    assert not polarity(view(normalize_text(report))).wishes


def test_a_source_that_says_and_denies_one_thing_contradicts_itself() -> None:
    relation = between_articles(
        "قالت وزارة الداخلية إن انفجارا وقع في مصنع الأسمدة",
        "نفت وزارة الداخلية أن انفجارا وقع في مصنع الأسمدة",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.NEGATION)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "قال الكرملين إن موسكو لا علاقة لها بالصفقة. وأضاف أن بوت لم يتوسط في أي صفقة. "
            "وتابع: لا نعرف شيئا عن الرحلة. ووصل الوفد إلى العاصمة مساء أمس.",
            ["الكرملين", "الكرملين", "الكرملين", ""],
        ),
        (
            "Moscow has nothing to do with the deal, the Kremlin said. Bout did not broker any "
            "deal, it added. She said the envoys never met him. The delegation left on Sunday.",
            ["the kremlin", "the kremlin", "the kremlin", ""],
        ),
        # Nobody named before: no speaker to carry over.
        ("وأضاف أن بوت لم يتوسط في أي صفقة أسلحة.", [""]),
        # A sentence of the outlet's own between them ends the quote.
        (
            "قال الكرملين إن موسكو لا علاقة لها بالصفقة. ووصل الوفد إلى العاصمة مساء أمس. "
            "وأضاف أن بوت لم يتوسط في أي صفقة.",
            ["الكرملين", "", ""],
        ),
    ],
)
def test_a_quote_split_at_a_sentence_break_keeps_its_speaker(
    text: str, speakers: list[str]
) -> None:
    assert [attribution for attribution, _ in claims(text)] == speakers


@pytest.mark.parametrize(
    "answer",
    [
        "The striker's agent has broken his silence over reports in the press that the"
        " transfer to the club is agreed.",
        "The striker's agent responded to claims that the transfer to the club is agreed.",
        "ردّ وكيل المهاجم على الأنباء التي تحدثت عن انتقاله إلى النادي بصفقة منتهية.",
    ],
)
def test_an_answer_to_reports_is_no_report_against_the_denial(answer: str) -> None:
    # The claim tells that the agent answered the reports: it neither says what they say nor
    # denies it, so it disputes no denial.
    denial = (
        "The striker's agent denied reports that the transfer to the club is agreed."
        if answer.isascii()
        else "نفى وكيل المهاجم الأنباء التي تحدثت عن انتقاله إلى النادي بصفقة منتهية."
    )
    relation = between_articles(denial, answer)
    assert relation.kind not in ("contradiction", "disputed"), relation


def test_the_reports_themselves_still_dispute_the_denial() -> None:
    relation = between_articles(
        "The striker's agent denied reports that the transfer to the club is agreed.",
        "Reports in the Spanish press said the transfer to the club is agreed.",
    )
    assert relation.kind == "disputed", relation


def test_a_continued_denial_is_disputed_against_the_report() -> None:
    text = (
        "قال الكرملين إن موسكو لا علاقة لها بالصفقة. وأضاف أن بوت لم يتوسط في صفقة أسلحة للمتمردين."
    )
    denial = claims_with_facts(text, segment_claims(text))[1]
    report = claim_from_text("قالت الصحيفة إن بوت توسط في صفقة أسلحة للمتمردين", position=1)
    relation = relate_claims(denial, report, learned_min_similarity=ARTICLE_LEARNED_MIN_SIMILARITY)
    assert (relation.kind, relation.reason) == ("disputed", Reason.NEGATION)
    assert (relation.details.source_a, relation.details.source_b) == ("الكرملين", "الصحيفة")


def test_the_denier_is_the_source() -> None:
    assert attribution_of("نفى الكرملين التقرير الذي نشرته الصحيفة") == "الكرملين"
    assert attribution_of("ونفت الوزارة صحة الخبر") == "الوزاره"
    assert attribution_of("Russia denied what the paper published.") == "russia"


# --- 4. aliases of one actor ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "استهدف أنصار الله سفينة تجارية في البحر الأحمر مساء أمس",
            "استهدف الحوثيون سفينة تجارية في البحر الأحمر مساء أمس",
        ),
        (
            "Ansar Allah fighters attacked a cargo ship in the Red Sea",
            "Houthi fighters attacked a cargo ship in the Red Sea",
        ),
        # A capital for its government: no substitution either.
        ("قال الكرملين إن الوفد سيصل غدا", "قالت موسكو إن الوفد سيصل غدا"),
        (
            "The Kremlin announced new talks with the delegation",
            "Moscow announced new talks with the delegation",
        ),
    ],
)
def test_two_names_of_one_actor_are_no_substitution(a: str, b: str) -> None:
    for relation in both_ways(a, b):
        assert relation.kind == "agreement", relation


def test_one_person_named_in_two_scripts_is_one_source() -> None:
    arabic = claim_from_text(
        "أعلن محافظ المدينة، سامي فارس، أن نحو 90 ألف شخص أصبحوا بلا مأوى", published=MONDAY
    )
    english = claim_from_text(
        "The city's governor Sami Fares said between 60,000 and 75,000 people were left"
        " without homes.",
        published=MONDAY,
        position=1,
    )
    other = claim_from_text(
        "The city's governor Lena Ward said between 60,000 and 75,000 people were left"
        " without homes.",
        published=MONDAY,
        position=1,
    )
    assert one_source(arabic, english) and one_source(english, arabic)
    assert not one_source(arabic, other)

    def paired_by_meaning(a: ClaimDraft, b: ClaimDraft) -> Relation:
        return relate_claims(
            a,
            b,
            published_a=MONDAY,
            published_b=MONDAY,
            learned_min_similarity=ARTICLE_LEARNED_MIN_SIMILARITY,
            meaning=0.7,
        )

    # Two figures from one governor on one day: the outlets contradict each other; from two
    # governors, the governors dispute.
    assert paired_by_meaning(arabic, english).kind == "contradiction"
    assert paired_by_meaning(arabic, other).kind == "disputed"


def test_aliases_name_one_source_but_a_capital_is_not_its_government() -> None:
    assert same_source("الحوثيين", "جماعه انصار الله")
    assert same_source("houthi rebels", "ansar allah")
    assert same_source("الحوثيون", "the houthis")
    assert same_source("the kremlin", "kremlin")
    assert same_source("الجيش", "الجيش الاسرائيلي")
    assert not same_source("الكرملين", "موسكو")
    assert not same_source("", "الجيش")
    # One source in two spellings of a word; two ministries stay two.
    assert same_source("هيئه المسح الجيولوجي الامريكيه", "هيئه المسح الجيولوجي الاميركيه")
    assert not same_source("وزاره الصحه", "وزاره الخارجيه")
    # "the mayor of the city of Verano" is the mayor of Verano, not of another town.
    assert same_source("رئيس بلديه مدينه فيرانو", "رئيس بلديه فيرانو سامي")
    assert not same_source("رئيس بلديه مدينه فيرانو", "رئيس بلديه مدينه ساندوري")
    # One source written out further inside: the same first word, the words in order.
    assert same_source("وزير الصحه اللبناني حمد", "وزير الصحه اللبناني حسن حمد")
    # One title and one name written either way round (reading 44 reads the whole name).
    assert same_source("وزير الصحه اللبناني حمد حسن", "وزير الصحه اللبناني حسن حمد")
    assert not same_source("وزير الصحه حمد حسن", "وزير الداخليه حسن حمد")
    assert not same_source("وزير الصحه اللبناني حمد حسن", "وزير الصحه اللبناني حسن علي")
    assert not same_source("رئيس بلديه درنه", "رئيس بلديه مدينه طرابلس")
    # One body with and without the article, in the singular and the sound plural.
    assert same_source("لجنه التحقيق الوطنيه", "لجنه تحقيقات وطنيه")
    assert same_source("لجنه التحقيقات الوطنيه", "لجنه التحقيق")
    assert not same_source("لجنه التحقيقات الوطنيه", "لجنه الانتخابات الوطنيه")
    assert not same_source("officials", "an official")
    # A name is the same source with its title before it; one word ("the ministry") is not.
    assert same_source("port director lena ward", "lena ward")
    assert same_source("مدير الميناء سامي فارس", "سامي فارس")
    assert not same_source("the foreign ministry", "the ministry")
    # Hence one source contradicting itself under two names, and two sources disputing.
    one_actor = between_articles(
        "قال الحوثيون إن 3 صواريخ أطلقت على السفينة",
        "قالت جماعة أنصار الله إن 5 صواريخ أطلقت على السفينة",
    )
    assert one_actor.kind == "contradiction"
    two_sources = between_articles(
        "قال الكرملين إن 3 صواريخ أطلقت على السفينة",
        "قالت موسكو إن 5 صواريخ أطلقت على السفينة",
    )
    assert two_sources.kind == "disputed"
    one_mayor = between_articles(
        "قال رئيس بلدية مدينة فيرانو إن عدد القتلى قد يصل إلى 5 آلاف",
        "وقال رئيس بلدية فيرانو سامي العلي إن عدد القتلى قد يصل إلى 9 آلاف",
    )
    assert one_mayor.kind == "contradiction", one_mayor


@pytest.mark.parametrize(
    ("x", "y", "one"),
    [
        # A minister speaks for the ministry of the portfolio; two portfolios, or two
        # countries' ministries, stay two sources.
        ("وزير الصحه اللبناني حمد حسن", "وزاره الصحه اللبنانيه", True),
        ("lebanon's health minister", "the health ministry", True),
        ("وزير الصحه", "وزاره الخارجيه", False),
        ("وزير الصحه الليبي", "وزاره الصحه المصريه", False),
        ("the health minister", "the foreign ministry", False),
        # A ministry by its portfolio alone is the story's own country's, in both languages;
        # a country named on either side keeps two.
        ("the country's interior ministry", "وزاره الداخليه", True),
        ("ministry of the interior", "وزاره الداخليه", True),
        ("the health minister", "وزاره الصحه", True),
        ("egypt's interior ministry", "وزاره الداخليه", False),
        # One country named in both languages, by name or adjective: one ministry.
        ("lebanon's health minister", "وزاره الصحه اللبنانيه", True),
        ("the lebanese health ministry", "وزير الصحه اللبناني", True),
        ("libya's interior ministry", "وزاره الداخليه المغربيه", False),
        ("the interior ministry", "وزاره الداخليه الليبيه", False),
        ("the health ministry", "وزاره الداخليه", False),
        ("وزاره الداخليه الليبيه", "وزاره الداخليه المغربيه", False),
        # The agencies world news quotes most, under their Arabic and English names; the
        # German and the European centres are not the American survey, nor one another.
        ("هيئه المسح الجيولوجي الاميركيه", "the us geological survey", True),
        ("مركز رصد الزلازل الامريكي", "the usgs", True),
        ("وكاله فرانس برس", "afp", True),
        ("منظمه الصحه العالميه", "the world health organization", True),
        ("المركز الالماني لابحاث علوم", "the us geological survey", False),
        ("مركز رصد الزلازل الاورومتوسطي", "المركز الالماني لابحاث علوم", False),
        # A name a national body may share is no alias: two Red Crosses stay two.
        ("الصليب الاحمر اللبناني", "اللجنه الدوليه للصليب الاحمر", False),
    ],
)
def test_one_source_under_two_names(x: str, y: str, one: bool) -> None:
    assert same_source(x, y) is one
    assert same_source(y, x) is one


def test_a_ministers_count_and_the_ministrys_later_one_are_an_update() -> None:
    """The minister's count of one day and the ministry's of a later one: a count revised,
    not a dispute of the ministry with its minister."""
    relation = between_articles(
        "أعلن وزير الصحة اللبناني ارتفاع عدد القتلى جراء الانفجار إلى 135 قتيلا",
        "أعلنت وزارة الصحة اللبنانية أن عدد القتلى جراء الانفجار بلغ 171 قتيلا",
        published_a=MONDAY,
        published_b=TUESDAY_NEXT_WEEK,
    )
    assert relation.kind == "updated", relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وقال وزير الصحة إن عدد المفقودين في الانفجار وصل إلى 80 شخصا",
            "ما زال أكثر من 60 شخصا في عداد المفقودين بعد الانفجار الكبير في الميناء",
        ),
        (
            "The health minister said at least 70 people were killed in the blast.",
            "The health minister said 135 people were killed in the blast.",
        ),
    ],
)
def test_a_floor_and_a_figure_beyond_it_days_apart_are_an_update(a: str, b: str) -> None:
    """A floor and a figure beyond its rounding, of two days: a count revised, whichever way
    it went (the missing are found, the dead are counted)."""
    relation = between_articles(a, b, published_a=MONDAY, published_b=TUESDAY_NEXT_WEEK)
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وقال التلفزيون الرسمي إن المروحية تحطمت شمال شرق البلاد مساء الأحد",
            "وقال التلفزيون الرسمي إن المروحية تحطمت شمالي غربي إيران مساء الأحد",
        ),
        (
            "State television said the helicopter crashed in the north-west of the country.",
            "State television said the helicopter crashed in south-western Iran.",
        ),
    ],
)
def test_one_crash_on_two_sides_of_a_country_is_a_contradiction(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert relation.kind == "contradiction", relation
    assert relation.details.reason is Reason.PLACE_MISMATCH
    assert [d.kind for d in relation.details.differing] == ["region"]


def test_state_television_in_two_languages_is_one_source() -> None:
    # The outlets contradict each other about where it said the crash was; state television
    # does not dispute itself.
    relation = between_articles(
        "State television said on Sunday that the governor's helicopter crashed in the"
        " north-west of the country.",
        "قال التلفزيون الرسمي يوم الأحد إن مروحية المحافظ تحطمت شمال شرق البلاد.",
    )
    assert relation.kind == "contradiction", relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The east and the north-east: one part told more or less closely.
        (
            "وقال التلفزيون الرسمي إن السيول اجتاحت مدينة درنة في شرق ليبيا يوم الأحد",
            "وقال التلفزيون الرسمي إن السيول اجتاحت مدينة درنة في شمال شرق ليبيا يوم الأحد",
        ),
        # North-west of the capital is no part of the country told otherwise.
        (
            "State television said the helicopter crashed in the northeast of the country.",
            "State television said the helicopter crashed 500 km northwest of Tehran.",
        ),
        # A claim that names two parts may place two things.
        (
            "State television said the storm hit the east of the country.",
            "State television said the storm hit the west of the country and spared"
            " towns in the east of the country.",
        ),
    ],
)
def test_parts_of_a_country_that_do_not_conflict(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert relation.kind != "contradiction", relation
    assert "region" not in {d.kind for d in relation.details.differing}


def test_one_agency_in_two_languages_does_not_dispute_itself() -> None:
    # One survey reported as placing the epicentre east and south-west of the city: the
    # outlets contradict each other; the survey does not dispute itself.
    relation = between_articles(
        "وذكرت هيئة المسح الجيولوجي الأميركية أن مركز الزلزال يقع على بعد 70 كيلومترا شرقي"
        " مدينة فيرانو.",
        "The US Geological Survey reported that the epicentre lay 70 km south-west of Verano.",
    )
    assert relation.kind == "contradiction", relation
    other = between_articles(
        "وذكر المعهد الأوروبي للرصد أن بؤرة الهزة تقع على بعد 70 كيلومترا شرقي مدينة فيرانو.",
        "The US Geological Survey reported that the epicentre lay 70 km south-west of Verano.",
    )
    assert other.kind == "disputed", other


def test_one_contract_told_with_two_salaries_conflicts() -> None:
    # The same two-year contract, signed in one report and offered in the other, at two
    # yearly salaries far apart (150 million euros is about 163 million dollars).
    relation = between_articles(
        "The winger is to earn 150m euros a year once he has signed a two-year contract.",
        "Doha United offered him a two-year contract with a yearly salary of some $100m on Friday.",
    )
    assert relation.kind == "contradiction", relation
    assert [d.kind for d in relation.details.differing] == ["money"]


def test_two_estimates_by_two_sources_are_disputed() -> None:
    # A governor's and a minister's estimates of one loss: two sources' figures, not the
    # outlets contradicting each other; one estimator against an unattributed figure is.
    governor = "أعلن محافظ المدينة أن خسائر الحريق تراوحت من 10 إلى 15 مليار دولار."
    minister = "قدّر وزير المالية الخسائر الناجمة عن الحريق بأكثر من 20 مليار دولار."
    relation = between_articles(governor, minister)
    assert relation.kind == "disputed", relation
    unattributed = between_articles(
        "وتقدر الخسائر الناجمة عن الحريق بين 10 و15 مليار دولار.", minister
    )
    assert unattributed.kind == "contradiction", unattributed


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "The same source" is the source named before, however many sentences back.
        (
            "قالت وزارة الصحة إن 150 شخصا قتلوا في الانفجار.\n"
            "ووصلت فرق الإنقاذ إلى المرفأ صباح اليوم.\n"
            "وأصيب 5 آلاف شخص، وفق المصدر ذاته.",
            ["وزاره الصحه", "", "وزاره الصحه"],
        ),
        (
            "The health ministry said 150 people had died in the blast.\n"
            "Rescue teams reached the port in the morning.\n"
            "Some 5,000 people were injured, according to the same source.",
            ["the health ministry", "", "the health ministry"],
        ),
        # With no source before it, it names nobody.
        ("وأصيب 5 آلاف شخص، وفق المصدر ذاته.", [""]),
        # A name made definite is the one named before whose head it is ...
        (
            "قالت هيئة الرصد الأوروبية إن قوة الهزة بلغت 5.9 درجات.\n"
            "وقال رئيس البلدية إن 20 شخصا قتلوا.\n"
            "وأضافت الهيئة أن بؤرة الهزة كانت على عمق 14 كيلومترا.",
            ["هيئه الرصد الاوروبيه", "رئيس البلديه", "هيئه الرصد الاوروبيه"],
        ),
        (
            "The canal agency said the ship was refloated at dawn.\n"
            "The agency said traffic would resume within hours.",
            ["the canal agency", "the canal agency"],
        ),
        # ... and stays itself when none is.
        (
            "قال رئيس البلدية إن 20 شخصا قتلوا.\nوقالت الوزارة إن 30 شخصا قتلوا.",
            ["رئيس البلديه", "الوزاره"],
        ),
        # One word of a name named before is that name.
        (
            "أعلن محافظ المدينة سامي فارس أن 300 ألف شخص باتوا مشردين.\n"
            "ووصلت فرق الإنقاذ إلى المرفأ صباح اليوم.\n"
            "وقال فارس إن نصف المدينة تضرر.",
            ["محافظ المدينه سامي فارس", "", "محافظ المدينه سامي فارس"],
        ),
        (
            "Governor Sami Fares said 90,000 residents were left homeless.\n"
            "Rescue teams reached the port in the morning.\n"
            "Fares said half of the city was damaged.",
            ["governor sami fares", "", "governor sami fares"],
        ),
        # A word that names nobody before stays its own source.
        (
            "Governor Sami Fares said 90,000 residents were left homeless.\n"
            "Ward said half of the city was damaged.",
            ["governor sami fares", "ward"],
        ),
    ],
)
def test_a_source_that_points_back_is_the_one_named_before(text: str, speakers: list[str]) -> None:
    assert [attribution for attribution, _ in claims(text)] == speakers


def test_another_name_in_the_same_role_still_contradicts() -> None:
    relation = between_articles(
        "فاز المنتخب المغربي بكأس البطولة بعد مباراة مثيرة",
        "فاز المنتخب الجزائري بكأس البطولة بعد مباراة مثيرة",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.ENTITY_SUBSTITUTION)


WIRE_COPIES = [
    (
        "قال الكرملين اليوم إن تقرير الصحيفة الأمريكية عن صفقة أسلحة مع أنصار الله يبدو مزيفا.\n"
        "وأضاف أن موسكو لا تبيع الأسلحة لأنصار الله في اليمن.\n"
        "وقتل 12 شخصا وأصيب 30 آخرون في غارة على مدينة الحديدة مساء أمس.",
        "قال الكرملين الاثنين إن تقرير الصحيفة الأمريكية عن صفقة أسلحة مع الحوثيين يبدو مزيفا.\n"
        "وأضاف أن موسكو لا تبيع الأسلحة للحوثيين في اليمن.\n"
        "وقتل 12 شخصا وأصيب 30 آخرون في غارة على اليمن مساء أمس.",
    ),
    (
        "The Kremlin said today that the newspaper report on an arms deal with Ansar Allah "
        "looks fake. Moscow does not sell weapons to Ansar Allah in Yemen, it added. Twelve "
        "people were killed and 30 injured in an air strike on Hodeidah last night.",
        "The Kremlin said on Monday that the newspaper report on an arms deal with the Houthis "
        "looks fake. Moscow does not sell weapons to the Houthis in Yemen, it added. Twelve "
        "people were killed and 30 injured in an air strike on Yemen last night.",
    ),
]


@pytest.mark.parametrize(("first", "second"), WIRE_COPIES)
def test_two_copies_of_one_wire_text_only_agree(first: str, second: str) -> None:
    # Published the same Monday; one copy says "today", the Houthis' other name, a city.
    articles = [analyse_article(text, published=MONDAY).claims for text in (first, second)]
    links = compare_articles(articles, [MONDAY, MONDAY])
    assert len(links) == 3
    assert {link.relation.kind for link in links} == {"agreement"}


@pytest.mark.parametrize(
    ("arabic", "linked"),
    [
        # The words about the sum cannot be matched across languages, so the engine cannot
        # tell the sums are one measure: a possible match, never one account of it.
        ("قالت مصادر إن هيئة الميناء أنفقت 20 مليون دولار مع نوردك لتصنيع ثلاث رافعات.", True),
        # Both price a deal (MONEY_NOUNS), at two sums, and nothing but their meaning pairs the
        # sentences: uncertain, no link.
        (
            "قالت مصادر إن هيئة الميناء أبرمت صفقة بقيمة 20 مليون دولار مع نوردك لتصنيع ثلاث"
            " رافعات.",
            False,
        ),
    ],
)
def test_two_sums_across_languages_are_never_a_confident_agreement(
    arabic: str, linked: bool
) -> None:
    # An Arabic article gives the sum as $20 million, an English one as $10 million.
    texts = (
        arabic,
        "The Port Authority signed a $10 million deal with the shipbuilder Nordek to build three"
        " new cranes.",
    )
    articles = [analyse_article(text, published=MONDAY).claims for text in texts]
    encoder = encoder_get()
    vectors = [encoder.encode([claim.text for claim in claims]) for claims in articles]
    links = compare_articles(articles, [MONDAY, MONDAY], vectors=vectors, languages=["ar", "en"])
    assert len(links) == linked
    for link in links:
        assert (link.relation.kind, link.relation.details.reason) == (
            "agreement",
            Reason.DISTINCT_QUANTITIES,
        )
        assert link.relation.score < 0.5


# --- 5. relative days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("قال الكرملين اليوم إن التقرير يبدو مزيفا", "قال الكرملين الاثنين إن التقرير يبدو مزيفا"),
        (
            "The Kremlin said today that the report about the deal was fake",
            "The Kremlin said on Monday that the report about the deal was fake",
        ),
    ],
)
def test_today_and_the_weekday_of_publication_are_one_day(a: str, b: str) -> None:
    for relation in both_ways(a, b):
        assert relation.kind == "agreement", relation
        assert ("date", "2024-10-07") in {(m.kind, m.value) for m in relation.details.matched}
    # Without a publication date the days stay unresolved: still no contradiction.
    for relation in both_ways(a, b, published=None):
        assert relation.kind == "agreement", relation


def test_a_weekday_never_contradicts_a_date() -> None:
    # Published a week apart, "Monday" reads as two different Mondays: which week a bare
    # weekday means is a guess, so it never makes a date mismatch.
    relation = between_articles(
        "وقال الكرملين الاثنين إن التقرير يبدو مزيفا",
        "وقال الكرملين الاثنين إن التقرير يبدو مزيفا",
        MONDAY,
        TUESDAY_NEXT_WEEK,
    )
    assert relation.kind == "agreement"
    written = between_articles(
        "عقدت القمة يوم 12 مارس 2024 بحضور القادة", "عقدت القمة يوم 20 مارس 2024 بحضور القادة"
    )
    assert (written.kind, written.reason) == ("contradiction", Reason.DATE_MISMATCH)


# --- 6. counts of different people, a city and its country ----------------------------------

DIFFERENT_COUNTS = [
    (
        "لقي 5300 شخص حتفهم في الفيضانات التي ضربت مدينة درنة",
        "ما زال 10 آلاف شخص في عداد المفقودين بعد الفيضانات التي ضربت مدينة درنة",
    ),
    (
        "At least 5,300 people were killed in the floods in Derna",
        "At least 10,000 people are missing after the floods in Derna",
    ),
    ("أصيب 30 شخصا في القصف على السوق", "قتل 12 شخصا في القصف على السوق"),
    (
        "The floods displaced 30,000 people in the region",
        "The floods killed 3,000 people in the region",
    ),
    (
        "The floods left 30,000 people without homes in the region",
        "The floods killed 3,000 people in the region",
    ),
    (
        "قال المسؤولون إن 25 ألف شخص فقدوا منازلهم في الفيضانات بالمنطقة",
        "قال المسؤولون إن 10 آلاف شخص لا يزالون مفقودين إثر السيول في المنطقة",
    ),
    # Who lost their lives are the dead, not the missing.
    (
        "قال المسؤولون إن 300 شخص فقدوا حياتهم في الفيضانات بالمنطقة",
        "قال المسؤولون إن 100 شخص لا يزالون مفقودين إثر السيول في المنطقة",
    ),
    # Homes damaged in another clause are not what the missing lost, and people left
    # without homes are displaced: no negation of the damaged homes.
    (
        "فقد 30 شخصا في السيول وتضررت منازل كثيرة في المنطقة",
        "قال المسؤولون إن 10 آلاف شخص باتوا من دون منازل إثر السيول في المنطقة",
    ),
    (
        "Thirty people are missing after the floods and many homes were damaged in the region",
        "Officials said 10,000 people were left without homes after the floods in the region",
    ),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_COUNTS)
def test_the_dead_the_missing_the_injured_are_different_counts(a: str, b: str) -> None:
    for relation in both_ways(a, b):
        assert relation.kind == "agreement", relation
        assert relation.reason is Reason.DISTINCT_QUANTITIES


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("قتل 12 شخصا وأصيب 30 في القصف", "قتل 12 شخصا وأصيب 45 في القصف"),
        (
            "Twelve people were killed and 30 injured in the attack",
            "Twelve people were killed and 45 injured in the attack",
        ),
    ],
)
def test_one_count_with_two_values_still_contradicts(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)
    (difference,) = relation.details.differing
    assert (difference.a.value, difference.b.value) == ("30", "45")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ضرب الزلزال مدينة مراكش مساء الجمعة", "ضرب الزلزال المغرب مساء الجمعة"),
        (
            "The earthquake struck Marrakech late on Friday",
            "The earthquake struck Morocco late on Friday",
        ),
        ("The floods hit Derna hardest", "The floods hit eastern Libya hardest"),
    ],
)
def test_a_city_and_its_country_are_no_place_mismatch(a: str, b: str) -> None:
    for relation in both_ways(a, b):
        assert relation.kind == "agreement", relation


def test_two_cities_are_still_a_place_mismatch() -> None:
    relation = between_articles(
        "Police arrested two suspects in Marrakech on Monday",
        "Police arrested two suspects in Agadir on Monday",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.PLACE_MISMATCH)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The storm killed 5,200 people in the city of Talbara",
            "The storm killed 11,300 people across Tunisia",
        ),
        ("أودت العاصفة بحياة 5200 شخص في مدينة طلبرة", "أودت العاصفة بحياة 11300 شخص في تونس"),
        (
            "The shelling killed 12 people in the town of Kafr Sarem",
            "The shelling killed 40 people in the town of Deir Hanna",
        ),
        ("قتل القصف 12 شخصا في بلدة كفر صارم", "قتل القصف 40 شخصا في بلدة دير حنا"),
        (
            "The quake killed 1,300 people in Wadi Sareen province",
            "The quake killed 2,900 people in Algeria",
        ),
        ("قتل القصف 12 شخصا في المدينة", "قتل القصف 40 شخصا في لبنان"),
        (
            "The blasts killed three people in southern Lebanon",
            "The blasts killed 37 people across Lebanon",
        ),
        ("قتل القصف 12 شخصا في شمال البلاد", "قتل القصف 40 شخصا في جنوب البلاد"),
    ],
)
def test_a_count_of_a_city_is_not_its_countrys_nor_another_citys(a: str, b: str) -> None:
    """A count told of a place below a country ("in the city of ...", "في بلدة ...", "...
    province") and one of another such place, or of a country, are two counts."""
    for first, second in ((a, b), (b, a)):
        for relation in both_ways(first, second):
            assert relation.kind not in FLAGGED, relation


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The storm killed 5,200 people in the eastern city of Talbara", "talbara"),
        ("أودت العاصفة بحياة 5200 شخص في مدينة طلبرة", "طلبره"),
        ("قتل القصف 12 شخصا في بلدة الصارم", "صارم"),
        ("The quake killed 1,300 people in Wadi Sareen province", "sareen"),
        ("The storm killed 5,200 people in the city", ""),
        ("قتل القصف 12 شخصا في المدينة", ""),
        ("قتل القصف 12 شخصا في محافظتي حلب وإدلب", ""),
        ("The storm killed 30 people in several villages", ""),
        # A part of a country, keyed by its point of the compass.
        ("Three people were killed in southern Algeria", "@180"),
        ("قتل ثلاثة أشخاص في جنوب الجزائر", "@180"),
        ("قتل ثلاثة أشخاص في الجنوب الجزائري", "@180"),
        ("Three people were killed in the north of the country", "@0"),
        ("قتل ثلاثة أشخاص في الجنوب", ""),
        ("Three people were killed in South Korea", None),
        # Only counts of people or things: a length, a magnitude.
        ("The wreck lies 13 km south of the city", None),
        ("ضربت هزة بقوة 6.3 درجة غرب تركيا صباح السبت", None),
        # A noun of place inside a name, or a place before the count: not the count's place.
        ("The gunmen killed 133 people at Marlow City Hall", None),
        ("The storm that hit the city of Talbara killed 11,300 people", None),
        ("The storm killed 11,300 people across Tunisia", None),
    ],
)
def test_the_place_below_a_country_a_count_is_told_of(text: str, place: str | None) -> None:
    claim = claim_from_text(text)
    (figure,) = [fact for fact in claim.facts if fact.kind in ("count", "number")]
    assert count_place(claim.normalized, figure) == place


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The storm killed 5,200 people in the city of Talbara",
            "The storm killed 6,800 people in the city of Talbara",
        ),
        (
            "أودت العاصفة بحياة 5200 شخص في مدينة طلبرة",
            "أودت العاصفة بحياة 6800 شخص في مدينة طلبرة",
        ),
        # The city named without its noun, beside its country: still the city's count.
        (
            "The storm killed 5,200 people in the city of Talbara",
            "The storm killed 6,800 people in Talbara, Tunisia",
        ),
        # A city named before the count as where the storm struck: the count is not the
        # city's alone.
        (
            "The storm that hit the city of Talbara killed 11,300 people",
            "The storm killed 15,000 people across Tunisia",
        ),
    ],
)
def test_two_counts_of_one_place_still_contradict(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH), relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The storm killed 5,200 people in the city of Talbara",
            "قتلت العاصفة 6800 شخص في طلبرة بتونس",
        ),
        ("قتلت العاصفة 5200 شخص في مدينة درنة", "The storm killed 6,800 people in Derna, Libya"),
    ],
)
def test_a_citys_name_in_the_other_script_keeps_its_count_one_measure(a: str, b: str) -> None:
    """The city the count is told of, named in the other language's claim beside its country
    ("طلبرة" tlbrh, "Talbara" tlbr; "درنة" without its final letter drn, "Derna" drn): the
    two figures are one measure that differs, not the city's and the country's."""
    relation = between_articles(a, b)
    assert [d.kind for d in relation.details.differing] == ["count"], relation
    assert not relation.details.distinct


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A hedged figure and a close one: rounding, not a conflict.
        ("احتفل نحو 60 ألف مشجع باللاعب في الملعب", "احتفل 68 ألف مشجع باللاعب في الملعب"),
        (
            "The hull rests some 13,000 feet down",
            "The hull rests 12,500 feet down",
        ),
        # A lower bound and a figure above it.
        (
            "The floods killed more than 5,000 people in the city",
            "The floods killed 5,300 people in the city",
        ),
        # The hedge's first word may carry a proclitic: "بنحو", "بأكثر من".
        (
            "وقدر المسؤولون عدد النازحين في المدينة بنحو 40 ألفا",
            "وقدر المسؤولون عدد النازحين في المدينة بـ45 ألفا",
        ),
        (
            "وقدر المسؤولون عدد النازحين في المدينة بأكثر من 40 ألفا",
            "وقدر المسؤولون عدد النازحين في المدينة بـ46 ألفا",
        ),
        # A figure inside a range the other gives, or a bound the range keeps.
        (
            "قال المسؤولون إن ما بين 18 و20 ألف شخص نزحوا بسبب الفيضانات",
            "قال المسؤولون إن 20 ألف شخص نزحوا بسبب الفيضانات",
        ),
        (
            "Officials said 18 to 20 thousand people were displaced by the floods",
            "Officials said 19,000 people were displaced by the floods",
        ),
        (
            "Officials said between 18,000 and 20,000 people were displaced by the floods",
            "Officials said more than 15,000 people were displaced by the floods",
        ),
        (
            "Officials said between 18,000 and 20,000 people were displaced by the floods",
            "Officials said about 20,000 people were displaced by the floods",
        ),
        # "أزيد من" (Maghrebi usage) is "more than": a floor the figure just above it keeps.
        (
            "قال المسؤولون إن أزيد من 15 ألف شخص نزحوا بسبب الفيضانات",
            "قال المسؤولون إن 15 ألفا و300 شخص نزحوا بسبب الفيضانات",
        ),
        # "Not less than" is a floor, not a ceiling.
        (
            "قال المسؤولون إن ما بين 18 و20 ألف شخص نزحوا بسبب الفيضانات",
            "قال المسؤولون إن ما لا يقل عن 18 ألف شخص نزحوا بسبب الفيضانات",
        ),
        # A forecast for the city and a count of other places.
        (
            "قال رئيس البلدية إن عدد القتلى قد يصل إلى ما بين 7 و9 آلاف",
            "وقالت الأمم المتحدة إن نحو 80 شخصا توفوا جراء العاصفة في مناطق أخرى من البلاد",
        ),
        # Lengths from two places are two quantities.
        (
            "The hull rests 210 miles off Iceland at a depth of 9,800 feet",
            "Ships comb the sea 600 miles south of the Faroes at a depth of about 10,000 feet",
        ),
    ],
)
def test_hedged_figures_and_lengths_from_two_places_do_not_conflict(a: str, b: str) -> None:
    assert between_articles(a, b).kind == "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two estimates of one figure too far apart, however hedged.
        (
            "شاهد أكثر من 22 مليون شخص المقطع المصور",
            "شاهد أكثر من 500 مليون شخص المقطع المصور",
        ),
        (
            "About 60 people were rescued from the ship",
            "About 90 people were rescued from the ship",
        ),
        # Two lengths from one place.
        (
            "The epicentre lay 70 kilometres south of Marrakech",
            "The epicentre lay 110 kilometres south of Marrakech",
        ),
        # A floor tells a figure just above it, within its own rounding: "more than 60" is
        # no account of 80, "more than 15 thousand" none of 18 thousand.
        (
            "Officials said more than 60 people were still missing after the blast",
            "Officials said 80 people were still missing after the blast",
        ),
        (
            "قال المسؤولون إن أزيد من 15 ألف شخص نزحوا بسبب الفيضانات",
            "قال المسؤولون إن 18 ألف شخص نزحوا بسبب الفيضانات",
        ),
        # Two floors are two outlets' figures.
        (
            "More than 400 ships were held up by the blockage of the canal",
            "More than 450 ships were held up by the blockage of the canal",
        ),
    ],
)
def test_hedged_figures_far_apart_still_conflict(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)


FLAGGED = ("contradiction", "disputed", "updated")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Whose dead each counts: the fans of two countries.
        (
            "قالت السفارة إن عدد المشجعين الجزائريين الذين توفوا في موجة الحر بلغ 16 مشجعا",
            "قالت السفارة إن عدد المشجعين العراقيين الذين توفوا في موجة الحر بلغ 23 مشجعا",
        ),
        (
            "قالت السلطات المغربية إن 38 مشجعا توفوا بسبب موجة الحر خلال البطولة",
            "قالت السلطات في لبنان إن 47 مشجعا توفوا بسبب موجة الحر خلال البطولة",
        ),
        (
            "The embassy said 16 Algerian fans died in the heatwave during the tournament.",
            "The embassy said 150 Malaysian fans died in the heatwave during the tournament.",
        ),
        # The buried are some of the dead, counted apart.
        (
            "قالت السلطات المغربية إن 38 مشجعا توفوا بسبب موجة الحر خلال البطولة",
            "وقال القنصل إنه جرى دفن 17 مشجعا مغربيا في المدينة بعد البطولة",
        ),
        (
            "The consul said 38 Moroccan fans died in the heatwave during the tournament.",
            "The consul said 17 Moroccan fans were buried in the city after the tournament.",
        ),
        # Which year's: a toll recalled from another year, by its year or by "last year".
        (
            "Last year, 230 fans died in the heatwave during the tournament.",
            "The health ministry said 1,150 fans died in the heatwave during the tournament.",
        ),
        (
            "وفي عام 2011 توفي 2400 مشجع خلال البطولة",
            "وقالت وزارة الصحة إن 1150 مشجعا توفوا خلال البطولة",
        ),
    ],
)
def test_counts_of_two_countries_or_two_years_are_no_conflict(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert relation.kind not in FLAGGED, relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "قالت وزارة الصحة إن 590 مشجعا توفوا بسبب موجة الحر خلال البطولة",
            "قالت وزارة الصحة إن 19 مشجعا توفوا بسبب موجة الحر خلال البطولة",
        ),
        (
            "The ministry said 1,800 fans were treated for heatstroke during the tournament.",
            "The ministry said 500 fans were treated for heatstroke during the tournament.",
        ),
    ],
)
def test_a_count_told_later_at_a_fraction_of_the_earlier_is_no_update(a: str, b: str) -> None:
    """Told days later at less than a third of the earlier count, it counts a part of those
    people, or others: no update, and no link."""
    relation = between_articles(a, b, published_a=MONDAY, published_b=TUESDAY_NEXT_WEEK)
    assert relation.kind == "unrelated", relation
    # Told the other way round, a count that grew is an update.
    relation = between_articles(b, a, published_a=MONDAY, published_b=TUESDAY_NEXT_WEEK)
    assert relation.kind == "updated", relation


def test_a_relative_year_that_owns_another_event_dates_nothing() -> None:
    """ "last year's tournament" names another year's event beside this one; "signed last
    year" dates the event itself."""
    relation = between_articles(
        "Officials put the toll at about 480, twice the figure of last year's tournament.",
        "Officials said more than 900 fans died during this year's tournament.",
    )
    assert relation.kind not in FLAGGED, relation
    relation = between_articles(
        "The deal was signed last year in Moscow by the two ministers.",
        "The deal was signed in 2021 in Moscow by the two ministers.",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.DATE_MISMATCH)


def test_the_days_of_two_statements_are_no_date_mismatch() -> None:
    """A date right after a verb of saying dates the statement: one source's counts of two
    days are an update, and a date inside what is said still dates the event."""
    sunday = dt.date(2024, 6, 16)
    relation = between_articles(
        "وأعلنت وزارة الخارجية، السبت 15 يونيو 2024، عن وفاة 6 مشجعين من رعاياها أثناء البطولة",
        "توفي 14 مشجعا خلال البطولة وفق ما أعلنت وزارة الخارجية اليوم الأحد 16 يونيو 2024",
        sunday,
        sunday,
    )
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED_DAYS)
    relation = between_articles(
        "The ministry said on Saturday 15 June that the stadium had reopened.",
        "The ministry said on Sunday 16 June that the stadium had reopened.",
    )
    assert relation.kind == "agreement", relation
    relation = between_articles(
        "The ministry said that the stadium reopened on Saturday 15 June.",
        "The ministry said that the stadium reopened on Sunday 16 June.",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.DATE_MISMATCH)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وقالت وزارة الخارجية السبت 15 يونيو 2024 إن عدد المشجعين المتوفين بلغ 20 مشجعا",
            "وأعلنت السفارة يوم الجمعة 21 يونيو 2024 ارتفاع عدد المشجعين المتوفين إلى 33 مشجعا",
        ),
        (
            "The foreign ministry said on Saturday 15 June that 20 fans had died.",
            "The embassy said on Friday 21 June that the toll had risen to 33 fans.",
        ),
    ],
)
def test_two_sources_of_a_figure_that_rose_between_two_days_are_an_update(a: str, b: str) -> None:
    """The later day's figure worded as a rise, and higher, each claim naming its own day:
    time explains the two sources' figures, not a dispute. Without the rise, or with the
    rise told of the earlier day, two sources stay a dispute."""
    saturday, friday = dt.date(2024, 6, 15), dt.date(2024, 6, 21)
    relation = between_articles(a, b, saturday, friday)
    assert relation.kind == "updated", relation
    flat = b.replace("ارتفاع عدد المشجعين المتوفين إلى", "أن عدد المشجعين المتوفين بلغ")
    flat = flat.replace("the toll had risen to 33 fans", "33 fans had died")
    assert between_articles(a, flat, saturday, friday).kind == "disputed"
    # A rise told of the earlier day, the later figure lower: no rise explains them.
    earlier = b.replace("21", "14")
    assert between_articles(a, earlier, None, None).kind == "disputed"


@pytest.mark.parametrize(
    ("a", "b", "exact"),
    [
        (
            "ذكرت وكالة الأنباء الرسمية أن ما لا يقل عن 40 شخصا قتلوا في الهجوم على المسرح",
            "قالت لجنة التحقيق إن 60 شخصا قتلوا في الهجوم على المسرح",
            "ذكرت وكالة الأنباء الرسمية أن 40 شخصا قتلوا في الهجوم على المسرح",
        ),
        (
            "The state news agency said at least 40 people were killed in the attack on the"
            " theatre.",
            "The investigators said 60 people were killed in the attack on the theatre.",
            "The state news agency said 40 people were killed in the attack on the theatre.",
        ),
        (
            "The state news agency said 40 people were killed in the attack on the theatre.",
            "The investigators said the latest toll of the attack on the theatre was 60 dead.",
            "",
        ),
    ],
)
def test_two_sources_of_a_toll_that_rose_between_two_articles_are_an_update(
    a: str, b: str, exact: str
) -> None:
    """A news agency's floor of 40 dead on the night of an attack, the investigators' 60 in
    an article of the next day (or their figure told as the latest): a toll grows as it is
    counted, whoever tells it. The update shows both dates. An exact earlier figure (an
    army's 12 dead against the rebels' 40), a later, lower figure, or two figures of one day
    or of unknown days, stay a dispute."""
    friday, saturday = dt.date(2024, 3, 22), dt.date(2024, 3, 23)
    relation = between_articles(a, b, friday, saturday)
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation
    assert (relation.details.published_a, relation.details.published_b) == (friday, saturday)
    assert between_articles(a, b, friday, friday).kind == "disputed"
    assert between_articles(a, b, friday, None).kind == "disputed"
    if exact:
        assert between_articles(a, b, saturday, friday).kind == "disputed"
        assert between_articles(exact, b, friday, saturday).kind == "disputed"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "ذكرت الوكالة أن 320 مشجعا من بين المتوفين في البطولة",
            "ذكرت الوكالة أن 1000 مشجع توفوا في البطولة",
        ),
        # One country's nationals against a toll that names no country.
        (
            "The Malaysian ministry recorded 61 deaths among its citizens at the tournament.",
            "The toll of the tournament's heatwave rose to 1,301 deaths, the authorities said.",
        ),
        (
            "ذكرت الوزارة أن 144 مشجعا إندونيسيا توفوا خلال البطولة",
            "ذكرت الوزارة أن عدد المتوفين خلال البطولة ارتفع إلى 1301 مشجع",
        ),
        (
            "AFP reported that at least 90 of the dead were Jordanian nationals.",
            "At least 600 deaths were reported at this year's tournament, from many countries.",
        ),
        # Those of the injured in a serious condition, of a total told beside them.
        (
            "ووصف الوزير حالة 60 جريحا من إجمالي المصابين في الهجوم على المسرح بالخطيرة",
            "وأصيب 182 شخصا في الهجوم على المسرح",
        ),
        (
            "The minister said 60 of the wounded in the attack on the theatre were in a serious"
            " condition.",
            "182 people were wounded in the attack on the theatre.",
        ),
    ],
)
def test_a_count_of_a_part_is_no_count_of_the_whole(a: str, b: str) -> None:
    """A partitive count ("320 of the dead", "من بين المتوفين") counts a part of a whole: set
    against a count that is none, two counts, never an update."""
    relation = between_articles(a, b, MONDAY, TUESDAY_NEXT_WEEK)
    assert relation.kind not in FLAGGED, relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Local radio said three boats sailed with the governor, and the other two got back"
            " to port unharmed.",
            "The other two boats later returned because of fog.",
        ),
        (
            "State media said eight boats sailed in the governor's convoy on Sunday.",
            "State media said the other five boats sailed back to port on Sunday.",
        ),
    ],
)
def test_a_count_of_the_rest_of_a_group_is_no_count_of_the_group(a: str, b: str) -> None:
    """ "The other two", "the two others" count the rest of a group: set against the group or
    anything not told as the rest, two counts, never a conflict ("5 قوارب أخرى" is an
    addition in Arabic, apart as well)."""
    assert between_articles(a, b).kind not in FLAGGED


def test_other_ships_besides_the_one_are_no_rest() -> None:
    # The ships besides the one the sentence is about: as many as the ships blocked.
    relation = between_articles(
        "Over 300 vessels were held up at the strait's entrance, the port authority said.",
        "The tanker kept over 550 other vessels from sailing through the strait.",
    )
    assert relation.kind in FLAGGED, relation


def test_two_counts_of_the_rest_still_conflict() -> None:
    relation = between_articles(
        "The two other boats returned to port on Sunday, the coastguard said.",
        "The three other boats returned to port on Sunday, the coastguard said.",
    )
    assert relation.kind in FLAGGED, relation


def test_counts_of_a_part_still_conflict_and_a_whole_still_updates() -> None:
    relation = between_articles(
        "At least 90 of the dead were Jordanians, AFP said.",
        "At least 110 of the dead were Jordanians, Reuters said.",
    )
    assert relation.kind == "disputed", relation
    # "من بينهم" opens the part after the whole: the whole is still the toll.
    relation = between_articles(
        "وقالت الوكالة إن عدد المشجعين المتوفين بلغ 1000 مشجع، من بينهم 320 مشجعا مصريا",
        "وبلغ عدد المشجعين المتوفين في البطولة 1300 مشجع",
        MONDAY,
        TUESDAY_NEXT_WEEK,
    )
    assert relation.kind == "updated", relation


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "توفي 6 مشجعين أردنيين في موجة الحر خلال البطولة",
            "توفي 14 أردنيا في موجة الحر خلال البطولة",
            "updated",
        ),
        (
            "Six Jordanian fans died in the heatwave during the tournament.",
            "Fourteen Jordanians died in the heatwave during the tournament.",
            "updated",
        ),
        # Another country's dead, or the same country's missing: two counts.
        (
            "توفي 6 مشجعين أردنيين في موجة الحر خلال البطولة",
            "توفي 14 مغربيا في موجة الحر خلال البطولة",
            "agreement",
        ),
        (
            "Six Jordanian fans died in the heatwave during the tournament.",
            "Fourteen Jordanians went missing in the heatwave during the tournament.",
            "agreement",
        ),
    ],
)
def test_one_country_s_dead_named_by_two_words_are_one_count(a: str, b: str, kind: str) -> None:
    """ "6 Jordanian fans" and "14 Jordanians", both dead: one country's toll told days apart,
    each naming its people by another word (the second a weak match at most otherwise)."""
    relation = between_articles(a, b, MONDAY, TUESDAY_NEXT_WEEK)
    assert relation.kind == kind, relation


def _counts(text: str) -> list[tuple[str, frozenset[str], bool]]:
    """(figure, countries, how much it changed) of each count of a claim."""
    claim = claim_from_text(text)
    normalized = normalize_text(text)
    return [
        (f.value, count_countries(normalized, f), is_change(normalized, f))
        for f in claim.facts
        if f.kind == "count"
    ]


def test_each_count_of_a_list_is_its_own_country_s() -> None:
    """In a list of countries' tolls each count names its own people right after it (a
    proclitic "و" on the figure included), not every country of the list."""
    assert _counts("ويشمل العدد 65 مصريا و18 إندونيسيا و6 هنديا") == [
        ("65", frozenset({"eg"}), False),
        ("18", frozenset({"id"}), False),
        ("6", frozenset({"in"}), False),
    ]
    assert _counts("ولقي 16 مشجعا ماليزيا و7 أردنيا حتفهم")[0][1] == frozenset({"my"})
    # A count whose people are named elsewhere in the clause takes the clause's countries.
    assert _counts("وبلغ عدد المشجعين الأردنيين المتوفين 14 مشجعا")[0][1] == frozenset({"jo"})


@pytest.mark.parametrize(
    "text",
    [
        "وأضاف أن 23 حالة وفاة إضافية سجلت بين الزوار",
        "He added that 23 more deaths were recorded among the visitors.",
        "Rescuers found 12 more bodies on Tuesday.",
    ],
)
def test_a_count_of_what_was_added_is_a_change(text: str) -> None:
    """ "58 additional deaths" counts what was added to the toll, not the toll: it is set
    against no toll (as "rose by 58" is not)."""
    ((_, _, change),) = _counts(text)
    assert change
    # "2,000 or more" is a floor, "more than" compares: nothing added.
    assert not _counts("Officials said 2,000 or more fans died.")[0][2]
    assert not _counts("The 2 quakes killed more than 300 fans.")[0][2]


def test_counts_of_one_country_and_one_year_still_conflict() -> None:
    relation = between_articles(
        "قالت السفارة إن عدد المشجعين الجزائريين الذين توفوا في موجة الحر بلغ 16 مشجعا",
        "قالت السفارة إن عدد المشجعين الجزائريين الذين توفوا في موجة الحر بلغ 61 مشجعا",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وقال رئيس الهيئة إن القناة تخسر إيرادات يومية تقدر بـ14 مليون دولار",
            "وقال رئيس الهيئة إن القناة تخسر ما يقدر بـ400 مليون دولار كل ساعة",
        ),
        (
            "The canal loses $14m a day in revenue, the authority said",
            "The canal loses $400m an hour in revenue, the authority said",
        ),
    ],
)
def test_rates_over_two_periods_are_two_quantities(a: str, b: str) -> None:
    assert between_articles(a, b).kind not in {"contradiction", "disputed"}
    # Over one period, the two amounts are one rate that differs.
    same_period = b.replace("كل ساعة", "يوميا").replace("an hour", "a day")
    relation = between_articles(a, same_period)
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)


def test_an_amount_restated_in_another_currency_is_one_amount() -> None:
    # The bracketed dollars restate the euros: no second sum to set against the salary.
    relation = between_articles(
        "The club will pay the striker 160 million euros (175 million dollars) over two seasons",
        "The club will pay the striker an annual salary of 100 million dollars",
    )
    assert relation.kind == "agreement"


# --- 7. amounts in two currencies ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The club paid 100 million euros for the striker",
            "The club paid 109 million dollars for the striker",
        ),
        ("دفع النادي 100 مليون يورو لضم المهاجم", "دفع النادي 109 ملايين دولار لضم المهاجم"),
    ],
)
def test_one_amount_in_two_currencies_agrees(a: str, b: str) -> None:
    for relation in both_ways(a, b):
        assert (relation.kind, relation.reason) == ("agreement", Reason.SAME_FACTS), relation


def test_amounts_that_differ_after_conversion_contradict() -> None:
    relation = between_articles(
        "The club paid 100 million euros for the striker",
        "The club paid 300 million dollars for the striker",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)
    (difference,) = relation.details.differing
    assert (difference.a.unit, difference.b.unit) == ("EUR", "USD")


def test_one_contract_priced_twice_contradicts() -> None:
    relation = between_articles(
        "His nephew's £341MILLION contract with Al Nour is not settled, his uncle said.",
        "Reports said Sami would sign a contract worth £314million with Al Nour.",
    )
    assert relation.kind == "disputed", relation
    (difference,) = relation.details.differing
    assert {difference.a.value, difference.b.value} == {"341000000", "314000000"}


def test_one_contract_priced_alike_in_two_languages_agrees() -> None:
    relation = between_articles(
        "Reports said Messi would sign a £522million contract with Al-Hilal.",
        "وقالت تقارير إن ميسي سيوقع مع الهلال عقدا بقيمة 522 مليون جنيه إسترليني",
    )
    assert (relation.kind, relation.reason) == ("agreement", Reason.SAME_FACTS), relation


def test_a_round_amount_is_the_precise_one_said_to_its_leading_digit() -> None:
    relation = between_articles(
        "The insurer said the port had lodged a claim for $614 million against the shipowner.",
        "The insurer said the port had told the shipowner to pay $600 million in damages.",
    )
    assert relation.kind == "agreement", relation
    # Two round amounts, or amounts further apart, differ.
    other = between_articles(
        "The insurer said the port had lodged a claim for $650 million against the shipowner.",
        "The insurer said the port had told the shipowner to pay $600 million in damages.",
    )
    assert other.kind == "contradiction", other


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Reports said the striker will be paid 150 million euros a year at Al Nour.",
            "Reports said the striker was offered a yearly wage of some $100m at Al Nour.",
        ),
        # A salary over two seasons, a year at a time: 80 million against 100.
        (
            "وأفادت تقارير بأن المهاجم سيتقاضى 100 مليون يورو راتبا سنويا في النور",
            "وذكرت تقارير أن المهاجم وافق على تقاضي 160 مليون يورو خلال موسمين في النور",
        ),
    ],
)
def test_one_salary_told_at_two_sums_contradicts(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert relation.kind in {"contradiction", "disputed"}, relation
    (difference,) = relation.details.differing
    assert difference.kind == "money"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # One salary in two currencies, and over two seasons a year at a time.
        (
            "وأفادت تقارير بأن المهاجم سيتقاضى 100 مليون يورو راتبا سنويا في النور",
            "وقالت مصادر في الرياض إن النادي سيدفع له راتبا سنويا قدره 109 ملايين دولار",
        ),
        (
            "Reports said the striker will be paid 80 million euros a year at Al Nour.",
            "Reports said the striker will earn 160 million euros over two seasons at Al Nour.",
        ),
    ],
)
def test_one_salary_told_two_ways_agrees(a: str, b: str) -> None:
    relation = between_articles(a, b)
    assert relation.kind == "agreement", relation


def test_a_weekly_wage_and_a_yearly_salary_are_two_quantities() -> None:
    relation = between_articles(
        "The striker earns £400,000 a week at Al Nour, the paper said.",
        "The striker earns £20m a year at Al Nour, the paper said.",
    )
    assert relation.kind not in {"contradiction", "disputed"}, relation
    assert not relation.details.differing


def test_one_thing_counted_under_two_names_is_one_count() -> None:
    relation = between_articles(
        "The Red Crescent said up to 30 field teams were combing the hills.",
        "The Red Crescent said 36 rescue crews were combing the hills.",
    )
    assert relation.kind == "contradiction", relation
    (difference,) = relation.details.differing
    assert {difference.a.value, difference.b.value} == {"30", "36"}


def test_one_count_in_two_languages_agrees() -> None:
    texts = (
        "وقالت الهيئة إن 185 سفينة كانت تنتظر عبور القناة يوم الأربعاء.",
        "The authority said 185 ships were waiting to cross the canal on Wednesday.",
    )
    articles = [analyse_article(text, published=MONDAY).claims for text in texts]
    encoder = encoder_get()
    vectors = [encoder.encode([claim.text for claim in claims]) for claims in articles]
    (link,) = compare_articles(articles, [MONDAY, MONDAY], vectors=vectors, languages=["ar", "en"])
    assert (link.relation.kind, link.relation.details.reason) == ("agreement", Reason.SAME_FACTS)
    assert "count" in {m.kind for m in link.relation.details.matched}


def test_only_stable_currencies_are_converted() -> None:
    euros = Fact("money", "100000000", "EUR")
    assert same_amount(euros, Fact("money", "109000000", "USD"))
    assert not same_amount(euros, Fact("money", "130000000", "USD"))
    assert same_amount(Fact("money", "375", "SAR"), Fact("money", "100", "USD"))
    # The rouble moved too far for a fixed rate: compared with roubles only.
    assert convertible("EUR", "USD") and not convertible("RUB", "USD")
    assert not same_amount(Fact("money", "9000", "RUB"), Fact("money", "100", "USD"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وارتفعت حصيلة القتلى جراء الفيضانات إلى 5300 شخص",
            "وبلغت حصيلة القتلى جراء الفيضانات 870 شخصا",
        ),
        (
            "The death toll in the city rose to 5,300 people",
            "The death toll in the city reached 870 people",
        ),
    ],
)
def test_a_figure_worded_as_a_rise_is_an_update_not_a_contradiction(a: str, b: str) -> None:
    assert relate_texts(a, b).kind == "updated"
    assert relate_texts(b, a).kind == "updated"
    # Without the rise, and published the same day, the two tolls contradict each other.
    plain = a.replace("وارتفعت", "وبلغت").replace(" إلى ", " ").replace("rose to", "is")
    assert relate_texts(plain, b).kind == "contradiction"


@pytest.mark.parametrize(
    ("a", "b", "then"),
    [
        (
            "وقالت الوزارة إن حصيلة القتلى جراء الفيضانات ارتفعت إلى 135 قتيلا",
            "وتزيد الحصيلة الجديدة بنحو 9 قتلى عن الحصيلة السابقة التي بلغت 182 قتيلا",
            "182",
        ),
        (
            "The ministry said the flood death toll had risen to 135 dead.",
            "The flood death toll rose by 9 to 191 dead, the agency said.",
            "191",
        ),
        (
            "The ministry said the flood death toll had risen to 135 dead.",
            "The flood death toll rose by about 9 dead overnight, the agency said.",
            "",
        ),
    ],
)
def test_how_much_a_figure_changed_is_not_the_figure(a: str, b: str, then: str) -> None:
    """ "rose by 9", "بنحو 9 قتلى عن": a difference, never a toll of 9 (nor the low end of a
    range "9 to 191")."""
    relation = relate_texts(a, b)
    changed = [(d.a.value, d.b.value) for d in relation.details.differing]
    assert changed == ([("135", then)] if then else []), relation


def test_two_changes_of_a_figure_still_conflict() -> None:
    relation = relate_texts(
        "Prices rose by 5 percent in June.", "Prices rose by 7 percent in June."
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وكانت حصيلة القتلى جراء الفيضانات قد بلغت في وقت سابق 870 شخصا",
            "وبلغت حصيلة القتلى جراء الفيضانات 5300 شخص",
        ),
        (
            "The death toll in the city had earlier reached 870 people",
            "The death toll in the city reached 5,300 people",
        ),
        (
            "وتزيد الحصيلة الجديدة عن آخر حصيلة سابقة كانت تشير إلى مقتل 870 شخصا",
            "وبلغت حصيلة القتلى جراء الفيضانات 5300 شخص",
        ),
    ],
)
def test_a_figure_told_as_said_before_is_an_update_not_a_contradiction(a: str, b: str) -> None:
    """ "في وقت سابق", "had earlier": the figure is an earlier one, the other the later."""
    assert (relate_texts(a, b).kind, relate_texts(a, b).reason) == (
        "updated",
        Reason.FIGURE_UPDATED,
    )
    assert relate_texts(b, a).kind == "updated"
    # Both told as said before, nothing says which came later: they contradict each other.
    earlier = b.replace("وبلغت", "وبلغت في وقت سابق").replace("reached", "had earlier reached")
    assert relate_texts(a, earlier).kind == "contradiction"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("وارتفع عدد القتلى جراء الانفجار إلى 140 قتيلا", "وبلغ عدد القتلى جراء الانفجار 95 قتيلا"),
        (
            "أعلن الوزير ارتفاع عدد القتلى جراء الحريق إلى 140 قتيلا",
            "أعلن الوزير أن عدد القتلى جراء الانفجار بلغ 95 قتيلا",
        ),
        ("The toll of the blast increased to 140 dead", "The toll of the blast was 95 dead"),
    ],
)
def test_a_noun_or_verb_of_rising_makes_an_update(a: str, b: str) -> None:
    assert between_articles(a, b).kind == "updated"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "أعلن وزير الصحة أن حصيلة الوفيات وصلت إلى 3187 شخصا",
            "أعلن وزير الصحة مقتل 3 آلاف شخص",
        ),
        (
            "The minister said 11,300 people were killed",
            "The minister said 11,000 people were killed",
        ),
        # A length in whole units and the one it rounds.
        (
            "أفاد المعهد بأن بؤرة الهزة تقع على عمق 14 كيلومترا تحت سطح الأرض",
            "أفاد المعهد بأن بؤرة الهزة تقع على عمق 14.4 كيلومتر تحت سطح الأرض",
        ),
        (
            "The agency said the epicentre was 10 km deep under the mountains",
            "The agency said the epicentre was 9.6 km deep under the mountains",
        ),
        # A depth is no distance many times its size, in one unit as in two.
        (
            "ضربت الهزة على عمق 12 كيلومترا، وعلى بعد 65 كم شمال شرق فيرانو",
            "ضربت الهزة على بعد حوالي 61 كيلومترا شمال شرق فيرانو",
        ),
        (
            "The tremor hit at a depth of 12 km, some 65 km north-east of Verano",
            "The tremor hit about 61 km north-east of Verano",
        ),
    ],
)
def test_a_round_figure_agrees_with_the_figure_it_rounds(a: str, b: str) -> None:
    assert between_articles(a, b).kind == "agreement"
    assert between_articles(b, a).kind == "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أعلن وزير الصحة أن حصيلة الوفيات بلغت 5500 شخص", "أعلن وزير الصحة مقتل 7 آلاف شخص"),
        (
            "The minister said 3,600 people were killed",
            "The minister said 3,000 people were killed",
        ),
        # Two round figures are both meant as given.
        ("The minister said 43,000 people fled", "The minister said 36,000 people fled"),
        # A length more than half a unit away, or both given to their decimals.
        (
            "The agency said the epicentre was 18 km deep under the mountains",
            "The agency said the epicentre was 18.6 km deep under the mountains",
        ),
        (
            "The agency said the epicentre was 18.2 km deep under the mountains",
            "The agency said the epicentre was 18.5 km deep under the mountains",
        ),
        # A range and a bound beyond it, or an exact figure outside it below its floor.
        (
            "قال العمدة إن حصيلة القتلى قد تصل إلى ما بين 7 و9 آلاف",
            "قال العمدة إن حصيلة القتلى في البلدة المنكوبة قد تزيد على 9 آلاف",
        ),
        (
            "Officials said between 18,000 and 20,000 people were displaced by the floods",
            "Officials said fewer than 18,000 people were displaced by the floods",
        ),
        (
            "Officials said between 18,000 and 20,000 people were displaced by the floods",
            "Officials said 15,000 people were displaced by the floods",
        ),
        (
            "وقال المتحدث إن في تلبارة آلاف المفقودين من 3000 إلى 4000 مفقود",
            "وقال المتحدث إن عدد المفقودين في تلبارة بلغ 8 آلاف",
        ),
        # An approximate figure that is not close to the end of the range it lies beyond.
        (
            "Officials said between 18,000 and 20,000 people were displaced by the floods",
            "Officials said about 30,000 people were displaced by the floods",
        ),
        (
            "قال المسؤولون إن ما بين 18 و20 ألف شخص نزحوا بسبب الفيضانات",
            "قال المسؤولون إن نحو 12 ألف شخص نزحوا بسبب الفيضانات",
        ),
        # People who lost their homes, or are left without them, are the displaced.
        (
            "Officials said 40,000 people were left homeless by the floods in the valley",
            "Officials said 25,000 people lost their homes in the floods in the valley",
        ),
        (
            "قال المسؤولون إن 40 ألف شخص باتوا مشردين بسبب الفيضانات في الوادي",
            "قال المسؤولون إن 25 ألف شخص صاروا من دون منازل إثر السيول في الوادي",
        ),
        # Who lost their lives and who met their death are both counts of the dead.
        (
            "قال المسؤولون إن 120 شخصا لقوا حتفهم في الفيضانات بالمنطقة",
            "فقد 85 شخصا على الأقل أرواحهم في الفيضانات بالمنطقة",
        ),
        # Not a length: a magnitude of 7 is not 7.2 rounded.
        (
            "The agency rated the tremor a magnitude 7 on its Richter readings",
            "The agency rated the tremor a magnitude 7.2 on its Richter readings",
        ),
    ],
)
def test_a_round_figure_far_from_the_other_still_contradicts(a: str, b: str) -> None:
    assert between_articles(a, b).kind == "contradiction"


def test_a_quote_given_to_its_speaker_in_one_copy_is_the_same_quote() -> None:
    for a, b in (
        ('وتابع: "نحو ثلث تلبارة تضرر أو تدمر.', 'وقال المحافظ إن "نحو ثلث تلبارة تضرر أو تدمر.'),
        (
            'He added: "half of the city was damaged."',
            'The governor said "half of the city was damaged."',
        ),
    ):
        assert between_articles(a, b).kind == "agreement"


def test_a_negation_in_another_sentence_is_no_denial() -> None:
    relation = between_articles(
        "The tanker was held because it had failed to pay a $70 million fine, she said",
        "Port officials held the tanker last week and told its owner to pay a $70m fine",
    )
    assert relation.kind == "agreement"
    # The same negation in the same sentence still denies it.
    assert (
        between_articles(
            "The owner agreed to pay $900 million in compensation",
            "The owner did not agree to pay $900 million in compensation",
        ).kind
        == "contradiction"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The decision will not be made before the striker ends the season with the club",
            "The decision will not be made before the striker finishes the season with the club",
        ),
        (
            "The court acquitted the former mayor of the corruption charges on Monday",
            "The court convicted the former mayor of the corruption charges on Monday",
        ),
    ],
)
def test_an_english_word_in_place_of_another_is_an_uncertain_pair(a: str, b: str) -> None:
    # No name swapped (Latin script capitalises names), and the learned model does not read
    # English between articles: a synonym or an opposite, a weak agreement at most.
    relation = between_articles(a, b)
    assert relation.kind == "agreement", relation
    assert relation.score < WEAK_LINK_SCORE


def test_an_english_name_in_place_of_another_still_contradicts() -> None:
    relation = between_articles(
        "The deal was signed by Ahmed Salem in Doha on Monday",
        "The deal was signed by Omar Haddad in Doha on Monday",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.ENTITY_SUBSTITUTION)


def test_english_verbs_of_refusing_negate() -> None:
    relation = between_articles(
        "The minister approved the budget in parliament on Monday",
        "The minister rejected the budget in parliament on Monday",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.NEGATION)


def test_between_articles_the_learned_model_judges_only_one_or_two_swapped_words() -> None:
    longer = (
        '"All our thoughts are with the divers on the barge and their loved ones," the '
        'operator said in a statement, "and we are grateful for all the help we received."'
    )
    shorter = '"All our thoughts are with the crew on the barge and their loved ones.'
    assert between_articles(longer, shorter).kind == "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Some 5,000 homes were flooded in the old town",
            "The club sold 5,000 tickets for the match",
        ),
        # A count of things and an amount of one value are no shared figure.
        (
            "تقول التقارير إن 10 ناقلات تحمل 13 مليون برميل قد تتأثر بالأزمة",
            "قال مدير الميناء إن الميناء يخسر من 13 إلى 14 مليون دولار كل يوم",
        ),
        (
            "Reports say ten tankers carrying 13 million barrels may be held up",
            "The authority's chief said the canal loses 13 million dollars a day",
        ),
    ],
)
def test_between_articles_a_shared_round_figure_alone_is_no_link(a: str, b: str) -> None:
    assert between_articles(a, b).kind == "unrelated"


def test_a_precise_figure_given_by_both_is_one_fact_however_worded() -> None:
    relation = between_articles(
        "At least 10,100 people are still missing in the coastal city a week after the storm",
        "The agency said 10,100 others had been reported lost",
    )
    assert relation.kind == "agreement"
    assert [v.value for v in relation.details.matched] == ["10100"]


def test_claims_that_share_only_a_name_do_not_compare_their_figures() -> None:
    relation = between_articles(
        "A Norwegian shipowner is one of four people aboard a craft that vanished near "
        "the Lusitania wreck",
        "He said he would take part in the dive to the Lusitania, the liner sunk in 1915 with "
        "nearly 1,200 lives lost",
    )
    assert relation.kind == "unrelated"


def test_two_counts_of_thousands_a_hair_apart_are_one_figure() -> None:
    a = "The president said 1,830 tonnes of fertiliser had been kept in the depot"
    b = "The authorities said 1,800 tonnes of fertiliser had been kept in the depot"
    assert between_articles(a, b).kind == "agreement"
    # Further apart, they still conflict.
    assert between_articles(a, b.replace("1,800", "1,600")).kind != "agreement"


def test_another_speaker_before_the_verb_of_saying_is_no_rewrite() -> None:
    a = "The president said the port would reopen to ships within two weeks"
    b = "The authorities said the port would reopen to ships within two weeks"
    relation = between_articles(a, b)
    assert relation.kind == "agreement"
    assert relation.reason != Reason.LEARNED


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The agency said the epicentre of the quake was 8 kilometres deep",
            "The agency said the epicentre of the quake was 5 miles deep",
        ),
        (
            "أفاد المعهد بأن بؤرة الهزة تقع على عمق 18 كيلومترا",
            "أفاد المعهد بأن بؤرة الهزة تقع على عمق 11 ميلا",
        ),
    ],
)
def test_lengths_in_two_units_are_compared_in_metres(a: str, b: str) -> None:
    assert between_articles(a, b).kind == "agreement"
    assert between_articles(
        a, b.replace("5 miles", "10 miles").replace("11 ميلا", "20 ميلا")
    ).kind in (
        "contradiction",
        "disputed",
    )


def test_one_length_in_one_unit_is_compared_as_given() -> None:
    relation = between_articles(
        "The 21-foot submersible went missing on Sunday",
        "The 22-foot submersible went missing on Sunday",
    )
    assert (relation.kind, relation.reason) == ("contradiction", Reason.VALUE_MISMATCH)


def test_a_vessel_s_length_is_not_a_distance_in_another_unit() -> None:
    relation = between_articles(
        "The 19-foot bathyscaphe from the support ship Nordlys vanished some 600 miles off"
        " the Faroes, the commodore told reporters on Tuesday.",
        "The craft was declared overdue on Monday evening once it lost touch with Nordlys,"
        " the vessel tending the bathyscaphe about 600 miles off the islands.",
    )
    assert relation.kind == "agreement"


# --- disputes one article reports between the sources it quotes -------------------------------

INNER_DISPUTES = [
    (
        "ضربت هزة قوية جنوب البلاد فجر السبت.\n"
        "وقال المعهد الأوروبي للرصد إن بؤرة الهزة كانت على عمق 14 كيلومترا.\n"
        "في حين حددت الهيئة الوطنية للرصد مركزها على عمق 6 كيلومترات.",
        "14",
        "6",
    ),
    (
        "A strong tremor shook the south of the country before dawn on Saturday.\n"
        "The European monitoring institute said the tremor's focus lay 14 kilometres deep.\n"
        "The national monitoring agency said the tremor's focus lay 6 kilometres deep.",
        "14",
        "6",
    ),
    # "The number" counts what the sentence before counted (reading 41).
    (
        "وقدر الحاكم عدد المفقودين في البلدة بنحو ثلاثة آلاف.\n"
        "وقالت منظمة الإغاثة الدولية إن العدد لا يقل عن ألف.",
        "ثلاثة آلاف",
        "ألف",
    ),
    (
        "The governor said the number of missing in the town was about 3,000.\n"
        "The relief agency said the number was at least 1,000.",
        "3,000",
        "1,000",
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), INNER_DISPUTES)
def test_an_article_quoting_two_sources_that_disagree_reports_a_dispute(
    text: str, first: str, second: str
) -> None:
    claims_ = analyse_article(text, published=MONDAY).claims
    (link,) = inner_disputes(claims_, MONDAY, article=0)
    assert link.relation.kind == "disputed"
    assert link.relation.reason is Reason.VALUE_MISMATCH
    assert (link.match.article_a, link.match.article_b) == (0, 0)
    assert first in claims_[link.match.claim_a].text
    assert second in claims_[link.match.claim_b].text
    # compare_articles draws it for the article alone, and for a new article only its own.
    other = analyse_article("A different article about the weather.", published=MONDAY).claims
    found = compare_articles([other, claims_], [MONDAY, MONDAY], only=1)
    assert [(d.match.article_a, d.match.article_b) for d in found] == [(1, 1)]


INNER_NO_DISPUTE = [
    # One source giving two figures, or a figure and its history, or an unnamed voice.
    "The European monitoring institute said the tremor's focus lay 14 kilometres deep.\n"
    "The European monitoring institute said the depth was 6 kilometres at first.",
    "وقال وزير الصحة إن حصيلة القتلى ارتفعت إلى 135 قتيلا.\n"
    "وذكر الصليب الأحمر صباح اليوم أن الانفجار أودى بحياة 100 قتيل.",
    "The quake struck at a depth of 18 kilometres.\n"
    "The national seismic agency said the quake struck at a depth of 8 kilometres.",
    # One source named with a title and a name, then by the name (reading 44: the title's
    # first four words were the source, another than the name).
    "وقال الأمين العام لحزب الخضر سامر الخوري، في كلمة متلفزة، إن الفيضان كان سيقتل 4000 "
    "إنسان في ساعة واحدة.\nوقال سامر الخوري إن الفيضان كان سيقتل 5000 إنسان في ساعتين.",
    "وقال رئيس بلدية طلبرة سامر الخوري إن الفيضان قتل 40 شخصا.\n"
    "وقال سامر الخوري لاحقا إن الفيضان قتل 45 شخصا.",
    # Two sources that agree.
    "The European monitoring institute said the tremor measured magnitude 5.9.\n"
    "The national monitoring agency said the tremor measured magnitude 5.9.",
]


@pytest.mark.parametrize("text", INNER_NO_DISPUTE)
def test_no_dispute_inside_an_article_without_two_sources_that_disagree(text: str) -> None:
    claims_ = analyse_article(text, published=MONDAY).claims
    assert inner_disputes(claims_, MONDAY, article=0) == []


FORECASTS_AND_OTHER_PLACES = [
    # "قد" before a feminine imperfect verb forecasts too ...
    (
        "وقال رئيس البلدية إن حصيلة القتلى في المدينة قد تصل إلى 20 ألف قتيل",
        "وقالت وزارة الصحة إن حصيلة القتلى في المدينة بلغت 11300 قتيل",
    ),
    # ... and a forecast is no rewrite of the count one speaker gave in the same words.
    (
        "وقال رئيس البلدية إن حصيلة القتلى في المدينة قد ترتفع إلى 20 ألف قتيل",
        "وقال رئيس البلدية إن حصيلة القتلى في المدينة بلغت 11300 قتيل",
    ),
    (
        "وقال رئيس البلدية إن عدد القتلى في المدينة قد يرتفع إلى 20 ألف قتيل",
        "وقال رئيس البلدية إن عدد القتلى في المدينة بلغ 11300 قتيل",
    ),
    (
        "The mayor said the death toll in the city could reach 20,000.",
        "The health ministry said the death toll in the city stood at 11,300.",
    ),
    (
        "وقال رئيس البلدية إن عدد القتلى في المدينة قد يصل إلى 20 ألفا.",
        "وقالت وزارة الصحة إن عدد القتلى في المدينة بلغ 11300 قتيل.",
    ),
    (
        "وأشار التقرير إلى أن نحو 80 شخصا توفوا في مناطق أخرى من البلاد.",
        "وذكر مكتب الأمم المتحدة أن 11300 شخص لقوا حتفهم.",
    ),
    (
        "About 170 people died in the floods elsewhere in the country, the report said.",
        "The United Nations said 11,300 people died in the floods.",
    ),
]


@pytest.mark.parametrize(("a", "b"), FORECASTS_AND_OTHER_PLACES)
def test_a_forecast_or_a_count_of_other_places_is_no_conflict(a: str, b: str) -> None:
    for relation in (between_articles(a, b), between_articles(b, a)):
        assert relation.kind not in ("contradiction", "disputed", "updated"), relation


def test_a_past_verb_after_qad_is_no_forecast() -> None:
    # "قد تجاوزت": it has exceeded, a count.
    relation = between_articles(
        "وقال رئيس البلدية إن حصيلة القتلى في المدينة قد تجاوزت 20 ألف قتيل",
        "وقال رئيس البلدية إن حصيلة القتلى في المدينة بلغت 11300 قتيل",
    )
    assert relation.kind == "contradiction", relation


def test_two_forecasts_that_differ_still_conflict() -> None:
    relation = between_articles(
        "The mayor said the death toll in the city could reach 20,000.",
        "The mayor said the death toll in the city could reach 5,000.",
    )
    assert relation.kind == "contradiction"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "بينما أشار معهد الرصد إلى أن الهزة وقعت على عمق 14 كيلومترا",
            "معهد الرصد",
        ),
        ("في حين حددت هيئة الرصد الوطنية مركزه على عمق 6 كيلومترات", "هيئه الرصد الوطنيه"),
    ],
)
def test_verbs_that_point_to_or_place_a_figure_name_its_source(text: str, source: str) -> None:
    assert attribution_of(normalize_text(text)) == source


def _relation(a: str, b: str, meaning: float = 0.0) -> Relation:
    """How two bare sentences relate as claims, found by meaning at that cosine if given."""
    return relate_claims(
        claim_from_text(a),
        claim_from_text(b, position=1),
        learned_min_similarity=0.3,
        meaning=meaning,
    )


def _related(a: str, b: str) -> str:
    return _relation(a, b).kind


def _between_articles_by_meaning(a: str, b: str) -> Relation:
    """How two sentences of two articles relate when the aligner paired them by meaning, at a
    cosine of 0.6."""
    return relate_claims(
        claim_from_text(a),
        claim_from_text(b, position=1),
        learned_min_similarity=ARTICLE_LEARNED_MIN_SIMILARITY,
        meaning=0.6,
        cosine=0.6,
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # One quake, two magnitudes from two agencies: their dispute, however worded.
        (
            "The national monitoring institute said the tremor had a magnitude of 6.4.",
            "Buildings collapsed in the old town after the magnitude 6.1 tremor, the US "
            "Geological Survey said.",
            "disputed",
        ),
        (
            "وقال المعهد الوطني للجيوفيزياء إن قوة الزلزال بلغت 6 درجات.",
            "وذكرت هيئة المسح الجيولوجي الأمريكية أن زلزالا بقوة 5.8 درجة هز الإقليم.",
            "disputed",
        ),
        # Unattributed, the two magnitudes still contradict each other.
        (
            "The tremor, measuring a magnitude 6.4, toppled several houses in the valley.",
            "Rescuers reached the mountain villages a day after the magnitude 6.1 quake.",
            "contradiction",
        ),
    ],
)
def test_two_magnitudes_of_one_quake_conflict(a: str, b: str, kind: str) -> None:
    assert _related(a, b) == kind


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A quake of another year is another quake.
        (
            "The tremor, measuring a magnitude 6.4, toppled several houses in the valley.",
            "In 1954 a magnitude 5.2 quake destroyed the same valley.",
        ),
        # The quake and its aftershock are two shocks.
        (
            "The tremor, measuring a magnitude 6.4, toppled several houses in the valley.",
            "An aftershock of magnitude 4.3 followed twenty minutes later.",
        ),
        (
            "وقال المعهد الوطني إن قوة الزلزال بلغت 6 درجات.",
            "وأعقبته هزة ارتدادية بقوة 4 درجات على مقياس ريختر بعد نصف ساعة.",
        ),
    ],
)
def test_magnitudes_of_two_shocks_do_not_conflict(a: str, b: str) -> None:
    assert _related(a, b) not in {"contradiction", "disputed"}


@pytest.mark.parametrize(
    ("quake", "aftershock"),
    [
        (
            "The Talbara seismic centre put the quake's magnitude at 5.9 on the Richter scale and"
            " said it was shallow.",
            "and an aftershock of 4.1 on the Richter scale shook the coast ten minutes on,"
            " according to the Talbara seismic centre.",
        ),
        (
            "وقدر مركز الرصد الزلزالي في تلبارة قوة الزلزال بـ 5.9 درجات وقال إنه كان سطحيا.",
            "وأعقبته هزة ارتدادية بقوة 4.1 درجات بعد عشر دقائق، بحسب مركز الرصد الزلزالي في"
            " تلبارة.",
        ),
    ],
)
def test_the_quake_and_an_aftershock_are_no_link(quake: str, aftershock: str) -> None:
    """Two shocks' magnitudes, and nothing else in common but who measured them: two events,
    not even a possible match, however close their vectors are."""
    for a, b in ((quake, aftershock), (aftershock, quake)):
        relation = _between_articles_by_meaning(a, b)
        assert relation.kind == "unrelated", relation
    # A claim that gives both shocks still agrees with one that gives the quake's.
    both = quake.rstrip(".") + ", " + aftershock
    assert between_articles(both, quake).kind == "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The quake registered a magnitude of 6.4 when it hit the valley at 11.05 pm.",
            "Though quakes are rare in the region, a magnitude 5.2 tremor destroyed the "
            "valley's old town in 1954.",
        ),
        (
            "وبلغت قوة الزلزال 6.4 درجة على مقياس ريختر وضرب الوادي قبل منتصف الليل.",
            "ورغم ندرة الزلازل في المنطقة، دمر زلزال بقوة 5.2 درجة على مقياس ريختر البلدة "
            "القديمة في الوادي عام 1954.",
        ),
    ],
)
def test_a_quake_of_another_year_is_no_link_even_close_in_meaning(a: str, b: str) -> None:
    # Paired by meaning (the vectors of two sentences on quakes in one valley meet), the
    # two magnitudes are two quakes' (one names another year): no link, not even a weak
    # agreement an editor would read as one account.
    relation = relate_claims(
        claim_from_text(a),
        claim_from_text(b, position=1),
        learned_min_similarity=0.8,
        meaning=0.55,
        cosine=0.55,
    )
    assert relation.kind == "unrelated"


def test_a_quake_of_another_year_keeps_a_figure_both_give() -> None:
    # Both recall the 1954 quake's toll beside this one's magnitude: what they give alike
    # keeps the pair (the rule is for claims of two events only).
    relation = relate_claims(
        claim_from_text("The magnitude 6.4 quake was the deadliest since 1954, when 1,200 died."),
        claim_from_text(
            "A magnitude 5.2 quake killed 1,200 people in the valley in 1954.", position=1
        ),
        learned_min_similarity=0.8,
        meaning=0.55,
        cosine=0.55,
    )
    assert relation.kind != "unrelated"


@pytest.mark.parametrize(
    ("english", "kind"),
    [
        # The aligner pairs them by a percentage they share and vectors at 0.45: a report of
        # one fact in two languages, as a weak agreement (it joins no agreement group).
        ("Tugs pushing and pulling put 80% of the tanker's course right.", "agreement"),
        # The same closeness without a figure in common says nothing.
        ("Tugs went on pushing and pulling through the night.", "unrelated"),
    ],
)
def test_two_languages_close_in_meaning_need_a_figure_below_half(english: str, kind: str) -> None:
    arabic = claim_from_text("وأدت عمليات القطر والدفع إلى تعديل مسار السفينة بنسبة 80%")
    relation = relate_claims(
        arabic, claim_from_text(english, position=1), learned_min_similarity=0.3, meaning=0.45
    )
    assert relation.kind == kind
    assert relation.score < 0.5 or kind == "unrelated"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # One deadline, two times in one zone.
        (
            "Officials estimated the generator's fuel could run out at 5:20 a.m. ET on Friday.",
            "The generator's fuel is due to run out at about 8 a.m. ET on Friday.",
            "contradiction",
        ),
        # Two zones may be one instant.
        (
            "The tremor hit the hills at 10:42 pm local time on Friday.",
            "The tremor hit the hills at 21:42 GMT on Friday.",
            "agreement",
        ),
        # "About" seven and 7:40 may be one time.
        (
            "The crew's oxygen could run out at about 7 a.m. on Thursday.",
            "The crew's oxygen could run out at 7:40 a.m. on Thursday.",
            "agreement",
        ),
        (
            "وقع الزلزال في الساعة 11:11 مساء يوم الجمعة",
            "وقع الزلزال في الساعة 10:30 مساء يوم الجمعة",
            "contradiction",
        ),
    ],
)
def test_times_of_day_of_one_event(a: str, b: str, kind: str) -> None:
    assert _related(a, b) == kind


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # One distance from one place, two directions: two places for one epicentre.
        (
            "The survey said the epicentre lay 72 kilometres south-west of Verano.",
            "The epicentre was about 72 km east of Verano, the survey said.",
            "contradiction",
        ),
        (
            "وقال المعهد إن مركز الزلزال يقع على بعد 72 كيلومترا جنوب غرب فيرانو",
            "وقال المعهد إن مركز الزلزال يقع على بعد 72 كيلومترا شمال شرق فيرانو",
            "contradiction",
        ),
        # South and south-west: one direction loosely given.
        (
            "The survey said the epicentre lay 72 kilometres south-west of Verano.",
            "The epicentre was about 70 km south of Verano, the survey said.",
            "agreement",
        ),
        # Two figures, "about 70" and 72: two readings, or two points.
        (
            "The survey said the epicentre was 72 kilometres north-east of Verano.",
            "The epicentre was about 70 km south of Verano, the survey said.",
            "agreement",
        ),
        # 44 miles is 70.8 km, but a conversion is no figure of the same statement.
        (
            "The epicentre was about 72km (44 miles) north-east of Verano, the survey said.",
            "The survey said the epicentre was about 70 km south of Verano.",
            "agreement",
        ),
        # Two distances: two points (a village and the epicentre) may lie either way.
        (
            "The survey said the epicentre lay 72 kilometres south-west of Verano.",
            "The epicentre was felt in a village 30 km east of Verano, the survey said.",
            "agreement",
        ),
    ],
)
def test_directions_from_one_place_at_one_distance(a: str, b: str, kind: str) -> None:
    assert _related(a, b) == kind


def test_one_place_in_two_spellings_is_one_place() -> None:
    """ "Marrakech" and "مراكش" (name keys mrkh, mrksh) are one place: one distance from it in
    two directions conflicts, and in one direction agrees."""
    english = "The epicentre was 72 kilometres south-west of Marrakech."
    arabic = "يقع مركز الزلزال على بعد 72 كيلومترا شرقي مراكش"
    relation = _relation(english, arabic)
    assert (relation.kind, relation.reason) == ("contradiction", Reason.PLACE_MISMATCH)
    south = _relation(
        "The epicentre was about 70 kilometres south of Verano.",
        "تقع بؤرة الهزة على مسافة 70 كيلومترا تقريبا جنوب فيرانو",
    )
    assert south.kind == "agreement"
    assert {m.kind for m in south.details.matched} >= {"length", "bearing"}


@pytest.mark.parametrize(
    "placed",
    [
        "ضربت الهزة على عمق 10 كيلومترات، وعلى مسافة 77 كم جنوب غرب فيرانو و60 كم غرب ساندوري",
        "Residents said the epicentre was 77 km south-west of Verano and 60 km west of Sandori.",
    ],
)
def test_lengths_taken_to_two_points_are_two_distances(placed: str) -> None:
    """60 km from one town and 72 km from another are two distances, not one with two
    values; and 77 km south-west and about 72 km north-east of one town are two points
    (two figures: two readings, or two points), not one distance that agrees."""
    other = "The epicentre was about 72km (44 miles) north-east of Verano, residents said."
    relation = _relation(placed, other, meaning=0.7)
    assert relation.kind == "agreement", relation
    assert not [m for m in relation.details.matched if m.kind == "length"]
    assert not relation.details.differing


def test_a_time_written_in_words_meets_its_digits_across_languages() -> None:
    arabic = "وأضاف أن المناورات تستأنف مع ارتفاع المد عند الحادية عشرة والنصف صباحا"
    english = "The tide was due to peak at 11:30 a.m., when the manoeuvres resume."
    relation = _relation(arabic, english, meaning=0.52)
    assert relation.kind == "agreement"
    assert FactValue("time", "11:30", "", "الحادية عشرة والنصف صباحا") in relation.details.matched
    # In words or in digits, two times of one event conflict.
    later = "وأضاف أن المناورات تستأنف مع ارتفاع المد عند 3:30 مساء"
    conflict = relate_claims(
        claim_from_text(arabic), claim_from_text(later, position=1), learned_min_similarity=0.3
    )
    assert (conflict.kind, conflict.reason) == ("contradiction", Reason.TIME_MISMATCH)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # A time outside the part of the day of one weekday, in one zone.
        (
            "The crew's oxygen could run out at 7 a.m. ET on Thursday, officials said",
            "The crew's oxygen could last until Thursday afternoon ET, officials said",
            "contradiction",
        ),
        (
            "وقال المسؤولون إن الانفجار وقع في الساعة 9 صباحا يوم الأحد قرب المرفأ",
            "وقال المسؤولون إن الانفجار وقع مساء يوم الأحد قرب المرفأ",
            "contradiction",
        ),
        # The weekday named beside the time is its day, whatever other day the claim names.
        (
            "After the sub vanished on Sunday, its oxygen could run out at 7 a.m. ET on Thursday",
            "The crew's oxygen could last until Thursday afternoon ET, officials said",
            "contradiction",
        ),
        # Inside it, or about an hour off it: no conflict.
        (
            "The crew's oxygen could run out at 2 p.m. ET on Thursday, officials said",
            "The crew's oxygen could last until Thursday afternoon ET, officials said",
            "agreement",
        ),
        (
            "The crew's oxygen could run out at about 11 a.m. ET on Thursday, officials said",
            "The crew's oxygen could last until Thursday afternoon ET, officials said",
            "agreement",
        ),
        # Another weekday, or another zone: not one moment to compare.
        (
            "The crew's oxygen could run out at 7 a.m. ET on Friday, officials said",
            "The crew's oxygen could last until Thursday afternoon ET, officials said",
            "agreement",
        ),
        (
            "The crew's oxygen could run out at 7 a.m. GMT on Thursday, officials said",
            "The crew's oxygen could last until Thursday afternoon ET, officials said",
            "agreement",
        ),
    ],
)
def test_a_part_of_the_day_against_a_time_of_the_same_weekday(a: str, b: str, kind: str) -> None:
    relation = relate_claims(
        claim_from_text(a, published=TUESDAY_NEXT_WEEK),
        claim_from_text(b, position=1),
        published_a=TUESDAY_NEXT_WEEK,
        learned_min_similarity=0.3,
    )
    assert relation.kind == kind
    if kind == "contradiction":
        assert relation.reason == Reason.TIME_MISMATCH


def test_times_of_two_events_do_not_conflict() -> None:
    a = "The vessel was due to resurface at 6:10 p.m. on Sunday."
    b = "The Coast Guard gave a news conference at 1 p.m. on Tuesday."
    assert _related(a, b) not in {"contradiction", "disputed"}


def test_times_named_beside_two_weekdays_do_not_conflict() -> None:
    # One event's words, two days: two briefings, not one time told two ways.
    a = "The Coast Guard gave a news conference on the search at 1 p.m. on Tuesday."
    b = "The Coast Guard gave a news conference on the search at 11 a.m. on Wednesday."
    assert _related(a, b) not in {"contradiction", "disputed"}
    # The same weekday, two times: one of them is wrong.
    same_day = b.replace("Wednesday", "Tuesday")
    assert _related(a, same_day) == "contradiction"


def test_two_heights_of_one_dam_contradict_and_are_no_update() -> None:
    # "ارتفاع" is a height here, not a rise: two heights are no figure revised over time.
    a = "يبلغ ارتفاع سد الوادي 75 مترا وتبلغ سعته 18 مليون متر مكعب"
    b = "ويستطيع سد الوادي تخزين 18 مليون متر مكعب وارتفاعه حوالى 40م"
    relation = relate_claims(
        claim_from_text(a),
        claim_from_text(b, position=1),
        published_a=dt.date(2023, 9, 12),
        published_b=dt.date(2023, 9, 14),
        learned_min_similarity=0.3,
    )
    assert relation.kind == "contradiction"


def test_a_range_and_a_bound_beyond_it_are_two_values_for_the_story() -> None:
    """The story lists a conflict by the values of its sides: the range and the bound must
    not both read 20000, or the story would list no conflict and the claims no verdict."""
    relation = between_articles(
        "قال العمدة إن حصيلة القتلى قد تصل إلى ما بين 7 و9 آلاف",
        "قال العمدة إن حصيلة القتلى في البلدة المنكوبة قد تزيد على 9 آلاف",
    )
    (difference,) = relation.details.differing
    assert (difference.a.value, difference.b.value) == ("7000-9000", ">9000")
    assert (difference.a.text, difference.b.text) == ("7–9 آلاف", "> 9 آلاف")
    # Neither end of the range is a fact the two share, in either order.
    ranged = "قال العمدة إن حصيلة القتلى قد تصل إلى ما بين 7 و9 آلاف"
    bounded = "قال العمدة إن حصيلة القتلى قد تزيد على 9 آلاف"
    assert between_articles(ranged, bounded).details.matched == ()
    assert between_articles(bounded, ranged).details.matched == ()


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # One figure bounded from two sides, one of them strictly: no value is both.
        (
            "The governor said more than 40,000 people were made homeless by the storm.",
            "The governor said up to 40,000 people were made homeless by the storm.",
            "contradiction",
        ),
        (
            "وقال المحافظ إن أكثر من 40 ألف شخص باتوا مشردين بسبب العاصفة",
            "وقال المحافظ إن أقل من 40 ألف شخص باتوا مشردين بسبب العاصفة",
            "contradiction",
        ),
        # A verb of exceeding a few words before the figure is a strict floor too.
        (
            "وقال المحافظ إن عدد المشردين تخطى 40 ألف شخص بسبب العاصفة",
            "وقال المحافظ إن أقل من 40 ألف شخص باتوا مشردين بسبب العاصفة",
            "contradiction",
        ),
        (
            "The governor said the number of people left homeless by the storm exceeded 40,000.",
            "The governor said fewer than 40,000 people were left homeless by the storm.",
            "contradiction",
        ),
        # Two forecasts bounded from two sides: "up to" bounds a forecast too.
        (
            "The authority's chief said the port might seek more than $1 billion in damages.",
            "The authority's chief said the port might seek up to $1 billion in damages.",
            "contradiction",
        ),
        # Arabic ceilings: "لا تزيد على", "ما يصل إلى" (the feminine verb as the masculine).
        (
            "وقال رئيس الهيئة إن مصر تطالب بتعويضات تزيد على مليار دولار",
            "وقال رئيس الهيئة إن مصر تطالب بتعويضات لا تزيد على مليار دولار",
            "contradiction",
        ),
        (
            "وقال المحافظ إن أكثر من 40 ألف شخص باتوا مشردين بسبب العاصفة",
            "وقال المحافظ إن ما يصل إلى 40 ألف شخص باتوا مشردين بسبب العاصفة",
            "contradiction",
        ),
        # Bounds that meet keep the figure they share.
        (
            "The governor said at least 40,000 people were made homeless by the storm.",
            "The governor said up to 40,000 people were made homeless by the storm.",
            "agreement",
        ),
        # A bound and the figure itself, exact or hedged, agree.
        (
            "The governor said more than 40,000 people were made homeless by the storm.",
            "The governor said about 40,000 people were made homeless by the storm.",
            "agreement",
        ),
    ],
)
def test_one_figure_bounded_from_two_sides_conflicts_unless_the_bounds_meet(
    a: str, b: str, kind: str
) -> None:
    relation = between_articles(a, b)
    assert relation.kind == kind
    if kind == "contradiction":
        (difference,) = relation.details.differing
        assert difference.a.value.startswith(">") and difference.b.value.startswith("<")


@pytest.mark.parametrize(
    ("arabic", "english", "kind"),
    [
        # Paired by meaning across two languages, one amount that one bounds from below and
        # the other from above, and nothing else differing: a conflict.
        (
            "وتوقع رئيس الهيئة في تصريحات صحفية أن تصل التعويضات إلى أكثر من مليار دولار",
            "The authority's head said the port might seek up to $1 billion in damages.",
            "contradiction",
        ),
        # Bounds that meet keep the amount: no conflict.
        (
            "وتوقع رئيس الهيئة في تصريحات صحفية أن تصل التعويضات إلى مليار دولار على الأقل",
            "The authority's head said the port might seek up to $1 billion in damages.",
            "agreement",
        ),
        # Two more figures the words cannot tell to be one measure: the claims may tell of
        # two things, a weak possible match at most, never a conflict.
        (
            "وتوقع رئيس الهيئة في تصريحات صحفية أن تصل التعويضات إلى أكثر من مليار دولار "
            "خلال 3 أشهر",
            "The authority's head said the port might seek up to $1 billion in damages "
            "within 5 months.",
            "agreement",
        ),
    ],
)
def test_two_languages_bounding_one_amount_from_two_sides_conflict(
    arabic: str, english: str, kind: str
) -> None:
    relation = _between_articles_by_meaning(arabic, english)
    assert relation.kind == kind, relation


def test_a_bounded_forecast_never_conflicts_with_a_figure_that_is_none() -> None:
    # What the chief said the port might seek, against what it sought: no conflict.
    relation = between_articles(
        "The authority's chief said the port might seek up to $1 billion in damages.",
        "The authority's chief said the port sought more than $1 billion in damages.",
    )
    assert relation.kind not in {"contradiction", "disputed"}


# A verb of expecting governs its whole clause: the figure is a forecast however far after it
# the complement puts it.
FAR_FORECASTS = [
    (
        "توقع مدير الميناء في حديث للصحفيين يوم الأحد أن تطالب البلدية مالكي الناقلة الكبيرة "
        "المحتجزة بتعويضات تزيد على مليار دولار",
        "وقال مدير الميناء إن من المتوقع أن تطالب البلدية بتعويضات لا تزيد على مليار دولار",
        "وقال مدير الميناء إن البلدية طالبت مالكي الناقلة بتعويضات قدرها 614 مليون دولار",
    ),
    (
        "The harbour master told reporters on Sunday he expected that the port would ask the "
        "tanker's owners for more than $1 billion in damages.",
        "The harbour master said the port might seek up to $1 billion in damages from "
        "the tanker's owners.",
        "The harbour master said the port asked the tanker's owners for $614 million in damages.",
    ),
]


@pytest.mark.parametrize(("forecast", "other_forecast", "claimed"), FAR_FORECASTS)
def test_a_figure_in_the_clause_of_a_verb_of_expecting_is_a_forecast(
    forecast: str, other_forecast: str, claimed: str
) -> None:
    # Against another forecast bounded from the other side: a conflict ...
    relation = between_articles(forecast, other_forecast)
    assert relation.kind == "contradiction", relation
    # ... against a figure that is none: no conflict.
    relation = between_articles(forecast, claimed)
    assert relation.kind not in {"contradiction", "disputed", "updated"}, relation


def test_two_estimates_of_the_losses_far_apart_are_flagged() -> None:
    # The losses named far back in each clause, one as damage: one quantity, two values.
    relation = between_articles(
        "وقدر الرئيس الخسائر الناجمة عن الحريق الكبير في المصنع القديم بأكثر من 15 مليار دولار",
        "وتقدر شركات التأمين أضرار الحريق الكبير في المصنع القديم بنحو 3 مليارات دولار",
    )
    assert relation.kind in {"contradiction", "disputed"}, relation


@pytest.mark.parametrize(
    "text",
    [
        # The complement ends at a clause break: the figure after it is the plain count.
        "توقع رئيس الهيئة أن تطول الأزمة، وبلغت التعويضات أكثر من مليار دولار",
        # A verb of expecting without its complement forecasts nothing far after it.
        "The chief expected the talks to be long and the owners paid more than $1 billion.",
    ],
)
def test_a_verb_of_expecting_forecasts_only_inside_its_complement(text: str) -> None:
    normalized = normalize_text(text)
    (money,) = [fact for fact in extract_facts(text) if fact.kind == "money"]
    assert hedge_of(normalized, money) == AT_LEAST


@pytest.mark.parametrize(
    ("exceeded", "other", "kind"),
    [
        # A floor passed is no exact figure below it ...
        (
            "وقال المحافظ إن عدد المشردين تجاوز 40 ألف شخص بسبب العاصفة",
            "وقال المحافظ إن 30 ألف شخص باتوا مشردين بسبب العاصفة",
            "contradiction",
        ),
        # ... but is kept by one above it.
        (
            "وقال المحافظ إن عدد المشردين تجاوز 40 ألف شخص بسبب العاصفة",
            "وقال المحافظ إن 45 ألف شخص باتوا مشردين بسبب العاصفة",
            "agreement",
        ),
        (
            "The governor said the number of people left homeless by the storm exceeded 40,000.",
            "The governor said 45,000 people were left homeless by the storm.",
            "agreement",
        ),
        # Another figure between the verb and this one: the verb passes that one, and this
        # one is exact.
        (
            "وقال المحافظ إن عدد المشردين تجاوز في 3 أحياء 40 ألف شخص بعد العاصفة",
            "وقال المحافظ إن 45 ألف شخص باتوا مشردين بعد العاصفة",
            "contradiction",
        ),
    ],
)
def test_a_figure_a_verb_of_exceeding_passes_is_a_floor(
    exceeded: str, other: str, kind: str
) -> None:
    assert between_articles(exceeded, other).kind == kind


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # A weight and a capacity in tonnes are two quantities ...
        (
            "وقالت الهيئة إن السفينة يبلغ طولها 300 متر ووزنها 150 ألف طن",
            "وقالت الهيئة إن السفينة يبلغ طولها 300 متر وبسعة 180 ألف طن",
            "agreement",
        ),
        (
            "The ship, weighing 150,000 tonnes, ran aground in the canal on Tuesday.",
            "The ship, with a capacity of 180,000 tonnes, ran aground in the canal on Tuesday.",
            "agreement",
        ),
        # ... two weights are one.
        (
            "وقالت الهيئة إن السفينة يبلغ طولها 300 متر ووزنها 150 ألف طن",
            "وقالت الهيئة إن السفينة يبلغ طولها 300 متر ووزنها 180 ألف طن",
            "contradiction",
        ),
        (
            "The ship, weighing 150,000 tonnes, ran aground in the canal on Tuesday.",
            "The ship, weighing 180,000 tonnes, ran aground in the canal on Tuesday.",
            "contradiction",
        ),
    ],
)
def test_figures_the_words_before_them_name_as_two_measures_do_not_conflict(
    a: str, b: str, kind: str
) -> None:
    relation = between_articles(a, b)
    assert relation.kind == kind, relation
    if kind == "agreement":
        assert relation.details.reason == Reason.DISTINCT_QUANTITIES


@pytest.mark.parametrize(
    ("a", "b", "published"),
    [
        (
            "The Harbour Patrol told a press conference at 6 p.m. on Tuesday that the ferry's"
            " crew had about 40 hours of oxygen left.",
            "The Harbour Patrol told a press conference at 11 a.m. on Wednesday that the ferry's"
            " crew had about 20 hours of oxygen left.",
            None,
        ),
        (
            "قال خفر السواحل مساء الثلاثاء إن 40 شخصا ما زالوا في عداد المفقودين.",
            "قال خفر السواحل صباح الأربعاء إن 25 شخصا ما زالوا في عداد المفقودين.",
            dt.date(2023, 6, 21),
        ),
    ],
)
def test_a_figure_told_of_two_days_is_an_update(a: str, b: str, published: dt.date | None) -> None:
    relation = between_articles(a, b, published, published)
    assert relation.kind == "updated"
    assert relation.reason == Reason.FIGURE_UPDATED_DAYS
    # Told of one day, the two values contradict each other.
    same_day = b.replace("Wednesday", "Tuesday").replace("صباح الأربعاء", "صباح الثلاثاء")
    assert between_articles(a, same_day, published, published).kind == "contradiction"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The migration agency said more than 43,000 people were displaced by the floods.",
            "The migration agency said the floods displaced 36,000 people.",
        ),
        (
            "أعلنت منظمة الهجرة نزوح ما يزيد على 43 ألف شخص جراء السيول.",
            "أعلنت منظمة الهجرة نزوح 36 ألف شخص جراء السيول.",
        ),
    ],
)
def test_one_sources_two_counts_are_its_revision(a: str, b: str) -> None:
    """Undated, or dated two days apart: the source revised its count, and the outlets that
    quote it do not contradict each other."""
    relation = between_articles(a, b, None, None)
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_REVISED)
    assert relation.details.published_a is None
    day, next_day = dt.date(2023, 9, 14), dt.date(2023, 9, 15)
    assert between_articles(a, b, day, next_day).reason == Reason.FIGURE_UPDATED
    # Quoted on one day's pages, the two counts contradict each other ...
    assert between_articles(a, b, day, day).kind == "contradiction"
    # ... and two sources' counts are a dispute between them.
    other = b.replace("The migration agency", "The Red Crescent")
    other = other.replace("منظمة الهجرة", "الهلال الأحمر")
    assert between_articles(a, other, None, None).kind == "disputed"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "قال العمدة إن حصيلة القتلى في البلدة قد تصل إلى ما بين 7 و9 آلاف.",
            "قال العمدة إن حصيلة القتلى في البلدة قد تزيد على 9 آلاف.",
        ),
        (
            "The mayor said the death toll in the city could reach 25,000 people.",
            "The mayor said the death toll in the city could reach 12,000 people.",
        ),
        # One figure told as a floor and as a ceiling: a revised count changes its figure;
        # this is one statement told two ways that cannot both hold.
        (
            "The governor, Sami Haddad, said more than 40,000 people were made homeless.",
            "Governor Sami Haddad said up to 40,000 people lost their houses in the storm.",
        ),
        (
            "وقال المحافظ سامي حداد إن أكثر من 40 ألف شخص باتوا مشردين",
            "وقال المحافظ سامي حداد إن ما يصل إلى 40 ألف شخص فقدوا منازلهم في العاصفة",
        ),
    ],
)
def test_one_sources_two_figures_that_cannot_both_hold_contradict(a: str, b: str) -> None:
    """Pages of unknown dates quoting one source: two forecasts are no count revised (the
    source's two estimates conflict), nor is one figure bounded from two sides."""
    relation = between_articles(a, b, None, None)
    assert relation.kind == "contradiction", relation
    assert relation.details.reason is Reason.VALUE_MISMATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The migration agency later said more than 43,000 people were displaced.",
            "The migration agency also said the floods displaced 36,000 people.",
        ),
        (
            "وأعلنت منظمة الهجرة لاحقا نزوح ما يزيد على 43 ألف شخص جراء السيول.",
            "وأعلنت منظمة الهجرة أيضا نزوح 36 ألف شخص جراء السيول.",
        ),
    ],
)
def test_when_a_source_spoke_makes_it_no_other_source(a: str, b: str) -> None:
    """The agency said "later" and "also" ("لاحقا", "أيضا"): when or how it spoke is no part
    of its name, and its two counts are its revision, no dispute between two sources."""
    relation = between_articles(a, b, None, None)
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_REVISED)


def test_a_figure_told_of_two_days_is_no_update_of_what_never_changes() -> None:
    # A price is not revised overnight: two prices on two days still contradict each other.
    a = "On Tuesday the company said the trip cost $250,000 per person."
    b = "On Wednesday the company said the trip cost $300,000 per person."
    assert between_articles(a, b, None, None).kind == "contradiction"


UN_BOATS_EN = "The UN humanitarian office said rescue teams in the port city need more boats."
UN_BOATS_AR = (
    "قال مكتب الأمم المتحدة للشؤون الإنسانية إن فرق الإنقاذ في المدينة الساحلية تحتاج إلى"
    " مزيد من القوارب."
)


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [
        (
            UN_BOATS_EN,
            "The city's mayor said rescue teams in the port city were working through the night.",
            "Rescue teams in the port city were working through the night.",
        ),
        (
            UN_BOATS_AR,
            "قال رئيس بلدية المدينة إن فرق الإنقاذ في المدينة الساحلية عملت طوال الليل.",
            "وعملت فرق الإنقاذ في المدينة الساحلية طوال الليل.",
        ),
    ],
    ids=["en", "ar"],
)
def test_two_voices_that_share_no_figure_are_one_report_only_when_close_in_meaning(
    a: str, b: str, c: str
) -> None:
    # The UN office and the mayor each say something of the rescue: two voices, sharing no
    # figure or date, make one report only if they mean nearly the same.
    def relation(x: str, y: str, cosine: float) -> str:
        return relate_claims(
            claim_from_text(x),
            claim_from_text(y, position=1),
            learned_min_similarity=0.8,
            cosine=cosine,
        ).kind

    assert relation(a, b, 0.45) == "unrelated"
    assert relation(a, b, 0.6) == "agreement"
    # The outlet's own words against a quoted source: the article floor only.
    assert relation(a, c, 0.45) == "agreement"


@pytest.mark.parametrize(
    ("a", "b", "plain"),
    [
        (
            "قتل 57 شخصا في انهيار المبنى، والحصيلة غير نهائية",
            "قتل 48 شخصا في انهيار المبنى",
            "قتل 57 شخصا في انهيار المبنى",
        ),
        (
            "وتشير أحدث حصيلة للقتلى في انهيار المبنى إلى 48 شخصا",
            "قتل 133 شخصا في الهجوم على المسرح",
            "وتشير حصيلة القتلى في انهيار المبنى إلى 48 شخصا",
        ),
        (
            "The latest toll of the building's collapse is 57 dead.",
            "48 people were killed in the building's collapse.",
            "The toll of the building's collapse is 57 dead.",
        ),
    ],
)
def test_a_toll_told_as_provisional_or_the_latest_is_an_update(a: str, b: str, plain: str) -> None:
    """ "غير نهائية ومرشحة للارتفاع", "أحدث حصيلة", "the latest toll": a toll told as one of
    a running count is updated by a different figure, whatever the publication dates. Told
    without those words, on unknown dates, the two contradict each other."""
    relation = between_articles(a, b, None, None)
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation
    assert between_articles(plain, b, None, None).kind == "contradiction"


@pytest.mark.parametrize(
    ("a", "b", "flat"),
    [
        (
            "وقالت لجنة التحقيق إن حصيلة القتلى في انهيار المبنى ارتفعت إلى 48",
            "وقال مسؤولون محليون إن حصيلة القتلى في انهيار المبنى ارتفعت إلى 57",
            "وقال مسؤولون محليون إن حصيلة القتلى في انهيار المبنى بلغت 57",
        ),
        (
            "The investigators said the toll of the building's collapse rose to 48.",
            "Officials said the toll of the building's collapse rose to 57.",
            "Officials said the toll of the building's collapse was 57.",
        ),
    ],
)
def test_two_sources_telling_a_toll_rise_are_an_update_not_a_dispute(
    a: str, b: str, flat: str
) -> None:
    """Each source words the toll as a rise: two moments of one running count, on whatever
    dates, not two sources disputing it. One of them telling a plain figure stays a dispute
    when nothing dates the two."""
    relation = between_articles(a, b, None, None)
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation
    assert between_articles(a, flat, None, None).kind == "disputed"


@pytest.mark.parametrize(
    ("provisional", "higher", "plain"),
    [
        (
            "أعلن وزير الصحة مقتل 300 شخص في فيضانات طلبرة، متوقعا ارتفاع العدد.",
            "قال الهلال الأحمر إن عدد قتلى فيضانات طلبرة بلغ 900 شخص.",
            "أعلن وزير الصحة مقتل 300 شخص في فيضانات طلبرة.",
        ),
        (
            "أعلن وزير الصحة مقتل 300 شخص في فيضانات طلبرة، في حصيلة غير نهائية.",
            "قال الهلال الأحمر إن عدد قتلى فيضانات طلبرة بلغ 900 شخص.",
            "أعلن وزير الصحة مقتل 300 شخص في فيضانات طلبرة.",
        ),
        (
            "The health minister said 300 people were killed in the Talbara floods and warned"
            " that the toll could rise further.",
            "The Red Crescent said 900 people were killed in the Talbara floods.",
            "The health minister said 300 people were killed in the Talbara floods.",
        ),
        (
            "The health minister said 300 people were killed in the Talbara floods; the toll is"
            " expected to climb.",
            "The Red Crescent said 900 people were killed in the Talbara floods.",
            "The health minister said 300 people were killed in the Talbara floods.",
        ),
    ],
)
@pytest.mark.parametrize("published", [MONDAY, None])
def test_a_higher_toll_than_a_provisional_one_is_the_count_risen_not_a_dispute(
    provisional: str, higher: str, plain: str, published: dt.date | None
) -> None:
    """A source that tells its toll as provisional ("متوقعا ارتفاع العدد", "could rise
    further") says a higher one will follow: another source's higher figure is the count
    risen, an update, on one day or on unknown dates, either way round. Told without those
    words, the two sources dispute the toll."""
    for a, b in ((provisional, higher), (higher, provisional)):
        relation = between_articles(a, b, published, published)
        assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation
    assert between_articles(plain, higher, published, published).kind == "disputed"


@pytest.mark.parametrize(
    ("provisional", "lower"),
    [
        (
            "أعلن وزير الصحة مقتل 900 شخص في فيضانات طلبرة، متوقعا ارتفاع العدد.",
            "قال الهلال الأحمر إن عدد قتلى فيضانات طلبرة بلغ 300 شخص.",
        ),
        (
            "The health minister said 900 people were killed in the Talbara floods and warned"
            " that the toll could rise further.",
            "The Red Crescent said 300 people were killed in the Talbara floods.",
        ),
    ],
)
def test_a_lower_toll_than_a_provisional_one_is_still_a_dispute(
    provisional: str, lower: str
) -> None:
    """A toll expected to rise explains a higher figure, not a lower one: two sources
    below and above each other still dispute it."""
    relation = between_articles(provisional, lower, MONDAY, MONDAY)
    assert relation.kind == "disputed", relation


def test_a_pronoun_after_the_verb_is_no_part_of_the_source() -> None:
    """ "وفقا لما أعلنت عنه الوزارة": the ministry, not "عنه الوزارة"; "نفت الشركة أي علاقة":
    the company, not "الشركة أي علاقة"."""
    for text, source in (
        ("لقي أكثر من 60 شخصا حتفهم في الحريق، وفقا لما أعلنته الوزارة صباح السبت.", "الوزاره"),
        ("نفت الشركة أي علاقة بالحريق الذي خلف 40 قتيلا.", "الشركه"),
    ):
        (claim,) = claims_with_facts(text, segment_claims(text))
        assert claim.attribution == source


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "A rebel group claimed responsibility for the attack on the theatre, despite denials"
            " from officials that the neighbours were involved.",
            "A faction of the rebel group claimed responsibility for the attack on the theatre.",
        ),
        (
            "وتبنت جماعة متمردة الهجوم على المسرح، رغم نفي المسؤولين أي علاقة للجيران به.",
            "وأعلن فصيل من الجماعة المتمردة تبنيه الهجوم على المسرح.",
        ),
    ],
)
def test_a_denial_conceded_is_not_the_claims_own(a: str, b: str) -> None:
    """ "despite denials from officials", "رغم نفي المسؤولين": another party's denial, told
    beside what the claim says; the claim itself denies nothing of the other's claim. Told
    as the claim's own ("officials denied"), it still denies."""
    relation = between_articles(a, b)
    assert relation.kind not in ("disputed", "contradiction"), relation
    own = a.replace("despite denials from", "while denied by").replace("رغم نفي", "ونفى")
    assert polarity(view(normalize_text(own))).denies


def test_authorities_raising_a_toll_word_it_as_a_rise() -> None:
    """ "رفعت الوزارة عدد القتلى إلى 48", "officials raised the toll to 48": a rise, as
    "ارتفع"; against another source's rise, two moments of one count."""
    relation = between_articles(
        "وقالت لجنة التحقيق إن الوزارة رفعت عدد القتلى في انهيار المبنى إلى 48",
        "وقال مسؤولون إن حصيلة القتلى في انهيار المبنى ارتفعت إلى 57",
        None,
        None,
    )
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation
    relation = between_articles(
        "The investigators said the ministry raised the toll of the building's collapse to 48.",
        "Officials said the toll of the building's collapse rose to 57.",
        None,
        None,
    )
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "استشهاد" counts the dead; the injured's word after "و" is the next count's.
        (
            "أعلنت الوزارة استشهاد 6 أشخاص وإصابة 140 آخرين في انفجار المستودع",
            "وقالت الوزارة إن 140 شخصا أصيبوا في انفجار المستودع",
        ),
        # "and thousands were wounded" tells the next count's state, not the toll's.
        (
            "The ministry said the toll of the warehouse fire reached 41 and several hundred"
            " people were wounded.",
            "The ministry said 300 people were wounded in the warehouse fire.",
        ),
    ],
)
def test_a_count_takes_no_state_from_the_clause_coordinated_after_it(a: str, b: str) -> None:
    """The dead and the injured told in one sentence are two counts: the word of state of
    the second clause ("وإصابة", "and thousands were wounded") is not the first count's, so
    the dead are never set against another article's injured."""
    assert between_articles(a, b).kind not in FLAGGED


def test_martyrs_are_counted_as_the_dead() -> None:
    """ "سقوط 12 شهيدا", "استشهاد 8 أشخاص": the dead, as "قتيلا"."""
    for text in ("أعلن الوزير سقوط 12 شهيدا في الانفجارات", "أعلن الوزير استشهاد 12 شخصا"):
        claim = claim_from_text(text)
        (count,) = [fact for fact in claim.facts if fact.kind == "count"]
        assert count.subject == "#dead", count


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The minister said 12 people died in the blasts on Tuesday and 25 died in the blasts"
            " on Wednesday.",
            "The minister said 25 people died in the blasts on Wednesday.",
        ),
        (
            "قال الوزير إن 12 شخصا توفوا في الانفجارات يوم الثلاثاء و25 شخصا توفوا في"
            " الانفجارات يوم الأربعاء",
            "قال الوزير إن 25 شخصا توفوا في الانفجارات يوم الأربعاء",
        ),
    ],
)
def test_a_figure_met_by_an_equal_one_is_not_contradicted_by_another(a: str, b: str) -> None:
    """A claim with two figures (12 on one day, 25 on the next) against a claim with one of
    them: the 25 is met, and the 12 has no counterpart to differ from."""
    for first, second in ((a, b), (b, a)):
        assert between_articles(first, second).kind == "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Three people were killed in a new series of blasts in the south, officials said.",
            "Officials said the toll of the blasts in the south rose to 37 dead.",
        ),
        (
            "قال مسؤولون إن ثلاثة أشخاص قتلوا في سلسلة جديدة من الانفجارات في الجنوب",
            "قال مسؤولون إن حصيلة الانفجارات في الجنوب ارتفعت إلى 37 قتيلا",
        ),
    ],
)
def test_a_count_of_one_event_told_apart_is_not_the_storys_count(a: str, b: str) -> None:
    """ "a new series of blasts", "سلسلة جديدة", "the second wave", "هجوم مماثل" (lang
    EVENT_QUALIFIERS) tell one of a story's events apart: its count is no update nor
    contradiction of the story's toll. Two counts of the same event told apart still
    compare."""
    assert between_articles(a, b, MONDAY, TUESDAY_NEXT_WEEK).kind not in FLAGGED
    assert between_articles(a, b).kind not in FLAGGED
    second = "Officials said the second wave of blasts in the south killed {} people."
    relation = between_articles(second.format(20), second.format(25))
    assert relation.kind == "contradiction", relation
    # An Arabic adjective follows its noun: "حصيلة سابقة للانفجار" is an earlier toll.
    earlier = claim_from_text("وكانت حصيلة سابقة للانفجار تشير إلى مقتل 100 شخص")
    assert [event_told(earlier.normalized, fact) for fact in earlier.facts] == [""]


def test_a_negation_of_what_the_claim_also_says_unnegated_negates_nothing_of_it() -> None:
    """ "would cooperate with the national security services, adding there was no national
    security risk" shares "national security" with "the national security services are
    cooperating" only through its own unnegated words: no conflict. Negating the shared
    verb still is one."""
    plain = "The national security services are cooperating with the agency."
    relation = between_articles(
        "The agency said it would cooperate with the national security services, adding there"
        " was no national security risk.",
        plain,
    )
    assert relation.kind not in FLAGGED, relation
    relation = between_articles(
        "The agency did not cooperate with the national security services.", plain
    )
    assert relation.kind == "contradiction", relation


def test_a_part_named_before_its_whole_is_no_count_of_the_whole() -> None:
    """ "من بين المصابين 75 في المدن الشمالية": 75 of the injured, no count of them all."""
    relation = between_articles(
        "وقال الوزير إن من بين المصابين 75 في المدن الشمالية",
        "وقال الوزير إن 200 شخص أصيبوا في الانفجارات",
    )
    assert relation.kind not in FLAGGED, relation


@pytest.mark.parametrize(
    ("arabic", "latin", "one"),
    [
        ("وزير الصحه كريم", "health minister kareem haddad", True),
        ("وزير الصحه كريم الحداد", "health minister karim al-haddad", True),
        # The office alone, as within one script ("وزير الصحه" / "وزير الصحه كريم").
        ("وزير الصحه", "health minister kareem haddad", True),
        ("وزير الصحه السوري", "lebanese health minister kareem haddad", False),
        ("المتحدث باسم الكرملين دميتري بيسكوف", "peskov", True),
        # One first name, two offices.
        ("ولي العهد السعودي الامير محمد بن سلمان", "health minister mohammed hamad", False),
        ("وزير الداخليه كريم", "health minister kareem haddad", False),
        ("مسؤولون", "officials", False),
    ],
)
def test_one_person_named_in_arabic_and_latin_letters_is_one_source(
    arabic: str, latin: str, one: bool
) -> None:
    """ "وزير الصحة كريم" and "Health Minister Kareem Haddad": a name written in both
    scripts (name_key), in the same office, is one speaker; so is the office named alone, in
    one country."""
    assert same_source(arabic, latin) is one
    assert same_source(latin, arabic) is one


def test_one_ministers_two_figures_across_languages_are_his_revision() -> None:
    """The minister's 9 in Arabic and his eight in English, days unknown: he revised his
    count; not two sources disagreeing."""
    relation = between_articles(
        "قال وزير الصحة كريم الحداد إن 9 أشخاص قتلوا في انفجار المستودع",
        "The warehouse fire killed eight people, according to Health Minister Karim al-Haddad.",
        None,
        None,
    )
    assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_REVISED), relation


def test_a_toll_issued_by_a_body_is_that_bodys_and_so_is_the_rest_of_its_quote() -> None:
    """ "حصيلة صادرة عن الوزارة", "بيان صادر عن الجيش": issued by the body, its words; a
    quotation it opens and an ellipsis cuts in two is still the body's."""
    found = claims(
        'وفي حصيلة جديدة صادرة عن وزارة الصحة، أسفرت الانفجارات عن "نحو 300 جريح (...) وسقوط'
        ' 12 قتيلا".'
    )
    assert [source for source, _ in found] == ["وزاره الصحه", "وزاره الصحه"], found
    assert claims("وجاء في بيان صادر عن الجيش أن 5 جنود قتلوا في الهجوم.")[0][0] == "الجيش"


def test_a_denial_pointed_back_at_is_named_not_made() -> None:
    """ "This denial comes after the maker had said ...": the claim names a denial told before
    and repeats what was said; it denies nothing of the maker's statement. A denial the claim
    makes still disputes it."""
    maker = "The chips were made by a firm in Vienna, according to a statement by the Seoul maker."
    relation = between_articles(
        maker,
        "This denial comes after the Seoul maker had said the chips were made by a firm in Vienna.",
    )
    assert relation.kind not in FLAGGED, relation
    relation = between_articles(
        "قالت الشركة الكورية إن الرقائق صنعتها شركة في فيينا",
        "ونفت الشركة النمساوية أن تكون صنعت الرقائق",
    )
    assert relation.kind == "disputed", relation
    assert not polarity(view(normalize_text("ويأتي هذا النفي بعد بيان الشركة"))).denies


def test_the_fall_or_martyrdom_a_verb_announces_is_no_source() -> None:
    """ "أعلنت الوزارة استشهاد 8 أشخاص", "وأوضح سقوط عشرات القتلى": what was announced (lang
    EVENT_OBJECTS), not who announced it."""
    assert claims("أعلنت الوزارة استشهاد 8 أشخاص في القصف")[0][0] == "الوزاره"
    assert claims("وأوضح سقوط عشرات القتلى بين المدنيين في القصف")[0][0] == ""


def test_when_a_source_spoke_ends_its_name() -> None:
    """ "وأضاف الوزير سامي خلال مؤتمر صحفي": "خلال" (during) tells when the source spoke; it is
    no part of the name."""
    assert claims("وأضاف الوزير سامي خلال مؤتمر صحفي أن الحصيلة ارتفعت إلى 20 قتيلا")[0][0] == (
        "الوزير سامي"
    )


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "The floods killed 11,300 people in Talbara.",
            "The UN said more than 11,000 people were killed and 10,000 are missing in Talbara.",
            Reason.SAME_FACTS,
        ),
        (
            "قتلت الفيضانات 11300 شخص في طلبرة.",
            "قالت الأمم المتحدة إن أكثر من 11 ألف شخص قتلوا و10 آلاف في عداد المفقودين في طلبرة.",
            Reason.SAME_FACTS,
        ),
        (
            "The ministry said 212 people were killed and 259 injured in the Talbara quake.",
            "The Talbara quake killed at least 212 people.",
            Reason.SAME_FACTS,
        ),
        (
            "قالت الوزارة إن 212 شخصا قتلوا وأصيب 259 في زلزال طلبرة.",
            "أسفر زلزال طلبرة عن مقتل 212 شخصا على الأقل.",
            Reason.SAME_FACTS,
        ),
        (
            "The town of Talbara, home to 100,000 people, has 10,000 missing.",
            "Officials put the number of missing in Talbara at 10,000.",
            Reason.SAME_FACTS,
        ),
        (
            "The survey said the tremor's focus lay 11 miles below the surface, while the"
            " national institute placed it 5 miles down.",
            "The survey said the tremor's focus lay 18 kilometres deep.",
            Reason.SAME_FACTS,
        ),
        (
            "قال المعهد إن الزلزال وقع على عمق 11 ميلا، بينما قدرت الهيئة الوطنية العمق"
            " بخمسة أميال.",
            "قال المعهد إن الهزة وقعت على عمق 18 كيلومترا.",
            Reason.SAME_FACTS,
        ),
        (
            "حكم على المتهم بالسجن 25 عاما",
            "قضى المتهم 12 عاما في السجن قبل الإفراج عنه",
            Reason.DISTINCT_QUANTITIES,
        ),
    ],
)
def test_a_pair_is_related_alike_whichever_claim_comes_first(
    a: str, b: str, reason: Reason
) -> None:
    """Which of two claims is a depends on the order their articles came in: the verdict,
    its reason and its score must not. A figure both claims give, beside one only one of them
    gives (the missing beside the dead), is a shared fact on either side; figures of other
    subjects only are two quantities either way round."""
    one, other = between_articles(a, b), between_articles(b, a)
    assert (one.kind, one.reason, one.score) == (other.kind, other.reason, other.score)
    assert one.reason is reason, one


# One invented story told many ways (tolls of the dead and the missing, a provisional toll, a
# forecast, a rise, a denial, a dam's year, near-rewrites the learned model reads, in both
# languages): every pair of it is related below in both orders.
ONE_STORY_SENTENCES = (
    "The floods killed 11,300 people in Talbara.",
    "The UN said more than 11,000 people were killed and 10,000 are missing in Talbara.",
    "The Red Crescent said 10,000 people are missing in Talbara.",
    "The health minister said 3,000 people were killed in the Talbara floods and warned that"
    " the toll could rise further.",
    "The mayor said the toll in Talbara could reach 20,000.",
    "The ministry said 212 people were killed and 259 injured in the Talbara floods.",
    "At least 212 people were killed in the Talbara floods, officials said on Monday.",
    "The government denied that 11,000 people were killed in Talbara.",
    "The two dams above Talbara, built in 1975, burst on Sunday night.",
    "The dam above Talbara was built in 1972 and held 18 million cubic metres.",
    "The floods displaced 30,000 people, the migration agency said.",
    "قتلت الفيضانات 11300 شخص في طلبرة.",
    "قالت الأمم المتحدة إن أكثر من 11 ألف شخص قتلوا و10 آلاف في عداد المفقودين في طلبرة.",
    "أعلن وزير الصحة مقتل 3 آلاف شخص في فيضانات طلبرة، متوقعا ارتفاع العدد.",
    "قال الهلال الأحمر إن عدد المفقودين في طلبرة بلغ 10 آلاف شخص.",
    "قالت الوزارة إن 212 شخصا قتلوا وأصيب 259 في فيضانات طلبرة.",
    "ارتفعت حصيلة ضحايا فيضانات طلبرة إلى 5300 قتيل يوم الثلاثاء.",
    "نفت الحكومة أن يكون عدد القتلى في طلبرة قد تجاوز 11 ألفا.",
    "انهار السدان فوق طلبرة ليلة الأحد، وقد بنيا عام 1975.",
    "نزح 30 ألف شخص بسبب الفيضانات بحسب منظمة الهجرة.",
    "وتابع: نحو نصف طلبرة تضرر أو تدمر.",
    "وقال المحافظ إن نحو نصف طلبرة تضرر أو تدمر.",
    "وأكد الوزير أن فرق الإنقاذ وصلت إلى طلبرة صباح اليوم.",
    "وأكد الوزير أن فرق الإنقاذ لم تصل إلى طلبرة صباح اليوم.",
)


def test_every_pair_of_one_story_is_related_alike_in_both_orders() -> None:
    """The order articles come in decides which claim is a; no verdict, reason or score may
    depend on it."""

    def verdict(a: str, b: str) -> tuple[str, Reason, float]:
        relation = between_articles(a, b)
        return relation.kind, relation.reason, relation.score

    asymmetric = [
        (a, b, verdict(a, b), verdict(b, a))
        for a, b in combinations(ONE_STORY_SENTENCES, 2)
        if verdict(a, b) != verdict(b, a)
    ]
    assert not asymmetric, asymmetric


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # A toll told as provisional, then a higher one.
        (
            "أعلن وزير الصحة مقتل 300 شخص في فيضانات طلبرة، متوقعا ارتفاع العدد.",
            "قال الهلال الأحمر إن عدد قتلى فيضانات طلبرة بلغ 900 شخص.",
        ),
        (
            "The health minister said 300 people were killed in the Talbara floods; the toll is"
            " expected to climb.",
            "The Red Crescent said 900 people were killed in the Talbara floods.",
        ),
        # A figure, then one worded as a rise to a higher one.
        (
            "قالت وزارة الصحة إن حصيلة قتلى فيضانات طلبرة بلغت 300 قتيل.",
            "ارتفعت حصيلة قتلى فيضانات طلبرة إلى 900 قتيل، وفق وزارة الصحة.",
        ),
        (
            "The health ministry said the death toll of the Talbara floods was 300.",
            "The death toll of the Talbara floods rose to 900, the health ministry said.",
        ),
        # A figure told as said before, then another.
        (
            "وكانت وزارة الصحة ذكرت في وقت سابق أن حصيلة قتلى فيضانات طلبرة بلغت 300 قتيل.",
            "قالت وزارة الصحة إن حصيلة قتلى فيضانات طلبرة بلغت 900 قتيل.",
        ),
    ],
)
@pytest.mark.parametrize("published", [MONDAY, None])
def test_an_update_the_dates_cannot_order_records_which_figure_its_wording_tells_first(
    earlier: str, later: str, published: dt.date | None
) -> None:
    """On one day or on unknown dates, the wording orders an update's figures
    (RelationDetails.first): the provisional toll, the figure before a rise, the figure
    said before is the earlier, whichever claim is a. Published on two days, the dates
    order them and the wording is not recorded."""
    forward = between_articles(earlier, later, published, published)
    backward = between_articles(later, earlier, published, published)
    assert (forward.kind, forward.reason) == ("updated", Reason.FIGURE_UPDATED), forward
    assert (forward.details.first, backward.details.first) == ("a", "b")
    assert between_articles(earlier, later, MONDAY, TUESDAY_NEXT_WEEK).details.first == ""


def test_an_update_whose_wording_points_both_ways_records_no_order() -> None:
    """A figure told as said before against a provisional or risen, lower one: each is told
    as the earlier (a "previous toll" is earlier than its own article's new one, not than
    another article's lower figure), so nothing orders them. Two rises of one count are
    ordered: the higher came later."""
    said_before = "وكانت وزارة الصحة ذكرت في وقت سابق أن حصيلة قتلى فيضانات طلبرة بلغت 900 قتيل."
    for lower in (
        "قالت وزارة الصحة إن حصيلة قتلى فيضانات طلبرة بلغت 300 قتيل، متوقعة ارتفاع العدد.",
        "ارتفعت حصيلة قتلى فيضانات طلبرة إلى 300 قتيل، وفق وزارة الصحة.",
    ):
        for a, b in ((said_before, lower), (lower, said_before)):
            relation = between_articles(a, b, None, None)
            assert (relation.kind, relation.reason) == ("updated", Reason.FIGURE_UPDATED), relation
            assert relation.details.first == ""
    lower = "The investigators said the toll of the building's collapse rose to 48."
    higher = "Officials said the toll of the building's collapse rose to 57."
    assert between_articles(lower, higher, None, None).details.first == "a"
    assert between_articles(higher, lower, None, None).details.first == "b"


@pytest.mark.parametrize(
    ("part", "whole", "near"),
    [
        (
            "قال المرصد إن عدد الجرحى بلغ 14 شخصا في محافظتي الشمال والساحل.",
            "وقال وزير الصحة إن الانفجارات أسفرت عن 2800 جريح.",
            "وقال وزير الصحة إن الانفجارات أسفرت عن 20 جريحا.",
        ),
        (
            "قتل 12 شخصا في مدينة طلبرة، بحسب الدفاع المدني.",
            "قالت وزارة الصحة إن 300 شخص قتلوا في الفيضانات.",
            "قالت وزارة الصحة إن 15 شخصا قتلوا في الفيضانات.",
        ),
        (
            "Twelve people were killed in the town of Talbara, the civil defence said.",
            "The health ministry said 300 people were killed in the floods.",
            "The health ministry said 15 people were killed in the floods.",
        ),
    ],
)
def test_a_small_count_of_one_place_is_a_part_of_a_count_of_none(
    part: str, whole: str, near: str
) -> None:
    """A count told of a town or a province, at less than a third of a count told of no
    place, counts a part of them (or others): no link, from either side and whoever told
    them. Near the other's figure it is still one count told two ways: a dispute."""
    for a, b in ((part, whole), (whole, part)):
        assert between_articles(a, b).kind == "unrelated", (a, b)
    assert between_articles(part, near).kind == "disputed"


def test_the_story_s_own_city_is_the_whole_count() -> None:
    """ "The city" alone is the story's own place: against a count of no place it stays
    comparable. A named town's small count against a toll risen to more is still a part."""
    whole = "قالت وزارة الصحة إن 300 شخص قتلوا في الفيضانات."
    the_city = "قتل 12 شخصا في المدينة، بحسب الدفاع المدني."
    assert between_articles(the_city, whole).kind == "disputed"
    risen = "وقالت وزارة الصحة إن عدد قتلى الفيضانات ارتفع إلى 300 شخص."
    in_town = "قتل 12 شخصا في مدينة طلبرة جراء الفيضانات، بحسب الدفاع المدني."
    assert between_articles(in_town, risen).kind == "unrelated"
