"""Alignment of claims across articles: pure, no database."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from newsdiff.pipeline import align, analyse_article, compare_articles
from newsdiff.pipeline.align import (
    align_claims,
    connected_groups,
    copied_articles,
    quoted_lines,
)
from newsdiff.pipeline.facts import claim_from_text, extract_facts
from newsdiff.pipeline.normalize import light_stem, normalize_text
from newsdiff.pipeline.numbers import MAGNITUDE
from newsdiff.pipeline.relate import denies, relate_claims, story_words
from newsdiff.pipeline.types import ClaimDraft
from tests.conftest import SEED_EREM, SEED_ROAYAH

PUBLISHED = dt.date(2025, 5, 12)
SEED_FILES = (SEED_EREM, SEED_ROAYAH)


def claims(*texts: str) -> list[ClaimDraft]:
    return [
        ClaimDraft(
            position=i,
            text=t,
            normalized=normalize_text(t),
            start=0,
            end=len(t),
            facts=extract_facts(t, published=PUBLISHED),
        )
        for i, t in enumerate(texts)
    ]


def pairs(matches: list) -> set[tuple[int, int, int, int]]:
    return {(m.article_a, m.claim_a, m.article_b, m.claim_b) for m in matches}


def test_same_fact_told_differently_is_aligned() -> None:
    a = claims(
        "أعلنت وزارة الصحة تسجيل ٣٥ إصابة جديدة بالحمى في محافظة البصرة",
        "افتتح المحافظ جسرا جديدا فوق النهر بكلفة مليوني دولار",
    )
    b = claims(
        "قال المحافظ إن الجسر الجديد فوق النهر كلف 2 مليون دولار",
        "سجلت محافظة البصرة 35 اصابة جديدة بالحمى بحسب وزارة الصحة",
    )
    assert pairs(align_claims([a, b])) == {(0, 0, 1, 1), (0, 1, 1, 0)}


def test_arabic_and_latin_spellings_of_one_name_align() -> None:
    a = claims("وصلت شحنة من صواريخ كورنيت المضادة للدبابات إلى الميناء")
    b = claims("وصلت إلى الميناء شحنة صواريخ Kornet المضادة للدبابات")
    assert pairs(align_claims([a, b])) == {(0, 0, 1, 0)}


def test_a_claim_written_with_persian_letters_aligns_with_its_arabic_spelling() -> None:
    a = claims("الكاتب كريمي يكشف عن كتابه الجديد في معرض كرمانشاه")
    b = claims("الکاتب کریمی یکشف عن کتابه الجدید فی معرض کرمانشاه")
    assert pairs(align_claims([a, b])) == {(0, 0, 1, 0)}


def test_one_long_sentence_matches_two_short_ones() -> None:
    a = claims(
        "وقع البلدان اتفاقية تجارية بقيمة 400 مليون دولار في العاصمة الرياض، "
        "واتفقا على فتح معبر حدودي جديد للشاحنات في شهر مارس"
    )
    b = claims(
        "وقع البلدان في الرياض اتفاقية تجارية قيمتها 400 مليون دولار",
        "سيفتح معبر حدودي جديد للشاحنات بين البلدين في شهر مارس",
        "ارتفعت درجات الحرارة في المدينة الساحلية إلى مستوى قياسي",
    )
    assert pairs(align_claims([a, b])) == {(0, 0, 1, 0), (0, 0, 1, 1)}


def test_unrelated_claims_do_not_align() -> None:
    a = claims("فاز الفريق المحلي بالمباراة النهائية بثلاثة أهداف مقابل هدف")
    b = claims("ارتفع سعر صرف الدولار أمام الجنيه في السوق الموازية اليوم")
    assert align_claims([a, b]) == []


def test_many_outlets_every_pair_aligned_and_grouped() -> None:
    story = [
        claims(
            "أغلقت السلطات مطار المدينة أمس بسبب عاصفة رملية شديدة",
            "تأخرت 40 رحلة جوية عن مواعيدها",
        ),
        claims(
            "بسبب عاصفة رملية شديدة أغلقت السلطات مطار المدينة",
            "ألغيت مباراة كرة القدم المقررة مساء الأحد",
        ),
        claims("تأخر إقلاع 40 رحلة جوية بعد إغلاق المطار", "عاصفة رملية شديدة تغلق مطار المدينة"),
    ]
    matches = align_claims(story)
    found = pairs(matches)
    assert (0, 0, 1, 0) in found and (0, 0, 2, 1) in found and (1, 0, 2, 1) in found
    assert (0, 1, 2, 0) in found
    groups = connected_groups(((m.article_a, m.claim_a), (m.article_b, m.claim_b)) for m in matches)
    assert [(0, 0), (1, 0), (2, 1)] in groups
    assert all((1, 1) not in g for g in groups)


@pytest.mark.parametrize("only", [0, 1, 2])
def test_one_articles_pairs_are_those_of_the_whole_story(only: int) -> None:
    """Incremental alignment: comparing one article with the rest gives exactly its pairs
    of the whole-story alignment, with the same similarities."""
    seeds = [analyse_article(path.read_text(encoding="utf-8")).claims for path in SEED_FILES]
    story = [
        *seeds,
        claims(
            "بسبب عاصفة رملية شديدة أغلقت السلطات مطار المدينة",
            "قال المحامي إن موكله فيكتور بوت يرفض التعليق على صفقة الأسلحة",
        ),
    ]
    full = [m for m in align_claims(story) if only in (m.article_a, m.article_b)]
    assert full, "the case must have pairs to compare"
    assert align_claims(story, only=only) == full


def test_connected_groups_joins_any_hashable_nodes() -> None:
    pairs = [("c", "d"), ("a", "b"), ("b", "c"), ("x", "y"), ("y", "x"), ("z", "z")]
    assert connected_groups(pairs) == [["a", "b", "c", "d"], ["x", "y"]]
    assert connected_groups([((1, 2), (0, 5)), ((0, 5), (3, 3))]) == [[(0, 5), (1, 2), (3, 3)]]
    assert connected_groups([]) == []


def test_blocked_path_finds_what_the_dense_path_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    story = [
        claims(
            f"اجتمع وزراء خارجية الدول العربية في القاهرة لبحث ملف المياه {i}",
            "أعلنت الشركة أرباحا بلغت 12 مليون دولار في الربع الأول",
            f"افتتح معرض الكتاب الدولي أبوابه للزوار في دورته رقم {i + 40}",
        )
        for i in range(6)
    ]
    dense = pairs(align_claims(story))
    monkeypatch.setattr(align, "DENSE_CLAIM_LIMIT", 0)
    assert pairs(align_claims(story)) == dense
    assert dense


def test_claim_keys_are_the_same_in_every_process() -> None:
    """Python hashes strings differently in each process, and with them the order of a
    set's tokens: the keys (and so a large story's blocks) must not follow it."""
    import os
    import subprocess
    import sys

    script = (
        "from newsdiff.pipeline.align import claim_keys\n"
        "from newsdiff.pipeline.facts import claim_from_text\n"
        "texts = ['اجتمع وزراء خارجية الدول العربية في القاهرة لبحث ملف المياه',\n"
        "         'The ministers met in Cairo on Monday to discuss water and trade',\n"
        "         'أعلنت الشركة أرباحا بلغت 12 مليون دولار في الربع الأول']\n"
        "story = [[claim_from_text(t, position=0)] for t in texts]\n"
        "print(repr(claim_keys(story).keys))\n"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1 and next(iter(keys)).startswith("[")


def test_blocked_path_gives_each_claim_pair_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tokens shared by more claims than a posting list holds are paired in shuffled blocks:
    a pair met in two lists, once each way round, must still come out once (a stored link
    per claim pair: a duplicate broke the realignment of large stories)."""
    monkeypatch.setattr(align, "DENSE_CLAIM_LIMIT", 0)
    monkeypatch.setattr(align, "POSTING_CAP", 4)
    topics = [
        "اجتمع وزراء خارجية الدول العربية في القاهرة لبحث ملف المياه",
        "أعلنت الشركة أرباحا قياسية في الربع الأول من العام",
        "افتتح معرض الكتاب الدولي أبوابه للزوار صباح الخميس",
        "ضربت عاصفة رملية شديدة مطار المدينة وأوقفت الرحلات",
    ]
    # Ten outlets tell the four facts: each word is in ten of the forty claims, more than a
    # posting list holds and fewer than the story-wide cut.
    story = [claims(*(f"{topic} {article}" for topic in topics)) for article in range(10)]
    found = [(m.article_a, m.claim_a, m.article_b, m.claim_b) for m in align_claims(story)]
    assert found and len(found) == len(set(found))
    assert all(a < b for a, _, b, _ in found)


def test_wire_copy_detected() -> None:
    text = [
        "Flooding closed the main coastal road north of the city on Monday",
        "At least 12 people were rescued from cars trapped near the harbour bridge",
        "The governor announced an emergency budget of 3 million dollars",
    ]
    original = claims(*text)
    copy = claims(*text[:2], "The governor announced an emergency budget of 3 million dollars.")
    other = claims("The coastal road north of the city was closed by floods on Monday")
    story = [original, copy, other]
    assert copied_articles(story, align_claims(story)) == {1: 0}


def test_a_reprint_with_its_own_lede_is_still_a_copy() -> None:
    wire = [
        "Body bags lay along the dry riverbed that cuts through the centre of the city",
        "Two dams above the city burst under the pressure of the storm on Sunday night",
        "Whole blocks of multi-storey buildings were swept into the sea by the flood",
        "Relief convoys from the west of the country reached the outskirts on Tuesday",
    ]
    reprint = [
        "The mayor said the number of dead in the city could reach twenty thousand",
        "Body bags lay along the dry riverbed which cuts through the centre of the city.",
        "Two dams above the city burst under pressure from the storm on Sunday night",
        "Officials in the east appealed for help from abroad to recover the bodies",
    ]
    other = [
        "The mayor estimated that twenty thousand people may have died in the floods",
        "Rescue teams searched the harbour and the beaches on Wednesday morning",
        "The council announced two days of mourning once the storm had passed",
    ]
    story = [claims(*wire), claims(*reprint), claims(*other)]
    assert copied_articles(story, align_claims(story)) == {1: 0}


def test_a_reprint_that_cuts_its_sentences_elsewhere_is_still_a_copy() -> None:
    wire = [
        "Dredgers worked through the night around the bow of the Nautilus, the port authority"
        " said, adding that tugs would try again at high tide",
        "The ship ran aground on Tuesday morning after a sudden gust pushed it against the"
        " eastern bank of the channel",
        "Some 200 vessels were waiting at both ends of the channel on Wednesday evening",
        "Insurers said the delay could cost shipowners several million dollars a day",
    ]
    reprint = [
        "Read also: the council approves a new budget for the old market",
        "Dredgers worked through the night around the bow of the Nautilus, the port authority"
        " said.",
        "Tugs would try again at high tide.",
        "The ship ran aground on Tuesday morning after a sudden gust pushed it against the"
        " eastern bank of the channel",
        "Some 200 vessels were waiting at both ends of the channel.",
    ]
    other = [
        "A gust of wind drove the Nautilus onto the bank of the channel on Tuesday",
        "The harbour office counted 200 ships queuing to pass through",
        "Tugboats will make another attempt when the tide is high, officials said",
    ]
    story = [claims(*wire), claims(*reprint), claims(*other)]
    assert copied_articles(story, align_claims(story)) == {1: 0}
    # A short piece is anyone's words: three of them make no copy.
    pieces = claims("Tugs would try again.", "The ship ran aground.", "The bank gave way.")
    story = [claims(*wire), pieces]
    assert copied_articles(story, align_claims(story)) == {}


def test_a_copy_is_a_copy_whether_or_not_it_gives_its_date() -> None:
    from dataclasses import replace

    text = [
        "The governor said today that 90,000 residents were left homeless by the fire",
        "He said that half of the city was damaged or destroyed by the explosion",
        "Rescue teams searched the ruins of the port for survivors through the night",
    ]
    dated = claims(*text)
    undated = [
        replace(c, facts=extract_facts(c.text, published=None)) for c in claims(*text[:2])
    ] + claims("Schools in the capital will stay closed until next week")
    assert {f.kind for f in dated[0].facts} != {f.kind for f in undated[0].facts}
    story = [dated, undated]
    assert copied_articles(story, align_claims(story)) == {1: 0}


STATEMENT = [
    '"There is nothing agreed with any club.',
    "The decision will be taken only after the end of the season with his team.",
    "Plenty of people use his name for attention, yet there is only one truth.",
    'Nothing is signed, nothing is agreed, and nothing will be until the summer."',
]


def test_two_reports_quoting_one_statement_word_for_word_are_no_copy() -> None:
    first = [
        "The striker's father denied reports of a transfer to a club in the Gulf on Tuesday.",
        "He wrote on social media:",
        *STATEMENT,
    ]
    second = [
        "A report in the morning said the forward would sign a record contract in the Gulf.",
        "His agents said the club's officials and he had not yet agreed on anything.",
        "The player's father posted a statement on Instagram:",
        *STATEMENT,
        "The player is expected to meet the club's president next week in the capital.",
    ]
    story = [claims(*first), claims(*second)]
    assert quoted_lines(story[0]) == [False, False, True, True, True, True]
    assert copied_articles(story, align_claims(story)) == {}
    # A report telling the rest in the same words too is a copy, quotes and all.
    story = [claims(*first), claims(*first, *second[-1:])]
    assert copied_articles(story, align_claims(story)) == {1: 0}


@pytest.mark.parametrize(
    ("texts", "flags"),
    [
        # A quote opened and closed in one claim quotes nothing after it.
        (["He said: «the port is closed».", "Ships waited outside."], [False, False]),
        # A line that opens with a quotation mark is a quoted line.
        (["“We will rebuild,” the mayor said.", "Aid arrived."], [True, False]),
        # A straight quote opens where a word starts and closes after one; a paragraph that
        # goes on with the quote opens it again.
        (
            [
                'She wrote: "The port is closed.',
                '"Ships wait outside.',
                'We reopen soon."',
                "Done.",
            ],
            [False, True, True, False],
        ),
        (['He said "no" to the plan.', "Talks ended."], [False, False]),
        # A quotation left open stops after QUOTE_MAX_CLAIMS claims.
        (['He wrote: "It began.', *["It went on."] * 11], [False, *[True] * 10, False]),
    ],
)
def test_quoted_lines(texts: list[str], flags: list[bool]) -> None:
    assert quoted_lines(claims(*texts)) == flags


def test_sentences_rewritten_with_other_figures_are_no_copy() -> None:
    first = [
        "The health ministry said 2,000 people were killed when the flood wave hit the bridges",
        "The mayor said the old dams had not been repaired since 2002",
        "Rescue teams from three neighbouring countries arrived at the port on Tuesday",
        "Aid convoys from the capital were still stuck on the coastal road",
    ]
    later = [
        "The health ministry said 5,300 people were killed when the flood wave hit the bridges",
        "The mayor said the old dams had not been repaired since 2002",
        "By Thursday the death toll had risen sharply in the flooded port city",
        "A football match in the capital was postponed as a sign of mourning",
    ]
    story = [claims(*first), claims(*later)]
    assert copied_articles(story, align_claims(story)) == {}


def test_seed_articles_have_no_contradiction_and_share_their_facts() -> None:
    analysed = [analyse_article(p.read_text(encoding="utf-8")) for p in (SEED_EREM, SEED_ROAYAH)]
    links = compare_articles(
        [a.claims for a in analysed], [a.clean.meta.published for a in analysed]
    )
    assert links
    # The two seeds tell one story a day apart: no contradiction, dispute or update.
    assert all(link.relation.kind == "agreement" for link in links)
    texts = [
        (
            analysed[0].claims[ln.match.claim_a].normalized,
            analysed[1].claims[ln.match.claim_b].normalized,
        )
        for ln in links
    ]
    for needle_a, needle_b in [
        ("10 ملايين", "10 ملايين"),
        ("كورنيت", "kornet"),
        ("57", "57"),
        ("2008", "2008"),
        ("25", "25"),
        ("ak-74", "ak-74"),
        ("تبادل", "2022"),
    ]:
        assert any(needle_a in a and needle_b in b for a, b in texts), (needle_a, needle_b)


def test_two_claims_that_give_one_precise_figure_are_paired_however_worded() -> None:
    from newsdiff.pipeline.encode import encoder_get

    first = [
        "At least 10,100 people are still missing in the coastal city a week after the storm",
        "Some 5,000 homes were flooded in the old town",
    ]
    second = [
        "The agency said 10,100 others had been reported lost",
        "The club sold 5,000 tickets for the match",
    ]
    story = [claims(*first), claims(*second)]
    encoder = encoder_get()
    vectors = [encoder.encode(first), encoder.encode(second)]
    va, vb, cosine = align._figure_candidates(story, vectors, None)
    # 10,100 is precise enough to be one fact; 5,000 is any round figure.
    assert list(zip(va.tolist(), vb.tolist(), strict=True)) == [(0, 2)]
    assert cosine[0] >= align.FIGURE_MIN_COSINE
    links = compare_articles(story, [None, None], vectors=vectors, languages=["en", "en"])
    kinds = {(ln.match.claim_a, ln.match.claim_b): ln.relation.kind for ln in links}
    assert kinds.get((0, 0)) == "agreement"


def test_only_precise_figures_identify_a_fact() -> None:
    from newsdiff.pipeline.facts import distinctive
    from newsdiff.pipeline.types import Fact

    assert all(distinctive(Fact("count", v)) for v in ("10100", "250000", "3252", "18000000"))
    assert not any(distinctive(Fact("count", v)) for v in ("3", "75", "100", "5000", "1000000"))
    assert not distinctive(Fact("year", "2023"))


def test_each_claim_keeps_its_best_aligned_pairs_only() -> None:
    from collections import Counter

    text = "The storm destroyed the bridge over the river Karsa on Sunday night"
    others = ["Officials counted the damage", "Schools stayed closed", "Trains were cancelled"]
    story = [claims(text, *(f"{o} in district {n}" for o in others)) for n in range(7)]
    every = align_claims(story)
    capped = align_claims(story, limit=4)
    assert len(capped) < len(every)
    per_claim: Counter[tuple[int, int]] = Counter()
    for m in capped:
        per_claim[(m.article_a, m.claim_a)] += 1
        per_claim[(m.article_b, m.claim_b)] += 1
    assert per_claim[(0, 0)] >= 4
    best_of_first = sorted(
        (m for m in every if (m.article_a, m.claim_a) == (0, 0)),
        key=lambda m: (-m.similarity, m.article_b),
    )[:4]
    assert all(m in capped for m in best_of_first)


def _casualty_links(
    first: list[str], second: list[str], published: list, languages: tuple[str, str] = ("ar", "ar")
) -> dict:
    from newsdiff.pipeline.encode import encoder_get

    # Analysed as articles: the claims carry whom they quote.
    story = [
        analyse_article("\n".join(texts), published=day).claims
        for texts, day in ((first, published[0]), (second, published[1]))
    ]
    encoder = encoder_get()
    vectors = [encoder.encode([c.text for c in article]) for article in story]
    links = compare_articles(story, published, vectors=vectors, languages=list(languages))
    return {(ln.match.claim_a, ln.match.claim_b): ln.relation.kind for ln in links}


@pytest.mark.parametrize(
    ("first", "second", "language", "kind"),
    [
        # One governor's count of the homeless with two hedges that exclude each other: once
        # his name is set aside, the two sentences share little more than the figure.
        (
            "Verano's governor, Lena Ward, said more than 40,000 people were made homeless by "
            "the storm, which damaged half of the town.",
            "Governor Lena Ward said up to 40,000 people lost their houses, while officials "
            "handed out food, water and blankets.",
            "en",
            "contradiction",
        ),
        (
            "قال محافظ فيرانو سامر الخوري إن أكثر من 40 ألف شخص باتوا مشردين وإن نصف المدينة"
            " تضرر جراء العاصفة.",
            "وأعلن المحافظ سامر الخوري أن ما يصل إلى 40 ألفا فقدوا منازلهم، فيما تعمل السلطات"
            " على تأمين الغذاء والماء والمأوى لهم.",
            "ar",
            "contradiction",
        ),
        # The same hedge: the same count, told two ways.
        (
            "Verano's governor, Lena Ward, said more than 40,000 people were made homeless by "
            "the storm, which damaged half of the town.",
            "Governor Lena Ward said more than 40,000 people lost their houses, while officials "
            "handed out food, water and blankets.",
            "en",
            "agreement",
        ),
    ],
)
def test_one_count_of_casualties_told_two_ways_is_paired(
    first: str, second: str, language: str, kind: str
) -> None:
    others = {
        "en": (
            "Power was cut in the eastern districts for two days.",
            "The airport reopened on Tuesday after the winds eased.",
        ),
        "ar": ("وأعيد فتح المطار الثلاثاء بعد أن هدأت الرياح.", "وانقطعت الكهرباء أياما."),
    }[language]
    links = _casualty_links(
        [first, others[0]], [second, others[1]], [None, None], (language, language)
    )
    assert links.get((0, 0)) == kind


def test_claims_sharing_the_storys_words_but_not_its_meaning_are_no_link() -> None:
    links = _casualty_links(
        [
            "أعلن المجلس البلدي فيرانو والبلدات القريبة منها مناطق منكوبة إثر السيول التي ضربتها.",
            "وقال عمدة فيرانو إن فرق الإغاثة بلغت البلدة صباح الأربعاء.",
        ],
        [
            "أعلن الهلال الأحمر أن حصيلة القتلى من جراء السيول التي اجتاحت مدينة فيرانو"
            " ارتفعت إلى 140 قتيلا.",
            "ووصلت فرق الإنقاذ إلى مدينة فيرانو صباح الثلاثاء بحسب رئيس البلدية.",
        ],
        [None, None],
    )
    # A council's disaster areas and the Red Crescent's toll share the floods' words only.
    assert (0, 0) not in links
    assert links[(1, 1)] == "agreement"  # the rescue teams' arrival, told twice


def test_a_pair_of_unknown_meaning_is_judged_by_its_words() -> None:
    council, toll = claims(
        "أعلن المجلس الرئاسي مدينة فيرانو منطقة منكوبة بسبب السيول التي اجتاحتها.",
        "أعلن الهلال الأحمر أن حصيلة القتلى من السيول التي اجتاحت مدينة فيرانو ارتفعت.",
    )
    between = {"learned_min_similarity": 0.8}
    assert relate_claims(council, toll, **between).kind == "agreement"
    assert relate_claims(council, toll, **between, cosine=0.2).kind == "unrelated"
    assert relate_claims(council, toll, **between, cosine=0.6).kind == "agreement"


def test_claims_sharing_only_the_storys_names_must_mean_alike_as_pairs_found_by_meaning() -> None:
    alerted, noises = claims(
        "The Harbour Patrol was alerted after the Silver Gull ferry failed to return to port"
        " at its planned time on Sunday.",
        "The Harbour Patrol gave families some hope when it said a patrol plane had detected"
        " noises near the Silver Gull ferry.",
    )
    between = {"learned_min_similarity": 0.8}
    # Every claim of the story may name the patrol and the ferry: names are no shared fact.
    assert relate_claims(alerted, noises, **between, cosine=0.45).kind == "unrelated"
    assert relate_claims(alerted, noises, **between, cosine=0.6).kind == "agreement"
    # A designation with a number in it is as precise as a figure.
    deal, envoys = claims(
        "The proposed deal covers small arms such as the Varga VK-12 rifle.",
        "The envoys came to buy small arms, mainly the Varga VK-12 rifle.",
    )
    assert relate_claims(deal, envoys, **between, cosine=0.45).kind == "agreement"
    # Two claims that share no name are held to the lower floor of words alone.
    rescuers, families = claims(
        "The rescuers were alerted after the ferry failed to return to port at its planned time.",
        "The rescuers said the ferry had failed to return to port at the time it had planned.",
    )
    assert relate_claims(rescuers, families, **between, cosine=0.45).kind == "agreement"
    assert relate_claims(rescuers, families, **between, cosine=0.3).kind == "unrelated"


def test_claims_sharing_only_the_storys_date_must_mean_alike() -> None:
    between = {"learned_min_similarity": 0.8}
    for fainted, final in (
        claims(
            "The fans' association said on 14 July 2031 that 9 supporters had fainted in the heat.",
            "The final of the Coastal Cup was played at the Harbour Stadium on 14 July 2031.",
        ),
        claims(
            "أعلن اتحاد المشجعين يوم 14 يوليو 2031 إصابة 9 مشجعين بضربات شمس.",
            "أقيمت المباراة النهائية لكأس الساحل في ملعب الميناء يوم 14 يوليو 2031.",
        ),
    ):
        # The day is all they have in common: two things that happened on it.
        assert relate_claims(fainted, final, **between, cosine=0.3).kind == "unrelated"
        assert relate_claims(fainted, final, **between, cosine=0.6).kind == "agreement"
    # A count in common as well is a figure of its own, whatever the vectors say.
    heat, faints = claims(
        "On 14 July 2031, 9 supporters fainted in the heat at the Harbour Stadium.",
        "The organisers said 9 supporters had fainted on 14 July 2031.",
    )
    assert relate_claims(heat, faints, **between, cosine=0.3).kind == "agreement"


_DEAL_STORY = (
    "يقترب نادي النسور من صفقة المهاجم الغاني كوفي منساه.",
    "عرض نادي النسور 40 مليون يورو في صفقة المهاجم الغاني كوفي منساه.",
    "وافق المهاجم الغاني كوفي منساه على عرض نادي النسور.",
    "صفقة منساه مع نادي النسور تنتظر الفحص الطبي.",
)


def test_claims_sharing_only_the_storys_own_words_are_no_link() -> None:
    arrived, hurdle, landed = claims(
        "وصل رئيس نادي النسور إلى مدينة ليون صباح اليوم لإتمام صفقة المهاجم الغاني كوفي منساه.",
        "أنهى نادي النسور العقبة الأخيرة في صفقة المهاجم الغاني كوفي منساه.",
        "وصل رئيس نادي النسور صباح اليوم إلى ليون من أجل صفقة منساه.",
    )
    between = {"learned_min_similarity": 0.8, "cosine": 0.6}
    assert relate_claims(arrived, hurdle, **between).kind == "agreement"
    # In a story about the deal, the club, the deal and the striker are said of everything.
    deal = story_words([[claim] for claim in claims(*_DEAL_STORY, *_DEAL_STORY[:2])])
    own = {light_stem(normalize_text(w)) for w in ("النسور", "صفقة", "منساه", "الغاني")}
    assert own <= deal.own
    assert light_stem("ليون") not in deal.own
    assert relate_claims(arrived, hurdle, **between, story_words=deal).kind == "unrelated"
    # Two claims that share a word of their own (the president's arrival in Lyon) still agree.
    assert relate_claims(arrived, landed, **between, story_words=deal).kind == "agreement"


def test_a_story_of_six_articles_links_no_claims_that_share_only_its_own_words() -> None:
    story = [
        claims(
            "وصل رئيس نادي النسور إلى مدينة ليون صباح اليوم لإتمام صفقة المهاجم الغاني كوفي منساه."
        ),
        claims(
            "أنهى نادي النسور العقبة الأخيرة في صفقة المهاجم الغاني كوفي منساه.",
            "ووصل رئيس النادي إلى ليون صباح اليوم.",
        ),
        *([claim] for claim in claims(*_DEAL_STORY)),
    ]
    links = compare_articles(story, [None] * len(story))
    pairs = {(ln.match.claim_a, ln.match.article_b, ln.match.claim_b) for ln in links}
    assert (0, 1, 0) not in pairs  # the president's arrival and the last hurdle
    assert (0, 1, 1) in pairs  # the president's arrival in Lyon, told twice
    # Five articles have no words of their story yet.
    five = compare_articles(story[:5], [None] * 5)
    assert (0, 1, 0) in {(ln.match.claim_a, ln.match.article_b, ln.match.claim_b) for ln in five}


def test_the_storys_own_words_are_in_half_its_articles() -> None:
    deal, other = claims(
        "عرض نادي النسور 40 مليون يورو في صفقة منساه.", "هبطت الطائرة في ليون صباح اليوم."
    )
    assert not story_words([[deal]] * 5)
    assert light_stem("منساه") in story_words([[deal]] * 3 + [[other]] * 3).own
    assert light_stem("منساه") not in story_words([[deal]] * 3 + [[other]] * 4).own
    # Each stem weighs the log of the articles over those that use it.
    words = story_words([[deal]] * 2 + [[other]] * 4)
    assert words.weight([light_stem("منساه")]) == pytest.approx(math.log(3))
    assert words.weight([light_stem("منساه"), light_stem("منساه")]) == pytest.approx(math.log(3))
    assert words.weight([light_stem("منساه"), "unused"]) == pytest.approx(math.log(3) + math.log(6))


_DEAL_STORY_EN = (
    "The club is close to a deal for the young striker from the north.",
    "The club offered 40 million euros in the deal for the young striker.",
    "The young striker accepted the offer of the club.",
    "The deal for the striker awaits a medical.",
)


@pytest.mark.parametrize(
    ("story", "first", "second", "again"),
    [
        (
            _DEAL_STORY,
            "وصل رئيس نادي النسور إلى باريس صباحا للحصول رسميا على توقيع المهاجم الغاني كوفي"
            " منساه.",
            "ودع جان موريل رئيس نادي الفهود النجم منساه الذي انضم إلى النسور الثلاثاء.",
            "وصل رئيس نادي النسور إلى باريس صباح اليوم لإتمام صفقة منساه.",
        ),
        (
            _DEAL_STORY_EN,
            "The club's chairman flew to the capital this morning to get the signature of the"
            " young striker from the north.",
            "The chairman of his old club bade farewell to the young striker, who joined his new"
            " club on Tuesday.",
            "The club's chairman arrived in the capital this morning to complete the deal for the"
            " striker.",
        ),
        # Words that only name the story's cast weigh nothing: a title ("president"), a city
        # and its people ("Paris", "French"), the rest of a name after its particle ("دا").
        (
            _DEAL_STORY,
            "وصل رئيس نادي النسور إلى المطار صباحا للحصول على توقيع المهاجم الغاني منساه دا"
            " سيلفو نجم نادي باريس الفرنسي.",
            "ودع رئيس نادي باريس بطل الدوري الفرنسي المهاجم الغاني منساه دا سيلفو الذي انضم"
            " إلى النسور.",
            "وصل رئيس نادي النسور إلى المطار صباحا لإتمام صفقة منساه دا سيلفو.",
        ),
        (
            _DEAL_STORY_EN,
            "The club's president flew in to get the young striker's signature.",
            "The president of the champions thanked the young striker.",
            "The club's president flew in to sign the young striker.",
        ),
    ],
    ids=["ar", "en", "ar-cast", "en-cast"],
)
def test_claims_sharing_only_light_words_beside_their_own_are_no_link(
    story: tuple[str, ...], first: str, second: str, again: str
) -> None:
    # A chairman's arrival and another chairman's farewell share the story's words and a
    # title, a word few of its articles use, and nothing else.
    arrived, farewell, told_again = claims(first, second, again)
    told = claims(*story)
    articles = [[claim] for claim in told] + [[told[0]], [arrived], [farewell], [told_again]]
    words = story_words(articles)
    between = {"learned_min_similarity": 0.8, "cosine": 0.6}
    assert relate_claims(arrived, farewell, **between).kind == "agreement"
    assert relate_claims(arrived, farewell, **between, story_words=words).kind == "unrelated"
    # The arrival told twice shares the words of its own event, and still agrees.
    assert relate_claims(arrived, told_again, **between, story_words=words).kind == "agreement"


def test_two_sources_counting_the_dead_differently_are_disputed_however_worded() -> None:
    import datetime as dt

    monday = dt.date(2023, 9, 11)
    first = [
        "قال وزير الصحة في حكومة الشرق سليم الحداد إن 3 آلاف شخص قتلوا في تلبارة",
        "وغمرت المياه أحياء كاملة في وسط المدينة",
    ]
    second = [
        "وأفاد مكتب أممي للإغاثة بأن 11300 على الأقل لقوا حتفهم",
        "وتواصل فرق الإنقاذ البحث بين الأنقاض",
    ]
    # Their words share nothing but the count of the dead: two sources, two figures.
    assert _casualty_links(first, second, [monday, monday]).get((0, 0)) == "disputed"


def test_two_counts_of_the_dead_on_two_dates_are_an_update() -> None:
    import datetime as dt

    first = ["مقتل 3 آلاف شخص جراء الفيضانات في المدينة المنكوبة", "وانهار السدان فجرا"]
    second = ["ارتفع عدد من لقوا حتفهم إلى 11300 في درنة", "وتصل المساعدات تباعا"]
    published = [dt.date(2023, 9, 12), dt.date(2023, 9, 15)]
    assert _casualty_links(first, second, published).get((0, 0)) == "updated"


def test_two_unattributed_counts_of_the_dead_on_one_day_are_no_link() -> None:
    import datetime as dt

    monday = dt.date(2023, 9, 11)
    # One may count the city and the other the country: without two sources or two dates
    # nothing says which, so no link (never a contradiction).
    first = ["مقتل 3 آلاف شخص جراء الفيضانات في المدينة المنكوبة", "وانهار السدان فجرا"]
    second = ["لقي 11300 حتفهم في الكارثة التي ضربت شرق البلاد", "وتصل المساعدات تباعا"]
    assert (0, 0) not in _casualty_links(first, second, [monday, monday])


def test_two_agencies_giving_the_quake_two_magnitudes_are_disputed_however_worded() -> None:
    import datetime as dt

    saturday = dt.date(2023, 9, 9)
    first = [
        "وقال المعهد الوطني للجيوفيزياء إن قوة الزلزال بلغت 6 درجات",
        "وانهارت منازل طينية في القرى الجبلية",
    ]
    second = [
        "وذكرت هيئة المسح الجيولوجي الأمريكية أن الهزة سجلت 5.8 درجة على مقياس ريختر",
        "وتواصل فرق الإنقاذ البحث بين الأنقاض",
    ]
    # Their words share nothing but the magnitude: one quake, two agencies, two readings.
    assert _casualty_links(first, second, [saturday, saturday]).get((0, 0)) == "disputed"


def test_each_magnitude_meets_the_nearest_claim_of_every_other_magnitude() -> None:
    """The 7 of one article and the 7.2 of another are paired though each has more nearer
    claims giving 6.8 than a claim's pairs are kept (four): a story gives a quake few
    magnitudes, and each pair of them may conflict."""

    def unit(*values: float) -> np.ndarray:
        vector = np.asarray(values, dtype=np.float32)
        return vector / np.linalg.norm(vector)

    seven = ["The national institute rated the tremor at magnitude 7."]
    usgs = [f"The USGS put the magnitude at 6.8, {who} said." for who in "ABCDE"]
    seven_two = "Morocco's geophysical centre measured the quake at magnitude 7.2."
    gfz = [f"The quake registered a magnitude of 6.8, agency {who} said." for who in "FGHI"]
    story = [
        [claim_from_text(t, position=i) for i, t in enumerate(texts)]
        for texts in (seven, [*usgs, seven_two], gfz)
    ]
    assert all(
        f.subject == MAGNITUDE
        for article in story
        for c in article
        for f in c.facts
        if f.kind == "number"
    )
    vectors = [
        np.stack([unit(1, 0, 0)]),
        np.stack([unit(0.9, 0.436, 0)] * 5 + [unit(0.6, 0, 0.8)]),
        np.stack([unit(0.55, 0.1, 0.83)] * 4),
    ]
    links = compare_articles(story, [None] * 3, vectors=vectors, languages=["en"] * 3)
    between = {
        link.relation.kind
        for link in links
        if {(link.match.article_a, link.match.claim_a), (link.match.article_b, link.match.claim_b)}
        == {(0, 0), (1, 5)}
    }
    assert between and between <= {"contradiction", "disputed"}


def test_a_pair_found_by_words_and_meaning_ranks_by_the_stronger() -> None:
    def unit(*values: float) -> np.ndarray:
        vector = np.asarray([values], dtype=np.float32)
        return vector / np.linalg.norm(vector)

    # Two Arabic claims give one precise figure in few shared words (words 0.4, cosine 0.76);
    # five English claims mean much the same by their vectors alone (cosine 0.72). Only four
    # pairs of a claim are kept: the Arabic pair must be among them by its cosine.
    first = (
        "وقال المسؤولون في المجلس البلدي إن 10100 شخص لا يزالون مفقودين حتى ساعة متأخرة من الليل"
    )
    second = "وأعلن الهلال الأحمر اختفاء 10100 بعد الكارثة التي ضربت البلدية"
    english = [
        "Thousands of people are still missing, officials said.",
        "Many residents remain missing in the town.",
        "The officials fear the missing will never be found.",
        "Whole families are still missing.",
        "Rescuers are still looking for the missing.",
    ]
    articles = [[claim_from_text(text)] for text in (first, second, *english)]
    vectors = [unit(1, 0, 0), unit(0.76, 0.65, 0)] + [unit(0.72, 0.3, 0.6257)] * len(english)
    languages = ["ar", "ar"] + ["en"] * len(english)
    matches = align_claims(articles, vectors=vectors, languages=languages, limit=4)
    arabic = [m for m in matches if (m.article_a, m.article_b) == (0, 1)]
    assert arabic
    assert arabic[0].similarity < 0.72 < arabic[0].meaning


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("وحددت الوكالة الوطنية عمق الزلزال بنحو 8 كيلومترات", "The agency put it 5 miles down."),
        ("ووافق النادي على دفع 160 مليون يورو", "The club agreed to pay $175m."),
    ],
)
def test_claims_of_two_languages_giving_one_quantity_in_two_units_meet(
    arabic: str, english: str
) -> None:
    # Their vectors are close (0.55) but not close enough to meet alone (0.7): the one
    # quantity, in kilometres and miles, euros and dollars, pairs them.
    articles = [[claim_from_text(arabic)], [claim_from_text(english)]]
    vectors = [np.asarray([[1.0, 0.0]], np.float32), np.asarray([[0.55, 0.835]], np.float32)]
    matches = align_claims(articles, vectors=vectors, languages=["ar", "en"])
    assert [(m.article_a, m.article_b) for m in matches] == [(0, 1)]


@pytest.mark.parametrize(
    ("arabic", "english", "paired"),
    [
        # One percentage, one duration in long sentences whose words barely meet: the figure
        # pairs them from a cosine of 0.4.
        (
            "وأوضحت الهيئة في بيانها الصادر مساء أمس أن عمليات القطر والدفع التي شاركت فيها "
            "قاطرات عملاقة أدت إلى تعديل مسار السفينة بنسبة 80% وابتعاد مؤخرتها عن الشاطئ "
            "الغربي بعد ساعات طويلة من العمل المتواصل",
            "Tugs pushing and pulling the hull brought 80% of the tanker's course back to normal, "
            "the port said on Monday.",
            True,
        ),
        (
            "وأشار رئيس الهيئة في مقابلة تلفزيونية مطولة إلى أن التعويضات المطلوبة تشمل خسائر "
            "الإيرادات وتكاليف الإنقاذ والأضرار التي لحقت بالمجرى وتعطل حركة الملاحة طوال ستة "
            "أيام كاملة",
            "The dispute follows the stranding of the tanker, which blocked the "
            "strait for six days.",
            True,
        ),
        # A small count, or a name every claim of the story gives, is no such figure (their
        # words may still pair them).
        (
            "وأشار رئيس الهيئة إلى أن 2 من القاطرات تعطلت أثناء عمليات التعويم الليلة الماضية",
            "The authority said 2 tugboats would join the salvage effort from the north.",
            False,
        ),
        (
            "وقال متحدث باسم EVER GIVEN إن الطاقم بخير وإن عمليات التعويم مستمرة حتى الآن",
            "The owners of the Ever Given hope the ship can be refloated by the weekend.",
            False,
        ),
    ],
)
def test_claims_of_two_languages_sharing_a_quantity_meet_from_a_lower_cosine(
    arabic: str, english: str, paired: bool
) -> None:
    articles = [[claim_from_text(arabic)], [claim_from_text(english)]]
    shared = {f.kind for f in articles[0][0].facts} & {f.kind for f in articles[1][0].facts}
    assert shared  # each pair gives one fact on both sides
    vectors = [np.asarray([[1.0, 0.0]], np.float32), np.asarray([[0.45, 0.893]], np.float32)]
    matches = align_claims(articles, vectors=vectors, languages=["ar", "en"])
    assert any(m.meaning > 0 for m in matches) is paired


def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def _kinds_between(links: list, first: tuple[int, int], second: tuple[int, int]) -> set[str]:
    return {
        link.relation.kind
        for link in links
        if {(link.match.article_a, link.match.claim_a), (link.match.article_b, link.match.claim_b)}
        == {first, second}
    }


def test_a_length_told_in_passing_meets_the_nearest_claim_of_each_other_length() -> None:
    """'A 21-foot vessel' and 'is 22 feet long' share few words and other claims are nearer
    in meaning: the two lengths still meet, and conflict."""
    first = [
        "The Nautilus, a 21-foot vessel, vanished with its crew of five on Sunday in the ocean.",
    ]
    nearer = [
        f"The vessel carried a crew of five, rescuer {who} told reporters." for who in "ABCDE"
    ]
    second = [
        *nearer,
        "The craft, named the Nautilus, is 22 feet long and carries enough air for four days for"
        " a crew of five.",
    ]
    story = [
        [claim_from_text(t, position=i) for i, t in enumerate(texts)] for texts in (first, second)
    ]
    vectors = [
        np.stack([_unit(1, 0, 0)]),
        np.stack([_unit(0.9, 0.436, 0)] * 5 + [_unit(0.5, 0, 0.866)]),
    ]
    links = compare_articles(story, [None] * 2, vectors=vectors, languages=["en"] * 2)
    assert _kinds_between(links, (0, 0), (1, 5)) == {"contradiction"}
    # Only the new article: the same pair, whichever article came last.
    for only in (0, 1):
        new = compare_articles(story, [None] * 2, only=only, vectors=vectors, languages=["en"] * 2)
        assert _kinds_between(new, (0, 0), (1, 5)) == {"contradiction"}


@pytest.mark.parametrize(
    ("other", "why"),
    [
        ("The vessel, called the Titan, dived to 13,000 feet and holds four days of air.", "far"),
        ("The vessel, named the Nautilus, is 6.5 metres long and carries four days' air.", "same"),
    ],
)
def test_lengths_far_apart_or_equal_in_metres_are_not_paired_for_their_length(
    other: str, why: str
) -> None:
    first = ["The Nautilus, a 21-foot vessel, vanished with its crew of five on Sunday at sea."]
    story = [
        [claim_from_text(t, position=i) for i, t in enumerate(texts)] for texts in (first, [other])
    ]
    vectors = [np.stack([_unit(1, 0, 0)]), np.stack([_unit(0.5, 0, 0.866)])]
    assert align._length_candidates(story, vectors, None)[1] == set(), why


def test_a_new_article_meets_the_magnitudes_the_whole_story_gives_it() -> None:
    """The 7.2 of the article ingested last is nearest another article's four 7s, but the
    first article's 7 has the 7.2 as its nearest claim of that magnitude: aligning only the new
    article gives it the pairs that aligning the whole story gives, whatever the order."""
    seven = ["Morocco's own seismic network said the quake measured magnitude 7."]
    seven_two = ["The country's geophysical centre measured the quake at magnitude 7.2."]
    other_seven = [f"Agency {who} said the tremor had a magnitude of 7." for who in "ABCD"]
    story = [
        [claim_from_text(t, position=i) for i, t in enumerate(texts)]
        for texts in (seven, other_seven, seven_two)
    ]
    vectors = [
        np.stack([_unit(1, 0, 0)]),
        np.stack([_unit(0, 0.9, 0.436)] * 4),
        np.stack([_unit(0.6, 0.8, 0)]),
    ]
    whole = compare_articles(story, [None] * 3, vectors=vectors, languages=["en"] * 3)
    assert _kinds_between(whole, (0, 0), (2, 0)) <= {"contradiction", "disputed"}
    assert _kinds_between(whole, (0, 0), (2, 0))
    for only in range(3):
        new = compare_articles(story, [None] * 3, only=only, vectors=vectors, languages=["en"] * 3)
        assert pairs([link.match for link in new]) == {
            pair for pair in pairs([link.match for link in whole]) if only in (pair[0], pair[2])
        }


def test_pairs_kept_for_their_figures_take_no_place_of_a_claim_s_other_pairs() -> None:
    """Five claims of an English article give another magnitude and each is paired with
    the Arabic 7.2 for it; the claim of that article that names the same village as the 7.2
    is still paired with it by meaning, though each of the two has four better pairs and a
    claim keeps only its four best."""
    seven_two = ["ضرب الزلزال قرب قرية إغيل بقوة 7.2 درجات على مقياس ريختر، بحسب المركز."]
    second = [
        *(f"Agency {who} rated the tremor at magnitude 6.8 on its own scale." for who in "ABCDE"),
        "Homes fell in the village of Ighil in the mountains, officials said.",
    ]
    retold = [
        [f"Homes fell in the village of Ighil in the mountains, {who} said."] for who in "FGHI"
    ]
    story = [
        [claim_from_text(t, position=i) for i, t in enumerate(texts)]
        for texts in (seven_two, second, *retold)
    ]
    vectors = [
        np.stack([_unit(1, 0, 0)]),
        np.stack([_unit(0.95, 0.312, 0)] * 5 + [_unit(0.6, 0, 0.8)]),
        *(np.stack([_unit(0, 0, 1)]) for _ in retold),
    ]
    matches = align_claims(story, vectors=vectors, languages=["ar"] + ["en"] * 5, limit=4)
    assert (0, 0, 1, 5) in pairs(matches)
    assert {(0, 0, 1, y) for y in range(5)} <= pairs(matches)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Their words share nothing but the trucks: paired by meaning, as casualties are.
        (
            ["كانت 120 شاحنة تنتظر عند المعبر الحدودي يوم الثلاثاء", "وأغلقت السلطات الطريق"],
            [
                "ازدحام كبير اليوم الجمعة، إذ تصطف 340 شاحنة أمام البوابة في انتظار دورها",
                "ويعمل الموظفون على مدار الساعة",
            ],
        ),
        (
            ["On Tuesday, 120 trucks were waiting at the border crossing", "The road was closed"],
            [
                "Long queues on Friday: 340 trucks stood at the crossing gate waiting for their"
                " turn",
                "Staff are working around the clock",
            ],
        ),
    ],
)
def test_two_counts_of_one_thing_on_two_named_weekdays_are_an_update(
    first: list[str], second: list[str]
) -> None:
    # Undated articles: each claim tells of the weekday it names, two different days.
    assert _casualty_links(first, second, [None, None]).get((0, 0)) == "updated"


def test_two_salaries_of_one_player_are_paired_however_worded() -> None:
    # Their words share little but the salary, told a year at a time in one and over two
    # seasons in the other: 100 million euros a year against 80.
    first = [
        "أتم نادي الساحل اتفاقه مع النجم الأرجنتيني لمدة موسمين مقابل راتب سنوي قدره"
        " 100 مليون يورو",
        "ووصل اللاعب إلى الرياض مساء الجمعة",
    ]
    second = [
        "وأفادت تقارير إعلامية أن النادي الخليجي توصل مع المهاجم إلى راتب 160 مليون يورو في موسمين",
        "ويخضع اللاعب للفحص الطبي غدا",
    ]
    assert _casualty_links(first, second, [None, None]).get((0, 0)) in {"contradiction", "disputed"}


@pytest.mark.parametrize("size", [0, 1, 1000])
def test_distinct_values_are_numpys_unique(size: int) -> None:
    values = np.random.default_rng(size).integers(0, 50, size=size, dtype=np.int64)
    assert np.array_equal(align._distinct(values), np.unique(values))


def test_a_denial_naming_the_reports_source_meets_that_report() -> None:
    """The denial names the paper whose report it denies and shares almost no words with
    it, and four claims of the paper's article are nearer it: it is still paired with the
    paper's report, and the two are a dispute, whichever article came last."""
    report = [
        "The Coast Daily Herald reported that the council sold the old harbour to a foreign"
        " firm for $40 million.",
        *(f"Fishermen at pier {n} said the morning catch was poor." for n in "ABCD"),
    ]
    denial = ["The mayor of Talbara dismissed the Coast Daily Herald's report as fake news."]
    story = [
        [claim_from_text(t, position=i) for i, t in enumerate(texts)] for texts in (report, denial)
    ]
    vectors = [
        np.stack([_unit(0.2, 0.98, 0)] + [_unit(0.9, 0.436, 0)] * 4),
        np.stack([_unit(1, 0, 0)]),
    ]
    whole = compare_articles(story, [None] * 2, vectors=vectors, languages=["en"] * 2)
    assert _kinds_between(whole, (0, 0), (1, 0)) == {"disputed"}
    for only in (0, 1):
        new = compare_articles(story, [None] * 2, only=only, vectors=vectors, languages=["en"] * 2)
        assert _kinds_between(new, (0, 0), (1, 0)) == {"disputed"}
    # A denial that names another paper is not paired with this one's report for it.
    other = [claim_from_text("The mayor dismissed the Harbour Weekly's report as fake news.")]
    kept = align._denied_report_candidates([story[0], other], vectors, None, denies)[1]
    assert kept == set()
